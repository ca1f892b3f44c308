import Database from 'better-sqlite3';
import { blocksInChunk, PostingsBuilder } from './postings';
import { buildRetrieval, retrieve, RetrievalParams } from './retrieval';
import { openForWriting } from './sqliteWrite';
import type { StoredVariant } from './types';
import { BlobAppender, BlobFile, BlobSpan } from './warmBlobs';
import { BLOCK_FORMAT, ColumnCodecs, DecodedBlock, DEFAULT_COLUMN_CODECS } from './warmBlock';
import type { WarmBlockPiece } from './contigEncoder';

/**
 * Warm tier: every annotated variant in column blocks (warmBlock.ts, each column compressed on its
 * own), with the block index by contig range, gene → block range, rsID → block as a static
 * retrieval structure (retrieval.ts) and ClinVar id → block postings in SQLite (warm.sqlite). The
 * blocks and the retrieval structure's pages are laid end to end in a flat file beside it
 * (warm.blobs, warmBlobs.ts); SQLite keeps each one's offset and length.
 */
/**
 * Rows per block: 2,048 rather than 4,096 halves what a block-cache miss inflates (about 80 kB),
 * which kept p99 under 5 ms on the shared 2-core bench machine, for 4 % more bytes (3 % since the
 * blocks are in warm.blobs; docs/adr/0001-tiered-result-store.md).
 */
export const DEFAULT_BLOCK_ROWS = 2048;

const SCHEMA = `
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE block(id INTEGER PRIMARY KEY, chrom TEXT NOT NULL, first_row INTEGER NOT NULL, n_rows INTEGER NOT NULL,
  start_pos1 INTEGER NOT NULL, max_end1 INTEGER NOT NULL, blob_offset INTEGER NOT NULL, blob_bytes INTEGER NOT NULL);
CREATE TABLE gene_blocks(gene TEXT NOT NULL, chrom TEXT NOT NULL, first_block INTEGER NOT NULL, last_block INTEGER NOT NULL,
  PRIMARY KEY(gene, chrom)) WITHOUT ROWID;
CREATE TABLE postings(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, first_key INTEGER NOT NULL, last_key INTEGER NOT NULL, data BLOB NOT NULL);
CREATE TABLE rsid_pages(page INTEGER PRIMARY KEY, blob_offset INTEGER NOT NULL, blob_bytes INTEGER NOT NULL);
CREATE TABLE rsid_multi(key INTEGER NOT NULL, block INTEGER NOT NULL, PRIMARY KEY(key, block)) WITHOUT ROWID;
CREATE TABLE text_postings(kind TEXT NOT NULL, key TEXT NOT NULL, block INTEGER NOT NULL, PRIMARY KEY(kind, key, block)) WITHOUT ROWID;
`;
/** Indexes are built after the rows are in, which is faster and gives the same bytes every time. */
const INDEXES = `
CREATE INDEX block_range ON block(chrom, start_pos1, max_end1);
CREATE INDEX postings_key ON postings(kind, first_key);
`;

export type PostingKind = 'rsid' | 'clinvar';

const RSID = /^rs(\d{1,12})$/;
/** rsID numbers at or above this go to text_postings: key·2^16 + block must stay exact in a double. */
const MAX_RS_KEY = 2 ** 37;

/** (rsID number, block) pairs, packed as key·2^16 + block in a growable Float64Array. */
class KeyBlockPairs {
  private packed = new Float64Array(1 << 16);
  length = 0;

  add(key: number, block: number): void {
    if (block >= 65536) throw new Error(`block id ${block} above 65535: store too large for one warm file`);
    if (this.length === this.packed.length) {
      const next = new Float64Array(this.packed.length * 2);
      next.set(this.packed);
      this.packed = next;
    }
    this.packed[this.length++] = key * 65536 + block;
  }

  /** Sorted, de-duplicated (key, blocks) groups. */
  *groups(): Generator<[number, number[]]> {
    const all = this.packed.subarray(0, this.length).sort();
    let i = 0;
    while (i < all.length) {
      const key = Math.floor(all[i] / 65536);
      const blocks: number[] = [];
      for (; i < all.length && Math.floor(all[i] / 65536) === key; i++) {
        const b = all[i] - key * 65536;
        if (blocks[blocks.length - 1] !== b) blocks.push(b);
      }
      yield [key, blocks];
    }
  }
}

export class WarmWriter {
  private readonly db: Database.Database;
  private readonly blobs: BlobAppender;
  private readonly insertBlock: Database.Statement;
  private blockCount = 0;
  private readonly geneRanges = new Map<string, { gene: string; chrom: string; first: number; last: number }>();
  private readonly clinvarPostings = new PostingsBuilder();
  private readonly rsids = new KeyBlockPairs();
  private readonly textPostings = new Set<string>();

  /** `file` is warm.sqlite, `blobsFile` the flat file of blocks and rsID pages beside it. */
  constructor(
    file: string,
    blobsFile: string,
    private readonly blockRows = DEFAULT_BLOCK_ROWS,
    private readonly codecs: ColumnCodecs = DEFAULT_COLUMN_CODECS,
  ) {
    this.db = openForWriting(file);
    try {
      this.blobs = new BlobAppender(blobsFile);
    } catch (e) {
      this.db.close();
      throw e;
    }
    this.db.exec(SCHEMA);
    this.db.exec('BEGIN');
    this.insertBlock = this.db.prepare('INSERT INTO block(id, chrom, first_row, n_rows, start_pos1, max_end1, blob_offset, blob_bytes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  }

  /** Adds the next block in store order (contig, then position), encoded by a ContigEncoder. */
  addBlock(b: WarmBlockPiece): void {
    const id = this.blockCount++;
    for (const gene of b.genes) {
      const key = `${gene}\t${b.chrom}`;
      const range = this.geneRanges.get(key);
      if (range) range.last = id;
      else this.geneRanges.set(key, { gene, chrom: b.chrom, first: id, last: id });
    }
    for (const token of b.ids) this.post('rsid', token, id);
    for (const c of b.clinvarIds) this.post('clinvar', c, id);
    const span = this.blobs.append(b.data);
    this.insertBlock.run(id, b.chrom, b.firstRow, b.nRows, b.startPos1, b.maxEnd1, span.offset, span.bytes);
  }

  private post(kind: PostingKind, key: string, block: number): void {
    const m = kind === 'rsid' ? RSID.exec(key) : /^(\d{1,15})$/.exec(key);
    if (m && kind === 'rsid' && Number(m[1]) < MAX_RS_KEY) this.rsids.add(Number(m[1]), block);
    else if (m && kind === 'clinvar') this.clinvarPostings.add(Number(m[1]), block);
    else if (key !== '' && key !== '.') this.textPostings.add(`${kind}\t${key}\t${block}`);
  }

  /**
   * rsID → block as a retrieval structure of ceil(log2(blocks + 1)) bits per key; the all-ones
   * value means "several blocks, see rsid_multi". Returns its parameters for `meta`.
   */
  private writeRsidIndex(): RetrievalParams {
    const bits = Math.max(1, Math.ceil(Math.log2(this.blockCount + 1)));
    const several = 2 ** bits - 1;
    const keys: number[] = [];
    const values: number[] = [];
    const multi = this.db.prepare('INSERT INTO rsid_multi(key, block) VALUES (?, ?)');
    for (const [key, blocks] of this.rsids.groups()) {
      keys.push(key);
      values.push(blocks.length === 1 ? blocks[0] : several);
      if (blocks.length > 1) for (const b of blocks) multi.run(key, b);
    }
    const { params, pages } = buildRetrieval(Float64Array.from(keys), Uint32Array.from(values), bits);
    const page = this.db.prepare('INSERT INTO rsid_pages(page, blob_offset, blob_bytes) VALUES (?, ?, ?)');
    pages.forEach((data, i) => {
      const span = this.blobs.append(data);
      page.run(i, span.offset, span.bytes);
    });
    return params;
  }

  finish(meta: Record<string, string>): { blocks: number } {
    const gene = this.db.prepare('INSERT INTO gene_blocks(gene, chrom, first_block, last_block) VALUES (?, ?, ?, ?)');
    for (const r of [...this.geneRanges.values()].sort((a, b) => (a.gene < b.gene ? -1 : a.gene > b.gene ? 1 : a.chrom < b.chrom ? -1 : 1))) gene.run(r.gene, r.chrom, r.first, r.last);
    const posting = this.db.prepare('INSERT INTO postings(kind, first_key, last_key, data) VALUES (?, ?, ?, ?)');
    for (const c of this.clinvarPostings.chunks()) posting.run('clinvar', c.firstKey, c.lastKey, c.data);
    const rsidIndex = this.writeRsidIndex();
    const blobsBytes = this.blobs.bytes;
    const text = this.db.prepare('INSERT INTO text_postings(kind, key, block) VALUES (?, ?, ?)');
    for (const t of [...this.textPostings].sort()) {
      const [kind, key, block] = t.split('\t');
      text.run(kind, key, Number(block));
    }
    const m = this.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?)');
    const codecs = typeof this.codecs === 'string' ? this.codecs : JSON.stringify(this.codecs);
    for (const [k, v] of Object.entries({ ...meta, block_format: String(BLOCK_FORMAT), codecs, rsid_index: JSON.stringify(rsidIndex), blobs_bytes: String(blobsBytes), block_rows: String(this.blockRows), blocks: String(this.blockCount) }).sort()) m.run(k, v);
    this.db.exec(INDEXES);
    this.db.exec('COMMIT');
    this.db.close();
    this.blobs.finish();
    return { blocks: this.blockCount };
  }

  abort(): void {
    if (this.db.open) this.db.close();
    this.blobs.abort();
  }
}

interface BlockRow {
  chrom: string;
  first_row: number;
  offset: number;
  bytes: number;
}

/** Read side of the warm tier, for a long-lived process: statements prepared once, recent blocks cached. */
export class WarmReader {
  private readonly db: Database.Database;
  private readonly blobs: BlobFile;
  private readonly cache = new Map<number, DecodedBlock>();
  private readonly stmt;
  private readonly rsidIndex: RetrievalParams;
  private readonly blocks: number;
  private readonly rsidPages = new Map<number, Buffer>();

  constructor(
    file: string,
    blobsFile: string,
    private readonly cacheBlocks = 32,
  ) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    const meta = new Map((this.db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
    try {
      if (meta.get('block_format') !== String(BLOCK_FORMAT)) throw new Error(`${file}: warm block format ${meta.get('block_format') ?? 'before 4'}, expected ${BLOCK_FORMAT}; rebuild the store with this vartriage version`);
      if (!meta.has('blobs_bytes')) throw new Error(`${file}: warm blocks inside SQLite (a store before schema 4); rebuild the store with this vartriage version`);
      this.blobs = new BlobFile(blobsFile, Number(meta.get('blobs_bytes')));
    } catch (e) {
      this.db.close();
      throw e;
    }
    this.rsidIndex = JSON.parse(meta.get('rsid_index')!) as RetrievalParams;
    this.blocks = Number(meta.get('blocks'));
    this.stmt = {
      overlapping: this.db.prepare('SELECT id FROM block WHERE chrom = ? AND start_pos1 <= ? AND max_end1 >= ? ORDER BY id'),
      block: this.db.prepare('SELECT chrom, first_row, blob_offset AS offset, blob_bytes AS bytes FROM block WHERE id = ?'),
      gene: this.db.prepare('SELECT first_block, last_block FROM gene_blocks WHERE gene = ? ORDER BY first_block'),
      chunk: this.db.prepare('SELECT last_key, data FROM postings WHERE kind = ? AND first_key <= ? ORDER BY first_key DESC LIMIT 1'),
      text: this.db.prepare('SELECT block FROM text_postings WHERE kind = ? AND key = ? ORDER BY block'),
      rsidPage: this.db.prepare('SELECT blob_offset AS offset, blob_bytes AS bytes FROM rsid_pages WHERE page = ?'),
      rsidMulti: this.db.prepare('SELECT block FROM rsid_multi WHERE key = ? ORDER BY block').pluck(),
    };
  }

  private block(id: number): DecodedBlock {
    const hit = this.cache.get(id);
    if (hit) {
      // Re-insert to mark as most recently used.
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const row = this.stmt.block.get(id) as BlockRow;
    const decoded = new DecodedBlock(this.blobs.read(row), row.chrom, row.first_row);
    this.cache.set(id, decoded);
    if (this.cache.size > this.cacheBlocks) this.cache.delete(this.cache.keys().next().value as number);
    return decoded;
  }

  overlapping(chrom: string, start1: number, end1: number): StoredVariant[] {
    const out: StoredVariant[] = [];
    for (const { id } of this.stmt.overlapping.all(chrom, end1, start1) as Array<{ id: number }>) {
      const b = this.block(id);
      out.push(...b.materialize(b.rowsOverlapping(start1, end1)));
    }
    return out;
  }

  gene(symbol: string): StoredVariant[] {
    const out: StoredVariant[] = [];
    for (const r of this.stmt.gene.all(symbol) as Array<{ first_block: number; last_block: number }>) {
      for (let id = r.first_block; id <= r.last_block; id++) {
        const b = this.block(id);
        out.push(...b.materialize(b.rowsWithGene(symbol)));
      }
    }
    return out.sort((a, b) => a.row - b.row);
  }

  private rsidPage(i: number): Buffer {
    let page = this.rsidPages.get(i);
    if (!page) {
      page = this.blobs.read(this.stmt.rsidPage.get(i) as BlobSpan);
      if (this.rsidPages.size >= 256) this.rsidPages.delete(this.rsidPages.keys().next().value as number);
      this.rsidPages.set(i, page);
    }
    return page;
  }

  /** Blocks that may hold `key`; the caller verifies in the block (a key never stored maps to an arbitrary block). */
  private postedBlocks(kind: PostingKind, key: string): number[] {
    const m = kind === 'rsid' ? RSID.exec(key) : /^(\d{1,15})$/.exec(key);
    if (!m || (kind === 'rsid' && Number(m[1]) >= MAX_RS_KEY)) return (this.stmt.text.all(kind, key) as Array<{ block: number }>).map((r) => r.block);
    const k = Number(m[1]);
    if (kind === 'rsid') {
      const v = retrieve(k, this.rsidIndex, (i) => this.rsidPage(i));
      return v === 2 ** this.rsidIndex.bits - 1 ? (this.stmt.rsidMulti.all(k) as number[]) : v < this.blocks ? [v] : [];
    }
    const chunk = this.stmt.chunk.get(kind, k) as { last_key: number; data: Buffer } | undefined;
    if (!chunk || chunk.last_key < k) return [];
    return blocksInChunk(chunk.data, k);
  }

  rsid(rsid: string): StoredVariant[] {
    const out: StoredVariant[] = [];
    for (const id of this.postedBlocks('rsid', rsid)) {
      const b = this.block(id);
      out.push(...b.materialize(b.rowsWithId(rsid)));
    }
    return out;
  }

  clinvar(clinvarId: string): StoredVariant[] {
    const out: StoredVariant[] = [];
    for (const id of this.postedBlocks('clinvar', clinvarId)) {
      const b = this.block(id);
      out.push(...b.materialize(b.rowsWithClinvar(clinvarId)));
    }
    return out;
  }

  /** The stored bytes of block `id`, not decoded and not cached (the benchmark's per-column accounting). */
  blockBytes(id: number): Buffer {
    return this.blobs.read(this.stmt.block.get(id) as BlockRow);
  }

  close(): void {
    this.db.close();
    this.blobs.close();
  }
}
