/**
 * The columnar reader against the string reader it replaced (test/annotate/oracle, main 4d4700f) on
 * real VCFs: the materialised Variant[] (readShard), the ColumnsView accessors, and the columns
 * after a structured clone with their buffers transferred all give the same variants, counts,
 * warnings and X call counts, as JSON text. Shards planned from the index are checked as well as
 * whole files. Skipped when ../shared is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readShard, ReadOptions } from '../../src/annotate/readShard';
import { readShardColumns } from '../../src/annotate/readShardColumns';
import { openTabixIndex } from '../../src/io/tabixIndex';
import { readVcfHeader } from '../../src/io/vcfHeader';
import { planShards, wholeFileShard } from '../../src/shard/plan';
import type { ShardSpec } from '../../src/shard/types';
import { primaryContigs } from '../../src/variant/assemblies';
import { ColumnsView } from '../../src/variant/columnsView';
import { ContigAliases } from '../../src/variant/contigs';
import { Variant, variantKey } from '../../src/variant/types';
import { columnsTransferList } from '../../src/variant/variantColumns';
import { SHARED_DATA, sharedAvailable, tmpDir } from '../helpers/cli';
import { readShardStrings } from './oracle/readShardStrings';

const VCF = (name: string): string => path.join(SHARED_DATA, 'vcf', name);
const EXOME = VCF('pfeiffer-exome.hg38.vcf.gz');
const TRIO = VCF('NA12878-trio.GRCh38.ngs-bits-TrioMendelianErrors_in1.vcf.gz');
const CHR21 = VCF('PG_NA12878_hg38-chr21.vcf.gz');
const GIAB37 = VCF('GIAB-AshkenazimTrio-HG002-HG003-HG004.GRCh37.chr1-2.slivar-tests.vcf.gz');

/** Every variant through the accessors, in Variant field order, without `variant(i)`. */
function viaAccessors(view: ColumnsView): Variant[] {
  const out: Variant[] = [];
  for (let i = 0; i < view.length; i++) {
    const v: Variant = { chrom: view.chrom(i), pos: view.pos(i), ref: view.ref(i), alt: view.alt(i), id: view.id(i), filter: view.filter(i), qual: view.qual(i), zygosity: view.zygosity(i), line: view.line(i) };
    expect(view.refLength(i)).toBe(v.ref.length);
    expect(view.key(i)).toBe(variantKey(v.chrom, v.pos, v.ref, v.alt));
    expect(view.altLength(i)).toBe(v.alt.length);
    const info = view.info(i);
    if (info !== undefined) v.info = info;
    if (view.cols.family) v.family = Array.from({ length: view.cols.members }, (_, m) => view.memberCall(i, m));
    if (view.hasCall) v.call = { gt: view.gt(i), copies: view.copies(i), ploidy: view.ploidy(i), dp: view.dp(i), gq: view.gq(i), ad: view.ad(i) };
    out.push(v);
  }
  return out;
}

/** annotateShard's clusters() over Variant objects, as index ranges. */
function clustersOf(variants: Variant[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i <= variants.length; i++) {
    if (i === variants.length || variants[i].chrom !== variants[start].chrom || variants[i].pos - variants[i - 1].pos > 100_000) {
      if (i > start) out.push([start, i]);
      start = i;
    }
  }
  return out;
}

const runsOf = (view: ColumnsView): Array<[number, number]> => [...view.runs(100_000)];

function expectSame(shard: ShardSpec, opts: ReadOptions, aliases: ContigAliases): number {
  const want = readShardStrings(shard, opts, aliases);
  const got = readShard(shard, opts, aliases);
  expect(JSON.stringify(got)).toBe(JSON.stringify(want));
  const { columns, ...report } = readShardColumns(shard, opts, aliases);
  const { variants, ...wantReport } = want;
  expect(JSON.stringify(report)).toBe(JSON.stringify(wantReport));
  const wantText = JSON.stringify(variants);
  expect(JSON.stringify(viaAccessors(new ColumnsView(columns)))).toBe(wantText);
  expect(runsOf(new ColumnsView(columns))).toEqual(clustersOf(variants));
  const moved = structuredClone(columns, { transfer: columnsTransferList(columns) });
  expect(columns.pos.byteLength).toBe(0); // transferred, not copied
  expect(JSON.stringify(new ColumnsView(moved).variants())).toBe(wantText);
  return variants.length;
}

(sharedAvailable() ? describe : describe.skip)('readShardColumns equals the string reader on real VCFs', () => {
  const aliases38 = new ContigAliases(primaryContigs('GRCh38'));
  const aliases37 = new ContigAliases(primaryContigs('GRCh37'));

  it.each([
    ['the exome, with the proband call and INFO', EXOME, { probandCall: true, keepInfo: true }],
    ['the exome, GT only', EXOME, {}],
    ['NA12878 chr21, with the proband call', CHR21, { probandCall: true }],
    ['NA12878 chr21 as its single sample, sites only', CHR21, { sampleColumn: -1 }],
  ])('%s (whole file)', (_why, file, extra) => {
    const opts: ReadOptions = { sampleColumn: 9, displayName: file, compression: 'bgzf', ...extra };
    expect(expectSame(wholeFileShard(file), opts, aliases38)).toBeGreaterThan(1000);
  });

  it.each([
    ['the trio with family columns', TRIO, aliases38, 'GRCh38'],
    ['the GIAB GRCh37 trio with family columns', GIAB37, aliases37, 'GRCh37'],
  ])('%s (whole file)', (_why, file, aliases, build) => {
    const header = readVcfHeader(file);
    const columns = header.samples.map((_, i) => 9 + i);
    const opts: ReadOptions = { sampleColumn: columns[0], displayName: file, compression: 'bgzf', family: { columns, build }, keepInfo: true };
    expect(expectSame(wholeFileShard(file), opts, aliases)).toBeGreaterThan(1000);
  });

  it.each([
    ['the exome', EXOME],
    ['NA12878 chr21', CHR21],
  ])('%s in shards planned from the index', async (_why, file) => {
    const header = readVcfHeader(file);
    const index = await openTabixIndex(file);
    if (!index) throw new Error(`${file} has no index`);
    const shards = await planShards(file, index, { contigLengths: new Map(header.contigs.map((c) => [c.name, c.length ?? 0])), targetBytes: 64 * 1024 });
    expect(shards.length).toBeGreaterThan(1);
    let n = 0;
    for (const s of shards) n += expectSame(s, { sampleColumn: 9, displayName: file, compression: 'bgzf', probandCall: true }, aliases38);
    expect(n).toBeGreaterThan(1000);
  });

  it('NA12878 chr21 left-aligned against the chr21 FASTA', () => {
    const fasta = path.join(SHARED_DATA, 'fasta', 'vep_testdb_GRCh38_chr21.fa.gz');
    // The FASTA names the contig "21": the records are renamed (as in test/variant/leftAlign.test.ts).
    const dir = tmpDir('vartriage-columns-');
    const vcf = path.join(dir, 'in.vcf');
    const text = require('node:zlib').gunzipSync(fs.readFileSync(CHR21)).toString('utf8') as string;
    fs.writeFileSync(vcf, text.replace(/^chr21\t/gm, '21\t'));
    const aliases = new ContigAliases([{ name: 'chr21', length: 46709983, aliases: ['21'] }]);
    expect(expectSame({ index: 0, vcf, ranges: null, regions: null }, { sampleColumn: 9, displayName: 'in.vcf', compression: 'none', fasta, probandCall: true }, aliases)).toBeGreaterThan(1000);
  });
});

describe("the records' own fields (keepSource, for the cold tier)", () => {
  it('keeps INFO, FORMAT with the sample column, and each allele\'s place among its ALTs', () => {
    const dir = tmpDir('vartriage-source-');
    const vcf = path.join(dir, 'multi.vcf');
    fs.writeFileSync(
      vcf,
      [
        '##fileformat=VCFv4.3',
        '##contig=<ID=chr1,length=248956422>',
        '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2',
        'chr1\t100\t.\tA\tC,<DEL>,G\t50\tPASS\tAC=1,0,1;AN=4;NOTE=éç\tGT:AD:PL\t1/3:1,5,0,6:9,8,7,6,5,4,3,2,1,0\t0/0:9,0,0,0:0,1,2,3,4,5,6,7,8,9',
        'chr1\t200\t.\tT\tA\t.\t.\t.\tGT\t0/1\t0/0',
        '',
      ].join('\n'),
    );
    const opts: ReadOptions = { sampleColumn: 9, displayName: vcf, compression: 'none', probandCall: true, keepSource: true };
    const view = new ColumnsView(readShardColumns(wholeFileShard(vcf), opts, new ContigAliases(primaryContigs('GRCh38'))).columns);
    const sources = Array.from({ length: view.length }, (_, i) => [view.alt(i), view.source(i)]);
    const call = 'GT:AD:PL\t1/3:1,5,0,6:9,8,7,6,5,4,3,2,1,0';
    expect(sources).toEqual([
      ['C', { info: 'AC=1,0,1;AN=4;NOTE=éç', call, altIndex: 1, altCount: 3 }],
      ['G', { info: 'AC=1,0,1;AN=4;NOTE=éç', call, altIndex: 3, altCount: 3 }],
      ['A', { info: '.', call: 'GT\t0/1', altIndex: 1, altCount: 1 }],
    ]);
    // Without keepSource nothing is kept.
    const plain = new ColumnsView(readShardColumns(wholeFileShard(vcf), { ...opts, keepSource: false }, new ContigAliases(primaryContigs('GRCh38'))).columns);
    expect(plain.source(0)).toBeUndefined();
  });
});
