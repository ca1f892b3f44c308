/**
 * Allele trimming to the minimal representation (Tan et al. 2015, "Unified representation of
 * genetic variants"): drop the shared suffix, then the shared prefix, keeping at least one base
 * on each side (VCF 4.3 §1.6.1: an indel carries its padding base). Left-alignment needs the
 * reference sequence and is done elsewhere when a FASTA is given.
 */
export function trimAlleles(pos1: number, ref: string, alt: string): { pos: number; ref: string; alt: string } {
  let r = ref;
  let a = alt;
  while (r.length > 1 && a.length > 1 && r[r.length - 1] === a[a.length - 1]) {
    r = r.slice(0, -1);
    a = a.slice(0, -1);
  }
  let p = pos1;
  while (r.length > 1 && a.length > 1 && r[0] === a[0]) {
    r = r.slice(1);
    a = a.slice(1);
    p++;
  }
  return { pos: p, ref: r, alt: a };
}

/** Symbolic (`<DEL>`), breakend (`A[chr2:1[`), spanning deletion (`*`) and missing (`.`) ALT alleles. */
export function isSymbolicAllele(alt: string): boolean {
  return alt === '*' || alt === '.' || alt.startsWith('<') || alt.includes('[') || alt.includes(']');
}
