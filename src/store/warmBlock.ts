import type { ClinvarFacts, GeneConsequence, GnomadFacts } from '../annotate/types';
import type { ConsequenceTerm } from '../annotate/soTerms';
import type { Zygosity } from '../variant/types';
import { ByteReader, ByteWriter } from './bytes';
import { Codec, CODECS, compress, decompress } from './codec';
import { readNumber, skipNumber, writeNumber } from './decimal';
import { afDerivation, afFromCounts } from './derivedAf';
import { REPORTABLE_REASONS, ReportableReason, StoredCall, StoredVariant } from './types';

/**
 * One warm-tier block: a few thousand consecutive variants of one contig stored column by column
 * (positions as deltas, rsIDs as numbers, decimals as digits + places (decimal.ts), gnomAD AF as
 * "AC/AN to k digits" where it is (derivedAf.ts), repeated strings through a block dictionary),
 * each column compressed on its own, so that a lookup inflates and walks only the columns it needs
 * and decodes only its rows.
 *
 * Layout: u8 format, varint rows, varint columns, varint checkpoint interval C, then per column
 * u8 codec (index in CODECS) and varint stored length, then the stored columns in `Column` order.
 * A column, once inflated: the byte offset (delta-coded varints, from the end of this list) of
 * every C-th row after row 0, then the rows. The rsID numbers column is the exception: its
 * checkpoints count rsIDs rather than bytes, and after them come varint m, u8 width w and the m
 * numbers as w little-endian byte planes (all lowest bytes first): rsIDs are close to uniformly
 * random, so deflate gains only from the skewed high planes, which interleaved bytes hide (about
 * 0.5 B per allele, docs/adr/0001).
 */
export const BLOCK_FORMAT = 5;

/**
 * Every CHECKPOINT_ROWS rows each column records its byte offset, so decoding one row walks at
 * most that many rows of a column instead of the whole block.
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
  /** Per row u8: 1 + 4·ref + alt for a single-base ACGT substitution (ref ≠ alt), else 0. */
  Alleles,
  /** REF and ALT as strings, for rows whose Alleles code is 0. */
  AlleleText,
  /** Per row a tag; text IDs inline. */
  Id,
  /** The numbers of ID_RS rows, as byte planes. */
  IdNumber,
  Filter,
  Qual,
  Zygosity,
  Line,
  Consequence,
  Rank,
  Reportable,
  Genes,
  /** Per row u8: bit 0 present, then 2 bits each for AC, AN, nhomalt (NUM_*); present rows add u8 k of AF (0: AF stored). */
  GnomadFlags,
  GnomadAc,
  GnomadAn,
  GnomadNhomalt,
  /** AF only where it is not AC/AN to k significant digits. */
  GnomadAf,
  GnomadGrpmaxAf,
  /** grpmax and gnomAD FILTER as dictionary codes. */
  GnomadCodes,
  Clinvar,
  /** The sample's call (writeCall): flags, GT as a dictionary code, GQ, AD, DP. */
  Call,
}
export const COLUMN_NAMES = [
  'dict', 'pos', 'alleles', 'allele_text', 'id', 'id_number', 'filter', 'qual', 'zygosity', 'line', 'consequence', 'rank', 'reportable', 'genes',
  'gnomad_flags', 'gnomad_ac', 'gnomad_an', 'gnomad_nhomalt', 'gnomad_af', 'gnomad_grpmax_af', 'gnomad_codes', 'clinvar', 'call',
] as const;
const COLUMN_COUNT = COLUMN_NAMES.length;

/** Codec per column, by default deflate; a caller may force one codec for all (measurements). */
export type ColumnCodecs = Codec | Partial<Record<(typeof COLUMN_NAMES)[number], Codec>>;
export const DEFAULT_COLUMN_CODECS: ColumnCodecs = 'deflate';

function codecOf(codecs: ColumnCodecs, col: number): Codec {
  return typeof codecs === 'string' ? codecs : (codecs[COLUMN_NAMES[col]] ?? 'deflate');
}

/** States of a gnomAD count (AC, AN, nhomalt): a non-negative integer (varint), null, or any other number (decimal.ts). */
const NUM_UINT = 0;
const NUM_NULL = 1;
const NUM_OTHER = 2;

function numState(n: number | null): number {
  return n === null ? NUM_NULL : Number.isSafeInteger(n) && n >= 0 ? NUM_UINT : NUM_OTHER;
}

function writeCount(w: ByteWriter, n: number | null, state: number): void {
  if (state === NUM_UINT) w.varint(n!);
  else if (state === NUM_OTHER) writeNumber(w, n);
}

function readCount(r: ByteReader, state: number): number | null {
  return state === NUM_UINT ? r.varint() : state === NUM_NULL ? null : readNumber(r);
}

function skipCount(r: ByteReader, state: number): void {
  if (state === NUM_UINT) r.varint();
  else if (state === NUM_OTHER) skipNumber(r);
}

const ZYGOSITY: readonly Zygosity[] = ['het', 'hom', 'hemi', 'unknown'];

export function encodeBlock(rows: StoredVariant[], codecs: ColumnCodecs = DEFAULT_COLUMN_CODECS): Buffer {
  const cols = Array.from({ length: COLUMN_COUNT }, () => new ByteWriter(4096));
  const dict = new Map<string, number>();
  const code = (s: string): number => {
    let c = dict.get(s);
    if (c === undefined) dict.set(s, (c = dict.size));
    return c;
  };
  let prevPos = 0;
  const checkpoints: number[][] = cols.map(() => []);
  const rsNumbers: number[] = [];
  let prevGenes: readonly GeneConsequence[] | null = null;
  let prevGenesFrom = 0;
  let prevGenesTo = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i];
    if (i > 0 && i % CHECKPOINT_ROWS === 0) cols.forEach((c, k) => checkpoints[k].push(k === Column.IdNumber ? rsNumbers.length : c.length));
    if (v.pos1 < prevPos) throw new Error(`warm block rows out of order at ${v.chrom}:${v.pos1}`);
    cols[Column.Pos].varint(v.pos1 - prevPos);
    prevPos = v.pos1;
    const snv = snvCode(v.ref, v.alt);
    cols[Column.Alleles].u8(snv);
    if (snv === 0) {
      cols[Column.AlleleText].str(v.ref);
      cols[Column.AlleleText].str(v.alt);
    }
    const idc = cols[Column.Id];
    const rs = v.id === '.' ? -1 : rsNumberOf(v.id);
    if (v.id === '.') idc.u8(ID_NONE);
    else if (rs >= 0) {
      idc.u8(ID_RS);
      rsNumbers.push(rs);
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
    // The previous row's list itself (neighbours share it, spillRows.ts): its codes are in the dictionary already, so its bytes are the same.
    if (v.genes === prevGenes && v.genes.length > 0) g.repeat(prevGenesFrom, prevGenesTo);
    else {
      prevGenes = v.genes;
      prevGenesFrom = g.length;
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
      prevGenesTo = g.length;
    }
    const gn = v.gnomad;
    if (gn) {
      const acState = numState(gn.ac);
      const anState = numState(gn.an);
      const nhomaltState = numState(gn.nhomalt);
      const k = afDerivation(gn.af, gn.ac, gn.an);
      cols[Column.GnomadFlags].u8(1 | (acState << 1) | (anState << 3) | (nhomaltState << 5));
      cols[Column.GnomadFlags].u8(k);
      writeCount(cols[Column.GnomadAc], gn.ac, acState);
      writeCount(cols[Column.GnomadAn], gn.an, anState);
      writeCount(cols[Column.GnomadNhomalt], gn.nhomalt, nhomaltState);
      if (k === 0) writeNumber(cols[Column.GnomadAf], gn.af);
      writeNumber(cols[Column.GnomadGrpmaxAf], gn.grpmaxAf);
      cols[Column.GnomadCodes].varint(code(gn.grpmax));
      cols[Column.GnomadCodes].varint(code(gn.filter));
    } else cols[Column.GnomadFlags].u8(0);
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
    writeCall(cols[Column.Call], v.call, code);
  }
  const d = cols[Column.Dict];
  d.varint(dict.size);
  for (const s of dict.keys()) d.str(s);
  writePlanes(cols[Column.IdNumber], rsNumbers);
  const stored = cols.map((col, k) => {
    const w = new ByteWriter(col.length + 16);
    let prev = 0;
    for (const offset of checkpoints[k]) {
      w.varint(offset - prev);
      prev = offset;
    }
    w.bytes(col.result());
    const codec = codecOf(codecs, k);
    return { codec, data: compress(codec, w.result()) };
  });
  const out = new ByteWriter(1024);
  out.u8(BLOCK_FORMAT);
  out.varint(rows.length);
  out.varint(COLUMN_COUNT);
  out.varint(CHECKPOINT_ROWS);
  for (const s of stored) {
    out.u8(CODECS.indexOf(s.codec));
    out.varint(s.data.length);
  }
  for (const s of stored) out.bytes(s.data);
  return out.result();
}

/** A block's columns as stored (codec, bytes) and inflated: for measurements (bench/store.ts). */
export function blockColumns(blob: Buffer): Array<{ name: string; codec: Codec; stored: number; raw: Buffer }> {
  const h = new ByteReader(blob);
  if (h.u8() !== BLOCK_FORMAT) throw new Error('unknown warm block format');
  h.varint();
  const ncol = h.varint();
  h.varint();
  const heads: Array<{ codec: Codec; len: number }> = [];
  for (let i = 0; i < ncol; i++) heads.push({ codec: CODECS[h.u8()], len: h.varint() });
  let at = h.at;
  return heads.map((x, i) => {
    const raw = decompress(x.codec, blob.subarray(at, at + x.len));
    at += x.len;
    return { name: COLUMN_NAMES[i], codec: x.codec, stored: x.len, raw };
  });
}

/**
 * The number of an ID that is exactly `rs` and a canonical number of 1 to 15 digits (what RS_ONLY
 * matches and String(Number(digits)) gives back: no leading zero), else -1. A scan: a regular
 * expression's match array per allele was garbage on every row of the genome.
 */
export function rsNumberOf(id: string): number {
  const n = id.length - 2;
  if (n < 1 || n > 15 || id.charCodeAt(0) !== 114 /* r */ || id.charCodeAt(1) !== 115 /* s */) return -1;
  if (n > 1 && id.charCodeAt(2) === 48 /* 0 */) return -1;
  let value = 0;
  for (let i = 2; i < id.length; i++) {
    const d = id.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * About 86 % of alleles are single-base substitutions: one byte of 12 values (which deflate codes
 * in under 4 bits) instead of two length-prefixed strings; 0.4 B per allele less (docs/adr/0001).
 */
const BASES = 'ACGT';
function snvCode(ref: string, alt: string): number {
  if (ref.length !== 1 || alt.length !== 1 || ref === alt) return 0;
  const r = BASES.indexOf(ref);
  const a = BASES.indexOf(alt);
  return r < 0 || a < 0 ? 0 : 1 + 4 * r + a;
}

/** Over [Alleles, AlleleText] in step. */
const skipAlleles = (rs: ByteReader[]): void => {
  if (rs[0].u8() === 0) {
    rs[1].skipStr();
    rs[1].skipStr();
  }
};
const readAlleles = (rs: ByteReader[]): [string, string] => {
  const code = rs[0].u8();
  return code === 0 ? [rs[1].str(), rs[1].str()] : [BASES[(code - 1) >> 2], BASES[(code - 1) & 3]];
};

/** varint m, u8 width, then the m numbers as `width` little-endian byte planes. */
function writePlanes(w: ByteWriter, values: number[]): void {
  let width = 0;
  for (const v of values) {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`rsID number out of range: ${v}`);
    while (v >= 256 ** width) width++;
  }
  w.varint(values.length);
  w.u8(width);
  const planes = Buffer.alloc(values.length * width);
  values.forEach((v, i) => {
    for (let b = 0; b < width; b++, v = Math.floor(v / 256)) planes[b * values.length + i] = v % 256;
  });
  w.bytes(planes);
}

type Skip = (r: ByteReader) => void;

const skipNum: Skip = skipNumber;
/** Over [ID tags, rsID number index] in step. */
const skipId = (rs: ByteReader[]): void => {
  const tag = rs[0].u8();
  if (tag === ID_RS) rs[1].at++;
  else if (tag === ID_TEXT) rs[0].skipStr();
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
const skipClinvar: Skip = (r) => {
  if (r.u8() === 0) return;
  r.skipStr();
  r.varint();
  r.varint();
  r.at++;
  const n = r.varint();
  for (let i = 0; i < n; i++) r.skipStr();
};

/**
 * Call column: u8 flags, then the GT text's dictionary code. With CALL_INTS (every number a
 * non-negative integer, as callers write them) GQ, AD and DP follow as varints, DP as the zigzag
 * difference from AD's sum (DP counts the reads AD counts, and a few filtered ones); otherwise each
 * as an exact decimal. A missing DP or GQ has its flag and no value.
 */
const CALL_PRESENT = 1;
const CALL_AD = 2;
const CALL_NO_DP = 4;
const CALL_NO_GQ = 8;
const CALL_INTS = 16;

const isCount = (x: number | null): boolean => x === null || (Number.isSafeInteger(x) && x >= 0);
const zigzag = (n: number): number => (n >= 0 ? 2 * n : -2 * n - 1);
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

function writeCall(w: ByteWriter, call: StoredCall | null, code: (s: string) => number): void {
  if (!call) {
    w.u8(0);
    return;
  }
  const ints = isCount(call.dp) && isCount(call.gq) && (!call.ad || (isCount(call.ad[0]) && isCount(call.ad[1])));
  w.u8(CALL_PRESENT | (call.ad ? CALL_AD : 0) | (call.dp === null ? CALL_NO_DP : 0) | (call.gq === null ? CALL_NO_GQ : 0) | (ints ? CALL_INTS : 0));
  w.varint(code(call.gt));
  const num = (x: number): void => (ints ? w.varint(x) : writeNumber(w, x));
  if (call.gq !== null) num(call.gq);
  if (call.ad) {
    num(call.ad[0]);
    num(call.ad[1]);
  }
  if (call.dp !== null) {
    if (ints && call.ad) w.varint(zigzag(call.dp - call.ad[0] - call.ad[1]));
    else num(call.dp);
  }
}

function readCall(r: ByteReader, dict: string[]): StoredCall | null {
  const flags = r.u8();
  if (flags === 0) return null;
  const gt = dict[r.varint()];
  const ints = (flags & CALL_INTS) !== 0;
  const num = (): number => (ints ? r.varint() : (readNumber(r) as number));
  const gq = flags & CALL_NO_GQ ? null : num();
  const ad: [number, number] | null = flags & CALL_AD ? [num(), num()] : null;
  let dp: number | null = null;
  if (!(flags & CALL_NO_DP)) dp = ints && ad ? ad[0] + ad[1] + unzigzag(r.varint()) : num();
  return { gt, dp, gq, ad };
}

const skipCall: Skip = (r) => {
  const flags = r.u8();
  if (flags === 0) return;
  r.varint();
  const ints = (flags & CALL_INTS) !== 0;
  const skip = (): void => (ints ? void r.varint() : skipNumber(r));
  if (!(flags & CALL_NO_GQ)) skip();
  if (flags & CALL_AD) {
    skip();
    skip();
  }
  if (!(flags & CALL_NO_DP)) skip();
};

/** The gnomAD columns, walked in step: [flags, AC, AN, nhomalt, AF, grpmax AF, codes]. */
const GNOMAD_COLUMNS = [Column.GnomadFlags, Column.GnomadAc, Column.GnomadAn, Column.GnomadNhomalt, Column.GnomadAf, Column.GnomadGrpmaxAf, Column.GnomadCodes];
const skipGnomad = (rs: ByteReader[]): void => {
  const flags = rs[0].u8();
  if (flags === 0) return;
  const k = rs[0].u8();
  skipCount(rs[1], (flags >> 1) & 3);
  skipCount(rs[2], (flags >> 3) & 3);
  skipCount(rs[3], (flags >> 5) & 3);
  if (k === 0) skipNumber(rs[4]);
  skipNumber(rs[5]);
  rs[6].varint();
  rs[6].varint();
};

interface InflatedColumn {
  buf: Buffer;
  /** Offset of row 0 in `buf`. */
  start: number;
  /** Byte offset (from `start`) of rows 0, C, 2C, ... (for the rsID numbers: their index). */
  checkpoints: Uint32Array;
  /** rsID numbers column: how many, and bytes per number (planes of `count` bytes from `start`). */
  count?: number;
  width?: number;
}

/** A stored block: positions and REF spans decoded up front, every other column inflated and walked on demand. */
export class DecodedBlock {
  readonly rows: number;
  readonly pos1: Int32Array;
  readonly end1: Int32Array;
  private readonly checkpointRows: number;
  private readonly stored: Array<{ codec: Codec; from: number; to: number }> = [];
  private readonly inflated: Array<InflatedColumn | undefined> = [];
  private readonly dict: string[] = [];
  private dictIndex: Map<string, number> | null = null;

  constructor(
    private readonly blob: Buffer,
    readonly chrom: string,
    /** Store row of this block's first variant. */
    readonly firstRow: number,
  ) {
    const h = new ByteReader(blob);
    const format = h.u8();
    if (format !== BLOCK_FORMAT) throw new Error(`warm block format ${format}, expected ${BLOCK_FORMAT}: rebuild the store with this vartriage version`);
    this.rows = h.varint();
    const ncol = h.varint();
    this.checkpointRows = h.varint();
    const heads: Array<{ codec: Codec; len: number }> = [];
    for (let i = 0; i < ncol; i++) heads.push({ codec: CODECS[h.u8()], len: h.varint() });
    let at = h.at;
    for (const x of heads) {
      this.stored.push({ codec: x.codec, from: at, to: at + x.len });
      at += x.len;
    }
    const d = this.reader(Column.Dict);
    const nd = d.varint();
    for (let i = 0; i < nd; i++) this.dict.push(d.str());
    this.pos1 = new Int32Array(this.rows);
    this.end1 = new Int32Array(this.rows);
    const p = this.reader(Column.Pos);
    const codes = this.reader(Column.Alleles);
    const text = this.reader(Column.AlleleText);
    let pos = 0;
    for (let i = 0; i < this.rows; i++) {
      pos += p.varint();
      this.pos1[i] = pos;
      let refLen = 1;
      if (codes.u8() === 0) {
        refLen = text.varint();
        text.at += refLen;
        text.skipStr();
      }
      this.end1[i] = pos + Math.max(1, refLen) - 1;
    }
  }

  private column(col: Column): InflatedColumn {
    let c = this.inflated[col];
    if (!c) {
      const s = this.stored[col];
      const buf = decompress(s.codec, this.blob.subarray(s.from, s.to));
      const r = new ByteReader(buf);
      const n = Math.max(0, Math.ceil(this.rows / this.checkpointRows) - 1);
      const checkpoints = new Uint32Array(n + 1);
      for (let k = 1; k <= n; k++) checkpoints[k] = checkpoints[k - 1] + r.varint();
      if (col === Column.IdNumber) {
        const count = r.varint();
        const width = r.u8();
        c = this.inflated[col] = { buf, start: r.at, checkpoints, count, width };
      } else c = this.inflated[col] = { buf, start: r.at, checkpoints };
    }
    return c;
  }

  /** The rsID number at index `at` of the planes (a reader of the IdNumber column holds the index as start + at). */
  private rsNumber(at: number): number {
    const c = this.column(Column.IdNumber);
    let v = 0;
    for (let b = c.width! - 1; b >= 0; b--) v = v * 256 + c.buf[c.start + b * c.count! + at];
    return v;
  }

  private reader(col: Column): ByteReader {
    const c = this.column(col);
    return new ByteReader(c.buf, c.start);
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
    // Only a canonical rs<number> is stored as a number; 'rs0123' is text and must not match rs123.
    const rsNumber = rs && String(Number(rs[1])) === rs[1] ? Number(rs[1]) : -1;
    const out: number[] = [];
    const r = this.reader(Column.Id);
    let k = 0;
    for (let i = 0; i < this.rows; i++) {
      const tag = r.u8();
      if (tag === ID_RS) {
        if (this.rsNumber(k++) === rsNumber) out.push(i);
      } else if (tag === ID_TEXT) {
        const n = r.varint();
        if (r.buf.toString('utf8', r.at, r.at + n).split(';').includes(id)) out.push(i);
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
      if (n === needle.length && r.buf.compare(needle, 0, n, r.at, r.at + n) === 0) out.push(i);
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
    /** Walks columns in step (they share checkpoint rows), from the nearest checkpoint to each wanted row. */
    const walk = <T>(cols: Column[], skip: (rs: ByteReader[]) => void, read: (rs: ByteReader[]) => T): T[] => {
      const inflated = cols.map((c) => this.column(c));
      const rs = inflated.map((c) => new ByteReader(c.buf, c.start));
      const out: T[] = new Array(n);
      let at = 0;
      const every = this.checkpointRows;
      for (let k = 0; k < n; k++) {
        if (rows[k] - at >= every) {
          const cp = Math.floor(rows[k] / every);
          at = cp * every;
          for (let j = 0; j < rs.length; j++) rs[j].at = inflated[j].start + inflated[j].checkpoints[cp];
        }
        for (; at < rows[k]; at++) skip(rs);
        out[k] = read(rs);
        at++;
      }
      return out;
    };
    const column = <T>(col: Column, skip: Skip, read: (r: ByteReader) => T): T[] =>
      walk(
        [col],
        (rs) => skip(rs[0]),
        (rs) => read(rs[0]),
      );
    const dict = this.dict;
    const alleles = walk([Column.Alleles, Column.AlleleText], skipAlleles, readAlleles);
    const numbers = this.column(Column.IdNumber);
    const ids = walk([Column.Id, Column.IdNumber], skipId, (rs) => {
      const tag = rs[0].u8();
      return tag === ID_NONE ? '.' : tag === ID_RS ? `rs${this.rsNumber(rs[1].at++ - numbers.start)}` : rs[0].str();
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
    const gnomad = walk(GNOMAD_COLUMNS, skipGnomad, (rs): GnomadFacts | null => {
      const flags = rs[0].u8();
      if (flags === 0) return null;
      const k = rs[0].u8();
      const ac = readCount(rs[1], (flags >> 1) & 3);
      const an = readCount(rs[2], (flags >> 3) & 3);
      const nhomalt = readCount(rs[3], (flags >> 5) & 3);
      const af = k === 0 ? (readNumber(rs[4]) ?? 0) : afFromCounts(ac!, an!, k);
      const grpmaxAf = readNumber(rs[5]);
      return { af, ac, an, nhomalt, grpmaxAf, grpmax: dict[rs[6].varint()], filter: dict[rs[6].varint()] };
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
    const calls = column(Column.Call, skipCall, (r) => readCall(r, dict));
    const out: StoredVariant[] = new Array(n);
    for (let k = 0; k < n; k++) {
      const reportable: ReportableReason[] = REPORTABLE_REASONS.filter((_, bit) => (masks[k] >> bit) & 1);
      out[k] = {
        row: this.firstRow + rows[k],
        chrom: this.chrom,
        pos1: this.pos1[rows[k]],
        ref: alleles[k][0],
        alt: alleles[k][1],
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
        call: calls[k],
      };
    }
    return out;
  }
}
