/**
 * readShard's normalisation, one case per oddity: what comes out is what the same records give
 * after `bcftools norm -m -any` and trimming (VCF 4.3 §1.6.1), in position order, with the
 * proband's zygosity, and every record or allele that is dropped counted once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readShard } from '../../src/annotate/readShard';
import { ContigAliases } from '../../src/variant/contigs';
import { tmpDir } from '../helpers/cli';

const HEAD = '##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n';
const aliases = new ContigAliases([
  { name: 'chr1', length: 248956422, aliases: ['1'] },
  { name: 'chr2', length: 242193529, aliases: ['2'] },
]);
const dir = tmpDir('vartriage-readshard-');

function read(body: string[]): ReturnType<typeof readShard> {
  const vcf = path.join(dir, `t${Math.random().toString(36).slice(2)}.vcf`);
  fs.writeFileSync(vcf, HEAD + body.map((l) => l.replace(/ +/g, '\t')).join('\n') + '\n');
  return readShard({ index: 0, vcf, ranges: null, regions: null }, { sampleColumn: 9, displayName: 'in.vcf', compression: 'none' }, aliases);
}

const keys = (r: ReturnType<typeof readShard>): string[] => r.variants.map((v) => `${v.chrom}:${v.pos}:${v.ref}:${v.alt}:${v.zygosity}`);

describe('readShard', () => {
  it.each([
    ['a trimmed allele that moves past the next record is put back in order', ['chr1 100 . TAAC TAAG 50 PASS . GT 0/1', 'chr1 101 . A G 50 PASS . GT 1/1'], ['chr1:101:A:G:hom', 'chr1:103:C:G:het']],
    ['equal positions keep their file order', ['chr1 100 . CA TA 50 PASS . GT 0/1', 'chr1 100 . C G 50 PASS . GT 0/1'], ['chr1:100:C:T:het', 'chr1:100:C:G:het']],
    ['a multi-allelic record is split per ALT, each with its own zygosity', ['chr1 100 . A C,G 50 PASS . GT 1/2'], ['chr1:100:A:C:het', 'chr1:100:A:G:het']],
    ['an allele the sample does not carry is dropped', ['chr1 100 . A C,G 50 PASS . GT 0/2'], ['chr1:100:A:G:het']],
    ['two VCF names for one contig are grouped under the bundle name', ['chr1 500 . A C 50 PASS . GT 0/1', 'chr2 10 . A C 50 PASS . GT 0/1', '1 200 . A G 50 PASS . GT 0/1'], ['chr1:200:A:G:het', 'chr1:500:A:C:het', 'chr2:10:A:C:het']],
    ['lower-case alleles are upper-cased', ['chr1 100 . acg a 50 PASS . GT 1/1'], ['chr1:100:ACG:A:hom']],
  ])('%s', (_why, body, expected) => {
    expect(keys(read(body))).toEqual(expected);
  });

  it('counts what it drops, once each', () => {
    const r = read(['chr1 100 . A <DEL>,*,C 50 PASS . GT 1/3', 'chr1 101 . A R 50 PASS . GT 0/1', 'chr1 102 . A C 50 PASS . GT ./.', 'chr1 103 . A C,G 50 PASS . GT 0/0', 'chrUn 5 . A C 50 PASS . GT 0/1']);
    expect(r.counts).toEqual({ records: 5, alleles: 7, symbolic_or_breakend: 2, non_acgtn_allele: 1, not_carried: 2, no_call: 1, unknown_contig: 1 });
    expect(keys(r)).toEqual(['chr1:100:A:C:het']);
  });

  it('keeps id, filter, qual and the 1-based line', () => {
    const [v] = read(['chr1 100 rs123 A C 484.52 q10 . GT 0/1']).variants;
    expect(v).toEqual({ chrom: 'chr1', pos: 100, ref: 'A', alt: 'C', id: 'rs123', filter: 'q10', qual: 484.52, zygosity: 'het', line: 3 });
  });
});
