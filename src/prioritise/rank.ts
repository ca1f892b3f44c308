import type { AnnotatedVariant } from '../annotate/types';
import type { DiseaseInfo, HpoOntology } from '../reference/hpoOntology';
import type { HpoId } from '../reference/hpoTypes';
import { modesFor } from './diseaseModes';
import { MODE_LABELS, ModeName } from './inheritance';
import { PhenotypeLikelihood, TermEvidence } from './phenotypeLikelihood';
import { PhenotypeMatcher } from './resnik';
import type { SegregationVerdict } from './segregation';
import type { SegregationCheck } from './segregationFit';
import type { Candidate, CandidateVariant, TermMatchOut } from './types';
import { scoreVariant, VariantEvidence } from './variantScore';

export interface RankOptions {
  /** How many genes to report. */
  top: number;
  patientTerms: HpoId[];
  /** Terms the patient is known not to have (phenopacket `excluded`). */
  excludedTerms: HpoId[];
  sex: 'male' | 'female' | 'unknown';
  /** NCBI/HGNC id per gene symbol, for the output. */
  geneIds: Map<string, string>;
  /** Family genotypes (--ped): re-scores each mode's fit by segregation in the pedigree (segregationFit.ts). */
  segregation?: SegregationCheck;
}

export interface RankResult {
  candidates: Candidate[];
  genesConsidered: number;
}

interface GeneVariant {
  v: AnnotatedVariant;
  consequence: string;
  transcript: string;
  location: string | null;
  hgvsC: string | null;
  hgvsP: string | null;
  evidence: VariantEvidence;
}

interface GenotypeFit {
  mode: ModeName | null;
  score: number;
  fits: boolean;
  used: GeneVariant[];
  explanation: string;
  /** With --ped: the segregation verdict of each mode tried (the chosen one first). */
  verdicts?: SegregationVerdict[];
}

/** Scores and ranks genes of variants that passed the hard filters: phenotype match times genotype evidence. */
export function rankCandidates(passing: AnnotatedVariant[], ontology: HpoOntology, opts: RankOptions): RankResult {
  const byGene = new Map<string, GeneVariant[]>();
  for (const v of passing) {
    for (const g of v.genes) {
      let list = byGene.get(g.gene);
      if (!list) byGene.set(g.gene, (list = []));
      list.push({ v, consequence: g.consequence, transcript: g.transcript, location: g.location, hgvsC: g.hgvsC ?? null, hgvsP: g.hgvsP ?? null, evidence: scoreVariant(v, g.consequence, g.terms) });
    }
  }
  const matcher = new PhenotypeMatcher(ontology, opts.patientTerms);
  const likelihood = new PhenotypeLikelihood(ontology, opts.patientTerms, opts.excludedTerms);
  const scored: Array<{ c: Candidate; annotated: boolean }> = [];
  for (const [gene, list] of byGene) {
    const diseaseIds = ontology.diseasesByGene.get(gene) ?? [];
    // Each disease of the gene is a hypothesis: phenotype similarity times the genotype fit under its modes.
    const geneDiseases = diseaseIds.map((id) => ontology.diseases.get(id) as DiseaseInfo);
    const hypotheses = geneDiseases.map((d) => {
      const modes = modesFor(d, geneDiseases);
      const fit = genotypeFit(list, modes, opts.sex, opts.segregation);
      const lik = likelihood.score(d);
      const similarity = matcher.matchDisease(d);
      // Excluded terms enter the LR explanation (lik) but not the order: on half A of the dev cases
      // every penalty tried (bounded at 0.3, 0.5 or 0.9, or only for features annotated as very
      // frequent) lowered top-1 (README "How ranking works").
      const phenotype = similarity.symmetricScore;
      return { d, modes, fit, lik, similarity, phenotype, key: phenotype * fit.score };
    });
    hypotheses.sort((a, b) => b.key - a.key || (a.d.id < b.d.id ? -1 : 1));
    const best = hypotheses[0] ?? null;
    const fit = best ? best.fit : novelGeneFit(list, opts.sex, opts.segregation);
    if (fit.score <= 0) continue;
    const score = best ? best.key : 0;
    const allModes = [...new Set(hypotheses.flatMap((h) => h.modes))].sort();
    scored.push({
      annotated: best !== null,
      c: {
        rank: 0,
        score: round(score),
        gene: {
          symbol: gene,
          id: opts.geneIds.get(gene) ?? '',
          diseases: hypotheses.map((h) => ({ id: h.d.id, name: h.d.name, phenotype_score: round(h.phenotype), log10_lr: round(h.lik.log10Lr) })),
          inheritance: allModes.map((m) => MODE_LABELS[m]),
        },
        phenotype: {
          score: best ? round(best.phenotype) : 0,
          log10_lr: best ? round(best.lik.log10Lr) : 0,
          disease: best ? { id: best.d.id, name: best.d.name } : null,
          matches: best ? best.lik.terms.filter((t) => t.diseaseTerm !== null).map((t) => termOut(ontology, t)) : [],
        },
        inheritance: { mode: fit.mode ? MODE_LABELS[fit.mode] : null, fits: fit.fits, explanation: fit.explanation },
        variant_score: round(fit.score),
        log10_evidence: round(Math.log10(Math.max(score, 1e-12))),
        variants: fit.used.map(toCandidateVariant),
        ...(opts.segregation ? familyOutput(fit, opts.segregation) : {}),
      },
    });
  }
  scoreNovelGenes(scored);
  scored.sort(
    (a, b) =>
      b.c.score - a.c.score ||
      b.c.variant_score - a.c.variant_score ||
      (a.c.gene.symbol < b.c.gene.symbol ? -1 : 1),
  );
  const candidates = scored.slice(0, opts.top).map((x, i) => ({ ...x.c, rank: i + 1 }));
  return { candidates, genesConsidered: byGene.size };
}

/**
 * Weight of a gene whose genotype fits none of its modes (one heterozygous variant in a recessive
 * gene): a second hit may have been missed (structural, low coverage), so it is kept but scored down.
 */
const INCOMPATIBLE_GENOTYPE_FACTOR = 0.5;

function termOut(ontology: HpoOntology, t: TermEvidence): TermMatchOut {
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

function byScore(a: GeneVariant, b: GeneVariant): number {
  return b.evidence.score - a.evidence.score || a.v.pos - b.v.pos;
}

/**
 * Checks the genotypes against each mode of inheritance of the gene's diseases and keeps the best
 * fit: one allele for dominant modes, two (homozygous or two heterozygous variants) for recessive,
 * one on X for a male in X-linked recessive.
 */
export function genotypeFit(list: GeneVariant[], modes: ModeName[], sex: RankOptions['sex'], segregation?: SegregationCheck): GenotypeFit {
  const sorted = [...list].sort(byScore);
  const top = sorted[0];
  const options: GenotypeFit[] = [];
  const single = (mode: ModeName | null, why: string): GenotypeFit => ({ mode, score: top.evidence.score, fits: true, used: [top], explanation: why });
  const biallelic = (mode: ModeName): GenotypeFit | null => {
    const hom = sorted.find((g) => g.v.zygosity === 'hom' || g.v.zygosity === 'hemi');
    const hets = sorted.filter((g) => g.v.zygosity === 'het' || g.v.zygosity === 'unknown');
    const homFit: GenotypeFit | null = hom ? { mode, score: hom.evidence.score, fits: true, used: [hom], explanation: `${hom.v.zygosity === 'hemi' ? 'hemizygous' : 'homozygous'} variant fits ${MODE_LABELS[mode]}` } : null;
    const pairFit: GenotypeFit | null =
      hets.length >= 2
        ? { mode, score: (hets[0].evidence.score + hets[1].evidence.score) / 2, fits: true, used: [hets[0], hets[1]], explanation: `two heterozygous variants (possible compound heterozygote, phase unknown) fit ${MODE_LABELS[mode]}` }
        : null;
    const fits = [homFit, pairFit].filter((x): x is GenotypeFit => x !== null).sort((a, b) => b.score - a.score);
    return fits[0] ?? null;
  };
  if (modes.length === 0) options.push(single(null, 'no inheritance mode annotated for this gene: best single variant used'));
  for (const mode of modes) {
    if (mode === 'AD' || mode === 'XD' || mode === 'MT') options.push(single(mode, `one variant fits ${MODE_LABELS[mode]}`));
    else if (mode === 'XR' && sex === 'male' && top.v.chrom.replace(/^chr/, '') === 'X') options.push(single(mode, `one variant on X in a male fits ${MODE_LABELS[mode]}`));
    else {
      const fit = biallelic(mode);
      if (fit) options.push(fit);
    }
  }
  const family = segregation ? withSegregation(options, sorted, segregation) : null;
  if (family) return family;
  options.sort((a, b) => b.score - a.score);
  if (options.length > 0) return options[0];
  // No annotated mode fits (for example a single heterozygous variant in a recessive gene): the
  // gene stays visible, at half its variant score, and says why.
  return { mode: modes[0] ?? null, score: top.evidence.score * INCOMPATIBLE_GENOTYPE_FACTOR, fits: false, used: [top], explanation: `genotype fits none of ${modes.map((m) => MODE_LABELS[m]).join(', ')}: score × ${INCOMPATIBLE_GENOTYPE_FACTOR}` };
}

// ---- family (--ped): segregation as a post-filter of genotypeFit's options (segregationFit.ts) ----

function withSegregation(options: GenotypeFit[], sorted: GeneVariant[], segregation: SegregationCheck): GenotypeFit | null {
  const refined = segregation.refine(options, sorted).sort((a, b) => b.score - a.score);
  if (refined.length === 0) return null;
  return { ...refined[0], verdicts: refined.map((o) => o.verdict).filter((v): v is SegregationVerdict => v !== undefined) };
}

/** Each reported variant with the family's genotypes, and the verdict of each mode tried. */
function familyOutput(fit: GenotypeFit, segregation: SegregationCheck): Pick<Candidate, 'variants' | 'segregation'> {
  return { variants: fit.used.map((g) => ({ ...toCandidateVariant(g), family: segregation.familyTable(g.v) })), segregation: fit.verdicts ?? [] };
}

function toCandidateVariant(g: GeneVariant): CandidateVariant {
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

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A gene the HPO release has no disease for: any mode may apply; the best-scoring fit is taken. */
function novelGeneFit(list: GeneVariant[], sex: RankOptions['sex'], segregation?: SegregationCheck): GenotypeFit {
  return genotypeFit(list, ['AD', 'AR', 'XR'], sex, segregation);
}

/**
 * Genes without a disease in the HPO release cannot be matched to the phenotype. Their phenotype
 * score is the patient's null: the median score of the annotated genes considered, i.e. what a
 * gene of unknown phenotype is expected to score; the genotype evidence then places them. (On
 * half A of the dev cases the 75th percentile gave 0.50 top-1 against 0.49 for the median: not
 * a difference worth a fitted constant. Giving biallelic genotypes of such genes a factor 3 put
 * background genes with two heterozygous variants first: top-1 0.33.)
 */
function scoreNovelGenes(scored: Array<{ c: Candidate; annotated: boolean }>): void {
  const sims = scored.filter((x) => x.annotated).map((x) => x.c.phenotype.score).sort((a, b) => a - b);
  const nullScore = sims.length > 0 ? sims[Math.floor(sims.length / 2)] : 0;
  for (const x of scored) {
    if (x.annotated) continue;
    x.c.score = round(nullScore * x.c.variant_score);
    x.c.log10_evidence = round(Math.log10(Math.max(x.c.score, 1e-12)));
    x.c.inheritance.explanation += `; no disease for this gene in the HPO release: phenotype taken as the patient's median, ${round(nullScore)}`;
  }
}
