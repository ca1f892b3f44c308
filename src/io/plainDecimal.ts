const DOT = 46;

/**
 * buf[s, e) as a number when it is a plain decimal ("99", "14.79": digits with at most one inner
 * dot, 15 digits at most), else undefined for the caller's own fallback. For such text,
 * digits / 10^places is the correctly rounded double, the same as Number() of the text, while
 * both stay exact integers; reading bytes avoids a string per field on the hot path.
 */
export function plainDecimal(buf: Buffer, s: number, e: number): number | undefined {
  if (e <= s || e - s > 15) return undefined;
  let v = 0;
  let scale = 0;
  for (let i = s; i < e; i++) {
    const c = buf[i];
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      if (scale) scale *= 10;
    } else if (c === DOT && !scale && i > s && i + 1 < e) scale = 1;
    else return undefined;
  }
  return scale ? v / scale : v;
}

/**
 * A numeric FORMAT value (DP, GQ, one AD entry) of buf[s, e): plain decimals from bytes, the rest
 * via Number(); null for "." or empty, and for text that is not a finite number.
 */
export function sampleNumber(buf: Buffer, s: number, e: number): number | null {
  if (e <= s) return null;
  const fast = plainDecimal(buf, s, e);
  if (fast !== undefined) return fast;
  const x = Number(buf.toString('latin1', s, e));
  return buf[s] === DOT && e - s === 1 ? null : Number.isFinite(x) ? x : null;
}
