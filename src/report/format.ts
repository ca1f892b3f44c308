import type { CandidateVariant } from '../prioritise/types';
import type { Results } from './results';

/**
 * Short, consistent wording of variant facts for the report. Pure string helpers: escaping happens
 * where the strings are interpolated into markup (escape.ts).
 */

export type ReferenceSource = Results['reference']['sources'][number];

/** Alleles longer than this are shortened on screen; results.json keeps them whole. */
const MAX_ALLELE_CHARS = 12;

function shortAllele(allele: string): string {
  return allele.length <= MAX_ALLELE_CHARS ? allele : `${allele.slice(0, MAX_ALLELE_CHARS - 2)}…(${allele.length} bp)`;
}

/** `chr12:49025149 TC>T`: 1-based VCF position with the bundle's contig name. */
export function locusLabel(v: Pick<CandidateVariant, 'chrom' | 'pos' | 'ref' | 'alt'>): string {
  return `${v.chrom}:${v.pos} ${shortAllele(v.ref)}>${shortAllele(v.alt)}`;
}

/** HGVS c. (and p. in parentheses) on the transcript when computed, else null. */
export function hgvsLabel(v: Pick<CandidateVariant, 'transcript' | 'hgvs_c' | 'hgvs_p'>): string | null {
  if (!v.hgvs_c) return null;
  const c = v.hgvs_c.includes(':') ? v.hgvs_c : `${v.transcript}:${v.hgvs_c}`;
  return v.hgvs_p ? `${c} (${v.hgvs_p})` : c;
}

/** Sequence Ontology term as words: `frameshift_variant` to `frameshift variant`. */
export function consequenceLabel(term: string): string {
  return term.replace(/_/g, ' ');
}

/** ClinVar gold stars out of 4 (ClinVar review status). */
export function starsLabel(stars: number): string {
  const n = Math.max(0, Math.min(4, Math.round(stars)));
  return '★'.repeat(n) + '☆'.repeat(4 - n);
}

export function significanceLabel(significance: string): string {
  return significance.replace(/_/g, ' ');
}

/** Allele frequency with enough digits to tell rare from very rare. */
export function afLabel(af: number): string {
  if (af === 0) return '0';
  return af < 0.001 ? af.toExponential(2) : af.toFixed(4);
}

export function scoreLabel(score: number): string {
  return score.toFixed(3);
}

export function zygosityLabel(z: string): string {
  switch (z) {
    case 'het':
      return 'heterozygous';
    case 'hom':
      return 'homozygous';
    case 'hemi':
      return 'hemizygous';
    default:
      return 'zygosity unknown';
  }
}

/** Display name of a bundle source: its kind as the field names it, and its version. */
const SOURCE_NAMES: Record<string, string> = { clinvar: 'ClinVar', gnomad: 'gnomAD', genes: 'gene models', hpo: 'HPO', fasta: 'reference sequence' };

export function sourceName(kind: string): string {
  return SOURCE_NAMES[kind] ?? kind;
}

/** `ClinVar demo`: which release of a bundle source a fact comes from, or the kind alone if the bundle lacks it. */
export function sourceCitation(sources: ReferenceSource[], kind: string): string {
  const s = sources.find((x) => x.kind === kind);
  return s ? `${sourceName(kind)} ${s.version}` : `${sourceName(kind)} (not in bundle)`;
}

/** Thousands separators without locale dependence, so output is the same on every machine. */
/** Thousands separators; "n/a" when the source did not give the count (e.g. AF-only gnomAD releases). */
export function countLabel(n: number | null): string {
  if (n === null) return 'n/a';
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
