/**
 * With --unknown-hpo skip and no observed term the bundle's HPO release knows, the run goes on and
 * ranks genes by genotype alone, saying so (src/run/phenotype.ts, src/prioritise/rank.ts); without
 * --unknown-hpo skip the unknown term stays an error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Candidate } from '../../src/prioritise/types';
import { DEMO_BUNDLE, DEMO_VCF, runCli, tmpDir } from '../helpers/cli';

describe('no usable phenotype term', () => {
  const out = path.join(tmpDir(), 'out');
  let results: { warnings: string[]; candidates: Candidate[] };
  let stderr = '';
  beforeAll(() => {
    const r = runCli(['run', '--vcf', DEMO_VCF, '--hpo', 'HP:9999999', '--unknown-hpo', 'skip', '--reference', DEMO_BUNDLE, '--out', out, '--no-store', '--top', '200']);
    expect(r.code).toBe(0);
    stderr = r.stderr;
    results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as typeof results;
  });

  it('warns, in results.json and on stderr, that genes are ranked by genotype alone', () => {
    expect(results.warnings.some((w) => /none of the observed HPO terms is in HPO release .* genes are ranked by genotype alone/.test(w))).toBe(true);
    expect(stderr).toMatch(/ranked by genotype alone/);
  });

  it('orders genes by their genotype evidence, annotated or not', () => {
    const c = results.candidates;
    expect(c.length).toBeGreaterThan(1);
    for (const x of c) {
      expect(x.score).toBeCloseTo(x.variant_score, 5);
      // No term was matched, so no candidate may show a phenotype match.
      expect(x.phenotype.score).toBe(0);
      expect(x.phenotype.matches).toEqual([]);
    }
    for (let i = 1; i < c.length; i++) expect(c[i - 1].score).toBeGreaterThanOrEqual(c[i].score);
  });

  it('without --unknown-hpo skip an unknown term is still an error', () => {
    const r = runCli(['run', '--vcf', DEMO_VCF, '--hpo', 'HP:9999999', '--reference', DEMO_BUNDLE, '--out', path.join(tmpDir(), 'out2'), '-q', '--no-store']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown HPO term HP:9999999/);
  });
});
