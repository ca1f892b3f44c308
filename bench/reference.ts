/**
 * Reference-build benchmark on the real files in ../shared/data: wall time, peak RSS and bundle
 * size, for the whole GRCh38 dev bundle and for each source built alone (each in its own process,
 * so peak RSS is per source). Writes bench/results/reference.json.
 *
 *   npm run bench:reference
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildBundle, BuildOptions } from '../src/reference/build';
import { silentLogger } from '../src/log';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = process.env.SHARED_DATA ?? path.resolve(ROOT, '..', 'shared', 'data');
const G38 = path.join(DATA, 'gnomad', 'GRCh38');

type Kind = 'clinvar' | 'gnomad' | 'genes' | 'hpo' | 'gnomad_v4_full_info' | 'gnomad_af_only';
const INPUTS: Record<Kind, Partial<BuildOptions>> = {
  // Two single files that show gnomAD's two extremes: v4 with its full INFO (~7 KB per record) and a slim AF-only file.
  gnomad_v4_full_info: { gnomad: [path.join(G38, 'gnomad.genomes.v4.0.sites.chrX_10003-20000.annonars.vcf.bgz')] },
  gnomad_af_only: { gnomad: [path.join(G38, 'gnomad.genomes.r2.0.2.sites.hg38liftover.simple.chr20-22.AF0.4-0.6.dariober.vcf.gz')] },
  clinvar: { clinvar: path.join(DATA, 'clinvar', 'clinvar.20161102.GRCh38-lifted.vcf.gz') },
  gnomad: { gnomad: fs.existsSync(G38) ? fs.readdirSync(G38).filter((f) => /\.(bgz|gz)$/.test(f)).sort().map((f) => path.join(G38, f)) : [] },
  genes: { genes: ['refGene.hg38.2017.txt.gz', 'MANE.GRCh38.v1.0.summary.txt.gz', 'MANE.v1.0-x-refGene.hg38.genePred.txt.gz'].map((f) => path.join(DATA, 'genes', f)) },
  hpo: {
    hpo: path.join(DATA, 'hpo', 'hp.v2023-01-27.json.gz'),
    hpoAnnotations: path.join(DATA, 'hpo', 'phenotype.hpoa.gz'),
    genesToPhenotype: path.join(DATA, 'hpo', 'genes_to_phenotype.txt.gz'),
  },
};

interface RunResult {
  build_s: number;
  peak_rss_mb: number;
  bundle_bytes: number;
  sources: Record<string, { records: number; bytes: number; build_s: number; upstream_bytes: number }>;
}

/** Child mode: build the named sources into a fresh directory and print what it measured. */
function child(kinds: Kind[]): void {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'vartriage-bench-ref-'));
  const opts: BuildOptions = { out: path.join(out, 'b'), build: 'GRCh38', gnomad: [], genes: [], force: false, log: silentLogger };
  for (const k of kinds) Object.assign(opts, INPUTS[k]);
  const t0 = process.hrtime.bigint();
  const r = buildBundle(opts);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const bundleBytes = fs.readdirSync(opts.out).reduce((s, f) => s + fs.statSync(path.join(opts.out, f)).size, 0);
  const upstreamBytes = (files: string[]): number => files.reduce((s, f) => s + fs.statSync(f).size, 0);
  const result: RunResult = {
    build_s: round(seconds),
    peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
    bundle_bytes: bundleBytes,
    sources: Object.fromEntries(
      r.manifest.sources.map((s) => [s.kind, { records: s.records, bytes: s.bytes ?? 0, build_s: round(r.seconds[s.kind] ?? 0), upstream_bytes: upstreamBytes(kinds.length === 1 ? inputFiles(kinds[0]) : inputFiles(s.kind as Kind)) }]),
    ),
  };
  fs.rmSync(out, { recursive: true, force: true });
  process.stdout.write(JSON.stringify(result));
}

function inputFiles(kind: Kind): string[] {
  const i = INPUTS[kind];
  return [i.clinvar, ...(i.gnomad ?? []), ...(i.genes ?? []), i.hpo, i.hpoAnnotations, i.genesToPhenotype].filter((f): f is string => typeof f === 'string');
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function runChild(kinds: Kind[]): RunResult {
  const r = spawnSync(process.execPath, [__filename, '--child', kinds.join(',')], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`benchmark child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as RunResult;
}

function main(): void {
  if (!fs.existsSync(DATA)) {
    process.stderr.write(`bench:reference needs ${DATA} (the shared real data); skipped\n`);
    return;
  }
  const kinds: Kind[] = ['clinvar', 'gnomad', 'genes', 'hpo'];
  const full = runChild(kinds);
  const perSource = Object.fromEntries(kinds.map((k) => {
    const one = runChild([k]);
    return [k, { ...one.sources[k], alone_build_s: one.build_s, alone_peak_rss_mb: one.peak_rss_mb }];
  }));
  const result = {
    benchmark: 'reference build, GRCh38 dev bundle from ../shared/data (HPO 2023-01-27, ClinVar 2016 lifted, all GRCh38 gnomAD excerpts, refGene 2017 + MANE v1.0)',
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? '',
    build_s: full.build_s,
    peak_rss_mb: full.peak_rss_mb,
    bundle_bytes: full.bundle_bytes,
    sources: perSource,
    // Rates for scaling to full-size gnomAD (README "Time at full size").
    gnomad_rates: Object.fromEntries((['gnomad_v4_full_info', 'gnomad_af_only'] as const).map((k) => {
      const one = runChild([k]);
      const g = one.sources.gnomad;
      return [k, { file: path.basename(INPUTS[k].gnomad![0]), records: g.records, upstream_bytes: g.upstream_bytes, build_s: g.build_s, records_per_s: Math.round(g.records / g.build_s) }];
    })),
  };
  fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  const file = path.join(ROOT, 'bench', 'results', 'reference.json');
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  process.stdout.write(`${file}\n${JSON.stringify(result, null, 2)}\n`);
}

if (process.argv[2] === '--child') child(process.argv[3].split(',') as Kind[]);
else main();
