import type { MemberCall } from './memberCall';

/** A normalised variant key: `chrom:pos:ref:alt` with the bundle's canonical contig name (DESIGN.md §3). */
export type VariantKey = string & { readonly __brand: 'VariantKey' };

export type Zygosity = 'het' | 'hom' | 'hemi' | 'unknown';

/** The facts of one normalised allele that every later stage carries along. 1-based `pos`. */
export interface AlleleFacts {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  /** rsID or other id from the VCF ID column, '.' when absent. */
  id: string;
  filter: string;
  qual: number | null;
  zygosity: Zygosity;
}

/** One alternate allele of one VCF record, after splitting and trimming. */
export interface Variant extends AlleleFacts {
  /** 1-based line number in the VCF when known, for error messages and provenance. */
  line?: number;
  /** INFO column of the record, only when the reader was asked to keep it (plugins read it). */
  info?: string;
  /** The proband's GT, DP, GQ and AD at this allele (when the reader was asked for them). */
  call?: MemberCall;
  /** Family members' genotypes at this allele, in `Family.columns` order (runs with --ped only). */
  family?: MemberCall[];
}

export function variantKey(chrom: string, pos: number, ref: string, alt: string): VariantKey {
  return `${chrom}:${pos}:${ref}:${alt}` as VariantKey;
}

/**
 * What the input VCF record said beyond the fields vartriage reads, kept as written so that the
 * cold tier is the input record plus the annotations (as vcfanno and VEP's --vcf write theirs).
 * Number=A/R/G values are split for this allele only when the line is written (src/store/sourceFields.ts).
 */
export interface SourceFields {
  /** The INFO column as written ('.' when empty). */
  info: string;
  /** FORMAT and the sample's column joined by a tab, or null when the VCF has no sample column. */
  call: string | null;
  /** This allele's 1-based index among the record's ALT alleles, and their count. */
  altIndex: number;
  altCount: number;
}
