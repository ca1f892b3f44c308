/** Hard filters (src/prioritise/filters.ts): the first filter a variant fails, and ClinVar's part in them. */
import type { AnnotatedVariant } from '../../src/annotate/types';
import { failedFilter, FilterOptions } from '../../src/prioritise/filters';

const OPTS: FilterOptions = { passOnly: false, maxAf: 0.02, minQual: 0, minGq: 0, minDp: 0, excludeConsequences: [] };

function variant(af: number, clinvar: AnnotatedVariant['clinvar']): AnnotatedVariant {
  return {
    chrom: 'chr1', pos: 100, ref: 'C', alt: 'G', id: '.', filter: 'PASS', qual: 50, zygosity: 'het', line: null, consequence: 'missense_variant',
    genes: [{ gene: 'G1', transcript: 'NM_1.1', consequence: 'missense_variant', terms: ['missense_variant'], location: null, maneSelect: true }],
    gnomad: { af, ac: null, an: null, nhomalt: null, grpmaxAf: af, grpmax: 'nfe', filter: 'PASS' },
    clinvar,
  };
}
const record = (significance: string, reviewStatus: string, stars: number): AnnotatedVariant['clinvar'] => ({ id: '1', significance, reviewStatus, stars, conditions: [] });

describe('failedFilter', () => {
  it('drops an allele above --max-af', () => {
    expect(failedFilter(variant(0.05, null), OPTS)).toBe('frequency');
    expect(failedFilter(variant(0.01, null), OPTS)).toBeNull();
  });

  it('keeps a common allele with a pathogenic ClinVar assertion (a founder allele), with or without review criteria', () => {
    expect(failedFilter(variant(0.05, record('Pathogenic', 'criteria_provided,_single_submitter', 1)), OPTS)).toBeNull();
    expect(failedFilter(variant(0.05, record('Pathogenic', 'no_assertion_criteria_provided', 0)), OPTS)).toBeNull();
  });

  it('does not keep it for a record that asserts nothing about this variant', () => {
    expect(failedFilter(variant(0.05, record('Pathogenic', 'no_interpretation_for_the_single_variant', 0)), OPTS)).toBe('frequency');
  });

  it('drops ClinVar benign with 2+ stars only', () => {
    expect(failedFilter(variant(0.001, record('Benign', 'criteria_provided,_multiple_submitters,_no_conflicts', 2)), OPTS)).toBe('clinvar_benign');
    expect(failedFilter(variant(0.001, record('Benign', 'criteria_provided,_single_submitter', 1)), OPTS)).toBeNull();
  });
});
