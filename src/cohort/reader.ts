import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../errors';
import type { Lookup } from '../store';
import { COHORT_DB, COHORT_MANIFEST, COHORT_SCHEMA, CohortManifest, CohortVariant } from './types';

/** True when `dir` is a cohort store (has cohort.json) rather than a sample's store. */
export function isCohortDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, COHORT_MANIFEST));
}

interface Row {
  chrom: string; pos1: number; ref: string; alt: string; id: string; samples_carrying: number; samples_hom: number; samples: string;
  consequence: string; genes: string; gnomad_af: number | null; clinvar_id: string | null; clinvar_significance: string | null;
}

const COLUMNS = 'v.chrom, v.pos1, v.ref, v.alt, v.id, v.samples_carrying, v.samples_hom, v.samples, v.consequence, v.genes, v.gnomad_af, v.clinvar_id, v.clinvar_significance';

/** Answers locus, region, gene, rsID and ClinVar lookups from a cohort store, in store order. */
export class CohortReader {
  readonly manifest: CohortManifest;
  private readonly db: Database.Database;

  constructor(readonly dir: string) {
    const file = path.join(dir, COHORT_MANIFEST);
    let m: Partial<CohortManifest>;
    try {
      m = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CohortManifest>;
    } catch (e) {
      throw new InputError(file, `not valid JSON: ${(e as Error).message}`);
    }
    if (m.schema !== COHORT_SCHEMA) throw new InputError(file, `unsupported cohort schema ${String(m.schema)}, expected ${COHORT_SCHEMA}`);
    this.manifest = m as CohortManifest;
    const db = path.join(dir, COHORT_DB);
    if (!fs.existsSync(db)) throw new InputError(db, 'missing: the cohort store is incomplete');
    this.db = new Database(db, { readonly: true });
  }

  private contig(name: string): string {
    const bare = name.replace(/^chr/i, '');
    const found = this.manifest.contigs.find((c) => c === name || c.replace(/^chr/i, '') === bare);
    if (!found) throw new InputError('query', `contig "${name}" is not in this cohort store`);
    return found;
  }

  lookup(l: Lookup): CohortVariant[] {
    let rows: Row[];
    switch (l.kind) {
      case 'locus':
        rows = this.db.prepare(`SELECT ${COLUMNS} FROM variants v WHERE v.chrom = ? AND v.pos1 <= ? AND v.end1 >= ? ORDER BY v.row`).all(this.contig(l.chrom), l.pos1, l.pos1) as Row[];
        break;
      case 'region':
        rows = this.db.prepare(`SELECT ${COLUMNS} FROM variants v WHERE v.chrom = ? AND v.pos1 <= ? AND v.end1 >= ? ORDER BY v.row`).all(this.contig(l.chrom), l.end1, l.start1) as Row[];
        break;
      case 'gene':
        rows = this.db.prepare(`SELECT ${COLUMNS} FROM variant_genes g JOIN variants v ON v.row = g.row WHERE g.gene = ? ORDER BY v.row`).all(l.symbol) as Row[];
        break;
      case 'rsid':
        rows = this.db.prepare(`SELECT ${COLUMNS} FROM variant_ids i JOIN variants v ON v.row = i.row WHERE i.rsid = ? ORDER BY v.row`).all(l.rsid) as Row[];
        break;
      case 'clinvar':
        rows = this.db.prepare(`SELECT ${COLUMNS} FROM variants v WHERE v.clinvar_id = ? ORDER BY v.row`).all(l.id) as Row[];
        break;
    }
    return rows.map((r) => ({ ...r, samples: r.samples ? r.samples.split(',') : [], genes: r.genes ? r.genes.split(',') : [] }));
  }

  close(): void {
    this.db.close();
  }
}

export const COHORT_QUERY_COLUMNS = ['chrom', 'pos', 'ref', 'alt', 'id', 'samples_carrying', 'samples_hom', 'samples', 'consequence', 'genes', 'gnomad_af', 'clinvar_id', 'clinvar_significance'];

export function renderCohortTsv(hits: CohortVariant[]): string {
  const cell = (x: string | number | null): string => (x === null || x === '' ? '.' : String(x).replace(/[\t\r\n]/g, ' '));
  const rows = [COHORT_QUERY_COLUMNS.join('\t')];
  for (const h of hits) {
    rows.push([h.chrom, h.pos1, h.ref, h.alt, h.id, h.samples_carrying, h.samples_hom, h.samples.join(','), h.consequence, h.genes.join(','), h.gnomad_af, h.clinvar_id, h.clinvar_significance].map(cell).join('\t'));
  }
  return rows.join('\n') + '\n';
}
