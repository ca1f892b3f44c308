import type { ClinvarFacts, GeneConsequence, GnomadFacts } from '../annotate/types';
import type { ConsequenceTerm } from '../annotate/soTerms';
import type { Zygosity } from '../variant/types';
import { ByteReader, ByteWriter } from './bytes';
import { readNumber, skipNumber, writeNumber } from './decimal';
import { REPORTABLE_REASONS, ReportableReason, StoredVariant } from './types';

/**
 * One warm-tier block: a few thousand consecutive variants of one contig stored column by column
 * (positions as deltas, rsIDs as numbers, decimals as digits + places (decimal.ts), repeated
 * strings through a block dictionary), so that a lookup can find its rows from the position, gene,
 * ID or ClinVar column and decode only those rows' other fields.
 *
 * Layout before compression: u8 version, varint rows, varint columns, varint byte length of each
 * column, varint checkpoint interval, per column the byte offset (delta-coded) of every checkpoint
 * row after row 0, then the columns in the order of `Column`.
 */
const BLOCK_FORMAT = 3;

/**
 * Every CHECKPOINT_ROWS rows the header records each column's byte offset, so decoding one row
 * walks at most that many rows of a column instead of the whole block.
 */
const CHECKPOINT_ROWS = 256;

/** ID column tags: '.', one rsID (as its number), anything else (as text). */
const ID_NONE = 0;
const ID_RS = 1;
const ID_TEXT = 2;
const RS_ONLY = /^rs(\d{1,15})$/;

const enum Column {
  Dict,
  Pos,
  Ref,
  Alt,
  Id,
  Filter,
  Qual,
  Zygosity,
  Line,
  Consequence,
  Rank,
  Reportable,
  Genes,
  Gnomad,
  Clinvar,
}
const COLUMN_COUNT = 15;

const ZYGOSITY: readonly Zygosity[] = ['het', 'hom', 'hemi', 'unknown'];

export function encodeBlock(rows: StoredVariant[]): Buffer {
  const cols = Array.from({ length: COLUMN_COUNT }, () => new ByteWriter(4096));
  const dict = new Map<string, number>();
  const code = (s: string): number => {
    let c = dict.get(s);
    if (c === undefined) dict.set(s, (c = dict.size));
    return c;
  };
  let prevPos = 0;
  const checkpoints: number[][] = cols.map(() => []);
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i];
    if (i > 0 && i % CHECKPOINT_ROWS === 0) cols.forEach((c, k) => checkpoints[k].push(c.length));
    if (v.pos1 < prevPos) throw new Error(`warm block rows out of order at ${v.chrom}:${v.pos1}`);
    cols[Column.Pos].varint(v.pos1 - prevPos);
    prevPos = v.pos1;
    cols[Column.Ref].str(v.ref);
    cols[Column.Alt].str(v.alt);
    const idc = cols[Column.Id];
    const rs = RS_ONLY.exec(v.id);
    if (v.id === '.') idc.u8(ID_NONE);
    else if (rs && String(Number(rs[1])) === rs[1]) {
      idc.u8(ID_RS);
      idc.varint(Number(rs[1]));
    } else {
      idc.u8(ID_TEXT);
      idc.str(v.id);
    }
    cols[Column.Filter].varint(code(v.filter));
    writeNumber(cols[Column.Qual], v.qual);
    cols[Column.Zygosity].u8(ZYGOSITY.indexOf(v.zygosity));
    cols[Column.Line].varint(v.line === null ? 0 : v.line + 1);
    cols[Column.Consequence].varint(code(v.consequence));
    cols[Column.Rank].varint(v.candidateRank ?? 0);
    let mask = 0;
    for (const r of v.reportable) mask |= 1 << REPORTABLE_REASONS.indexOf(r);
    cols[Column.Reportable].u8(mask);
    const g = cols[Column.Genes];
    g.varint(v.genes.length);
    for (const gc of v.genes) {
      g.varint(code(gc.gene));
      g.varint(code(gc.transcript));
      g.varint(code(gc.consequence));
      g.varint(gc.terms.length);
      for (const t of gc.terms) g.varint(code(t));
      g.varint(gc.location === null ? 0 : code(gc.location) + 1);
      g.u8(gc.maneSelect ? 1 : 0);
    }
    const n = cols[Column.Gnomad];
    if (v.gnomad) {
      n.u8(1);
      writeNumber(n, v.gnomad.af);
      writeNumber(n, v.gnomad.ac);
      writeNumber(n, v.gnomad.an);
      writeNumber(n, v.gnomad.nhomalt);
      writeNumber(n, v.gnomad.grpmaxAf);
      n.varint(code(v.gnomad.grpmax));
      n.varint(code(v.gnomad.filter));
    } else n.u8(0);
    const c = cols[Column.Clinvar];
    if (v.clinvar) {
      c.u8(1);
      c.str(v.clinvar.id);
      c.varint(code(v.clinvar.significance));
      c.varint(code(v.clinvar.reviewStatus));
      c.u8(v.clinvar.stars);
      c.varint(v.clinvar.conditions.length);
      for (const s of v.clinvar.conditions) c.str(s);
    } else c.u8(0);
  }
  const d = cols[Column.Dict];
  d.varint(dict.size);
  for (const s of dict.keys()) d.str(s);
  const out = new ByteWriter(1024);
  out.u8(BLOCK_FORMAT);
  out.varint(rows.length);
  out.varint(COLUMN_COUNT);
  for (const col of cols) out.varint(col.length);
  out.varint(CHECKPOINT_ROWS);
  for (const list of checkpoints) {
    let prev = 0;
    for (const offset of list) {
      out.varint(offset - prev);
      prev = offset;
    }
  }
  for (const col of cols) out.bytes(col.result());
  return out.result();
}

type Skip = (r: ByteReader) => void;

const skipStr: Skip = (r) => r.skipStr();
const skipNum: Skip = skipNumber;
const skipId: Skip = (r) => {
  const tag = r.u8();
  if (tag === ID_RS) r.varint();
  else if (tag === ID_TEXT) r.skipStr();
};
const skipVarint: Skip = (r) => void r.varint();
const skipU8: Skip = (r) => void r.at++;
const skipGenes: Skip = (r) => {
  const n = r.varint();
  for (let i = 0; i < n; i++) {
    r.varint();
    r.varint();
    r.varint();
    const terms = r.varint();
    for (let t = 0; t < terms; t++) r.varint();
    r.varint();
    r.at++;
  }
};
const skipGnomad: Skip = (r) => {
  if (r.u8() === 0) return;
  for (let i = 0; i < 5; i++) skipNumber(r);
  r.varint();
  r.varint();
};
const skipClinvar: Skip = (r) => {
  if (r.u8() === 0) return;
  r.skipStr();
  r.varint();
  r.varint();
  r.at++;
  const n = r.varint();
  for (let i = 0; i < n; i++) r.skipStr();
};

/** A decompressed block: positions and REF spans decoded up front, every other column on demand. */
export class DecodedBlock {
  readonly rows: number;
  readonly pos1: Int32Array;
  readonly end1: Int32Array;
  private readonly colStart: number[] = [];
  private readonly checkpointRows: number;
  /** Per column, the byte offset (from the column start) of rows 0, C, 2C, ... */
  private readonly checkpoints: Uint32Array[] = [];
  private readonly dict: string[] = [];
  private dictIndex: Map<string, number> | null = null;

  constructor(
    private readonly buf: Buffer,
    readonly chrom: string,
    /** Store row of this block's first variant. */
    readonly firstRow: number,
  ) {
    const h = new ByteReader(buf);
    if (h.u8() !== BLOCK_FORMAT) throw new Error('unknown warm block format');
    this.rows = h.varint();
    const ncol = h.varint();
    const lengths: number[] = [];
    for (let i = 0; i < ncol; i++) lengths.push(h.varint());
    this.checkpointRows = h.varint();
    const perColumn = Math.ceil(this.rows / this.checkpointRows) - 1;
    for (let c = 0; c < ncol; c++) {
      const offsets = new Uint32Array(perColumn + 1);
      for (let k = 1; k <= perColumn; k++) offsets[k] = offsets[k - 1] + h.varint();
      this.checkpoints.push(offsets);
    }
    let at = h.at;
    for (const len of lengths) {
      this.colStart.push(at);
      at += len;
    }
    const d = this.reader(Column.Dict);
    const nd = d.varint();
    for (let i = 0; i < nd; i++) this.dict.push(d.str());
    this.pos1 = new Int32Array(this.rows);
    this.end1 = new Int32Array(this.rows);
    const p = this.reader(Column.Pos);
    const ref = this.reader(Column.Ref);
    let pos = 0;
    for (let i = 0; i < this.rows; i++) {
      pos += p.varint();
      this.pos1[i] = pos;
      const refLen = ref.varint();
      ref.at += refLen;
      this.end1[i] = pos + Math.max(1, refLen) - 1;
    }
  }

  private reader(col: Column): ByteReader {
    return new ByteReader(this.buf, this.colStart[col]);
  }

  /** Rows whose REF span overlaps [start1, end1] (both 1-based, inclusive). */
  rowsOverlapping(start1: number, end1: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.rows && this.pos1[i] <= end1; i++) if (this.end1[i] >= start1) out.push(i);
    return out;
  }

  rowsWithGene(symbol: string): number[] {
    if (!this.dictIndex) this.dictIndex = new Map(this.dict.map((s, i) => [s, i]));
    const want = this.dictIndex.get(symbol);
    if (want === undefined) return [];
    const out: number[] = [];
    const r = this.reader(Column.Genes);
    for (let i = 0; i < this.rows; i++) {
      const n = r.varint();
      let hit = false;
      for (let k = 0; k < n; k++) {
        if (r.varint() === want) hit = true;
        r.varint();
        r.varint();
        const terms = r.varint();
        for (let t = 0; t < terms; t++) r.varint();
        r.varint();
        r.at++;
      }
      if (hit) out.push(i);
    }
    return out;
  }

  /** Rows whose ID column holds `id` as one of its ';'-separated ids. */
  rowsWithId(id: string): number[] {
    const rs = RS_ONLY.exec(id);
    const rsNumber = rs ? Number(rs[1]) : -1;
    const out: number[] = [];
    const r = this.reader(Column.Id);
    for (let i = 0; i < this.rows; i++) {
      const tag = r.u8();
      if (tag === ID_RS) {
        if (r.varint() === rsNumber) out.push(i);
      } else if (tag === ID_TEXT) {
        const n = r.varint();
        if (this.buf.toString('utf8', r.at, r.at + n).split(';').includes(id)) out.push(i);
        r.at += n;
      }
    }
    return out;
  }

  rowsWithClinvar(id: string): number[] {
    const needle = Buffer.from(id, 'utf8');
    const out: number[] = [];
    const r = this.reader(Column.Clinvar);
    for (let i = 0; i < this.rows; i++) {
      if (r.u8() === 0) continue;
      const n = r.varint();
      if (n === needle.length && this.buf.compare(needle, 0, n, r.at, r.at + n) === 0) out.push(i);
      r.at += n;
      r.varint();
      r.varint();
      r.at++;
      const k = r.varint();
      for (let j = 0; j < k; j++) r.skipStr();
    }
    return out;
  }

  /** Decodes the given rows (ascending) into stored variants. */
  materialize(rows: number[]): StoredVariant[] {
    const n = rows.length;
    if (n === 0) return [];
    const column = <T>(col: Column, skip: Skip, read: (r: ByteReader) => T): T[] => {
      const r = this.reader(col);
      const out: T[] = new Array(n);
      let at = 0;
      const every = this.checkpointRows;
      for (let k = 0; k < n; k++) {
        if (rows[k] - at >= every) {
          const cp = Math.floor(rows[k] / every);
          at = cp * every;
          r.at = this.colStart[col] + this.checkpoints[col][cp];
        }
        for (; at < rows[k]; at++) skip(r);
        out[k] = read(r);
        at++;
      }
      return out;
    };
    const dict = this.dict;
    const refs = column(Column.Ref, skipStr, (r) => r.str());
    const alts = column(Column.Alt, skipStr, (r) => r.str());
    const ids = column(Column.Id, skipId, (r) => {
      const tag = r.u8();
      return tag === ID_NONE ? '.' : tag === ID_RS ? `rs${r.varint()}` : r.str();
    });
    const filters = column(Column.Filter, skipVarint, (r) => dict[r.varint()]);
    const quals = column(Column.Qual, skipNum, readNumber);
    const zyg = column(Column.Zygosity, skipU8, (r) => ZYGOSITY[r.u8()]);
    const lines = column(Column.Line, skipVarint, (r) => {
      const l = r.varint();
      return l === 0 ? null : l - 1;
    });
    const csq = column(Column.Consequence, skipVarint, (r) => dict[r.varint()]);
    const ranks = column(Column.Rank, skipVarint, (r) => r.varint() || null);
    const masks = column(Column.Reportable, skipU8, (r) => r.u8());
    const genes = column(Column.Genes, skipGenes, (r): GeneConsequence[] => {
      const k = r.varint();
      const out: GeneConsequence[] = [];
      for (let i = 0; i < k; i++) {
        const gene = dict[r.varint()];
        const transcript = dict[r.varint()];
        const consequence = dict[r.varint()] as ConsequenceTerm;
        const nt = r.varint();
        const terms: ConsequenceTerm[] = [];
        for (let t = 0; t < nt; t++) terms.push(dict[r.varint()] as ConsequenceTerm);
        const loc = r.varint();
        const location = loc === 0 ? null : dict[loc - 1];
        const maneSelect = r.u8() === 1;
        out.push({ gene, transcript, consequence, terms, location, maneSelect });
      }
      return out;
    });
    const gnomad = column(Column.Gnomad, skipGnomad, (r): GnomadFacts | null => {
      if (r.u8() === 0) return null;
      const af = readNumber(r) ?? 0;
      const ac = readNumber(r) ?? 0;
      const an = readNumber(r) ?? 0;
      const nhomalt = readNumber(r) ?? 0;
      const grpmaxAf = readNumber(r);
      return { af, ac, an, nhomalt, grpmaxAf, grpmax: dict[r.varint()], filter: dict[r.varint()] };
    });
    const clinvar = column(Column.Clinvar, skipClinvar, (r): ClinvarFacts | null => {
      if (r.u8() === 0) return null;
      const id = r.str();
      const significance = dict[r.varint()];
      const reviewStatus = dict[r.varint()];
      const stars = r.u8();
      const k = r.varint();
      const conditions: string[] = [];
      for (let i = 0; i < k; i++) conditions.push(r.str());
      return { id, significance, reviewStatus, stars, conditions };
    });
    const out: StoredVariant[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const reportable: ReportableReason[] = REPORTABLE_REASONS.filter((_, bit) => (masks[k] >> bit) & 1);
      out[k] = {
        row: this.firstRow + rows[k],
        chrom: this.chrom,
        pos1: this.pos1[rows[k]],
        ref: refs[k],
        alt: alts[k],
        id: ids[k],
        filter: filters[k],
        qual: quals[k],
        zygosity: zyg[k],
        line: lines[k],
        consequence: csq[k],
        genes: genes[k],
        gnomad: gnomad[k],
        clinvar: clinvar[k],
        candidateRank: ranks[k],
        reportable,
      };
    }
    return out;
  }
}
