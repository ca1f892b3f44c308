import * as os from 'node:os';
import * as path from 'node:path';
import { Piscina } from 'piscina';
import type { AnnotateJob, ShardOutcome } from './annotate/annotateShard';
import type { AnnotatedVariant, ReadCounts } from './annotate/types';
import { emptyReadCounts } from './annotate/types';
import { fromInputErrorData, InputError } from './errors';
import { FamilyInput, openFamily } from './familyInput';
import { AtomicOutputSet } from './io/atomicWrite';
import type { TermInput } from './io/hpoInput';
import { checkIndexMatchesFile } from './io/indexCheck';
import { openTabixIndex, OpenedIndex, VirtualRange } from './io/tabixIndex';
import { readVcfHeader, VcfHeader } from './io/vcfHeader';
import type { Logger } from './log';
import { Progress, shardWeight, silentProgress } from './progress';
import { DEFAULT_FILTERS, emptyFilterCounts, FilterCounts } from './prioritise/filters';
import { checkSexFromX, XCallCounts } from './prioritise/family';
import { rankCandidates } from './prioritise/rank';
import { SegregationCheck } from './prioritise/segregationFit';
import { GeneModels } from './reference/genes';
import { HpoOntology } from './reference/hpoOntology';
import type { HpoId } from './reference/hpoTypes';
import { Manifest, readManifest, sourceFile } from './reference/manifest';
import { renderReportHtml } from './report/html';
import { PatientTermOut, renderResultsJson, Results, RESULTS_SCHEMA } from './report/results';
import { scoreDistribution } from './report/scoreDistribution';
import { renderCandidatesTsv } from './report/tsv';
import { parseShardSelector, planShards, wholeFileShard } from './shard/plan';
import type { Region, ShardSpec } from './shard/types';
import { writeStore } from './store';
import { mergePluginResult, PluginShardResult } from './plugins/counts';
import { pluginResultsFields } from './plugins/results';
import { PluginArgs, setupPlugins } from './plugins/setup';
import { CANDIDATE_COLUMNS } from './report/tsv';
import { ContigAliases } from './variant/contigs';
import { detectBuild } from './variant/build';
import { toolVersion } from './version';

export interface RunOptions {
  vcf: string;
  /** Observed and excluded patient terms as given (from --hpo, --hpo-file, a phenopacket...). */
  phenotype: { observed: TermInput[]; excluded: TermInput[] };
  /** What to do with a term the bundle's HPO release does not know: stop, or skip it with a warning. */
  unknownHpo: 'error' | 'skip';
  reference: string;
  out: string;
  sample?: string;
  /** PLINK PED of the family (multi-sample VCF); the proband is --proband or the affected child of a sequenced trio. */
  ped?: string;
  proband?: string;
  threads: number;
  region?: string;
  /** `i/N`: run only the i-th of N byte-balanced shards. */
  shard?: string;
  /** Write the tiered result store (`<out>/store/`); off skips it and keeps genome-scale runs lean. */
  store: boolean;
  /** Compressed bytes per shard (execution only: results do not depend on it). */
  shardBytes?: number;
  maxAf: number;
  passOnly: boolean;
  top: number;
  sex: 'male' | 'female' | 'unknown';
  /** The result-affecting command line, recorded in the outputs. */
  command: string;
  log: Logger;
  /** Progress of annotation as shards complete (a bar on a terminal); none when absent. */
  progress?: Progress;
  /** `--plugin`, `--config`, `--on-plugin-error` (src/plugins); absent or empty for none. */
  plugins?: PluginArgs;
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

function resolveTerms(inputs: TermInput[], ontology: HpoOntology, unknown: RunOptions['unknownHpo'], warnings: string[]): PatientTermOut[] {
  const out: PatientTermOut[] = [];
  const seen = new Set<string>();
  for (const t of inputs) {
    const r = ontology.resolve(t.id);
    const release = ontology.meta.get('version') ?? '?';
    if (!r && ontology.terms.get(t.id as HpoId)?.obsolete) {
      throw new InputError(t.source, `HPO term ${t.id} is obsolete in HPO release ${release} of the bundle and names no replacement; choose a current term`, t.line);
    }
    if (!r && unknown === 'skip') {
      warnings.push(`${t.source}${t.line ? `:${t.line}` : ''}: unknown HPO term ${t.id} (not in HPO release ${release} of the bundle) skipped`);
      continue;
    }
    if (!r) throw new InputError(t.source, `unknown HPO term ${t.id} (not in HPO release ${release} of the bundle; --unknown-hpo skip ignores such terms)`, t.line);
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({ id: r.id, label: ontology.label(r.id), input: t.id, ...(r.via ? { mapped_via: r.via } : {}) });
  }
  return out;
}

/** Run start time; SOURCE_DATE_EPOCH wins (reproducible-builds.org spec: a malformed value is an error). */
function startedAt(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date().toISOString();
  const seconds = /^\d{1,12}$/.test(epoch) ? Number(epoch) : NaN;
  if (!Number.isSafeInteger(seconds)) throw new InputError('SOURCE_DATE_EPOCH', `"${epoch}" is not a whole number of seconds since 1970-01-01`);
  return new Date(seconds * 1000).toISOString();
}

/** Cleanups of the run in progress (worker pool, temporary outputs), run by cancelRun() on SIGINT/SIGTERM. */
const cancelHooks = new Set<() => unknown>();

/** Stops the run in progress: destroys the worker pool and removes temporary output files. */
export async function cancelRun(): Promise<void> {
  for (const hook of [...cancelHooks]) {
    try {
      await hook();
    } catch {
      // best effort: the process is about to exit
    }
  }
  cancelHooks.clear();
}

function describeShard(shard: ShardSpec): string {
  if (!shard.regions) return 'whole file';
  const one = (r: Region): string => `${r.chrom}:${r.start1}-${r.end1}`;
  const first = shard.regions[0];
  const last = shard.regions[shard.regions.length - 1];
  return shard.regions.length === 1 ? one(first) : `${one(first)} to ${one(last)}`;
}

interface Annotated {
  passing: AnnotatedVariant[];
  all: AnnotatedVariant[];
  annotated: number;
  perFilter: FilterCounts;
  counts: ReadCounts;
  warnings: string[];
  plugins?: PluginShardResult;
  /** Summed over shards (--ped only). */
  xCalls?: XCallCounts;
}

async function annotateAll(shards: ShardSpec[], job: Omit<AnnotateJob, 'shard'>, threads: number, progress: Progress): Promise<Annotated> {
  const pool = new Piscina({
    filename: path.resolve(__dirname, '..', 'workers', 'annotate-shard.js'),
    minThreads: 1,
    maxThreads: Math.max(1, Math.min(threads, shards.length)),
    idleTimeout: 100,
  });
  let destroyed: Promise<void> | null = null;
  const destroy = (): Promise<void> => (destroyed ??= pool.destroy());
  cancelHooks.add(destroy);
  // A worker that dies (uncaught exception, out of memory) rejects its task; name the shard it was on.
  const runShard = (shard: ShardSpec): Promise<ShardOutcome> =>
    (pool.run({ ...job, shard } satisfies AnnotateJob) as Promise<ShardOutcome>).catch((e: unknown) => {
      throw new Error(`worker thread failed on shard ${shard.index + 1}/${shards.length} (${describeShard(shard)}): ${(e as Error)?.message ?? String(e)}`);
    });
  try {
    progress.start(shards.map(shardWeight));
    const outcomes: ShardOutcome[] = await Promise.all(
      shards.map(async (shard) => {
        const o = await runShard(shard);
        progress.shardDone(shard.index, o.ok ? o.counts.records : 0);
        return o;
      }),
    );
    progress.finish();
    // Merge in shard order so the result does not depend on which worker finished first.
    outcomes.sort((a, b) => a.index - b.index);
    const merged: Annotated = { passing: [], all: [], annotated: 0, perFilter: emptyFilterCounts(), counts: emptyReadCounts(), warnings: [] };
    for (const o of outcomes) {
      if (!o.ok) throw fromInputErrorData(o.error);
      for (const k of Object.keys(merged.counts) as Array<keyof ReadCounts>) merged.counts[k] += o.counts[k];
      for (const k of Object.keys(merged.perFilter) as Array<keyof FilterCounts>) merged.perFilter[k] += o.perFilter[k];
      merged.annotated += o.annotated;
      for (const v of o.passing) merged.passing.push(v);
      if (o.all) for (const v of o.all) merged.all.push(v);
      for (const w of o.warnings) if (!merged.warnings.includes(w)) merged.warnings.push(w);
      if (o.plugins) mergePluginResult((merged.plugins ??= { counts: {}, firstSkip: {} }), o.plugins);
      if (o.xCalls) merged.xCalls = addXCalls(merged.xCalls, o.xCalls);
    }
    return merged;
  } finally {
    progress.finish();
    cancelHooks.delete(destroy);
    await destroy();
  }
}

function addXCalls(a: XCallCounts | undefined, b: XCallCounts): XCallCounts {
  return a ? { het: a.het.map((x, i) => x + b.het[i]), homAlt: a.homAlt.map((x, i) => x + b.homAlt[i]) } : b;
}

async function planRun(opts: RunOptions, header: VcfHeader, region: Region | undefined): Promise<ShardSpec[]> {
  const selector = opts.shard ? parseShardSelector(opts.shard) : undefined;
  if (opts.shard && !selector) throw new InputError('--shard', `"${opts.shard}" is not i/N with 1 <= i <= N`);
  const index = header.compression === 'bgzf' ? await openTabixIndex(opts.vcf) : null;
  if (!index) {
    if (selector && selector.count > 1) throw new InputError(opts.vcf, '--shard needs a bgzipped VCF with a .tbi or .csi index (run `tabix -p vcf`)');
    opts.log.warn(`${opts.vcf}: no .tbi/.csi index; reading the whole file in one shard`);
    return [wholeFileShard(opts.vcf, region)];
  }
  const contigLengths = new Map(header.contigs.map((c) => [c.name, c.length ?? 0]));
  const planned = await planShards(opts.vcf, index, { contigLengths, region, count: selector?.count, targetBytes: opts.shardBytes });
  const perContig: VirtualRange[] = [];
  for (const chrom of index.refNames) perContig.push(...(await index.rangesFor(chrom, 0, contigLengths.get(chrom) || 1 << 29)));
  checkIndexMatchesFile(opts.vcf, index.path, perContig);
  if (!selector) return planned;
  const one = planned[selector.index - 1];
  return one ? [{ ...one, index: 0 }] : [];
}

async function indexOf(opts: RunOptions, header: VcfHeader): Promise<OpenedIndex | null> {
  return header.compression === 'bgzf' ? openTabixIndex(opts.vcf) : null;
}

/**
 * An index's per-reference record counts must add up to the records read: an index left over
 * from another version of the file fails here instead of silently dropping records.
 */
async function checkRecordCount(vcf: string, index: OpenedIndex | null, read: number): Promise<void> {
  if (!index) return;
  let expected = 0;
  for (const chrom of index.refNames) {
    const n = await index.lineCount(chrom);
    if (n < 0) return;
    expected += n;
  }
  if (expected !== read) {
    throw new InputError(index.path, `does not match ${path.basename(vcf)}: the index counts ${expected} records, the file has ${read} in the indexed regions (re-index it with \`tabix -p vcf\`)`);
  }
}

/** plan → pool → merge → prioritise → report (DESIGN.md §1). */
export async function runPipeline(opts: RunOptions): Promise<Results> {
  const started = startedAt();
  const header = readVcfHeader(opts.vcf);
  const bundleDir = path.resolve(opts.reference);
  const manifest = readManifest(bundleDir);
  const build = checkBuild(header, manifest, opts.reference);
  const hpoFile = sourceFile(bundleDir, manifest, 'hpo');
  if (!hpoFile) throw new InputError(path.join(opts.reference, 'manifest.json'), 'bundle has no hpo source; phenotype ranking needs one');
  const ontology = HpoOntology.load(hpoFile);
  if (opts.phenotype.observed.length === 0) throw new InputError('--hpo', 'no observed HPO terms given (use --hpo HP:0001250,..., --hpo-file FILE or --phenopacket FILE)');
  const termWarnings: string[] = [];
  const patientTerms = resolveTerms(opts.phenotype.observed, ontology, opts.unknownHpo, termWarnings);
  const excludedTerms = resolveTerms(opts.phenotype.excluded, ontology, opts.unknownHpo, termWarnings).filter((t) => !patientTerms.some((p) => p.id === t.id));
  if (patientTerms.length === 0) throw new InputError('--hpo', 'none of the observed HPO terms is in the bundle\'s HPO release');
  for (const w of termWarnings) opts.log.warn(w);

  let sampleColumn = -1;
  let sample: string | null = null;
  const fam: FamilyInput | null = opts.ped ? openFamily(opts.ped, header, { proband: opts.proband, sample: opts.sample, sex: opts.sex }) : null;
  if (!fam && opts.proband) throw new InputError('--proband', 'needs --ped FILE (the pedigree that says who the parents are)');
  const sex = fam ? fam.sex : opts.sex;
  if (fam) {
    sampleColumn = fam.sampleColumn;
    sample = fam.pedigree.proband;
  } else if (header.samples.length > 0) {
    sample = opts.sample ?? header.samples[0];
    const at = header.samples.indexOf(sample);
    if (at < 0) throw new InputError(opts.vcf, `sample "${opts.sample}" is not in the VCF (samples: ${header.samples.slice(0, 5).join(', ')}${header.samples.length > 5 ? ', ...' : ''})`);
    sampleColumn = 9 + at;
    if (header.samples.length > 1 && !opts.sample) opts.log.warn(`${header.samples.length} samples in the VCF; ranking the first, ${sample} (choose with --sample)`);
  } else opts.log.warn(`${opts.vcf}: sites-only VCF (no sample columns); zygosity is unknown`);

  // Plugins and configured sources are checked here, once, before any worker starts (src/plugins/setup.ts).
  const plugins = opts.plugins ? await setupPlugins(opts.plugins, new ContigAliases(manifest.contigs), CANDIDATE_COLUMNS) : null;
  const region = opts.region ? parseRegion(opts.region) : undefined;
  const shards = await planRun(opts, header, region);
  opts.log.info(`annotating ${path.basename(opts.vcf)} in ${shards.length} shard(s) on ${Math.min(opts.threads, Math.max(1, shards.length))} thread(s)`);
  const filters = { ...DEFAULT_FILTERS, maxAf: opts.maxAf, passOnly: opts.passOnly };
  const { passing, all, annotated, perFilter, counts, warnings, plugins: pluginResult, xCalls } = shards.length
    ? await annotateAll(
        shards,
        {
          bundleDir,
          filters,
          keepAll: opts.store,
          plugins: plugins?.job ?? null,
          read: { sampleColumn, displayName: opts.vcf, compression: header.compression, keepInfo: plugins !== null, ...(fam ? { family: { columns: fam.family.columns, build } } : {}) },
        },
        opts.threads,
        opts.progress ?? silentProgress,
      )
    : { passing: [], all: [], annotated: 0, perFilter: emptyFilterCounts(), counts: emptyReadCounts(), warnings: [] as string[], plugins: undefined, xCalls: undefined };
  const pluginFields = plugins ? pluginResultsFields(plugins, pluginResult) : null;
  if (pluginFields) warnings.push(...pluginFields.warnings);
  if (fam) warnings.unshift(...fam.warnings, ...(xCalls ? checkSexFromX(fam.family, xCalls) : []));
  if (counts.unknown_contig > 0) warnings.push(`${counts.unknown_contig} record(s) on contigs the ${manifest.build} bundle does not have were skipped`);
  if (counts.symbolic_or_breakend > 0) warnings.push(`${counts.symbolic_or_breakend} symbolic or breakend allele(s) skipped (structural variants are not ranked)`);
  if (counts.non_acgtn_allele > 0) warnings.push(`${counts.non_acgtn_allele} allele(s) with characters other than A, C, G, T, N skipped`);
  // Skips are counted in results.json and said on stderr, as bcftools/VEP users expect to see them.
  for (const w of warnings) opts.log.warn(w);
  if (!region && !opts.shard) await checkRecordCount(opts.vcf, await indexOf(opts, header), counts.records);

  const geneIds = new Map<string, string>();
  const genesFile = sourceFile(bundleDir, manifest, 'genes');
  if (genesFile) {
    const models = new GeneModels(genesFile);
    for (const g of models.allGenes()) geneIds.set(g.symbol, g.ncbiId || g.hgncId);
    models.close();
  }
  // Every gene is ranked so the report can show where the top candidates sit among all scores.
  const ranked = rankCandidates(passing, ontology, {
    top: Number.MAX_SAFE_INTEGER,
    patientTerms: patientTerms.map((t) => t.id as HpoId),
    excludedTerms: excludedTerms.map((t) => t.id as HpoId),
    sex,
    geneIds,
    ...(fam ? { segregation: new SegregationCheck(fam.family, build) } : {}),
  });

  const results: Results = {
    schema: RESULTS_SCHEMA,
    tool: { name: 'vartriage', version: toolVersion() },
    command: opts.command,
    started,
    input: { vcf: opts.vcf, sample, build, hpo: patientTerms, excluded_hpo: excludedTerms, sex, ...(fam ? { pedigree: fam.pedigree } : {}) },
    reference: {
      name: manifest.name,
      build: manifest.build,
      sources: manifest.sources.map((s) => ({ kind: s.kind, version: s.version, upstream: s.upstream, sha256: s.sha256, records: s.records })),
    },
    settings: { max_af: filters.maxAf, pass_only: filters.passOnly, top: opts.top, shards: shards.length },
    counts: {
      variants: annotated,
      passed_filters: passing.length,
      candidates: Math.min(opts.top, ranked.candidates.length),
      genes_considered: ranked.genesConsidered,
      per_filter: { ...perFilter, ...pluginFields?.perFilter },
      read: counts,
      ...(pluginFields ? { plugins: pluginFields.counts } : {}),
    },
    ...(pluginFields ? { plugins: pluginFields.records } : {}),
    warnings: [...termWarnings, ...warnings],
    score_distribution: scoreDistribution(ranked.candidates.map((c) => c.score)),
    candidates: ranked.candidates.slice(0, opts.top),
  };
  const outputs = new AtomicOutputSet(opts.out);
  const abortOutputs = (): void => outputs.abort();
  cancelHooks.add(abortOutputs);
  try {
    outputs.write('results.json', renderResultsJson(results));
    outputs.write('candidates.tsv', renderCandidatesTsv(results.candidates, plugins ? { annotations: plugins.annotationNames, scores: plugins.scoreNames } : undefined));
    outputs.write('report.html', renderReportHtml(results));
    // Tiered result store for `vartriage query` (src/store): hot/warm SQLite and the annotated VCF.
    if (opts.store) outputs.produce('store', (tmp) => writeStore(tmp, { variants: all, candidates: ranked.candidates, header, manifest, sample, build, maxAf: filters.maxAf }));
    outputs.commit();
  } catch (e) {
    outputs.abort();
    throw e;
  } finally {
    cancelHooks.delete(abortOutputs);
  }
  opts.log.info(`${annotated} variants, ${passing.length} passed filters, ${results.candidates.length} candidate gene(s); wrote ${opts.out}/results.json, candidates.tsv, report.html${opts.store ? ', store/' : ''}`);
  return results;
}
