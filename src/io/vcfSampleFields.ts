/**
 * Reads GT, DP, GQ and AD of one sample column by byte position (VCF 4.3 §1.6.2): the FORMAT keys
 * are located once per distinct FORMAT string, then each sample's colon-separated values are
 * walked without building strings other than the GT text.
 */

import { shortText } from './byteStrings';
import { sampleNumber } from './plainDecimal';

const COLON = 58;
const COMMA = 44;
const DOT = 46;

/** Position of each needed key in the FORMAT column (-1 when absent). */
export interface FormatKeys {
  gt: number;
  dp: number;
  gq: number;
  ad: number;
}

/** One sample's fields at one record; reused across records, so copy what you keep. */
export interface SampleFields {
  /** GT text as written, "." when absent. */
  gtText: string;
  /** Allele indices, -1 for a missing allele; empty without GT. */
  alleles: number[];
  dp: number | null;
  gq: number | null;
  /** AD values (-1 for "."); empty without AD. */
  ad: number[];
}

export function emptySampleFields(): SampleFields {
  return { gtText: '.', alleles: [], dp: null, gq: null, ad: [] };
}

export function parseFormatKeys(buf: Buffer, s: number, e: number): FormatKeys {
  const keys: FormatKeys = { gt: -1, dp: -1, gq: -1, ad: -1 };
  let k = 0;
  let from = s;
  for (let i = s; i <= e; i++) {
    if (i < e && buf[i] !== COLON) continue;
    const len = i - from;
    if (len === 2) {
      const a = buf[from];
      const b = buf[from + 1];
      if (a === 71 && b === 84) keys.gt = k; // GT
      else if (a === 68 && b === 80) keys.dp = k; // DP
      else if (a === 71 && b === 81) keys.gq = k; // GQ
      else if (a === 65 && b === 68) keys.ad = k; // AD
    }
    k++;
    from = i + 1;
  }
  return keys;
}

function readAlleles(buf: Buffer, s: number, e: number, out: number[]): void {
  let v = -2;
  for (let i = s; i <= e; i++) {
    const c = i === e ? 47 : buf[i];
    if (c === 47 /* / */ || c === 124 /* | */) {
      out.push(v < 0 ? -1 : v);
      v = -2;
    } else if (c === DOT) v = -1;
    else if (c >= 48 && c <= 57) v = (v < 0 ? 0 : v) * 10 + (c - 48);
    else {
      out.length = 0;
      return;
    }
  }
}

/** Fills `out` from the sample column buf[s, e) given the record's FORMAT keys. */
export function readSampleFields(buf: Buffer, s: number, e: number, keys: FormatKeys, out: SampleFields): void {
  out.gtText = '.';
  out.alleles.length = 0;
  out.dp = null;
  out.gq = null;
  out.ad.length = 0;
  let k = 0;
  let from = s;
  for (let i = s; i <= e; i++) {
    if (i < e && buf[i] !== COLON) continue;
    if (k === keys.gt) {
      out.gtText = i > from ? shortText(buf, from, i) : '.';
      readAlleles(buf, from, i, out.alleles);
    } else if (k === keys.dp) out.dp = sampleNumber(buf, from, i);
    else if (k === keys.gq) out.gq = sampleNumber(buf, from, i);
    else if (k === keys.ad) {
      let f = from;
      for (let j = from; j <= i; j++) {
        if (j < i && buf[j] !== COMMA) continue;
        out.ad.push(sampleNumber(buf, f, j) ?? -1);
        f = j + 1;
      }
      if (out.ad.length === 1 && out.ad[0] === -1) out.ad.length = 0;
    }
    k++;
    from = i + 1;
  }
}
