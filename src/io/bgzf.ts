import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { InputError } from '../errors';
import { nativeAddon } from './native';

/**
 * BGZF reading (SAMv1 §4.1): a series of gzip members, each at most 64 KiB, whose extra field
 * carries the subfield `BC` with BSIZE (total block size minus 1). Payloads are raw DEFLATE and are
 * inflated with Node's native zlib, one call per block, with CRC32 and ISIZE checked.
 */

const GZIP_ID1 = 31;
const GZIP_ID2 = 139;
const FLG_FEXTRA = 4;
/** Fixed part of a BGZF header before the extra field (SAMv1 §4.1). */
const HEADER_FIXED = 12;
/** Maximum size of one BGZF block, compressed or not. */
export const BGZF_MAX_BLOCK = 65536;

export interface BlockInfo {
  /** Offset of the block in the compressed file. */
  coffset: number;
  /** Offset of the block's first byte in the concatenated decompressed data returned alongside. */
  uoffset: number;
  /** Decompressed size of the block. */
  usize: number;
}

export interface InflatedRun {
  data: Buffer;
  blocks: BlockInfo[];
  /** Compressed offset just past the last complete block read. */
  endCoffset: number;
}

/** True when the bytes start like a BGZF block (gzip magic, FEXTRA, `BC` subfield). */
export function looksLikeBgzf(head: Uint8Array): boolean {
  if (head.length < 18) return false;
  if (head[0] !== GZIP_ID1 || head[1] !== GZIP_ID2 || head[2] !== 8 || (head[3] & FLG_FEXTRA) === 0) return false;
  return findBsize(head, 0) !== undefined;
}

export function looksLikeGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === GZIP_ID1 && head[1] === GZIP_ID2;
}

/** BSIZE from the `BC` subfield of the block at `at`, or undefined if the header is not BGZF. */
function findBsize(buf: Uint8Array, at: number): number | undefined {
  const xlen = buf[at + 10] | (buf[at + 11] << 8);
  let p = at + HEADER_FIXED;
  const end = p + xlen;
  if (end > buf.length) return undefined;
  while (p + 4 <= end) {
    const si1 = buf[p];
    const si2 = buf[p + 1];
    const slen = buf[p + 2] | (buf[p + 3] << 8);
    if (si1 === 66 && si2 === 67 && slen === 2) return buf[p + 4] | (buf[p + 5] << 8);
    p += 4 + slen;
  }
  return undefined;
}

/** Where one BGZF block's parts lie in a buffer (SAMv1 §4.1). */
export interface BlockHeader {
  /** Total size of the block (BSIZE + 1). */
  size: number;
  payloadStart: number;
  payloadEnd: number;
  crc32: number;
  /** Decompressed size. */
  isize: number;
}

/**
 * Header of the block at `p` of `buf` (`fileOffset` is where buf starts in the file, for messages),
 * or null when the block is cut short by the end of `buf` and `bufIsFileEnd` says more follows.
 */
export function blockHeaderAt(buf: Buffer, p: number, file: string, fileOffset: number, bufIsFileEnd: boolean): BlockHeader | null {
  if (buf.length - p < 18) {
    if (!bufIsFileEnd) return null;
    throw new InputError(file, `truncated BGZF block at byte ${fileOffset + p} (file ends inside a block header)`);
  }
  if (buf[p] !== GZIP_ID1 || buf[p + 1] !== GZIP_ID2 || (buf[p + 3] & FLG_FEXTRA) === 0) {
    throw new InputError(file, `not BGZF: no valid block header at byte ${fileOffset + p} (compress with bgzip, not gzip)`);
  }
  const bsize = findBsize(buf, p);
  if (bsize === undefined) throw new InputError(file, `not BGZF: gzip member at byte ${fileOffset + p} has no BC field (compress with bgzip, not gzip)`);
  const size = bsize + 1;
  if (p + size > buf.length) {
    if (!bufIsFileEnd) return null;
    throw new InputError(file, `truncated BGZF block at byte ${fileOffset + p} (needs ${size} bytes, ${buf.length - p} left)`);
  }
  const xlen = buf[p + 10] | (buf[p + 11] << 8);
  const payloadEnd = p + size - 8;
  return { size, payloadStart: p + HEADER_FIXED + xlen, payloadEnd, crc32: buf.readUInt32LE(payloadEnd), isize: buf.readUInt32LE(payloadEnd + 4) };
}

/**
 * Inflates the block `h` of `buf` into `out` at `outOffset` (room for h.isize bytes is the
 * caller's), checking ISIZE and CRC32. `blockOffset` is the block's offset in the file, for messages.
 *
 * One `inflateRawSync` per block with a 64 KiB output chunk: the default 16 KiB chunk makes zlib
 * return a BGZF block (up to 64 KiB) in several pieces that are then concatenated, which cost a
 * third more time on the 5M-record benchmark file (docs/adr/0003-reading-hot-path.md).
 */
export function inflateBlockInto(buf: Buffer, h: BlockHeader, out: Buffer, outOffset: number, file: string, blockOffset: number): void {
  if (h.isize === 0) return;
  const addon = nativeAddon();
  if (addon !== null) {
    const n = addon.inflateBlock(buf, h.payloadStart, h.payloadEnd, out, outOffset, h.isize, h.crc32);
    if (n === -1) throw new InputError(file, `corrupt BGZF block at byte ${blockOffset}: invalid DEFLATE data`);
    if (n === -2) throw new InputError(file, `corrupt BGZF block at byte ${blockOffset}: CRC32 mismatch`);
    if (n === -3) throw new InputError(file, `corrupt BGZF block at byte ${blockOffset}: inflates to more than the ${h.isize} bytes ISIZE says`);
    if (n !== h.isize) throw new InputError(file, `corrupt BGZF block at byte ${blockOffset}: size ${n} but ISIZE says ${h.isize}`);
    return;
  }
  let got: Buffer;
  try {
    got = zlib.inflateRawSync(buf.subarray(h.payloadStart, h.payloadEnd), { chunkSize: BGZF_MAX_BLOCK });
  } catch (e) {
    throw new InputError(file, `corrupt BGZF block at byte ${blockOffset}: ${(e as Error).message}`);
  }
  if (got.length !== h.isize) throw new InputError(file, `corrupt BGZF block at byte ${blockOffset}: size ${got.length} but ISIZE says ${h.isize}`);
  if (zlib.crc32(got) !== h.crc32) throw new InputError(file, `corrupt BGZF block at byte ${blockOffset}: CRC32 mismatch`);
  got.copy(out, outOffset);
}

/**
 * Inflates every complete block in `buf` whose start lies before `stopBefore` (relative to buf).
 * `fileOffset` is where buf starts in the file, used for offsets and error messages.
 * A block cut short at the end of `buf` is an error only when `bufIsFileEnd` says nothing follows.
 * The headers are walked first so the output is allocated once, at its final size.
 */
export function inflateBlocks(
  buf: Buffer,
  file: string,
  fileOffset: number,
  stopBefore: number = buf.length,
  bufIsFileEnd = true,
): InflatedRun {
  const headers: BlockHeader[] = [];
  const blocks: BlockInfo[] = [];
  let p = 0;
  let uoffset = 0;
  while (p < stopBefore && p < buf.length) {
    const h = blockHeaderAt(buf, p, file, fileOffset, bufIsFileEnd);
    if (h === null) break;
    headers.push(h);
    blocks.push({ coffset: fileOffset + p, uoffset, usize: h.isize });
    uoffset += h.isize;
    p += h.size;
  }
  const data = Buffer.allocUnsafe(uoffset);
  for (let i = 0; i < headers.length; i++) inflateBlockInto(buf, headers[i], data, blocks[i].uoffset, file, blocks[i].coffset);
  return { data, blocks, endCoffset: fileOffset + p };
}

/** Reads `length` bytes at `position`, fewer at end of file. */
export function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = fs.readSync(fd, buf, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got === length ? buf : buf.subarray(0, got);
}

/**
 * Decompressed bytes between two virtual offsets (SAMv1 §4.1.1: coffset << 16 | uoffset),
 * `end` exclusive. Reads the compressed range in one call and inflates block by block.
 */
export function readVirtualRange(
  fd: number,
  file: string,
  fileSize: number,
  start: { blockPosition: number; dataPosition: number },
  end: { blockPosition: number; dataPosition: number },
): Buffer {
  const readEnd = Math.min(fileSize, end.blockPosition + BGZF_MAX_BLOCK);
  const buf = readAt(fd, start.blockPosition, readEnd - start.blockPosition);
  const run = inflateBlocks(buf, file, start.blockPosition, end.blockPosition - start.blockPosition + 1, readEnd === fileSize);
  const last = run.blocks.find((b) => b.coffset === end.blockPosition);
  const stop = last ? last.uoffset + end.dataPosition : run.data.length;
  return run.data.subarray(start.dataPosition, Math.max(start.dataPosition, stop));
}

/** Whole-file decompression, for files without an index (sequential single-shard path). */
export function inflateWholeFile(file: string, displayName: string = file): Buffer {
  const buf = fs.readFileSync(file);
  return inflateBlocks(buf, displayName, 0).data;
}
