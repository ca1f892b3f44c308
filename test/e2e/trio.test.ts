/**
 * A trio as a user runs it: `vartriage run --vcf trio.vcf.gz --ped trio.ped`. The fixture
 * (test/fixtures/trio/, built by scripts/make-trio-fixture.ts) holds real NA12878-trio records with
 * planted cases; the expected outcome of each is written here. Bad pedigree input follows.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { Candidate } from '../../src/prioritise/types';
import { DEMO_BUNDLE, ROOT, runCli, sharedAvailable, SHARED_DATA, tmpDir } from '../helpers/cli';
import { compileResultsSchema, errorLines } from '../helpers/resultsSchema';

const TRIO = path.join(ROOT, 'test', 'fixtures', 'trio');
const VCF = path.join(TRIO, 'trio.vcf.gz');
const PED = path.join(TRIO, 'trio.ped');
/** Kabuki syndrome features: KMT2D, the planted de novo, should come first. */
const HPO = 'HP:0001263,HP:0000637,HP:0001249,HP:0001252';
const dir = tmpDir('vartriage-trio-');

interface Results {
  warnings: string[];
  input: { sample: string; sex: string; pedigree?: { proband: string; members: Array<{ id: string; relation: string }> } };
  candidates: Candidate[];
}

function run(name: string, args: string[]): { code: number; stderr: string; results: Results | null; html: string } {
  const out = path.join(dir, name);
  const r = runCli(['run', '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out, '-q', '--top', '100', '--no-store', ...args], { SOURCE_DATE_EPOCH: '1764288000' });
  const file = path.join(out, 'results.json');
  return { code: r.code, stderr: r.stderr, results: fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Results) : null, html: fs.existsSync(path.join(out, 'report.html')) ? fs.readFileSync(path.join(out, 'report.html'), 'utf8') : '' };
}

const gene = (r: Results, symbol: string): Candidate => {
  const c = r.candidates.find((x) => x.gene.symbol === symbol);
  if (!c) throw new Error(`${symbol} is not among the candidates`);
  return c;
};

// gene, mode used, fits, de_novo, phased, explanation
const EXPECTED: Array<[string, string, boolean, boolean | null, boolean | null, RegExp]> = [
  ['KMT2D', 'autosomal dominant', true, true, null, /^de novo: both parents homozygous reference/],
  ['MECP2', 'X-linked dominant', true, true, null, /^de novo/],
  ['PAH', 'autosomal recessive', true, false, true, /compound heterozygous, phased in trans from the parents: chr12:\d+ A>C from the father, chr12:\d+ C>T from the mother/],
  ['CFTR', 'autosomal recessive', false, false, true, /in cis.*both come from the father/],
  ['GJB2', 'autosomal recessive', true, false, null, /^homozygous; inherited: carried by NA12891_14 \(father\) and NA12892_18 \(mother\)/],
  ['SCN1A', 'autosomal dominant', false, false, null, /unaffected NA12891_14 \(father\) has it/],
  ['FBN1', 'autosomal dominant', true, null, null, /NA12891_14 \(father\) has a low-quality call \(0\/0, DP \d, GQ \d+; needs DP ≥ 10, GQ ≥ 20\)/],
];

describe('vartriage run --ped on the planted trio', () => {
  const trio = run('trio', ['--vcf', VCF, '--ped', PED]);
  const single = run('single', ['--vcf', VCF, '--sample', 'NA12878x2_80']);
  const r = trio.results as Results;

  it('runs, picks the affected daughter as proband and takes her sex from the PED', () => {
    expect(trio.stderr).toBe('');
    expect(trio.code).toBe(0);
    expect(r.input.sample).toBe('NA12878x2_80');
    expect(r.input.sex).toBe('female');
    expect(r.input.pedigree?.members.map((m) => `${m.id}:${m.relation}`)).toEqual(['NA12878x2_80:proband', 'NA12891_14:father', 'NA12892_18:mother']);
  });

  it.each(EXPECTED)('%s: %s, fits %s, de novo %s, phased %s', (symbol, mode, fits, deNovo, phased, says) => {
    const c = gene(r, symbol);
    expect(c.segregation?.[0]).toEqual({ mode, fits, de_novo: deNovo, phased, explanation: expect.stringMatching(says) });
    expect(c.inheritance.fits).toBe(fits);
    for (const v of c.variants) expect(v.family?.map((m) => m.id)).toEqual(['NA12878x2_80', 'NA12891_14', 'NA12892_18']);
  });

  it('ranks the de novo KMT2D variant first', () => {
    expect(r.candidates[0].gene.symbol).toBe('KMT2D');
    expect(gene(r, 'KMT2D').variants[0].family?.map((m) => `${m.gt} ${m.status}`)).toEqual(['0/1 heterozygous', '0/0 reference', '0/0 reference']);
  });

  it('scores contradicted modes down against the singleton run, and lifts the phased compound heterozygote', () => {
    const s = single.results as Results;
    expect(single.code).toBe(0);
    expect(s.candidates.some((c) => c.segregation !== undefined || c.variants.some((v) => v.family !== undefined))).toBe(false);
    const rank = (x: Results, g: string): number => gene(x, g).rank;
    expect(gene(r, 'SCN1A').variant_score).toBeCloseTo(gene(s, 'SCN1A').variant_score * 0.1, 6);
    expect(gene(r, 'CFTR').variant_score).toBeCloseTo(gene(s, 'CFTR').variant_score * 0.1, 6);
    expect(rank(r, 'SCN1A')).toBeGreaterThan(rank(s, 'SCN1A'));
    // CFTR's two hets are in cis: scored down to the last place (in the singleton run its
    // imbalanced calls, 6/21 and 5/27 reads, already put it below GJB2, so rank alone cannot show it).
    expect(rank(r, 'CFTR')).toBe(r.candidates.length);
    expect(rank(r, 'PAH')).toBeLessThan(rank(r, 'CFTR'));
  });

  it('validates against docs/results.schema.json', () => {
    const validate = compileResultsSchema();
    const ok = validate(r);
    expect(errorLines(validate)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('shows each family member\'s genotype for every reported variant in report.html', () => {
    const tables = trio.html.match(/<table class="family">/g) ?? [];
    expect(tables.length).toBe(r.candidates.reduce((n, c) => n + c.variants.length, 0));
    expect(trio.html).toContain('Segregation in the family');
    expect(trio.html).toMatch(/<td>NA12891_14<\/td><td>father<\/td><td>unaffected<\/td><td>male<\/td><td class="mono">0\/0<\/td><td class="fit-no">low quality<\/td>/);
  });
});

/** The fixture with its sample names replaced, written plain (an unindexed VCF is read whole, with a warning). */
function renamedVcf(name: string, names: [string, string, string], extra: string[] = []): string {
  const text = zlib.gunzipSync(fs.readFileSync(VCF)).toString('utf8').replace('NA12878x2_80\tNA12891_14\tNA12892_18', names.join('\t'));
  const file = path.join(dir, name);
  const lines = text.split('\n');
  const data = lines.filter((l) => l && !l.startsWith('#'));
  // `extra` are chrX calls below the fixture's one chrX record: insert them before it to keep the file sorted.
  fs.writeFileSync(file, [...lines.filter((l) => l.startsWith('#')), ...data.filter((l) => !l.startsWith('chrX\t')), ...extra, ...data.filter((l) => l.startsWith('chrX\t'))].join('\n') + '\n');
  return file;
}

function ped(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

const warnings = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('vartriage: warning:') && !l.includes('no .tbi/.csi index'));

describe('bad pedigree input: one line each', () => {
  it('a PED naming a sample missing from the VCF: warning, genotypes unknown', () => {
    const file = ped('extra.ped', fs.readFileSync(PED, 'utf8') + 'CEPH1463 NA12877 0 0 1 0\nCEPH1463 SIB NA12891_14 NA12892_18 1 1\n');
    const r = run('extra', ['--vcf', VCF, '--ped', file]);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([`vartriage: warning: ${file}:6: SIB (sibling of NA12878x2_80) is not a sample of the VCF; its genotypes are unknown`, `vartriage: warning: ${file}:5: NA12877 (relative of NA12878x2_80) is not a sample of the VCF; its genotypes are unknown`].sort((a, b) => (a.includes(':5:') ? -1 : b.includes(':5:') ? 1 : 0)));
    const sib = gene(r.results as Results, 'KMT2D').variants[0].family?.find((m) => m.id === 'SIB');
    expect(sib).toEqual(expect.objectContaining({ gt: null, status: 'not sequenced' }));
  });

  it('duplicate ids: error naming file and line, exit 1', () => {
    const file = ped('dup.ped', fs.readFileSync(PED, 'utf8') + 'OTHER NA12891_14 0 0 1 1\n');
    const r = run('dup', ['--vcf', VCF, '--ped', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`vartriage: error: ${file}:5: individual "NA12891_14" appears twice (first on line 3); individual ids must be unique`]);
  });

  it('a proband without parents: runs as a singleton with a warning', () => {
    const file = ped('alone.ped', 'F NA12878x2_80 0 0 2 2\n');
    const r = run('alone', ['--vcf', VCF, '--ped', file, '--proband', 'NA12878x2_80']);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([`vartriage: warning: ${file}:1: proband NA12878x2_80 has no parent in the VCF; analysed as a singleton (no de novo calls, compound heterozygotes unphased)`]);
    expect(gene(r.results as Results, 'KMT2D').segregation?.[0]).toEqual(expect.objectContaining({ fits: true, de_novo: null }));
  });

  it('no affected child of a sequenced trio and no --proband: error asking for --proband', () => {
    const file = ped('noaff.ped', 'F NA12878x2_80 NA12891_14 NA12892_18 2 0\nF NA12891_14 0 0 1 1\nF NA12892_18 0 0 2 1\n');
    const r = run('noaff', ['--vcf', VCF, '--ped', file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`vartriage: error: ${file}: no affected individual has both parents in the VCF; name the proband with --proband ID`]);
  });

  it('inconsistent sex (male in the PED, heterozygous on X): warning', () => {
    // 25 heterozygous calls of the proband on X outside the PARs (GRCh38), plus the fixture's MECP2 0/1: 26.
    const xCalls = Array.from({ length: 25 }, (_, i) => `chrX\t${20_000_000 + i * 1000}\t.\tA\tG\t50\t.\t.\tGT:DP:AD:GQ\t0/1:30:15,15:60\t0/0:30:30,0:60\t0/1:30:15,15:60`);
    const vcf = renamedVcf('sexcheck.vcf', ['kid', 'dad', 'mum'], xCalls);
    const file = ped('sex.ped', 'F kid dad mum 1 2\nF dad 0 0 1 1\nF mum 0 0 2 1\n');
    const r = run('sex', ['--vcf', vcf, '--ped', file]);
    expect(r.code).toBe(0);
    expect(warnings(r.stderr)).toEqual([`vartriage: warning: ${file}: kid is male in the PED but 26 of 26 non-reference X calls outside the PARs are heterozygous; check the PED sex or the sample identity`]);
    expect((r.results as Results).input.sex).toBe('male');
  });

  it('escapes sample names in the report', () => {
    const vcf = renamedVcf('hostile.vcf', ['kid<script>x</script>', 'dad', 'mum']);
    const file = ped('hostile.ped', 'F kid<script>x</script> dad mum 2 2\nF dad 0 0 1 1\nF mum 0 0 2 1\n');
    const r = run('hostile', ['--vcf', vcf, '--ped', file]);
    expect(r.code).toBe(0);
    expect(r.html).toContain('kid&lt;script&gt;x&lt;/script&gt;');
    expect(r.html).not.toContain('<script>x</script>');
  });
});

(sharedAvailable() ? describe : describe.skip)('the real NA12878 trio joint call (../shared/data)', () => {
  const vcf = path.join(SHARED_DATA, 'vcf', 'NA12878-trio.GRCh38.ngs-bits-TrioMendelianErrors_in1.vcf.gz');
  const file = ped('ceph.ped', '#CEPH 1463\nCEPH1463 NA12878x2_80 NA12891_14 NA12892_18 2 2\nCEPH1463 NA12891_14 0 0 1 1\nCEPH1463 NA12892_18 0 0 2 1\n');

  it('gives every reported variant the three genotypes, and the same results.json on 1 and 2 threads over many shards', () => {
    const one = run('real-1', ['--vcf', vcf, '--ped', file, '-t', '1', '--shard-bytes', '200000']);
    const two = run('real-2', ['--vcf', vcf, '--ped', file, '-t', '2', '--shard-bytes', '200000']);
    expect(one.code).toBe(0);
    const r = one.results as Results;
    expect(r.candidates.length).toBeGreaterThan(0);
    for (const c of r.candidates) {
      expect(c.segregation).toBeDefined();
      for (const v of c.variants) expect(v.family?.map((m) => m.relation)).toEqual(['proband', 'father', 'mother']);
    }
    const text = (n: string): string => fs.readFileSync(path.join(dir, n, 'results.json'), 'utf8').split(path.join(dir, n)).join('OUT');
    expect(text('real-2')).toBe(text('real-1'));
    expect(two.code).toBe(0);
  });
});

describe('a trio on a cluster: annotate --ped --shard i/N, then merge', () => {
  const base = tmpDir('vartriage-trio-merge-');
  const epoch = { SOURCE_DATE_EPOCH: '1764288000' };
  const shard = (i: number, extra: string[] = []): string => {
    const out = path.join(base, `shard-${i}${extra.length ? '-x' : ''}.vtshard.gz`);
    const r = runCli(['annotate', '--vcf', VCF, '--reference', DEMO_BUNDLE, '--ped', PED, '--shard', `${i}/3`, '--out', out, '-q', ...extra], epoch);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return out;
  };
  const shards = [1, 2, 3].map((i) => shard(i));
  const ranking = ['--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', 'out', '-q', '--top', '100'];
  const mergeCwd = path.join(base, 'merge');
  const runCwd = path.join(base, 'run');
  fs.mkdirSync(mergeCwd);
  fs.mkdirSync(runCwd);

  it('gives the bytes `run --ped` gives, store included, and records that command', () => {
    const merged = runCli(['merge', shards[2], shards[0], shards[1], ...ranking], epoch, mergeCwd);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(runCli(['run', '--vcf', VCF, '--ped', PED, ...ranking, '--shards', '3'], epoch, runCwd).code).toBe(0);
    for (const f of ['results.json', 'candidates.tsv', 'report.html', 'store/warm.sqlite', 'store/warm.blobs', 'store/hot.sqlite', 'store/variants.vcf.gz']) {
      expect({ f, same: fs.readFileSync(path.join(mergeCwd, 'out', f)).equals(fs.readFileSync(path.join(runCwd, 'out', f))) }).toEqual({ f, same: true });
    }
    const r = JSON.parse(fs.readFileSync(path.join(mergeCwd, 'out', 'results.json'), 'utf8')) as Results & { command: string };
    expect(r.command).toBe(`vartriage run --vcf ${VCF} --ped ${PED} --hpo ${HPO} --reference ${DEMO_BUNDLE} --out out --top 100`);
    expect(r.input.pedigree?.proband).toBe('NA12878x2_80');
    expect(gene(r, 'KMT2D').rank).toBe(1);
    expect(gene(r, 'PAH').segregation).toBeDefined();
  });

  it('refuses to merge a shard annotated without --ped with one line', () => {
    const single = path.join(base, 'single-2.vtshard.gz');
    expect(runCli(['annotate', '--vcf', VCF, '--reference', DEMO_BUNDLE, '--shard', '2/3', '--out', single, '-q'], epoch).code).toBe(0);
    const r = runCli(['merge', shards[0], single, shards[2], ...ranking.map((a) => (a === 'out' ? path.join(base, 'refused') : a))], epoch);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^vartriage: error: .*single-2\.vtshard\.gz: cannot merge with .*shard-1\.vtshard\.gz: made from another --ped or --proband \(no --ped vs PED [0-9a-f]{12}, proband NA12878x2_80\)$/)]);
    expect(fs.existsSync(path.join(base, 'refused'))).toBe(false);
  });
});
