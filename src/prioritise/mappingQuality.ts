/**
 * How much INFO/MQ (the RMS mapping quality of the reads at a site, VCF 4.3 §1.6.1) says about
 * whether a call is a real germline variant, in the same form as the allele-balance evidence of
 * callConfidence.ts:
 *   P(real | MQ) = π L_real(MQ) / (π L_real(MQ) + (1 − π) L_artefact(MQ)).
 *
 * L_real is the MQ distribution of known germline variants: the calls with a dbSNP id of the real
 * Exomiser example exome (BWA + GATK; ../shared/data/vcf/pfeiffer-exome.GRCh37.exomiser-example.vcf.gz),
 * in bins of 5 MQ units (the last bin holds MQ ≥ 60), Laplace-smoothed; `scripts/fitMappingQuality.ts`
 * prints the counts below. L_artefact, the MQ of calls made from mis-placed reads (paralogues,
 * segmental duplications), is taken as uniform on [0, 60]: nothing is assumed about it. π is the
 * allele balance's (callConfidence.ts GERMLINE_PRIOR, 0.9). No benchmark case was used: the fit is
 * on known variants, and the cases' background is the same exome's calls without a dbSNP id.
 *
 * The counts are on the 0-60 scale of BWA, minimap2, DRAGEN and Isaac. Aligners with another scale
 * (Bowtie 2 tops out at 42) would read as mis-mapped everywhere: `mappingQualityUse` turns the
 * evidence off for a run whose calls' median MQ is below 50 (BWA exomes: 59-60).
 */

/** Bin width in MQ units. */
export const MQ_BIN = 5;
/** Calls with a dbSNP id per MQ bin [0,5), [5,10), ..., [55,60), [60,∞) (scripts/fitMappingQuality.ts). */
export const KNOWN_CALLS_PER_MQ_BIN: readonly number[] = [0, 0, 0, 3, 7, 33, 61, 99, 641, 1016, 1966, 14733, 16734];
/** L_artefact per MQ unit: uniform on [0, 60]. */
const ARTEFACT_DENSITY = 1 / 60;
/** Below this median MQ over a run's calls, the aligner's scale is not the 0-60 one the counts are on. */
export const MIN_MEDIAN_MQ = 50;

const KNOWN_TOTAL = KNOWN_CALLS_PER_MQ_BIN.reduce((a, b) => a + b, 0);

/** P(the call is real | its site's MQ) under the model above, π = `prior`. */
export function mappingQualityPosterior(mq: number, prior: number): number {
  const bins = KNOWN_CALLS_PER_MQ_BIN.length;
  const bin = mqBin(mq);
  const real = (KNOWN_CALLS_PER_MQ_BIN[bin] + 1) / (KNOWN_TOTAL + bins) / MQ_BIN;
  return (prior * real) / (prior * real + (1 - prior) * ARTEFACT_DENSITY);
}

/** The MQ bin of a value (the last bin is open-ended). */
export function mqBin(mq: number): number {
  return Math.min(KNOWN_CALLS_PER_MQ_BIN.length - 1, Math.max(0, Math.floor(mq / MQ_BIN)));
}

/** An empty count of a run's calls per MQ bin. */
export function emptyMqBins(): number[] {
  return new Array<number>(KNOWN_CALLS_PER_MQ_BIN.length).fill(0);
}

/** Counts one annotated allele's MQ, when it has one, into a run's bins. */
export function countMq(bins: number[], v: { mappingQuality?: number }): void {
  if (v.mappingQuality !== undefined) bins[mqBin(v.mappingQuality)]++;
}

/** Adds `from` into `into`, bin by bin. */
export function addMqBins(into: number[], from: readonly number[]): void {
  for (let i = 0; i < into.length; i++) into[i] += from[i] ?? 0;
}

/** How a run uses INFO/MQ (results.json settings.mapping_quality). */
export type MappingQualityUse = 'used' | 'absent' | 'off';

/**
 * Whether a run uses MQ, from the count of all its annotated calls per MQ bin (the same however the
 * run is sharded): when the bin of their median MQ starts at MIN_MEDIAN_MQ or above; with the
 * warning when its calls have MQ on another scale.
 */
export function mappingQualityUse(bins: readonly number[]): { use: MappingQualityUse; warning: string | null } {
  const median = medianMqBinStart(bins);
  if (median < 0) return { use: 'absent', warning: null };
  if (median >= MIN_MEDIAN_MQ) return { use: 'used', warning: null };
  return { use: 'off', warning: `INFO/MQ not used: the calls' median MQ is ${median}-${median + MQ_BIN}, below ${MIN_MEDIAN_MQ}, so the aligner's MQ is not on the 0-60 scale the call-confidence model was fitted on` };
}

/** The lower end of the MQ bin holding the median call, or -1 for no calls with MQ. */
export function medianMqBinStart(bins: readonly number[]): number {
  const total = bins.reduce((a, b) => a + b, 0);
  if (total === 0) return -1;
  let seen = 0;
  for (let i = 0; i < bins.length; i++) {
    seen += bins[i];
    if (2 * seen >= total) return i * MQ_BIN;
  }
  return (bins.length - 1) * MQ_BIN;
}
