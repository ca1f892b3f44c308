'use strict';
/**
 * Example filter plugin (CommonJS): drops variants whose QUAL is below `min_qual` (default 30) or
 * that lie in one of `exclude_regions` ("chr1:100-200", 1-based, closed). Options come from the
 * config file: {"path": "qual-filter.cjs", "options": {"min_qual": 50, "exclude_regions": [...]}}.
 *
 * @type {import('vartriage').FilterPlugin}
 */
let minQual = 30;
/** @type {Array<{chrom: string, start: number, end: number, text: string}>} */
let regions = [];

function parseRegion(text) {
  const m = /^([^:]+):(\d+)-(\d+)$/.exec(String(text));
  if (!m) throw new Error(`exclude_regions: "${text}" is not chr:start-end`);
  return { chrom: m[1], start: Number(m[2]), end: Number(m[3]), text: String(text) };
}

module.exports = {
  name: 'qual-filter',
  version: '1.0.0',
  kind: 'filter',
  description: 'Drop variants with QUAL below min_qual or inside exclude_regions',
  init(options) {
    if (options.min_qual !== undefined) {
      if (typeof options.min_qual !== 'number') throw new Error('min_qual must be a number');
      minQual = options.min_qual;
    }
    regions = (options.exclude_regions || []).map(parseRegion);
  },
  filter(v) {
    // QUAL '.' (null) is unknown, not low: keep it.
    if (v.qual !== null && v.qual < minQual) return { keep: false, reason: `QUAL below ${minQual}` };
    for (const r of regions) if (v.chrom === r.chrom && v.pos >= r.start && v.pos <= r.end) return { keep: false, reason: `in excluded region ${r.text}` };
    return { keep: true };
  },
};
