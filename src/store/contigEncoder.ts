/**
 * Encodes one contig's annotated variants into every tier's form: warm column blocks, hot rows and
 * the cold tier's BGZF blocks with their index entries. Pure computation, no files: a worker thread
 * encodes contigs in parallel (workers/store-contig.ts) and the main thread only writes the pieces
 * in store order (assemble.ts), which is what made a genome's store take minutes on one thread.
 */
import type { AnnotatedVariant, SourceFields } from '../annotate/types';
import { BgzfMemory } from '../io/bgzfWriter';
import { coldLine, ColdLineMemo } from './coldFormat';
import type { SourceHeader } from './sourceFields';
import { alleleKey, reportableReasons, toStored } from './storedVariant';
import type { CandidateDetail, StoredVariant } from './types';
import { ColumnCodecs, encodeBlock } from './warmBlock';

/** One warm block and what the warm tier's indexes need to know about it. */
export interface WarmBlockPiece {
  chrom: string;
  firstRow: number;
  nRows: number;
  startPos1: number;
  maxEnd1: number;
  data: Uint8Array;
  /** Genes annotated on its rows, first-seen order. */
  genes: string[];
  /** Tokens of the rows' ID columns (`;`-separated IDs split), and ClinVar ids, with repeats. */
  ids: string[];
  clinvarIds: string[];
}

/** The contig's part of the cold tier: whole BGZF blocks and, per line, index entries with virtual offsets relative to the first block. */
export interface ColdPiece {
  bgzf: Uint8Array;
  beg0: Int32Array;
  end0: Int32Array;
  startVo: Float64Array;
  endVo: Float64Array;
}

export interface ContigPieces {
  contig: string;
  rows: number;
  blocks: WarmBlockPiece[];
  hot: Array<{ stored: StoredVariant; details: CandidateDetail[] | null }>;
  cold: ColdPiece;
}

export interface ContigContext {
  /** Store row of the contig's first variant (rows count in store order across contigs). */
  firstRow: number;
  /** Ranking detail of the run's candidate variants by allele key (only this contig's are needed). */
  details: Map<string, CandidateDetail[]>;
  maxAf: number;
  withSample: boolean;
  blockRows: number;
  codecs: ColumnCodecs;
  /** The input's INFO and FORMAT definitions, for the records' own fields in cold lines. */
  source?: SourceHeader;
}

/** Index entries of the cold lines, grown as lines come. */
class ColdIndexEntries {
  beg0 = new Int32Array(1024);
  end0 = new Int32Array(1024);
  startVo = new Float64Array(1024);
  endVo = new Float64Array(1024);
  length = 0;

  add(beg0: number, end0: number, startVo: number, endVo: number): void {
    if (this.length === this.beg0.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.beg0 = grow(this.beg0, (n) => new Int32Array(n));
      this.end0 = grow(this.end0, (n) => new Int32Array(n));
      this.startVo = grow(this.startVo, (n) => new Float64Array(n));
      this.endVo = grow(this.endVo, (n) => new Float64Array(n));
    }
    const i = this.length++;
    this.beg0[i] = beg0;
    this.end0[i] = end0;
    this.startVo[i] = startVo;
    this.endVo[i] = endVo;
  }
}

/** Takes one contig's variants in store order (add), then gives its pieces (finish). */
export class ContigEncoder {
  private readonly blocks: WarmBlockPiece[] = [];
  private readonly hot: ContigPieces['hot'] = [];
  private readonly cold = new BgzfMemory();
  private readonly coldMemo = new ColdLineMemo();
  private readonly index = new ColdIndexEntries();
  private pending: StoredVariant[] = [];
  private row: number;
  private readonly rankOf = new Map<string, number>();
  /** Positions of the contig's candidate alleles: most alleles are not, and skip building and hashing their key. */
  private readonly candidatePos = new Set<number>();

  constructor(
    readonly contig: string,
    private readonly ctx: ContigContext,
  ) {
    this.row = ctx.firstRow;
    const prefix = `${contig}:`;
    for (const [key, list] of ctx.details) {
      this.rankOf.set(key, Math.min(...list.map((d) => d.rank)));
      // Keys are chrom:pos:ref:alt; the digits after this contig's prefix are the position.
      if (key.startsWith(prefix)) this.candidatePos.add(Number(key.slice(prefix.length, key.indexOf(':', prefix.length))));
    }
  }

  add(v: AnnotatedVariant): void {
    this.addStored(toStored(v, 0, null, []), v.source ?? null);
  }

  /**
   * Adds the next variant in its stored form (as the spill decodes it, spillRows.ts): its row,
   * candidate rank and reportable reasons are set here, where store order and the ranking are known.
   */
  addStored(stored: StoredVariant, source: SourceFields | null = null): void {
    const key = this.candidatePos.has(stored.pos1) ? alleleKey(stored.chrom, stored.pos1, stored.ref, stored.alt) : null;
    const rank = key === null ? null : (this.rankOf.get(key) ?? null);
    stored.row = this.row++;
    stored.candidateRank = rank;
    stored.reportable = reportableReasons(stored, this.ctx.maxAf, rank !== null);
    if (this.pending.length >= this.ctx.blockRows) this.flushBlock();
    this.pending.push(stored);
    if (stored.reportable.length > 0) this.hot.push({ stored, details: key === null ? null : (this.ctx.details.get(key) ?? null) });
    const line = coldLine(stored, this.ctx.withSample, this.coldMemo, source, this.ctx.source);
    const start = this.cold.virtualOffset();
    this.cold.write(line.text);
    this.cold.write('\n');
    this.index.add(line.beg0, line.end0, start, this.cold.virtualOffset());
  }

  private flushBlock(): void {
    const rows = this.pending;
    if (rows.length === 0) return;
    let maxEnd = 0;
    const genes = new Set<string>();
    const ids: string[] = [];
    const clinvarIds: string[] = [];
    for (const v of rows) {
      maxEnd = Math.max(maxEnd, v.pos1 + Math.max(1, v.ref.length) - 1);
      for (const g of v.genes) genes.add(g.gene);
      // Nearly every ID is one rsID: split only what has a separator.
      if (v.id !== '.') {
        if (v.id.indexOf(';') < 0) ids.push(v.id);
        else for (const token of v.id.split(';')) ids.push(token);
      }
      if (v.clinvar) clinvarIds.push(v.clinvar.id);
    }
    this.blocks.push({ chrom: this.contig, firstRow: rows[0].row, nRows: rows.length, startPos1: rows[0].pos1, maxEnd1: maxEnd, data: encodeBlock(rows, this.ctx.codecs), genes: [...genes], ids, clinvarIds });
    this.pending = [];
  }

  finish(): ContigPieces {
    this.flushBlock();
    const n = this.index.length;
    return {
      contig: this.contig,
      rows: this.row - this.ctx.firstRow,
      blocks: this.blocks,
      hot: this.hot,
      cold: { bgzf: this.cold.finish(), beg0: this.index.beg0.slice(0, n), end0: this.index.end0.slice(0, n), startVo: this.index.startVo.slice(0, n), endVo: this.index.endVo.slice(0, n) },
    };
  }
}
