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
 * worker could start (docs/adr/0002-reading-hot-path.md). Queries answer exactly what
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

function voff(b: Uint8Array, at: number): number {
  // u64 little-endian: low 16 bits uoffset, high 48 bits coffset. Plain byte reads: this runs
  // for every linear-index entry, once per process, mostly before the JIT has warmed up.
  const uoffset = b[at] | (b[at + 1] << 8);
  const coffset = b[at + 2] + b[at + 3] * 0x100 + b[at + 4] * 0x10000 + b[at + 5] * 0x1000000 + (b[at + 6] + b[at + 7] * 0x100) * 0x100000000;
  return coffset * VOFF_SCALE + uoffset;
}

/** Parses the decompressed bytes of a .tbi file. */
export function parseTbi(bytes: Buffer, file: string): TbiIndex {
  if (bytes.length < 36 || bytes.readUInt32LE(0) !== TBI_MAGIC) throw new InputError(file, 'not a tabix index (no TBI magic)');
  const nRef = bytes.readInt32LE(4);
  const lNm = bytes.readInt32LE(32);
  const refNames = bytes
    .toString('utf8', 36, 36 + lNm)
    .split('\0')
    .slice(0, nRef);
  let p = 36 + lNm;
  const refs: TbiRef[] = [];
  const need = (n: number): void => {
    if (p + n > bytes.length) throw new RangeError('truncated');
  };
  try {
    for (let i = 0; i < nRef; i++) {
      const nBin = bytes.readInt32LE(p);
      p += 4;
      // First pass: count chunks so they go in one typed array (one allocation per reference).
      let total = 0;
      let q = p;
      for (let j = 0; j < nBin; j++) {
        const nChunk = bytes.readInt32LE(q + 4);
        if (bytes.readUInt32LE(q) !== PSEUDO_BIN) total += nChunk;
        q += 8 + 16 * nChunk;
      }
      const bins = new Map<number, number>();
      const binStart = new Int32Array(nBin);
      const binCount = new Int32Array(nBin);
      need(q - p);
      const chunks = new Float64Array(2 * total);
      let lineCount = -1;
      let c = 0;
      for (let j = 0; j < nBin; j++) {
        const bin = bytes.readUInt32LE(p);
        const nChunk = bytes.readInt32LE(p + 4);
        p += 8;
        if (bin === PSEUDO_BIN) {
          if (nChunk === 2) lineCount = voffAsCount(bytes, p + 16);
        } else {
          bins.set(bin, j);
          binStart[j] = c;
          binCount[j] = nChunk;
          for (let k = 0; k < nChunk; k++, c++) {
            chunks[2 * c] = voff(bytes, p + 16 * k);
            chunks[2 * c + 1] = voff(bytes, p + 16 * k + 8);
          }
        }
        p += 16 * nChunk;
      }
      const nIntv = bytes.readInt32LE(p);
      p += 4;
      need(8 * nIntv);
      const linear = new Float64Array(nIntv);
      for (let k = 0; k < nIntv; k++) linear[k] = voff(bytes, p + 8 * k);
      p += 8 * nIntv;
      refs.push({ bins, binStart, binCount, chunks, linear, lineCount });
    }
  } catch (e) {
    if (e instanceof RangeError) throw new InputError(file, 'tabix index is truncated');
    throw e;
  }
  return { refNames, refs };
}

/** The pseudo-bin's n_mapped: an unsigned 64-bit count. */
function voffAsCount(bytes: Buffer, at: number): number {
  return bytes.readUInt32LE(at + 4) * 2 ** 32 + bytes.readUInt32LE(at);
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
  const min = Math.max(0, beg0);
  const ranges = reg2bins(min, end0);
  const lowest = ref.linear.length > 0 ? ref.linear[Math.min(min >> 14, ref.linear.length - 1)] : -1;
  // Chunk indices past the floor, in the order @gmod collects them (level by level, bin by bin).
  const picked: number[] = [];
  let sorted = true;
  for (let l = 0; l < ranges.length; l += 2) {
    for (let bin = ranges[l]; bin <= ranges[l + 1]; bin++) {
      const j = ref.bins.get(bin);
      if (j === undefined) continue;
      for (let k = ref.binStart[j], end = k + ref.binCount[j]; k < end; k++) {
        if (ref.chunks[2 * k + 1] <= lowest) continue;
        if (picked.length > 0 && ref.chunks[2 * picked[picked.length - 1]] > ref.chunks[2 * k]) sorted = false;
        picked.push(k);
      }
    }
  }
  if (picked.length === 0) return [];
  if (!sorted) picked.sort((x, y) => ref.chunks[2 * x] - ref.chunks[2 * y]); // stable, as @gmod's sort
  const block = (v: number): number => Math.floor(v / VOFF_SCALE);
  const first = picked[0];
  const merged: TbiChunk[] = [{ minv: ref.chunks[2 * first], maxv: ref.chunks[2 * first + 1] }];
  let lastMinBlock = block(merged[0].minv);
  let lastMaxBlock = block(merged[0].maxv);
  for (let i = 1; i < picked.length; i++) {
    const minv = ref.chunks[2 * picked[i]];
    const maxv = ref.chunks[2 * picked[i] + 1];
    const minBlock = block(minv);
    const maxBlock = block(maxv);
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

/** Splits a double virtual offset into its block position and offset within the block. */
export function splitVoff(v: number): { blockPosition: number; dataPosition: number } {
  const blockPosition = Math.floor(v / VOFF_SCALE);
  return { blockPosition, dataPosition: v - blockPosition * VOFF_SCALE };
}
