/**
 * GT, DP, GQ and AD of one sample column read by byte position into reused typed storage (VCF 4.3
 * §1.6.2), for the columnar reader: no string and no array is made per record. The values are the
 * ones `readSampleFields` (src/io/vcfSampleFields.ts) gives, with null as NaN.
 */
import type { FormatKeys } from './vcfSampleFields';
import { sampleNumber } from './plainDecimal';

const COLON = 58;
const COMMA = 44;
const SLASH = 47;
const PIPE = 124;
const DOT = 46;

/** One sample's fields at one record; reused across records. */
export interface CallFields {
  /** Byte range of the GT text; gtStart < 0 when GT is absent or empty (the text is then "."). */
  gtStart: number;
  gtEnd: number;
  /** packedAscii (src/io/byteStrings.ts) of the GT text, packed while reading it: -1 when absent or not 1 to 4 ASCII bytes. */
  gtKey: number;
  /** Allele indices in alleles[0, ploidy), -1 for a missing allele; ploidy 0 without GT or for a GT that is not one. */
  alleles: Int32Array;
  ploidy: number;
  /** NaN when absent, "." or not a number. */
  dp: number;
  gq: number;
  /** AD entries in ad[0, adCount), -1 for "." or not a number; adCount 0 without AD or for a lone ".". */
  ad: Float64Array;
  adCount: number;
}

export function emptyCallFields(): CallFields {
  return { gtStart: -1, gtEnd: -1, gtKey: -1, alleles: new Int32Array(8), ploidy: 0, dp: NaN, gq: NaN, ad: new Float64Array(8), adCount: 0 };
}

/** What readCallFields does with each FORMAT key, up to the last one it needs. */
const SKIP = 0;
const GT = 1;
const DP = 2;
const GQ = 3;
const AD = 4;

/** The ops of the last FormatKeys seen: the scanner hands back the same object while FORMAT repeats. */
let lastKeys: FormatKeys | null = null;
let lastOps: Uint8Array = new Uint8Array(0);

function opsOf(keys: FormatKeys): Uint8Array {
  const ops = new Uint8Array(Math.max(keys.gt, keys.dp, keys.gq, keys.ad) + 1);
  if (keys.gt >= 0) ops[keys.gt] = GT;
  if (keys.dp >= 0) ops[keys.dp] = DP;
  if (keys.gq >= 0) ops[keys.gq] = GQ;
  if (keys.ad >= 0) ops[keys.ad] = AD;
  return ops;
}

/**
 * Fills `out` from the sample column buf[s, e) given the record's FORMAT keys, in one pass over the
 * bytes, stopping after the last key it needs (PL and the like are not walked). This runs once per
 * record and member, so the values are kept in locals and stored once, GT is read inline and a
 * number comes back through a typed slot (no module variable written per field).
 */
export function readCallFields(buf: Buffer, s: number, e: number, keys: FormatKeys, out: CallFields): void {
  if (keys !== lastKeys) {
    lastOps = opsOf(keys);
    lastKeys = keys;
  }
  const ops = lastOps;
  const nOps = ops.length;
  if (buf !== viewBuf) {
    view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    viewBuf = buf;
  }
  let gtStart = -1;
  let gtEnd = -1;
  let gtKey = -1;
  let ploidy = 0;
  let dp = NaN;
  let gq = NaN;
  let adCount = 0;
  let i = s;
  for (let k = 0; k < nOps && i <= e; k++, i++) {
    const op = ops[k];
    if (op === SKIP) {
      while (i < e && buf[i] !== COLON) i++;
    } else if (op === GT) {
      // Most GTs are two one-digit alleles, "0/1:" or "1|1:": one 4-byte read, no loop over bytes.
      if (i + 4 <= e) {
        const w = view.getInt32(i, true);
        const a0 = (w & 0xff) - 48;
        const sep = (w >>> 8) & 0xff;
        const a1 = ((w >>> 16) & 0xff) - 48;
        if (w >>> 24 === COLON && (sep === SLASH || sep === PIPE) && a0 >>> 0 < 10 && a1 >>> 0 < 10) {
          const alleles = out.alleles;
          alleles[0] = a0;
          alleles[1] = a1;
          ploidy = 2;
          gtStart = i;
          gtEnd = i + 3;
          gtKey = (3 << 21) | ((w & 0xff) << 14) | (sep << 7) | (a1 + 48);
          i += 3;
          continue;
        }
      }
      // Alleles separated by / or | ("." missing); an empty GT is one missing allele, any other byte voids the GT.
      const from = i;
      let alleles = out.alleles;
      let v = -2;
      let n = 0;
      let ok = true;
      // The bytes packed as packedAscii does, 7 bits each (exact up to 4 bytes; `high` flags a non-ASCII byte).
      let packed = 0;
      let high = 0;
      for (; ; i++) {
        const c = i < e ? buf[i] : COLON;
        if (c === COLON || c === SLASH || c === PIPE) {
          if (ok) {
            if (n === alleles.length) alleles = out.alleles = grownInt32(alleles);
            alleles[n++] = v < 0 ? -1 : v;
          }
          v = -2;
          if (c === COLON) break;
        } else if (c === DOT) v = -1;
        else if (c >= 48 && c <= 57) v = (v < 0 ? 0 : v) * 10 + (c - 48);
        else ok = false;
        packed = (packed << 7) | c;
        high |= c;
      }
      const len = i - from;
      if (len > 0) {
        gtStart = from;
        gtEnd = i;
        if (len <= 4 && high < 128) gtKey = (len << (7 * len)) | packed;
      }
      ploidy = ok ? n : 0;
    } else if (op === AD) {
      // Entries -1 for "." or text that is not a number; a lone "." means no AD at all.
      let ad = out.ad;
      let n = 0;
      for (;;) {
        if (n === ad.length) ad = out.ad = grownFloat64(ad);
        i = numberAt(buf, i, e, true);
        const x = parsed[0];
        ad[n++] = x === x ? x : -1;
        if (i < e && buf[i] === COMMA) i++;
        else break;
      }
      adCount = n === 1 && ad[0] === -1 ? 0 : n;
    } else {
      i = numberAt(buf, i, e, false);
      if (op === DP) dp = parsed[0];
      else gq = parsed[0];
    }
  }
  out.gtStart = gtStart;
  out.gtEnd = gtEnd;
  out.gtKey = gtKey;
  out.ploidy = ploidy;
  out.dp = dp;
  out.gq = gq;
  out.adCount = adCount;
}

/** The value numberAt read: a typed slot, so that a fraction is not boxed on its way out. */
const parsed = new Float64Array(1);

/** A DataView of the last buffer read, for 4-byte reads (VCF windows are reused, so this rarely changes). */
let viewBuf: Buffer | null = null;
let view: DataView = new DataView(new ArrayBuffer(0));

/**
 * Reads the number at buf[s, ...) up to the next ':' (or ',' when `commaEnds`) or e into parsed[0]
 * and returns where it ends. A plain decimal (digits, at most one dot with digits on both sides,
 * 15 bytes at most: plainDecimal's rules) is read in one pass; anything else ("." for null, a sign,
 * an exponent) goes through sampleNumber.
 */
function numberAt(buf: Buffer, s: number, e: number, commaEnds: boolean): number {
  if (s + 4 <= e) {
    // One to three digits and their terminator within one 4-byte read (DP, AD entries, most GQ),
    // decoded without a loop whose exit depends on the number's length (a mispredicted branch
    // per number otherwise). x holds each byte minus '0'; nonDigits flags the bytes that are not
    // digits (byte-wise x > 9, computed without carries between bytes).
    const w = view.getInt32(s, true);
    const x = w ^ 0x30303030;
    const nonDigits = (((x & 0x7f7f7f7f) + 0x76767676) | x) & 0x80808080;
    const len = (31 - Math.clz32(nonDigits & -nonDigits)) >> 3;
    const end = (w >>> (len << 3)) & 0xff;
    if (nonDigits !== 0 && len > 0 && (end === COLON || (commaEnds && end === COMMA))) {
      // The digits moved to the top bytes (leading zeros below), then paired: d0 * 10 + d1 in each half.
      const y = x << (32 - (len << 3));
      const pairs = (y & 0x00ff00ff) * 10 + ((y >>> 8) & 0x00ff00ff);
      parsed[0] = (pairs & 0xffff) * 100 + (pairs >>> 16);
      return s + len;
    }
  }
  let v = 0;
  let i = s;
  let c = COLON;
  for (; i < e; i++) {
    c = buf[i];
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
  }
  if (i === e || c === COLON || (commaEnds && c === COMMA)) {
    // Digits only, the common case (DP, AD, most GQ).
    if (i === s || i - s > 15) return slowNumber(buf, s, e, commaEnds);
    parsed[0] = v;
    return i;
  }
  if (c !== DOT || i === s) return slowNumber(buf, s, e, commaEnds);
  let scale = 1;
  const first = ++i;
  for (; i < e; i++) {
    c = buf[i];
    if (c < 48 || c > 57) break;
    v = v * 10 + (c - 48);
    scale *= 10;
  }
  if (i === first || i - s > 15 || !(i === e || c === COLON || (commaEnds && c === COMMA))) return slowNumber(buf, s, e, commaEnds);
  parsed[0] = v / scale;
  return i;
}

/** numberAt for text that is not a plain decimal: Number() rules via sampleNumber, NaN for null. */
function slowNumber(buf: Buffer, s: number, e: number, commaEnds: boolean): number {
  let i = s;
  while (i < e) {
    const c = buf[i];
    if (c === COLON || (commaEnds && c === COMMA)) break;
    i++;
  }
  parsed[0] = sampleNumber(buf, s, i) ?? NaN;
  return i;
}

function grownInt32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function grownFloat64(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}
