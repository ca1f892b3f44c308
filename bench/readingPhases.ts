/**
 * Where the reading time goes, one thread, no pool: for every shard of the plan, CPU seconds of
 * (1) opening the index and planning, (2) inflating the shard's blocks into line windows,
 * (3) the same plus scanning every record, (4) readShardColumns with the GT only, (5) the same with
 * the proband call, as `vartriage run` reads (inflate + scan + normalise into VariantColumns),
 * (6) readShard (the same materialised as Variant objects). Each later phase includes the earlier
 * ones, so differences are the phase's own cost.
 * CPU time (process.cpuUsage) is reported beside wall time because the benchmark machine is shared.
 *
 *   node dist/bench/readingPhases.js [FILE] [REPEATS]   (prints one JSON line)
 */
import * as path from 'node:path';
import { readShard } from '../src/annotate/readShard';
import { readShardColumns } from '../src/annotate/readShardColumns';
import { forEachWindowOfRanges } from '../src/io/bgzfWindows';
import { openTabixIndex } from '../src/io/tabixIndex';
import { readVcfHeader } from '../src/io/vcfHeader';
import { scanVcfRecords } from '../src/io/vcfScanner';
import { planShards } from '../src/shard/plan';
import type { ShardSpec } from '../src/shard/types';
import { primaryContigs } from '../src/variant/assemblies';
import { ContigAliases } from '../src/variant/contigs';

const ROOT = path.resolve(__dirname, '..', '..');

function clock<T>(f: () => T): { value: T; cpu_s: number; wall_s: number } {
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  const value = f();
  const u = process.cpuUsage(c);
  return { value, cpu_s: (u.user + u.system) / 1e6, wall_s: Number(process.hrtime.bigint() - t) / 1e9 };
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? path.join(ROOT, 'bench', 'work', 'genome-5M.vcf.gz');
  const repeats = Number(process.argv[3] ?? 3);
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const header = readVcfHeader(file);
  const index = await openTabixIndex(file);
  if (!index) throw new Error(`${file} has no index`);
  const shards: ShardSpec[] = await planShards(file, index, { contigLengths: new Map(header.contigs.map((c) => [c.name, c.length ?? 0])) });
  const planCpu = process.cpuUsage(c0);
  const plan = { cpu_s: (planCpu.user + planCpu.system) / 1e6, wall_s: Number(process.hrtime.bigint() - t0) / 1e9 };
  const sampleColumn = header.samples.length ? 9 : -1;
  const aliases = new ContigAliases(primaryContigs('GRCh38'));
  const phases = {
    inflate: () => {
      let bytes = 0;
      for (const s of shards) forEachWindowOfRanges(file, file, s.ranges ?? [], (_b, from, to) => (bytes += to - from));
      return bytes;
    },
    inflate_scan: () => {
      let records = 0;
      const opts = { file, sampleColumn, lineOffset: null };
      for (const s of shards) forEachWindowOfRanges(file, file, s.ranges ?? [], (b, from, to) => scanVcfRecords(b, opts, () => records++, from, to));
      return records;
    },
    columns_gt: () => {
      let variants = 0;
      for (const s of shards) variants += readShardColumns(s, { sampleColumn, displayName: file, compression: 'bgzf' }, aliases).columns.length;
      return variants;
    },
    columns_call: () => {
      let variants = 0;
      for (const s of shards) variants += readShardColumns(s, { sampleColumn, displayName: file, compression: 'bgzf', probandCall: true }, aliases).columns.length;
      return variants;
    },
    read_shard: () => {
      let variants = 0;
      for (const s of shards) variants += readShard(s, { sampleColumn, displayName: file, compression: 'bgzf', probandCall: true }, aliases).variants.length;
      return variants;
    },
  };
  const best: Record<string, { cpu_s: number; wall_s: number; value: number }> = {};
  for (let r = 0; r < repeats; r++) {
    for (const [name, f] of Object.entries(phases)) {
      const m = clock(f);
      if (!best[name] || m.cpu_s < best[name].cpu_s) best[name] = m;
    }
  }
  process.stdout.write(JSON.stringify({ file: path.relative(ROOT, file), shards: shards.length, plan, ...best }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
