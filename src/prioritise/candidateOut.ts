import type { HpoOntology } from '../reference/hpoOntology';
import type { HpoId } from '../reference/hpoTypes';
import type { GeneVariant, GenotypeFit } from './genotypeFit';
import type { TermEvidence } from './phenotypeLikelihood';
import type { SegregationCheck } from './segregationFit';
import type { Candidate, CandidateVariant, TermMatchOut } from './types';

/** results.json shapes of a candidate's parts (docs/results-schema.md). */
export function termOut(ontology: HpoOntology, t: TermEvidence): TermMatchOut {
  return {
    patient_term: t.patientTerm,
    patient_label: ontology.label(t.patientTerm),
    excluded: t.excluded,
    gene_term: t.diseaseTerm as string,
    gene_label: ontology.label(t.diseaseTerm as HpoId),
    common_ancestor: t.commonAncestor,
    common_ancestor_label: ontology.label(t.commonAncestor),
    ic: round(t.icNats),
    frequency: round(t.frequency),
    lr: round(t.lr),
  };
}

/** Each reported variant with the family's genotypes, and the verdict of each mode tried. */
export function familyOutput(fit: GenotypeFit, segregation: SegregationCheck): Pick<Candidate, 'variants' | 'segregation'> {
  return { variants: fit.used.map((g) => ({ ...toCandidateVariant(g), family: segregation.familyTable(g.v) })), segregation: fit.verdicts ?? [] };
}

export function toCandidateVariant(g: GeneVariant): CandidateVariant {
  const { v } = g;
  return {
    chrom: v.chrom,
    pos: v.pos,
    ref: v.ref,
    alt: v.alt,
    id: v.id,
    zygosity: v.zygosity,
    consequence: g.consequence,
    transcript: g.transcript,
    location: g.location,
    hgvs_c: g.hgvsC,
    hgvs_p: g.hgvsP,
    gnomad: v.gnomad ? { af: v.gnomad.af, ac: v.gnomad.ac, an: v.gnomad.an, nhomalt: v.gnomad.nhomalt, grpmax_af: v.gnomad.grpmaxAf, grpmax: v.gnomad.grpmax } : null,
    clinvar: v.clinvar ? { id: v.clinvar.id, significance: v.clinvar.significance, stars: v.clinvar.stars, conditions: v.clinvar.conditions, review_status: v.clinvar.reviewStatus } : null,
    score: round(g.evidence.score),
    reasons: g.evidence.reasons,
    ...(v.call ? { call: { gt: v.call.gt, dp: v.call.dp, gq: v.call.gq, ad: v.call.ad } } : {}),
    ...(v.plugins ? { annotations: v.plugins.annotations, plugin_scores: v.plugins.scores } : {}),
  };
}

/** Six decimals, as results.json writes scores. */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
