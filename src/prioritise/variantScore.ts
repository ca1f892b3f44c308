import type { AnnotatedVariant } from '../annotate/types';
import { callConfidence, CallConfidence, GERMLINE_PRIOR } from './callConfidence';
import { clinvarEvidence, ClinvarEvidence, clinvarReason } from './clinvarEvidence';
import { mappingQualityPosterior } from './mappingQuality';
import { expectedDeleteriousness, outcomesOfHgvs } from './codonExpectation';

/**
 * Variant-level evidence in [0, 1]: rarity times predicted deleteriousness, the product used by
 * Exomiser (Smedley et al. 2015, Nat Protoc 10:2004) with its published frequency curve.
 */

/** Population AF used for filtering and scoring: gnomAD group-max where given, else overall AF. */
export function populationAf(v: Pick<AnnotatedVariant, 'gnomad'>): number {
  if (!v.gnomad) return 0;
  return Math.max(v.gnomad.af, v.gnomad.grpmaxAf ?? 0);
}

/**
 * Frequency score: 1 for an allele absent from the population, falling with the AF in percent as
 * 1.13533 - 0.13533 * e^(AF%), and 0 above 2 %.
 */
export function frequencyScore(af: number): number {
  if (af <= 0) return 1;
  const pct = af * 100;
  if (pct > 2) return 0;
  return Math.max(0, Math.min(1, 1.13533 - 0.13533 * Math.exp(pct)));
}

/** Default deleteriousness per consequence when no variant-level predictor is available. */
const CONSEQUENCE_PATHOGENICITY: Record<string, number> = {
  transcript_ablation: 1,
  splice_acceptor_variant: 0.95,
  splice_donor_variant: 0.95,
  stop_gained: 0.95,
  frameshift_variant: 0.95,
  stop_lost: 0.9,
  start_lost: 0.9,
  inframe_insertion: 0.6,
  inframe_deletion: 0.6,
  missense_variant: 0.6,
  protein_altering_variant: 0.6,
  coding_sequence_variant: 0.6,
  splice_region_variant: 0.4,
  start_retained_variant: 0.2,
  stop_retained_variant: 0.2,
  synonymous_variant: 0.1,
  '5_prime_UTR_variant': 0.2,
  '3_prime_UTR_variant': 0.1,
  non_coding_transcript_exon_variant: 0.15,
  intron_variant: 0.05,
  non_coding_transcript_variant: 0.05,
  upstream_gene_variant: 0.05,
  downstream_gene_variant: 0.05,
  intergenic_variant: 0,
};

export interface VariantEvidence {
  score: number;
  frequency: number;
  pathogenicity: number;
  /** Probability that the proband's call is a true germline genotype (callConfidence.ts); 1 without FORMAT data. */
  callConfidence: number;
  reasons: string[];
}

export interface ScoreOptions {
  /** Take the site's INFO/MQ into the call confidence (the run's MQ fits the model: mappingQuality.ts mappingQualityUse). */
  mappingQuality?: boolean;
}

/** The defaults of the three outcomes a coding substitution can have, for codonExpectation.ts. */
const CODON_OUTCOME_WEIGHTS = {
  synonymous: CONSEQUENCE_PATHOGENICITY.synonymous_variant,
  missense: CONSEQUENCE_PATHOGENICITY.missense_variant,
  stop: CONSEQUENCE_PATHOGENICITY.stop_gained,
};

export function consequencePathogenicity(consequence: string): number {
  return CONSEQUENCE_PATHOGENICITY[consequence] ?? 0.05;
}

/** The consequence of a variant on one gene that scoring reads (a GeneConsequence has these fields). */
export interface ScoredConsequence {
  consequence: string;
  /** All the Sequence Ontology terms on that transcript (default: just `consequence`). */
  terms?: readonly string[];
  /** HGVS c. on that transcript, when known: places a substitution in its codon. */
  hgvsC?: string | null;
}

/** What a variant's score is made of, before any reason is written. */
interface EvidenceParts {
  af: number;
  frequency: number;
  /** The term whose deleteriousness counts, and that deleteriousness (before a plugin or ClinVar replaces it). */
  worst: string;
  termValue: number;
  codon: ReturnType<typeof outcomesOfHgvs>;
  pathogenicity: number;
  clinvar: ClinvarEvidence | null;
  call: CallConfidence;
}

function evidenceParts(v: AnnotatedVariant, gc: ScoredConsequence, opts: ScoreOptions): EvidenceParts {
  const { consequence } = gc;
  const terms = gc.terms ?? [consequence];
  const af = populationAf(v);
  const codon = terms.includes('coding_sequence_variant') ? outcomesOfHgvs(gc.hgvsC, v.chrom) : null;
  const termScore = (t: string): number =>
    t === 'coding_sequence_variant' && codon ? expectedDeleteriousness(codon, CODON_OUTCOME_WEIGHTS) : consequencePathogenicity(t);
  let worst = consequence;
  for (const t of terms) if (termScore(t) > termScore(worst)) worst = t;
  const termValue = termScore(worst);
  let pathogenicity = termValue;
  // A score plugin's variant-level predictor (REVEL, CADD...) replaces the consequence default (README "Extending vartriage").
  const byPlugin = v.plugins?.deleteriousness;
  if (byPlugin) pathogenicity = byPlugin.value;
  // A classification of the variant itself in ClinVar overrides both: pathogenic sets 1, benign
  // caps it near 0, each as reliable as ClinVar's later reclassification shows (clinvarEvidence.ts).
  const clinvar = clinvarEvidence(v.clinvar);
  if (clinvar) pathogenicity = clinvar.kind === 'pathogenic' ? 1 : Math.min(pathogenicity, clinvar.deleteriousness);
  const call = callConfidence(v.call, v.zygosity, opts.mappingQuality === true ? (v.mappingQuality ?? null) : null);
  return { af, frequency: frequencyScore(af), worst, termValue, codon, pathogenicity, clinvar, call };
}

/**
 * The scores scoreVariant gives without and with the site's MQ (ScoreOptions.mappingQuality), without
 * their reasons: the shortlist scores every passing variant both ways. The MQ posterior is the last
 * factor callConfidence multiplies in, so `withMq` is the same number scoreVariant gives.
 */
export function variantScores(v: AnnotatedVariant, gc: ScoredConsequence): { plain: number; withMq: number } {
  const p = evidenceParts(v, gc, {});
  const plain = p.frequency * p.pathogenicity * p.call.factor;
  if (v.mappingQuality === undefined) return { plain, withMq: plain };
  return { plain, withMq: p.frequency * p.pathogenicity * (p.call.factor * mappingQualityPosterior(v.mappingQuality, GERMLINE_PRIOR)) };
}

/**
 * Scores one variant for one gene's consequence. `terms` are all the Sequence Ontology terms of the
 * variant on that transcript: the most severe term by SO/VEP order is not always the most
 * deleterious (a coding change of unknown effect, `coding_sequence_variant`, ranks below
 * `splice_region_variant` in that order but can be missense or nonsense), so the deleteriousness
 * is the highest over the terms, as Exomiser takes the most pathogenic effect. A substitution
 * whose codon could not be read (no FASTA) counts as the expectation over the codons its HGVS c.
 * position allows (codonExpectation.ts), not as a certain missense.
 */
export function scoreVariant(v: AnnotatedVariant, gc: ScoredConsequence, opts: ScoreOptions = {}): VariantEvidence {
  const p = evidenceParts(v, gc, opts);
  const { consequence } = gc;
  const { worst, codon, frequency, call } = p;
  const reasons: string[] = [];
  reasons.push(v.gnomad ? `gnomAD AF ${formatAf(p.af)} gives frequency score ${frequency.toFixed(3)}` : 'absent from gnomAD: frequency score 1');
  if (worst === 'coding_sequence_variant' && codon) {
    const n = codon.synonymous + codon.missense + codon.stop;
    reasons.push(
      `${consequence === worst ? worst : `${consequence} and ${worst}`} without the codon's sequence: at codon position ${codon.position} this change is missense in ${codon.missense}, synonymous in ${codon.synonymous} and a stop in ${codon.stop} of ${n} codons, expected deleteriousness ${p.termValue.toFixed(2)}`,
    );
  } else {
    reasons.push(worst === consequence ? `${consequence}: predicted deleteriousness ${p.termValue.toFixed(2)}` : `${consequence} and ${worst}: predicted deleteriousness ${p.termValue.toFixed(2)} (of ${worst})`);
  }
  const byPlugin = v.plugins?.deleteriousness;
  if (byPlugin) reasons.push(`plugin ${byPlugin.by}: deleteriousness ${byPlugin.value.toFixed(2)} replaces the consequence default`);
  if (p.clinvar && v.clinvar) reasons.push(clinvarReason(v.clinvar, p.clinvar));
  if (call.reason) reasons.push(`call ${call.reason}: × ${call.factor.toFixed(3)}`);
  return { score: frequency * p.pathogenicity * call.factor, frequency, pathogenicity: p.pathogenicity, callConfidence: call.factor, reasons };
}

export function formatAf(af: number): string {
  if (af === 0) return '0';
  return af < 0.001 ? af.toExponential(2) : af.toFixed(4);
}
