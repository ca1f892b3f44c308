/**
 * Allele trimming (Tan et al. 2015) and symbolic-allele detection. The oracle is
 * `bcftools norm -m -any -f` on a small VCF whose indels sit where left-alignment cannot move them,
 * so bcftools' answer is pure splitting plus trimming and must equal ours.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isSymbolicAllele, trimAlleles } from '../../src/variant/normalise';
import { hasCommand, tmpDir } from '../helpers/cli';

describe('trimAlleles', () => {
  it.each([
    ['SNV unchanged', 100, 'A', 'G', { pos: 100, ref: 'A', alt: 'G' }],
    ['shared suffix of an MNP', 100, 'ACT', 'GCT', { pos: 100, ref: 'A', alt: 'G' }],
    ['shared prefix of an MNP', 100, 'ACT', 'ACG', { pos: 102, ref: 'T', alt: 'G' }],
    ['both sides shared', 100, 'GACTT', 'GAGTT', { pos: 102, ref: 'C', alt: 'G' }],
    ['padded deletion unchanged', 100, 'CAT', 'C', { pos: 100, ref: 'CAT', alt: 'C' }],
    ['padded insertion unchanged', 100, 'C', 'CAT', { pos: 100, ref: 'C', alt: 'CAT' }],
    ['deletion with trailing context', 100, 'CATGG', 'CGG', { pos: 100, ref: 'CAT', alt: 'C' }],
    ['insertion after a split from a multi-allelic record', 100, 'CAT', 'CATAT', { pos: 100, ref: 'C', alt: 'CAT' }],
    ['deletion keeps its padding base when prefix is shared', 100, 'TTCAG', 'TTG', { pos: 101, ref: 'TCA', alt: 'T' }],
    ['complex substitution unchanged', 100, 'AC', 'GT', { pos: 100, ref: 'AC', alt: 'GT' }],
    ['identical alleles reduce to one base', 100, 'ACG', 'ACG', { pos: 100, ref: 'A', alt: 'A' }],
  ])('%s: %i %s>%s', (_name, pos, ref, alt, expected) => {
    expect(trimAlleles(pos, ref, alt)).toEqual(expected);
  });
});

describe('isSymbolicAllele (VCF 4.3 §1.6.1, §5)', () => {
  it.each([
    ['<DEL>', true],
    ['<INS:ME:ALU>', true],
    ['<*>', true],
    ['*', true],
    ['.', true],
    ['G]chr2:321682]', true],
    [']chr13:123456]T', true],
    ['C[chr2:321682[', true],
    ['[chr17:198982[A', true],
    ['.[chr1:10001[', true],
    ['A', false],
    ['ACGTN', false],
    ['acgt', false],
  ])('%s -> %s', (alt, expected) => expect(isSymbolicAllele(alt)).toBe(expected));
});

/** A contig without short repeats around the test sites, so no indel below can be left-shifted. */
const CONTIG = 'ACGTTGCATGCAGTCAGTACCGATGGCTAGCTTACGGATCCAGTCTGAACGTCATGCGTAGCATCGTAAGCTCGATCGGACTTACGAGTCCATGCAATCGTACGATGCTCAGT';
const seq = (pos1: number, n: number): string => CONTIG.slice(pos1 - 1, pos1 - 1 + n);

/** (pos, REF length, ALT list built from the reference) */
const ORACLE_RECORDS: Array<[number, number, (ref: string) => string[]]> = [
  [10, 1, (r) => [r === 'A' ? 'C' : 'A']],
  [20, 3, (r) => [(r[0] === 'A' ? 'T' : 'A') + r.slice(1)]],
  [30, 3, (r) => [r.slice(0, 2) + (r[2] === 'A' ? 'C' : 'A')]],
  [40, 4, (r) => [r[0]]],
  [51, 6, (r) => [r[0] + r.slice(4)]],
  [60, 2, (r) => [r[0] + 'TT' + r[1]]],
  [70, 3, (r) => [r[0] + (r[1] === 'A' ? 'C' : 'A') + r[2], r[0], r + 'T']],
  [80, 4, (r) => [(r[0] === 'A' ? 'C' : 'A') + (r[1] === 'A' ? 'C' : 'A') + r.slice(2), r.slice(0, 2)]],
  [90, 5, (r) => [r.slice(0, 2) + r.slice(4), r.slice(0, 3) + 'G' + r.slice(4)]],
];

(hasCommand('bcftools') ? describe : describe.skip)('oracle: bcftools norm -m -any', () => {
  it('split and trimmed alleles equal bcftools', () => {
    const dir = tmpDir('vartriage-norm-');
    const fasta = path.join(dir, 'ref.fa');
    fs.writeFileSync(fasta, `>t\n${CONTIG}\n`);
    const records = ORACLE_RECORDS.map(([pos, len, alts]) => ({ pos, ref: seq(pos, len), alts: alts(seq(pos, len)) }));
    const vcf = path.join(dir, 'in.vcf');
    fs.writeFileSync(
      vcf,
      `##fileformat=VCFv4.2\n##contig=<ID=t,length=${CONTIG.length}>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n` +
        records.map((r) => `t\t${r.pos}\t.\t${r.ref}\t${r.alts.join(',')}\t.\t.\t.\n`).join(''),
    );
    const r = spawnSync('bcftools', ['norm', '-m', '-any', '-f', fasta, '--no-version', vcf], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    // bcftools counts trimmed records as "realigned" too; none may be skipped for a REF mismatch.
    expect(r.stderr).toMatch(/realigned\/skipped:\s+9\/\d+\/\d+\/0/);
    const theirs = r.stdout
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'))
      .map((c) => `${c[1]} ${c[3]}>${c[4]}`)
      .sort();
    const ours = records
      .flatMap((rec) => rec.alts.map((alt) => trimAlleles(rec.pos, rec.ref, alt)))
      .map((t) => `${t.pos} ${t.ref}>${t.alt}`)
      .sort();
    expect(ours).toEqual(theirs);
    expect(ours.length).toBe(13);
  });
});
