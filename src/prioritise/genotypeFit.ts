import type { AnnotatedVariant } from '../annotate/types';
import { MODE_LABELS, ModeName } from './inheritance';
import type { SegregationVerdict } from './segregation';
import type { SegregationCheck } from './segregationFit';
import { isChromX, isXNonPar } from '../variant/pseudoautosomal';
import { populationAf, VariantEvidence } from './variantScore';

/** Sex as the genotype check reads it (X-linked modes). */
export type ProbandSex = 'male' | 'female' | 'unknown';

/** One variant of a gene with the consequence it has on that gene and its evidence. */
export interface GeneVariant {
  v: AnnotatedVariant;
  consequence: string;
  transcript: string;
  location: string | null;
  hgvsC: string | null;
  hgvsP: string | null;
  evidence: VariantEvidence;
}

/** The best way the gene's genotypes explain one of its diseases' modes, and what it scores. */
export interface GenotypeFit {
  mode: ModeName | null;
  score: number;
  fits: boolean;
  used: GeneVariant[];
  explanation: string;
  /** With --ped: the segregation verdict of each mode tried (the chosen one first). */
  verdicts?: SegregationVerdict[];
}

/**
 * Weight of a gene whose genotype fits none of its modes (one heterozygous variant in a recessive
 * gene): a second hit may have been missed (structural, low coverage), so it is kept but scored down.
 */
const INCOMPATIBLE_GENOTYPE_FACTOR = 0.5;

function byScore(a: GeneVariant, b: GeneVariant): number {
  return b.evidence.score - a.evidence.score || a.v.pos - b.v.pos;
}

/**
 * Highest population AF (gnomAD group-max where known) an allele may have to explain a mode:
 * Exomiser's published defaults (0.1 % for a dominant allele and for a homozygous or hemizygous
 * one, 2 % for each allele of a compound heterozygote, 0.2 % for mitochondrial), the thresholds
 * issue 7 names. A disease allele more common than that would make the disease too common.
 */
export const MAX_AF = { dominant: 0.001, homozygous: 0.001, compoundHeterozygous: 0.02, mitochondrial: 0.002 } as const;

/**
 * Checks the genotypes against each mode of inheritance of the gene's diseases and keeps the best
 * fit: one allele for dominant modes, two (homozygous or two heterozygous variants) for recessive,
 * one on X for a male in X-linked recessive; each allele within MAX_AF for its role.
 */
export function genotypeFit(list: GeneVariant[], modes: ModeName[], sex: ProbandSex, segregation?: SegregationCheck): GenotypeFit {
  const sorted = [...list].sort(byScore);
  const top = sorted[0];
  const options: GenotypeFit[] = [];
  const tooCommon: string[] = [];
  const unfit: string[] = [];
  const rareEnough = (g: GeneVariant, maxAf: number): boolean => populationAf(g.v) <= maxAf;
  const single = (mode: ModeName | null, maxAf: number, why: string, eligible?: Eligibility): GenotypeFit | null => {
    const candidates = eligible ? sorted.filter(eligible.test) : sorted;
    const best = candidates.find((g) => rareEnough(g, maxAf));
    if (!best) {
      if (candidates.length === 0 && eligible) unfit.push(`${eligible.missing} for ${mode ? MODE_LABELS[mode] : 'any mode'} (${eligible.why})`);
      else tooCommon.push(`${mode ? MODE_LABELS[mode] : 'any mode'} (no allele below gnomAD AF ${maxAf * 100} %)`);
      return null;
    }
    return { mode, score: best.evidence.score, fits: true, used: [best], explanation: why };
  };
  const biallelic = (mode: ModeName): GenotypeFit | null => {
    const hom = sorted.find((g) => (g.v.zygosity === 'hom' || g.v.zygosity === 'hemi') && rareEnough(g, MAX_AF.homozygous));
    const hets = sorted.filter((g) => (g.v.zygosity === 'het' || g.v.zygosity === 'unknown') && rareEnough(g, MAX_AF.compoundHeterozygous));
    const homFit: GenotypeFit | null = hom ? { mode, score: hom.evidence.score, fits: true, used: [hom], explanation: `${hom.v.zygosity === 'hemi' ? 'hemizygous' : 'homozygous'} variant fits ${MODE_LABELS[mode]}` } : null;
    const pairFit: GenotypeFit | null =
      hets.length >= 2
        ? { mode, score: (hets[0].evidence.score + hets[1].evidence.score) / 2, fits: true, used: [hets[0], hets[1]], explanation: `two heterozygous variants (possible compound heterozygote, phase unknown) fit ${MODE_LABELS[mode]}` }
        : null;
    const fits = [homFit, pairFit].filter((x): x is GenotypeFit => x !== null).sort((a, b) => b.score - a.score);
    return fits[0] ?? null;
  };
  const push = (fit: GenotypeFit | null): void => {
    if (fit) options.push(fit);
  };
  if (modes.length === 0) push(single(null, MAX_AF.compoundHeterozygous, 'no inheritance mode annotated for this gene: best single variant used'));
  for (const mode of modes) {
    if (mode === 'AD' || mode === 'XD') push(single(mode, MAX_AF.dominant, `one variant fits ${MODE_LABELS[mode]}`));
    else if (mode === 'MT') push(single(mode, MAX_AF.mitochondrial, `one variant fits ${MODE_LABELS[mode]}`));
    else if (mode === 'XR' && sex === 'male' && isChromX(top.v.chrom)) push(single(mode, MAX_AF.homozygous, `one variant on X in a male fits ${MODE_LABELS[mode]}`, hemizygousInMale));
    else push(biallelic(mode));
  }
  const family = segregation ? withSegregation(options, sorted, segregation) : null;
  if (family) return family;
  options.sort((a, b) => b.score - a.score);
  if (options.length > 0) return options[0];
  // No annotated mode fits (a single heterozygous variant in a recessive gene, or alleles too
  // common for the mode): the gene stays visible, at half its variant score, and says why.
  const common = (tooCommon.length > 0 ? `; too common for ${tooCommon.join(', ')}` : '') + unfit.map((u) => `; ${u}`).join('');
  return { mode: modes[0] ?? null, score: top.evidence.score * INCOMPATIBLE_GENOTYPE_FACTOR, fits: false, used: [top], explanation: `genotype fits none of ${modes.map((m) => MODE_LABELS[m]).join(', ')}${common}: score × ${INCOMPATIBLE_GENOTYPE_FACTOR}` };
}

// ---- family (--ped): segregation as a post-filter of genotypeFit's options (segregationFit.ts) ----

function withSegregation(options: GenotypeFit[], sorted: GeneVariant[], segregation: SegregationCheck): GenotypeFit | null {
  const refined = segregation.refine(options, sorted).sort((a, b) => b.score - a.score);
  if (refined.length === 0) return null;
  return { ...refined[0], verdicts: refined.map((o) => o.verdict).filter((v): v is SegregationVerdict => v !== undefined) };
}

/** Which calls a mode can use at all, and what to say when the gene has none of them. */
interface Eligibility {
  test: (g: GeneVariant) => boolean;
  missing: string;
  why: string;
}

/**
 * Whether a male's call can be the one-copy genotype X-linked recessive needs. Outside the PARs a
 * male has one X (VCF 4.3 §1.6.2: a diploid caller writes a hemizygous ALT as 1/1 or 1); a REF/ALT
 * heterozygous call there is not a germline hemizygote but mis-mapped paralogue reads, a mosaic or
 * a wrong sex. Unknown build: both builds' PARs count as pseudoautosomal.
 */
const hemizygousInMale: Eligibility = {
  test: (g) => g.v.zygosity !== 'het' || !isXNonPar(g.v.chrom, g.v.pos, ''),
  missing: 'no hemizygous call',
  why: "a heterozygous call on X outside the PARs is not a male's one X",
};

/** A gene the HPO release has no disease for: any mode may apply; the best-scoring fit is taken. */
export function novelGeneFit(list: GeneVariant[], sex: ProbandSex, segregation?: SegregationCheck): GenotypeFit {
  return genotypeFit(list, ['AD', 'AR', 'XR'], sex, segregation);
}
