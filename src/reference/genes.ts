import Database from 'better-sqlite3';

export type Strand = '+' | '-';

/** A gene as stored in `genes.sqlite`. 1-based closed coordinates. */
export interface GeneRecord {
  symbol: string;
  /** NCBI Gene id, e.g. "NCBIGene:8085", or "" when unknown. */
  ncbiId: string;
  /** HGNC id, e.g. "HGNC:7133", or "" when unknown. */
  hgncId: string;
  chrom: string;
  start1: number;
  end1: number;
  strand: Strand;
}

/** One transcript model. Exons are 1-based closed intervals in genomic order. */
export interface TranscriptRecord {
  accession: string;
  geneSymbol: string;
  chrom: string;
  start1: number;
  end1: number;
  strand: Strand;
  /** First and last base of the CDS (including the stop codon), null for non-coding transcripts. */
  cdsStart1: number | null;
  cdsEnd1: number | null;
  exons: Array<[number, number]>;
  maneSelect: boolean;
  canonical: boolean;
  /** Protein accession with version (e.g. "NP_000050.3"), null when unknown or non-coding. */
  proteinAccession: string | null;
  /** Biotype as the source gives it (e.g. "protein_coding", "lncRNA"), "" when unknown. */
  biotype: string;
}

const SCHEMA = `
CREATE TABLE genes (symbol TEXT PRIMARY KEY, ncbi_id TEXT, hgnc_id TEXT, chrom TEXT, start1 INTEGER, end1 INTEGER, strand TEXT);
CREATE INDEX genes_locus ON genes(chrom, start1);
CREATE TABLE transcripts (
  accession TEXT, gene_symbol TEXT, chrom TEXT, start1 INTEGER, end1 INTEGER, strand TEXT,
  cds_start1 INTEGER, cds_end1 INTEGER, exons TEXT, mane_select INTEGER, canonical INTEGER,
  protein_accession TEXT, biotype TEXT,
  -- One accession can be placed at more than one locus (PAR genes on chrX and chrY, refGene multi-mappings).
  PRIMARY KEY (accession, chrom, start1)
);
CREATE INDEX transcripts_locus ON transcripts(chrom, start1);
CREATE INDEX transcripts_gene ON transcripts(gene_symbol);
`;

export function writeGenesSqlite(file: string, genes: Iterable<GeneRecord>, transcripts: Iterable<TranscriptRecord>): { genes: number; transcripts: number } {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA);
    const g = db.prepare('INSERT OR REPLACE INTO genes VALUES (?,?,?,?,?,?,?)');
    const t = db.prepare('INSERT OR REPLACE INTO transcripts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)');
    const counts = { genes: 0, transcripts: 0 };
    db.transaction(() => {
      for (const x of genes) {
        g.run(x.symbol, x.ncbiId, x.hgncId, x.chrom, x.start1, x.end1, x.strand);
        counts.genes++;
      }
      for (const x of transcripts) {
        t.run(x.accession, x.geneSymbol, x.chrom, x.start1, x.end1, x.strand, x.cdsStart1, x.cdsEnd1, x.exons.map(([s, e]) => `${s}-${e}`).join(','), x.maneSelect ? 1 : 0, x.canonical ? 1 : 0, x.proteinAccession, x.biotype);
        counts.transcripts++;
      }
    })();
    return counts;
  } finally {
    db.close();
  }
}

interface TranscriptRow {
  accession: string;
  gene_symbol: string;
  chrom: string;
  start1: number;
  end1: number;
  strand: Strand;
  cds_start1: number | null;
  cds_end1: number | null;
  exons: string;
  mane_select: number;
  canonical: number;
  protein_accession: string | null;
  biotype: string | null;
}

interface GeneRow {
  symbol: string;
  ncbi_id: string;
  hgnc_id: string;
  chrom: string;
  start1: number;
  end1: number;
  strand: Strand;
}

function toTranscript(r: TranscriptRow): TranscriptRecord {
  return {
    accession: r.accession,
    geneSymbol: r.gene_symbol,
    chrom: r.chrom,
    start1: r.start1,
    end1: r.end1,
    strand: r.strand,
    cdsStart1: r.cds_start1,
    cdsEnd1: r.cds_end1,
    exons: r.exons.split(',').map((x) => x.split('-').map(Number) as [number, number]),
    maneSelect: r.mane_select === 1,
    canonical: r.canonical === 1,
    proteinAccession: r.protein_accession,
    biotype: r.biotype ?? '',
  };
}

function toGene(r: GeneRow): GeneRecord {
  return { symbol: r.symbol, ncbiId: r.ncbi_id, hgncId: r.hgnc_id, chrom: r.chrom, start1: r.start1, end1: r.end1, strand: r.strand };
}

/** Read-only access to gene and transcript models. */
export class GeneModels {
  private readonly db: Database.Database;
  private maxSpan?: number;
  private inWindow?: Database.Statement<[string, number, number, number], TranscriptRow>;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  /** Transcripts on a contig overlapping [start1 - pad, end1 + pad], sorted by start then accession. */
  transcriptsIn(chrom: string, start1: number, end1: number, pad = 0): TranscriptRecord[] {
    // Bounding start1 from below by the longest transcript keeps this an index range scan on
    // (chrom, start1) instead of a scan from the start of the contig.
    this.maxSpan ??= this.db.prepare<[], { span: number | null }>('SELECT max(end1 - start1) AS span FROM transcripts').get()?.span ?? 0;
    this.inWindow ??= this.db.prepare<[string, number, number, number], TranscriptRow>(
      'SELECT * FROM transcripts WHERE chrom = ? AND start1 BETWEEN ? AND ? AND end1 >= ? ORDER BY start1, accession',
    );
    const lo = start1 - pad;
    return this.inWindow.all(chrom, lo - this.maxSpan - 1, end1 + pad, lo).map(toTranscript);
  }

  gene(symbol: string): GeneRecord | undefined {
    const r = this.db.prepare<[string], GeneRow>('SELECT * FROM genes WHERE symbol = ?').get(symbol);
    return r ? toGene(r) : undefined;
  }

  allGenes(): GeneRecord[] {
    return this.db.prepare<[], GeneRow>('SELECT * FROM genes ORDER BY symbol').all().map(toGene);
  }

  close(): void {
    this.db.close();
  }
}
