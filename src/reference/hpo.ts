import Database from 'better-sqlite3';
import type { DiseaseAnnotationInput, DiseaseGeneInput, DiseaseInheritanceInput, HpoTermInput } from './hpoTypes';

/** Root of the phenotype subontology; information content is computed over diseases annotated below it. */
export const PHENOTYPIC_ABNORMALITY = 'HP:0000118';

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE terms (id TEXT PRIMARY KEY, label TEXT, ic REAL, disease_count INTEGER, obsolete INTEGER, replaced_by TEXT);
CREATE TABLE parents (term_id TEXT, parent_id TEXT);
CREATE TABLE alt_ids (alt_id TEXT PRIMARY KEY, term_id TEXT);
CREATE TABLE ancestors (term_id TEXT, ancestor_id TEXT);
CREATE INDEX ancestors_term ON ancestors(term_id);
CREATE TABLE diseases (id TEXT PRIMARY KEY, name TEXT);
CREATE TABLE disease_terms (disease_id TEXT, term_id TEXT, frequency REAL, negated INTEGER);
CREATE INDEX disease_terms_disease ON disease_terms(disease_id);
CREATE TABLE disease_genes (disease_id TEXT, gene_symbol TEXT, ncbi_gene_id TEXT);
CREATE INDEX disease_genes_gene ON disease_genes(gene_symbol);
CREATE INDEX disease_genes_disease ON disease_genes(disease_id);
CREATE TABLE disease_inheritance (disease_id TEXT, mode_id TEXT);
`;

/** Ancestor closure (each term includes itself) over is_a edges of current terms. */
export function ancestorClosure(terms: HpoTermInput[]): Map<string, Set<string>> {
  const parents = new Map<string, string[]>();
  for (const t of terms) if (!t.obsolete) parents.set(t.id, t.parents);
  const memo = new Map<string, Set<string>>();
  const visit = (id: string, stack: Set<string>): Set<string> => {
    const done = memo.get(id);
    if (done) return done;
    if (stack.has(id)) throw new Error(`HPO is_a cycle through ${id}`);
    stack.add(id);
    const out = new Set<string>([id]);
    for (const p of parents.get(id) ?? []) if (parents.has(p)) for (const a of visit(p, stack)) out.add(a);
    stack.delete(id);
    memo.set(id, out);
    return out;
  };
  for (const id of parents.keys()) visit(id, new Set());
  return memo;
}

/**
 * Writes `hpo.sqlite`. Information content (Resnik 1995) is IC(t) = -ln(p(t)), with p(t) the share
 * of annotated diseases carrying t or one of its descendants (annotations propagate up is_a).
 */
export function writeHpoSqlite(
  file: string,
  meta: Record<string, string>,
  terms: HpoTermInput[],
  annotations: DiseaseAnnotationInput[],
  diseaseGenes: DiseaseGeneInput[],
  inheritance: DiseaseInheritanceInput[],
): { terms: number; diseases: number } {
  const closure = ancestorClosure(terms);
  const diseaseNames = new Map<string, string>();
  // A disease linked to a gene but without phenotype rows still gets a row, so its gene link is kept.
  for (const g of diseaseGenes) if (!diseaseNames.has(g.diseaseId)) diseaseNames.set(g.diseaseId, g.diseaseId);
  const diseaseTermSets = new Map<string, Set<string>>();
  for (const a of annotations) {
    diseaseNames.set(a.diseaseId, a.diseaseName);
    if (a.negated) continue;
    const anc = closure.get(a.termId);
    if (!anc) continue;
    let set = diseaseTermSets.get(a.diseaseId);
    if (!set) diseaseTermSets.set(a.diseaseId, (set = new Set()));
    for (const x of anc) set.add(x);
  }
  const counts = new Map<string, number>();
  for (const set of diseaseTermSets.values()) for (const t of set) counts.set(t, (counts.get(t) ?? 0) + 1);
  const total = Math.max(1, diseaseTermSets.size);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA);
    db.transaction(() => {
      const m = db.prepare('INSERT INTO meta VALUES (?,?)');
      for (const [k, v] of Object.entries({ ...meta, annotated_diseases: String(total) })) m.run(k, v);
      const t = db.prepare('INSERT INTO terms VALUES (?,?,?,?,?,?)');
      const p = db.prepare('INSERT INTO parents VALUES (?,?)');
      const alt = db.prepare('INSERT OR IGNORE INTO alt_ids VALUES (?,?)');
      const anc = db.prepare('INSERT INTO ancestors VALUES (?,?)');
      for (const term of terms) {
        const n = counts.get(term.id) ?? 0;
        // A term no disease reaches gets the IC of a single annotation: it is at least that specific.
        const ic = -Math.log(Math.max(n, 1) / total);
        t.run(term.id, term.label, ic, n, term.obsolete ? 1 : 0, term.replacedBy ?? null);
        for (const parent of term.parents) p.run(term.id, parent);
        for (const a of term.altIds) alt.run(a, term.id);
        for (const a of closure.get(term.id) ?? []) anc.run(term.id, a);
      }
      const d = db.prepare('INSERT OR IGNORE INTO diseases VALUES (?,?)');
      for (const [id, name] of diseaseNames) d.run(id, name);
      const dt = db.prepare('INSERT INTO disease_terms VALUES (?,?,?,?)');
      for (const a of annotations) dt.run(a.diseaseId, a.termId, a.frequency, a.negated ? 1 : 0);
      const dg = db.prepare('INSERT INTO disease_genes VALUES (?,?,?)');
      for (const g of diseaseGenes) dg.run(g.diseaseId, g.geneSymbol, g.ncbiGeneId);
      const di = db.prepare('INSERT INTO disease_inheritance VALUES (?,?)');
      for (const i of inheritance) di.run(i.diseaseId, i.modeId);
    })();
    return { terms: terms.length, diseases: diseaseNames.size };
  } finally {
    db.close();
  }
}
