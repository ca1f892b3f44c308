import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IndexedFasta } from './io/fasta';
import { readerName } from './io/native';
import { readVcfHeader } from './io/vcfHeader';
import { DEFAULT_TRANSCRIPT_SET, TranscriptSet } from './annotate/transcriptSet';
import type { Logger } from './log';
import { DEFAULT_FILTERS, ExtraFilters } from './prioritise/filters';
import { Progress, silentProgress } from './progress';
import { readManifest } from './reference/manifest';
import type { Results } from './report/results';
import { annotateAll, expectedShardCount, startAnnotatePool } from './run/annotateAll';
import { finishRun, skipWarnings } from './run/finish';
import { checkBuild, checkRecordCount, chooseSample, indexRecordCount, parseRegion, planRun, startedAt } from './run/input';
import { PhenotypeRequest, resolvePhenotype } from './run/phenotype';
import { FamilyInput, openFamily } from './familyInput';
import { InputError } from './errors';
import { checkSexFromX } from './prioritise/family';
import { PluginArgs, setupPlugins } from './plugins/setup';
import { CANDIDATE_COLUMNS } from './report/tsv';
import { ContigAliases } from './variant/contigs';
import type { VariantSpill } from './shard/variantSpill';
import { withSpill } from './run/withSpill';

export { cancelRun } from './run/cancel';
export { parseRegion } from './run/input';

export interface RunOptions extends PhenotypeRequest {
  vcf: string;
  reference: string;
  out: string;
  sample?: string;
  /** PLINK PED of the family (multi-sample VCF); the proband is --proband or the affected child of a sequenced trio. */
  ped?: string;
  proband?: string;
  /** `--plugin`, `--config`, `--on-plugin-error` (src/plugins); absent or empty for none. */
  plugins?: PluginArgs;
  /** Indexed reference FASTA: indels are left-aligned against it (VCF 4.3 §1.6.1 normalisation). */
  fasta?: string;
  threads: number;
  region?: string;
  /** `i/N`: run only the i-th of N byte-balanced shards. */
  shard?: string;
  /** Split into exactly N byte-balanced shards, as `annotate --shard i/N` does (execution only). */
  shards?: number;
  /** Write the tiered result store (`<out>/store/`); off skips it and keeps genome-scale runs lean. */
  store: boolean;
  /** Keep the input records' own INFO and FORMAT fields in the store's cold tier (default true). */
  inputFields?: boolean;
  /** Compressed bytes per shard (execution only: results do not depend on it). */
  shardBytes?: number;
  /** `--transcripts`: which transcripts are annotated; absent: DEFAULT_TRANSCRIPT_SET. */
  transcripts?: TranscriptSet;
  maxAf: number;
  passOnly: boolean;
  /** Quality and consequence-class filters (defaults: DEFAULT_FILTERS). */
  extraFilters?: ExtraFilters;
  top: number;
  sex: 'male' | 'female' | 'unknown';
  /** The result-affecting command line, recorded in the outputs. */
  command: string;
  log: Logger;
  /** Progress of annotation as shards complete (a bar on a terminal); none when absent. */
  progress?: Progress;
}

export function defaultThreads(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * plan → pool → merge → prioritise → report (DESIGN.md §1). `vartriage annotate` + `vartriage merge`
 * run the same steps in separate processes (src/run/shardRun.ts).
 */
export async function runPipeline(opts: RunOptions): Promise<Results> {
  const started = startedAt();
  const header = readVcfHeader(opts.vcf);
  const bundleDir = path.resolve(opts.reference);
  const manifest = readManifest(bundleDir);
  const build = checkBuild(header, manifest, opts.reference);
  const phenotype = resolvePhenotype(opts, bundleDir, opts.reference, manifest, opts.log);
  const fam: FamilyInput | null = opts.ped ? openFamily(opts.ped, header, { proband: opts.proband, sample: opts.sample, sex: opts.sex }) : null;
  if (!fam && opts.proband) throw new InputError('--proband', 'needs --ped FILE (the pedigree that says who the parents are)');
  const { sample, sampleColumn } = fam ? { sample: fam.pedigree.proband, sampleColumn: fam.sampleColumn } : chooseSample(opts.vcf, header, opts.sample, opts.log);
  const sex = fam ? fam.sex : opts.sex;
  // Plugins and configured sources are checked here, once, before any worker starts (src/plugins/setup.ts).
  const plugins = opts.plugins ? await setupPlugins(opts.plugins, new ContigAliases(manifest.contigs), CANDIDATE_COLUMNS) : null;

  const region = opts.region ? parseRegion(opts.region) : undefined;
  // Workers start up while the index is read and the shards planned; a region or one shard of N
  // may need a single worker, so only one starts early for those.
  const expected = region || opts.shard ? 1 : Math.min(opts.shards ?? Infinity, expectedShardCount(fs.statSync(opts.vcf).size, opts.shardBytes));
  const pool = startAnnotatePool(opts.threads, expected);
  try {
    const shards = await planRun({ vcf: opts.vcf, region, shard: opts.shard, shardCount: opts.shards, shardBytes: opts.shardBytes, log: opts.log }, header);
    const threads = Math.min(opts.threads, Math.max(1, shards.length));
    const reader = readerName();
    opts.log.info(`annotating ${path.basename(opts.vcf)} in ${shards.length} shard(s) on ${threads} thread(s), reader: ${reader}`, { shards: shards.length, threads, reader });
    const filters = { ...DEFAULT_FILTERS, maxAf: opts.maxAf, passOnly: opts.passOnly, ...opts.extraFilters };
    if (opts.fasta) IndexedFasta.open(opts.fasta).close(); // a missing index is one error line here, before any worker starts
    const read = { sampleColumn, displayName: opts.vcf, compression: header.compression, probandCall: true, mappingQuality: header.info.has('MQ'), keepInfo: plugins !== null, keepSource: opts.store && opts.inputFields !== false, ...(opts.fasta ? { fasta: path.resolve(opts.fasta) } : {}), ...(fam ? { family: { columns: fam.family.columns, build } } : {}) };
    const transcripts = opts.transcripts ?? DEFAULT_TRANSCRIPT_SET;
    // The store needs every annotated variant: they wait on disk, not on this thread's heap (src/shard/variantSpill.ts).
    const annotateAndFinish = async (spill: VariantSpill | null): Promise<Results> => {
      const annotateStart = performance.now();
      const annotated = await annotateAll(shards, { bundleDir, filters, read, plugins: plugins?.job ?? null, transcripts }, opts.threads, opts.progress ?? silentProgress, spill, pool);
      const warnings = skipWarnings(annotated, manifest);
      if (fam) warnings.unshift(...fam.warnings, ...(annotated.xCalls ? checkSexFromX(fam.family, annotated.xCalls) : []));
      for (const w of warnings) opts.log.warn(w);
      if (!region && !opts.shard) checkRecordCount(opts.vcf, await indexRecordCount(opts.vcf, header), annotated.counts.records);

      return finishRun(
        { out: opts.out, command: opts.command, started, vcf: opts.vcf, header, sample, build, bundleDir, manifest, phenotype, filters, transcripts, top: opts.top, sex, store: opts.store, inputFields: opts.inputFields !== false, log: opts.log, family: fam, plugins, threads: opts.threads, progress: opts.progress, annotateSeconds: Math.round((performance.now() - annotateStart) / 10) / 100 },
        annotated,
        warnings,
      );
    };
    return await (opts.store ? withSpill(opts.out, annotateAndFinish) : annotateAndFinish(null));
  } catch (e) {
    // annotateAll destroys the pool it is given; this covers a failure before it.
    await pool.destroy();
    throw e;
  }
}
