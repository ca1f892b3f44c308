/**
 * The long-lived query process of the store benchmark (bench/store.ts): opens the store once and
 * times each lookup on its own, in a process of its own, so that the heap of the 5M-variant build
 * (and its garbage collection) is not charged to the lookups. Prints one JSON object.
 *
 *   node dist/bench/storeLookups.js STORE_DIR LOOKUPS.json
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Lookup, StoreReader } from '../src/store';
import { WarmReader } from '../src/store/warm';
import { DecodedBlock } from '../src/store/warmBlock';

export interface TimingSummary {
  n: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  mean_ms: number;
}

export function summary(ms: number[]): TimingSummary {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number): number => (s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.floor(p * s.length))]);
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  return { n: s.length, p50_ms: r(q(0.5)), p99_ms: r(q(0.99)), max_ms: r(s[s.length - 1] ?? 0), mean_ms: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}

function time(f: () => void): number {
  const s = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - s) / 1e6;
}

function main(): void {
  const [storeDir, lookupsFile] = process.argv.slice(2);
  const kinds = JSON.parse(fs.readFileSync(lookupsFile, 'utf8')) as Record<string, Lookup[]>;
  const reader = StoreReader.open(storeDir);
  for (const l of kinds.locus.slice(0, 100)) reader.lookup(l); // JIT warm-up
  const lookups: Record<string, TimingSummary & { mean_hits: number; empty: number }> = {};
  for (const [kind, list] of Object.entries(kinds)) {
    const ms: number[] = [];
    let hits = 0;
    let empty = 0;
    for (const l of list) {
      let n = 0;
      ms.push(time(() => (n = reader.lookup(l).hits.length)));
      hits += n;
      if (n === 0) empty++;
    }
    lookups[kind] = { ...summary(ms), mean_hits: Math.round((hits / Math.max(1, list.length)) * 10) / 10, empty };
  }
  // Machine noise floor: one fixed piece of work (decode one warm block and a row, about the cost
  // of a block-cache miss) timed as many times; its p99 shows what preemption by other jobs adds.
  const manifest = JSON.parse(fs.readFileSync(path.join(storeDir, 'store.json'), 'utf8')) as { files: { warm: string; warm_blobs: string } };
  const probe = new WarmReader(path.join(storeDir, manifest.files.warm), path.join(storeDir, manifest.files.warm_blobs));
  const probeBlock = probe.blockBytes(1);
  probe.close();
  const noise = summary(kinds.locus.map(() => time(() => new DecodedBlock(probeBlock, 'chr1', 0).materialize([7]))));
  const hotOnly: Record<string, TimingSummary> = {};
  for (const kind of ['locus', 'gene', 'rsid', 'clinvar']) hotOnly[kind] = summary(kinds[kind].slice(0, 500).map((l) => time(() => reader.lookupSync(l, 'hot'))));
  reader.close();
  process.stdout.write(JSON.stringify({ lookups, noise, hotOnly }) + '\n');
}

if (require.main === module) main();
