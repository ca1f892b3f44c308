import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { alleleFormat, alleleInfo, alleleValue, sourceHeader } from '../../src/store/sourceFields';
import { DEMO_BUNDLE, hasCommand, runCli, SHARED_DATA, sharedAvailable, tmpDir } from '../helpers/cli';

describe('the input record\'s own fields, split per allele', () => {
  it('splits Number=A, R and G values as bcftools norm -m-any does, and leaves the others whole', () => {
    expect(alleleValue('3,5', 'A', 2, 2)).toBe('5');
    expect(alleleValue('10,3,5', 'R', 2, 2)).toBe('10,5');
    // Diploid G over REF and two ALTs: 0/0 0/1 1/1 0/2 1/2 2/2.
    expect(alleleValue('0,1,2,3,4,5', 'G', 1, 2)).toBe('0,1,2');
    expect(alleleValue('0,1,2,3,4,5', 'G', 2, 2)).toBe('0,3,5');
    // Haploid G: one value per allele.
    expect(alleleValue('7,8,9', 'G', 2, 2)).toBe('7,9');
    expect(alleleValue('a,b', '2', 2, 2)).toBe('a,b');
    expect(alleleValue('1,2', '.', 1, 2)).toBe('1,2');
    // A count that does not fit the Number is not guessed at.
    expect(alleleValue('3,5,7', 'A', 1, 2)).toBe('.');
    expect(alleleValue('3,5', 'A', 1, 1)).toBe('3,5');
  });

  it('keeps a biallelic INFO as written and drops END and an earlier run\'s VT_ fields', () => {
    const numbers = { AC: 'A', AF: 'A', DP: '1', DB: '0' };
    expect(alleleInfo({ info: 'AC=1;DP=9;DB', call: null, altIndex: 1, altCount: 1 }, numbers)).toBe('AC=1;DP=9;DB');
    expect(alleleInfo({ info: 'AC=1,2;AF=0.25,0.5;DP=9;DB;VT_ROW=4;END=12', call: null, altIndex: 2, altCount: 2 }, numbers)).toBe('AC=2;AF=0.5;DP=9;DB');
    expect(alleleInfo({ info: 'DP=9;END=12', call: null, altIndex: 1, altCount: 1 }, numbers)).toBe('DP=9');
    expect(alleleInfo({ info: '.', call: null, altIndex: 1, altCount: 1 }, numbers)).toBe('');
  });

  it('appends the sample\'s other FORMAT fields, split, after vartriage\'s GT:AD:DP:GQ', () => {
    const numbers = { PL: 'G', RNC: '2', PS: '1' };
    expect(alleleFormat({ info: '.', call: 'GT:AD:DP:GQ:PL:RNC\t1/2:0,10,20:32:18:26,24,24,24,0,25:..', altIndex: 2, altCount: 2 }, numbers)).toEqual({ keys: ':PL:RNC', values: ':26,24,25:..' });
    // Trailing fields left out of the sample column are missing values.
    expect(alleleFormat({ info: '.', call: 'GT:PS:PL\t0/1', altIndex: 1, altCount: 1 }, numbers)).toEqual({ keys: ':PS:PL', values: ':.:.' });
    expect(alleleFormat({ info: '.', call: null, altIndex: 1, altCount: 1 }, numbers)).toEqual({ keys: '', values: '' });
  });

  it('copies the input\'s definitions except its GT/AD/DP/GQ, END and VT_ ones', () => {
    const h = sourceHeader([
      '##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count">',
      '##INFO=<ID=END,Number=1,Type=Integer,Description="End">',
      '##INFO=<ID=VT_ROW,Number=1,Type=Integer,Description="old run">',
      '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
      '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Likelihoods">',
    ]);
    expect(h.infoNumber).toEqual({ AC: 'A' });
    expect(h.formatNumber).toEqual({ PL: 'G' });
    expect(h.lines).toEqual(['##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count">', '##FORMAT=<ID=PL,Number=G,Type=Integer,Description="Likelihoods">']);
  });
});

const real = sharedAvailable() && hasCommand('bcftools') ? describe : describe.skip;
if (!hasCommand('bcftools')) process.stderr.write('skipping the cold tier\'s comparison with bcftools norm: bcftools is not installed\n');

/** The minimal representation of a split allele (suffix, then prefix, one base kept): how vartriage writes it without a FASTA. */
function trimmed(chrom: string, pos: number, ref: string, alt: string): string {
  while (ref.length > 1 && alt.length > 1 && ref[ref.length - 1] === alt[alt.length - 1]) {
    ref = ref.slice(0, -1);
    alt = alt.slice(0, -1);
  }
  while (ref.length > 1 && alt.length > 1 && ref[0] === alt[0]) {
    ref = ref.slice(1);
    alt = alt.slice(1);
    pos++;
  }
  return `${chrom}:${pos}:${ref}:${alt}`;
}

/** Per allele: its INFO fields and its sample's FORMAT fields by key. */
function fieldsByAllele(vcfText: string, trim: boolean): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const line of vcfText.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const c = line.split('\t');
    const key = trim ? trimmed(c[0], Number(c[1]), c[3], c[4]) : `${c[0]}:${c[1]}:${c[3]}:${c[4]}`;
    const fields = new Map<string, string>();
    for (const kv of c[7].split(';')) {
      const eq = kv.indexOf('=');
      if (eq > 0) fields.set(`INFO/${kv.slice(0, eq)}`, kv.slice(eq + 1));
    }
    const keys = c[8].split(':');
    const values = c[9].split(':');
    keys.forEach((k, j) => fields.set(`FORMAT/${k}`, values[j] ?? '.'));
    out.set(key, fields);
  }
  return out;
}

real('the cold tier keeps the input record\'s fields, split as bcftools norm -m-any splits them (NA12878, ngs-bits)', () => {
  const vcf = path.join(SHARED_DATA, 'vcf', 'NA12878.GRCh38.single-sample.from-ngs-bits-trio.vcf.gz');
  let ours: Map<string, Map<string, string>>;
  let theirs: Map<string, Map<string, string>>;
  let coldHeaderText: string;

  beforeAll(() => {
    const out = path.join(tmpDir(), 'run');
    const r = runCli(['run', '--vcf', vcf, '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE, '--out', out, '--threads', '2', '-q']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cold = path.join(out, 'store', 'variants.vcf.gz');
    const view = spawnSync('bcftools', ['view', cold], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(view.stderr).toBe('');
    coldHeaderText = view.stdout.split('\n').filter((l) => l.startsWith('##')).join('\n');
    ours = fieldsByAllele(view.stdout, false);
    const norm = spawnSync('bcftools', ['norm', '-m', '-any', vcf], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(norm.status).toBe(0);
    theirs = fieldsByAllele(norm.stdout, true);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('declares the input\'s INFO and FORMAT fields in the cold header', () => {
    expect(coldHeaderText).toContain('##INFO=<ID=AC,Number=A,Type=Integer,Description="Allele count in genotypes">');
    expect(coldHeaderText).toMatch(/##FORMAT=<ID=PL,Number=G,Type=Integer/);
    expect(coldHeaderText).toMatch(/##FORMAT=<ID=RNC,Number=2,/);
  });

  it('gives every allele, multi-allelic records included, the same AC, AN, PL and RNC as bcftools', () => {
    let multi = 0;
    let compared = 0;
    for (const [key, f] of ours) {
      const t = theirs.get(key);
      expect([key, t === undefined]).toEqual([key, false]);
      for (const field of ['INFO/AC', 'INFO/AN', 'FORMAT/PL', 'FORMAT/RNC']) expect([key, field, f.get(field)]).toEqual([key, field, t!.get(field)]);
      if ((t!.get('FORMAT/PL') ?? '').split(',').length === 3 && f.get('INFO/VT_INPUT_GT')?.match(/[2-9]/)) multi++;
      compared++;
    }
    expect(compared).toBeGreaterThan(30000);
    // The 171 multi-allelic records give alleles whose input GT names a second ALT.
    expect(multi).toBeGreaterThan(100);
  });
});

real('--no-input-fields keeps the cold tier to the annotations and the call', () => {
  it('writes neither the input INFO/FORMAT fields nor their definitions', () => {
    const vcf = path.join(SHARED_DATA, 'vcf', 'NA12878.GRCh38.single-sample.from-ngs-bits-trio.vcf.gz');
    const out = path.join(tmpDir(), 'run');
    const r = runCli(['run', '--vcf', vcf, '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE, '--out', out, '--threads', '2', '-q', '--no-input-fields']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const view = spawnSync('bcftools', ['view', path.join(out, 'store', 'variants.vcf.gz')], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(view.stderr).toBe('');
    const lines = view.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('##INFO=<ID=AC,') || l.startsWith('##FORMAT=<ID=PL,'))).toEqual([]);
    const records = lines.filter((l) => l !== '' && !l.startsWith('#'));
    expect(records.length).toBeGreaterThan(30000);
    expect(records.filter((l) => /\tAC=|;AN=/.test(l) || l.split('\t')[8] !== 'GT:AD:DP:GQ')).toEqual([]);
    fs.rmSync(out, { recursive: true, force: true });
  });
});
