import Database from 'better-sqlite3';
import type { VariantKey } from '../variant/types';
import { reviewStars } from './clinvarSignificance';

/** One ClinVar variant as stored in `clinvar.sqlite`, keyed by normalised `chrom:pos:ref:alt`. */
export interface ClinvarRecord {
  key: VariantKey;
  /** ClinVar VariationID (the VCF ID column). */
  id: string;
  alleleId: string;
  /** CLNSIG as given, e.g. "Pathogenic/Likely_pathogenic" or "Conflicting_classifications_of_pathogenicity". */
  significance: string;
  reviewStatus: string;
  stars: number;
  /** CLNDN split on '|'. */
  conditions: string[];
  /** CLNDISDB as given. */
  diseaseDb: string;
  /** Gene symbols from GENEINFO. */
  genes: string[];
  /** MC molecular consequences, SO names. */
  consequences: string[];
  rsid: string;
}

const SCHEMA = `
CREATE TABLE clinvar (
  key TEXT PRIMARY KEY, id TEXT, allele_id TEXT, significance TEXT, review_status TEXT, stars INTEGER,
  conditions TEXT, disease_db TEXT, genes TEXT, consequences TEXT, rsid TEXT, chrom TEXT, pos INTEGER
) WITHOUT ROWID;
CREATE INDEX clinvar_id ON clinvar(id);
CREATE INDEX clinvar_locus ON clinvar(chrom, pos);
`;

export function writeClinvarSqlite(file: string, records: Iterable<ClinvarRecord>): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA);
    const insert = db.prepare('INSERT OR REPLACE INTO clinvar VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)');
    let n = 0;
    db.transaction(() => {
      for (const r of records) {
        const [chrom, pos] = r.key.split(':');
        insert.run(r.key, r.id, r.alleleId, r.significance, r.reviewStatus, r.stars, r.conditions.join('|'), r.diseaseDb, r.genes.join('|'), r.consequences.join('|'), r.rsid, chrom, Number(pos));
        n++;
      }
    })();
    return n;
  } finally {
    db.close();
  }
}

interface ClinvarRow {
  key: string;
  id: string;
  allele_id: string;
  significance: string;
  review_status: string;
  stars: number;
  conditions: string;
  disease_db: string;
  genes: string;
  consequences: string;
  rsid: string;
  chrom: string;
  pos: number;
}

const split = (s: string): string[] => (s ? s.split('|') : []);

/** Read-only lookups by allele key, synchronous so a worker pays no event-loop round trip per variant. */
export class ClinvarLookup {
  private readonly db: Database.Database;
  private readonly byKey: Database.Statement<[string], ClinvarRow>;
  private byRegion?: Database.Statement<[string, number, number], ClinvarRow>;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.byKey = this.db.prepare<[string], ClinvarRow>('SELECT * FROM clinvar WHERE key = ?');
  }

  get(key: VariantKey): ClinvarRecord | undefined {
    const r = this.byKey.get(key);
    return r ? toRecord(r) : undefined;
  }

  /**
   * Every record with POS in [start1, end1] on a contig, by key: one indexed range scan per shard
   * region instead of one query per variant.
   */
  region(chrom: string, start1: number, end1: number): Map<VariantKey, ClinvarRecord> {
    this.byRegion ??= this.db.prepare<[string, number, number], ClinvarRow>('SELECT * FROM clinvar WHERE chrom = ? AND pos BETWEEN ? AND ?');
    const out = new Map<VariantKey, ClinvarRecord>();
    for (const r of this.byRegion.iterate(chrom, start1, end1)) out.set(r.key as VariantKey, toRecord(r));
    return out;
  }

  close(): void {
    this.db.close();
  }
}

function toRecord(r: ClinvarRow): ClinvarRecord {
  return {
    key: r.key as VariantKey,
    id: r.id,
    alleleId: r.allele_id,
    significance: r.significance,
    reviewStatus: r.review_status,
    // Bundles built before the review-status fix stored 1 star for "no assertion criteria
    // provided"; a status ClinVar rates lower caps the stored stars, so such bundles read right.
    stars: r.review_status ? Math.min(r.stars, reviewStars(r.review_status)) : r.stars,
    conditions: split(r.conditions),
    diseaseDb: r.disease_db,
    genes: split(r.genes),
    consequences: split(r.consequences),
    rsid: r.rsid,
  };
}
