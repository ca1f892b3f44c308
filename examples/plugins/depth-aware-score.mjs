/**
 * Example score plugin (ES module): a conservation-free toy score from the consequence and the
 * record's read depth (INFO/DP). The consequence weight is discounted when DP is below 20, because a
 * call on few reads is less certain. It returns the value (plugin_scores["depth-aware-score"]) and the
 * same number as `deleteriousness`, which replaces the consequence default in the variant score.
 * Not a validated predictor: it shows the API. Real ones (REVEL, CADD) are better loaded as sources.
 *
 * @type {import('vartriage').ScorePlugin}
 */
const WEIGHT = {
  transcript_ablation: 1,
  frameshift_variant: 1,
  stop_gained: 1,
  splice_acceptor_variant: 0.9,
  splice_donor_variant: 0.9,
  start_lost: 0.85,
  stop_lost: 0.8,
  missense_variant: 0.5,
  inframe_insertion: 0.5,
  inframe_deletion: 0.5,
  coding_sequence_variant: 0.5,
  splice_region_variant: 0.3,
};

let minDepth = 20;

export default {
  name: 'depth-aware-score',
  version: '1.0.0',
  kind: 'score',
  description: 'Consequence weight x min(1, DP / min_depth)',
  init(options) {
    if (options.min_depth !== undefined) minDepth = Number(options.min_depth);
  },
  score(v) {
    const weight = WEIGHT[v.consequence];
    if (weight === undefined) return null; // no opinion on non-coding variants: the default stays
    const dp = Number(v.info.DP);
    const confidence = Number.isFinite(dp) ? Math.min(1, dp / minDepth) : 0.5;
    const value = Math.round(weight * confidence * 1000) / 1000;
    return { value, deleteriousness: value };
  },
};
