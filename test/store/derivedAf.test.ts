import { afDerivation, afFromCounts, significantDigits } from '../../src/store/derivedAf';

/**
 * gnomAD prints AF = AC/AN with C's %g (6 significant digits); the warm tier stores k instead of AF
 * when AF is AC/AN to k digits, and AF itself otherwise. Both ways must give back the stored AF.
 */
describe('AF derived from AC/AN', () => {
  // [label, af, ac, an, expected k (0: stored as an exception)]
  const cases: Array<[string, number, number | null, number | null, number]> = [
    ['gnomAD v4 genomes chr1:55039894 (bcftools query)', 5.25465e-5, 8, 152246, 6],
    ['gnomAD v4 exomes, AF below 1e-6 (exponent form)', 7.07648e-7, 1, 1413132, 6],
    ['trailing zero dropped by %g: 1/579946', 1.7243e-6, 1, 579946, 5],
    ['AC 0', 0, 0, 152000, 1],
    ['AF 1', 1, 88, 88, 1],
    ['a full-precision quotient', 1 / 3, 1, 3, 16],
    ['glibc rounds the tie 1/1024 to even (0.000976562), JavaScript up: stored', 0.000976562, 1, 1024, 0],
    ['AF not AC/AN (another release, or the popmax)', 0.0123, 8, 152246, 0],
    ['AC unknown', 0.01, null, 152000, 0],
    ['AN unknown', 0.01, 1, null, 0],
    ['AN 0', 0, 0, 0, 0],
  ];
  it.each(cases)('%s', (_label, af, ac, an, k) => {
    expect(afDerivation(af, ac, an)).toBe(k);
    if (k > 0) expect(afFromCounts(ac!, an!, k)).toBe(af);
  });

  it('counts significant digits of the shortest decimal', () => {
    expect([significantDigits(0), significantDigits(0.25), significantDigits(5.25465e-5), significantDigits(7.07648e-7), significantDigits(152000), significantDigits(1 / 3)]).toEqual([1, 2, 6, 6, 3, 16]);
  });

  it('derives every AF the way gnomAD prints it, over many (AC, AN)', () => {
    let derived = 0;
    for (let an = 2; an < 200000; an += 997) {
      for (const ac of [0, 1, 2, 3, 7, 100, Math.floor(an / 3), an]) {
        if (ac > an) continue;
        const af = Number((ac / an).toPrecision(6));
        const k = afDerivation(af, ac, an);
        expect(k === 0 ? af : afFromCounts(ac, an, k)).toBe(af);
        if (k > 0) derived++;
      }
    }
    expect(derived).toBeGreaterThan(1500);
  });
});
