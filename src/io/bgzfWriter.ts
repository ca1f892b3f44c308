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

/**
 * BGZF output cut into blocks as it is written; tracks the virtual offset of the next byte for
 * indexing. Where the blocks go is the subclass's: a file (BgzfWriter) or memory (BgzfMemory).
 */
abstract class BgzfStream {
  /**
   * Uncompressed bytes not yet in a block. Strings are encoded straight into it (no Buffer per
   * write, no concat per block): the store writes one cold line per allele, millions per genome.
   */
  private staging = Buffer.allocUnsafe(2 * BLOCK_INPUT);
  private pendingLength = 0;
  protected compressedOffset = 0;

  constructor(private readonly level: number) {}

  protected abstract sink(block: Buffer): void;

  /** Virtual offset (coffset << 16 | uoffset) where the next written byte will land. */
  virtualOffset(): number {
    if (this.pendingLength >= BLOCK_INPUT) this.flushFullBlocks();
    return this.compressedOffset * 65536 + this.pendingLength;
  }

  write(data: string | Buffer): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8, so this much room always holds the string.
    const room = typeof data === 'string' ? data.length * 3 : data.length;
    if (this.pendingLength + room > this.staging.length) {
      const next = Buffer.allocUnsafe(Math.max(2 * this.staging.length, this.pendingLength + room));
      this.staging.copy(next, 0, 0, this.pendingLength);
      this.staging = next;
    }
    if (typeof data === 'string') this.pendingLength += this.staging.write(data, this.pendingLength, 'utf8');
    else this.pendingLength += data.copy(this.staging, this.pendingLength);
    if (this.pendingLength >= BLOCK_INPUT) this.flushFullBlocks();
  }

  private flushFullBlocks(): void {
    let at = 0;
    while (this.pendingLength - at >= BLOCK_INPUT) {
      this.emit(this.staging.subarray(at, at + BLOCK_INPUT));
      at += BLOCK_INPUT;
    }
    if (at > 0) {
      this.staging.copyWithin(0, at, this.pendingLength);
      this.pendingLength -= at;
    }
  }

  private emit(data: Buffer): void {
    const block = compressBlock(data, this.level);
    this.sink(block);
    this.compressedOffset += block.length;
  }

  /** Flushes the partial block so the next record starts a new block (useful at contig changes). */
  flushBlock(): void {
    this.flushFullBlocks();
    if (this.pendingLength > 0) {
      this.emit(this.staging.subarray(0, this.pendingLength));
      this.pendingLength = 0;
    }
  }
}

/** A BGZF file being written. */
export class BgzfWriter extends BgzfStream {
  private readonly fd: number;

  constructor(readonly file: string, level = 6) {
    super(level);
    this.fd = fs.openSync(file, 'w');
  }

  protected sink(block: Buffer): void {
    fs.writeSync(this.fd, block);
  }

  /**
   * Appends whole BGZF blocks compressed elsewhere (a worker's BgzfMemory) after flushing the
   * partial block; returns the compressed offset at which they start, to shift their virtual offsets.
   */
  appendBlocks(blocks: Uint8Array): number {
    this.flushBlock();
    const at = this.compressedOffset;
    fs.writeSync(this.fd, blocks);
    this.compressedOffset += blocks.length;
    return at;
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

/** BGZF blocks collected in memory, without the EOF marker: a piece of a file written elsewhere. */
export class BgzfMemory extends BgzfStream {
  private readonly blocks: Buffer[] = [];

  constructor(level = 6) {
    super(level);
  }

  protected sink(block: Buffer): void {
    this.blocks.push(block);
  }

  /** Flushes the last partial block and returns every block. */
  finish(): Buffer {
    this.flushBlock();
    return Buffer.concat(this.blocks);
  }
}

/** BGZF-compresses a whole buffer in memory (used for small files such as the .tbi itself). */
export function bgzfCompress(data: Buffer): Buffer {
  const blocks: Buffer[] = [];
  for (let p = 0; p < data.length; p += BLOCK_INPUT) blocks.push(compressBlock(data.subarray(p, p + BLOCK_INPUT)));
  blocks.push(BGZF_EOF);
  return Buffer.concat(blocks);
}
