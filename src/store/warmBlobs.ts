import * as fs from 'node:fs';
import { InputError } from '../errors';

/**
 * The warm tier's large BLOBs (column blocks of ~33 kB, rsID index pages of 4,096 slots) laid end
 * to end in one flat file beside warm.sqlite, which keeps each one's (offset, bytes).
 *
 * Inside SQLite a BLOB larger than a page is a chain of full overflow pages plus a remainder of
 * 0.5-4 kB kept on a leaf page, and a leaf page fits few such remainders: in a 5M-variant warm.sqlite
 * about 1.7 MB of the block table's pages and 2.6 MB of the rsID pages' (6,144-byte rows at 12 bits
 * a slot) were unused, 4.6 % of the file. A flat file has no such slack, and a block is one pread
 * instead of a walk along eight overflow pages (docs/adr/0001-tiered-result-store.md, "warm sidecar").
 */
export interface BlobSpan {
  offset: number;
  bytes: number;
}

/** Appends BLOBs to `final`.tmp-<pid>; `finish` renames it to `final` (DESIGN.md §3: whole files or none). */
export class BlobAppender {
  private readonly tmp: string;
  private fd: number | null;
  private written = 0;

  constructor(private readonly final: string) {
    this.tmp = `${final}.tmp-${process.pid}`;
    this.fd = fs.openSync(this.tmp, 'w');
  }

  append(data: Uint8Array): BlobSpan {
    if (this.fd === null) throw new Error(`${this.final}: append after finish or abort`);
    const span = { offset: this.written, bytes: data.byteLength };
    let done = 0;
    while (done < data.byteLength) done += fs.writeSync(this.fd, data, done, data.byteLength - done);
    this.written += data.byteLength;
    return span;
  }

  /** Bytes appended so far: the file's length once finished. */
  get bytes(): number {
    return this.written;
  }

  /** Closes the file and renames it to its final name. */
  finish(): void {
    if (this.fd === null) throw new Error(`${this.final}: finished twice`);
    fs.closeSync(this.fd);
    this.fd = null;
    fs.renameSync(this.tmp, this.final);
  }

  abort(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    fs.rmSync(this.tmp, { force: true });
  }
}

/** Read side: one descriptor, BLOBs read at their offset. */
export class BlobFile {
  private readonly fd: number;

  /** `expectedBytes` is what warm.sqlite recorded: a file of another length is damaged or from another store. */
  constructor(
    private readonly file: string,
    expectedBytes: number,
  ) {
    this.fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(this.fd).size;
    if (size !== expectedBytes) {
      fs.closeSync(this.fd);
      throw new InputError(file, `${size} bytes, but the warm index expects ${expectedBytes}: the store is damaged or its files come from different runs; rebuild it`);
    }
  }

  read(span: BlobSpan): Buffer {
    const out = Buffer.allocUnsafe(span.bytes);
    let done = 0;
    while (done < span.bytes) {
      const n = fs.readSync(this.fd, out, done, span.bytes - done, span.offset + done);
      if (n === 0) throw new InputError(this.file, `ends inside the BLOB at offset ${span.offset} (${span.bytes} bytes); rebuild the store`);
      done += n;
    }
    return out;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
