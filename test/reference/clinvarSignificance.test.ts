/** ClinVar review status to gold stars (src/reference/clinvarSignificance.ts), per https://www.ncbi.nlm.nih.gov/clinvar/docs/review_status/. */
import { reviewStars } from '../../src/reference/clinvarSignificance';

describe('reviewStars', () => {
  // [review status as ClinVar's web pages spell it, stars]; each is also tested in the VCF spelling (CLNREVSTAT).
  const statuses: [string, number][] = [
    ['practice guideline', 4],
    ['reviewed by expert panel', 3],
    ['criteria provided, multiple submitters, no conflicts', 2],
    ['criteria provided, conflicting interpretations', 1],
    ['criteria provided, conflicting classifications', 1],
    ['criteria provided, single submitter', 1],
    // Contains "criteria provided" but is 0 stars.
    ['no assertion criteria provided', 0],
    ['no assertion provided', 0],
    ['no interpretation for the single variant', 0],
    ['no classification for the single variant', 0],
    // ClinVar 2016 VCFs (CLNREVSTAT) spell the last one this way.
    ['no assertion for the individual variant', 0],
    ['no classification provided', 0],
    ['no classifications from unflagged records', 0],
    ['flagged submission', 0],
  ];
  const vcfSpelling = (s: string): string => s.replace(/ /g, '_');

  test.each(statuses)('"%s" is %d stars', (status, stars) => {
    expect(reviewStars(status)).toBe(stars);
  });

  test.each(statuses.map(([s, n]) => [vcfSpelling(s), n] as [string, number]))('"%s" is %d stars', (status, stars) => {
    expect(reviewStars(status)).toBe(stars);
  });

  test('case and extra spacing do not matter', () => {
    expect(reviewStars('No assertion criteria provided')).toBe(0);
    expect(reviewStars('  Criteria provided,  single submitter ')).toBe(1);
    expect(reviewStars('CRITERIA_PROVIDED,_MULTIPLE_SUBMITTERS,_NO_CONFLICTS')).toBe(2);
  });

  test('an empty or unknown status is 0 stars', () => {
    expect(reviewStars('')).toBe(0);
    expect(reviewStars('.')).toBe(0);
    expect(reviewStars('something new')).toBe(0);
  });
});
