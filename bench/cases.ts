/**
 * Case benchmark (issue 7): runs ../shared/bench/score_ranking.py over the published dev cases with
 * the documented `vartriage run` command on the GRCh38 dev bundle (built by
 * scripts/build-dev-bundle.sh) and writes bench/results/cases.json.
 *
 *   npm run bench:cases                      # all dev cases (about an hour on 2 cores)
 *   node dist/bench/cases.js --n 300         # a seeded sample
 *   node dist/bench/cases.js --split B       # only the held-out half of the dev set (see below)
 *
 * The dev set is split by the first hex digit of sha1(case id): 0-7 is half A (used to choose the
 * few global constants of the scoring), 8-f is half B (never used for choosing). Both halves are
 * reported so the fit can be judged.
 */
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { caseStrata } from './caseStrata';

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared');
const WORK = path.join(ROOT, 'bench', 'work', 'cases');
const BUNDLE = path.join(ROOT, 'bench', 'work', 'grch38-dev');
const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** The exact command the harness runs per case (placeholders are the harness's). */
export const CASE_COMMAND = `node ${CLI} run --vcf {vcf} --hpo {hpo} --hpo-excluded {excluded} --sex {sex} --unknown-hpo skip --reference ${BUNDLE} --out {outdir} --quiet --threads 1 --top 50`;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function writeSplits(): Record<'A' | 'B', string> {
  fs.mkdirSync(WORK, { recursive: true });
  const files = { A: path.join(WORK, 'split-A.jsonl.gz'), B: path.join(WORK, 'split-B.jsonl.gz') };
  const lines = zlib.gunzipSync(fs.readFileSync(path.join(SHARED, 'data', 'cases', 'dev.jsonl.gz'))).toString('utf8').split('\n').filter(Boolean);
  const parts: Record<'A' | 'B', string[]> = { A: [], B: [] };
  for (const line of lines) {
    const id = (JSON.parse(line) as { id: string }).id;
    const half = parseInt(crypto.createHash('sha1').update(id).digest('hex')[0], 16) < 8 ? 'A' : 'B';
    parts[half].push(line);
  }
  for (const h of ['A', 'B'] as const) fs.writeFileSync(files[h], zlib.gzipSync(parts[h].join('\n') + '\n'));
  return files;
}

interface HarnessSummary {
  n: number;
  gene_top1: number;
  gene_top3: number;
  gene_top10: number;
  variant_top1: number;
  wall_s_median: number;
  failed_runs: number;
  gene_absent: number;
}

function runHalf(casesFile: string, label: string, n: string | undefined): HarnessSummary {
  const out = path.join(WORK, `harness-${label}.json`);
  const args = [path.join(SHARED, 'bench', 'score_ranking.py'), '--cases', casesFile, '--jobs', '2', '--workdir', path.join(WORK, `run-${label}`), '--cmd', CASE_COMMAND, '--json-out', out];
  args.push(...(n ? ['--n', n] : ['--all']));
  const r = spawnSync('python3', args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`score_ranking.py failed on half ${label}`);
  return JSON.parse(fs.readFileSync(out, 'utf8')) as HarnessSummary;
}

function main(): void {
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run scripts/build-dev-bundle.sh grch38 first`);
  const loadBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const splits = writeSplits();
  const only = arg('--split');
  const n = arg('--n');
  const halves: Record<string, HarnessSummary> = {};
  for (const h of ['A', 'B'] as const) if (!only || only === h) halves[h] = runHalf(splits[h], h, n);
  const all = Object.values(halves);
  const cases = all.reduce((a, x) => a + x.n, 0);
  const weighted = (k: keyof HarnessSummary) => all.reduce((a, x) => a + (x[k] as number) * x.n, 0) / Math.max(1, cases);
  const result = {
    benchmark: 'cases',
    date: new Date().toISOString(),
    command: CASE_COMMAND,
    bundle: 'grch38-dev (HPO 2023-01-27, ClinVar 2016-11-02 lifted to GRCh38, gnomAD excerpts, refGene 2017 + MANE v1.0)',
    split: 'half A = sha1(case id) starts 0-7 (constants chosen on it), half B = 8-f (held out)',
    cases,
    top1: weighted('gene_top1'),
    top3: weighted('gene_top3'),
    top10: weighted('gene_top10'),
    variant_top1: weighted('variant_top1'),
    median_s_per_case: weighted('wall_s_median'),
    // Times per case depend on what else the 2 cores were doing; the ranks do not.
    load: { before: loadBefore, after: os.loadavg().map((x) => Math.round(x * 100) / 100) },
    failed_runs: all.reduce((a, x) => a + x.failed_runs, 0),
    // The same figures by what HPO 2023-01 can know of each case (bench/caseStrata.ts).
    strata: {
      all: caseStrata(Object.keys(halves).map((h) => path.join(WORK, `run-${h}`)), BUNDLE),
      ...Object.fromEntries(Object.keys(halves).map((h) => [h, caseStrata([path.join(WORK, `run-${h}`)], BUNDLE)])),
    },
    halves,
  };
  fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'cases.json'), JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(`cases=${cases} top1=${result.top1.toFixed(3)} top3=${result.top3.toFixed(3)} top10=${result.top10.toFixed(3)}\n`);
}

main();
