import * as path from 'node:path';
import { concordance } from '../../bench/clinvarConcordance';
import { BENIGN_2016_PATHOGENIC_IN_2026, BENIGN_2016_RECORDS_BELOW_2_STARS, BENIGN_ASSERTION_DELETERIOUSNESS, clinvarEvidence } from '../../src/prioritise/clinvarEvidence';
import { SHARED_DATA, sharedAvailable } from '../helpers/cli';

const record = (significance: string, reviewStatus: string, stars: number) => ({ id: '42', significance, reviewStatus, stars, conditions: [] });

describe('clinvarEvidence', () => {
  test('pathogenic sets 1, benign the calibrated rate, anything else nothing', () => {
    expect(clinvarEvidence(record('Likely_pathogenic', 'no_assertion_criteria_provided', 0))?.deleteriousness).toBe(1);
    const benign = clinvarEvidence(record('Likely_benign|Uncertain_significance', 'criteria_provided,_conflicting_interpretations', 1));
    expect(benign?.kind).toBe('benign');
    expect(benign?.deleteriousness).toBe(BENIGN_ASSERTION_DELETERIOUSNESS);
    expect(clinvarEvidence(record('Uncertain_significance', 'criteria_provided,_single_submitter', 1))).toBeNull();
    expect(clinvarEvidence(record('Benign', 'no_assertion_provided', 0))).toBeNull();
    expect(clinvarEvidence(null)).toBeNull();
  });

  test('the rate is the posterior mean under a uniform prior of the counted records', () => {
    expect(BENIGN_ASSERTION_DELETERIOUSNESS).toBeCloseTo((BENIGN_2016_PATHOGENIC_IN_2026 + 1) / (BENIGN_2016_RECORDS_BELOW_2_STARS + 2), 12);
  });
});

const describeShared = sharedAvailable() ? describe : describe.skip;
if (!sharedAvailable()) console.warn('clinvarEvidence: ../shared/data is absent, the recount of the benign calibration is skipped');

describeShared('the benign calibration recounted from ../shared/data', () => {
  test('ClinVar 2016 benign-class records below 2 stars, looked up in ClinVar 2026', () => {
    const dir = path.join(SHARED_DATA, 'clinvar');
    const c = concordance(path.join(dir, 'clinvar.20161102.GRCh38-lifted.vcf.gz'), path.join(dir, 'clinvar.20260226.GRCh38.cancer-panel.vcf.gz'));
    const below2 = [c.benign['0'], c.benign['1']];
    const total = (t: Record<string, number>) => Object.values(t).reduce((a, b) => a + b, 0);
    expect(below2.map(total).reduce((a, b) => a + b, 0)).toBe(BENIGN_2016_RECORDS_BELOW_2_STARS);
    expect(below2.map((t) => t.pathogenic).reduce((a, b) => a + b, 0)).toBe(BENIGN_2016_PATHOGENIC_IN_2026);
    // The pathogenic side is what isPathogenicAssertion's comment cites.
    expect(c.pathogenic['0'].pathogenic).toBe(1197);
    expect(total(c.pathogenic['0'])).toBe(1224);
  }, 60_000);
});
