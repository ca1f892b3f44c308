/**
 * Hard filters beyond AF and FILTER (issue 7: "quality, FILTER, max AF, consequence classes"): each
 * option removes what it says, is counted in counts.per_filter, recorded in settings, and a bad
 * value is one clear error line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_BUNDLE, DEMO_VCF, runCli, tmpDir } from '../helpers/cli';

const HPO = 'HP:0001250,HP:0004322';
interface Results {
  settings: Record<string, unknown>;
  counts: { passed_filters: number; per_filter: Record<string, number> };
  candidates: Array<{ variants: Array<{ consequence: string; call?: { gt: string; dp: number | null; gq: number | null; ad: [number, number] | null } }> }>;
}

function run(extra: string[]): Results {
  const out = path.join(tmpDir(), 'out');
  const r = runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out, '-q', '--no-store', '--top', '200', ...extra]);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  return JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as Results;
}

describe('quality and consequence filters', () => {
  let base: Results;
  beforeAll(() => {
    base = run([]);
  });

  it('are off by default, and say so in settings', () => {
    expect(base.settings).toMatchObject({ min_qual: 0, min_gq: 0, min_dp: 0, exclude_consequences: [] });
    expect(base.counts.per_filter.quality).toBe(0);
    expect(base.counts.per_filter.consequence).toBe(0);
  });

  it('--min-dp removes shallow calls and counts them', () => {
    const r = run(['--min-dp', '40']);
    expect(r.settings.min_dp).toBe(40);
    expect(r.counts.per_filter.quality).toBeGreaterThan(0);
    // Every variant is counted once: by the first filter it fails, or as passing.
    const total = (x: Results): number => x.counts.passed_filters + Object.values(x.counts.per_filter).reduce((a, b) => a + b, 0);
    expect(total(r)).toBe(total(base));
    expect(r.counts.passed_filters).toBeLessThan(base.counts.passed_filters);
    for (const c of r.candidates) for (const v of c.variants) expect(v.call?.dp ?? 40).toBeGreaterThanOrEqual(40);
  });

  it('--exclude-consequence removes variants by their most severe term', () => {
    const r = run(['--exclude-consequence', 'intron_variant,synonymous_variant']);
    expect(r.settings.exclude_consequences).toEqual(['intron_variant', 'synonymous_variant']);
    expect(r.counts.per_filter.consequence).toBeGreaterThan(0);
    for (const c of r.candidates) for (const v of c.variants) expect(['intron_variant', 'synonymous_variant']).not.toContain(v.consequence);
  });

  it('every candidate variant carries the proband call it was scored on', () => {
    const v = base.candidates[0].variants[0];
    expect(v.call).toEqual({ gt: expect.stringMatching(/^[01][/|]1$/), dp: expect.any(Number), gq: expect.any(Number), ad: [expect.any(Number), expect.any(Number)] });
  });

  it('a negative threshold is one clear error', () => {
    const r = runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', path.join(tmpDir(), 'out'), '--min-dp', '-3']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('vartriage: error: --min-dp: expected a number >= 0, got -3');
  });

  it('an unknown consequence term is one clear error', () => {
    const out = path.join(tmpDir(), 'out');
    const r = runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out, '--exclude-consequence', 'intronic']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^vartriage: error: --exclude-consequence: "intronic" is not a Sequence Ontology term/)]);
    expect(fs.existsSync(path.join(out, 'results.json'))).toBe(false);
  });
});
