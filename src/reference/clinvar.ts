import Database from 'better-sqlite3';
import type { VariantKey } from '../variant/types';

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
  conditions TEXT, disease_db TEXT, genes TEXT, consequences TEXT, rsid TEXT
) WITHOUT ROWID;
CREATE INDEX clinvar_id ON clinvar(id);
`;

export function writeClinvarSqlite(file: string, records: Iterable<ClinvarRecord>): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA);
    const insert = db.prepare('INSERT OR REPLACE INTO clinvar VALUES (?,?,?,?,?,?,?,?,?,?,?)');
    let n = 0;
    db.transaction(() => {
      for (const r of records) {
        insert.run(r.key, r.id, r.alleleId, r.significance, r.reviewStatus, r.stars, r.conditions.join('|'), r.diseaseDb, r.genes.join('|'), r.consequences.join('|'), r.rsid);
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
}

const split = (s: string): string[] => (s ? s.split('|') : []);

/** Read-only lookups by allele key, synchronous so a worker pays no event-loop round trip per variant. */
export class ClinvarLookup {
  private readonly db: Database.Database;
  private readonly byKey: Database.Statement<[string], ClinvarRow>;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.byKey = this.db.prepare<[string], ClinvarRow>('SELECT * FROM clinvar WHERE key = ?');
  }

  get(key: VariantKey): ClinvarRecord | undefined {
    const r = this.byKey.get(key);
    if (!r) return undefined;
    return {
      key: r.key as VariantKey,
      id: r.id,
      alleleId: r.allele_id,
      significance: r.significance,
      reviewStatus: r.review_status,
      stars: r.stars,
      conditions: split(r.conditions),
      diseaseDb: r.disease_db,
      genes: split(r.genes),
      consequences: split(r.consequences),
      rsid: r.rsid,
    };
  }

  close(): void {
    this.db.close();
  }
}
