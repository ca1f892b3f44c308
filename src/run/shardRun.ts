import * as fs from 'node:fs';
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import { InputError } from '../errors';
import { readVcfHeader, parseHeaderText, VcfHeader } from '../io/vcfHeader';
import type { ReadOptions } from '../annotate/readShard';
import type { ShardSpec } from '../shard/types';
import type { VariantSpill } from '../shard/variantSpill';
import { FamilyInput, openFamily } from '../familyInput';
import { checkSexFromX } from '../prioritise/family';
import { shortlistForRanking } from '../prioritise/shortlist';
import { withSpill } from './withSpill';
import { openTabixIndex } from '../io/tabixIndex';
import type { Logger } from '../log';
import { DEFAULT_FILTERS, emptyFilterCounts, ExtraFilters, failedFilter, FilterOptions } from '../prioritise/filters';
import { countMq, emptyMqBins } from '../prioritise/mappingQuality';
import type { AnnotatedVariant } from '../annotate/types';
import { Progress, silentProgress } from '../progress';
import { Manifest, MANIFEST_FILE, readManifest, sha256File } from '../reference/manifest';
import type { Results } from '../report/results';
import { parseShardSelector } from '../shard/plan';
import { readShardFile, readShardFileHeader, ShardFile, ShardFileHeader, ShardSource, SHARD_FORMAT, writeShardFile } from '../shard/shardFile';
import { toolVersion } from '../version';
import { DEFAULT_TRANSCRIPT_SET, TranscriptSet } from '../annotate/transcriptSet';
import { addShard, annotateAll, emptyAnnotated } from './annotateAll';
import { finishRun, skipWarnings } from './finish';
import { checkBuild, checkRecordCount, chooseSample, indexRecordCount, parseRegion, planRun, startedAt } from './input';
import { PhenotypeRequest, resolvePhenotype } from './phenotype';

export interface AnnotateOptions {
  vcf: string;
  reference: string;
  /** The shard file to write. */
  out: string;
  sample?: string;
  region?: string;
  /** `i/N`; absent: the whole file (or --region) as shard 1/1. */
  shard?: string;
  threads: number;
  shardBytes?: number;
  /** `--transcripts`; absent: DEFAULT_TRANSCRIPT_SET. */
  transcripts?: TranscriptSet;
  /** PLINK PED of the family (multi-sample VCF): the family's calls go into the shard file for merge's segregation check. */
  ped?: string;
  proband?: string;
  log: Logger;
  progress?: Progress;
}

function bundleSha(bundleDir: string): string {
  return sha256File(path.join(bundleDir, MANIFEST_FILE));
}

/** What `annotate` has worked out before the workers start. */
interface AnnotatePlan {
  header: VcfHeader;
  bundleDir: string;
  manifest: Manifest;
  build: string;
  sample: string | null;
  region: ReturnType<typeof parseRegion> | undefined;
  shards: ShardSpec[];
  selector: ReturnType<typeof parseShardSelector> | undefined;
  index: Awaited<ReturnType<typeof openTabixIndex>> | null;
  read: ReadOptions;
  spill: VariantSpill;
  family: FamilyInput | null;
}

/** `vartriage annotate`: one shard's annotated records (all of them) and counts, to a shard file. */
export async function annotateToShardFile(opts: AnnotateOptions): Promise<ShardFile['header']> {
  const header = readVcfHeader(opts.vcf);
  const bundleDir = path.resolve(opts.reference);
  const manifest = readManifest(bundleDir);
  const build = checkBuild(header, manifest, opts.reference);
  const family = opts.ped ? openFamily(opts.ped, header, { proband: opts.proband, sample: opts.sample, sex: 'unknown' }) : null;
  if (!family && opts.proband) throw new InputError('--proband', 'needs --ped FILE (the pedigree that says who the parents are)');
  for (const w of family?.warnings ?? []) opts.log.warn(w);
  const { sample, sampleColumn } = family ? { sample: family.pedigree.proband, sampleColumn: family.sampleColumn } : chooseSample(opts.vcf, header, opts.sample, opts.log);
  const region = opts.region ? parseRegion(opts.region) : undefined;
  const shards = await planRun({ vcf: opts.vcf, region, shard: opts.shard, shardBytes: opts.shardBytes, log: opts.log }, header);
  const selector = opts.shard ? parseShardSelector(opts.shard) : undefined;
  const index = header.compression === 'bgzf' ? await openTabixIndex(opts.vcf) : null;
  const read: ReadOptions = { sampleColumn, displayName: opts.vcf, compression: header.compression, probandCall: true, mappingQuality: header.info.has('MQ'), keepSource: true, ...(family ? { family: { columns: family.family.columns, build } } : {}) };
  opts.log.info(`annotating ${path.basename(opts.vcf)} shard ${selector ? `${selector.index}/${selector.count}` : '1/1'} (${shards.length} piece(s))`);
  // Filters are applied by `merge` (its --max-af/--pass-only), so every annotated variant is kept.
  // Every annotated variant goes into the shard file; they wait on disk beside it meanwhile (src/shard/variantSpill.ts).
  return withSpill(path.dirname(path.resolve(opts.out)), (spill) => annotateIntoFile(opts, { header, bundleDir, manifest, build, sample, region, shards, selector, index, read, spill, family }));
}

async function annotateIntoFile(opts: AnnotateOptions, p: AnnotatePlan): Promise<ShardFile['header']> {
  const { header, bundleDir, manifest, build, sample, region, shards, selector, index, read, spill, family } = p;
  const pedText = family && opts.ped ? fs.readFileSync(opts.ped, 'utf8') : null;
  const transcripts = opts.transcripts ?? DEFAULT_TRANSCRIPT_SET;
  const annotated = await annotateAll(shards, { bundleDir, filters: DEFAULT_FILTERS, read, transcripts }, opts.threads, opts.progress ?? silentProgress, spill);
  const source: ShardSource = {
    vcf: opts.vcf,
    vcfBytes: fs.statSync(opts.vcf).size,
    fingerprint: index ? sha256File(index.path) : sha256File(opts.vcf),
    sampleRequested: opts.sample ?? null,
    sample,
    region: opts.region ?? null,
    bundle: manifest.name,
    bundleManifestSha256: bundleSha(bundleDir),
    toolVersion: toolVersion(),
    shardCount: selector?.count ?? 1,
    transcripts,
    ...(family && pedText !== null ? { family: `${crypto.createHash('sha256').update(pedText).digest('hex')}:${family.pedigree.proband}` } : {}),
  };
  const fileHeader: ShardFile['header'] = {
    format: SHARD_FORMAT,
    source,
    shardIndex: selector?.index ?? 1,
    pieces: annotated.shards,
    build,
    vcfHeader: header.lines.join('\n') + '\n',
    vcfCompression: header.compression,
    indexRecords: region ? null : await indexRecordCount(opts.vcf, header),
    counts: annotated.counts,
    warnings: annotated.warnings,
    ...(family && pedText !== null && opts.ped ? { pedigree: { file: opts.ped, text: pedText, proband: family.pedigree.proband, probandGiven: opts.proband ?? null } } : {}),
    ...(annotated.xCalls ? { xCalls: annotated.xCalls } : {}),
    variants: spill.count,
  };
  writeShardFile(opts.out, fileHeader, spill.inReadOrder());
  opts.log.info(`${spill.count} variants from ${annotated.counts.records} records; wrote ${opts.out}`);
  return fileHeader;
}

const SOURCE_CHECKS: Array<[keyof ShardSource, string]> = [
  ['toolVersion', 'another vartriage version'],
  ['vcf', 'another VCF path'],
  ['vcfBytes', 'another VCF (size differs)'],
  ['fingerprint', 'another VCF (its index differs)'],
  ['bundleManifestSha256', 'another reference bundle'],
  ['sample', 'another sample'],
  ['sampleRequested', 'another --sample'],
  ['region', 'another --region'],
  ['shardCount', 'another shard count'],
  ['transcripts', 'another --transcripts'],
  ['family', 'another --ped or --proband'],
];

function describeFamily(family: string | undefined): string {
  if (family === undefined) return 'no --ped';
  const [sha, proband] = family.split(':');
  return `PED ${sha.slice(0, 12)}, proband ${proband}`;
}

const describe = (s: ShardSource, key: keyof ShardSource): string =>
  key === 'shardCount' ? `N=${s.shardCount}` : key === 'bundleManifestSha256' ? `${s.bundle} ${s.bundleManifestSha256.slice(0, 12)}` : key === 'fingerprint' ? s.fingerprint.slice(0, 12) : key === 'family' ? describeFamily(s.family) : String(s[key]);

/** Reads the shard files' headers and puts them in shard order, refusing a set that is not one whole input. */
export function gatherShards(files: string[]): Array<{ file: string; header: ShardFileHeader }> {
  if (files.length === 0) throw new InputError('merge', 'no shard files given');
  const read = files.map((file) => ({ file, header: readShardFileHeader(file) }));
  const first = read[0];
  const bySlot = new Map<number, string>();
  for (const r of read) {
    for (const [key, what] of SOURCE_CHECKS) {
      const a = first.header.source;
      const b = r.header.source;
      if (a[key] !== b[key]) throw new InputError(r.file, `cannot merge with ${first.file}: made from ${what} (${describe(b, key)} vs ${describe(a, key)})`);
    }
    const slot = r.header.shardIndex;
    const twice = bySlot.get(slot);
    if (twice !== undefined) throw new InputError(r.file, `shard ${slot}/${r.header.source.shardCount} is also given as ${twice}`);
    bySlot.set(slot, r.file);
  }
  const count = first.header.source.shardCount;
  const missing: number[] = [];
  for (let i = 1; i <= count; i++) if (!bySlot.has(i)) missing.push(i);
  if (missing.length) throw new InputError('merge', `shard(s) ${missing.join(', ')} of ${count} of ${first.header.source.vcf} missing (given: ${[...bySlot.keys()].sort((x, y) => x - y).join(', ')})`);
  return read.sort((x, y) => x.header.shardIndex - y.header.shardIndex);
}

export interface MergeOptions extends PhenotypeRequest {
  shards: string[];
  reference: string;
  out: string;
  store: boolean;
  /** Keep the input records' own fields (carried by the shard files) in the store's cold tier (absent: true). */
  inputFields?: boolean;
  /** Worker threads for encoding the store. */
  threads: number;
  /** Progress of writing the store; none when absent. */
  progress?: Progress;
  maxAf: number;
  passOnly: boolean;
  extraFilters?: ExtraFilters;
  top: number;
  sex: 'male' | 'female' | 'unknown';
  /** Builds the recorded command from the shards' source and PED (the `vartriage run` that gives the same outputs). */
  command: (source: ShardSource, pedigree?: ShardFileHeader['pedigree']) => string;
  log: Logger;
}

function checkBundle(file: string, source: ShardSource, reference: string, bundleDir: string, manifest: Manifest): void {
  const sha = bundleSha(bundleDir);
  if (sha !== source.bundleManifestSha256) {
    throw new InputError(file, `annotated with reference bundle ${source.bundle} (manifest sha256 ${source.bundleManifestSha256.slice(0, 12)}) but --reference ${reference} is ${manifest.name} (${sha.slice(0, 12)}); merge with the bundle the shards were annotated with`);
  }
}

/** The hard filters over a shard file's variants, and their count per MQ bin (as annotateShard.ts counts them). */
function filterShard(variants: AnnotatedVariant[], filters: FilterOptions): { passing: AnnotatedVariant[]; perFilter: ReturnType<typeof emptyFilterCounts>; mqBins: number[] } {
  const passing: AnnotatedVariant[] = [];
  const perFilter = emptyFilterCounts();
  const mqBins = emptyMqBins();
  for (const v of variants) {
    countMq(mqBins, v);
    const failed = failedFilter(v, filters);
    if (failed) perFilter[failed]++;
    else passing.push(v);
  }
  return { passing, perFilter, mqBins };
}

/** `vartriage merge`: joins shard files in shard order, then the same prioritise/store/report as `run`. */
export async function mergeShardFiles(opts: MergeOptions): Promise<Results> {
  const started = startedAt();
  const shards = gatherShards(opts.shards);
  const { file: firstFile, header: first } = shards[0];
  const source = first.source;
  const bundleDir = path.resolve(opts.reference);
  const manifest = readManifest(bundleDir);
  checkBundle(firstFile, source, opts.reference, bundleDir, manifest);
  const phenotype = resolvePhenotype(opts, bundleDir, opts.reference, manifest, opts.log);
  const header = parseHeaderText(source.vcf, first.vcfCompression, first.vcfHeader);

  const filters = { ...DEFAULT_FILTERS, maxAf: opts.maxAf, passOnly: opts.passOnly, ...opts.extraFilters };
  // Shards annotated with --ped carry the PED: the family is ranked as `run --ped` ranks it.
  const ped = first.pedigree;
  const family = ped ? openFamily(ped.file, header, { proband: ped.proband, sex: opts.sex }, ped.text) : null;
  // One shard file in memory at a time; the store reads every variant back from the spill (src/shard/variantSpill.ts).
  const mergeAndFinish = async (spill: VariantSpill | null): Promise<Results> => {
    const annotated = emptyAnnotated(spill);
    for (const { file, header: expected } of shards) {
      const shard = readShardFile(file);
      if (JSON.stringify(shard.header) !== JSON.stringify(expected)) throw new InputError(file, 'changed while merge was reading it');
      const { passing, perFilter, mqBins } = filterShard(shard.variants, filters);
      spill?.addVariants(shard.header.shardIndex, shard.variants);
      addShard(annotated, { passing: family ? passing : shortlistForRanking(passing), passed: passing.length, xCalls: shard.header.xCalls, annotated: shard.variants.length, perFilter, mqBins, counts: shard.header.counts, warnings: shard.header.warnings }, shard.header.pieces);
    }
    const warnings = skipWarnings(annotated, manifest);
    if (family) warnings.unshift(...family.warnings, ...(annotated.xCalls ? checkSexFromX(family.family, annotated.xCalls) : []));
    for (const w of warnings) opts.log.warn(w);
    if (source.region === null) checkRecordCount(source.vcf, first.indexRecords, annotated.counts.records);

    return finishRun(
      { out: opts.out, command: opts.command(source, first.pedigree), started, vcf: source.vcf, header, sample: source.sample, build: first.build, bundleDir, manifest, phenotype, filters, transcripts: source.transcripts ?? DEFAULT_TRANSCRIPT_SET, top: opts.top, sex: family ? family.sex : opts.sex, store: opts.store, inputFields: opts.inputFields !== false, log: opts.log, threads: opts.threads, progress: opts.progress, family },
      annotated,
      warnings,
    );
  };
  return opts.store ? withSpill(opts.out, mergeAndFinish) : mergeAndFinish(null);
}
