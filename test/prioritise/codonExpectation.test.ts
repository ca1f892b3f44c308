/** Coding substitutions without the codon's sequence (src/prioritise/codonExpectation.ts and its use in scoring). */
import type { AnnotatedVariant } from '../../src/annotate/types';
import { codingSubstitution, codonOutcomes, expectedDeleteriousness, outcomesOfHgvs } from '../../src/prioritise/codonExpectation';
import { scoreVariant } from '../../src/prioritise/variantScore';

const BASES = ['A', 'C', 'G', 'T'];

describe('codonOutcomes under the standard code', () => {
  test('a change at the second codon position is never synonymous', () => {
    for (const ref of BASES) for (const alt of BASES) if (ref !== alt) expect(codonOutcomes(2, ref, alt, 1).synonymous).toBe(0);
  });

  test('a C>T or T>C transition at the third position is always synonymous (pyrimidine wobble)', () => {
    expect(codonOutcomes(3, 'C', 'T', 1)).toEqual({ position: 3, synonymous: 16, missense: 0, stop: 0 });
    expect(codonOutcomes(3, 'T', 'C', 1)).toEqual({ position: 3, synonymous: 16, missense: 0, stop: 0 });
  });

  test('C>T at the first position: CTA/CTG to TTA/TTG are synonymous, CAA/CAG/CGA become stops', () => {
    expect(codonOutcomes(1, 'C', 'T', 1)).toEqual({ position: 1, synonymous: 2, missense: 11, stop: 3 });
  });

  test('stop codons are not counted as reference codons', () => {
    // T at position 1: 16 codons minus TAA, TAG, TGA.
    const o = codonOutcomes(1, 'T', 'A', 1);
    expect(o.synonymous + o.missense + o.stop).toBe(13);
  });

  test('the vertebrate mitochondrial code reads TGA as Trp, so TGG>TGA is synonymous there', () => {
    expect(codonOutcomes(3, 'G', 'A', 1).stop).toBe(1);
    expect(codonOutcomes(3, 'G', 'A', 2).stop).toBe(0);
    expect(outcomesOfHgvs('NC_012920.1:c.9G>A', 'chrM')).toEqual(codonOutcomes(3, 'G', 'A', 2));
  });
});

describe('codingSubstitution', () => {
  test.each([
    ['NM_003361.4:c.326T>A', { cdsPos: 326, ref: 'T', alt: 'A' }],
    ['NM_000548.5:c.976-14G>A', null],
    ['NM_1.1:c.*12A>G', null],
    ['NM_1.1:c.-5A>G', null],
    ['NM_1.1:c.10_11delinsAT', null],
    [null, null],
  ])('%s', (hgvs, expected) => {
    expect(codingSubstitution(hgvs)).toEqual(expected);
  });

  test('the codon position is ((N - 1) mod 3) + 1', () => {
    expect(outcomesOfHgvs('NM_1.1:c.1A>G', 'chr1')?.position).toBe(1);
    expect(outcomesOfHgvs('NM_1.1:c.326T>A', 'chr1')?.position).toBe(2);
    expect(outcomesOfHgvs('NM_1.1:c.9C>T', 'chr1')?.position).toBe(3);
  });
});

test('expectedDeleteriousness averages the outcome weights over the codons', () => {
  const w = { synonymous: 0.1, missense: 0.6, stop: 0.95 };
  expect(expectedDeleteriousness({ position: 1, synonymous: 2, missense: 11, stop: 3 }, w)).toBeCloseTo((0.2 + 6.6 + 2.85) / 16, 12);
  expect(expectedDeleteriousness({ position: 3, synonymous: 16, missense: 0, stop: 0 }, w)).toBeCloseTo(0.1, 12);
});

describe('scoreVariant on coding_sequence_variant', () => {
  const v: AnnotatedVariant = { chrom: 'chr1', pos: 100, ref: 'C', alt: 'T', id: '.', filter: 'PASS', qual: 50, zygosity: 'het', line: null, consequence: 'coding_sequence_variant', genes: [], gnomad: null, clinvar: null };
  const terms = ['coding_sequence_variant'];

  test('a third-position transition scores as the synonymous change it must be, and says why', () => {
    const e = scoreVariant(v, { consequence: 'coding_sequence_variant', terms, hgvsC: 'NM_1.1:c.9C>T' });
    expect(e.pathogenicity).toBeCloseTo(0.1, 12);
    expect(e.reasons).toContain('coding_sequence_variant without the codon\'s sequence: at codon position 3 this change is missense in 0, synonymous in 16 and a stop in 0 of 16 codons, expected deleteriousness 0.10');
  });

  test('a second-position change keeps the missense default', () => {
    expect(scoreVariant(v, { consequence: 'coding_sequence_variant', terms, hgvsC: 'NM_1.1:c.326C>T' }).pathogenicity).toBeCloseTo(0.6, 12);
  });

  test('without HGVS c. the missense default stands', () => {
    expect(scoreVariant(v, { consequence: 'coding_sequence_variant', terms }).pathogenicity).toBe(0.6);
  });

  test('a splice-region term still counts when it is the more deleterious', () => {
    const e = scoreVariant(v, { consequence: 'splice_region_variant', terms: ['splice_region_variant', 'coding_sequence_variant'], hgvsC: 'NM_1.1:c.9C>T' });
    expect(e.pathogenicity).toBe(0.4);
  });
});
