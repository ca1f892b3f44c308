import Database from 'better-sqlite3';
import type { DiseaseId, HpoId } from './hpoTypes';

export interface TermInfo {
  id: HpoId;
  label: string;
  /** Information content in nats. */
  icNats: number;
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

/** The bundle's HPO ontology and disease annotations, held in memory for scoring. */
export class HpoOntology {
  readonly terms = new Map<HpoId, TermInfo>();
  readonly ancestors = new Map<HpoId, HpoId[]>();
  readonly altIds = new Map<string, HpoId>();
  readonly diseases = new Map<DiseaseId, DiseaseInfo>();
  readonly diseasesByGene = new Map<string, DiseaseId[]>();
  readonly meta = new Map<string, string>();

  static load(file: string): HpoOntology {
    const o = new HpoOntology();
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      for (const r of db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all()) o.meta.set(r.key, r.value);
      for (const r of db.prepare<[], { id: string; label: string; ic: number; obsolete: number; replaced_by: string | null }>('SELECT id, label, ic, obsolete, replaced_by FROM terms').all()) {
        o.terms.set(r.id as HpoId, { id: r.id as HpoId, label: r.label, icNats: r.ic, obsolete: r.obsolete === 1, replacedBy: (r.replaced_by as HpoId) ?? null });
      }
      for (const r of db.prepare<[], { term_id: string; ancestor_id: string }>('SELECT term_id, ancestor_id FROM ancestors').all()) {
        let list = o.ancestors.get(r.term_id as HpoId);
        if (!list) o.ancestors.set(r.term_id as HpoId, (list = []));
        list.push(r.ancestor_id as HpoId);
      }
      for (const r of db.prepare<[], { alt_id: string; term_id: string }>('SELECT alt_id, term_id FROM alt_ids').all()) o.altIds.set(r.alt_id, r.term_id as HpoId);
      for (const r of db.prepare<[], { id: string; name: string }>('SELECT id, name FROM diseases ORDER BY id').all()) {
        o.diseases.set(r.id, { id: r.id, name: r.name, terms: [], inheritance: [], genes: [] });
      }
      for (const r of db.prepare<[], { disease_id: string; term_id: string; frequency: number | null; negated: number }>('SELECT * FROM disease_terms').all()) {
        o.diseases.get(r.disease_id)?.terms.push({ termId: r.term_id as HpoId, frequency: r.frequency, negated: r.negated === 1 });
      }
      for (const r of db.prepare<[], { disease_id: string; mode_id: string }>('SELECT * FROM disease_inheritance').all()) {
        o.diseases.get(r.disease_id)?.inheritance.push(r.mode_id as HpoId);
      }
      for (const r of db.prepare<[], { disease_id: string; gene_symbol: string }>('SELECT disease_id, gene_symbol FROM disease_genes ORDER BY gene_symbol, disease_id').all()) {
        const d = o.diseases.get(r.disease_id);
        if (!d) continue;
        if (!d.genes.includes(r.gene_symbol)) d.genes.push(r.gene_symbol);
        let list = o.diseasesByGene.get(r.gene_symbol);
        if (!list) o.diseasesByGene.set(r.gene_symbol, (list = []));
        if (!list.includes(r.disease_id)) list.push(r.disease_id);
      }
    } finally {
      db.close();
    }
    return o;
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
