/**
 * An allele as the genomic change it makes: bases [start1, end1] (1-based, closed) replaced by
 * `alt`. A pure insertion has end1 = start1 - 1 and sits between end1 and start1; a pure deletion
 * has alt "". Shared prefix and suffix of the VCF alleles (the VCF 4.3 §1.6.1 padding base) are
 * removed, suffix first so that the position stays the VCF one for left-aligned input.
 */
export interface AlleleChange {
  start1: number;
  end1: number;
  alt: string;
  /** Deleted reference bases, as the VCF REF gives them. */
  ref: string;
}

export function toAlleleChange(pos1: number, ref: string, alt: string): AlleleChange {
  let r = ref.length;
  let a = alt.length;
  while (r > 0 && a > 0 && ref.charCodeAt(r - 1) === alt.charCodeAt(a - 1)) {
    r--;
    a--;
  }
  let p = 0;
  while (p < r && p < a && ref.charCodeAt(p) === alt.charCodeAt(p)) p++;
  return { start1: pos1 + p, end1: pos1 + r - 1, alt: alt.slice(p, a), ref: ref.slice(p, r) };
}

export type ChangeKind = 'substitution' | 'deletion' | 'insertion' | 'delins' | 'none';

export function changeKind(c: AlleleChange): ChangeKind {
  const delLen = c.end1 - c.start1 + 1;
  if (delLen === 0) return c.alt.length === 0 ? 'none' : 'insertion';
  if (c.alt.length === 0) return 'deletion';
  return delLen === 1 && c.alt.length === 1 ? 'substitution' : 'delins';
}
