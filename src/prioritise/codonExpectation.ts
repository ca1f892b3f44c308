import { CodonTable, codonTableFor, translateCodon } from '../annotate/translate';

/**
 * Expected deleteriousness of a coding substitution whose codon is unknown.
 *
 * Without a reference FASTA the annotator cannot read the codon around a substitution, so it
 * reports `coding_sequence_variant` (Sequence Ontology SO:0001580) for missense, synonymous and
 * nonsense changes alike. The HGVS c. position still fixes where in its codon the base sits
 * (HGVS: c.N counts coding bases from the A of the ATG, so the codon position is ((N-1) mod 3) + 1)
 * and which base changes to which on the transcript's strand. The genetic code alone then says how
 * likely each outcome is: a change at the second position is never synonymous, a transition at the
 * third position almost always is. Each sense codon carrying the reference base at that position is
 * taken as equally likely (no codon-usage table is assumed), and the deleteriousness is the
 * expectation over them of the consequence defaults (missense, synonymous, stop_gained).
 */

export interface CodonOutcomes {
  /** Codon position of the base, 1-3. */
  position: 1 | 2 | 3;
  /** How many of the candidate reference codons the change leaves synonymous, missense or makes a stop. */
  synonymous: number;
  missense: number;
  stop: number;
}

const BASES = ['A', 'C', 'G', 'T'] as const;
const HGVS_CDS_SNV = /:c\.(\d+)([ACGT])>([ACGT])$/;

/** The substitution named by an HGVS c. string at a plain coding position (no intron offset, no UTR), else null. */
export function codingSubstitution(hgvsC: string | null | undefined): { cdsPos: number; ref: string; alt: string } | null {
  if (!hgvsC) return null;
  const m = HGVS_CDS_SNV.exec(hgvsC);
  if (!m) return null;
  return { cdsPos: Number(m[1]), ref: m[2], alt: m[3] };
}

const cache = new Map<string, CodonOutcomes>();

/** Counts the outcomes of `ref`>`alt` at `position` over every sense codon with `ref` there. */
export function codonOutcomes(position: 1 | 2 | 3, ref: string, alt: string, table: CodonTable): CodonOutcomes {
  const key = `${table}${position}${ref}${alt}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: CodonOutcomes = { position, synonymous: 0, missense: 0, stop: 0 };
  for (const a of BASES)
    for (const b of BASES)
      for (const c of BASES) {
        const codon: string[] = [a, b, c];
        if (codon[position - 1] !== ref) continue;
        const before = translateCodon(codon.join(''), 0, table);
        if (before === '*') continue;
        codon[position - 1] = alt;
        const after = translateCodon(codon.join(''), 0, table);
        if (after === before) out.synonymous++;
        else if (after === '*') out.stop++;
        else out.missense++;
      }
  cache.set(key, out);
  return out;
}

/** Outcomes of the coding substitution in `hgvsC` on a transcript of `chrom`, or null when it is not one. */
export function outcomesOfHgvs(hgvsC: string | null | undefined, chrom: string): CodonOutcomes | null {
  const s = codingSubstitution(hgvsC);
  if (!s || s.cdsPos < 1) return null;
  const position = (((s.cdsPos - 1) % 3) + 1) as 1 | 2 | 3;
  return codonOutcomes(position, s.ref, s.alt, codonTableFor(chrom));
}

/** Expectation of the per-outcome deleteriousness over the candidate codons. */
export function expectedDeleteriousness(o: CodonOutcomes, weights: { synonymous: number; missense: number; stop: number }): number {
  const n = o.synonymous + o.missense + o.stop;
  if (n === 0) return weights.missense;
  return (o.synonymous * weights.synonymous + o.missense * weights.missense + o.stop * weights.stop) / n;
}
