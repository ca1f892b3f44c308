import type { AnnotatedVariant } from '../annotate/types';
import { isChromMt, isChromX } from '../variant/pseudoautosomal';
import type { Family } from './family';
import { GenotypeStatus } from './genotypeState';
import type { ModeName } from './inheritance';
import { Segregation, SegregationVerdict } from './segregation';

/**
 * How segregation changes a genotype fit (documented in docs/family.md):
 * - a mode contradicted by a usable family genotype keeps CONTRADICTED_FACTOR of its score (one
 *   order of magnitude in log10 evidence): penetrance, mosaicism or a sample swap can explain a
 *   contradiction, so the gene stays visible, lower, with the reason;
 * - a de novo in a dominant (or X-linked dominant) mode doubles the score, capped at 1.
 */
export const CONTRADICTED_FACTOR = 0.1;
export const DE_NOVO_FACTOR = 2;
/** Variants of a gene tried when looking for the best segregating variant or pair (keeps pairs at most 45). */
const MAX_TRIED = 10;

export interface FitVariant {
  v: AnnotatedVariant;
  evidence: { score: number };
}

/** The shape of rank.ts's genotype fit, so this module does not depend on rank.ts. */
export interface FitOption<G extends FitVariant> {
  mode: ModeName | null;
  score: number;
  fits: boolean;
  used: G[];
  explanation: string;
  verdict?: SegregationVerdict;
}

/** results.json `variants[].family[]`: one row per family member. */
export interface FamilyGenotypeOut {
  id: string;
  relation: string;
  affected: boolean | null;
  sex: string;
  /** GT as written in the VCF record; null when the member is not in the VCF. */
  gt: string | null;
  dp: number | null;
  gq: number | null;
  /** Reads supporting REF and this ALT. */
  ad: [number, number] | null;
  /** How the genotype was read for segregation (low quality and no call are unknown, never reference). */
  status: GenotypeStatus;
}

const biallelicMode = (m: ModeName | null): boolean => m === 'AR' || m === 'XR';

/** Applies the pedigree to rank.ts's genotype fits (a post-filter: rank.ts keeps choosing modes). */
export class SegregationCheck {
  private readonly seg: Segregation;

  constructor(family: Family, build: string) {
    this.seg = new Segregation(family, build);
  }

  /** Re-scores each option by segregation, trying the gene's other variants (or pairs) where they segregate better. */
  refine<G extends FitVariant>(options: Array<FitOption<G>>, sorted: G[]): Array<FitOption<G>> {
    return options.map((o) => {
      if (o.mode === null) return o;
      const mode = o.mode;
      const tries = this.alternatives(o, sorted).map((used) => this.judge(o, mode, used));
      tries.sort((x, y) => y.score - x.score);
      return tries[0];
    });
  }

  /** The option's own variants first, then the others a mode could use (stable sort keeps the first on ties). */
  private alternatives<G extends FitVariant>(o: FitOption<G>, sorted: G[]): G[][] {
    const top = sorted.slice(0, MAX_TRIED);
    const first = o.used[0];
    if (biallelicMode(o.mode)) {
      const hets = top.filter((g) => g.v.zygosity === 'het' || g.v.zygosity === 'unknown');
      const pairs: G[][] = [];
      for (let i = 0; i < hets.length; i++) for (let j = i + 1; j < hets.length; j++) pairs.push([hets[i], hets[j]]);
      const homs = top.filter((g) => g.v.zygosity === 'hom' || g.v.zygosity === 'hemi');
      // A male's X-linked recessive fit is one variant on X whatever the caller wrote (0/1 or 1/1).
      const onX = o.mode === 'XR' && o.used.length === 1 ? top.filter((g) => isChromX(g.v.chrom)) : [];
      return [o.used, ...homs.map((g) => [g]), ...onX.map((g) => [g]), ...pairs];
    }
    const sameKind = (g: G): boolean => (o.mode === 'XD' ? isChromX(g.v.chrom) === isChromX(first.v.chrom) : true) && (o.mode === 'MT' ? isChromMt(g.v.chrom) === isChromMt(first.v.chrom) : true);
    return [o.used, ...top.filter((g) => g !== first && sameKind(g)).map((g) => [g])];
  }

  private judge<G extends FitVariant>(o: FitOption<G>, mode: ModeName, used: G[]): FitOption<G> {
    const verdict = used.length === 2 ? this.seg.pair(mode, used[0].v, used[1].v) : this.seg.single(mode, used[0].v);
    const base = used.length === 2 ? (used[0].evidence.score + used[1].evidence.score) / 2 : used[0].evidence.score;
    if (!verdict.fits) return { ...o, used, score: base * CONTRADICTED_FACTOR, fits: false, explanation: `${verdict.explanation} (score × ${CONTRADICTED_FACTOR})`, verdict };
    const dominant = mode === 'AD' || mode === 'XD';
    if (dominant && verdict.de_novo === true) return { ...o, used, score: Math.min(1, base * DE_NOVO_FACTOR), fits: true, explanation: `${verdict.explanation}; fits ${verdict.mode} (de novo: score × ${DE_NOVO_FACTOR})`, verdict };
    return { ...o, used, score: base, fits: true, explanation: `${verdict.explanation}; fits ${verdict.mode}`, verdict };
  }

  /** The family's genotypes at one candidate variant, proband first. */
  familyTable(v: AnnotatedVariant): FamilyGenotypeOut[] {
    return this.seg.states(v).map((s) => ({
      id: s.member.id,
      relation: s.member.relation,
      affected: s.member.affected,
      sex: s.member.sex,
      gt: s.call ? s.call.gt : null,
      dp: s.call ? s.call.dp : null,
      gq: s.call ? s.call.gq : null,
      ad: s.call ? s.call.ad : null,
      status: s.status,
    }));
  }
}
