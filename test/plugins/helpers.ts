import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_BUNDLE, DEMO_VCF, ROOT, runCli, CliResult } from '../helpers/cli';

export const EXAMPLES = path.join(ROOT, 'examples');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'plugins');
export const HPO_FILE = path.join(ROOT, 'samples', 'demo-proband.hpo.txt');

export interface PluginRun extends CliResult {
  results: Results;
  tsv: string[][];
  html: string;
}

/** The parts of results.json these tests read. */
export interface Results {
  plugins?: Array<{ name: string; version: string; kind: string; path: string; match?: string }>;
  warnings: string[];
  counts: { passed_filters: number; per_filter: Record<string, number>; plugins?: Record<string, { dropped: number; skipped: number; drop_reasons: Record<string, number> }> };
  candidates: Array<{ rank: number; gene: { symbol: string }; variants: Array<{ chrom: string; pos: number; ref: string; alt: string; score: number; reasons: string[]; hgvs_c: string | null; annotations?: Record<string, unknown>; plugin_scores?: Record<string, number | null> }> }>;
}

/** One demo run (`vartriage run` on the demo proband and bundle) with extra arguments; outputs read back when it succeeded. */
export function runDemo(out: string, extra: string[], env: Record<string, string> = {}, vcf: string = DEMO_VCF): PluginRun {
  const r = runCli(['run', '--vcf', vcf, '--hpo-file', HPO_FILE, '--reference', DEMO_BUNDLE, '--out', out, '-q', '--no-store', ...extra], env);
  if (r.code !== 0) return { ...r, results: null as unknown as Results, tsv: [], html: '' };
  const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as Results;
  const tsv = fs.readFileSync(path.join(out, 'candidates.tsv'), 'utf8').trimEnd().split('\n').map((l) => l.split('\t'));
  return { ...r, results, tsv, html: fs.readFileSync(path.join(out, 'report.html'), 'utf8') };
}

export function variantAt(r: Results, chrom: string, pos: number, alt?: string): Results['candidates'][number]['variants'][number] {
  for (const c of r.candidates) for (const v of c.variants) if (v.chrom === chrom && v.pos === pos && (alt === undefined || v.alt === alt)) return v;
  throw new Error(`no candidate variant at ${chrom}:${pos}${alt ? ` >${alt}` : ''}`);
}

/** The error lines on stderr (one is expected). */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('vartriage: error') || l.startsWith('vartriage: internal'));
}
