/** ClinVar review status to gold stars (src/reference/clinvarSignificance.ts), per https://www.ncbi.nlm.nih.gov/clinvar/docs/review_status/. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ClinvarLookup, ClinvarRecord, writeClinvarSqlite } from '../../src/reference/clinvar';
import { assertsClassification, isBenignAssertion, isPathogenicAssertion, reviewStars } from '../../src/reference/clinvarSignificance';
import type { VariantKey } from '../../src/variant/types';

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

describe('ClinvarLookup on a bundle built before the review-status fix', () => {
  it('reads "no assertion criteria provided" stored with 1 star as 0 stars, and keeps the others', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vartriage-clinvar-stars-'));
    const file = path.join(dir, 'clinvar.sqlite');
    const record = (key: string, reviewStatus: string, stars: number): ClinvarRecord => ({ key: key as VariantKey, id: key, alleleId: '', significance: 'Pathogenic', reviewStatus, stars, conditions: [], diseaseDb: '', genes: [], consequences: [], rsid: '' });
    writeClinvarSqlite(file, [
      record('chr1:100:A:G', 'no_assertion_criteria_provided', 1),
      record('chr1:200:A:G', 'criteria_provided,_single_submitter', 1),
      record('chr1:300:A:G', 'reviewed_by_expert_panel', 3),
      record('chr1:400:A:G', '', 2),
    ]);
    const lookup = new ClinvarLookup(file);
    try {
      expect(['chr1:100:A:G', 'chr1:200:A:G', 'chr1:300:A:G', 'chr1:400:A:G'].map((k) => lookup.get(k as VariantKey)?.stars)).toEqual([0, 1, 3, 2]);
    } finally {
      lookup.close();
    }
  });
});

describe('assertsClassification / isPathogenicAssertion', () => {
  it.each([
    ['no_assertion_criteria_provided', true],
    ['criteria_provided,_single_submitter', true],
    ['reviewed by expert panel', true],
    ['', true],
    ['no_assertion_provided', false],
    ['no_interpretation_for_the_single_variant', false],
    ['no classification for the individual variant', false],
    ['no classification provided', false],
    ['no classifications from unflagged records', false],
  ])('%j asserts a classification: %s', (status, expected) => {
    expect(assertsClassification(status)).toBe(expected);
    expect(isPathogenicAssertion({ significance: 'Likely_pathogenic', reviewStatus: status })).toBe(expected);
  });

  it('needs a pathogenic class', () => {
    expect(isPathogenicAssertion({ significance: 'Conflicting_interpretations_of_pathogenicity', reviewStatus: 'criteria_provided,_conflicting_interpretations' })).toBe(false);
    expect(isPathogenicAssertion({ significance: 'Benign', reviewStatus: 'reviewed_by_expert_panel' })).toBe(false);
  });
});

describe('isBenignAssertion', () => {
  it.each([
    ['Benign', 'criteria_provided,_single_submitter', true],
    ['Likely_benign', 'no_assertion_criteria_provided', true],
    ['Likely_benign|Uncertain_significance', 'criteria_provided,_conflicting_interpretations', true],
    ['Benign/Likely_benign', 'criteria_provided,_multiple_submitters,_no_conflicts', true],
    ['Likely_benign|Likely_pathogenic|Uncertain_significance', 'criteria_provided,_conflicting_interpretations', false],
    ['Conflicting_interpretations_of_pathogenicity', 'criteria_provided,_conflicting_interpretations', false],
    ['Uncertain_significance', 'criteria_provided,_single_submitter', false],
    ['Pathogenic', 'criteria_provided,_single_submitter', false],
    ['Benign', 'no_assertion_provided', false],
  ])('%s (%s): %s', (significance, reviewStatus, expected) => {
    expect(isBenignAssertion({ significance, reviewStatus })).toBe(expected);
  });
});
