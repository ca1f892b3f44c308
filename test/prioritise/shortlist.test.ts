import type { AnnotatedVariant } from '../../src/annotate/types';
import type { ConsequenceTerm } from '../../src/annotate/soTerms';
import { genotypeFit, GeneVariant, novelGeneFit } from '../../src/prioritise/genotypeFit';
import type { ModeName } from '../../src/prioritise/inheritance';
import { shortlistForRanking } from '../../src/prioritise/shortlist';
import { scoreVariant, variantScores } from '../../src/prioritise/variantScore';
import { seededRandom as random } from '../../scripts/lib/seededRandom';

const CONSEQUENCES: ConsequenceTerm[] = ['frameshift_variant', 'stop_gained', 'missense_variant', 'splice_region_variant', 'synonymous_variant', 'intron_variant', 'coding_sequence_variant'];
// AFs on both sides of every MAX_AF limit (0.1 %, 0.2 %, 2 %) and absent from gnomAD.
const AFS = [null, 0, 0.00005, 0.001, 0.0015, 0.002, 0.005, 0.02, 0.03];
const ZYGOSITY = ['het', 'het', 'het', 'hom', 'hemi', 'unknown'] as const;
// INFO/MQ from well mapped to a paralogue's, or none: ranking may or may not use it (shortlist.ts).
const MQS = [undefined, 60, 59.5, 52, 44, 24];

function randomVariants(rnd: () => number, genes: string[], n: number, chrom: string): AnnotatedVariant[] {
  const out: AnnotatedVariant[] = [];
  for (let i = 0; i < n; i++) {
    // Few distinct positions and scores, so ties on score and on position both occur.
    const pos = 1000 + Math.floor(rnd() * n * 0.7) * 10;
    const af = AFS[Math.floor(rnd() * AFS.length)];
    const inGenes = genes.filter(() => rnd() < 0.6);
    if (inGenes.length === 0) inGenes.push(genes[0]);
    const gq = rnd() < 0.2 ? 10 : 99;
    const mq = MQS[Math.floor(rnd() * MQS.length)];
    out.push({
      chrom, pos, ref: 'A', alt: 'CGT'[Math.floor(rnd() * 3)], id: '.', filter: 'PASS', qual: 50, zygosity: ZYGOSITY[Math.floor(rnd() * ZYGOSITY.length)], line: null,
      consequence: CONSEQUENCES[0],
      genes: inGenes.map((gene) => {
        const c = CONSEQUENCES[Math.floor(rnd() * CONSEQUENCES.length)];
        return { gene, transcript: `NM_${gene}`, consequence: c, terms: [c], location: null, maneSelect: true };
      }),
      gnomad: af === null ? null : { af, ac: null, an: null, nhomalt: null, grpmaxAf: null, grpmax: '', filter: 'PASS' },
      clinvar: rnd() < 0.05 ? { id: String(i), significance: 'Pathogenic', reviewStatus: 'criteria_provided,_multiple_submitters,_no_conflicts', stars: 2, conditions: [] } : null,
      call: { gt: '0/1', copies: 1, ploidy: 2, dp: 40, gq, ad: [20, 20] },
      ...(mq === undefined ? {} : { mappingQuality: mq }),
    });
  }
  return out.sort((a, b) => a.pos - b.pos);
}

/** Each gene's variants as rank.ts lists them. */
function byGene(passing: AnnotatedVariant[], mappingQuality = false): Map<string, GeneVariant[]> {
  const m = new Map<string, GeneVariant[]>();
  for (const v of passing) {
    for (const g of v.genes) {
      if (!m.has(g.gene)) m.set(g.gene, []);
      const evidence = scoreVariant(v, g, { mappingQuality });
      // The shortlist's scores without reasons are the same numbers.
      const scores = variantScores(v, g);
      expect(mappingQuality ? scores.withMq : scores.plain).toBe(evidence.score);
      m.get(g.gene)!.push({ v, consequence: g.consequence, transcript: g.transcript, location: g.location, hgvsC: g.hgvsC ?? null, hgvsP: null, evidence });
    }
  }
  return m;
}

const MODE_SETS: ModeName[][] = [[], ['AD'], ['AR'], ['XR'], ['XD'], ['MT'], ['AD', 'AR'], ['AR', 'XR']];

describe('shortlistForRanking', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('leaves every genotype fit as it was (random genes, seed %i)', (seed) => {
    const rnd = random(seed);
    const genes = ['G1', 'G2', 'G3', 'G4'];
    const passing = [...randomVariants(rnd, genes, 300, 'chrX'), ...randomVariants(rnd, ['G5', 'G6'], 60, 'chr7')];
    const shortlist = shortlistForRanking(passing);
    expect(shortlist.length).toBeLessThan(passing.length / 2);
    // Whether the run uses MQ is decided after every shard is read: the list must serve both.
    for (const mq of [false, true]) {
      const full = byGene(passing, mq);
      const short = byGene(shortlist, mq);
      expect([...short.keys()].sort()).toEqual([...full.keys()].sort());
      for (const [gene, list] of full) {
        for (const sex of ['male', 'female', 'unknown'] as const) {
          for (const modes of MODE_SETS) expect({ mq, gene, sex, modes, fit: genotypeFit(short.get(gene)!, modes, sex) }).toEqual({ mq, gene, sex, modes, fit: genotypeFit(list, modes, sex) });
          expect(novelGeneFit(short.get(gene)!, sex)).toEqual(novelGeneFit(list, sex));
        }
      }
    }
  });

  it('keeps the best allele under each AF limit even when commoner alleles score higher', () => {
    // MT takes the best allele at or under 0.2 %: the missense at 0.15 %, which two commoner
    // truncating alleles outscore. Bands cut only at 0.1 % would drop it and fall back to the synonymous.
    const v = (pos: number, af: number, consequence: ConsequenceTerm): AnnotatedVariant => ({
      chrom: 'chrM', pos, ref: 'A', alt: 'G', id: '.', filter: 'PASS', qual: 50, zygosity: 'hom', line: null, consequence,
      genes: [{ gene: 'MT-X', transcript: 'T', consequence, terms: [consequence], location: null, maneSelect: true }],
      gnomad: { af, ac: null, an: null, nhomalt: null, grpmaxAf: null, grpmax: '', filter: 'PASS' }, clinvar: null,
    });
    const passing = [v(10, 0.0005, 'synonymous_variant'), v(20, 0.0015, 'missense_variant'), v(30, 0.005, 'frameshift_variant'), v(40, 0.01, 'stop_gained')];
    const short = byGene(shortlistForRanking(passing)).get('MT-X')!;
    const fit = genotypeFit(short, ['MT'], 'female');
    expect(fit.used.map((g) => g.v.pos)).toEqual([20]);
    expect(fit).toEqual(genotypeFit(byGene(passing).get('MT-X')!, ['MT'], 'female'));
  });

  it('keeps the original order of the variants it keeps', () => {
    const passing = randomVariants(random(42), ['G1'], 200, 'chr1');
    const shortlist = shortlistForRanking(passing);
    const at = shortlist.map((v) => passing.indexOf(v));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('keeps a gene with few variants whole', () => {
    const passing = randomVariants(random(7), ['G1'], 3, 'chr1');
    expect(shortlistForRanking(passing)).toEqual(passing);
  });
});
