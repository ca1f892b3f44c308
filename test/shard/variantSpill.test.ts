import * as fs from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import type { AnnotatedVariant } from '../../src/annotate/types';
import { arraySource, orderContigs, VariantSpill, writeSpillChunks } from '../../src/shard/variantSpill';

function variant(chrom: string, pos: number, alt: string, filter = 'PASS'): AnnotatedVariant {
  return { chrom, pos, ref: 'A', alt, id: '.', filter, qual: 50, zygosity: 'het', line: null, consequence: 'intergenic_variant', genes: [], gnomad: null, clinvar: null, call: { gt: '0/1', copies: 1, ploidy: 2, dp: 30, gq: 99, ad: [15, 15] } };
}

const key = (v: AnnotatedVariant): string => `${v.chrom}:${v.pos}:${v.alt}`;

describe('VariantSpill', () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'vartriage-spill-test-'));
  // Three shards as workers would read them: chr2 before chr1 in the VCF, an unknown contig, a
  // contig (chr1) continued across a shard edge where trimming moved an allele past the next shard's
  // first position, and two alleles at one position that must keep their file order.
  const shards: AnnotatedVariant[][] = [
    [variant('chr2', 5, 'C'), variant('chr2', 9, 'G', 'LowQual'), variant('chr1', 100, 'C')],
    [variant('chr1', 98, 'G'), variant('chr1', 150, 'T'), variant('chr1', 150, 'C'), variant('chrUn_x', 7, 'T')],
    [variant('chrM', 3, 'G')],
  ];
  const all = shards.flat();
  const contigOrder = ['chr1', 'chr2', 'chrX', 'chrM'];

  it('writes one chunk per contig run of a shard and reads them back in read order', () => {
    const spill = VariantSpill.create(parent);
    shards.forEach((s, i) => spill.add(writeSpillChunks(spill.dir, i, s)));
    expect(fs.readdirSync(spill.dir).sort()).toEqual(['shard0-0.vtspill', 'shard0-1.vtspill', 'shard1-0.vtspill', 'shard1-1.vtspill', 'shard2-0.vtspill']);
    expect(spill.count).toBe(all.length);
    expect([...spill.inReadOrder()]).toEqual(all);
    spill.remove();
    expect(fs.existsSync(spill.dir)).toBe(false);
  });

  it('gives store order: bundle contigs, unknown contigs last, by position, ties in file order', () => {
    const spill = VariantSpill.create(parent);
    // Shards arrive in any order (workers finish when they finish); order comes from the shard index.
    for (const i of [2, 0, 1]) spill.addVariants(i, shards[i]);
    const expected = ['chr1:98:G', 'chr1:100:C', 'chr1:150:T', 'chr1:150:C', 'chr2:5:C', 'chr2:9:G', 'chrM:3:G', 'chrUn_x:7:T'];
    expect([...spill.inStoreOrder(contigOrder)].map(key)).toEqual(expected);
    expect([...arraySource(all).inStoreOrder(contigOrder)].map(key)).toEqual(expected);
    expect(spill.contigs()).toEqual(['chr2', 'chr1', 'chrUn_x', 'chrM']);
    expect([...spill.filters()].sort()).toEqual(['LowQual', 'PASS']);
    spill.remove();
  });

  it('holds back an allele trimmed past the first variant of a shard two chunks later', () => {
    // Shards 0 and 1 are one record each, both trimmed forward past shard 2's first variant.
    const spill = VariantSpill.create(parent);
    spill.addVariants(0, [variant('chr1', 160, 'C')]);
    spill.addVariants(1, [variant('chr1', 170, 'G')]);
    spill.addVariants(2, [variant('chr1', 150, 'T'), variant('chr1', 160, 'A'), variant('chr1', 180, 'C')]);
    expect([...spill.inStoreOrder(['chr1'])].map(key)).toEqual(['chr1:150:T', 'chr1:160:C', 'chr1:160:A', 'chr1:170:G', 'chr1:180:C']);
    spill.remove();
  });

  it('keeps every field of a variant through the file (structured clone)', () => {
    const spill = VariantSpill.create(parent);
    spill.addVariants(0, [all[0]]);
    expect([...spill.inReadOrder()][0]).toEqual(all[0]);
    spill.remove();
  });

  it('creates a distinct directory for each spill in one folder', () => {
    const a = VariantSpill.create(parent);
    const b = VariantSpill.create(parent);
    expect(a.dir).not.toBe(b.dir);
    a.remove();
    b.remove();
  });

  it('orders contigs the bundle lacks after its own, by name', () => {
    expect(orderContigs(['chrZ', 'chr2', 'chrA', 'chr1'], ['chr1', 'chr2'])).toEqual(['chr1', 'chr2', 'chrA', 'chrZ']);
  });
});

describe('VariantSpill at genome scale', () => {
  it('spills one contig run of 400,000 alleles (a merge reads shard files that large)', () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'vartriage-spill-big-'));
    const spill = VariantSpill.create(parent);
    const many = Array.from({ length: 400_000 }, (_, i) => variant('chr1', 1000 + i, 'C'));
    spill.addVariants(0, many);
    expect(spill.count).toBe(400_000);
    let n = 0;
    for (const v of spill.inStoreOrder(['chr1'])) if (v.pos === 1000 + n) n++;
    expect(n).toBe(400_000);
    spill.remove();
  });
});
