/**
 * Histogram of the combined score of every gene that scored above zero, so the report can show
 * where the reported candidates sit among all genes (results.json `score_distribution`).
 */
export interface ScoreDistribution {
  /** Genes with a combined score above zero (reported or not). */
  genes_scored: number;
  /** Width of each bin on the [0, 1] score scale. */
  bin_width: number;
  /** Genes per bin; bin i holds scores in [i·w, (i+1)·w), the last bin also holds 1. */
  counts: number[];
}

export const SCORE_BINS = 20;

export function scoreDistribution(scores: number[], bins = SCORE_BINS): ScoreDistribution {
  const counts = new Array<number>(bins).fill(0);
  for (const s of scores) counts[binOf(s, bins)]++;
  return { genes_scored: scores.length, bin_width: 1 / bins, counts };
}

export function binOf(score: number, bins: number): number {
  const clamped = Math.max(0, Math.min(1, score));
  // Multiply with a tiny guard so 0.35 lands in [0.35, 0.4) despite binary rounding.
  return Math.min(bins - 1, Math.floor(clamped * bins + 1e-9));
}
