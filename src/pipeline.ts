import * as os from 'node:os';
import * as path from 'node:path';
import { Piscina } from 'piscina';
import type { AnnotateJob, ShardOutcome } from './annotate/annotateShard';
import type { AnnotatedVariant, ReadCounts } from './annotate/types';
import { emptyReadCounts } from './annotate/types';
import { fromInputErrorData, InputError } from './errors';
import { AtomicOutputSet } from './io/atomicWrite';
import { readTermInputs, TermInput } from './io/hpoInput';
import { openTabixIndex } from './io/tabixIndex';
import { readVcfHeader, VcfHeader } from './io/vcfHeader';
import type { Logger } from './log';
import { DEFAULT_FILTERS } from './prioritise/filters';
import { rankCandidates } from './prioritise/rank';
import { GeneModels } from './reference/genes';
import { HpoOntology } from './reference/hpoOntology';
import type { HpoId } from './reference/hpoTypes';
import { Manifest, readManifest, sourceFile } from './reference/manifest';
import { renderReportHtml } from './report/html';
import { PatientTermOut, renderResultsJson, Results, RESULTS_SCHEMA } from './report/results';
import { renderCandidatesTsv } from './report/tsv';
import { planByContig, wholeFileShard } from './shard/plan';
import type { Region, ShardSpec } from './shard/types';
import { writeStore } from './store';
import { detectBuild } from './variant/build';
import { toolVersion } from './version';

export interface RunOptions {
  vcf: string;
  hpo?: string;
  hpoFile?: string;
  reference: string;
  out: string;
  sample?: string;
  threads: number;
  region?: string;
  maxAf: number;
  passOnly: boolean;
  top: number;
  sex: 'male' | 'female' | 'unknown';
  /** The result-affecting command line, recorded in the outputs. */
  command: string;
  log: Logger;
}

export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism());
}

/** `chr1:1000-2000` or `chr1` to a 1-based closed region. */
export function parseRegion(text: string): Region {
  const m = /^([^:]+)(?::([\d,]+)(?:-([\d,]+))?)?$/.exec(text);
  if (!m) throw new InputError('--region', `"${text}" is not chr, chr:pos or chr:start-end`);
  const start1 = m[2] ? Number(m[2].replace(/,/g, '')) : 1;
  const end1 = m[3] ? Number(m[3].replace(/,/g, '')) : m[2] ? start1 : 1 << 29;
  if (start1 < 1 || end1 < start1) throw new InputError('--region', `"${text}" has start after end or a start below 1`);
  return { chrom: m[1], start1, end1 };
}

/** Checks the VCF's declared contigs against the bundle's build (DESIGN.md §3). */
function checkBuild(header: VcfHeader, manifest: Manifest, bundleDir: string): string {
  const evidence = detectBuild(header.contigs);
  if (evidence.build && evidence.build !== manifest.build) {
    throw new InputError(header.file, `VCF contigs are ${evidence.build} (by ##contig lengths) but reference bundle ${bundleDir} is ${manifest.build}; use a ${evidence.build} bundle or lift the VCF over`);
  }
  return evidence.build ?? manifest.build;
}

function resolveTerms(inputs: TermInput[], ontology: HpoOntology): PatientTermOut[] {
  const out: PatientTermOut[] = [];
  const seen = new Set<string>();
  for (const t of inputs) {
    const r = ontology.resolve(t.id);
    if (!r) throw new InputError(t.source, `unknown HPO term ${t.id} (not in HPO release ${ontology.meta.get('version') ?? '?'} of the bundle)`, t.line);
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({ id: r.id, label: ontology.label(r.id), input: t.id, ...(r.via ? { mapped_via: r.via } : {}) });
  }
  return out;
}

function startedAt(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}

async function annotateAll(shards: ShardSpec[], job: Omit<AnnotateJob, 'shard'>, threads: number): Promise<{ variants: AnnotatedVariant[]; counts: ReadCounts; warnings: string[] }> {
  const pool = new Piscina({
    filename: path.resolve(__dirname, '..', 'workers', 'annotate-shard.js'),
    minThreads: 1,
    maxThreads: Math.max(1, Math.min(threads, shards.length)),
    idleTimeout: 100,
  });
  try {
    const outcomes: ShardOutcome[] = await Promise.all(shards.map((shard) => pool.run({ ...job, shard } satisfies AnnotateJob) as Promise<ShardOutcome>));
    // Merge in shard order so the result does not depend on which worker finished first.
    outcomes.sort((a, b) => a.index - b.index);
    const counts = emptyReadCounts();
    const variants: AnnotatedVariant[] = [];
    const warnings: string[] = [];
    for (const o of outcomes) {
      if (!o.ok) throw fromInputErrorData(o.error);
      for (const k of Object.keys(counts) as Array<keyof ReadCounts>) counts[k] += o.counts[k];
      for (const v of o.variants) variants.push(v);
      for (const w of o.warnings) if (!warnings.includes(w)) warnings.push(w);
    }
    return { variants, counts, warnings };
  } finally {
    await pool.destroy();
  }
}

/** plan → pool → merge → prioritise → report (DESIGN.md §1). */
export async function runPipeline(opts: RunOptions): Promise<Results> {
  const header = readVcfHeader(opts.vcf);
  const bundleDir = path.resolve(opts.reference);
  const manifest = readManifest(bundleDir);
  const build = checkBuild(header, manifest, opts.reference);
  const hpoFile = sourceFile(bundleDir, manifest, 'hpo');
  if (!hpoFile) throw new InputError(path.join(opts.reference, 'manifest.json'), 'bundle has no hpo source; phenotype ranking needs one');
  const ontology = HpoOntology.load(hpoFile);
  const termInputs = readTermInputs(opts.hpo, opts.hpoFile, '--hpo');
  if (termInputs.length === 0) throw new InputError('--hpo', 'no HPO terms given (use --hpo HP:0001250,... or --hpo-file FILE)');
  const patientTerms = resolveTerms(termInputs, ontology);

  let sampleColumn = -1;
  let sample: string | null = null;
  if (header.samples.length > 0) {
    sample = opts.sample ?? header.samples[0];
    const at = header.samples.indexOf(sample);
    if (at < 0) throw new InputError(opts.vcf, `sample "${opts.sample}" is not in the VCF (samples: ${header.samples.slice(0, 5).join(', ')}${header.samples.length > 5 ? ', ...' : ''})`);
    sampleColumn = 9 + at;
    if (header.samples.length > 1 && !opts.sample) opts.log.warn(`${header.samples.length} samples in the VCF; ranking the first, ${sample} (choose with --sample)`);
  } else opts.log.warn(`${opts.vcf}: sites-only VCF (no sample columns); zygosity is unknown`);

  const region = opts.region ? parseRegion(opts.region) : undefined;
  let shards: ShardSpec[];
  const index = header.compression === 'bgzf' ? await openTabixIndex(opts.vcf) : null;
  if (index) shards = await planByContig(opts.vcf, index, region);
  else {
    opts.log.warn(`${opts.vcf}: no .tbi/.csi index; reading the whole file in one shard`);
    shards = [wholeFileShard(opts.vcf, region)];
  }
  opts.log.info(`annotating ${path.basename(opts.vcf)} in ${shards.length} shard(s) on ${Math.min(opts.threads, Math.max(1, shards.length))} thread(s)`);
  const { variants, counts, warnings } = shards.length
    ? await annotateAll(shards, { bundleDir, read: { sampleColumn, displayName: opts.vcf, compression: header.compression } }, opts.threads)
    : { variants: [], counts: emptyReadCounts(), warnings: [] as string[] };
  for (const w of warnings) opts.log.warn(w);
  if (counts.unknown_contig > 0) warnings.push(`${counts.unknown_contig} record(s) on contigs the ${manifest.build} bundle does not have were skipped`);
  if (counts.symbolic_or_breakend > 0) warnings.push(`${counts.symbolic_or_breakend} symbolic or breakend allele(s) skipped (structural variants are not ranked)`);
  if (counts.non_acgtn_allele > 0) warnings.push(`${counts.non_acgtn_allele} allele(s) with characters other than A, C, G, T, N skipped`);

  const geneIds = new Map<string, string>();
  const genesFile = sourceFile(bundleDir, manifest, 'genes');
  if (genesFile) {
    const models = new GeneModels(genesFile);
    for (const g of models.allGenes()) geneIds.set(g.symbol, g.ncbiId || g.hgncId);
    models.close();
  }
  const filters = { ...DEFAULT_FILTERS, maxAf: opts.maxAf, passOnly: opts.passOnly };
  const ranked = rankCandidates(variants, ontology, { filters, top: opts.top, patientTerms: patientTerms.map((t) => t.id as HpoId), sex: opts.sex, geneIds });

  const results: Results = {
    schema: RESULTS_SCHEMA,
    tool: { name: 'vartriage', version: toolVersion() },
    command: opts.command,
    started: startedAt(),
    input: { vcf: opts.vcf, sample, build, hpo: patientTerms, sex: opts.sex },
    reference: {
      name: manifest.name,
      build: manifest.build,
      sources: manifest.sources.map((s) => ({ kind: s.kind, version: s.version, upstream: s.upstream, sha256: s.sha256, records: s.records })),
    },
    settings: { max_af: filters.maxAf, pass_only: filters.passOnly, top: opts.top, shards: shards.length },
    counts: {
      variants: variants.length,
      passed_filters: ranked.passed,
      candidates: ranked.candidates.length,
      genes_considered: ranked.genesConsidered,
      per_filter: ranked.perFilter,
      read: counts,
    },
    warnings,
    candidates: ranked.candidates,
  };
  const outputs = new AtomicOutputSet(opts.out);
  try {
    outputs.write('results.json', renderResultsJson(results));
    outputs.write('candidates.tsv', renderCandidatesTsv(results.candidates));
    outputs.write('report.html', renderReportHtml(results));
    // Tiered result store for `vartriage query` (src/store): hot/warm SQLite and the annotated VCF.
    writeStore(outputs.reserve('store'), { variants, candidates: ranked.candidates, header, manifest, sample, build, maxAf: filters.maxAf });
    outputs.commit();
  } catch (e) {
    outputs.abort();
    throw e;
  }
  opts.log.info(`${variants.length} variants, ${ranked.passed} passed filters, ${ranked.candidates.length} candidate gene(s); wrote ${opts.out}/results.json, candidates.tsv, report.html, store/`);
  return results;
}
