/**
 * ClinVar review status to "gold stars", as ClinVar defines them
 * (https://www.ncbi.nlm.nih.gov/clinvar/docs/review_status/):
 *
 *   practice guideline                                     4
 *   reviewed by expert panel                               3
 *   criteria provided, multiple submitters, no conflicts   2
 *   criteria provided, conflicting interpretations         1  (later "conflicting classifications")
 *   criteria provided, single submitter                    1
 *   no assertion criteria provided                         0
 *   no assertion provided                                  0
 *   no interpretation for the single variant               0  (later "no classification for the single variant")
 *
 * Accepts the VCF spelling (`criteria_provided,_single_submitter`) and the spaced one. The 0-star
 * statuses are tested first: "no assertion criteria provided" contains "criteria provided".
 * Unknown statuses give 0.
 */
export function reviewStars(reviewStatus: string): number {
  const s = reviewStatus.toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  if (/\bno (assertion|interpretation|classification)s?\b/.test(s)) return 0;
  if (s.includes('practice guideline')) return 4;
  if (s.includes('reviewed by expert panel')) return 3;
  if (s.includes('criteria provided') && s.includes('multiple submitters') && s.includes('no conflicts')) return 2;
  if (s.includes('criteria provided')) return 1;
  return 0;
}

/**
 * Whether a ClinVar record asserts a classification of this variant. False for the statuses that
 * carry none ("no assertion provided", "no interpretation for the single variant" and their later
 * names "no classification provided", "no classification for the individual variant", "no
 * classifications from unflagged records"); true for every other, "no assertion criteria provided"
 * included: an assertion whose criteria were not given (0 stars).
 */
export function assertsClassification(reviewStatus: string): boolean {
  const s = reviewStatus.toLowerCase().replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return !/\bno (assertion|interpretation|classification)s? (provided|for the (single|individual) variant|from unflagged records)\b/.test(s);
}

export type SignificanceClass = 'pathogenic' | 'benign' | 'uncertain' | 'conflicting' | 'other';

/** Coarse class of a CLNSIG value, kept separate from the value as given (which is reported verbatim). */
export function significanceClass(clnsig: string): SignificanceClass {
  const s = clnsig.toLowerCase();
  if (s.includes('conflicting')) return 'conflicting';
  if (/(^|[^a-z])(likely_)?pathogenic/.test(s) && !s.includes('benign')) return 'pathogenic';
  if (s.includes('benign') && !s.includes('pathogenic')) return 'benign';
  if (s.includes('uncertain')) return 'uncertain';
  return 'other';
}

/**
 * A pathogenic or likely pathogenic classification of this variant in ClinVar, at any review level.
 * Review stars are reported as ClinVar gives them, but a 0-star assertion counts as much as a
 * 1-star one: of ClinVar 2016's pathogenic records on the genes of the 2026 ClinVar excerpt in
 * ../shared/data, 97.8 % of the 0-star ones (1,197 of 1,224) are still pathogenic or likely
 * pathogenic in 2026, against 94.3 % of the 1-star ones (bench/clinvarConcordance.ts).
 */
export function isPathogenicAssertion(c: { significance: string; reviewStatus: string }): boolean {
  return significanceClass(c.significance) === 'pathogenic' && assertsClassification(c.reviewStatus);
}

/**
 * A benign or likely benign classification of this variant in ClinVar, with no pathogenic one, at
 * any review level ("Likely_benign|Uncertain_significance" from conflicting submitters included).
 */
export function isBenignAssertion(c: { significance: string; reviewStatus: string }): boolean {
  return significanceClass(c.significance) === 'benign' && assertsClassification(c.reviewStatus);
}
