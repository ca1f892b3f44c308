/**
 * Call confidence from the proband's FORMAT fields (src/prioritise/callConfidence.ts). Expected
 * posteriors were computed independently with Python's math.lgamma from the same model
 * (beta-binomial mean 0.48, concentration 60 vs a uniform allele fraction, prior 0.9).
 */
import { callConfidence, germlineHetPosterior } from '../../src/prioritise/callConfidence';
import type { MemberCall } from '../../src/variant/memberCall';

const het = (ad: [number, number] | null, gq: number | null = 99): MemberCall => ({ gt: '0/1', copies: 1, ploidy: 2, dp: ad ? ad[0] + ad[1] : null, gq, ad });

describe('germlineHetPosterior', () => {
  test.each([
    // [REF reads, ALT reads, P(germline het)]
    [15, 15, 0.96999446206903],
    [190, 60, 0.10030394210702237], // deep, one read in four: a paralogue or homopolymer artefact, not a germline het
    [71, 22, 0.30314528933572965],
    [8, 5, 0.9543703132680845],
    [3, 1, 0.9236340567908661], // shallow: too few reads to doubt the call
    [30, 10, 0.7297051055532453],
    [500, 500, 0.9809263040979915], // deep and balanced: no underflow
  ])('AD %i,%i gives %f', (refReads, altReads, expected) => {
    expect(germlineHetPosterior(refReads, altReads)).toBeCloseTo(expected, 9);
  });

  test('no reads gives no evidence either way', () => {
    expect(germlineHetPosterior(0, 0)).toBe(1);
  });
});

describe('callConfidence', () => {
  test('without FORMAT data the score is untouched', () => {
    expect(callConfidence(undefined, 'het')).toEqual({ factor: 1, reason: null });
  });

  test('a balanced GQ 99 het keeps its score and gives no reason', () => {
    const c = callConfidence(het([15, 15]), 'het');
    expect(c.factor).toBeCloseTo(0.96999, 4);
    expect(c.reason).toBeNull();
  });

  test('a skewed deep het is explained and scored down', () => {
    const c = callConfidence(het([190, 60]), 'het');
    expect(c.factor).toBeCloseTo(0.1003, 4);
    expect(c.reason).toBe('allele balance 60/250 reads: P(germline heterozygote) 0.100');
  });

  test('GQ is read as a Phred-scaled error probability', () => {
    const c = callConfidence(het(null, 10), 'het');
    expect(c.factor).toBeCloseTo(0.9, 9);
    expect(c.reason).toBe('GQ 10: genotype right with probability 0.900');
  });

  test('allele balance is not applied to homozygous calls', () => {
    const hom: MemberCall = { gt: '1/1', copies: 2, ploidy: 2, dp: 30, gq: 90, ad: [0, 30] };
    expect(callConfidence(hom, 'hom')).toEqual({ factor: 1, reason: null });
  });
});

describe('callConfidence on multi-allelic calls', () => {
  test('a 1/2 heterozygote is not judged by REF vs ALT balance', () => {
    const call: MemberCall = { gt: '1/2', copies: 1, ploidy: 2, dp: 30, gq: 99, ad: [0, 15] };
    expect(callConfidence(call, 'het').factor).toBe(1);
  });
});
