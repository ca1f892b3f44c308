import type { ByteReader, ByteWriter } from './bytes';

/**
 * Exact, compact numbers for the warm tier. A number is written as the decimal its shortest
 * JavaScript string shows (which round-trips exactly): a tag, then the digits as one varint.
 * tag 0: null; 1: non-negative integer; 2..61: digits × 10^-(tag - 1), which covers fractions in
 * both of JavaScript's forms (0.000123 and 5.51166e-7, the form gnomAD's rarest AFs take);
 * 255: the string itself (negative, large exponent or more than 15 digits).
 */
const MAX_PLACES = 60;
const MAX_DIGITS = 15;
const ZERO = 48;
const NINE = 57;
const DOT = 46;

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
  const places = decimalPlaces(s);
  if (places >= 1 && places <= MAX_PLACES) {
    const digits = decimalDigits(s);
    if (digits >= 0) {
      // digits×10^-places is the very decimal s spells; parsing is correctly rounded, so it gives n back.
      w.u8(1 + places);
      w.varint(digits);
      return;
    }
  }
  w.u8(255);
  w.str(s);
}

/**
 * Places of `s` read as digits[.digits][e-digits] (the forms JavaScript prints a non-negative
 * fraction in): fraction digits plus the negative exponent; -1 for any other form. A scan, not a
 * regular expression: QUAL and the gnomAD frequencies come through here for every allele.
 */
function decimalPlaces(s: string): number {
  let i = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  if (i === 0) return -1;
  let frac = 0;
  if (i < s.length && s.charCodeAt(i) === DOT) {
    const from = ++i;
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
    if (i === from) return -1;
    frac = i - from;
  }
  if (i === s.length) return frac;
  if (s.charCodeAt(i) !== 101 /* e */ || s.charCodeAt(i + 1) !== 45 /* - */) return -1;
  const from = (i += 2);
  let exp = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) exp = exp * 10 + (s.charCodeAt(i++) - ZERO);
  return i === from || i !== s.length ? -1 : frac + exp;
}

/** The digits of `s` (already checked by decimalPlaces) before any exponent, leading zeros dropped, as one number; -1 if more than 15 of them. */
function decimalDigits(s: string): number {
  let value = 0;
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === DOT) continue;
    if (!isDigit(ch)) break;
    if (count === 0 && ch === ZERO) continue;
    if (++count > MAX_DIGITS) return -1;
    value = value * 10 + (ch - ZERO);
  }
  return value;
}

function isDigit(ch: number): boolean {
  return ch >= ZERO && ch <= NINE;
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
