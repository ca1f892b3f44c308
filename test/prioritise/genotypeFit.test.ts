/** Genotype fit per mode with Exomiser's per-mode AF limits (src/prioritise/genotypeFit.ts). */
import type { AnnotatedVariant } from '../../src/annotate/types';
import { GeneVariant, genotypeFit, MAX_AF } from '../../src/prioritise/genotypeFit';
import type { ModeName } from '../../src/prioritise/inheritance';
import { scoreVariant } from '../../src/prioritise/variantScore';
import type { Zygosity } from '../../src/variant/types';

function gv(pos: number, zygosity: Zygosity, af: number | null, chrom = 'chr1'): GeneVariant {
  const v: AnnotatedVariant = {
    chrom, pos, ref: 'C', alt: 'T', id: '.', filter: 'PASS', qual: 50, zygosity, line: null, consequence: 'stop_gained', genes: [],
    gnomad: af === null ? null : { af, ac: null, an: null, nhomalt: null, grpmaxAf: null, grpmax: '', filter: 'PASS' },
    clinvar: null,
  };
  return { v, consequence: 'stop_gained', transcript: 'NM_1', location: null, hgvsC: null, hgvsP: null, evidence: scoreVariant(v, { consequence: 'stop_gained' }) };
}

describe('genotypeFit', () => {
  test.each<[string, GeneVariant[], ModeName[], 'male' | 'female', boolean, number[]]>([
    // [why, variants, modes, sex, fits, positions used]
    ['a rare het fits dominant', [gv(1, 'het', null)], ['AD'], 'female', true, [1]],
    ['a het above 0.1 % does not fit dominant', [gv(1, 'het', 0.005)], ['AD'], 'female', false, [1]],
    ['dominant takes the rare allele over a more deleterious-scored common one', [gv(1, 'het', 0.005), gv(2, 'het', 0.0005)], ['AD'], 'female', true, [2]],
    ['a rare homozygote fits recessive', [gv(1, 'hom', 0.0005)], ['AR'], 'female', true, [1]],
    ['a homozygote above 0.1 % does not', [gv(1, 'hom', 0.005)], ['AR'], 'female', false, [1]],
    ['two hets up to 2 % fit recessive as a possible compound heterozygote', [gv(1, 'het', 0.015), gv(2, 'het', 0.005)], ['AR'], 'female', true, [1, 2]],
    ['one het does not fit recessive', [gv(1, 'het', null)], ['AR'], 'female', false, [1]],
    ['a rare hemizygous allele fits X-linked recessive in a male', [gv(1, 'hemi', null, 'chrX')], ['XR'], 'male', true, [1]],
    ['a homozygous call (a diploid caller\'s hemizygote) on X fits X-linked recessive in a male', [gv(5_000_000, 'hom', null, 'chrX')], ['XR'], 'male', true, [5_000_000]],
    ['a heterozygous call on X outside the PARs is no hemizygote: it does not fit X-linked recessive in a male', [gv(5_000_000, 'het', null, 'chrX')], ['XR'], 'male', false, [5_000_000]],
    ['in a male the hemizygous call is taken over a heterozygous one on X', [gv(5_000_000, 'het', null, 'chrX'), gv(6_000_000, 'hemi', 0.0005, 'chrX')], ['XR'], 'male', true, [6_000_000]],
    ['a mitochondrial allele up to 0.2 % fits', [gv(1, 'hom', 0.0015, 'chrM')], ['MT'], 'female', true, [1]],
  ])('%s', (_why, variants, modes, sex, fits, used) => {
    const fit = genotypeFit(variants, modes, sex);
    expect(fit.fits).toBe(fits);
    expect(fit.used.map((g) => g.v.pos).sort()).toEqual(used);
  });

  test('says which mode the alleles were too common for', () => {
    const fit = genotypeFit([gv(1, 'het', 0.005)], ['AD'], 'female');
    expect(fit.explanation).toBe('genotype fits none of autosomal dominant; too common for autosomal dominant (no allele below gnomAD AF 0.1 %): score × 0.5');
  });

  test('says when a male\'s call on X is heterozygous rather than too common', () => {
    const fit = genotypeFit([gv(5_000_000, 'het', null, 'chrX')], ['XR'], 'male');
    expect(fit.explanation).toBe("genotype fits none of X-linked recessive; no hemizygous call for X-linked recessive (a heterozygous call on X outside the PARs is not a male's one X): score × 0.5");
  });

  test('the limits are the published Exomiser defaults', () => {
    expect(MAX_AF).toEqual({ dominant: 0.001, homozygous: 0.001, compoundHeterozygous: 0.02, mitochondrial: 0.002 });
  });
});
