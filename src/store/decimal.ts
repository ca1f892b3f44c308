import type { ByteReader, ByteWriter } from './bytes';

/**
 * Exact, compact numbers for the warm tier. A number is written as the decimal its shortest
 * JavaScript string shows (which round-trips exactly): a tag, then the digits as one varint.
 * tag 0: null; 1: non-negative integer; 2..61: digits × 10^-(tag - 1), which covers fractions in
 * both of JavaScript's forms (0.000123 and 5.51166e-7, the form gnomAD's rarest AFs take);
 * 255: the string itself (negative, large exponent or more than 15 digits).
 */
const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e-(\d+))?$/;
const MAX_PLACES = 60;

export function writeNumber(w: ByteWriter, n: number | null): void {
  if (n === null) {
    w.u8(0);
    return;
  }
  if (Number.isSafeInteger(n) && n >= 0) {
    w.u8(1);
    w.varint(n);
    return;
  }
  const s = String(n);
  const m = DECIMAL.exec(s);
  if (m) {
    const frac = m[2] ?? '';
    const places = frac.length + Number(m[3] ?? 0);
    const digits = (m[1] + frac).replace(/^0+(?=\d)/, '');
    // The parse of digits×10^-places is correctly rounded, so it gives n back; checked anyway.
    if (places >= 1 && places <= MAX_PLACES && digits.length <= 15 && Number(`${digits}e-${places}`) === n) {
      w.u8(1 + places);
      w.varint(Number(digits));
      return;
    }
  }
  w.u8(255);
  w.str(s);
}

export function readNumber(r: ByteReader): number | null {
  const tag = r.u8();
  if (tag === 0) return null;
  if (tag === 1) return r.varint();
  if (tag === 255) return Number(r.str());
  return Number(`${r.varint()}e-${tag - 1}`);
}

export function skipNumber(r: ByteReader): void {
  const tag = r.u8();
  if (tag === 0) return;
  if (tag === 255) r.skipStr();
  else r.varint();
}
