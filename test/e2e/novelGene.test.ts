/**
 * A gene without a disease in the bundle's HPO release (PCSK9 in the demo bundle) is ranked with
 * the patient's null phenotype score, the median over the annotated genes considered, times its
 * genotype evidence; it is not pushed below every annotated gene (README "How ranking works").
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Candidate } from '../../src/prioritise/types';
import { DEMO_BUNDLE, DEMO_VCF, runCli, tmpDir } from '../helpers/cli';

describe('genes without a known disease', () => {
  const out = path.join(tmpDir(), 'out');
  let candidates: Candidate[] = [];
  beforeAll(() => {
    const r = runCli(['run', '--vcf', DEMO_VCF, '--hpo', 'HP:0001250,HP:0004322', '--reference', DEMO_BUNDLE, '--out', out, '-q', '--no-store', '--top', '200']);
    expect(r.code).toBe(0);
    candidates = (JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as { candidates: Candidate[] }).candidates;
  });

  it('score the median phenotype of the annotated genes times their genotype evidence', () => {
    const novel = candidates.filter((c) => c.gene.diseases.length === 0);
    expect(novel.map((c) => c.gene.symbol)).toEqual(['PCSK9']);
    const annotated = candidates.filter((c) => c.gene.diseases.length > 0).map((c) => c.phenotype.score).sort((a, b) => a - b);
    const median = annotated[Math.floor(annotated.length / 2)];
    expect(novel[0].score).toBeCloseTo(median * novel[0].variant_score, 5);
    expect(novel[0].phenotype.score).toBe(0);
    expect(novel[0].inheritance.explanation).toMatch(/no disease for this gene in the HPO release: phenotype taken as the patient's median/);
  });

  it('are ranked among the annotated genes by that score, not after all of them', () => {
    const pcsk9 = candidates.find((c) => c.gene.symbol === 'PCSK9') as Candidate;
    expect(pcsk9.rank).toBeLessThan(candidates.length);
    for (const c of candidates) {
      if (c.rank < pcsk9.rank) expect(c.score).toBeGreaterThanOrEqual(pcsk9.score);
      if (c.rank > pcsk9.rank) expect(c.score).toBeLessThanOrEqual(pcsk9.score);
    }
  });
});
