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

/**
 * Left-aligns an indel against the reference (Tan et al. 2015, Bioinformatics 31:2202; the rule
 * `bcftools norm -f` applies): while both alleles end in the same base, drop it; when an allele
 * becomes empty, extend both one base to the left from the reference. Then trim the shared prefix,
 * keeping the padding base. `baseAt(pos1)` returns the reference base, or null where it is unknown
 * (the variant is then left as it is). Substitutions are returned unchanged.
 */
export function leftAlign(pos1: number, ref: string, alt: string, baseAt: (pos1: number) => string | null): { pos: number; ref: string; alt: string } {
  if (ref.length === alt.length) return { pos: pos1, ref, alt };
  let p = pos1;
  let r = ref;
  let a = alt;
  for (;;) {
    let changed = false;
    if (r.length > 0 && a.length > 0 && r[r.length - 1] === a[a.length - 1]) {
      r = r.slice(0, -1);
      a = a.slice(0, -1);
      changed = true;
    }
    if (r.length === 0 || a.length === 0) {
      if (p <= 1) return { pos: pos1, ref, alt };
      const b = baseAt(p - 1);
      if (b === null || !/^[ACGT]$/.test(b)) return { pos: pos1, ref, alt };
      p--;
      r = b + r;
      a = b + a;
      changed = true;
    }
    if (!changed) break;
  }
  while (r.length > 1 && a.length > 1 && r[0] === a[0]) {
    r = r.slice(1);
    a = a.slice(1);
    p++;
  }
  return { pos: p, ref: r, alt: a };
}
