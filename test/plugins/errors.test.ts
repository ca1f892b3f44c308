import * as fs from 'node:fs';
import * as path from 'node:path';
import { tmpDir } from '../helpers/cli';
import { errorLines, EXAMPLES, FIXTURES, runDemo } from './helpers';

/** Plugin failures: one error line naming the plugin (and the variant), or counted skips. */
describe('plugin errors', () => {
  const dir = tmpDir();
  const out = (name: string): string => path.join(dir, name);

  // [case, arguments, the one expected error line]
  const failures: Array<[string, string[], RegExp]> = [
    ['a plugin that throws', ['--plugin', path.join(FIXTURES, 'throws-on-kmt2d.cjs')], /^vartriage: error: plugin throws-on-kmt2d@0\.0\.1 on chr12:49025149 TC>T: threw no model for deletions \(--on-plugin-error skip skips such variants\)$/],
    ['a malformed filter verdict', ['--plugin', path.join(FIXTURES, 'malformed-filter.mjs')], /^vartriage: error: plugin malformed-filter@2\.1\.0 on chr\w+:\d+ \w+>\w+: filter\(\) returned \{"keep":"yes"\}, expected \{keep: true\} or \{keep: false, reason: "\.\.\."\}/],
    ['a plugin file that does not exist', ['--plugin', 'no/such/plugin.mjs'], /^vartriage: error: no\/such\/plugin\.mjs: plugin file does not exist$/],
    ['a module that is not a plugin', ['--plugin', path.join(FIXTURES, 'no-kind.cjs')], /^vartriage: error: .*no-kind\.cjs: not a vartriage plugin: export `kind` must be one of filter, score, source/],
    ['a YAML config', ['--config', path.join(dir, 'vartriage.yaml')], /^vartriage: error: .*vartriage\.yaml: YAML configs need the `yaml` npm package/],
    ['two plugins with one name', ['--plugin', path.join(EXAMPLES, 'plugins', 'qual-filter.cjs'), '--plugin', path.join(EXAMPLES, 'plugins', 'qual-filter.cjs')], /^vartriage: error: --plugin: name "qual-filter" is used by both/],
  ];
  it.each(failures)('%s: exit 1 with one error line', (_name, args, expected) => {
    const r = runDemo(out(_name.replace(/\W+/g, '-')), args);
    expect(r.code).toBe(1);
    const lines = errorLines(r.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(expected);
    expect(fs.existsSync(path.join(out(_name.replace(/\W+/g, '-')), 'results.json'))).toBe(false);
  });

  it('a source whose field is not in the file: one error line naming source and field', () => {
    const cfg = path.join(dir, 'bad-field.json');
    fs.writeFileSync(cfg, JSON.stringify({ sources: [{ name: 'inhouse', file: path.join(EXAMPLES, 'data', 'inhouse-cohort.tsv.gz'), fields: ['no_such_column'] }] }));
    const r = runDemo(out('bad-field'), ['--config', cfg]);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr)).toEqual([`vartriage: error: ${path.join(EXAMPLES, 'data', 'inhouse-cohort.tsv.gz')}: source "inhouse": no column "no_such_column" for field no_such_column (header: chrom, pos, ref, alt, cohort_af, carriers, batch; use a 1-based column number)`]);
  });

  it('--on-plugin-error skip: the run completes, skips are counted and reported', () => {
    const r = runDemo(out('skip'), ['--plugin', path.join(FIXTURES, 'throws-on-kmt2d.cjs'), '--on-plugin-error', 'skip']);
    expect(errorLines(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.results.counts.plugins?.['throws-on-kmt2d']).toEqual({ dropped: 0, skipped: 1, drop_reasons: {} });
    const warning = 'plugin throws-on-kmt2d@0.0.1: skipped on 1 variant(s) after errors (--on-plugin-error skip); first: plugin throws-on-kmt2d@0.0.1 on chr12:49025149 TC>T: threw no model for deletions';
    expect(r.results.warnings).toContain(warning);
    expect(r.stderr).toContain(warning);
    expect(r.html).toContain('1 skipped after errors');
    const kmt2d = r.results.candidates[0].variants[0];
    expect([kmt2d.pos, kmt2d.plugin_scores]).toEqual([49025149, { 'throws-on-kmt2d': null }]);
  });

  it('a malformed verdict on every variant is skipped on every variant, and nothing is dropped', () => {
    const r = runDemo(out('skip-all'), ['--plugin', path.join(FIXTURES, 'malformed-filter.mjs'), '--on-plugin-error', 'skip']);
    expect(r.code).toBe(0);
    const c = r.results.counts.plugins?.['malformed-filter'];
    expect(c?.dropped).toBe(0);
    expect(c?.skipped).toBe(r.results.counts.passed_filters);
  });
});
