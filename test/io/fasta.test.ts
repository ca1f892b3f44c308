import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IndexedFasta } from '../../src/io/fasta';
import { hasCommand, SHARED_DATA, sharedAvailable, tmpDir } from '../helpers/cli';

/** Deterministic pseudo-random bases (xorshift), with some soft-masked lower case. */
function bases(n: number, seed: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    s += 'ACGTacgt'[(x >>> 0) % 8];
  }
  return s;
}

function writeFasta(dir: string, contigs: Array<[string, string, number]>): string {
  const file = path.join(dir, 'ref.fa');
  let text = '';
  let fai = '';
  for (const [name, seq, width] of contigs) {
    text += `>${name} description\n`;
    fai += `${name}\t${seq.length}\t${Buffer.byteLength(text)}\t${width}\t${width + 1}\n`;
    for (let i = 0; i < seq.length; i += width) text += seq.slice(i, i + width) + '\n';
  }
  fs.writeFileSync(file, text);
  fs.writeFileSync(`${file}.fai`, fai);
  return file;
}

describe('IndexedFasta', () => {
  const dir = tmpDir('vartriage-fasta-');
  // 150 kb spans several 64 KiB BGZF blocks, so reads cross block boundaries.
  const contigs: Array<[string, string, number]> = [
    ['chr1', bases(150000, 7), 60],
    ['chrM', bases(1000, 11), 7],
  ];
  const plain = writeFasta(dir, contigs);
  const regions: Array<[string, number, number]> = [
    ['chr1', 1, 1],
    ['chr1', 60, 61],
    ['chr1', 65530, 65560],
    ['chr1', 100000, 131073],
    ['chr1', 149990, 150000],
    ['chrM', 1, 1000],
    ['chrM', 7, 8],
  ];

  test.each(regions)('plain .fa: %s:%i-%i equals the written sequence, upper-cased', (chrom, s, e) => {
    const fa = IndexedFasta.open(plain);
    const seq = contigs.find((c) => c[0] === chrom)?.[1] as string;
    expect(fa.fetch(chrom, s, e)).toBe(seq.slice(s - 1, e).toUpperCase());
    fa.close();
  });

  (hasCommand('bgzip') ? test : test.skip)('bgzipped .fa.gz with .gzi reads the same bases (bgzip -i as oracle of block layout)', () => {
    const gz = path.join(dir, 'ref.fa.gz');
    execFileSync('sh', ['-c', `bgzip -c -i -I ${gz}.gzi ${plain} > ${gz}`]);
    fs.copyFileSync(`${plain}.fai`, `${gz}.fai`);
    const fa = IndexedFasta.open(gz);
    for (const [chrom, s, e] of regions) {
      const seq = contigs.find((c) => c[0] === chrom)?.[1] as string;
      expect(fa.fetch(chrom, s, e)).toBe(seq.slice(s - 1, e).toUpperCase());
    }
    expect(fa.fetch('1', 10, 12)).toBe(contigs[0][1].slice(9, 12).toUpperCase());
    expect(fa.fetch('MT', 1, 3)).toBe(contigs[1][1].slice(0, 3).toUpperCase());
    expect(fa.fetch('chr2', 1, 3)).toBeNull();
    expect(fa.fetch('chr1', 149999, 150010)).toBe(contigs[0][1].slice(149998).toUpperCase());
    fa.close();
  });

  test('a FASTA without .fai is refused with one line naming the file', () => {
    const f = path.join(dir, 'noindex.fa');
    fs.writeFileSync(f, '>x\nACGT\n');
    expect(() => IndexedFasta.open(f)).toThrow(`${f}: no FASTA index ${f}.fai`);
  });

  test('a plain-gzip FASTA is refused as not BGZF', () => {
    const f = path.join(dir, 'gzip.fa.gz');
    fs.writeFileSync(f, require('node:zlib').gzipSync('>x\nACGT\n'));
    fs.writeFileSync(`${f}.fai`, 'x\t4\t3\t4\t5\n');
    expect(() => IndexedFasta.open(f)).toThrow(/not BGZF/);
  });

  test('a malformed .fai names its line', () => {
    const f = path.join(dir, 'badfai.fa');
    fs.writeFileSync(f, '>x\nACGT\n');
    fs.writeFileSync(`${f}.fai`, 'x\t4\t3\t4\t5\ny\tfour\n');
    expect(() => IndexedFasta.open(f)).toThrow(`${f}.fai:2: malformed .fai line`);
  });
});

const describeShared = sharedAvailable() ? describe : describe.skip;
describeShared('IndexedFasta on the shared GRCh38 excerpts', () => {
  test('chr21 .fa.gz matches zcat of the whole file at covered and uncovered loci', () => {
    const file = path.join(SHARED_DATA, 'fasta', 'vep_testdb_GRCh38_chr21.fa.gz');
    const all = execFileSync('sh', ['-c', `zcat ${file} | tail -n +2 | tr -d '\\n'`], { maxBuffer: 1 << 27 }).toString('latin1');
    const fa = IndexedFasta.open(file);
    expect(fa.length('21')).toBe(46709983);
    for (const [s, e] of [[25585733, 25585733], [24985581, 24985700], [25592900, 25600000], [43774700, 43774710], [1, 20]]) {
      expect(fa.fetch('21', s, e)).toBe(all.slice(s - 1, e).toUpperCase());
    }
    // MRPL39 c.991G>A lies at 21:25585733 C (minus strand), VEP's test variant rs142513484.
    expect(fa.fetch('chr21', 25585733, 25585733)).toBe('C');
    fa.close();
  });

  test('plain rCRS chrM starts with the published GATCACAGG', () => {
    const fa = IndexedFasta.open(path.join(SHARED_DATA, 'fasta', 'GRCh38_MT_rCRS.fa'));
    expect(fa.fetch('chrM', 1, 9)).toBe('GATCACAGG');
    expect(fa.length('MT')).toBe(16569);
    fa.close();
  });
});
