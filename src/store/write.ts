import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnnotatedVariant } from '../annotate/types';
import type { VariantSource } from '../shard/variantSpill';
import { writeIndexedText } from '../io/indexedTextWriter';
import { VCF_TABIX } from '../io/tabixWriter';
import type { VcfHeader } from '../io/vcfHeader';
import type { Candidate } from '../prioritise/types';
import type { Manifest } from '../reference/manifest';
import type { ContigEntry } from '../variant/contigs';
import { toolVersion } from '../version';
import { coldHeader, coldLine } from './coldFormat';
import { HotWriter } from './hot';
import { COLD_FILE, HOT_FILE, STORE_SCHEMA, StoreManifest, WARM_FILE, writeStoreManifest } from './storeManifest';
import { alleleKey, candidateDetails, reportableReasons, toStored } from './storedVariant';
import { DEFAULT_BLOCK_ROWS, WarmWriter } from './warm';
import { ColumnCodecs, DEFAULT_COLUMN_CODECS } from './warmBlock';

export interface StoreInput {
  /** Every annotated variant; the store takes them by contig (bundle order) and position. */
  variants: VariantSource;
  candidates: Candidate[];
  header: VcfHeader;
  manifest: Manifest;
  sample: string | null;
  build: string;
  /** The run's --max-af: "rare" for the hot tier's rare protein-altering rule. */
  maxAf: number;
}

export interface StoreBuildOptions {
  blockRows?: number;
  /** Codec of every warm column, or per column by name (default: warmBlock.ts DEFAULT_COLUMN_CODECS). */
  codecs?: ColumnCodecs;
}

/** Run facts for a store built from a stream (the pipeline passes them through writeStore). */
export interface StoreStreamInput {
  candidates: Candidate[];
  manifest: Pick<Manifest, 'name' | 'sources'>;
  contigs: ContigEntry[];
  sample: string | null;
  build: string;
  maxAf: number;
  filterLines: string[];
}

/**
 * Writes the three tiers and `store.json` into `dir` (which the caller has reserved under a
 * temporary name: see AtomicOutputSet). `dir` must not exist yet.
 */
export function writeStore(dir: string, input: StoreInput, opts: StoreBuildOptions = {}): StoreManifest {
  const declared = new Set(input.header.lines.filter((l) => l.startsWith('##FILTER=<ID=')).map((l) => /^##FILTER=<ID=([^,>]+)/.exec(l)![1]));
  const undeclared = new Set<string>();
  for (const value of input.variants.filters()) for (const f of value.split(';')) if (f !== '.' && f !== 'PASS' && !declared.has(f)) undeclared.add(f);
  const filterLines = [
    ...input.header.lines.filter((l) => l.startsWith('##FILTER=')),
    ...[...undeclared].sort().map((f) => `##FILTER=<ID=${f},Description="Used in the input VCF without a header definition">`),
  ];
  // Every bundle contig, so lookups on a contig without variants get an empty answer, not an error.
  const contigs = [...input.manifest.contigs];
  const known = new Set(contigs.map((c) => c.name));
  for (const name of input.variants.contigs().filter((c) => !known.has(c)).sort()) contigs.push({ name, length: 0, aliases: [] });
  const sorted = input.variants.inStoreOrder(input.manifest.contigs.map((c) => c.name));
  return buildStore(dir, sorted, { candidates: input.candidates, manifest: input.manifest, contigs, sample: input.sample, build: input.build, maxAf: input.maxAf, filterLines }, opts);
}

/** Builds a store from variants already in store order, in one pass (the benchmark streams millions this way). */
export function buildStore(dir: string, variants: Iterable<AnnotatedVariant>, input: StoreStreamInput, opts: StoreBuildOptions = {}): StoreManifest {
  if (fs.existsSync(dir)) throw new Error(`${dir} already exists; a store is written into a fresh directory`);
  fs.mkdirSync(dir, { recursive: true });
  const blockRows = opts.blockRows ?? DEFAULT_BLOCK_ROWS;
  const codecs = opts.codecs ?? DEFAULT_COLUMN_CODECS;
  const details = candidateDetails(input.candidates);
  const rankOf = new Map<string, number>();
  for (const [key, list] of details) rankOf.set(key, Math.min(...list.map((d) => d.rank)));
  let hot: HotWriter | undefined;
  let warm: WarmWriter | undefined;
  const withSample = input.sample !== null;
  let rows = 0;
  function* tee(): Generator<ReturnType<typeof coldLine>> {
    for (const v of variants) {
      const key = alleleKey(v.chrom, v.pos, v.ref, v.alt);
      const rank = rankOf.get(key) ?? null;
      const stored = toStored(v, rows++, rank, reportableReasons(v, input.maxAf, rank !== null));
      warm!.add(stored);
      if (stored.reportable.length > 0) hot!.add(stored, details.get(key));
      yield coldLine(stored, withSample);
    }
  }
  try {
    hot = new HotWriter(path.join(dir, HOT_FILE));
    warm = new WarmWriter(path.join(dir, WARM_FILE), blockRows, codecs);
    const header = coldHeader({ build: input.build, sample: input.sample, contigs: input.contigs, filterLines: input.filterLines, toolVersion: toolVersion() });
    writeIndexedText(path.join(dir, COLD_FILE), header, tee(), VCF_TABIX);
    const meta = { schema: String(STORE_SCHEMA), variants: String(rows) };
    const hotCounts = hot.finish(input.candidates, meta);
    const warmCounts = warm.finish(meta);
    const manifest: StoreManifest = {
      schema: STORE_SCHEMA,
      tool: { name: 'vartriage', version: toolVersion() },
      sample: input.sample,
      build: input.build,
      reference: { name: input.manifest.name, sources: input.manifest.sources.map((s) => ({ kind: s.kind, version: s.version, upstream: s.upstream, sha256: s.sha256, records: s.records })) },
      settings: { max_af: input.maxAf, block_rows: blockRows, codec: typeof codecs === 'string' ? codecs : JSON.stringify(codecs) },
      counts: { variants: rows, hot: hotCounts.rows, warm_blocks: warmCounts.blocks, candidates: input.candidates.length },
      contigs: input.contigs,
      files: { hot: HOT_FILE, warm: WARM_FILE, cold: COLD_FILE },
    };
    writeStoreManifest(dir, manifest);
    return manifest;
  } catch (e) {
    hot?.abort();
    warm?.abort();
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
