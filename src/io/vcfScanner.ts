import { InputError } from '../errors';
import { shortText } from './byteStrings';
import { emptySampleFields, FormatKeys, parseFormatKeys, readSampleFields, SampleFields } from './vcfSampleFields';
import { CallFields, readCallFields } from './vcfCallFields';
import { callFromRow, DecodeTables, decodeTables } from './nativeRows';
import { nativeAddon } from './native';
import {
  CALL_OK,
  D_FLAGS,
  D_GT0,
  D_GT_COUNT,
  D_INT_SLOTS,
  D_POS,
  F_FLOAT_SLOTS,
  F_MQ,
  F_QUAL,
  GT_OK,
  headWidth,
  MQ_OK,
  QUAL_MISSING,
  QUAL_OK,
  ROW_COLS,
  ROW_CRLF,
  ROW_END,
  ROW_FOUND,
  SAME_CHROM,
  SAME_FILTER,
  SAME_FORMAT,
} from './nativeLayout';
import { plainDecimal } from './plainDecimal';
import { infoNumber } from './infoNumber';

/**
 * Byte-level scanner of VCF data lines (VCF 4.3 §1.6): finds the tab-separated columns of each
 * line in a decompressed Buffer. `scanVcfLines` decodes only CHROM, POS, QUAL, FILTER and the GT
 * of one sample and leaves every other column as byte offsets (the columnar reader copies bytes);
 * `scanVcfRecords` adds ID, REF and ALT as strings and the family samples' FORMAT fields.
 */

const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const COMMA = 44;
const DOT = 46;

/**
 * One scanned data line: the columns as byte offsets into `buf`, with the fields every reader needs
 * decoded (CHROM, POS, QUAL, FILTER, the chosen sample's GT). The same object is reused for every
 * line and `buf` is valid only during the callback, so copy what you keep.
 */
export interface ScannedLine {
  buf: Buffer;
  /**
   * cols[col0 + k] is the start of column k and cols[col0 + k + 1] - 1 its end, for k < columns
   * (the last column's end is the line's end, before any CR). `cols` may be a table of many lines.
   */
  cols: Int32Array;
  col0: number;
  /** Tab-separated columns found, up to the last one asked for (+1 when more follow). */
  columns: number;
  chrom: string;
  pos: number;
  qual: number | null;
  filter: string;
  /** Byte range of INFO in the buffer, for lazy decoding. */
  infoStart: number;
  infoEnd: number;
  /** INFO/MQ when `mq` is asked for (ScanOptions), else NaN; NaN also when the record has none. */
  mq: number;
  /** GT allele indices of the chosen sample (-1 for a missing allele), empty when not available. */
  gt: number[];
  /** Entries of `gt` that belong to this record (the array is reused and not shrunk). */
  gtCount: number;
  /** Positions of GT, DP, GQ and AD in FORMAT; located only when `familyColumns` are asked for. */
  formatKeys: FormatKeys | null;
  /** 1-based line number within the scanned text. */
  line: number;
  /** The line ended in CR LF. */
  crlf: boolean;
}

/** One scanned record with ID, REF and ALT as strings; the same object is reused for every line, so copy what you keep. */
export interface ScannedRecord extends ScannedLine {
  id: string;
  ref: string;
  /** The ALT column as given (comma-separated). */
  alt: string;
  /** GT, DP, GQ and AD of each `familyColumns` sample, in that order; empty when none are asked for. */
  family: SampleFields[];
}

export interface ScanOptions {
  file: string;
  /** 0-based column of the sample whose GT is read; -1 for none. */
  sampleColumn: number;
  /** 0-based columns of family members whose FORMAT fields are read (multi-sample VCF with --ped); none by default. */
  familyColumns?: number[];
  /** Added to scanned line numbers for messages; null when line numbers are not known (mid-file shard). */
  lineOffset: number | null;
  /** One sample whose GT, DP, GQ and AD are read into `into` at every line (the proband, for readShardColumns). */
  call?: { column: number; into: CallFields };
  /** Read INFO/MQ, the RMS mapping quality of the site's reads (VCF 4.3 §1.6.1 reserved key), into `mq`. */
  mq?: boolean;
}

/**
 * Calls `onRecord` for every data line of buf[from, to) with ID, REF, ALT and the family samples'
 * fields decoded to strings and numbers; header lines (starting with '#') are skipped. Returns the
 * number of lines (data or header) seen, for numbering the next piece.
 */
export function scanVcfRecords(buf: Buffer, opts: ScanOptions, onRecord: (r: ScannedRecord) => void, from = 0, to = buf.length): number {
  const familyColumns = opts.familyColumns ?? [];
  const family = familyColumns.map(emptySampleFields);
  let rec: ScannedRecord | null = null;
  return scanVcfLines(
    buf,
    opts,
    (l) => {
      const c = l.cols;
      const c0 = l.col0;
      // The line object is reused for every line: extending it once copies no fields per record.
      if (rec === null) rec = Object.assign(l, { id: '.', ref: '', alt: '', family });
      rec.id = c[c0 + 3] - 1 - c[c0 + 2] === 1 && buf[c[c0 + 2]] === 46 ? '.' : buf.toString('utf8', c[c0 + 2], c[c0 + 3] - 1);
      rec.ref = shortText(buf, c[c0 + 3], c[c0 + 4] - 1);
      rec.alt = shortText(buf, c[c0 + 4], c[c0 + 5] - 1);
      const keys = l.formatKeys;
      if (keys !== null) for (let j = 0; j < familyColumns.length; j++) readSampleFields(buf, c[c0 + familyColumns[j]], c[c0 + familyColumns[j] + 1] - 1, keys, family[j]);
      onRecord(rec);
    },
    from,
    to,
  );
}

/**
 * Calls `onLine` for every data line of buf[from, to) (header lines, starting with '#', are
 * skipped), after checking the columns every reader relies on. Returns the number of lines (data
 * or header) seen, for numbering the next piece.
 */
export function scanVcfLines(buf: Buffer, opts: ScanOptions, onLine: (l: ScannedLine) => void, from = 0, to = buf.length): number {
  const familyColumns = opts.familyColumns ?? [];
  const call = opts.call ?? null;
  const lastColumn = Math.max(opts.sampleColumn, ...familyColumns, call === null ? -1 : call.column);
  const cols = new Int32Array(Math.max(11, lastColumn + 3));
  const rec: ScannedLine = { buf, cols, col0: 0, columns: 0, chrom: '', pos: 0, qual: null, filter: '', infoStart: 0, infoEnd: 0, mq: NaN, gt: [], gtCount: 0, formatKeys: null, line: 0, crlf: false };
  const wantMq = opts.mq === true;
  const need = lastColumn >= 0 ? lastColumn + 1 : 8;
  const wantKeys = familyColumns.length > 0 || call !== null;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  // FORMAT keys are located again only when the FORMAT bytes differ from the previous record's.
  let formatKeys: FormatKeys | null = null;
  let lastFormatStart = -1;
  let lastFormatLen = -1;
  let lastChromStart = -1;
  let lastChromLen = -1;
  let lastFilterStart = -1;
  let lastFilterLen = -1;
  let line = 0;
  let start = from;
  const n = to;
  // With the native addon, the lines, their columns and their plain fields come decoded from one
  // call per 2,048 lines (native/src/decode.cc), in rows; what it flags as not plain (and every
  // error) is read here as without it. Without the addon everything is read here, line by line.
  // Offsets travel as int32: text past 2 GiB (a whole plain VCF read at once) is read here.
  const addon = n < INT32_LIMIT ? nativeAddon() : null;
  const head = headWidth(need);
  const width = head + D_INT_SLOTS;
  const table = addon === null ? null : decodeTables(width);
  const callColumn = call === null ? -1 : call.column;
  let row = 0;
  let rows = 0;
  let o = 0;
  let x = 0;
  let fo = 0;
  let flags = 0;
  while (start < n) {
    line++;
    let end: number;
    let found: number;
    let stop: number;
    if (addon !== null && table !== null) {
      if (row === rows) {
        rows = addon.decodeLines(buf, start, n, need, opts.sampleColumn, callColumn, wantMq ? 1 : 0, table.ints, table.floats);
        row = 0;
      }
      o = row * width;
      fo = row * F_FLOAT_SLOTS;
      row++;
      const ints = table.ints;
      end = ints[o + ROW_END];
      found = ints[o + ROW_FOUND];
      if (found <= 0) {
        start = end + 1;
        continue;
      }
      rec.crlf = ints[o + ROW_CRLF] === 1;
      // The row is the line's column table: no copy per line.
      rec.cols = ints;
      rec.col0 = o + ROW_COLS;
      stop = ints[o + ROW_COLS + found] - 1;
      x = o + head;
      flags = ints[x + D_FLAGS];
    } else {
      end = buf.indexOf(LF, start);
      if (end < 0 || end > n) end = n;
      if (buf[start] === HASH) {
        start = end + 1;
        continue;
      }
      // Column starts; cols[k] is the start of column k, cols[k+1]-1 its end. The seven short
      // columns before INFO are walked byte by byte; INFO, FORMAT and the sample columns are found
      // with native searches, which cost about as much as walking 12 bytes (bench/scanMicro.ts).
      cols[0] = start;
      let k = 1;
      let p = start;
      while (k < 8 && p < end) {
        if (buf[p] === TAB) cols[k++] = p + 1;
        p++;
      }
      while (k === 8 || (k > 8 && k <= need)) {
        const t = buf.indexOf(TAB, p);
        if (t < 0 || t >= end) break;
        cols[k++] = t + 1;
        p = t + 1;
      }
      stop = end;
      rec.crlf = false;
      if (stop > start && buf[stop - 1] === CR) {
        stop--;
        rec.crlf = true;
      }
      if (stop === start) {
        start = end + 1;
        continue;
      }
      found = k;
      cols[found] = stop + 1;
      rec.cols = cols;
      rec.col0 = 0;
      flags = 0;
    }
    const nat = table !== null;
    const ints = nat ? table.ints : EMPTY_INTS;
    const cs = rec.cols;
    const c0 = rec.col0;
    rec.columns = found;
    const lineNo = opts.lineOffset === null ? undefined : opts.lineOffset + line;
    if (found < 8) throw new InputError(opts.file, `data line has ${found} tab-separated column(s), VCF needs at least 8 (is the file space-separated?)`, lineNo);
    if (lastColumn >= 0 && found <= lastColumn) {
      throw new InputError(opts.file, `data line has ${found} columns but the header names a sample in column ${lastColumn + 1}`, lineNo);
    }
    const chromLen = cs[c0 + 1] - 1 - cs[c0 + 0];
    if (chromLen <= 0) throw new InputError(opts.file, 'empty CHROM', lineNo);
    if (nat ? (flags & SAME_CHROM) === 0 : !sameBytes(view, lastChromStart, lastChromLen, cs[c0 + 0], chromLen)) {
      rec.chrom = buf.toString('utf8', cs[c0 + 0], cs[c0 + 1] - 1);
    }
    lastChromStart = cs[c0 + 0];
    lastChromLen = chromLen;
    const plainPos = nat ? ints[x + D_POS] : -1;
    rec.pos = plainPos > 0 ? plainPos : parsePos(buf, cs[c0 + 1], cs[c0 + 2] - 1, opts.file, lineNo);
    const refLen = cs[c0 + 4] - 1 - cs[c0 + 3];
    if (refLen === 0 || (refLen === 1 && buf[cs[c0 + 3]] === DOT)) throw new InputError(opts.file, 'REF is empty', lineNo);
    if (rec.pos === 0 && !allBreakends(buf, cs[c0 + 4], cs[c0 + 5] - 1)) {
      // VCF 4.3 §1.6.1: POS 0 marks a telomere, which only a breakend allele can describe.
      throw new InputError(opts.file, 'POS 0 is allowed only for a telomeric breakend (VCF 4.3 §1.6.1; positions are 1-based)', lineNo);
    }
    if ((flags & QUAL_MISSING) !== 0) rec.qual = null;
    else if ((flags & QUAL_OK) !== 0) rec.qual = (table as DecodeTables).floats[fo + F_QUAL];
    else rec.qual = parseQual(buf, cs[c0 + 5], cs[c0 + 6] - 1, opts.file, lineNo);
    if (nat ? (flags & SAME_FILTER) === 0 : !sameBytes(view, lastFilterStart, lastFilterLen, cs[c0 + 6], cs[c0 + 7] - 1 - cs[c0 + 6])) {
      rec.filter = buf.toString('latin1', cs[c0 + 6], cs[c0 + 7] - 1);
    }
    lastFilterStart = cs[c0 + 6];
    lastFilterLen = cs[c0 + 7] - 1 - cs[c0 + 6];
    rec.infoStart = cs[c0 + 7];
    rec.infoEnd = Math.min(cs[c0 + 8] - 1, stop);
    if (wantMq) rec.mq = (flags & MQ_OK) !== 0 ? (table as DecodeTables).floats[fo + F_MQ] : infoNumber(buf, rec.infoStart, rec.infoEnd, 'MQ');
    if (opts.sampleColumn < 0) rec.gtCount = 0;
    else if ((flags & GT_OK) !== 0) {
      const count = ints[x + D_GT_COUNT];
      for (let j = 0; j < count; j++) rec.gt[j] = ints[x + D_GT0 + j];
      rec.gtCount = count;
    } else rec.gtCount = readGt(buf, cs[c0 + 8], cs[c0 + 9] - 1, cs[c0 + opts.sampleColumn], cs[c0 + opts.sampleColumn + 1] - 1, rec.gt);
    if (wantKeys) {
      const formatLen = cs[c0 + 9] - 1 - cs[c0 + 8];
      if (formatKeys === null || (nat ? (flags & SAME_FORMAT) === 0 : !sameBytes(view, lastFormatStart, lastFormatLen, cs[c0 + 8], formatLen))) {
        formatKeys = parseFormatKeys(buf, cs[c0 + 8], cs[c0 + 9] - 1);
      }
      lastFormatStart = cs[c0 + 8];
      lastFormatLen = formatLen;
      rec.formatKeys = formatKeys;
      if (call !== null) {
        if ((flags & CALL_OK) !== 0) callFromRow(ints, x, (table as DecodeTables).floats, fo, call.into);
        else readCallFields(buf, cs[c0 + call.column], cs[c0 + call.column + 1] - 1, formatKeys, call.into);
      }
    }
    rec.line = lineNo ?? 0;
    onLine(rec);
    start = end + 1;
  }
  return line;
}

const EMPTY_INTS = new Int32Array(0);
const INT32_LIMIT = 2 ** 31 - 1;

/** Every comma-separated allele of buf[s, e) contains '[' or ']' (a breakend, VCF 4.3 §5.4). */
function allBreakends(buf: Buffer, s: number, e: number): boolean {
  let bracket = false;
  for (let i = s; i <= e; i++) {
    const c = i === e ? COMMA : buf[i];
    if (c === COMMA) {
      if (!bracket) return false;
      bracket = false;
    } else if (c === 91 /* [ */ || c === 93 /* ] */) bracket = true;
  }
  return true;
}

/**
 * Byte equality of two short ranges of one buffer (CHROM, FILTER, FORMAT against the previous
 * record's), four bytes at a time through `view` (a DataView of buf): the last word overlaps the
 * one before it rather than ending in a byte loop. A JS loop beats a native call at this size,
 * and the word compare halves the loop's time on 14-byte FORMATs such as GT:AD:DP:GQ:PL.
 */
function sameBytes(view: DataView, aStart: number, aLen: number, bStart: number, bLen: number): boolean {
  if (aLen !== bLen || aStart < 0) return false;
  if (aLen < 4) {
    for (let i = 0; i < aLen; i++) if (view.getUint8(aStart + i) !== view.getUint8(bStart + i)) return false;
    return true;
  }
  const last = aLen - 4;
  for (let i = 0; i < last; i += 4) if (view.getInt32(aStart + i, true) !== view.getInt32(bStart + i, true)) return false;
  return view.getInt32(aStart + last, true) === view.getInt32(bStart + last, true);
}

function parsePos(buf: Buffer, s: number, e: number, file: string, line: number | undefined): number {
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return badPos(buf, s, e, file, line);
    v = v * 10 + d;
  }
  // "0" itself passes here: whether POS 0 is allowed depends on ALT (checked by the caller).
  if (e <= s || (buf[s] === 48 && e - s > 1)) return badPos(buf, s, e, file, line);
  return v;
}

function badPos(buf: Buffer, s: number, e: number, file: string, line: number | undefined): never {
  const text = buf.toString('utf8', s, Math.min(e, s + 40));
  throw new InputError(file, `POS "${text}" is not a positive integer (VCF positions are 1-based)`, line);
}

function parseQual(buf: Buffer, s: number, e: number, file: string, line: number | undefined): number | null {
  if (e - s === 1 && buf[s] === 46) return null;
  const fast = plainDecimal(buf, s, e);
  if (fast !== undefined) return fast;
  const text = buf.toString('latin1', s, e);
  const q = Number(text);
  if (text.length === 0 || !Number.isFinite(q)) throw new InputError(file, `QUAL "${text.slice(0, 40)}" is not a number or "."`, line);
  return q;
}

/**
 * GT is the first FORMAT key when present (VCF 4.3 §1.6.2); alleles separated by / or |. Writes the
 * allele indices to out[0..] and returns how many; 0 without GT or for a GT that is not one.
 */
function readGt(buf: Buffer, fmtS: number, fmtE: number, s: number, e: number, out: number[]): number {
  if (fmtE - fmtS < 2 || buf[fmtS] !== 71 /* G */ || buf[fmtS + 1] !== 84 /* T */ || (fmtE - fmtS > 2 && buf[fmtS + 2] !== COLON)) return 0;
  let n = 0;
  let v = -2;
  for (let i = s; i <= e; i++) {
    const c = i === e ? COLON : buf[i];
    if (c === COLON || c === 47 /* / */ || c === 124 /* | */) {
      out[n++] = v === -2 ? -1 : v;
      if (c === COLON) return n;
      v = -2;
    } else if (c === 46 /* . */) v = -1;
    else if (c >= 48 && c <= 57) v = (v < 0 ? 0 : v) * 10 + (c - 48);
    else return 0;
  }
  return n;
}
