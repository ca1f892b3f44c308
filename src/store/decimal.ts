import type { ByteReader, ByteWriter } from './bytes';

/**
 * Exact, compact numbers for the warm tier. A number is written as the decimal its shortest
 * JavaScript string shows (which round-trips exactly): a tag, then the digits as one varint.
 * tag 0: null; 1: non-negative integer; 2..21: fraction with (tag - 1) decimal places; 255: the
 * string itself (negative, exponent form or too many digits).
 */
const FRACTION = /^(\d+)\.(\d+)$/;

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
  const m = FRACTION.exec(s);
  if (m && m[2].length <= 20 && m[1].length + m[2].length <= 15) {
    w.u8(1 + m[2].length);
    w.varint(Number(m[1] + m[2]));
    return;
  }
  w.u8(255);
  w.str(s);
}

export function readNumber(r: ByteReader): number | null {
  const tag = r.u8();
  if (tag === 0) return null;
  if (tag === 1) return r.varint();
  if (tag === 255) return Number(r.str());
  const places = tag - 1;
  const digits = String(r.varint()).padStart(places + 1, '0');
  return Number(`${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`);
}

export function skipNumber(r: ByteReader): void {
  const tag = r.u8();
  if (tag === 0) return;
  if (tag === 255) r.skipStr();
  else r.varint();
}
