import * as fs from 'node:fs';
import { InputError } from '../errors';
import { inflateBlocks } from './bgzf';

/**
 * A compact reader of tabix `.tbi` indexes (tabix spec, "TBI index format"): bins, chunks and the
 * 16 kb linear index kept in typed arrays, virtual offsets (SAMv1 §4.1.1) held as one double
 * `coffset * 65536 + uoffset` (exact below 2^53, i.e. files under 128 TiB).
 *
 * Why not @gmod/tabix here: it builds one VirtualOffset object per linear-index entry and chunk, and
 * on a genome-scale VCF (188k linear entries) that took 0.35-0.8 s of the main thread before any
 * worker could start (docs/adr/0003-reading-hot-path.md). Queries answer exactly what
 * `TBI.blocksForRange` answers (same bins, same linear-index floor, same chunk merging); the test
 * compares both on real indexes. CSI indexes still go through @gmod/tabix.
 */

const TBI_MAGIC = 0x01494254; // "TBI\1"
/** Bin numbers of a depth-5 binning index stop at 37449; 37450 is the pseudo-bin of statistics. */
const PSEUDO_BIN = 37450;
const VOFF_SCALE = 65536;

export interface TbiRef {
  /** Ordinal of each bin present (its chunks are chunks[2*binStart[j] ...], binCount[j] of them). */
  bins: Map<number, number>;
  binStart: Int32Array;
  binCount: Int32Array;
  /** Every chunk of the reference as [minv, maxv] pairs, in file order. */
  chunks: Float64Array;
  /** Smallest virtual offset of a record overlapping each 16 kb window. */
  linear: Float64Array;
  /** Mapped records from the pseudo-bin, -1 when absent. */
  lineCount: number;
}

export interface TbiIndex {
  refNames: string[];
  refs: TbiRef[];
}

/** Chunk of a query: virtual offsets as doubles (`coffset * 65536 + uoffset`), end exclusive. */
export interface TbiChunk {
  minv: number;
  maxv: number;
}

/** Parses the decompressed bytes of a .tbi file. */
export function parseTbi(bytes: Buffer, file: string): TbiIndex {
  if (bytes.length < 36 || bytes.readUInt32LE(0) !== TBI_MAGIC) throw new InputError(file, 'not a tabix index (no TBI magic)');
  const nRef = bytes.readInt32LE(4);
  const lNm = bytes.readInt32LE(32);
  if (36 + lNm > bytes.length) throw new InputError(file, 'tabix index is truncated');
  const refNames = bytes
    .toString('utf8', 36, 36 + lNm)
    .split('\0')
    .slice(0, nRef);
  // Every field after the names is a 4- or 8-byte little-endian integer, so one aligned copy lets
  // the loops read whole words. This runs once per process, mostly before the JIT has warmed up:
  // word reads keep it to a few milliseconds for a genome's 188k linear-index entries.
  const bodyBytes = bytes.length - 36 - lNm;
  const u32 = new Uint32Array((bodyBytes + 3) >> 2);
  new Uint8Array(u32.buffer).set(bytes.subarray(36 + lNm));
  const words = bodyBytes >> 2;
  let w = 0;
  const need = (n: number): void => {
    if (w + n > words) throw new InputError(file, 'tabix index is truncated');
  };
  const refs: TbiRef[] = [];
  for (let i = 0; i < nRef; i++) {
    need(1);
    const nBin = u32[w++] | 0;
    // First pass: count chunks so they go in one typed array (one allocation per reference).
    let total = 0;
    let q = w;
    for (let j = 0; j < nBin; j++) {
      if (q + 2 > words) throw new InputError(file, 'tabix index is truncated');
      const nChunk = u32[q + 1] | 0;
      if (u32[q] !== PSEUDO_BIN) total += nChunk;
      q += 2 + 4 * nChunk;
    }
    need(q - w + 1);
    const bins = new Map<number, number>();
    const binStart = new Int32Array(nBin);
    const binCount = new Int32Array(nBin);
    const chunks = new Float64Array(2 * total);
    let lineCount = -1;
    let c = 0;
    for (let j = 0; j < nBin; j++) {
      const bin = u32[w];
      const nChunk = u32[w + 1] | 0;
      w += 2;
      if (bin === PSEUDO_BIN) {
        // Pseudo-bin: chunk 0 is the offset span, chunk 1 holds n_mapped and n_unmapped (u64 each).
        if (nChunk === 2) lineCount = u32[w + 5] * 2 ** 32 + u32[w + 4];
      } else {
        bins.set(bin, j);
        binStart[j] = c;
        binCount[j] = nChunk;
        for (let k = 0; k < nChunk; k++, c++) {
          chunks[2 * c] = voffWords(u32[w + 4 * k], u32[w + 4 * k + 1]);
          chunks[2 * c + 1] = voffWords(u32[w + 4 * k + 2], u32[w + 4 * k + 3]);
        }
      }
      w += 4 * nChunk;
    }
    const nIntv = u32[w++] | 0;
    need(2 * nIntv);
    const linear = new Float64Array(nIntv);
    for (let k = 0; k < nIntv; k++) linear[k] = voffWords(u32[w + 2 * k], u32[w + 2 * k + 1]);
    w += 2 * nIntv;
    refs.push({ bins, binStart, binCount, chunks, linear, lineCount });
  }
  return { refNames, refs };
}

/** A virtual offset (u64: coffset << 16 | uoffset) from its low and high 32-bit words, as one double. */
function voffWords(lo: number, hi: number): number {
  return (hi * 65536 + (lo >>> 16)) * VOFF_SCALE + (lo & 0xffff);
}

/** Reads and parses `<file>` (a BGZF-compressed .tbi). */
export function readTbi(file: string): TbiIndex {
  const raw = fs.readFileSync(file);
  return parseTbi(inflateBlocks(raw, file, 0).data, file);
}

/** Bins that may overlap [beg0, end0) (tabix spec reg2bins), as inclusive [first, last] pairs per level. */
function reg2bins(beg0: number, end0: number): number[] {
  const b = beg0 + 1;
  const e = end0 - 1;
  return [0, 0, 1 + (b >> 26), 1 + (e >> 26), 9 + (b >> 23), 9 + (e >> 23), 73 + (b >> 20), 73 + (e >> 20), 585 + (b >> 17), 585 + (e >> 17), 4681 + (b >> 14), 4681 + (e >> 14)];
}

/**
 * Chunks that may hold records overlapping [beg0, end0), as @gmod/tabix's `blocksForRange` gives
 * them: chunks of the overlapping bins whose end lies past the linear-index floor, sorted by start,
 * and merged when they are less than 65,000 compressed bytes apart (a read of the gap is cheaper
 * than a second seek) while the merged span stays under 5 MB.
 */
export function tbiChunksFor(ref: TbiRef, beg0: number, end0: number): TbiChunk[] {
  const picked: number[] = [];
  const sorted = pickChunks(ref, Math.max(0, beg0), end0, picked);
  const chunks = ref.chunks;
  if (picked.length === 0) return [];
  if (!sorted) sortByStart(picked, chunks);
  const first = picked[0];
  const merged: TbiChunk[] = [{ minv: chunks[2 * first], maxv: chunks[2 * first + 1] }];
  let lastMinBlock = Math.floor(chunks[2 * first] / VOFF_SCALE);
  let lastMaxBlock = Math.floor(chunks[2 * first + 1] / VOFF_SCALE);
  for (let i = 1; i < picked.length; i++) {
    const minv = chunks[2 * picked[i]];
    const maxv = chunks[2 * picked[i] + 1];
    const minBlock = Math.floor(minv / VOFF_SCALE);
    const maxBlock = Math.floor(maxv / VOFF_SCALE);
    if (minBlock - lastMaxBlock < 65_000 && maxBlock - lastMinBlock < 5_000_000) {
      const last = merged[merged.length - 1];
      if (maxv > last.maxv) {
        last.maxv = maxv;
        lastMaxBlock = maxBlock;
      }
    } else {
      merged.push({ minv, maxv });
      lastMinBlock = minBlock;
      lastMaxBlock = maxBlock;
    }
  }
  return merged;
}

/**
 * Appends to `picked` the indices of the chunks past the linear-index floor, in the order @gmod
 * collects them (level by level, bin by bin); says whether they are already sorted by start.
 * (A function of its own: as one function with the merge below, V8 deoptimised it on every call.)
 */
function pickChunks(ref: TbiRef, min: number, end0: number, picked: number[]): boolean {
  const ranges = reg2bins(min, end0);
  const chunks = ref.chunks;
  const hasLinear = ref.linear.length > 0;
  const lowest = hasLinear ? ref.linear[Math.min(min >> 14, ref.linear.length - 1)] : 0;
  let sorted = true;
  let lastMin = -1;
  for (let l = 0; l < ranges.length; l += 2) {
    for (let bin = ranges[l]; bin <= ranges[l + 1]; bin++) {
      const j = ref.bins.get(bin);
      if (j === undefined) continue;
      for (let k = ref.binStart[j], end = k + ref.binCount[j]; k < end; k++) {
        if (hasLinear && chunks[2 * k + 1] <= lowest) continue;
        const minv = chunks[2 * k];
        if (minv < lastMin) sorted = false;
        lastMin = minv;
        picked.push(k);
      }
    }
  }
  return sorted;
}

/** Stable insertion sort of chunk indices by start offset (lists are short and nearly sorted). */
function sortByStart(picked: number[], chunks: Float64Array): void {
  for (let i = 1; i < picked.length; i++) {
    const k = picked[i];
    const key = chunks[2 * k];
    let j = i;
    while (j > 0 && chunks[2 * picked[j - 1]] > key) {
      picked[j] = picked[j - 1];
      j--;
    }
    picked[j] = k;
  }
}

/** Splits a double virtual offset into its block position and offset within the block. */
export function splitVoff(v: number): { blockPosition: number; dataPosition: number } {
  const blockPosition = Math.floor(v / VOFF_SCALE);
  return { blockPosition, dataPosition: v - blockPosition * VOFF_SCALE };
}
