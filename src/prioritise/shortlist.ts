/**
 * The passing variants that ranking can ever use, so that a genome's passing variants need not all
 * cross to the main thread and wait there.
 *
 * Without segregation, genotypeFit (genotypeFit.ts) only takes variants of a gene in evidence order:
 * the first under an AF limit of MAX_AF, the first homozygous/hemizygous one under its limit, the
 * first two heterozygous ones under theirs, or the first overall. Every such pick is among the best
 * two of its (zygosity class, AF band) within the gene, the bands being cut at MAX_AF's limits. So
 * keeping the best two of each of those eight groups per gene leaves every gene's score, mode and
 * variants as they were (a test ranks real exomes both ways). With a bundle that has genome-wide
 * gnomAD few variants pass and this changes little; without it, a genome's 2.4M passing variants
 * become about 10 per gene.
 *
 * With --ped the segregation check pairs variants by parent of origin over the whole list, so the
 * list is not cut then.
 */
import type { AnnotatedVariant } from '../annotate/types';
import { MAX_AF } from './genotypeFit';
import { populationAf, scoreVariant } from './variantScore';

/** How many of each group genotypeFit can take at most (two heterozygous alleles of a compound heterozygote). */
const KEEP_PER_GROUP = 2;

const AF_LIMITS = [...new Set(Object.values(MAX_AF))].sort((a, b) => a - b);
const GROUPS = 2 * (AF_LIMITS.length + 1);

function groupOf(v: AnnotatedVariant): number {
  const af = populationAf(v);
  let band = 0;
  while (band < AF_LIMITS.length && af > AF_LIMITS[band]) band++;
  const homozygous = v.zygosity === 'hom' || v.zygosity === 'hemi' ? 1 : 0;
  return homozygous * (AF_LIMITS.length + 1) + band;
}

interface Pick {
  index: number;
  score: number;
  pos: number;
}

/** genotypeFit's order: evidence score, then position, then the order the variants came in. */
const before = (a: Pick, b: Pick): boolean => a.score > b.score || (a.score === b.score && (a.pos < b.pos || (a.pos === b.pos && a.index < b.index)));

/** The variants of `passing` that some gene's ranking could take, in their original order. */
export function shortlistForRanking(passing: AnnotatedVariant[]): AnnotatedVariant[] {
  const best = new Map<string, Pick[][]>();
  const keep = new Uint8Array(passing.length);
  passing.forEach((v, index) => {
    if (v.genes.length === 0) keep[index] = 1;
    const group = groupOf(v);
    for (const g of v.genes) {
      let groups = best.get(g.gene);
      if (!groups) best.set(g.gene, (groups = Array.from({ length: GROUPS }, () => [])));
      const list = groups[group];
      const pick: Pick = { index, score: scoreVariant(v, g).score, pos: v.pos };
      let at = list.length;
      while (at > 0 && before(pick, list[at - 1])) at--;
      if (at < KEEP_PER_GROUP) {
        list.splice(at, 0, pick);
        if (list.length > KEEP_PER_GROUP) list.pop();
      }
    }
  });
  for (const groups of best.values()) for (const list of groups) for (const p of list) keep[p.index] = 1;
  return passing.filter((_, i) => keep[i] === 1);
}
