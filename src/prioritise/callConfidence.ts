import type { MemberCall } from '../variant/memberCall';
import { mappingQualityPosterior } from './mappingQuality';

/**
 * How much to believe the proband's genotype call itself, from the sample's own FORMAT fields
 * (VCF 4.3 §1.6.2): the caller's genotype quality, and for heterozygous calls the allele balance.
 *
 * Allele balance. A germline heterozygote's ALT read count a out of n = REF + ALT reads follows a
 * beta-binomial around one half; an artefact (mis-mapped paralogue reads, strand or homopolymer
 * errors) or a somatic event has an unknown allele fraction, taken as uniform on [0, 1], which
 * makes its likelihood 1/(n + 1). The posterior that the call is a germline heterozygote is
 *   P = π L_het / (π L_het + (1 − π) / (n + 1)).
 * The beta-binomial's mean 0.48 and concentration 60 are the maximum-likelihood fit to the 27,034
 * heterozygous calls with a dbSNP id and depth ≥ 10 of the real Exomiser example exome
 * (../shared/data/vcf/pfeiffer-exome.GRCh37.exomiser-example.vcf.gz, scripts/fitAlleleBalance.ts): common,
 * known germline variants, none of them a benchmark case. π = 0.9 is an assumption (most rare
 * heterozygous calls are real), not fitted.
 *
 * Genotype quality. GQ is the Phred-scaled probability that the genotype is wrong, so the call is
 * right with probability 1 − 10^(−GQ/10).
 *
 * Mapping quality. The site's INFO/MQ, when the run uses it, gives P(real | MQ) (mappingQuality.ts):
 * calls made from reads that could belong elsewhere (a paralogue, a segmental duplication) are
 * artefacts more often than the allele balance alone shows.
 */
export const HET_BALANCE_MEAN = 0.48;
export const HET_BALANCE_CONCENTRATION = 60;
export const GERMLINE_PRIOR = 0.9;

export interface CallConfidence {
  /** Probability in (0, 1] that the call is a true germline genotype as called. */
  factor: number;
  /** Why, for the explanation; null when the call gives no reason for doubt. */
  reason: string | null;
}

export function callConfidence(call: MemberCall | undefined, zygosity: string, mq: number | null = null): CallConfidence {
  let factor = 1;
  const why: string[] = [];
  if (call && call.gq !== null && call.gq >= 0) {
    const right = 1 - Math.pow(10, -call.gq / 10);
    if (right < 0.999) {
      factor *= Math.max(0, right);
      why.push(`GQ ${call.gq}: genotype right with probability ${right.toFixed(3)}`);
    }
  }
  // Only a REF/ALT heterozygote is expected at one half of REF + ALT reads; in a 1/2 call the
  // other ALT takes the REF share, so the balance says nothing there.
  if (call && zygosity === 'het' && call.ad !== null && call.ploidy === 2 && call.gt.split(/[/|]/).includes('0')) {
    const [refReads, altReads] = call.ad;
    const p = germlineHetPosterior(refReads, altReads);
    if (p < 0.9) why.push(`allele balance ${altReads}/${refReads + altReads} reads: P(germline heterozygote) ${p.toFixed(3)}`);
    factor *= p;
  }
  // Last, so that the factor with MQ is the one without times this (variantScore.ts variantScores).
  if (mq !== null) {
    const p = mappingQualityPosterior(mq, GERMLINE_PRIOR);
    if (p < 0.9) why.push(`site MQ ${mq}: P(real call | mapping quality) ${p.toFixed(3)}`);
    factor *= p;
  }
  return { factor, reason: why.length > 0 ? why.join('; ') : null };
}

/** P(germline heterozygote | AD) under the beta-binomial vs uniform-fraction model above. */
export function germlineHetPosterior(refReads: number, altReads: number): number {
  const n = refReads + altReads;
  if (n <= 0) return 1;
  const alpha = HET_BALANCE_MEAN * HET_BALANCE_CONCENTRATION;
  const beta = (1 - HET_BALANCE_MEAN) * HET_BALANCE_CONCENTRATION;
  const logHet = logBetaBinomial(altReads, n, alpha, beta);
  const logArtefact = -Math.log(n + 1);
  // Odds in log space: counts in the hundreds make the likelihoods underflow.
  const logOdds = Math.log(GERMLINE_PRIOR) + logHet - Math.log(1 - GERMLINE_PRIOR) - logArtefact;
  return 1 / (1 + Math.exp(-logOdds));
}

/** log P(k successes of n) under a beta-binomial with shape (alpha, beta). */
export function logBetaBinomial(k: number, n: number, alpha: number, beta: number): number {
  return logChoose(n, k) + logBeta(k + alpha, n - k + beta) - logBeta(alpha, beta);
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Lanczos approximation (g = 7, 9 terms), accurate to ~1e-13 for x > 0. */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
