import { binOf, scoreDistribution } from '../../src/report/scoreDistribution';

describe('scoreDistribution', () => {
  it.each([
    [0, 0],
    [0.049999, 0],
    [0.05, 1],
    [0.35, 7],
    [0.999, 19],
    [1, 19],
    [-0.1, 0],
  ])('puts score %p in bin %p of 20', (score, bin) => {
    expect(binOf(score, 20)).toBe(bin);
  });

  it('counts every gene once', () => {
    const d = scoreDistribution([0, 0.01, 0.5, 1, 1]);
    expect(d.genes_scored).toBe(5);
    expect(d.bin_width).toBe(0.05);
    expect(d.counts).toHaveLength(20);
    expect(d.counts[0]).toBe(2);
    expect(d.counts[10]).toBe(1);
    expect(d.counts[19]).toBe(2);
    expect(d.counts.reduce((a, b) => a + b, 0)).toBe(5);
  });
});
