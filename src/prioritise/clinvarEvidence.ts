import type { ClinvarFacts } from '../annotate/types';
import { isBenignAssertion, isPathogenicAssertion } from '../reference/clinvarSignificance';

/**
 * What a ClinVar classification of the variant itself says about its deleteriousness, calibrated
 * on how ClinVar 2016's classes stood in 2026 (`npm run bench:clinvar`, on the 2026 gene-panel
 * excerpt of ../shared/data), not on any case:
 *
 * - pathogenic or likely pathogenic: 1. 97.8 % of the 0-star and 94.3 % of the 1-star such records
 *   were still pathogenic in 2026 (Exomiser 13+ whitelists them likewise);
 * - benign or likely benign with no pathogenic claim: the share of such records (below 2 stars;
 *   2+ stars are a hard filter) that were pathogenic in 2026, 0 of 1,978, as the posterior mean
 *   under a uniform prior, (0 + 1) / (1,978 + 2). ACMG/AMP's BP6 (Richards et al. 2015) is this
 *   evidence; its "supporting" strength (odds 1 : 2.08, Tavtigian et al. 2018) is far weaker than
 *   what the decade of reclassification shows;
 * - uncertain, conflicting with a pathogenic claim, or no classification: no change. A 2016 VUS
 *   was pathogenic in 2026 in 2-6 % of the panel's records, but the panel's VUS come mostly from
 *   testing healthy carriers of cancer genes, which says little of a rare-disease gene's VUS.
 */
export const BENIGN_2016_RECORDS_BELOW_2_STARS = 1978;
export const BENIGN_2016_PATHOGENIC_IN_2026 = 0;
export const BENIGN_ASSERTION_DELETERIOUSNESS = (BENIGN_2016_PATHOGENIC_IN_2026 + 1) / (BENIGN_2016_RECORDS_BELOW_2_STARS + 2);

export interface ClinvarEvidence {
  kind: 'pathogenic' | 'benign';
  /** The deleteriousness the classification sets (a benign one only ever lowers it). */
  deleteriousness: number;
}

/** The evidence alone, without its reason: the shortlist scores every passing variant through it. */
export function clinvarEvidence(c: ClinvarFacts | null): ClinvarEvidence | null {
  if (!c) return null;
  if (isPathogenicAssertion(c)) return { kind: 'pathogenic', deleteriousness: 1 };
  if (isBenignAssertion(c)) return { kind: 'benign', deleteriousness: BENIGN_ASSERTION_DELETERIOUSNESS };
  return null;
}

/** The reason sentence for `e`, the evidence of record `c`. */
export function clinvarReason(c: ClinvarFacts, e: ClinvarEvidence): string {
  const label = `ClinVar ${c.significance} (${c.stars} star${c.stars === 1 ? '' : 's'}, VariationID ${c.id})`;
  if (e.kind === 'pathogenic') return `${label}: deleteriousness 1`;
  return `${label}: deleteriousness ${e.deleteriousness.toPrecision(2)} (none of ${BENIGN_2016_RECORDS_BELOW_2_STARS.toLocaleString('en-US')} benign-class ClinVar 2016 records below 2 stars was pathogenic in 2026)`;
}
