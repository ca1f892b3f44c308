import Database from 'better-sqlite3';
import type { DiseaseId, HpoId } from './hpoTypes';

export interface TermInfo {
  id: HpoId;
  label: string;
  /** Information content in nats: -ln(share of annotated diseases carrying the term or a descendant). */
  icNats: number;
  /** Number of annotated diseases carrying the term or a descendant. */
  diseaseCount: number;
  obsolete: boolean;
  replacedBy: HpoId | null;
}

export interface DiseaseTerm {
  termId: HpoId;
  frequency: number | null;
  negated: boolean;
}

export interface DiseaseInfo {
  id: DiseaseId;
  name: string;
  terms: DiseaseTerm[];
  /** Mode-of-inheritance term ids (HP:0000005 subtree). */
  inheritance: HpoId[];
  genes: string[];
}

export interface ResolvedTerm {
  id: HpoId;
  /** How an input id was mapped to a current term, when it was not current itself. */
  via?: 'alt_id' | 'replaced_by';
  input: string;
}

/** Read-only lookups shaped like a Map, for callers that only need get/has. */
export interface Lookup<K, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
}

/**
 * The bundle's HPO ontology and disease annotations. Terms, is_a parents and gene links are read
 * at open (tens of thousands of rows); ancestor sets are derived from the parents in memory and
 * memoised; a disease's annotations are read only when it is asked for, so a run touches the
 * few hundred diseases of its candidate genes, not all twelve thousand.
 */
export class HpoOntology {
  readonly terms = new Map<HpoId, TermInfo>();
  readonly altIds = new Map<string, HpoId>();
  readonly meta = new Map<string, string>();
  /** Number of diseases with at least one phenotype annotation (the IC denominator). */
  readonly annotatedDiseases: number;
  private readonly parents = new Map<HpoId, HpoId[]>();
  private readonly ancestorMemo = new Map<HpoId, HpoId[]>();
  private readonly diseaseMemo = new Map<DiseaseId, DiseaseInfo | null>();
  private readonly geneDiseases = new Map<string, DiseaseId[]>();
  private readonly db: Database.Database;
  private readonly diseaseRow: Database.Statement<[string], { id: string; name: string }>;
  private readonly diseaseTermRows: Database.Statement<[string], { term_id: string; frequency: number | null; negated: number }>;
  private readonly diseaseModes = new Map<DiseaseId, HpoId[]>();
  private readonly diseaseGenes = new Map<DiseaseId, string[]>();

  readonly ancestors: Lookup<HpoId, HpoId[]> = { get: (id) => (this.terms.has(id) ? this.ancestorsOf(id) : undefined), has: (id) => this.terms.has(id) };
  readonly diseases: Lookup<DiseaseId, DiseaseInfo> = { get: (id) => this.disease(id), has: (id) => this.disease(id) !== undefined };
  readonly diseasesByGene: Lookup<string, DiseaseId[]> = { get: (g) => this.geneDiseases.get(g), has: (g) => this.geneDiseases.has(g) };

  private constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    for (const r of this.db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all()) this.meta.set(r.key, r.value);
    this.annotatedDiseases = Number(this.meta.get('annotated_diseases') ?? 1);
    for (const r of this.db.prepare<[], { id: string; label: string; ic: number; disease_count: number; obsolete: number; replaced_by: string | null }>('SELECT id, label, ic, disease_count, obsolete, replaced_by FROM terms').all()) {
      this.terms.set(r.id as HpoId, { id: r.id as HpoId, label: r.label, icNats: r.ic, diseaseCount: r.disease_count ?? 0, obsolete: r.obsolete === 1, replacedBy: (r.replaced_by as HpoId) ?? null });
    }
    for (const r of this.db.prepare<[], { term_id: string; parent_id: string }>('SELECT term_id, parent_id FROM parents').all()) {
      let list = this.parents.get(r.term_id as HpoId);
      if (!list) this.parents.set(r.term_id as HpoId, (list = []));
      list.push(r.parent_id as HpoId);
    }
    for (const r of this.db.prepare<[], { alt_id: string; term_id: string }>('SELECT alt_id, term_id FROM alt_ids').all()) this.altIds.set(r.alt_id, r.term_id as HpoId);
    for (const r of this.db.prepare<[], { disease_id: string; gene_symbol: string }>('SELECT DISTINCT disease_id, gene_symbol FROM disease_genes ORDER BY gene_symbol, disease_id').all()) {
      let list = this.geneDiseases.get(r.gene_symbol);
      if (!list) this.geneDiseases.set(r.gene_symbol, (list = []));
      list.push(r.disease_id);
      let genes = this.diseaseGenes.get(r.disease_id);
      if (!genes) this.diseaseGenes.set(r.disease_id, (genes = []));
      genes.push(r.gene_symbol);
    }
    for (const r of this.db.prepare<[], { disease_id: string; mode_id: string }>('SELECT disease_id, mode_id FROM disease_inheritance').all()) {
      let modes = this.diseaseModes.get(r.disease_id);
      if (!modes) this.diseaseModes.set(r.disease_id, (modes = []));
      if (!modes.includes(r.mode_id as HpoId)) modes.push(r.mode_id as HpoId);
    }
    this.diseaseRow = this.db.prepare('SELECT id, name FROM diseases WHERE id = ?');
    this.diseaseTermRows = this.db.prepare('SELECT term_id, frequency, negated FROM disease_terms WHERE disease_id = ?');
  }

  static load(file: string): HpoOntology {
    return new HpoOntology(file);
  }

  close(): void {
    this.db.close();
  }

  /** The term and all its is_a ancestors among current terms (itself first). */
  ancestorsOf(id: HpoId): HpoId[] {
    const hit = this.ancestorMemo.get(id);
    if (hit) return hit;
    const out: HpoId[] = [id];
    const seen = new Set<HpoId>(out);
    for (let i = 0; i < out.length; i++) {
      for (const p of this.parents.get(out[i]) ?? []) {
        if (!seen.has(p) && this.terms.has(p)) {
          seen.add(p);
          out.push(p);
        }
      }
    }
    this.ancestorMemo.set(id, out);
    return out;
  }

  disease(id: DiseaseId): DiseaseInfo | undefined {
    let d = this.diseaseMemo.get(id);
    if (d === undefined) {
      const row = this.diseaseRow.get(id);
      d = row
        ? {
            id: row.id,
            name: row.name,
            terms: this.diseaseTermRows.all(id).map((r) => ({ termId: r.term_id as HpoId, frequency: r.frequency, negated: r.negated === 1 })),
            inheritance: this.diseaseModes.get(id) ?? [],
            genes: [...(this.diseaseGenes.get(id) ?? [])].sort(),
          }
        : null;
      this.diseaseMemo.set(id, d);
    }
    return d ?? undefined;
  }

  /** Maps an input id to a current term through alt_id and replaced_by (HPO obsoletion policy). */
  resolve(input: string): ResolvedTerm | undefined {
    const id = input.trim() as HpoId;
    const term = this.terms.get(id);
    if (term && !term.obsolete) return { id, input };
    if (term?.obsolete && term.replacedBy && this.terms.has(term.replacedBy)) return { id: term.replacedBy, via: 'replaced_by', input };
    const primary = this.altIds.get(id);
    if (primary && this.terms.has(primary)) return { id: primary, via: 'alt_id', input };
    return undefined;
  }

  label(id: HpoId): string {
    return this.terms.get(id)?.label ?? id;
  }

  ic(id: HpoId): number {
    return this.terms.get(id)?.icNats ?? 0;
  }
}
