/**
 * One family member's genotype at one split allele (VCF 4.3 §1.6.2 FORMAT GT, DP, GQ, AD). Plain
 * data: it crosses the worker boundary with its variant.
 */
export interface MemberCall {
  /** GT as written in the VCF record (allele indices before splitting, e.g. "1/2"); "." when absent. */
  gt: string;
  /** Copies of this ALT allele in the GT; null when the GT is absent or any of its alleles is missing. */
  copies: number | null;
  /** Alleles in the GT: 1 haploid, 2 diploid; 0 when absent. */
  ploidy: number;
  /** FORMAT DP, else the sum of AD; null when neither is given. */
  dp: number | null;
  gq: number | null;
  /** Depth of REF and of this ALT (AD taken per split allele); null without AD. */
  ad: [number, number] | null;
}
