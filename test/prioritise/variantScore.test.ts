/** Variant evidence (src/prioritise/variantScore.ts): one row per rule. */
import type { ConsequenceTerm } from '../../src/annotate/soTerms';
import type { AnnotatedVariant } from '../../src/annotate/types';
import { scoreVariant } from '../../src/prioritise/variantScore';

function variant(over: Partial<AnnotatedVariant> = {}): AnnotatedVariant {
  return { chrom: 'chr1', pos: 100, ref: 'C', alt: 'G', id: '.', filter: 'PASS', qual: 50, zygosity: 'het', line: null, consequence: 'splice_region_variant', genes: [], gnomad: null, clinvar: null, ...over };
}

describe('scoreVariant', () => {
  test.each<[ConsequenceTerm, string[], number]>([
    // [most severe term, all terms on the transcript, expected deleteriousness]
    ['frameshift_variant', ['frameshift_variant'], 0.95],
    ['splice_region_variant', ['splice_region_variant'], 0.4],
    // A coding change of unknown effect at an exon edge: below splice_region in SO/VEP order, but more deleterious.
    ['splice_region_variant', ['splice_region_variant', 'coding_sequence_variant'], 0.6],
    ['splice_donor_variant', ['splice_donor_variant', 'intron_variant'], 0.95],
  ])('%s with terms %j scores %f', (consequence, terms, expected) => {
    const e = scoreVariant(variant({ consequence }), { consequence, terms });
    expect(e.pathogenicity).toBe(expected);
    expect(e.score).toBeCloseTo(expected, 9);
  });

  test('the explanation names the term that set the deleteriousness', () => {
    const e = scoreVariant(variant(), { consequence: 'splice_region_variant', terms: ['splice_region_variant', 'coding_sequence_variant'] });
    expect(e.reasons).toContain('splice_region_variant and coding_sequence_variant: predicted deleteriousness 0.60 (of coding_sequence_variant)');
  });

  test('a skewed heterozygous call scales the score down and says why', () => {
    const e = scoreVariant(variant({ call: { gt: '0/1', copies: 1, ploidy: 2, dp: 250, gq: 99, ad: [190, 60] } }), { consequence: 'frameshift_variant', terms: ['frameshift_variant'] });
    expect(e.callConfidence).toBeCloseTo(0.1003, 4);
    expect(e.score).toBeCloseTo(0.95 * 0.1003, 4);
    expect(e.reasons.some((r) => r.startsWith('call allele balance 60/250 reads'))).toBe(true);
  });

  const clinvar = (stars: number, significance = 'Pathogenic', reviewStatus = stars ? 'criteria_provided,_single_submitter' : 'no_assertion_criteria_provided') => ({ id: '1234', significance, reviewStatus, stars, conditions: [] });

  test('a pathogenic ClinVar assertion sets deleteriousness 1, with or without review criteria', () => {
    for (const stars of [0, 1, 3]) {
      const e = scoreVariant(variant({ consequence: 'intron_variant', clinvar: clinvar(stars) }), { consequence: 'intron_variant' });
      expect(e.pathogenicity).toBe(1);
      expect(e.reasons).toContain(`ClinVar Pathogenic (${stars} star${stars === 1 ? '' : 's'}, VariationID 1234): deleteriousness 1`);
    }
  });

  test('a record without an assertion for this variant leaves the consequence default', () => {
    for (const status of ['no_assertion_provided', 'no_interpretation_for_the_single_variant', 'no classification for the individual variant']) {
      expect(scoreVariant(variant({ consequence: 'intron_variant', clinvar: clinvar(0, 'Pathogenic', status) }), { consequence: 'intron_variant' }).pathogenicity).toBe(0.05);
    }
  });

  test('an uncertain or conflicting ClinVar record leaves the consequence default', () => {
    for (const significance of ['Uncertain_significance', 'Conflicting_interpretations_of_pathogenicity', 'Likely_benign|Likely_pathogenic|Uncertain_significance', 'risk_factor']) {
      for (const stars of [0, 1, 2]) {
        const e = scoreVariant(variant({ consequence: 'missense_variant', clinvar: clinvar(stars, significance) }), { consequence: 'missense_variant' });
        expect(e.pathogenicity).toBe(0.6);
        expect(e.reasons.some((r) => r.startsWith('ClinVar'))).toBe(false);
      }
    }
  });

  test('a benign or likely benign ClinVar assertion caps deleteriousness at its calibrated rate, with a reason', () => {
    const rate = 1 / 1980;
    for (const significance of ['Benign', 'Likely_benign', 'Likely_benign|Uncertain_significance', 'Benign|Likely_benign|not_provided']) {
      for (const stars of [0, 1]) {
        const e = scoreVariant(variant({ consequence: 'frameshift_variant', clinvar: clinvar(stars, significance) }), { consequence: 'frameshift_variant' });
        expect(e.pathogenicity).toBeCloseTo(rate, 8);
        expect(e.score).toBeCloseTo(rate, 8);
        expect(e.reasons).toContain(`ClinVar ${significance} (${stars} star${stars === 1 ? '' : 's'}, VariationID 1234): deleteriousness 0.00051 (none of 1,978 benign-class ClinVar 2016 records below 2 stars was pathogenic in 2026)`);
      }
    }
  });

  test('a benign record without an assertion for this variant, or a lower plugin score, is left alone', () => {
    expect(scoreVariant(variant({ consequence: 'missense_variant', clinvar: clinvar(0, 'Benign', 'no_assertion_provided') }), { consequence: 'missense_variant' }).pathogenicity).toBe(0.6);
    const byPlugin = scoreVariant(variant({ consequence: 'missense_variant', clinvar: clinvar(1, 'Benign'), plugins: { annotations: {}, scores: { zero: 0 }, deleteriousness: { by: 'zero', value: 0 } } }), { consequence: 'missense_variant' });
    expect(byPlugin.pathogenicity).toBe(0);
  });
});
