import { affectedSpan, transcriptConsequence } from '../../src/annotate/consequence';
import type { TranscriptRecord } from '../../src/reference/genes';

/**
 * Why our most severe term on the MANE Select transcript is not among a ClinVar record's MC terms
 * (bench/consequence.ts). One category per record, tried in this order:
 *
 * 1. model_version: the refGene 2017 model's span differs from MANE v1.0's (MANE summary) and the
 *    variant lies in the differing part: the older model, not the annotation, decides. Reported
 *    apart, never as agreement or disagreement.
 * 2. mc_not_on_mane: the variant lies outside the MANE v1.0 transcript (and outside our model), yet MC
 *    names a term inside a transcript: NCBI's MC describes another transcript. Reported apart.
 * 3. needs_sequence: our structure-only term is a CDS term whose codon-level refinement MC gives
 *    (missense, synonymous, nonsense, stop lost, start lost; a frame shift or in-frame indel that NCBI
 *    calls nonsense): it cannot be checked without the genome. Counted apart, as the issue asks.
 * Everything else is compared and, when it disagrees, counted against agreement, with an explanation
 * where one is found:
 * 4. ncbi_hgvs_placement: our own code, run on the indel where NCBI places it, gives MC's term.
 *    CLNHGVS applies the HGVS 3' rule on g. (the highest equivalent position) and writes a copy of
 *    adjacent bases as their duplication; NCBI's MC then describes the shifted position or the
 *    duplicated bases. We annotate the VCF's left-aligned position as an insertion point, as Ensembl
 *    VEP does without --shift_3prime; at an exon/intron boundary the two fall on different sides.
 *    A representation difference, still counted against us.
 * 5. mc_on_other_transcript: another refGene transcript of the gene gives MC's term, MANE does not.
 * 6. mc_lacks_coding_term: we place an indel in the MANE CDS (frame shift or in-frame) by position,
 *    and MC names no coding or splice-site term at all, only intron/UTR ones (mostly records created
 *    since 2024, ALLELEID above 3,000,000): MC does not describe the MANE coding exon there.
 * 7. unexplained.
 */
export type McCategory = 'model_version' | 'mc_not_on_mane' | 'needs_sequence' | 'ncbi_hgvs_placement' | 'mc_lacks_coding_term' | 'mc_on_other_transcript' | 'unexplained';

export interface McRecord {
  pos: number;
  ref: string;
  alt: string;
  /** MC terms mapped to our names, ignoring non-coding_transcript_variant and the like. */
  mc: Set<string>;
  /** Our most severe term on the MANE model, splice_region_variant set aside. */
  ours: string;
  /** The same indel where NCBI places it (clnhgvsAllele), when CLNHGVS says. */
  ncbiPlacement: NcbiPlacement | null;
}

/** VCF-style alleles of NCBI's placement; for a duplication also the duplicated bases [a, b] (1-based). */
export interface NcbiPlacement {
  pos: number;
  ref: string;
  alt: string;
  duplicated?: [number, number];
}

/** Terms only codons decide, and the structure-only terms they refine. */
const CODON_TERMS = new Set(['missense_variant', 'synonymous_variant', 'stop_gained', 'stop_lost', 'start_lost', 'stop_retained_variant', 'start_retained_variant']);
const CDS_INDEL = new Set(['frameshift_variant', 'inframe_insertion', 'inframe_deletion', 'protein_altering_variant']);
/** Terms that place a variant in a CDS (or on its splice sites). */
const CODING_TERMS = new Set([...CODON_TERMS, ...CDS_INDEL, 'coding_sequence_variant', 'splice_donor_variant', 'splice_acceptor_variant']);
const CDS_STRUCTURAL = new Set(['coding_sequence_variant', 'frameshift_variant', 'inframe_insertion', 'inframe_deletion', 'protein_altering_variant']);

const inSpan = (a: number, b: number, s: number, e: number): boolean => a <= e && b >= s;

/** Whether the variant's affected bases lie where exactly one of the two spans reaches. */
export function inDifferingPart(r: Pick<McRecord, 'pos' | 'ref' | 'alt'>, model: [number, number], mane: [number, number]): boolean {
  const { a, b } = affectedSpan(r.pos, r.ref, r.alt);
  const parts: Array<[number, number]> = [
    [Math.min(model[0], mane[0]), Math.max(model[0], mane[0]) - 1],
    [Math.min(model[1], mane[1]) + 1, Math.max(model[1], mane[1])],
  ];
  return parts.some(([s, e]) => e >= s && inSpan(a, b, s, e));
}

export function categorise(r: McRecord, mane: TranscriptRecord, maneSpan: [number, number], otherTranscripts: TranscriptRecord[]): McCategory {
  const model: [number, number] = [mane.start1, mane.end1];
  if (inDifferingPart(r, model, maneSpan)) return 'model_version';
  const { a, b } = affectedSpan(r.pos, r.ref, r.alt);
  if (!inSpan(a, b, maneSpan[0], maneSpan[1]) && !inSpan(a, b, model[0], model[1])) return 'mc_not_on_mane';
  if (CDS_STRUCTURAL.has(r.ours) && [...r.mc].some((t) => CODON_TERMS.has(t))) return 'needs_sequence';
  if (r.ncbiPlacement && ncbiPlacementExplains(r, r.ncbiPlacement, mane)) return 'ncbi_hgvs_placement';
  if (otherTranscripts.some((t) => t.accession !== mane.accession && (transcriptConsequence(t, r.pos, r.ref, r.alt)?.terms ?? []).some((x) => r.mc.has(x)))) return 'mc_on_other_transcript';
  if (CDS_INDEL.has(r.ours) && ![...r.mc].some((t) => CODING_TERMS.has(t))) return 'mc_lacks_coding_term';
  return 'unexplained';
}

/**
 * NCBI's own placement of an indel: ClinVar's CLNHGVS is the genomic HGVS, shifted to the highest
 * position (HGVS 3' rule on g.), while the VCF holds the lowest (left-aligned). Returned as
 * VCF-style alleles (padding base included) of the right lengths; bases are placeholders, which is
 * enough for structure-only consequences. null for substitutions, repeat notation (`AAG[1]`: needs
 * the reference copy number) and anything else.
 */
export function clnhgvsAllele(clnhgvs: string): NcbiPlacement | null {
  const m = /:g\.(\d+)(?:_(\d+))?(del|dup|ins|delins)([ACGTN]*)$/.exec(clnhgvs);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  const n = (k: number): string => 'N'.repeat(k);
  switch (m[3]) {
    case 'del':
      return { pos: a - 1, ref: n(b - a + 2), alt: 'N' };
    case 'dup': // the copy follows the duplicated bases a..b
      return { pos: b, ref: 'N', alt: n(b - a + 2), duplicated: [a, b] };
    case 'ins': // between a and b = a + 1
      return m[4] ? { pos: a, ref: 'N', alt: 'N' + n(m[4].length) } : null;
    default:
      return m[4] ? { pos: a, ref: n(b - a + 1), alt: 'A'.repeat(m[4].length) } : null;
  }
}

function ncbiPlacementExplains(r: McRecord, p: NcbiPlacement, tx: TranscriptRecord): boolean {
  const hits = (pos: number, ref: string, alt: string): boolean => (transcriptConsequence(tx, pos, ref, alt)?.terms ?? []).some((t) => r.mc.has(t));
  if (p.pos !== r.pos && hits(p.pos, p.ref, p.alt)) return true;
  if (!p.duplicated) return false;
  // The duplicated bases, as if changed in place (what a per-interval annotator sees). On the minus
  // strand the c. 3' rule runs down the genome, so NCBI's c. duplicates the copy that starts right
  // after the VCF's (left-aligned) insertion point rather than the one CLNHGVS (g.) names.
  const n = p.duplicated[1] - p.duplicated[0] + 1;
  const starts = tx.strand === '-' ? [p.duplicated[0], r.pos + 1] : [p.duplicated[0]];
  return starts.some((start) => hits(start, 'N'.repeat(n), 'A'.repeat(n)));
}
