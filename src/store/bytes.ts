/**
 * Growable byte buffer and its reader for the warm tier's column encodings: unsigned LEB128
 * varints (arithmetic, so values up to 2^53 survive) and length-prefixed UTF-8 strings.
 */
export class ByteWriter {
  private buf: Buffer;
  length = 0;

  constructor(initial = 1024) {
    this.buf = Buffer.allocUnsafe(initial);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.length++] = v;
  }

  varint(v: number): void {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`varint out of range: ${v}`);
    this.ensure(8);
    while (v >= 0x80) {
      this.buf[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.length++] = v;
  }

  str(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    this.varint(n);
    this.ensure(n);
    this.buf.write(s, this.length, 'utf8');
    this.length += n;
  }

  /** A string that may be null: length + 1, with 0 for null. */
  nstr(s: string | null): void {
    if (s === null) {
      this.varint(0);
      return;
    }
    const n = Buffer.byteLength(s, 'utf8');
    this.varint(n + 1);
    this.ensure(n);
    this.buf.write(s, this.length, 'utf8');
    this.length += n;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** Appends a copy of bytes [from, to) already written. */
  repeat(from: number, to: number): void {
    this.ensure(to - from);
    this.buf.copy(this.buf, this.length, from, to);
    this.length += to - from;
  }

  result(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

export class ByteReader {
  constructor(
    readonly buf: Buffer,
    public at = 0,
  ) {}

  u8(): number {
    return this.buf[this.at++];
  }

  varint(): number {
    let v = 0;
    let scale = 1;
    for (;;) {
      const b = this.buf[this.at++];
      v += (b & 0x7f) * scale;
      if (b < 0x80) return v;
      scale *= 0x80;
    }
  }

  str(): string {
    const n = this.varint();
    const s = this.buf.toString('utf8', this.at, this.at + n);
    this.at += n;
    return s;
  }

  nstr(): string | null {
    const n = this.varint();
    if (n === 0) return null;
    const s = this.buf.toString('utf8', this.at, this.at + n - 1);
    this.at += n - 1;
    return s;
  }

  skipStr(): void {
    const n = this.varint();
    this.at += n;
  }

  skipNstr(): void {
    const n = this.varint();
    if (n > 0) this.at += n - 1;
  }
}
