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

/** Fills `out` from the sample column buf[s, e) given the record's FORMAT keys. */
export function readCallFields(buf: Buffer, s: number, e: number, keys: FormatKeys, out: CallFields): void {
  out.gtStart = -1;
  out.ploidy = 0;
  out.dp = NaN;
  out.gq = NaN;
  out.adCount = 0;
  let k = 0;
  let from = s;
  for (let i = s; i <= e; i++) {
    if (i < e && buf[i] !== COLON) continue;
    if (k === keys.gt) {
      if (i > from) {
        out.gtStart = from;
        out.gtEnd = i;
      }
      readAlleles(buf, from, i, out);
    } else if (k === keys.dp) out.dp = sampleNumber(buf, from, i) ?? NaN;
    else if (k === keys.gq) out.gq = sampleNumber(buf, from, i) ?? NaN;
    else if (k === keys.ad) readAd(buf, from, i, out);
    k++;
    from = i + 1;
  }
}

/** GT alleles separated by / or | ("." missing); an empty GT is one missing allele, any other byte voids the GT. */
function readAlleles(buf: Buffer, s: number, e: number, out: CallFields): void {
  let v = -2;
  let n = 0;
  for (let i = s; i <= e; i++) {
    const c = i === e ? SLASH : buf[i];
    if (c === SLASH || c === PIPE) {
      if (n === out.alleles.length) out.alleles = grownInt32(out.alleles);
      out.alleles[n++] = v < 0 ? -1 : v;
      v = -2;
    } else if (c === DOT) v = -1;
    else if (c >= 48 && c <= 57) v = (v < 0 ? 0 : v) * 10 + (c - 48);
    else return;
  }
  out.ploidy = n;
}

function readAd(buf: Buffer, s: number, e: number, out: CallFields): void {
  let n = 0;
  let f = s;
  for (let j = s; j <= e; j++) {
    if (j < e && buf[j] !== COMMA) continue;
    if (n === out.ad.length) out.ad = grownFloat64(out.ad);
    out.ad[n++] = sampleNumber(buf, f, j) ?? -1;
    f = j + 1;
  }
  // A lone "." means no AD at all.
  out.adCount = n === 1 && out.ad[0] === -1 ? 0 : n;
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
