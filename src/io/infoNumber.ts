import { sampleNumber } from './plainDecimal';

const SEMI = 59;
const EQUALS = 61;

/**
 * The numeric value of the INFO entry `key` in buf[s, e) (VCF 4.3 §1.6.1: `key=value` entries
 * separated by ';'), or NaN when the record has no such entry, gives it no value, or a value that
 * is not a finite number. Only whole keys match: `MQ` is not found in `MQ0=` or `RAW_MQ=`. The
 * native decoder reads MQ the same way (native/src/decode.cc infoMq).
 */
export function infoNumber(buf: Buffer, s: number, e: number, key: string): number {
  const k0 = key.charCodeAt(0);
  const n = key.length;
  for (let p = s; p < e; ) {
    if (buf[p] === k0 && e - p >= n && matches(buf, p, key)) {
      const after = p + n;
      if (after === e || buf[after] === SEMI) return NaN;
      if (buf[after] === EQUALS) {
        let ve = after + 1;
        while (ve < e && buf[ve] !== SEMI) ve++;
        // A number as FORMAT numbers are read: "." , empty or not a finite number give none.
        return sampleNumber(buf, after + 1, ve) ?? NaN;
      }
    }
    while (p < e && buf[p] !== SEMI) p++;
    p++;
  }
  return NaN;
}

function matches(buf: Buffer, p: number, key: string): boolean {
  for (let i = 1; i < key.length; i++) if (buf[p + i] !== key.charCodeAt(i)) return false;
  return true;
}
