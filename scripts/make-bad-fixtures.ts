/**
 * Generates test/fixtures/bad/: one small file per real-world oddity of VCF and HPO input, each cut
 * from the demo proband (samples/demo-proband.vcf.gz) so the corpus can be rebuilt after the demo
 * changes. The expected outcome of each file is written in test/robustness/badInputs.test.ts.
 * Deterministic: the same demo gives the same bytes (test/robustness/badFixtures.test.ts checks it).
 *
 *   npx tsc -p . && node dist/scripts/make-bad-fixtures.js
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateWholeFile } from '../src/io/bgzf';
import { BgzfWriter } from '../src/io/bgzfWriter';
import { writeIndexedText } from '../src/io/indexedTextWriter';
import { VCF_TABIX } from '../src/io/tabixWriter';

/** The package root, whether this runs compiled (dist/scripts) or from TypeScript (scripts). */
const ROOT = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..')].find((d) => fs.existsSync(path.join(d, 'package.json'))) as string;
export const DEMO_VCF = path.join(ROOT, 'samples', 'demo-proband.vcf.gz');
export const BAD_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'bad');

/** Data lines kept in most fixtures: the first records of chr1, enough to look like a real file. */
const BASE_RECORDS = 40;

interface DemoText {
  /** `##` lines, without the `#CHROM` line. */
  meta: string[];
  chromLine: string;
  records: string[];
}

function readDemo(): DemoText {
  const lines = inflateWholeFile(DEMO_VCF).toString('utf8').split('\n').filter((l) => l.length > 0);
  const chromAt = lines.findIndex((l) => l.startsWith('#CHROM'));
  return { meta: lines.slice(0, chromAt), chromLine: lines[chromAt], records: lines.slice(chromAt + 1) };
}

const vcfText = (lines: string[], eol = '\n'): string => lines.map((l) => l + eol).join('');

/** Replaces column `col` (0-based) of a tab-separated line. */
function withColumn(line: string, col: number, value: string): string {
  const cols = line.split('\t');
  cols[col] = value;
  return cols.join('\t');
}

/** BGZF with a block boundary every `linesPerBlock` lines, so that corrupting one block leaves others intact. */
function bgzfBytes(file: string, lines: string[], linesPerBlock: number): Buffer {
  const w = new BgzfWriter(file);
  lines.forEach((l, i) => {
    w.write(l + '\n');
    if ((i + 1) % linesPerBlock === 0) w.flushBlock();
  });
  w.close();
  return fs.readFileSync(file);
}

/** Offsets of the BGZF blocks in `buf` (BSIZE from the `BC` extra subfield, SAMv1 §4.1). */
function blockOffsets(buf: Buffer): number[] {
  const out: number[] = [];
  for (let p = 0; p < buf.length; p += buf.readUInt16LE(p + 16) + 1) out.push(p);
  return out;
}

export function makeBadFixtures(outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const demo = readDemo();
  const base = demo.records.slice(0, BASE_RECORDS);
  const header = [...demo.meta, demo.chromLine];
  const written: string[] = [];
  const put = (name: string, content: string | Buffer): void => {
    fs.writeFileSync(path.join(outDir, name), content);
    written.push(name);
  };

  // --- compression and index ---------------------------------------------------------------------
  const gz = bgzfBytes(path.join(outDir, 'truncated-bgzf.vcf.gz'), [...header, ...base], 10);
  const blocks = blockOffsets(gz);
  // Cut inside the payload of the third block: a copy that stopped mid-transfer.
  put('truncated-bgzf.vcf.gz', gz.subarray(0, blocks[2] + 40));
  // Cut exactly at a block boundary: every block is whole, only the EOF marker (SAMv1 §4.1.2) is gone.
  put('truncated-at-block-boundary.vcf.gz', gz.subarray(0, blocks[5]));
  // One bit flipped in the stored CRC32 of the third block: the data inflates but fails its checksum.
  const crc = Buffer.from(gz);
  const third = blocks[2];
  crc[third + crc.readUInt16LE(third + 16) + 1 - 8] ^= 0x01;
  put('crc-mismatch.vcf.gz', crc);
  // The demo's own index beside a filtered copy: a user dropped records but kept the old .tbi.
  const filtered = demo.records.filter((_, i) => i % 3 === 0);
  bgzfBytes(path.join(outDir, 'index-mismatch.vcf.gz'), [...header, ...filtered], 50);
  fs.copyFileSync(`${DEMO_VCF}.tbi`, path.join(outDir, 'index-mismatch.vcf.gz.tbi'));
  written.push('index-mismatch.vcf.gz', 'index-mismatch.vcf.gz.tbi');
  // A record whose INFO holds 1 MiB, so the line spans many 64 KiB BGZF blocks.
  const huge = withColumn(base[5], 7, `DP=52;NOTE=${'ACGT'.repeat(1 << 18)}`);
  const hugeLines = [...base.slice(0, 5), huge, ...base.slice(6)];
  writeIndexedText(
    path.join(outDir, 'huge-info-field.vcf.gz'),
    ['##INFO=<ID=NOTE,Number=1,Type=String,Description="A very long free-text annotation">', ...header].sort(headerOrder),
    hugeLines.map((text) => ({ text, ref: text.split('\t')[0], beg0: Number(text.split('\t')[1]) - 1, end0: Number(text.split('\t')[1]) })),
    VCF_TABIX,
  );
  written.push('huge-info-field.vcf.gz', 'huge-info-field.vcf.gz.tbi');
  put('empty.vcf', '');
  put('empty.vcf.gz', Buffer.from('1f8b08040000000000ff0600424302001b0003000000000000000000', 'hex'));

  // --- header ----------------------------------------------------------------------------------
  put('crlf-line-ends.vcf', vcfText([...header, ...base], '\r\n'));
  put('missing-chrom-line.vcf', vcfText([...demo.meta, ...base]));
  put('header-only.vcf', vcfText(header));
  const twoSamples = [`${demo.chromLine}\t${demo.chromLine.split('\t')[9]}`, ...base.map((l) => `${l}\t${l.split('\t')[9]}`)];
  put('duplicate-sample-names.vcf', vcfText([...demo.meta, ...twoSamples]));
  // chr1 loses its ##contig line (htslib warns and goes on); two records sit on contigs the bundle lacks.
  const undeclared = [
    ...base.slice(0, 20),
    withColumn(withColumn(base[20], 0, 'chrUn_KI270742v1'), 1, '1000'),
    withColumn(withColumn(base[21], 0, 'HLA-A*01:01:01:01'), 1, '500'),
  ];
  put('contigs-missing-from-header.vcf', vcfText([...demo.meta.filter((l) => !l.startsWith('##contig=<ID=chr1,')), demo.chromLine, ...undeclared]));

  // --- records ---------------------------------------------------------------------------------
  const alleles = (i: number, ref: string, alt: string): string => withColumn(withColumn(base[i], 3, ref), 4, alt);
  // IUPAC codes and a dash are not alleles VCF allows (VCF 4.3 §1.6.1: REF/ALT are A,C,G,T,N, any case).
  put('non-acgtn-alleles.vcf', vcfText([...header, ...base.slice(0, 10).map((l, i) => (i === 2 ? alleles(i, 'T', 'R') : i === 4 ? alleles(i, 'Y', 'C') : i === 6 ? alleles(i, 'A', 'A-C') : l)), ...base.slice(10)]));
  // VCF 4.3 §5.3-5.4: symbolic alleles, the four breakend forms, the spanning deletion `*` and gVCF `<*>`.
  const sv = [
    alleles(1, 'T', '<DEL>'),
    alleles(2, 'G', 'G]chr2:321682]'),
    alleles(3, 'A', ']chr13:123456]A'),
    alleles(4, 'A', 'A[chr1:2000[,<INS:ME:ALU>'),
    alleles(5, 'C', '.[chr1:50000['),
    withColumn(alleles(6, 'A', 'G,*'), 9, '1/2:0,20,20:40:99'),
    alleles(7, 'T', '<*>'),
  ];
  put('symbolic-and-breakend-alleles.vcf', vcfText([...header, base[0], ...sv, ...base.slice(8)]));
  put('pos-zero.vcf', vcfText([...header, withColumn(base[0], 1, '0'), ...base.slice(1)]));
  // VCF 4.3 §1.6.1: "Telomeres are indicated by using positions 0 or N+1"; only a breakend can sit there.
  put('pos-zero-telomere-breakend.vcf', vcfText([...header, withColumn(alleles(0, 'N', '.[chr1:10001['), 1, '0'), ...base.slice(1)]));
  const chr2 = demo.records.find((l) => l.startsWith('chr2\t')) as string;
  put('unsorted-contigs.vcf', vcfText([...header, ...base.slice(0, 10), chr2, ...base.slice(10, 20)]));

  // --- HPO term files --------------------------------------------------------------------------
  put('invalid-hpo-id.hpo.txt', '# patient phenotype\nHP:0001250\tSeizure\nHP:12345\tshort id\n');
  put('unknown-terms.hpo.txt', '# exported from a clinic system with CRLF line ends\r\nHP:0001250\tSeizure\r\nHP:0004322\tShort stature\r\nHP:9999999\tnot a term\r\n');
  put('obsolete-hpo-ids.hpo.txt', '# HP:0000003 is obsolete, replaced by HP:0001250 in the test ontology\nHP:0000003\n');
  put('obsolete-hpo-id-without-replacement.hpo.txt', 'HP:0004322\nHP:0000004\n');
  return written.sort();
}

/** `##fileformat` first, other `##` lines next, `#CHROM` last (VCF 4.3 §1.4). */
function headerOrder(a: string, b: string): number {
  const rank = (l: string): number => (l.startsWith('##fileformat') ? 0 : l.startsWith('#CHROM') ? 2 : 1);
  return rank(a) - rank(b);
}

if (require.main === module) {
  const names = makeBadFixtures(BAD_FIXTURES);
  process.stdout.write(`wrote ${names.length} files to ${path.relative(ROOT, BAD_FIXTURES)}\n`);
}
