import type { TranscriptRecord } from '../reference/genes';
import { toAlleleChange } from './alleleChange';
import type { TranscriptSequenceCache } from './codingSequence';
import { hgvsC } from './hgvsC';
import { proteinEffect } from './proteinEffect';
import { ConsequenceTerm, mostSevere, severityRank } from './soTerms';
import { layoutOf } from './transcriptLayout';

/** Distance for upstream/downstream_gene_variant, as VEP's default. */
export const FLANK_BP = 5000;

export interface TranscriptConsequence {
  transcript: string;
  gene: string;
  terms: ConsequenceTerm[];
  consequence: ConsequenceTerm;
  /** "exon 3/10" or "intron 2/9" in transcript order, when inside the transcript. */
  location: string | null;
  maneSelect: boolean;
  canonical: boolean;
  /** HGVS c./n. with the transcript accession, null where the model and sequence cannot fix it. */
  hgvsC: string | null;
  /** HGVS p. as a predicted consequence, `NP_...:p.(Ala331Thr)`; null without sequence or outside the CDS. */
  hgvsP: string | null;
  /** Why sequence-dependent results are missing although a FASTA is present (e.g. an internal stop). */
  sequenceProblem: string | null;
}

/** Terms the structure-only path gives inside the CDS, replaced when codons are known. */
const STRUCTURAL_CDS_TERMS = new Set<ConsequenceTerm>(['frameshift_variant', 'start_lost', 'inframe_insertion', 'inframe_deletion', 'protein_altering_variant', 'coding_sequence_variant']);

/** Affected genomic bases [a, b] (1-based), given trimmed alleles with their VCF padding base. */
export function affectedSpan(pos: number, ref: string, alt: string): { a: number; b: number; kind: 'snv' | 'mnv' | 'ins' | 'del' | 'delins' } {
  if (ref.length === alt.length) return { a: pos, b: pos + ref.length - 1, kind: ref.length === 1 ? 'snv' : 'mnv' };
  if (ref.length === 1 && alt[0] === ref[0]) return { a: pos, b: pos + 1, kind: 'ins' };
  if (alt.length === 1 && alt[0] === ref[0]) return { a: pos + 1, b: pos + ref.length - 1, kind: 'del' };
  return { a: pos, b: pos + ref.length - 1, kind: 'delins' };
}

const overlaps = (a: number, b: number, s: number, e: number): boolean => a <= e && b >= s;

/** A consequence object with every field in one literal (one hidden class; a spread of a base object was slower per call). */
function consequenceOf(tx: TranscriptRecord, terms: ConsequenceTerm[], consequence: ConsequenceTerm, location: string | null, hgvs: string | null): TranscriptConsequence {
  return { transcript: tx.accession, gene: tx.geneSymbol, terms, consequence, location, maneSelect: tx.maneSelect, canonical: tx.canonical, hgvsC: hgvs, hgvsP: null, sequenceProblem: null };
}

/**
 * Consequence of one allele on one transcript from the transcript structure alone (no sequence):
 * splice sites and regions, UTRs, CDS indels (frame from the length change), start codon changes,
 * introns and flanks. Substitutions inside the CDS stay `coding_sequence_variant` until codons are
 * known (VEP uses the same term when it cannot translate). `withHgvsC` false leaves `hgvsC` null
 * for a caller that describes only the transcripts it keeps (it does not change the terms).
 */
export function transcriptConsequence(tx: TranscriptRecord, pos: number, ref: string, alt: string, sequence: TranscriptSequenceCache | null = null, withHgvsC = true): TranscriptConsequence | null {
  const { a, b, kind } = affectedSpan(pos, ref, alt);
  if (b < tx.start1 - FLANK_BP || a > tx.end1 + FLANK_BP) return null;
  const plus = tx.strand === '+';
  if (b < tx.start1 || a > tx.end1) {
    const before = b < tx.start1;
    const term: ConsequenceTerm = before === plus ? 'upstream_gene_variant' : 'downstream_gene_variant';
    return consequenceOf(tx, [term], term, null, null);
  }
  const terms = new Set<ConsequenceTerm>();
  const exons = tx.exons;
  const n = exons.length;
  const ordinal = (i: number): number => (plus ? i + 1 : n - i);
  let location: string | null = null;
  const coding = tx.cdsStart1 !== null && tx.cdsEnd1 !== null;
  const inSpan = kind === 'ins' ? (s: number, e: number) => pos >= s && pos + 1 <= e : (s: number, e: number) => overlaps(a, b, s, e);
  // Exon i and the intron after it can only matter from the last exon starting at or before `a`
  // (every earlier exon and intron ends before a) up to the first exon starting after b.
  for (let i = lastExonStartingBy(exons, a); i < n; i++) {
    const [s, e] = exons[i];
    if (s > b) break;
    if (inSpan(s, e)) {
      location ??= `exon ${ordinal(i)}/${n}`;
      if (!coding) terms.add('non_coding_transcript_exon_variant');
      else {
        const cs = tx.cdsStart1 as number;
        const ce = tx.cdsEnd1 as number;
        if (overlaps(a, b, cs, ce) && (kind !== 'ins' || (pos >= cs && pos + 1 <= ce))) terms.add(codingTerm(tx, a, b, ref, alt, kind));
        if (a < cs) terms.add(plus ? '5_prime_UTR_variant' : '3_prime_UTR_variant');
        if (b > ce) terms.add(plus ? '3_prime_UTR_variant' : '5_prime_UTR_variant');
      }
      // Exonic bases next to an intron (Ensembl splice region: 1-3 bases of exon).
      if (i > 0 && overlaps(a, b, s, s + 2)) terms.add('splice_region_variant');
      if (i < n - 1 && overlaps(a, b, e - 2, e)) terms.add('splice_region_variant');
    }
    if (i < n - 1) {
      const is = e + 1;
      const ie = exons[i + 1][0] - 1;
      if (ie < is || !overlaps(a, b, is, ie) || (kind === 'ins' && (pos < is - 1 || pos > ie))) continue;
      location ??= `intron ${plus ? i + 1 : n - 1 - i}/${n - 1}`;
      // The first two intron bases in transcript order are the donor, the last two the acceptor
      // (SO:0001575, SO:0001574). An insertion changes a site only when it goes between its two
      // bases; one beside the site leaves both bases in place (as Ensembl VEP sees it). NCBI's MC
      // describes a duplication by the duplicated bases, so it calls some of these splice-site
      // variants: bench/lib/mcCategories.ts, ncbi_hgvs_placement.
      const lowSite = kind === 'ins' ? pos === is : overlaps(a, b, is, is + 1);
      const highSite = kind === 'ins' ? pos === ie - 1 : overlaps(a, b, ie - 1, ie);
      if (lowSite) terms.add(plus ? 'splice_donor_variant' : 'splice_acceptor_variant');
      if (highSite) terms.add(plus ? 'splice_acceptor_variant' : 'splice_donor_variant');
      // Intronic splice region: bases 3-8 from either end of the intron.
      if (overlaps(a, b, is + 2, is + 7) || overlaps(a, b, ie - 7, ie - 2)) terms.add('splice_region_variant');
      if (!lowSite && !highSite) terms.add('intron_variant');
    }
  }
  if (terms.size === 0) terms.add(coding ? 'coding_sequence_variant' : 'non_coding_transcript_variant');
  const change = toAlleleChange(pos, ref, alt);
  const out = consequenceOf(tx, [], 'intergenic_variant', location, withHgvsC ? hgvsC(tx, change, sequence) : null);
  if (sequence !== null && coding && [...terms].some((t) => STRUCTURAL_CDS_TERMS.has(t))) {
    const txSeq = sequence.get(tx);
    const effect = txSeq === null ? null : proteinEffect(layoutOf(tx), txSeq, change);
    if (txSeq === null) out.sequenceProblem = 'no reference sequence for this transcript in the FASTA';
    else if (effect?.kind === 'unsupported') out.sequenceProblem = effect.problem;
    else if (effect?.kind === 'change') {
      for (const t of STRUCTURAL_CDS_TERMS) terms.delete(t);
      const pc = effect.change;
      terms.add(pc.term);
      // A stop created by an in-frame indel is also an in-frame indel (VEP reports both).
      if (pc.term === 'stop_gained' && !effect.frameshift && effect.lengthDelta !== 0) terms.add(effect.lengthDelta > 0 ? 'inframe_insertion' : 'inframe_deletion');
      if (pc.term === 'stop_gained' && effect.frameshift) terms.add('frameshift_variant');
      out.hgvsP = tx.proteinAccession ? `${tx.proteinAccession}:p.(${pc.description})` : `p.(${pc.description})`;
    }
  }
  out.terms = [...terms].sort((x, y) => severityRank(x) - severityRank(y));
  out.consequence = mostSevere(out.terms);
  return out;
}

/** Index of the last exon (sorted by start) whose start is at most `a`; 0 when none is. */
function lastExonStartingBy(exons: ReadonlyArray<readonly [number, number]>, a: number): number {
  let lo = 0;
  let hi = exons.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (exons[mid][0] <= a) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function codingTerm(tx: TranscriptRecord, a: number, b: number, ref: string, alt: string, kind: string): ConsequenceTerm {
  const cs = tx.cdsStart1 as number;
  const ce = tx.cdsEnd1 as number;
  const startCodon: [number, number] = tx.strand === '+' ? [cs, cs + 2] : [ce - 2, ce];
  if (kind === 'ins' || kind === 'del' || kind === 'delins') {
    const delta = alt.length - ref.length;
    if (delta % 3 !== 0) return 'frameshift_variant';
    if (overlaps(a, b, startCodon[0], startCodon[1]) && kind !== 'ins') return 'start_lost';
    return delta > 0 ? 'inframe_insertion' : delta < 0 ? 'inframe_deletion' : 'protein_altering_variant';
  }
  // Any substitution inside ATG changes the initiator codon.
  if (overlaps(a, b, startCodon[0], startCodon[1])) return 'start_lost';
  return 'coding_sequence_variant';
}

/** Picks the transcript that represents the variant: MANE Select, then canonical, then most severe. */
export function pickTranscript(list: TranscriptConsequence[]): TranscriptConsequence | null {
  if (list.length === 0) return null;
  const body = list.filter((c) => c.consequence !== 'upstream_gene_variant' && c.consequence !== 'downstream_gene_variant');
  const pool = body.length > 0 ? body : list;
  return [...pool].sort(
    (x, y) =>
      Number(y.maneSelect) - Number(x.maneSelect) ||
      Number(y.canonical) - Number(x.canonical) ||
      severityRank(x.consequence) - severityRank(y.consequence) ||
      (x.transcript < y.transcript ? -1 : x.transcript > y.transcript ? 1 : 0),
  )[0];
}
