import type { AnnotatedVariant } from '../annotate/types';
import type { HpoOntology } from '../reference/hpoOntology';
import type { HpoId } from '../reference/hpoTypes';
import { MODE_LABELS, ModeName, modeName } from './inheritance';
import { DiseaseMatch, PhenotypeMatcher } from './resnik';
import type { Candidate, CandidateVariant } from './types';
import { scoreVariant, VariantEvidence } from './variantScore';

export interface RankOptions {
  /** How many genes to report. */
  top: number;
  patientTerms: HpoId[];
  sex: 'male' | 'female' | 'unknown';
  /** NCBI/HGNC id per gene symbol, for the output. */
  geneIds: Map<string, string>;
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
}

/** Scores and ranks genes of variants that passed the hard filters: phenotype match times genotype evidence. */
export function rankCandidates(passing: AnnotatedVariant[], ontology: HpoOntology, opts: RankOptions): RankResult {
  const byGene = new Map<string, GeneVariant[]>();
  for (const v of passing) {
    for (const g of v.genes) {
      let list = byGene.get(g.gene);
      if (!list) byGene.set(g.gene, (list = []));
      list.push({ v, consequence: g.consequence, transcript: g.transcript, location: g.location, hgvsC: g.hgvsC, hgvsP: g.hgvsP, evidence: scoreVariant(v, g.consequence) });
    }
  }
  const matcher = new PhenotypeMatcher(ontology, opts.patientTerms);
  const scored: Candidate[] = [];
  for (const [gene, list] of byGene) {
    const diseaseIds = ontology.diseasesByGene.get(gene) ?? [];
    const matches: DiseaseMatch[] = diseaseIds.map((id) => matcher.matchDisease(ontology.diseases.get(id)!));
    matches.sort((a, b) => b.score - a.score || (a.diseaseId < b.diseaseId ? -1 : 1));
    const best = matches[0] ?? null;
    const modes = [...new Set(diseaseIds.flatMap((id) => ontology.diseases.get(id)!.inheritance.map(modeName)).filter((m): m is ModeName => m !== null))].sort();
    const fit = genotypeFit(list, modes, opts.sex);
    const phenotypeScore = best ? best.score : 0;
    const score = phenotypeScore * fit.score;
    if (score <= 0) continue;
    scored.push({
      rank: 0,
      score: round(score),
      gene: {
        symbol: gene,
        id: opts.geneIds.get(gene) ?? '',
        diseases: matches.map((m) => ({ id: m.diseaseId, name: m.diseaseName, phenotype_score: round(m.score) })),
        inheritance: modes.map((m) => MODE_LABELS[m]),
      },
      phenotype: {
        score: round(phenotypeScore),
        disease: best ? { id: best.diseaseId, name: best.diseaseName } : null,
        matches: best
          ? best.matches.map((m) => ({
              patient_term: m.patientTerm,
              patient_label: ontology.label(m.patientTerm),
              gene_term: m.diseaseTerm,
              gene_label: ontology.label(m.diseaseTerm),
              common_ancestor: m.commonAncestor,
              common_ancestor_label: ontology.label(m.commonAncestor),
              ic: round(m.icNats),
            }))
          : [],
      },
      inheritance: { mode: fit.mode ? MODE_LABELS[fit.mode] : null, fits: fit.fits, explanation: fit.explanation },
      variant_score: round(fit.score),
      variants: fit.used.map(toCandidateVariant),
    });
  }
  scored.sort((a, b) => b.score - a.score || b.variant_score - a.variant_score || (a.gene.symbol < b.gene.symbol ? -1 : 1));
  const candidates = scored.slice(0, opts.top).map((c, i) => ({ ...c, rank: i + 1 }));
  return { candidates, genesConsidered: byGene.size };
}

function byScore(a: GeneVariant, b: GeneVariant): number {
  return b.evidence.score - a.evidence.score || a.v.pos - b.v.pos;
}

/**
 * Checks the genotypes against each mode of inheritance of the gene's diseases and keeps the best
 * fit: one allele for dominant modes, two (homozygous or two heterozygous variants) for recessive,
 * one on X for a male in X-linked recessive.
 */
export function genotypeFit(list: GeneVariant[], modes: ModeName[], sex: RankOptions['sex']): GenotypeFit {
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
  options.sort((a, b) => b.score - a.score);
  if (options.length > 0) return options[0];
  // No annotated mode fits (for example a single heterozygous variant in a recessive gene): the
  // gene stays visible, at half its variant score, and says why.
  return { mode: modes[0] ?? null, score: top.evidence.score * 0.5, fits: false, used: [top], explanation: `genotype fits none of ${modes.map((m) => MODE_LABELS[m]).join(', ')}: score halved` };
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
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
