/**
 * The store of a run, its contigs encoded on a worker pool (workers/store-contig.ts) from the
 * spilled variants and written here in store order by one StoreAssembler: the same files as
 * writeStore, with the per-variant work (decoding the spill, warm columns, cold lines, BGZF) spread
 * over the run's threads.
 */
import * as path from 'node:path';
import { Piscina } from 'piscina';
import { Progress, silentProgress } from '../progress';
import { addCancelHook, removeCancelHook } from '../run/cancel';
import { InputError, InputErrorData, fromInputErrorData, toInputErrorData } from '../errors';
import { orderContigs, SpillChunk, storedContigInOrder, VariantSpill } from '../shard/variantSpill';
import { StoreAssembler, StoreBuildOptions } from './assemble';
import { ContigContext, ContigEncoder, ContigPieces } from './contigEncoder';
import type { StoreManifest } from './storeManifest';
import { storeStreamInput, StoreInput } from './write';

export interface StoreContigJob {
  contig: string;
  chunks: SpillChunk[];
  ctx: ContigContext;
}

/** What a store worker returns: an InputError (a damaged spill chunk) crosses the worker boundary as data, to stay one line. */
export type StoreContigOutcome = { ok: true; pieces: ContigPieces } | { ok: false; error: InputErrorData };

/** Worker side: one contig's spilled variants in store order, encoded. */
export function encodeSpilledContig(job: StoreContigJob): StoreContigOutcome {
  try {
    const encoder = new ContigEncoder(job.contig, job.ctx);
    for (const r of storedContigInOrder(job.chunks)) encoder.addStored(r.stored, r.source);
    return { ok: true, pieces: encoder.finish() };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: toInputErrorData(e) };
    throw e;
  }
}

function piecesOf(outcome: StoreContigOutcome): ContigPieces {
  if (!outcome.ok) throw fromInputErrorData(outcome.error);
  return outcome.pieces;
}

/** Below this many alleles the store is encoded on the main thread (an exome: about 40k). */
const INLINE_BELOW = 250_000;

/** Builds the store in `dir` from a run's spill on `threads` workers (on this thread when small or single-threaded). */
export async function writeStoreParallel(dir: string, input: StoreInput & { variants: VariantSpill }, threads: number, opts: StoreBuildOptions = {}, progress: Progress = silentProgress, inlineBelow = INLINE_BELOW): Promise<StoreManifest> {
  const store = new StoreAssembler(dir, storeStreamInput(input), opts);
  const spill = input.variants;
  const contigs = orderContigs(spill.contigs(), input.manifest.contigs.map((c) => c.name));
  let firstRow = 0;
  const jobs: StoreContigJob[] = contigs.map((contig) => {
    const job = { contig, chunks: spill.chunksOf(contig), ctx: store.contextFor(contig, firstRow) };
    firstRow += job.chunks.reduce((n, c) => n + c.count, 0);
    return job;
  });
  // A worker pool costs a few hundred ms to start: an exome's store is encoded here faster (same bytes).
  const pool = threads <= 1 || spill.count < inlineBelow ? null : new Piscina({ filename: path.resolve(__dirname, '..', '..', 'workers', 'store-contig.js'), minThreads: 1, maxThreads: Math.max(1, Math.min(threads, contigs.length)), idleTimeout: 100 });
  let destroyed: Promise<void> | null = null;
  const destroy = (): Promise<void> => (destroyed ??= pool ? pool.destroy() : Promise.resolve());
  addCancelHook(destroy);
  try {
    progress.start(jobs.map((j) => j.chunks.reduce((n, c) => n + c.count, 0)), 'writing store');
    // A window of contigs in flight: the workers stay busy while finished pieces wait only briefly to be written in order.
    const window = Math.max(2, threads * 2);
    const running: Array<Promise<StoreContigOutcome>> = [];
    let next = 0;
    const launch = (): void => {
      while (pool && next < jobs.length && running.length < window) {
        const task = pool.run(jobs[next++]) as Promise<StoreContigOutcome>;
        // Tasks still queued when one fails or the run is cancelled reject too; they are not awaited then.
        task.catch(() => undefined);
        running.push(task);
      }
    };
    launch();
    for (let i = 0; i < jobs.length; i++) {
      const pieces = piecesOf(pool ? await (running.shift() as Promise<StoreContigOutcome>) : encodeSpilledContig(jobs[i]));
      launch();
      store.add(pieces);
      progress.shardDone(i, pieces.rows);
    }
    return store.finish();
  } catch (e) {
    store.abort();
    throw e;
  } finally {
    progress.finish();
    removeCancelHook(destroy);
    await destroy();
  }
}
