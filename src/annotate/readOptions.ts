import type { XCallCounts } from '../prioritise/family';
import type { ReadCounts } from './types';

export interface ReadOptions {
  /** 0-based column of the sample to read; -1 for a sites-only VCF. */
  sampleColumn: number;
  /** Display name of the VCF for messages. */
  displayName: string;
  compression: 'bgzf' | 'none';
  /** Keep each record's INFO text on its variants (for plugins); off by default to keep shards small. */
  keepInfo?: boolean;
  /** Keep each record's own INFO and FORMAT fields on its variants (`AnnotatedVariant.source`), for the cold tier of a store. */
  keepSource?: boolean;
  /** Read INFO/MQ (`AnnotatedVariant.mappingQuality`), for the call-confidence evidence; set when the header defines MQ. */
  mappingQuality?: boolean;
  /** Read the proband's DP, GQ and AD as well as GT (`Variant.call`), for the call-confidence evidence. */
  probandCall?: boolean;
  /** With --ped: VCF columns of the family members (proband first) whose GT, DP, GQ and AD are read, and the build (for the PARs). */
  family?: { columns: number[]; build: string };
  /** With --fasta: indexed reference FASTA against which indels are left-aligned. */
  fasta?: string;
}

/** What reading a shard reports besides its alleles. */
export interface ReadReport {
  counts: ReadCounts;
  warnings: string[];
  /** Per family member X heterozygosity (runs with --ped only). */
  xCalls?: XCallCounts;
}
