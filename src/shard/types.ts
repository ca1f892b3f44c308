import type { VirtualRange } from '../io/tabixIndex';

/** A region of one contig, 1-based closed. */
export interface Region {
  chrom: string;
  start1: number;
  end1: number;
}

/**
 * One piece of work for a worker: which bytes of the VCF to read and which records (by POS) belong
 * to it. Plain data, so it crosses to the worker by structured clone.
 */
export interface ShardSpec {
  /** Position of the shard in the merge order. */
  index: number;
  vcf: string;
  /** Virtual-offset ranges to read, or null to read the whole file from its start. */
  ranges: VirtualRange[] | null;
  /** Records whose CHROM/POS fall in one of these belong to the shard; null means all records. */
  regions: Region[] | null;
}
