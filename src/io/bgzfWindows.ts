import * as fs from 'node:fs';
import { BGZF_MAX_BLOCK, blockHeaderAt, inflateBlockInto, readAt } from './bgzf';
import type { VirtualRange } from './tabixIndex';

/**
 * Streams the decompressed text of a BGZF file (or of virtual-offset ranges of it) as windows of
 * whole lines: a few blocks are inflated into one reused buffer, everything up to the last line
 * end is handed over, and the unfinished line is moved to the front for the next window.
 *
 * Why not inflate a shard into one buffer: a shard is ~20 MB of text; writing it to fresh memory
 * faults in every page, and scanning it afterwards reads it back from RAM. A ~256 KiB window stays
 * in cache between inflate and scan and is never reallocated (docs/adr/0003-reading-hot-path.md).
 */

const LF = 10;
/** Decompressed bytes gathered before a window is handed over. */
const WINDOW_TARGET = 1 << 18;

/** Called with buf[start, end): whole lines (the last one may lack its LF at the end of the input). Valid only during the call. */
export type OnWindow = (buf: Buffer, start: number, end: number) => void;

/** The reused window of one thread; grows for lines longer than it. */
let scratch = Buffer.allocUnsafe(WINDOW_TARGET + 2 * BGZF_MAX_BLOCK);

class Windows {
  private len = 0;

  constructor(
    private readonly onWindow: OnWindow,
    private readonly target = WINDOW_TARGET,
  ) {}

  /** Room for `n` more bytes at the end of the window. */
  reserve(n: number): Buffer {
    if (this.len + n > scratch.length) {
      const bigger = Buffer.allocUnsafe(Math.max(2 * scratch.length, this.len + n));
      scratch.copy(bigger, 0, 0, this.len);
      scratch = bigger;
    }
    return scratch;
  }

  get length(): number {
    return this.len;
  }

  grow(n: number): void {
    this.len += n;
  }

  /** Drops buf[at, at + n) (the part of a range's first block before its start). */
  cut(at: number, n: number): void {
    scratch.copyWithin(at, at + n, this.len);
    this.len -= n;
  }

  /** Hands over the complete lines once the window is full enough. */
  maybeFlush(): void {
    if (this.len >= this.target) this.flush(false);
  }

  flush(final: boolean): void {
    if (this.len === 0) return;
    const lastLf = final ? this.len - 1 : scratch.lastIndexOf(LF, this.len - 1);
    if (lastLf < 0) return; // one line longer than the window: keep gathering
    const buf = scratch;
    this.onWindow(buf, 0, lastLf + 1);
    const rest = this.len - (lastLf + 1);
    if (rest > 0) scratch.copyWithin(0, lastLf + 1, this.len);
    this.len = rest;
  }
}

/** Inflates the blocks of compressed `buf` (file bytes from `fileOffset`) into `w`, up to and including the block at `lastBlock` (a file offset; Infinity for all). */
function pumpBlocks(buf: Buffer, fileOffset: number, bufIsFileEnd: boolean, file: string, w: Windows, first: { skip: number }, last: { block: number; keep: number }): void {
  let p = 0;
  while (p < buf.length && fileOffset + p <= last.block) {
    const h = blockHeaderAt(buf, p, file, fileOffset, bufIsFileEnd);
    if (h === null) break;
    const at = w.length;
    const out = w.reserve(h.isize);
    inflateBlockInto(buf, h, out, at, file, fileOffset + p);
    const isLast = fileOffset + p === last.block;
    let n = isLast ? Math.min(last.keep, h.isize) : h.isize;
    w.grow(n);
    if (first.skip > 0) {
      const skip = Math.min(first.skip, n);
      w.cut(at, skip);
      n -= skip;
      first.skip -= skip;
    }
    w.maybeFlush();
    p += h.size;
    if (isLast) break;
  }
}

/** Every line of a whole BGZF file, in windows. */
export function forEachWindowOfFile(file: string, displayName: string, onWindow: OnWindow, windowBytes = WINDOW_TARGET): void {
  const buf = fs.readFileSync(file);
  const w = new Windows(onWindow, windowBytes);
  pumpBlocks(buf, 0, true, displayName, w, { skip: 0 }, { block: Infinity, keep: Infinity });
  w.flush(true);
}

/**
 * The lines between each pair of virtual offsets (SAMv1 §4.1.1; `end` exclusive), ranges in order,
 * in windows. Each range is read with one call and inflated block by block.
 */
export function forEachWindowOfRanges(file: string, displayName: string, ranges: VirtualRange[], onWindow: OnWindow, windowBytes = WINDOW_TARGET): void {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const w = new Windows(onWindow, windowBytes);
    for (const r of ranges) {
      const readEnd = Math.min(size, r.endBlock + BGZF_MAX_BLOCK);
      const buf = readAt(fd, r.startBlock, readEnd - r.startBlock);
      pumpBlocks(buf, r.startBlock, readEnd === size, displayName, w, { skip: r.startData }, { block: r.endBlock, keep: r.endData });
      // Index chunks start and end at record boundaries; a range ends with a whole line.
      w.flush(false);
    }
    w.flush(true);
  } finally {
    fs.closeSync(fd);
  }
}
