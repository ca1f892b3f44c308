import type { ClinvarFacts, GeneConsequence, GnomadFacts } from '../annotate/types';
import type { ReferenceSourceOut } from './storeManifest';
import type { AlleleFacts } from '../variant/types';

/** Why a variant is in the hot tier; a variant can have several reasons. */
export type ReportableReason = 'candidate' | 'clinvar_pathogenic' | 'rare_protein_altering';
export const REPORTABLE_REASONS: readonly ReportableReason[] = ['candidate', 'clinvar_pathogenic', 'rare_protein_altering'];

/**
 * One annotated allele as every tier stores it and every lookup returns it. Coordinates are 1-based
 * (VCF-style); `row` is the 0-based position of the variant in store order (contig, then pos1), the
 * same in all three tiers, so answers can be compared and joined across tiers.
 */
export interface StoredVariant extends Omit<AlleleFacts, 'pos'> {
  row: number;
  /** 1-based position (AlleleFacts.pos, named for its coordinate system here). */
  pos1: number;
  /** The VCF ID column ('.' when absent); may hold several ids separated by ';'. */
  id: string;
  /** 1-based line of the source record in the input VCF, when known. */
  line: number | null;
  consequence: string;
  genes: GeneConsequence[];
  gnomad: GnomadFacts | null;
  clinvar: ClinvarFacts | null;
  /** Best rank of a candidate gene that lists this variant, or null. */
  candidateRank: number | null;
  reportable: ReportableReason[];
  /** The sample's call at this allele as the input VCF gave it; null for a sites-only VCF. */
  call: StoredCall | null;
}

/**
 * The sample's FORMAT fields at one allele (VCF 4.3 §1.6.2): GT as written in the input (before
 * multi-allelic records were split), DP, GQ, and AD as [REF reads, reads of this ALT].
 */
export interface StoredCall {
  gt: string;
  dp: number | null;
  gq: number | null;
  ad: [number, number] | null;
}

/** What the hot tier adds for variants of candidate genes: the ranking's own words. */
export interface CandidateDetail {
  rank: number;
  gene: string;
  gene_score: number;
  variant_score: number;
  transcript: string;
  hgvs_c: string | null;
  hgvs_p: string | null;
  reasons: string[];
}

export interface StoreHit extends StoredVariant {
  /** Present when the hot tier holds ranking detail for this variant (candidate genes only). */
  candidates?: CandidateDetail[];
}

export type LookupKind = 'locus' | 'region' | 'gene' | 'rsid' | 'clinvar';

export type Lookup =
  | { kind: 'locus'; chrom: string; pos1: number }
  | { kind: 'region'; chrom: string; start1: number; end1: number }
  | { kind: 'gene'; symbol: string }
  | { kind: 'rsid'; rsid: string }
  | { kind: 'clinvar'; id: string };

export type TierName = 'hot' | 'warm' | 'cold';

export interface StoreRunInfo {
  sample: string | null;
  build: string;
  reference: { name: string; sources: ReferenceSourceOut[] };
}
