import Database from 'better-sqlite3';
import type { Candidate } from '../prioritise/types';
import { end1Of } from './span';
import type { CandidateDetail, StoredVariant } from './types';
import { openForWriting } from './sqliteWrite';

/**
 * Hot tier: one SQLite row per candidate-gene or otherwise reportable variant (storedVariant.ts
 * says which), as JSON beside indexed columns for locus, gene, ID column tokens (rsIDs) and ClinVar
 * VariationID, plus the ranked candidate genes with their full explanation.
 */
const SCHEMA = `
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE variant(row INTEGER PRIMARY KEY, chrom TEXT NOT NULL, pos1 INTEGER NOT NULL, end1 INTEGER NOT NULL,
  clinvar_id TEXT, record TEXT NOT NULL, candidates TEXT);
CREATE TABLE variant_gene(gene TEXT NOT NULL, row INTEGER NOT NULL, PRIMARY KEY(gene, row)) WITHOUT ROWID;
CREATE TABLE variant_id(id TEXT NOT NULL, row INTEGER NOT NULL, PRIMARY KEY(id, row)) WITHOUT ROWID;
CREATE TABLE candidate(rank INTEGER PRIMARY KEY, gene TEXT NOT NULL, record TEXT NOT NULL);
`;
const INDEXES = `
CREATE INDEX variant_locus ON variant(chrom, pos1);
CREATE INDEX variant_clinvar ON variant(clinvar_id) WHERE clinvar_id IS NOT NULL;
`;

export class HotWriter {
  private readonly db: Database.Database;
  private readonly stmt;
  private count = 0;
  private maxSpan = 1;

  constructor(file: string) {
    this.db = openForWriting(file);
    this.db.exec(SCHEMA);
    this.db.exec('BEGIN');
    this.stmt = {
      variant: this.db.prepare('INSERT INTO variant(row, chrom, pos1, end1, clinvar_id, record, candidates) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      gene: this.db.prepare('INSERT OR IGNORE INTO variant_gene(gene, row) VALUES (?, ?)'),
      id: this.db.prepare('INSERT OR IGNORE INTO variant_id(id, row) VALUES (?, ?)'),
    };
  }

  /** Adds a reportable variant, in store order. */
  add(v: StoredVariant, details: CandidateDetail[] | undefined): void {
    const end1 = end1Of(v.pos1, v.ref);
    this.maxSpan = Math.max(this.maxSpan, end1 - v.pos1 + 1);
    this.stmt.variant.run(v.row, v.chrom, v.pos1, end1, v.clinvar?.id ?? null, JSON.stringify(v), details ? JSON.stringify(details) : null);
    for (const g of v.genes) this.stmt.gene.run(g.gene, v.row);
    if (v.id !== '.') for (const token of v.id.split(';')) if (token) this.stmt.id.run(token, v.row);
    this.count++;
  }

  finish(candidates: Candidate[], meta: Record<string, string>): { rows: number } {
    const c = this.db.prepare('INSERT INTO candidate(rank, gene, record) VALUES (?, ?, ?)');
    for (const cand of candidates) c.run(cand.rank, cand.gene.symbol, JSON.stringify(cand));
    const m = this.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)');
    for (const [k, v] of Object.entries({ ...meta, max_span: String(this.maxSpan), rows: String(this.count) }).sort()) m.run(k, v);
    this.db.exec(INDEXES);
    this.db.exec('COMMIT');
    this.db.close();
    return { rows: this.count };
  }

  abort(): void {
    if (this.db.open) this.db.close();
  }
}

interface HotRow {
  record: string;
}

export class HotReader {
  private readonly db: Database.Database;
  private readonly maxSpan: number;
  private readonly stmt;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    this.maxSpan = Number((this.db.prepare("SELECT value FROM meta WHERE key = 'max_span'").get() as { value: string }).value);
    this.stmt = {
      overlapping: this.db.prepare('SELECT record FROM variant WHERE chrom = ? AND pos1 BETWEEN ? AND ? AND end1 >= ? ORDER BY row'),
      gene: this.db.prepare('SELECT v.record FROM variant_gene g JOIN variant v ON v.row = g.row WHERE g.gene = ? ORDER BY g.row'),
      id: this.db.prepare('SELECT v.record FROM variant_id i JOIN variant v ON v.row = i.row WHERE i.id = ? ORDER BY i.row'),
      clinvar: this.db.prepare('SELECT record FROM variant WHERE clinvar_id = ? ORDER BY row'),
      details: this.db.prepare('SELECT candidates FROM variant WHERE row = ?'),
      candidates: this.db.prepare('SELECT record FROM candidate ORDER BY rank'),
    };
  }

  private rows(list: unknown[]): StoredVariant[] {
    return (list as HotRow[]).map((r) => JSON.parse(r.record) as StoredVariant);
  }

  overlapping(chrom: string, start1: number, end1: number): StoredVariant[] {
    return this.rows(this.stmt.overlapping.all(chrom, start1 - this.maxSpan + 1, end1, start1));
  }

  gene(symbol: string): StoredVariant[] {
    return this.rows(this.stmt.gene.all(symbol));
  }

  rsid(id: string): StoredVariant[] {
    return this.rows(this.stmt.id.all(id));
  }

  clinvar(id: string): StoredVariant[] {
    return this.rows(this.stmt.clinvar.all(id));
  }

  /** Ranking detail for one store row, when it belongs to a candidate gene. */
  details(row: number): CandidateDetail[] | undefined {
    const r = this.stmt.details.get(row) as { candidates: string | null } | undefined;
    return r?.candidates ? (JSON.parse(r.candidates) as CandidateDetail[]) : undefined;
  }

  candidates(): Candidate[] {
    return (this.stmt.candidates.all() as HotRow[]).map((r) => JSON.parse(r.record) as Candidate);
  }

  close(): void {
    this.db.close();
  }
}
