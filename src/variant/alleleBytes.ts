/** Allele checks on the bytes of a VCF line, matching the string rules in ./normalise.ts. */

const ACGTN = new Uint8Array(256);
for (const c of 'ACGTNacgtn') ACGTN[c.charCodeAt(0)] = 1;

/** buf[s, e) is a non-empty run of A, C, G, T, N in either case (a base allele once upper-cased). */
export function isAcgtnBytes(buf: Uint8Array, s: number, e: number): boolean {
  if (e <= s) return false;
  for (let i = s; i < e; i++) if (ACGTN[buf[i]] === 0) return false;
  return true;
}

/**
 * Spanning deletion `*`, missing `.`, symbolic `<DEL>` or breakend `A[chr2:1[` (VCF 4.3 §1.6.1 ALT,
 * §5.4). A one-byte allele is one of these only as `*` or `.`.
 */
export function isSymbolicBytes(buf: Uint8Array, s: number, e: number): boolean {
  if (e - s === 1) return buf[s] === 42 /* * */ || buf[s] === 46; /* . */
  if (e > s && buf[s] === 60 /* < */) return true;
  for (let i = s; i < e; i++) if (buf[i] === 91 /* [ */ || buf[i] === 93 /* ] */) return true;
  return false;
}

/** Latin-1 text of buf[s, e) upper-cased, for the rare allele that needs string work (left-alignment). */
export function upperText(buf: Uint8Array, s: number, e: number): string {
  let out = '';
  for (let i = s; i < e; i++) out += String.fromCharCode(buf[i] & 0xdf);
  return out;
}
