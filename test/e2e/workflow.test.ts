/**
 * The cohort workflow (workflow/Snakefile) on Debian's snakemake: 3 demo samples x 4 shards with
 * --cores 2. Each sample's outputs must equal a single-machine `vartriage run` byte for byte, and
 * the cohort store's carrier counts must equal counts taken straight from the input VCFs.
 * Skips (saying so) where snakemake is absent; fails in CI, which installs it (.ci/run).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { CLI, DEMO_BUNDLE, DEMO_VCF, hasCommand, ROOT, runCli, tmpDir } from '../helpers/cli';
import { compareTrees } from '../helpers/sameFiles';

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const SHARDS = 4;
const SAMPLES: Record<string, { vcf: string; hpo: string }> = {
  'DEMO-PROBAND': { vcf: DEMO_VCF, hpo: 'HP:0001250,HP:0004322' },
  'DEMO-RELATIVE-A': { vcf: path.join(ROOT, 'samples', 'cohort', 'demo-relative-a.vcf.gz'), hpo: 'HP:0001263' },
  'DEMO-RELATIVE-B': { vcf: path.join(ROOT, 'samples', 'cohort', 'demo-relative-b.vcf.gz'), hpo: 'HP:0001250' },
};

const available = hasCommand('snakemake');
if (!available && process.env.CI) throw new Error('snakemake is not installed: .ci/run installs it with apt-get (Debian package snakemake)');
if (!available) process.stderr.write('skipping the Snakemake workflow test: snakemake is not installed (apt-get install snakemake)\n');
const describeIf = available ? describe : describe.skip;

/** Carriers per SNV allele (multi-allelic records split), read from the VCFs without vartriage: the oracle for the cohort counts. */
function snvCarriers(): Map<string, string[]> {
  const carriers = new Map<string, string[]>();
  for (const [sample, { vcf }] of Object.entries(SAMPLES)) {
    for (const line of zlib.gunzipSync(fs.readFileSync(vcf)).toString('utf8').split('\n')) {
      if (line.startsWith('#') || !line) continue;
      const f = line.split('\t');
      const gt = f[9].split(':')[0].split(/[/|]/);
      f[4].split(',').forEach((alt, k) => {
        if (f[3].length !== 1 || !/^[ACGT]$/.test(alt) || !gt.includes(String(k + 1))) return;
        const key = `${f[0]}:${f[1]}:${f[3]}:${alt}`;
        carriers.set(key, [...(carriers.get(key) ?? []), sample]);
      });
    }
  }
  return carriers;
}

describeIf('workflow/Snakefile: 3 samples x 4 shards on snakemake --cores 2', () => {
  const base = tmpDir('vartriage-workflow-');
  const work = path.join(base, 'work');
  const single = path.join(base, 'single');
  let snake: ReturnType<typeof spawnSync>;

  beforeAll(() => {
    fs.mkdirSync(work);
    fs.mkdirSync(single);
    const config = {
      vartriage: `${process.execPath} ${CLI}`,
      reference: DEMO_BUNDLE,
      shards: SHARDS,
      out: 'results',
      ranking_options: '--top 20',
      samples: SAMPLES,
    };
    // JSON is YAML: snakemake reads it as a config file.
    fs.writeFileSync(path.join(work, 'config.json'), JSON.stringify(config, null, 2));
    snake = spawnSync('snakemake', ['-s', path.join(ROOT, 'workflow', 'Snakefile'), '--configfile', 'config.json', '--directory', work, '--cores', '2', '-q'], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, ...EPOCH },
      timeout: 600000,
    });
  }, 600000);

  it('completes', () => {
    expect({ status: snake.status, stderr: snake.status === 0 ? '' : String(snake.stderr).slice(-2000) }).toEqual({ status: 0, stderr: '' });
    expect(fs.existsSync(path.join(work, 'results', 'shards', 'DEMO-PROBAND', 'shard-1-of-4.vtshard.gz'))).toBe(false);
  });

  it.each(Object.keys(SAMPLES))('%s: outputs equal a single-machine vartriage run', (sample) => {
    const { vcf, hpo } = SAMPLES[sample];
    const out = `results/samples/${sample}`;
    const r = runCli(['run', '--vcf', vcf, '--hpo', hpo, '--reference', DEMO_BUNDLE, '--out', out, '--top', '20', '--shards', String(SHARDS), '-q'], EPOCH, single);
    expect(r.code).toBe(0);
    const diff = compareTrees(path.join(single, out), path.join(work, out));
    expect(diff.length).toBeGreaterThanOrEqual(7);
    expect(diff.filter((d) => !d.same)).toEqual([]);
  });

  it('counts the samples carrying each variant in the cohort store, as the VCFs say', () => {
    const db = new Database(path.join(work, 'results', 'cohort', 'cohort.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT chrom, pos1, ref, alt, samples_carrying, samples FROM variants WHERE length(ref) = 1 AND length(alt) = 1").all() as Array<{ chrom: string; pos1: number; ref: string; alt: string; samples_carrying: number; samples: string }>;
    db.close();
    const oracle = snvCarriers();
    const got = new Map(rows.map((r) => [`${r.chrom}:${r.pos1}:${r.ref}:${r.alt}`, r.samples.split(',')]));
    expect(got.size).toBe(oracle.size);
    for (const [key, samples] of oracle) expect({ key, samples: got.get(key) }).toEqual({ key, samples });
    expect(rows.some((r) => r.samples_carrying === 3)).toBe(true);
  });

  it('answers `vartriage query` on the cohort store: the planted frameshift is the proband\'s alone', () => {
    const r = runCli(['query', path.join(work, 'results', 'cohort'), '--locus', 'chr12:49025149']);
    expect(r.code).toBe(0);
    const [head, row] = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    const cell = (name: string): string => row[head.indexOf(name)];
    expect([cell('ref'), cell('alt'), cell('samples_carrying'), cell('samples'), cell('genes')]).toEqual(['TC', 'T', '1', 'DEMO-PROBAND', 'KMT2D']);
  });
});
