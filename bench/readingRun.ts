/**
 * One reading configuration in a fresh process (so peak RSS is its own):
 *   node dist/bench/readingRun.js FILE WORKERS parse|normalise|normalise-gt
 * normalise reads what `vartriage run` reads (the proband's GT, DP, GQ and AD); normalise-gt only
 * the GT (the reading path before the call-confidence evidence, for comparison with older figures).
 * Prints one JSON line: {wall_s, records, variants, shards, peak_rss_mb}.
 */
import * as path from 'node:path';
import { Piscina } from 'piscina';
import { openTabixIndex } from '../src/io/tabixIndex';
import { readVcfHeader } from '../src/io/vcfHeader';
import { planShards } from '../src/shard/plan';
import { wholeFileShard } from '../src/shard/plan';
import type { ReadJob } from './readWorker';

async function main(): Promise<void> {
  const [file, workersText, mode] = process.argv.slice(2);
  const workers = Number(workersText);
  const t0 = process.hrtime.bigint();
  const header = readVcfHeader(file);
  const index = await openTabixIndex(file);
  const shards = index ? await planShards(file, index, { contigLengths: new Map(header.contigs.map((c) => [c.name, c.length ?? 0])) }) : [wholeFileShard(file)];
  const pool = new Piscina({ filename: path.join(__dirname, 'readWorker.js'), minThreads: workers, maxThreads: workers });
  // The read options `vartriage run` passes (src/pipeline.ts): the proband's GT, DP, GQ and AD.
  const read = { sampleColumn: header.samples.length ? 9 : -1, displayName: file, compression: header.compression, probandCall: mode !== 'normalise-gt' };
  const results = await Promise.all(shards.map((shard) => pool.run({ shard, read, mode: mode === 'parse' ? 'parse' : 'normalise' } as ReadJob) as Promise<{ records: number; variants: number }>));
  await pool.destroy();
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const records = results.reduce((a, r) => a + r.records, 0);
  const variants = results.reduce((a, r) => a + r.variants, 0);
  process.stdout.write(JSON.stringify({ wall_s: wall, records, variants, shards: shards.length, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(1);
});
