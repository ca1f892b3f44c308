import type { AnnotatedVariant } from '../annotate/types';
import { severityRank } from '../annotate/soTerms';
import { populationAf } from '../prioritise/variantScore';
import type { Candidate } from '../prioritise/types';
import { significanceClass } from '../reference/clinvarSignificance';
import type { CandidateDetail, ReportableReason, StoredVariant } from './types';

/** `chrom:pos:ref:alt`, as DESIGN.md §3 keys variants. */
export function alleleKey(chrom: string, pos1: number, ref: string, alt: string): string {
  return `${chrom}:${pos1}:${ref}:${alt}`;
}

// In its own module so that readers (hot.ts) do not load what reportableReasons needs.
export { end1Of } from './span';

const PROTEIN_ALTERING_LIMIT = severityRank('protein_altering_variant');

/** Ranking detail per variant key, from the candidates list. */
export function candidateDetails(candidates: Candidate[]): Map<string, CandidateDetail[]> {
  const out = new Map<string, CandidateDetail[]>();
  for (const c of candidates) {
    for (const v of c.variants) {
      const key = alleleKey(v.chrom, v.pos, v.ref, v.alt);
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push({ rank: c.rank, gene: c.gene.symbol, gene_score: c.score, variant_score: v.score, transcript: v.transcript, hgvs_c: v.hgvs_c, hgvs_p: v.hgvs_p, reasons: v.reasons });
    }
  }
  return out;
}

/**
 * Reportable = in a candidate gene, or ClinVar pathogenic/likely pathogenic (any review status),
 * or rare (population AF at most the run's --max-af) with a protein-altering consequence
 * (VEP's order down to protein_altering_variant, splice donor/acceptor included).
 */
export function reportableReasons(v: Pick<AnnotatedVariant, 'clinvar' | 'gnomad'> & { consequence: string }, maxAf: number, isCandidate: boolean): ReportableReason[] {
  const out: ReportableReason[] = [];
  if (isCandidate) out.push('candidate');
  if (v.clinvar && significanceClass(v.clinvar.significance) === 'pathogenic') out.push('clinvar_pathogenic');
  if (severityRank(v.consequence) <= PROTEIN_ALTERING_LIMIT && populationAf(v) <= maxAf) out.push('rare_protein_altering');
  return out;
}

/** The stored form of a variant; empty locations become null so every tier can represent them. */
export function toStored(v: AnnotatedVariant, row: number, candidateRank: number | null, reportable: ReportableReason[]): StoredVariant {
  return {
    row,
    chrom: v.chrom,
    pos1: v.pos,
    ref: v.ref,
    alt: v.alt,
    id: v.id || '.',
    filter: v.filter || '.',
    qual: v.qual,
    zygosity: v.zygosity,
    line: v.line,
    consequence: v.consequence,
    genes: v.genes.map((g) => ({ gene: g.gene, transcript: g.transcript, consequence: g.consequence, terms: [...g.terms], location: g.location || null, maneSelect: g.maneSelect })),
    gnomad: v.gnomad ? { ...v.gnomad } : null,
    clinvar: v.clinvar ? { ...v.clinvar, conditions: [...v.clinvar.conditions] } : null,
    candidateRank,
    reportable,
    call: v.call ? { gt: v.call.gt, dp: v.call.dp, gq: v.call.gq, ad: v.call.ad ? [v.call.ad[0], v.call.ad[1]] : null } : null,
  };
}
