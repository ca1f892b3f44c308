/**
 * CPU seconds of one build's readers on every shard of the plan, one thread, for A/B comparisons
 * between commits (docs/adr/0003-reading-hot-path.md): readShard with the GT only and with the
 * proband call (Variant objects), and readShardColumns likewise when the build has it.
 *
 *   node dist/bench/readersAB.js BUILD_DIR [FILE] [REPEATS]   (BUILD_DIR: a `tsc --outDir` of any commit)
 *
 * Prints one JSON line: each reader's CPU seconds per repeat.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { readShard as ReadShard, ReadOptions } from '../src/annotate/readShard';
import type { readShardColumns as ReadShardColumns } from '../src/annotate/readShardColumns';
import { openTabixIndex } from '../src/io/tabixIndex';
import { readVcfHeader } from '../src/io/vcfHeader';
import { planShards } from '../src/shard/plan';
import { primaryContigs } from '../src/variant/assemblies';
import { ContigAliases } from '../src/variant/contigs';

const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const build = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
  const file = process.argv[3] ?? path.join(ROOT, 'bench', 'work', 'genome-5M.vcf.gz');
  const repeats = Number(process.argv[4] ?? 2);
  const { readShard } = require(path.join(build, 'src', 'annotate', 'readShard.js')) as { readShard: typeof ReadShard };
  const columnsModule = path.join(build, 'src', 'annotate', 'readShardColumns.js');
  const readShardColumns = fs.existsSync(columnsModule) ? (require(columnsModule) as { readShardColumns: typeof ReadShardColumns }).readShardColumns : null;
  const header = readVcfHeader(file);
  const index = await openTabixIndex(file);
  if (!index) throw new Error(`${file} has no index`);
  const shards = await planShards(file, index, { contigLengths: new Map(header.contigs.map((c) => [c.name, c.length ?? 0])) });
  const aliases = new ContigAliases(primaryContigs('GRCh38'));
  const opts = (probandCall: boolean): ReadOptions => ({ sampleColumn: header.samples.length ? 9 : -1, displayName: file, compression: 'bgzf', probandCall });
  const readers: Record<string, () => number> = {
    objects_gt: () => shards.reduce((a, s) => a + readShard(s, opts(false), aliases).variants.length, 0),
    objects_call: () => shards.reduce((a, s) => a + readShard(s, opts(true), aliases).variants.length, 0),
  };
  if (readShardColumns) {
    readers.columns_gt = () => shards.reduce((a, s) => a + readShardColumns(s, opts(false), aliases).columns.length, 0);
    readers.columns_call = () => shards.reduce((a, s) => a + readShardColumns(s, opts(true), aliases).columns.length, 0);
  }
  const out: Record<string, number[]> = {};
  for (let r = 0; r < repeats; r++) {
    for (const [name, f] of Object.entries(readers)) {
      const c = process.cpuUsage();
      f();
      const u = process.cpuUsage(c);
      (out[name] ??= []).push((u.user + u.system) / 1e6);
    }
  }
  process.stdout.write(JSON.stringify({ build: path.relative(ROOT, build), file: path.relative(ROOT, file), cpu_s: out }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
