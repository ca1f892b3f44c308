import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDir } from '../helpers/cli';
import { compileResultsSchema, errorLines as schemaErrors } from '../helpers/resultsSchema';
import { expectedDeleteriousness, outcomesOfHgvs } from '../../src/prioritise/codonExpectation';
import { errorLines, EXAMPLES, runDemo, variantAt } from './helpers';

/** The examples under examples/, run as README "Extending vartriage" shows them. */
describe('example plugins and configured source on the demo', () => {
  const dir = tmpDir();
  const base = runDemo(path.join(dir, 'base'), []);

  it('example score plugin (ESM): a named score per variant that replaces the consequence default', () => {
    const r = runDemo(path.join(dir, 'score'), ['--plugin', path.join(EXAMPLES, 'plugins', 'depth-aware-score.mjs')]);
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.results.plugins).toEqual([{ name: 'depth-aware-score', version: '1.0.0', kind: 'score', path: path.join(EXAMPLES, 'plugins', 'depth-aware-score.mjs') }]);
    // SCN1A chr2:166039568 G>T: coding_sequence_variant (weight 0.5), DP=52 >= 20, so 0.5 replaces the
    // default: the demo has no FASTA, so that default is the expectation over the codons its c. position allows.
    const scn1a = variantAt(r.results, 'chr2', 166039568);
    expect(scn1a.plugin_scores).toEqual({ 'depth-aware-score': 0.5 });
    const baseScn1a = variantAt(base.results, 'chr2', 166039568);
    const outcomes = outcomesOfHgvs(baseScn1a.hgvs_c, 'chr2');
    expect(outcomes).not.toBeNull();
    const defaultDeleteriousness = expectedDeleteriousness(outcomes!, { synonymous: 0.1, missense: 0.6, stop: 0.95 });
    expect(scn1a.score).toBeCloseTo(baseScn1a.score * (0.5 / defaultDeleteriousness), 5);
    expect(scn1a.reasons).toContain('plugin depth-aware-score@1.0.0: deleteriousness 0.50 replaces the consequence default');
    // Intronic variants get no score (null) and keep the consequence default.
    const nsd1 = variantAt(r.results, 'chr5', 177151525);
    expect(nsd1.plugin_scores).toEqual({ 'depth-aware-score': null });
    expect(nsd1.score).toBe(variantAt(base.results, 'chr5', 177151525).score);
    // TSV: appended column; report: the plugin line and the plugins table.
    expect(r.tsv[0].slice(-2)).toEqual(['transcripts', 'depth-aware-score']);
    const scnRow = r.tsv.find((row) => row[8] === '166039568') as string[];
    expect(scnRow[scnRow.length - 1]).toBe('0.5');
    expect(r.html).toContain('depth-aware-score 0.5 <span class="source">[plugins]</span>');
    expect(r.html).toMatch(/<td>depth-aware-score<\/td><td>score<\/td><td>1\.0\.0<\/td>/);
  });

  it('example filter plugin (CommonJS) with options from a config: drops with reasons, counted per plugin', () => {
    const cfg = path.join(dir, 'filter.json');
    fs.writeFileSync(cfg, JSON.stringify({ plugins: [{ path: path.join(EXAMPLES, 'plugins', 'qual-filter.cjs'), options: { min_qual: 500, exclude_regions: ['chr12:49025000-49025200'] } }] }));
    const r = runDemo(path.join(dir, 'filter'), ['--config', cfg]);
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    const c = r.results.counts.plugins?.['qual-filter'];
    expect(c?.drop_reasons['in excluded region chr12:49025000-49025200']).toBe(1);
    expect(c?.drop_reasons['QUAL below 500']).toBeGreaterThan(10);
    expect(c?.dropped).toBe(Object.values(c?.drop_reasons ?? {}).reduce((a, b) => a + b, 0));
    expect(r.results.counts.per_filter['plugin:qual-filter']).toBe(c?.dropped);
    expect(r.results.counts.passed_filters).toBe(base.results.counts.passed_filters - (c?.dropped ?? 0));
    // The planted KMT2D deletion (in the excluded region) is gone from the candidates.
    expect(() => variantAt(r.results, 'chr12', 49025149)).toThrow();
    expect(r.html).toContain('filter plugin qual-filter');
  });

  it('configured sources without code: TSV by allele (max, concat) and BED by overlap', () => {
    const r = runDemo(path.join(dir, 'sources'), ['--config', path.join(EXAMPLES, 'config', 'vartriage.json')]);
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.results.plugins?.map((p) => [p.name, p.kind, p.match, p.version])).toEqual([
      ['inhouse', 'source', 'allele', 'demo-2024'],
      ['lcr', 'source', 'overlap', 'demo-2024'],
    ]);
    // Two cohort rows for SCN1A: max of AF and carriers, both batches.
    expect(variantAt(r.results, 'chr2', 166039568).annotations).toEqual({ inhouse_af: 0.0065, inhouse_carriers: 5, inhouse_batches: 'b2019,b2023', lcr_region: 'demo_lcr_SCN1A' });
    // KMT2D deletion: AF '.' is no value; two overlapping regions concatenated in file order.
    expect(variantAt(r.results, 'chr12', 49025149).annotations).toEqual({ inhouse_af: null, inhouse_carriers: 0, inhouse_batches: 'b2023', lcr_region: 'demo_lcr_KMT2D_a,demo_lcr_KMT2D_b' });
    // Multi-allelic PAH record: only the C>A row of the cohort table matches C>A, not C>G.
    expect(variantAt(r.results, 'chr12', 102867453, 'A').annotations?.inhouse_af).toBe(0.0012);
    expect(variantAt(r.results, 'chr12', 102867453, 'G').annotations?.inhouse_af).toBeNull();
    expect(r.tsv[0].slice(-4)).toEqual(['inhouse_af', 'inhouse_carriers', 'inhouse_batches', 'lcr_region']);
    // Sources annotate; they do not change scores or ranks.
    expect(r.results.candidates.map((c) => [c.gene.symbol, c.rank])).toEqual(base.results.candidates.map((c) => [c.gene.symbol, c.rank]));
    const validate = compileResultsSchema();
    validate(r.results);
    expect(schemaErrors(validate)).toEqual([]);
  });

  it('a source plugin with named ESM exports and options; outputs validate against the schema', () => {
    const r = runDemo(path.join(dir, 'source-plugin'), ['--config', path.join(__dirname, '..', 'fixtures', 'plugins', 'gene-list.json'), '--plugin', path.join(EXAMPLES, 'plugins', 'depth-aware-score.mjs')]);
    expect(r.code).toBe(0);
    expect(variantAt(r.results, 'chr12', 49025149).annotations).toEqual({ gene_list_hit: true, gene_list_window: true });
    expect(variantAt(r.results, 'chr2', 166039568).annotations).toEqual({ gene_list_hit: null, gene_list_window: null });
    const validate = compileResultsSchema();
    validate(r.results);
    expect(schemaErrors(validate)).toEqual([]);
  });
});
