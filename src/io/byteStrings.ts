/** Strings for short byte ranges of VCF text, without an allocation per record. */

/** One-character strings by byte. */
const BY_BYTE: string[] = Array.from({ length: 256 }, (_, i) => String.fromCharCode(i));

/** Strings of 2 to 4 ASCII bytes, keyed by their bytes packed in one small integer. */
const SHORT_TEXT = new Map<number, string>();
const SHORT_TEXT_MAX = 1 << 14;

/**
 * buf[s, e) as one small integer when it is 1 to 4 ASCII bytes (length and bytes packed, base 128),
 * else -1: a cache key for short repeated texts (alleles, GT) that needs no decoding.
 */
export function packedAscii(buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len < 1 || len > 4) return -1;
  let key = len;
  for (let i = s; i < e; i++) {
    const c = buf[i];
    if (c >= 128) return -1;
    key = key * 128 + c;
  }
  return key;
}

/**
 * Latin-1 text of buf[s, e) for the short, repetitive fields of VCF records (REF, ALT, GT): one byte
 * from a table, two to four ASCII bytes from a cache, so single-base alleles (nine in ten records),
 * short indels and genotypes neither allocate nor call into native code. Longer text is decoded.
 */
export function shortText(buf: Buffer, s: number, e: number): string {
  const len = e - s;
  if (len === 1) return BY_BYTE[buf[s]];
  const key = packedAscii(buf, s, e);
  if (key >= 0) {
    let a = SHORT_TEXT.get(key);
    if (a === undefined) {
      a = buf.toString('latin1', s, e);
      if (SHORT_TEXT.size < SHORT_TEXT_MAX) SHORT_TEXT.set(key, a);
    }
    return a;
  }
  return buf.toString('latin1', s, e);
}
