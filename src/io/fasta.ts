import * as fs from 'node:fs';
import { InputError } from '../errors';
import { inflateBlocks, looksLikeBgzf, readAt } from './bgzf';

/**
 * Indexed FASTA, read synchronously by region (workers read a few kilobases per transcript).
 * Plain `.fa` needs `.fa.fai`; bgzipped `.fa.gz` needs `.fa.gz.fai` and `.fa.gz.gzi`
 * (`samtools faidx` / `bgzip -i`). The `.fai` columns (samtools faidx format): name, length,
 * offset of the first base, bases per line, bytes per line. The `.gzi` (bgzip -i): a uint64 count,
 * then that many (compressed offset, uncompressed offset) uint64 pairs, little-endian, one per
 * block start after the first.
 */

interface FaiEntry {
  name: string;
  length: number;
  offset: number;
  lineBases: number;
  lineBytes: number;
}

/** Decompressed BGZF blocks kept per reader: transcripts of a region reuse the same blocks. */
const BLOCK_CACHE_LIMIT = 64;

export class IndexedFasta {
  private readonly fd: number;
  private readonly entries = new Map<string, FaiEntry>();
  /** Compressed / uncompressed starts of every BGZF block, block 0 included; null for plain files. */
  private readonly blockC: Float64Array | null = null;
  private readonly blockU: Float64Array | null = null;
  private readonly fileSize: number;
  private readonly cache = new Map<number, Buffer>();

  private constructor(readonly file: string) {
    const fai = `${file}.fai`;
    if (!fs.existsSync(file)) throw new InputError(file, 'FASTA file not found');
    if (!fs.existsSync(fai)) throw new InputError(file, `no FASTA index ${fai}: create it with \`samtools faidx\``);
    this.readFai(fai);
    this.fd = fs.openSync(file, 'r');
    this.fileSize = fs.fstatSync(this.fd).size;
    const head = readAt(this.fd, 0, 32);
    if (head.length >= 2 && head[0] === 31 && head[1] === 139) {
      if (!looksLikeBgzf(head)) throw new InputError(file, 'gzip FASTA is not BGZF: recompress with `bgzip` and index with `samtools faidx`');
      const gzi = `${file}.gzi`;
      if (!fs.existsSync(gzi)) throw new InputError(file, `bgzipped FASTA has no ${gzi}: create it with \`bgzip -r\` or \`samtools faidx\``);
      [this.blockC, this.blockU] = readGzi(gzi);
    }
  }

  static open(file: string): IndexedFasta {
    return new IndexedFasta(file);
  }

  /** The sequence name in this FASTA for a contig, trying `chr` prefixes and M/MT, or null. */
  resolve(chrom: string): string | null {
    if (this.entries.has(chrom)) return chrom;
    const bare = chrom.replace(/^chr/, '');
    const candidates = bare === 'M' || bare === 'MT' ? ['MT', 'chrM', 'M', 'chrMT'] : [bare, `chr${bare}`];
    for (const c of candidates) if (this.entries.has(c)) return c;
    return null;
  }

  length(chrom: string): number | null {
    const name = this.resolve(chrom);
    return name === null ? null : (this.entries.get(name) as FaiEntry).length;
  }

  /**
   * Bases [start1, end1] (1-based, closed), upper-cased. Clipped to the contig; null when the
   * contig is not in the FASTA. Returns "" for an empty or out-of-range request.
   */
  fetch(chrom: string, start1: number, end1: number): string | null {
    const name = this.resolve(chrom);
    if (name === null) return null;
    const e = this.entries.get(name) as FaiEntry;
    const s0 = Math.max(0, start1 - 1);
    const e0 = Math.min(e.length, end1); // exclusive
    if (e0 <= s0) return '';
    const byteStart = e.offset + Math.floor(s0 / e.lineBases) * e.lineBytes + (s0 % e.lineBases);
    const last = e0 - 1;
    const byteEnd = e.offset + Math.floor(last / e.lineBases) * e.lineBytes + (last % e.lineBases) + 1;
    const raw = this.readBytes(byteStart, byteEnd);
    const out = Buffer.allocUnsafe(e0 - s0);
    let n = 0;
    for (let i = 0; i < raw.length; i++) {
      let c = raw[i];
      if (c === 10 || c === 13) continue;
      if (c >= 97 && c <= 122) c -= 32; // soft-masked lower case
      out[n++] = c;
    }
    return out.toString('latin1', 0, n);
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private readFai(fai: string): void {
    const lines = fs.readFileSync(fai, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] === '') continue;
      const f = lines[i].split('\t');
      const nums = f.slice(1, 5).map(Number);
      if (f.length < 5 || nums.some((x) => !Number.isInteger(x) || x < 0) || nums[2] === 0 || nums[3] < nums[2]) {
        throw new InputError(fai, 'malformed .fai line: expected name, length, offset, bases per line, bytes per line', i + 1);
      }
      this.entries.set(f[0], { name: f[0], length: nums[0], offset: nums[1], lineBases: nums[2], lineBytes: nums[3] });
    }
  }

  /** Uncompressed bytes [u0, u1) of the file. */
  private readBytes(u0: number, u1: number): Buffer {
    if (this.blockU === null || this.blockC === null) return readAt(this.fd, u0, u1 - u0);
    const parts: Buffer[] = [];
    let b = upperBound(this.blockU, u0) - 1;
    let u = u0;
    while (u < u1 && b < this.blockU.length) {
      const data = this.block(b);
      const from = u - this.blockU[b];
      const to = Math.min(data.length, u1 - this.blockU[b]);
      if (to > from) parts.push(data.subarray(from, to));
      u = this.blockU[b] + data.length;
      b++;
      if (data.length === 0) break;
    }
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
  }

  private block(b: number): Buffer {
    const hit = this.cache.get(b);
    if (hit) {
      this.cache.delete(b);
      this.cache.set(b, hit);
      return hit;
    }
    const c0 = (this.blockC as Float64Array)[b];
    const c1 = b + 1 < (this.blockC as Float64Array).length ? (this.blockC as Float64Array)[b + 1] : this.fileSize;
    const data = inflateBlocks(readAt(this.fd, c0, c1 - c0), this.file, c0).data;
    this.cache.set(b, data);
    if (this.cache.size > BLOCK_CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as number);
    return data;
  }
}

function readGzi(gzi: string): [Float64Array, Float64Array] {
  const buf = fs.readFileSync(gzi);
  if (buf.length < 8) throw new InputError(gzi, 'truncated .gzi index (no entry count)');
  const n = Number(buf.readBigUInt64LE(0));
  if (buf.length < 8 + 16 * n) throw new InputError(gzi, `truncated .gzi index: ${n} entries announced, file holds ${Math.floor((buf.length - 8) / 16)}`);
  const c = new Float64Array(n + 1);
  const u = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    c[i + 1] = Number(buf.readBigUInt64LE(8 + 16 * i));
    u[i + 1] = Number(buf.readBigUInt64LE(16 + 16 * i));
    if (u[i + 1] < u[i] || c[i + 1] < c[i]) throw new InputError(gzi, `.gzi entry ${i + 1} is not in increasing order`);
  }
  return [c, u];
}

/** Index of the first element greater than x. */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
