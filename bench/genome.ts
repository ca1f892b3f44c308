/**
 * Genome benchmark: `vartriage run` end to end on the 5M-record genome (bench/work/genome-5M.vcf.gz,
 * tiled real records, built by bench/makeGenomeVcf.ts) with the GRCh38 dev bundle
 * (scripts/build-dev-bundle.sh), with and without the result store, on 2 threads. Wall time from
 * here; annotate / rank / write seconds and peak RSS from the run's closing `--log-format json`
 * record. In the same run, as the anchor: vcfanno (Pedersen et al. 2016) annotating the same file
 * with the bundle's ClinVar and gnomAD files (position/allele lookups only: no consequences, no
 * ranking, no store), and `bgzip -dc | wc -l`. Writes bench/results/genome.json.
 *
 *   npm run bench:genome
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { makeGenomeVcf } from './makeGenomeVcf';

const ROOT = path.resolve(__dirname, '..', '..');
const GENOME = path.join(ROOT, 'bench', 'work', 'genome-5M.vcf.gz');
const BUNDLE = path.join(ROOT, 'bench', 'work', 'grch38-dev');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const SHARED_DATA = path.resolve(ROOT, '..', 'shared', 'data');
const WORK = path.join(ROOT, 'bench', 'work', 'genome-run');
const HPO = 'HP:0001156,HP:0001363,HP:0011304,HP:0010055';

interface RunFigures {
  wall_s: number;
  variants_per_s: number;
  variants: number;
  passed_filters: number;
  annotate_s: number | null;
  rank_s: number | null;
  write_s: number | null;
  peak_rss_mb: number | null;
  load_before: number[];
}

function runVartriage(name: string, extra: string[]): RunFigures {
  const out = path.join(WORK, name);
  fs.rmSync(out, { recursive: true, force: true });
  const load = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, 'run', '--vcf', GENOME, '--hpo', HPO, '--reference', BUNDLE, '--out', out, '--threads', '2', '--log-format', 'json', ...extra], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`vartriage run (${name}) exited ${r.status}: ${r.stderr.slice(-2000)}`);
  const last = r.stderr
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, number>)
    .filter((o) => 'peak_rss_mb' in o)
    .pop();
  if (!last) throw new Error(`vartriage run (${name}) wrote no closing log record`);
  return {
    wall_s: Math.round(wall * 100) / 100,
    variants_per_s: Math.round(last.variants / wall),
    variants: last.variants,
    passed_filters: last.passed_filters,
    annotate_s: last.annotate_s ?? null,
    rank_s: last.rank_s ?? null,
    write_s: last.write_s ?? null,
    peak_rss_mb: last.peak_rss_mb ?? null,
    load_before: load,
  };
}

function wall(cmd: string): number {
  const t = process.hrtime.bigint();
  execFileSync('bash', ['-o', 'pipefail', '-c', cmd], { stdio: ['ignore', 'ignore', 'ignore'] });
  return Math.round((Number(process.hrtime.bigint() - t) / 1e9) * 100) / 100;
}

/**
 * vcfanno with the files the dev bundle was built from (bench/work/grch38-dev/manifest.json): ClinVar
 * as is, the gnomAD excerpts joined into one file by `bcftools concat -a` (as the bundle joins them;
 * vcfanno given eight excerpt files spends most of its time on contigs each lacks).
 */
function vcfanno(): { wall_s: number; sources: string[]; note: string } | { skipped: string } {
  if (spawnSync('vcfanno', ['-h']).error) return { skipped: 'vcfanno is not installed (Debian package vcfanno)' };
  const clinvar = path.join(SHARED_DATA, 'clinvar', 'clinvar.20161102.GRCh38-lifted.vcf.gz');
  const gnomadDir = path.join(SHARED_DATA, 'gnomad', 'GRCh38');
  const excerpts = fs.readdirSync(gnomadDir).filter((f) => /\.(vcf\.gz|vcf\.bgz)$/.test(f)).map((f) => path.join(gnomadDir, f));
  const gnomad = path.join(WORK, 'gnomad-excerpts.vcf.gz');
  execFileSync('bash', ['-o', 'pipefail', '-c', `bcftools concat -a --allow-overlaps ${excerpts.join(' ')} -Oz -o ${gnomad} && tabix -f ${gnomad}`], { stdio: 'ignore' });
  const toml = [
    `[[annotation]]\nfile="${clinvar}"\nfields=["CLINICAL_SIGNIFICANCE","GOLD_STARS"]\nnames=["clinvar_sig","clinvar_stars"]\nops=["self","self"]\n`,
    `[[annotation]]\nfile="${gnomad}"\nfields=["AF"]\nnames=["gnomad_af"]\nops=["self"]\n`,
  ].join('\n');
  const conf = path.join(WORK, 'vcfanno.toml');
  fs.writeFileSync(conf, toml);
  return {
    wall_s: wall(`vcfanno -p 2 ${conf} ${GENOME} 2>/dev/null | bgzip -c > ${path.join(WORK, 'vcfanno.vcf.gz')}`),
    sources: [clinvar, ...excerpts].map((f) => path.relative(ROOT, f)),
    note: 'vcfanno -p 2, output bgzipped like our cold tier; ClinVar and gnomAD lookups only (no consequences, ranking or store)',
  };
}

function main(): void {
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run bundle:dev\` first`);
  if (!fs.existsSync(GENOME)) makeGenomeVcf(GENOME, 5_000_000);
  fs.mkdirSync(WORK, { recursive: true });
  const records = Number(execFileSync('bash', ['-c', `bgzip -dc ${GENOME} | grep -vc '^#'`], { encoding: 'utf8' }).trim());
  const bgzipWc = wall(`bgzip -dc ${GENOME} | wc -l`);
  const withStore = runVartriage('with-store', []);
  // The store without the input records' own fields in its cold tier: what those fields cost.
  const storeNoInputFields = runVartriage('store-no-input-fields', ['--no-input-fields']);
  const noStore = runVartriage('no-store', ['--no-store']);
  const anchor = vcfanno();
  const result = {
    benchmark: 'genome',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model.split(' ').slice(0, 2).join(' '), node: process.version },
    file: path.relative(ROOT, GENOME),
    records,
    bundle: 'grch38-dev: ClinVar 2016 lifted to GRCh38, gnomAD excerpts only (so almost every variant in a gene passes --max-af), refGene 2017 + MANE v1.0, HPO 2023-01-27',
    command: `vartriage run --vcf ${path.relative(ROOT, GENOME)} --hpo ${HPO} --reference bench/work/grch38-dev --out OUT --threads 2 [--no-input-fields | --no-store]`,
    runs: { with_store: withStore, with_store_no_input_fields: storeNoInputFields, no_store: noStore },
    wall_s: withStore.wall_s,
    variants_per_s: withStore.variants_per_s,
    peak_rss_mb: withStore.peak_rss_mb,
    bgzip_dc_wc_s: bgzipWc,
    ratio_to_bgzip_wc: Math.round((withStore.wall_s / bgzipWc) * 10) / 10,
    vcfanno: anchor,
    ratio_to_vcfanno: 'wall_s' in anchor ? Math.round((withStore.wall_s / anchor.wall_s) * 100) / 100 : null,
    load_after: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
  const out = path.join(ROOT, 'bench', 'results', 'genome.json');
  fs.writeFileSync(out, JSON.stringify(result, null, 1) + '\n');
  process.stdout.write(JSON.stringify({ wall_s: result.wall_s, peak_rss_mb: result.peak_rss_mb, no_store_wall_s: noStore.wall_s, vcfanno: anchor }) + '\n');
}

main();
