import { afLabel, countLabel, hgvsLabel, locusLabel, sourceCitation, starsLabel } from '../../src/report/format';

describe('report wording', () => {
  it.each([
    [0, '☆☆☆☆'],
    [2, '★★☆☆'],
    [4, '★★★★'],
    [7, '★★★★'],
  ])('shows %p ClinVar stars as %s', (n, s) => expect(starsLabel(n)).toBe(s));

  it.each([
    [{ transcript: 'NM_1.1', hgvs_c: 'c.1A>G', hgvs_p: 'p.(Met1?)' }, 'NM_1.1:c.1A>G (p.(Met1?))'],
    [{ transcript: 'NM_1.1', hgvs_c: 'NM_2.2:c.1A>G', hgvs_p: null }, 'NM_2.2:c.1A>G'],
    [{ transcript: 'NM_1.1', hgvs_c: null, hgvs_p: 'p.(Met1?)' }, null],
  ])('labels HGVS %j as %p', (v, label) => expect(hgvsLabel(v)).toBe(label));

  it('shortens long alleles but keeps SNVs whole', () => {
    expect(locusLabel({ chrom: 'chr1', pos: 5, ref: 'A', alt: 'G' })).toBe('chr1:5 A>G');
    expect(locusLabel({ chrom: 'chr1', pos: 5, ref: 'ACGTACGTACGTA', alt: 'A' })).toBe('chr1:5 ACGTACGTAC…(13 bp)>A');
  });

  it('formats numbers without depending on the locale', () => {
    expect(countLabel(1234567)).toBe('1,234,567');
    expect(countLabel(999)).toBe('999');
    expect(afLabel(0.000123)).toBe('1.23e-4');
    expect(afLabel(0.0123)).toBe('0.0123');
  });

  it('cites a source by kind and version, and says when the bundle lacks it', () => {
    const sources = [{ kind: 'clinvar' as const, version: '2026-02-26', upstream: 'x', sha256: 'y', records: 1 }];
    expect(sourceCitation(sources, 'clinvar')).toBe('ClinVar 2026-02-26');
    expect(sourceCitation(sources, 'gnomad')).toBe('gnomAD (not in bundle)');
  });
});
