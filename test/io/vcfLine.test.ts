/** One VCF data line (VCF 4.3 §1.6): the fields read, and one clear error for each malformed column. */
import { InputError } from '../../src/errors';
import { parseGenotype, parseVcfDataLine } from '../../src/io/vcfLine';

const line = (...cols: string[]): string => cols.join('\t');
const FIXED = ['chr1', '100', 'rs1', 'A', 'G', '50', 'PASS', 'DP=10'];

describe('parseVcfDataLine: fields', () => {
  it.each([
    ['sites-only record', line(...FIXED), -1, { chrom: 'chr1', pos: 100, id: 'rs1', ref: 'A', alts: ['G'], qual: 50, filter: 'PASS', info: 'DP=10', format: '', sample: '' }],
    ['first sample', line(...FIXED, 'GT:DP', '0/1:12', '1/1:3'), 9, { format: 'GT:DP', sample: '0/1:12' }],
    ['second sample', line(...FIXED, 'GT:DP', '0/1:12', '1/1:3'), 10, { sample: '1/1:3' }],
    ['missing QUAL', line('chr1', '100', '.', 'A', 'G', '.', '.', '.'), -1, { qual: null, id: '.', filter: '.', info: '.' }],
    ['multi-allelic ALT', line('chr1', '100', '.', 'A', 'G,T,<DEL>', '1e3', 'PASS', '.'), -1, { alts: ['G', 'T', '<DEL>'], qual: 1000 }],
    ['telomeric breakend at POS 0 (VCF 4.3 §1.6.1)', line('chr1', '0', '.', 'N', '.[chr1:10001[', '.', 'PASS', 'SVTYPE=BND'), -1, { pos: 0 }],
    ['extra sample columns are not split', line(...FIXED, 'GT', '0/1', 'x\ty'), 9, { sample: '0/1' }],
  ])('%s', (_name, text, sampleColumn, expected) => {
    expect(parseVcfDataLine(text, 'f.vcf', 7, sampleColumn)).toMatchObject(expected);
  });
});

describe('parseVcfDataLine: errors name file, line and problem', () => {
  it.each([
    ['space-separated', 'chr1 100 . A G . PASS .', -1, 'f.vcf:7: data line has 1 tab-separated column(s), VCF needs at least 8 (is the file space-separated?)'],
    ['too few columns', line('chr1', '100', '.', 'A', 'G'), -1, 'f.vcf:7: data line has 5 tab-separated column(s), VCF needs at least 8 (is the file space-separated?)'],
    ['empty CHROM', line('', ...FIXED.slice(1)), -1, 'f.vcf:7: empty CHROM'],
    ['POS not a number', line('chr1', 'x12', ...FIXED.slice(2)), -1, 'f.vcf:7: POS "x12" is not a positive integer (VCF positions are 1-based)'],
    ['POS negative', line('chr1', '-5', ...FIXED.slice(2)), -1, 'f.vcf:7: POS "-5" is not a positive integer (VCF positions are 1-based)'],
    ['POS with leading zero', line('chr1', '0100', ...FIXED.slice(2)), -1, 'f.vcf:7: POS "0100" is not a positive integer (VCF positions are 1-based)'],
    ['POS 0 on a SNV', line('chr1', '0', ...FIXED.slice(2)), -1, 'f.vcf:7: POS 0 is allowed only for a telomeric breakend (VCF 4.3 §1.6.1; positions are 1-based)'],
    ['a long POS is clipped', line('chr1', 'y'.repeat(100), ...FIXED.slice(2)), -1, `f.vcf:7: POS "${'y'.repeat(40)}..." is not a positive integer (VCF positions are 1-based)`],
    ['REF missing', line('chr1', '100', '.', '.', 'G', '.', '.', '.'), -1, 'f.vcf:7: REF is empty'],
    ['QUAL not a number', line('chr1', '100', '.', 'A', 'G', 'high', '.', '.'), -1, 'f.vcf:7: QUAL "high" is not a number or "."'],
    ['sample column absent', line(...FIXED, 'GT'), 9, 'f.vcf:7: data line has 9 columns but the header names a sample in column 10'],
  ])('%s', (_name, text, sampleColumn, message) => {
    let thrown: unknown;
    try {
      parseVcfDataLine(text, 'f.vcf', 7, sampleColumn);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as InputError).message).toBe(message);
  });

  it('without a line number (a region read from an index) the message names the file only', () => {
    expect(() => parseVcfDataLine(line('chr1', 'x', ...FIXED.slice(2)), 'f.vcf.gz', undefined, -1)).toThrow(/^f\.vcf\.gz: POS "x"/);
  });
});

describe('parseGenotype (VCF 4.3 §1.6.2)', () => {
  it.each([
    ['GT', '0/1', { alleles: [0, 1], phased: false }],
    ['GT:DP', '1|0:30', { alleles: [1, 0], phased: true }],
    ['GT', '1', { alleles: [1], phased: false }],
    ['GT', './.', { alleles: [null, null], phased: false }],
    ['GT', '.', { alleles: [null], phased: false }],
    ['GT:AD', ':5,5', { alleles: [null], phased: false }],
    ['GT', '0/2', { alleles: [0, 2], phased: false }],
    ['GT', '1/.', { alleles: [1, null], phased: false }],
    ['DP:GT', '12:0/1', null],
    ['GT', 'A/B', null],
  ])('FORMAT %s, sample %s', (format, sample, expected) => {
    expect(parseGenotype(format, sample)).toEqual(expected);
  });
});
