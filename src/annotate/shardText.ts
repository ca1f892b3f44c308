import * as fs from 'node:fs';
import { forEachWindowOfFile, forEachWindowOfRanges, OnWindow } from '../io/bgzfWindows';
import { IndexedFasta } from '../io/fasta';
import type { ShardSpec } from '../shard/types';
import type { ReadOptions } from './readOptions';

/**
 * Hands the shard's decompressed text to `onWindow` in windows of whole lines (src/io/bgzfWindows).
 */
export function shardText(shard: ShardSpec, opts: ReadOptions, onWindow: OnWindow): void {
  if (shard.ranges === null) {
    if (opts.compression === 'bgzf') forEachWindowOfFile(shard.vcf, opts.displayName, onWindow);
    else {
      const data = fs.readFileSync(shard.vcf);
      onWindow(data, 0, data.length);
    }
  } else forEachWindowOfRanges(shard.vcf, opts.displayName, shard.ranges, onWindow);
}

export function inRegions(regions: NonNullable<ShardSpec['regions']>, chrom: string, pos: number): boolean {
  for (const r of regions) if (r.chrom === chrom && pos >= r.start1 && pos <= r.end1) return true;
  return false;
}

const fastaCache = new Map<string, IndexedFasta>();

/** One open FASTA per path and worker thread. */
export function openFasta(file: string): IndexedFasta {
  let f = fastaCache.get(file);
  if (!f) fastaCache.set(file, (f = IndexedFasta.open(file)));
  return f;
}
