/**
 * ClinVar review status to "gold stars", as ClinVar defines them
 * (https://www.ncbi.nlm.nih.gov/clinvar/docs/review_status/).
 */
export function reviewStars(reviewStatus: string): number {
  const s = reviewStatus.toLowerCase().replace(/_/g, ' ');
  if (s.includes('practice guideline')) return 4;
  if (s.includes('reviewed by expert panel')) return 3;
  if (s.includes('multiple submitters') && s.includes('no conflicts')) return 2;
  if (s.includes('criteria provided')) return 1;
  return 0;
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
