import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { caseStrata } from '../../bench/caseStrata';
import { tmpDir } from '../helpers/cli';

/** bench/caseStrata.ts on a made-up harness work directory and a two-table hpo.sqlite. */
describe('caseStrata', () => {
  const root = tmpDir('vartriage-strata-');
  const bundle = path.join(root, 'bundle');
  const work = path.join(root, 'run');
  const addCase = (id: string, truth: object, ranked: string[] | null) => {
    fs.writeFileSync(path.join(work, '_truth', `${id}.json`), JSON.stringify(truth));
    if (ranked === null) return;
    fs.mkdirSync(path.join(work, id, 'out'), { recursive: true });
    fs.writeFileSync(path.join(work, id, 'out', 'results.json'), JSON.stringify({ candidates: ranked.map((g, i) => ({ rank: i + 1, gene: { symbol: g } })) }));
  };

  beforeAll(() => {
    fs.mkdirSync(bundle, { recursive: true });
    fs.mkdirSync(path.join(work, '_truth'), { recursive: true });
    const db = new Database(path.join(bundle, 'hpo.sqlite'));
    db.exec("CREATE TABLE disease_terms (disease_id TEXT, term_id TEXT); CREATE TABLE disease_genes (disease_id TEXT, gene_symbol TEXT);");
    db.exec("INSERT INTO disease_terms VALUES ('OMIM:1', 'HP:1'), ('OMIM:2', 'HP:2'); INSERT INTO disease_genes VALUES ('OMIM:1', 'FGFR2'), ('OMIM:2', 'LMNA');");
    db.close();
    addCase('c1', { genes: ['FGFR2'], disease_id: 'OMIM:1' }, ['FGFR2', 'TTN']);
    addCase('c2', { genes: ['FGFR2'], disease_id: 'OMIM:1' }, ['TTN', 'fgfr2']);
    addCase('c3', { genes: ['LMNA'], disease_id: 'OMIM:620000' }, ['LMNA']);
    addCase('c4', { genes: ['NOVEL1'], disease_id: 'OMIM:620001' }, ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'NOVEL1']);
    addCase('c5', { genes: ['NOVEL2'], disease_id: 'OMIM:620002' }, null);
  });

  it('splits cases by what the HPO release knows and counts failed runs as misses', () => {
    const s = caseStrata([work], bundle);
    expect(s.causal_disease_annotated).toEqual({ cases: 2, top1: 0.5, top10: 1 });
    expect(s.gene_has_other_diseases).toEqual({ cases: 1, top1: 1, top10: 1 });
    expect(s.gene_without_disease).toEqual({ cases: 2, top1: 0, top10: 0 });
  });
});
