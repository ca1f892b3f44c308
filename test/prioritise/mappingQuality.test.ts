/**
 * INFO/MQ as evidence on the call (src/prioritise/mappingQuality.ts). Expected posteriors were
 * computed separately in Python from the same counts: π L / (π L + (1 − π) / 60), L = (count + 1)
 * / (35,293 + 13) / 5, π = 0.9.
 */
import * as path from 'node:path';
import { countKnownMq } from '../../scripts/fitMappingQuality';
import { callConfidence, GERMLINE_PRIOR } from '../../src/prioritise/callConfidence';
import { emptyMqBins, KNOWN_CALLS_PER_MQ_BIN, mappingQualityPosterior, mappingQualityUse, medianMqBinStart, mqBin } from '../../src/prioritise/mappingQuality';
import { SHARED_DATA, sharedAvailable } from '../helpers/cli';

describe('mappingQualityPosterior', () => {
  test.each([
    [0, 0.0030496413847630873],
    [20, 0.023887199336466682],
    [24.18, 0.023887199336466682], // FANCD2's pseudogene-shadowed splice site in the real background exome
    [39.9, 0.23424283173556587],
    [40, 0.6626020144874907],
    [48.95, 0.7567485634757685],
    [59.13, 0.9782943086651855],
    [60, 0.9808399260644516],
    [99, 0.9808399260644516], // the last bin is open-ended
  ])('MQ %f gives P(real) %f', (mq, expected) => {
    expect(mappingQualityPosterior(mq, GERMLINE_PRIOR)).toBeCloseTo(expected, 12);
  });

  test('never rises as MQ falls below the well-mapped bins', () => {
    let last = Infinity;
    for (let mq = 60; mq >= 0; mq -= 1) {
      const p = mappingQualityPosterior(mq, GERMLINE_PRIOR);
      expect(p).toBeLessThanOrEqual(last);
      last = p;
    }
  });
});

describe('callConfidence with MQ', () => {
  const call = { gt: '0/1', copies: 1, ploidy: 2, dp: 30, gq: 99, ad: [15, 15] as [number, number] };

  test('multiplies the call evidence by P(real | MQ) and names it when it doubts the call', () => {
    const without = callConfidence(call, 'het');
    const low = callConfidence(call, 'het', 24.18);
    expect(low.factor).toBeCloseTo(without.factor * 0.023887199336466682, 12);
    expect(low.reason).toBe('site MQ 24.18: P(real call | mapping quality) 0.024');
  });

  test('a well-mapped site gives no reason', () => {
    expect(callConfidence(call, 'het', 60).reason).toBeNull();
  });

  test('applies to a sites-only record too', () => {
    expect(callConfidence(undefined, 'unknown', 20).factor).toBeCloseTo(0.023887199336466682, 12);
  });
});

describe("a run's MQ bins", () => {
  const bins = (values: number[]): number[] => {
    const b = emptyMqBins();
    for (const v of values) b[mqBin(v)]++;
    return b;
  };

  test('median bin', () => {
    expect(medianMqBinStart(emptyMqBins())).toBe(-1);
    expect(medianMqBinStart(bins([60, 60, 20]))).toBe(60);
    expect(medianMqBinStart(bins([42, 42, 60]))).toBe(40);
    expect(medianMqBinStart(bins([52, 20]))).toBe(20);
  });

  test('used on the 0-60 scale, off on another with a warning, absent without MQ', () => {
    expect(mappingQualityUse(bins([60, 59.1, 23]))).toEqual({ use: 'used', warning: null });
    expect(mappingQualityUse(emptyMqBins())).toEqual({ use: 'absent', warning: null });
    const off = mappingQualityUse(bins([42, 42, 42, 60]));
    expect(off.use).toBe('off');
    expect(off.warning).toMatch(/median MQ is 40-45, below 50/);
  });
});

const describeShared = sharedAvailable() ? describe : describe.skip;
describeShared('the counts the model is fitted on', () => {
  test('are the MQ of the calls with a dbSNP id in the real Exomiser example exome', () => {
    const { calls, bins } = countKnownMq(path.join(SHARED_DATA, 'vcf', 'pfeiffer-exome.GRCh37.exomiser-example.vcf.gz'));
    expect(calls).toBe(35293);
    expect(bins).toEqual([...KNOWN_CALLS_PER_MQ_BIN]);
  });
});
