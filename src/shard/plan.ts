import type { OpenedIndex } from '../io/tabixIndex';
import type { Region, ShardSpec } from './types';

/** Largest coordinate the binning index addresses (2^29, tabix spec). */
const MAX_COORD = 1 << 29;

/**
 * One shard per reference in the index, in index order (which is file order), so merging shard
 * results in shard order reproduces the file's record order whatever the number of workers.
 */
export async function planByContig(vcf: string, index: OpenedIndex, only?: Region): Promise<ShardSpec[]> {
  const shards: ShardSpec[] = [];
  for (const chrom of index.refNames) {
    if (only && only.chrom !== chrom) continue;
    const region: Region = only ?? { chrom, start1: 1, end1: MAX_COORD };
    const ranges = await index.rangesFor(chrom, region.start1 - 1, region.end1);
    if (ranges.length === 0) continue;
    shards.push({ index: shards.length, vcf, ranges, regions: [region] });
  }
  return shards;
}

/** The sequential path for a plain or unindexed VCF: the whole file as one shard. */
export function wholeFileShard(vcf: string, only?: Region): ShardSpec {
  return { index: 0, vcf, ranges: null, regions: only ? [only] : null };
}
