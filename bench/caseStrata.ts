/**
 * Case-benchmark figures by what the bundle's HPO release can know about each case (issue 7):
 *
 * - `causal_disease_annotated`: the case's disease has annotations in the bundle's HPO;
 * - `gene_has_other_diseases`: the causal gene has diseases there, but not this one (mostly
 *   diseases described after the release: 422 of the dev set's 453 have an OMIM number from
 *   620000 on);
 * - `gene_without_disease`: the causal gene has no disease there, so only its genotype can place
 *   it (README "How ranking works").
 *
 * Reads a score_ranking.py work directory (`_truth/<case>.json`, `<case>/out/results.json`); a case
 * without results counts as a miss, as the harness counts it.
 *
 *   node dist/bench/caseStrata.js bench/work/cases/run-A bench/work/cases/run-B
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';

export type Stratum = 'causal_disease_annotated' | 'gene_has_other_diseases' | 'gene_without_disease';
export interface StratumFigures {
  cases: number;
  top1: number;
  top10: number;
}

interface Truth {
  genes: string[];
  disease_id?: string;
}
interface Results {
  candidates: Array<{ rank: number; gene: { symbol: string } }>;
}

/** What the bundle's hpo.sqlite annotates: disease ids with terms, and gene symbols with a disease. */
export function hpoKnowledge(bundleDir: string): { diseases: Set<string>; genes: Set<string> } {
  const db = new Database(path.join(bundleDir, 'hpo.sqlite'), { readonly: true });
  try {
    const diseases = new Set((db.prepare('SELECT DISTINCT disease_id FROM disease_terms').pluck().all() as string[]));
    const genes = new Set((db.prepare('SELECT DISTINCT gene_symbol FROM disease_genes').pluck().all() as string[]).map((g) => g.toUpperCase()));
    return { diseases, genes };
  } finally {
    db.close();
  }
}

export function caseStrata(workDirs: readonly string[], bundleDir: string): Record<Stratum, StratumFigures> {
  const hpo = hpoKnowledge(bundleDir);
  const tally: Record<Stratum, { n: number; top1: number; top10: number }> = {
    causal_disease_annotated: { n: 0, top1: 0, top10: 0 },
    gene_has_other_diseases: { n: 0, top1: 0, top10: 0 },
    gene_without_disease: { n: 0, top1: 0, top10: 0 },
  };
  for (const work of workDirs) {
    const truthDir = path.join(work, '_truth');
    for (const f of fs.readdirSync(truthDir).filter((x) => x.endsWith('.json')).sort()) {
      const truth = JSON.parse(fs.readFileSync(path.join(truthDir, f), 'utf8')) as Truth;
      const causal = new Set(truth.genes.map((g) => g.toUpperCase()));
      const stratum: Stratum = truth.disease_id !== undefined && hpo.diseases.has(truth.disease_id)
        ? 'causal_disease_annotated'
        : truth.genes.some((g) => hpo.genes.has(g.toUpperCase())) ? 'gene_has_other_diseases' : 'gene_without_disease';
      const resultsFile = path.join(work, f.replace(/\.json$/, ''), 'out', 'results.json');
      let rank: number | null = null;
      if (fs.existsSync(resultsFile)) {
        const r = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Results;
        rank = r.candidates.find((c) => causal.has(c.gene.symbol.toUpperCase()))?.rank ?? null;
      }
      const t = tally[stratum];
      t.n++;
      if (rank === 1) t.top1++;
      if (rank !== null && rank <= 10) t.top10++;
    }
  }
  const figures = (t: { n: number; top1: number; top10: number }): StratumFigures => ({ cases: t.n, top1: t.n ? t.top1 / t.n : 0, top10: t.n ? t.top10 / t.n : 0 });
  return {
    causal_disease_annotated: figures(tally.causal_disease_annotated),
    gene_has_other_diseases: figures(tally.gene_has_other_diseases),
    gene_without_disease: figures(tally.gene_without_disease),
  };
}

if (require.main === module) {
  const dirs = process.argv.slice(2);
  if (dirs.length === 0) throw new Error('usage: node dist/bench/caseStrata.js WORKDIR [WORKDIR...]');
  const bundle = path.resolve(__dirname, '..', '..', 'bench', 'work', 'grch38-dev');
  process.stdout.write(JSON.stringify(caseStrata(dirs, bundle), null, 2) + '\n');
}
