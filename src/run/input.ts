import * as path from 'node:path';
import { InputError } from '../errors';
import { checkIndexMatchesFile } from '../io/indexCheck';
import { openTabixIndex, OpenedIndex, VirtualRange } from '../io/tabixIndex';
import type { VcfHeader } from '../io/vcfHeader';
import type { Logger } from '../log';
import type { Manifest } from '../reference/manifest';
import { parseShardSelector, planShards, wholeFileShard } from '../shard/plan';
import type { Region, ShardSpec } from '../shard/types';
import { detectBuild } from '../variant/build';

/** `chr1:1000-2000` or `chr1` to a 1-based closed region. */
export function parseRegion(text: string): Region {
  const m = /^([^:]+)(?::([\d,]+)(?:-([\d,]+))?)?$/.exec(text);
  if (!m) throw new InputError('--region', `"${text}" is not chr, chr:pos or chr:start-end`);
  const start1 = m[2] ? Number(m[2].replace(/,/g, '')) : 1;
  const end1 = m[3] ? Number(m[3].replace(/,/g, '')) : m[2] ? start1 : 1 << 29;
  if (start1 < 1 || end1 < start1) throw new InputError('--region', `"${text}" has start after end or a start below 1`);
  return { chrom: m[1], start1, end1 };
}

/** Run start time; SOURCE_DATE_EPOCH wins (reproducible-builds.org spec: a malformed value is an error). */
export function startedAt(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date().toISOString();
  const seconds = /^\d{1,12}$/.test(epoch) ? Number(epoch) : NaN;
  if (!Number.isSafeInteger(seconds)) throw new InputError('SOURCE_DATE_EPOCH', `"${epoch}" is not a whole number of seconds since 1970-01-01`);
  return new Date(seconds * 1000).toISOString();
}

/** Checks the VCF's declared contigs against the bundle's build (DESIGN.md §3). */
export function checkBuild(header: VcfHeader, manifest: Manifest, bundleDir: string): string {
  const evidence = detectBuild(header.contigs);
  if (evidence.build && evidence.build !== manifest.build) {
    throw new InputError(header.file, `VCF contigs are ${evidence.build} (by ##contig lengths) but reference bundle ${bundleDir} is ${manifest.build}; use a ${evidence.build} bundle or lift the VCF over`);
  }
  return evidence.build ?? manifest.build;
}

export interface SampleChoice {
  sample: string | null;
  /** 0-based column of the sample in a data line; -1 for a sites-only VCF. */
  sampleColumn: number;
}

/** The sample to read: the one asked for, else the first (with a warning when there are several). */
export function chooseSample(vcf: string, header: VcfHeader, requested: string | undefined, log: Logger): SampleChoice {
  if (header.samples.length === 0) {
    log.warn(`${vcf}: sites-only VCF (no sample columns); zygosity is unknown`);
    return { sample: null, sampleColumn: -1 };
  }
  const sample = requested ?? header.samples[0];
  const at = header.samples.indexOf(sample);
  if (at < 0) throw new InputError(vcf, `sample "${requested}" is not in the VCF (samples: ${header.samples.slice(0, 5).join(', ')}${header.samples.length > 5 ? ', ...' : ''})`);
  if (header.samples.length > 1 && !requested) log.warn(`${header.samples.length} samples in the VCF; ranking the first, ${sample} (choose with --sample)`);
  return { sample, sampleColumn: 9 + at };
}

export interface PlanRequest {
  vcf: string;
  region?: Region;
  /** `i/N`: only the i-th of N byte-balanced shards. */
  shard?: string;
  /** Exactly this many byte-balanced shards (the plan `--shard i/N` selects from). */
  shardCount?: number;
  shardBytes?: number;
  log: Logger;
}

/** The shards to annotate: the whole plan, or the one `--shard i/N` selects (then numbered 0). */
export async function planRun(req: PlanRequest, header: VcfHeader): Promise<ShardSpec[]> {
  const selector = req.shard ? parseShardSelector(req.shard) : undefined;
  if (req.shard && !selector) throw new InputError('--shard', `"${req.shard}" is not i/N with 1 <= i <= N`);
  const count = selector?.count ?? req.shardCount;
  const index = header.compression === 'bgzf' ? await openTabixIndex(req.vcf) : null;
  if (!index) {
    if (count !== undefined && count > 1) throw new InputError(req.vcf, `${selector ? '--shard' : '--shards'} needs a bgzipped VCF with a .tbi or .csi index (run \`tabix -p vcf\`)`);
    req.log.warn(`${req.vcf}: no .tbi/.csi index; reading the whole file in one shard`);
    return [wholeFileShard(req.vcf, req.region)];
  }
  const contigLengths = new Map(header.contigs.map((c) => [c.name, c.length ?? 0]));
  const planned = await planShards(req.vcf, index, { contigLengths, region: req.region, count, targetBytes: req.shardBytes });
  const perContig: VirtualRange[] = [];
  for (const chrom of index.refNames) perContig.push(...(await index.rangesFor(chrom, 0, contigLengths.get(chrom) || 1 << 29)));
  checkIndexMatchesFile(req.vcf, index.path, perContig);
  if (!selector) return planned;
  const one = planned[selector.index - 1];
  return one ? [{ ...one, index: 0 }] : [];
}

/** Records the VCF's index counts over all references, or null without an index or without counts. */
export async function indexRecordCount(vcf: string, header: VcfHeader): Promise<{ index: string; records: number } | null> {
  const index: OpenedIndex | null = header.compression === 'bgzf' ? await openTabixIndex(vcf) : null;
  if (!index) return null;
  let records = 0;
  for (const chrom of index.refNames) {
    const n = await index.lineCount(chrom);
    if (n < 0) return null;
    records += n;
  }
  return { index: index.path, records };
}

/**
 * An index's per-reference record counts must add up to the records read: an index left over
 * from another version of the file fails here instead of silently dropping records.
 */
export function checkRecordCount(vcf: string, expected: { index: string; records: number } | null, read: number): void {
  if (!expected || expected.records === read) return;
  throw new InputError(expected.index, `does not match ${path.basename(vcf)}: the index counts ${expected.records} records, the file has ${read} in the indexed regions (re-index it with \`tabix -p vcf\`)`);
}

export function describeShard(shard: ShardSpec): string {
  if (!shard.regions) return 'whole file';
  const one = (r: Region): string => `${r.chrom}:${r.start1}-${r.end1}`;
  const first = shard.regions[0];
  const last = shard.regions[shard.regions.length - 1];
  return shard.regions.length === 1 ? one(first) : `${one(first)} to ${one(last)}`;
}
