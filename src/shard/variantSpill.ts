/**
 * Every annotated variant of a run, kept on disk instead of on the main thread's heap.
 *
 * A genome is 5M annotated alleles: as objects they need several GB, more than a laptop (or the
 * default V8 heap) has, so `run` died out of memory writing the store. Instead each worker writes
 * its shard's variants, one columnar file per contig run (spillEncode.ts), and returns only their
 * names. The store and the shard file then read the chunks back one contig at a time, so the peak is
 * one contig of one genome, not the genome. The store reads them straight into its own rows
 * (spillRows.ts storedRows), the shard file into whole variants.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnnotatedVariant } from '../annotate/types';
import { InputError } from '../errors';
import { writeError } from '../io/atomicWrite';
import { readColumns, SpillColumns } from './spillColumns';
import { writeSpillChunk } from './spillEncode';
import type { VariantColumns } from '../variant/variantColumns';
import { FrameReader, SpillFormatError } from './spillFrame';
import { annotatedRows, storedRows, StoreRow } from './spillRows';

/** One contig's run of one shard's variants, in the order the shard read them. */
export interface SpillChunk {
  file: string;
  /** Shard index (plan order) and the chunk's place within the shard. */
  shard: number;
  part: number;
  contig: string;
  count: number;
  /** Lowest position in the chunk. */
  firstPos: number;
  /** Distinct FILTER values of the chunk (the store declares the ones the VCF header does not). */
  filters: string[];
}

/** Writes `variants` (one shard, contigs in blocks) to `dir` as one chunk per contig run. Worker side. */
export function writeSpillChunks(dir: string, shard: number, variants: AnnotatedVariant[], source: VariantColumns | null = null): SpillChunk[] {
  if (source !== null && source.length !== variants.length) throw new Error(`spill: ${variants.length} variants for ${source.length} alleles of columns`);
  const chunks: SpillChunk[] = [];
  let start = 0;
  for (let i = 1; i <= variants.length; i++) {
    if (i < variants.length && variants[i].chrom === variants[start].chrom) continue;
    const run = variants.slice(start, i);
    const part = chunks.length;
    const file = path.join(dir, `shard${shard}-${part}.vtspill`);
    let filters: string[];
    try {
      filters = writeSpillChunk(file, run, source === null ? null : { cols: source, from: start });
    } catch (e) {
      throw writeError(file, e);
    }
    // A loop, not Math.min(...): a shard file's contig can hold 300k alleles, too many arguments for the stack.
    let firstPos = Infinity;
    for (const v of run) if (v.pos < firstPos) firstPos = v.pos;
    chunks.push({ file, shard, part, contig: run[0].chrom, count: run.length, firstPos, filters });
    start = i;
  }
  return chunks;
}

/** A chunk's columns; a missing, truncated or damaged file is one InputError line naming it. */
function readChunkColumns(chunk: SpillChunk): SpillColumns {
  const damaged = (why: string): InputError => new InputError(chunk.file, `spill chunk unreadable (${why}); the run's temporary files were changed or removed while it ran, run it again`);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(chunk.file);
  } catch (e) {
    throw damaged((e as Error).message.split(',')[0]);
  }
  try {
    const c = readColumns(FrameReader.open(buf));
    if (c.count !== chunk.count || c.chrom !== chunk.contig) throw new SpillFormatError(`holds ${c.count} alleles of ${c.chrom}, its listing says ${chunk.count} of ${chunk.contig}`);
    return c;
  } catch (e) {
    if (e instanceof SpillFormatError) throw damaged(e.message);
    throw e;
  }
}

function readChunk(chunk: SpillChunk): AnnotatedVariant[] {
  const c = readChunkColumns(chunk);
  try {
    return annotatedRows(c);
  } catch (e) {
    if (e instanceof SpillFormatError) throw new InputError(chunk.file, `spill chunk unreadable (${e.message}); run it again`);
    throw e;
  }
}

/** A chunk as the store's rows (the store worker's read: no AnnotatedVariant objects). */
function readStoredChunk(chunk: SpillChunk): StoreRow[] {
  return storedRows(readChunkColumns(chunk));
}

/** The variants a store is built from: whatever holds them, they come out contig by contig. */
export interface VariantSource {
  readonly count: number;
  /** Contig names of the variants, in first-seen order. */
  contigs(): string[];
  /** Distinct FILTER column values. */
  filters(): Set<string>;
  /**
   * Store order: by contig in `contigOrder` (contigs not in it last, by name), then position; ties
   * keep the read order, so alleles at one position keep their file order.
   */
  inStoreOrder(contigOrder: string[]): Iterable<AnnotatedVariant>;
  /** The variants in the order they were read. */
  inReadOrder(): Iterable<AnnotatedVariant>;
}

/** Contigs of `names` ordered by `contigOrder`, names it lacks last in code-unit order. */
export function orderContigs(names: string[], contigOrder: string[]): string[] {
  const known = new Set(contigOrder);
  const present = new Set(names);
  return [...contigOrder.filter((c) => present.has(c)), ...[...present].filter((c) => !known.has(c)).sort()];
}

/** Position of a variant in either form (AnnotatedVariant.pos, StoredVariant.pos1). */
type PosOf<T> = (v: T) => number;
const annotatedPos: PosOf<AnnotatedVariant> = (v) => v.pos;
const storedPos: PosOf<StoreRow> = (r) => r.stored.pos1;

/** A stable sort by position: variants of one contig trimmed across a shard edge are put back in order. */
function byPosition<T>(variants: T[], pos: PosOf<T>): T[] {
  for (let i = 1; i < variants.length; i++) {
    if (pos(variants[i]) < pos(variants[i - 1])) {
      const idx = Array.from({ length: variants.length }, (_, k) => k);
      idx.sort((a, b) => pos(variants[a]) - pos(variants[b]) || a - b);
      return idx.map((k) => variants[k]);
    }
  }
  return variants;
}

/** Merges two lists sorted by position; on equal positions `first`'s variants come first (read order). */
function mergeByPosition<T>(first: T[], second: T[], pos: PosOf<T>): T[] {
  if (first.length === 0) return byPosition(second, pos);
  const b = byPosition(second, pos);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < b.length) {
    if (j >= b.length || (i < first.length && pos(first[i]) <= pos(b[j]))) out.push(first[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/**
 * One contig's spilled variants in store order (by position, ties in read order), one chunk in
 * memory at a time. The chunks (read order) are each sorted, and only an allele trimmed forward
 * across a shard edge can sort after a later chunk's first variant. So each chunk is merged with
 * what was held back from the previous ones, and everything at or before the lowest first position
 * of the chunks still to come is emitted.
 */
export function spilledContigInOrder(chunks: SpillChunk[]): Iterable<AnnotatedVariant> {
  return contigInOrder(chunks, readChunk, annotatedPos);
}

/** As spilledContigInOrder, as the store's rows (row, rank and reportable still to fill in). */
export function storedContigInOrder(chunks: SpillChunk[]): Iterable<StoreRow> {
  return contigInOrder(chunks, readStoredChunk, storedPos);
}

function* contigInOrder<T>(chunks: SpillChunk[], read: (chunk: SpillChunk) => T[], pos: PosOf<T>): Iterable<T> {
  const laterFirst = new Array<number>(chunks.length);
  for (let i = chunks.length - 1, min = Infinity; i >= 0; i--) {
    laterFirst[i] = min;
    min = Math.min(min, chunks[i].firstPos);
  }
  let held: T[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const merged = mergeByPosition(held, read(chunks[i]), pos);
    let cut = 0;
    while (cut < merged.length && pos(merged[cut]) <= laterFirst[i]) cut++;
    for (let k = 0; k < cut; k++) yield merged[k];
    held = merged.slice(cut);
  }
}

/** Variants already in memory (tests, small runs): the same interface as the spill. */
export function arraySource(variants: AnnotatedVariant[]): VariantSource {
  return {
    count: variants.length,
    contigs: () => [...new Set(variants.map((v) => v.chrom))],
    filters: () => new Set(variants.map((v) => v.filter)),
    *inStoreOrder(contigOrder) {
      for (const contig of orderContigs(this.contigs(), contigOrder)) yield* byPosition(variants.filter((v) => v.chrom === contig), annotatedPos);
    },
    inReadOrder: () => variants,
  };
}

/** The spill directory of one run: chunks from every shard, removed with `remove()`. */
export class VariantSpill implements VariantSource {
  private readonly chunks: SpillChunk[] = [];

  /**
   * `made`: the first folder that create() made to hold the spill (none when `parent` existed),
   * removed again with the spill when the run leaves nothing in it (a run that failed).
   */
  private constructor(
    readonly dir: string,
    private readonly parent: string,
    private readonly made: string | undefined,
  ) {}

  /**
   * Creates a fresh spill directory in `parent` (the run's output folder, where the lab has room for
   * a genome's worth; not /tmp, often a small RAM disk on cluster nodes). The name is unique even
   * for processes on several nodes writing into one shared folder.
   */
  static create(parent: string): VariantSpill {
    try {
      const made = fs.mkdirSync(parent, { recursive: true });
      return new VariantSpill(fs.mkdtempSync(path.join(parent, '.vartriage-spill-')), path.resolve(parent), made === undefined ? undefined : path.resolve(made));
    } catch (e) {
      throw writeError(parent, e);
    }
  }

  add(chunks: SpillChunk[]): void {
    this.chunks.push(...chunks);
  }

  /** Writes variants held on this thread (merge reads shard files here) as chunks of shard `shard`. */
  addVariants(shard: number, variants: AnnotatedVariant[]): void {
    this.add(writeSpillChunks(this.dir, shard, variants));
  }

  get count(): number {
    let n = 0;
    for (const c of this.chunks) n += c.count;
    return n;
  }

  contigs(): string[] {
    return [...new Set(this.sorted().map((c) => c.contig))];
  }

  filters(): Set<string> {
    return new Set(this.chunks.flatMap((c) => c.filters));
  }

  private sorted(): SpillChunk[] {
    return [...this.chunks].sort((a, b) => a.shard - b.shard || a.part - b.part);
  }

  *inReadOrder(): Iterable<AnnotatedVariant> {
    for (const chunk of this.sorted()) yield* readChunk(chunk);
  }

  /** This contig's chunks in read order (what a store worker reads, spilledContigInOrder). */
  chunksOf(contig: string): SpillChunk[] {
    return this.sorted().filter((c) => c.contig === contig);
  }

  *inStoreOrder(contigOrder: string[]): Iterable<AnnotatedVariant> {
    for (const contig of orderContigs(this.contigs(), contigOrder)) yield* spilledContigInOrder(this.chunksOf(contig));
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
    if (this.made === undefined) return;
    // The folders this run made, innermost first, while nothing else is in them.
    for (let dir = this.parent; dir.startsWith(this.made); dir = path.dirname(dir)) {
      try {
        fs.rmdirSync(dir);
      } catch {
        return;
      }
      if (dir === this.made) return;
    }
  }
}
