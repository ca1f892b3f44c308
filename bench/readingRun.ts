/**
 * One reading configuration in a fresh process (so peak RSS is its own):
 *   node dist/bench/readingRun.js FILE WORKERS parse|normalise|normalise-objects|normalise-gt
 * normalise reads what `vartriage run` reads (the proband's GT, DP, GQ and AD) into VariantColumns
 * that come back to the main thread as transferred buffers; normalise-objects reads the same as
 * Variant objects (readShard) and returns counts; normalise-gt is normalise with the GT only (the
 * reading path before the call-confidence evidence, for comparison with older figures).
 * Prints one JSON line: {wall_s, cpu_s, records, variants, shards, peak_rss_mb, moved_mb}.
 */
import * as path from 'node:path';
import { Piscina } from 'piscina';
import { openTabixIndex } from '../src/io/tabixIndex';
import { readVcfHeader } from '../src/io/vcfHeader';
import { planShards } from '../src/shard/plan';
import { wholeFileShard } from '../src/shard/plan';
import type { ReadJob, ReadResult } from './readWorker';

async function main(): Promise<void> {
  const [file, workersText, mode] = process.argv.slice(2);
  const workers = Number(workersText);
  const t0 = process.hrtime.bigint();
  // The pool starts first, so that its workers start up while this thread reads the index and plans.
  const pool = new Piscina({ filename: path.join(__dirname, 'readWorker.js'), minThreads: workers, maxThreads: workers });
  const header = readVcfHeader(file);
  const index = await openTabixIndex(file);
  const shards = index ? await planShards(file, index, { contigLengths: new Map(header.contigs.map((c) => [c.name, c.length ?? 0])) }) : [wholeFileShard(file)];
  // The read options `vartriage run` passes (src/pipeline.ts): the proband's GT, DP, GQ and AD, and INFO/MQ.
  const read = { sampleColumn: header.samples.length ? 9 : -1, displayName: file, compression: header.compression, probandCall: mode !== 'normalise-gt', mappingQuality: mode !== 'normalise-gt' && header.info.has('MQ') };
  const jobMode: ReadJob['mode'] = mode === 'parse' ? 'parse' : mode === 'normalise-objects' ? 'objects' : 'columns';
  let records = 0;
  let variants = 0;
  let moved = 0;
  // Each shard's result is counted as it arrives and then dropped, as a merge would consume it.
  await Promise.all(
    shards.map(async (shard) => {
      const r = (await pool.run({ shard, read, mode: jobMode } as ReadJob)) as ReadResult;
      records += r.records;
      variants += r.variants;
      if (r.columns) {
        if (r.columns.length !== r.variants || r.columns.pos.length !== r.variants) throw new Error('columns lost in transfer');
        moved += r.columns.pos.buffer.byteLength + r.columns.arena.byteLength;
      }
    }),
  );
  await pool.destroy();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ wall_s: wall, cpu_s: (cpu.user + cpu.system) / 1e6, records, variants, shards: shards.length, peak_rss_mb: process.resourceUsage().maxRSS / 1024, moved_mb: moved / 2 ** 20 }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
