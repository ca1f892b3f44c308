/**
 * The framing of one spill chunk file: a magic, the body's length and CRC-32, then the body as a
 * sequence of sections (typed-array columns, a string table, an opaque blob), each a length and a
 * tag followed by its bytes padded to 8. The padding lets the reader view Float64 and Int32 columns
 * in place, without a copy, and the length and CRC turn a truncated or damaged file into one clear
 * error instead of garbage decoded as variants.
 */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';

// 02: INFO/MQ per allele (Tag.MappingQuality).
const MAGIC = Buffer.from('VTSPIL02', 'latin1');
const HEADER_BYTES = 16;
const PAD = 8;
/** Tag bit of a Float64 column written as Int32 because every value is a 32-bit integer (FrameWriter.numbers). */
const INT32_FORM = 0x10000;

/** A problem with a chunk's bytes; the caller adds the file name. */
export class SpillFormatError extends Error {}

/** A chunk file's body, built section by section. */
export class FrameWriter {
  private readonly parts: Buffer[] = [];
  private length = 0;

  private push(tag: number, bytes: Buffer): void {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(bytes.length, 0);
    head.writeUInt32LE(tag, 4);
    this.parts.push(head, bytes);
    this.length += 8 + bytes.length;
    const pad = (PAD - (bytes.length % PAD)) % PAD;
    if (pad > 0) {
      this.parts.push(Buffer.alloc(pad));
      this.length += pad;
    }
  }

  array(tag: number, a: Int32Array | Float64Array | Uint8Array): void {
    this.push(tag, Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  }

  /**
   * A Float64 column, as Int32 when every value is a 32-bit integer (line numbers, counts, depths:
   * nearly always): half the bytes to checksum, write and read back, and the same numbers.
   */
  numbers(tag: number, a: Float64Array): void {
    for (let i = 0; i < a.length; i++) {
      const x = a[i];
      if ((x | 0) !== x || Object.is(x, -0)) return this.array(tag, a);
    }
    this.array(tag | INT32_FORM, Int32Array.from(a));
  }

  bytes(tag: number, b: Buffer): void {
    this.push(tag, b);
  }

  /** Texts already as UTF-8: their byte lengths (-1 null) and the bytes of all of them (what `texts` writes). */
  textBytes(tag: number, lengths: Int32Array, bytes: Buffer): void {
    this.array(tag, lengths);
    this.push(tag + 1, bytes);
  }

  /**
   * Texts as their UTF-8 byte lengths (-1 null, -2 absent), then the bytes of all of them. Most are
   * ASCII: when the joined bytes are as many as the characters, the character counts are the byte
   * counts and no string is measured on its own.
   */
  texts(tag: number, list: Array<string | null | undefined>): void {
    const lengths = new Int32Array(list.length);
    let chars = 0;
    for (let i = 0; i < list.length; i++) {
      const t = list[i];
      lengths[i] = t === undefined ? -2 : t === null ? -1 : t.length;
      if (t) chars += t.length;
    }
    const bytes = Buffer.from(list.join(''), 'utf8');
    if (bytes.length !== chars) for (let i = 0; i < list.length; i++) if (lengths[i] > 0) lengths[i] = Buffer.byteLength(list[i] as string, 'utf8');
    this.array(tag, lengths);
    this.push(tag + 1, bytes);
  }

  /** Writes the framed chunk to `file` (header, then the body parts in one vectored write). */
  writeTo(file: string): void {
    let crc = 0;
    // Empty parts are skipped: Node 20's zlib.crc32 returns 0, not the running value, for a
    // zero-length view of an empty ArrayBuffer (an empty typed-array column).
    for (const p of this.parts) if (p.length > 0) crc = zlib.crc32(p, crc);
    const head = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(head, 0);
    head.writeUInt32LE(this.length, 8);
    head.writeUInt32LE(crc, 12);
    const fd = fs.openSync(file, 'w');
    try {
      const all = [head, ...this.parts];
      let written = 0;
      const total = HEADER_BYTES + this.length;
      // writevSync may write less than asked (large chunks): continue from where it stopped.
      while (written < total) {
        let skip = written;
        const rest: Buffer[] = [];
        for (const b of all) {
          if (skip >= b.length) skip -= b.length;
          else {
            rest.push(skip > 0 ? b.subarray(skip) : b);
            skip = 0;
          }
        }
        written += fs.writevSync(fd, rest);
      }
    } finally {
      fs.closeSync(fd);
    }
  }
}

/** Reads the sections of a chunk body in the order they were written, checking each. */
export class FrameReader {
  private at = HEADER_BYTES;

  private constructor(private readonly buf: Buffer) {}

  /** Checks the magic, the length (truncation) and the CRC of the whole file. */
  static open(buf: Buffer): FrameReader {
    if (buf.length < HEADER_BYTES || !buf.subarray(0, MAGIC.length).equals(MAGIC)) throw new SpillFormatError('not a vartriage spill chunk (bad magic)');
    const length = buf.readUInt32LE(8);
    if (buf.length !== HEADER_BYTES + length) throw new SpillFormatError(`truncated: ${buf.length - HEADER_BYTES} bytes of ${length}`);
    if (zlib.crc32(buf.subarray(HEADER_BYTES)) !== buf.readUInt32LE(12)) throw new SpillFormatError('checksum mismatch');
    return new FrameReader(buf);
  }

  /** The next section's tag, as written (with INT32_FORM where a number column was narrowed). */
  private nextTag(): number {
    if (this.at + 8 > this.buf.length) throw new SpillFormatError('a section is missing');
    return this.buf.readUInt32LE(this.at + 4);
  }

  private section(tag: number): Buffer {
    if (this.at + 8 > this.buf.length) throw new SpillFormatError(`section ${tag} missing`);
    const len = this.buf.readUInt32LE(this.at);
    const found = this.buf.readUInt32LE(this.at + 4);
    if (found !== tag) throw new SpillFormatError(`section ${found} where ${tag} was expected`);
    const start = this.at + 8;
    if (start + len > this.buf.length) throw new SpillFormatError(`section ${tag} runs past the end`);
    this.at = start + len + ((PAD - (len % PAD)) % PAD);
    return this.buf.subarray(start, start + len);
  }

  bytes(tag: number): Buffer {
    return this.section(tag);
  }

  u8(tag: number, expected: number): Uint8Array {
    return checkLength(tag, this.view(tag, 1, (b, o, n) => new Uint8Array(b, o, n)), expected);
  }

  i32(tag: number, expected: number): Int32Array {
    return checkLength(tag, this.view(tag, 4, (b, o, n) => new Int32Array(b, o, n)), expected);
  }

  f64(tag: number, expected: number): Float64Array {
    if (this.nextTag() === (tag | INT32_FORM)) return Float64Array.from(this.i32(tag | INT32_FORM, expected));
    return checkLength(tag, this.view(tag, 8, (b, o, n) => new Float64Array(b, o, n)), expected);
  }

  /** Texts (FrameWriter.texts): two sections, `tag` and `tag + 1`; `expected` texts, -1 any number. */
  texts(tag: number, expected: number, optional: boolean): Array<string | null | undefined> {
    const lengths = this.i32(tag, expected);
    const bytes = this.section(tag + 1);
    const out = new Array<string | null | undefined>(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) {
      const len = lengths[i];
      if (len < 0) {
        if (!optional || len < -2) throw new SpillFormatError(`text length ${len} in section ${tag}`);
        out[i] = len === -1 ? null : undefined;
        continue;
      }
      if (at + len > bytes.length) throw new SpillFormatError(`texts of section ${tag} run past their bytes`);
      out[i] = bytes.toString('utf8', at, at + len);
      at += len;
    }
    if (at !== bytes.length) throw new SpillFormatError(`texts of section ${tag} leave bytes over`);
    return out;
  }

  /** A typed view of a section: in place when the file buffer is aligned for it (the usual case), else over a copy. */
  private view<T>(tag: number, width: number, make: (buffer: ArrayBufferLike, offset: number, n: number) => T): T {
    const s = this.section(tag);
    if (s.length % width !== 0) throw new SpillFormatError(`section ${tag} is not whole ${width * 8}-bit numbers`);
    if (s.byteOffset % width === 0) return make(s.buffer, s.byteOffset, s.length / width);
    return make(new Uint8Array(s).buffer, 0, s.length / width);
  }

  end(): void {
    if (this.at !== this.buf.length) throw new SpillFormatError('bytes left after the last section');
  }
}

function checkLength<T extends { length: number }>(tag: number, a: T, expected: number): T {
  if (expected >= 0 && a.length !== expected) throw new SpillFormatError(`section ${tag} holds ${a.length} values, expected ${expected}`);
  return a;
}
