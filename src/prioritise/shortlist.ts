/**
 * The passing variants that ranking can ever use, so that a genome's passing variants need not all
 * cross to the main thread and wait there.
 *
 * Without segregation, genotypeFit (genotypeFit.ts) only takes variants of a gene in evidence order:
 * the first under an AF limit of MAX_AF, the first homozygous/hemizygous one under its limit, the
 * first two heterozygous (or unknown-zygosity) ones under theirs, the first call a male's X-linked
 * recessive fit can take (any but a heterozygous call on X outside the PARs), or the first overall.
 * Every such pick is among the best two of its (zygosity class, AF band) within the gene, the
 * classes being homozygous or hemizygous, unknown, heterozygous where a male's XR fit may take it,
 * and heterozygous where it may not, the bands being cut at MAX_AF's limits. So keeping the best two
 * of each of those sixteen groups per gene leaves every gene's score, mode and variants as they
 * were (a test ranks real exomes both ways, and random lists). With a bundle that has genome-wide
 * gnomAD few variants pass and this changes little; without it, a genome's 2.4M passing variants
 * become about 10 per gene.
 *
 * Whether ranking takes INFO/MQ into the evidence is decided for the whole run once every shard is
 * read (mappingQuality.ts mappingQualityUse), so each group keeps its best two under either
 * score.
 *
 * With --ped the segregation check pairs variants by parent of origin over the whole list, so the
 * list is not cut then.
 */
import type { AnnotatedVariant } from '../annotate/types';
import { MAX_AF } from './genotypeFit';
import { populationAf, variantScores } from './variantScore';
import { isXNonPar } from '../variant/pseudoautosomal';

/** How many of each group genotypeFit can take at most (two heterozygous alleles of a compound heterozygote). */
const KEEP_PER_GROUP = 2;

const AF_LIMITS = [...new Set(Object.values(MAX_AF))].sort((a, b) => a - b);
const ZYGOSITY_CLASSES = 4;
const GROUPS = ZYGOSITY_CLASSES * (AF_LIMITS.length + 1);

/** The zygosity classes genotypeFit's picks tell apart (genotypeFit.ts hemizygousInMale for the last two). */
function zygosityClass(v: AnnotatedVariant): number {
  if (v.zygosity === 'hom' || v.zygosity === 'hemi') return 0;
  if (v.zygosity !== 'het') return 1;
  return isXNonPar(v.chrom, v.pos, '') ? 3 : 2;
}

function groupOf(v: AnnotatedVariant): number {
  const af = populationAf(v);
  let band = 0;
  while (band < AF_LIMITS.length && af > AF_LIMITS[band]) band++;
  return zygosityClass(v) * (AF_LIMITS.length + 1) + band;
}

interface Pick {
  index: number;
  score: number;
  pos: number;
}

/** genotypeFit's order: evidence score, then position, then the order the variants came in. */
const before = (a: Pick, b: Pick): boolean => a.score > b.score || (a.score === b.score && (a.pos < b.pos || (a.pos === b.pos && a.index < b.index)));

/** Keeps `pick` in `list` when it is among the best KEEP_PER_GROUP. */
function offer(list: Pick[], pick: Pick): void {
  let at = list.length;
  while (at > 0 && before(pick, list[at - 1])) at--;
  if (at < KEEP_PER_GROUP) {
    list.splice(at, 0, pick);
    if (list.length > KEEP_PER_GROUP) list.pop();
  }
}

/** The variants of `passing` that some gene's ranking could take, in their original order. */
export function shortlistForRanking(passing: AnnotatedVariant[]): AnnotatedVariant[] {
  const best = new Map<string, Pick[][]>();
  const keep = new Uint8Array(passing.length);
  passing.forEach((v, index) => {
    if (v.genes.length === 0) keep[index] = 1;
    const group = groupOf(v);
    for (const g of v.genes) {
      let groups = best.get(g.gene);
      // The groups under the score without MQ, then the same groups under the score with it.
      if (!groups) best.set(g.gene, (groups = Array.from({ length: 2 * GROUPS }, () => [])));
      const { plain, withMq } = variantScores(v, g);
      offer(groups[group], { index, score: plain, pos: v.pos });
      offer(groups[GROUPS + group], { index, score: withMq, pos: v.pos });
    }
  });
  for (const groups of best.values()) for (const list of groups) for (const p of list) keep[p.index] = 1;
  return passing.filter((_, i) => keep[i] === 1);
}
