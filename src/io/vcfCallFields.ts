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
  return { gtStart: -1, gtEnd: -1, alleles: new Int32Array(8), ploidy: 0, dp: NaN, gq: NaN, ad: new Float64Array(8), adCount: 0 };
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
  let gtStart = -1;
  let gtEnd = -1;
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
      // Alleles separated by / or | ("." missing); an empty GT is one missing allele, any other byte voids the GT.
      const from = i;
      let alleles = out.alleles;
      let v = -2;
      let n = 0;
      let ok = true;
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
      }
      if (i > from) {
        gtStart = from;
        gtEnd = i;
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
  out.ploidy = ploidy;
  out.dp = dp;
  out.gq = gq;
  out.adCount = adCount;
}

/** The value numberAt read: a typed slot, so that a fraction is not boxed on its way out. */
const parsed = new Float64Array(1);

/**
 * Reads the number at buf[s, ...) up to the next ':' (or ',' when `commaEnds`) or e into parsed[0]
 * and returns where it ends. A plain decimal (digits, at most one dot with digits on both sides,
 * 15 bytes at most: plainDecimal's rules) is read in one pass; anything else ("." for null, a sign,
 * an exponent) goes through sampleNumber.
 */
function numberAt(buf: Buffer, s: number, e: number, commaEnds: boolean): number {
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
