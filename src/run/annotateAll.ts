import * as path from 'node:path';
import { Piscina } from 'piscina';
import type { AnnotateJob, ShardOutcome } from '../annotate/annotateShard';
import type { AnnotatedVariant, ReadCounts } from '../annotate/types';
import { emptyReadCounts } from '../annotate/types';
import { fromInputErrorData } from '../errors';
import { emptyFilterCounts, FilterCounts } from '../prioritise/filters';
import { addMqBins, emptyMqBins } from '../prioritise/mappingQuality';
import { Progress, shardWeight } from '../progress';
import { DEFAULT_SHARD_BYTES } from '../shard/plan';
import type { ShardSpec } from '../shard/types';
import { mergePluginResult, PluginShardResult } from '../plugins/counts';
import type { XCallCounts } from '../prioritise/family';
import { addCancelHook, removeCancelHook } from './cancel';
import { describeShard } from './input';
import type { SpillChunk, VariantSpill } from '../shard/variantSpill';

/** The annotation of every shard, joined in shard order: what ranking, store and report start from. */
export interface Annotated {
  /** The passing variants ranking can use (src/prioritise/shortlist.ts). */
  passing: AnnotatedVariant[];
  /** How many variants passed the hard filters (results.json counts.passed_filters). */
  passed: number;
  /** Every annotated variant, on disk (the store and shard files need them); null when the job did not keep them. */
  spill: VariantSpill | null;
  annotated: number;
  perFilter: FilterCounts;
  /** Annotated alleles per INFO/MQ bin (src/prioritise/mappingQuality.ts): whether the run uses MQ. */
  mqBins: number[];
  counts: ReadCounts;
  warnings: string[];
  /** Shards the VCF was read in (results.json settings.shards). */
  shards: number;
  /** Plugin counts and first skips, summed over shards (runs with plugins only). */
  plugins?: PluginShardResult;
  /** Heterozygous / homozygous X calls per family member, summed over shards (--ped only). */
  xCalls?: XCallCounts;
}

export function emptyAnnotated(spill: VariantSpill | null = null): Annotated {
  return { passing: [], passed: 0, spill, annotated: 0, perFilter: emptyFilterCounts(), mqBins: emptyMqBins(), counts: emptyReadCounts(), warnings: [], shards: 0 };
}

/** Adds one shard's outcome (`pieces` planned shards) to `into`: counts summed, variants appended, warnings once each. */
export function addShard(into: Annotated, o: Pick<Annotated, 'passing' | 'passed' | 'annotated' | 'perFilter' | 'mqBins' | 'counts' | 'warnings' | 'plugins' | 'xCalls'> & { spill?: SpillChunk[] | null }, pieces = 1): void {
  if (o.plugins) mergePluginResult((into.plugins ??= { counts: {}, firstSkip: {} }), o.plugins);
  if (o.xCalls) {
    const a = into.xCalls;
    const b = o.xCalls;
    into.xCalls = a ? { het: a.het.map((x, i) => x + b.het[i]), homAlt: a.homAlt.map((x, i) => x + b.homAlt[i]) } : b;
  }
  for (const k of Object.keys(into.counts) as Array<keyof ReadCounts>) into.counts[k] += o.counts[k];
  for (const k of Object.keys(into.perFilter) as Array<keyof FilterCounts>) into.perFilter[k] += o.perFilter[k];
  addMqBins(into.mqBins, o.mqBins);
  into.annotated += o.annotated;
  into.passed += o.passed;
  for (const v of o.passing) into.passing.push(v);
  if (o.spill) into.spill?.add(o.spill);
  for (const w of o.warnings) if (!into.warnings.includes(w)) into.warnings.push(w);
  into.shards += pieces;
}

/** A pool of workers/annotate-shard, started before the shards are planned (see startAnnotatePool). */
export interface AnnotatePool {
  pool: Piscina;
  destroy(): Promise<void>;
}

/**
 * Starts the annotation pool now, so that its workers start up (Node isolate, module load: 60-350
 * ms each, docs/adr/0003-reading-hot-path.md) while the main thread opens the index and plans the
 * shards. `expectedShards` (an estimate, at least 1) is how many workers start at once; more start
 * when tasks queue, up to `threads`. Whoever starts it must hand it to annotateAll or destroy it.
 */
export function startAnnotatePool(threads: number, expectedShards: number): AnnotatePool {
  const max = Math.max(1, threads);
  const pool = new Piscina({
    filename: path.resolve(__dirname, '..', '..', 'workers', 'annotate-shard.js'),
    minThreads: Math.max(1, Math.min(max, expectedShards)),
    maxThreads: max,
    idleTimeout: 100,
  });
  let destroyed: Promise<void> | null = null;
  return { pool, destroy: () => (destroyed ??= pool.destroy()) };
}

/** A guess of the shard count from the compressed size, for startAnnotatePool (the plan is by compressed bytes). */
export function expectedShardCount(vcfBytes: number, shardBytes = DEFAULT_SHARD_BYTES): number {
  return Math.max(1, Math.ceil(vcfBytes / shardBytes));
}

/**
 * Annotates the shards on a piscina pool of workers/annotate-shard and joins them in shard order.
 * With `spill`, the workers write every annotated variant into it (the store and shard files read them back).
 * `started` is a pool from startAnnotatePool (destroyed here in every case); without one, a pool is made.
 */
export async function annotateAll(shards: ShardSpec[], job: Omit<AnnotateJob, 'shard' | 'spillDir'>, threads: number, progress: Progress, spill: VariantSpill | null = null, started: AnnotatePool | null = null): Promise<Annotated> {
  if (shards.length === 0) {
    await started?.destroy();
    return emptyAnnotated(spill);
  }
  const { pool, destroy } = started ?? startAnnotatePool(Math.min(threads, shards.length), 1);
  addCancelHook(destroy);
  // A worker that dies (uncaught exception, out of memory) rejects its task; name the shard it was on.
  const runShard = (shard: ShardSpec): Promise<ShardOutcome> =>
    (pool.run({ ...job, shard, spillDir: spill?.dir ?? null } satisfies AnnotateJob) as Promise<ShardOutcome>).catch((e: unknown) => {
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
    const merged = emptyAnnotated(spill);
    for (const o of outcomes) {
      if (!o.ok) throw fromInputErrorData(o.error);
      addShard(merged, o);
    }
    return merged;
  } finally {
    progress.finish();
    removeCancelHook(destroy);
    await destroy();
  }
}
