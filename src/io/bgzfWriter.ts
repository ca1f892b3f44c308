import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

/**
 * BGZF writing (SAMv1 §4.1). Data is cut into blocks of at most 0xff00 input bytes, as bgzip does,
 * so that a block's compressed form always fits the 16-bit BSIZE.
 */
const BLOCK_INPUT = 0xff00;

/** The 28-byte empty block that marks a complete BGZF file (SAMv1 §4.1.2). */
export const BGZF_EOF = Buffer.from('1f8b08040000000000ff0600424302001b0003000000000000000000', 'hex');

export function compressBlock(data: Buffer, level = 6): Buffer {
  const payload = zlib.deflateRawSync(data, { level });
  const block = Buffer.allocUnsafe(18 + payload.length + 8);
  block[0] = 31;
  block[1] = 139;
  block[2] = 8; // CM = deflate
  block[3] = 4; // FLG = FEXTRA
  block.writeUInt32LE(0, 4); // MTIME
  block[8] = 0; // XFL
  block[9] = 255; // OS unknown
  block.writeUInt16LE(6, 10); // XLEN
  block[12] = 66; // 'B'
  block[13] = 67; // 'C'
  block.writeUInt16LE(2, 14); // SLEN
  block.writeUInt16LE(block.length - 1, 16); // BSIZE
  payload.copy(block, 18);
  block.writeUInt32LE(zlib.crc32(data), 18 + payload.length);
  block.writeUInt32LE(data.length, 22 + payload.length);
  return block;
}

/** A BGZF file being written; tracks the virtual offset of the next byte for indexing. */
export class BgzfWriter {
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private compressedOffset = 0;
  private readonly fd: number;

  constructor(readonly file: string, private readonly level = 6) {
    this.fd = fs.openSync(file, 'w');
  }

  /** Virtual offset (coffset << 16 | uoffset) where the next written byte will land. */
  virtualOffset(): number {
    if (this.pendingLength >= BLOCK_INPUT) this.flushFullBlocks();
    return this.compressedOffset * 65536 + this.pendingLength;
  }

  write(data: string | Buffer): void {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.pending.push(buf);
    this.pendingLength += buf.length;
    if (this.pendingLength >= BLOCK_INPUT) this.flushFullBlocks();
  }

  private flushFullBlocks(): void {
    let all = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingLength);
    while (all.length >= BLOCK_INPUT) {
      this.emit(all.subarray(0, BLOCK_INPUT));
      all = all.subarray(BLOCK_INPUT);
    }
    this.pending = all.length > 0 ? [Buffer.from(all)] : [];
    this.pendingLength = all.length;
  }

  private emit(data: Buffer): void {
    const block = compressBlock(data, this.level);
    fs.writeSync(this.fd, block);
    this.compressedOffset += block.length;
  }

  /** Flushes the partial block so the next record starts a new block (useful at contig changes). */
  flushBlock(): void {
    this.flushFullBlocks();
    if (this.pendingLength > 0) {
      this.emit(this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingLength));
      this.pending = [];
      this.pendingLength = 0;
    }
  }

  close(): void {
    this.flushBlock();
    fs.writeSync(this.fd, BGZF_EOF);
    fs.closeSync(this.fd);
  }

  abort(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(this.file, { force: true });
  }
}

/** BGZF-compresses a whole buffer in memory (used for small files such as the .tbi itself). */
export function bgzfCompress(data: Buffer): Buffer {
  const blocks: Buffer[] = [];
  for (let p = 0; p < data.length; p += BLOCK_INPUT) blocks.push(compressBlock(data.subarray(p, p + BLOCK_INPUT)));
  blocks.push(BGZF_EOF);
  return Buffer.concat(blocks);
}
