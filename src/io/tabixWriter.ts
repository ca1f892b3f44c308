import { bgzfCompress } from './bgzfWriter';

/**
 * Builds a tabix `.tbi` index (SAMtools tabix format spec): per reference a binning index of
 * chunks and a linear index of 16 kb windows. Coordinates given here are 0-based half-open.
 */

export interface TabixConfig {
  /** 0 generic, 1 SAM, 2 VCF (tabix spec `format`). */
  format: 0 | 1 | 2;
  colSeq: number;
  colBeg: number;
  colEnd: number;
  meta: string;
  skip: number;
}

export const VCF_TABIX: TabixConfig = { format: 2, colSeq: 1, colBeg: 2, colEnd: 0, meta: '#', skip: 0 };
/** A tab-separated table keyed by chromosome and 1-based position in its first two columns. */
export const POSITION_TSV_TABIX: TabixConfig = { format: 0, colSeq: 1, colBeg: 2, colEnd: 2, meta: '#', skip: 0 };

const LINEAR_SHIFT = 14;
/** Pseudo-bin holding per-reference statistics, as htslib writes it. */
const META_BIN = 37450;

/** UCSC binning scheme with 5 levels, as in the tabix spec (`reg2bin`). */
export function reg2bin(beg0: number, end0: number): number {
  const e = end0 - 1;
  if (beg0 >> 14 === e >> 14) return ((1 << 15) - 1) / 7 + (beg0 >> 14);
  if (beg0 >> 17 === e >> 17) return ((1 << 12) - 1) / 7 + (beg0 >> 17);
  if (beg0 >> 20 === e >> 20) return ((1 << 9) - 1) / 7 + (beg0 >> 20);
  if (beg0 >> 23 === e >> 23) return ((1 << 6) - 1) / 7 + (beg0 >> 23);
  if (beg0 >> 26 === e >> 26) return ((1 << 3) - 1) / 7 + (beg0 >> 26);
  return 0;
}

interface RefIndex {
  name: string;
  bins: Map<number, Array<[number, number]>>;
  linear: number[];
  firstOffset: number;
  lastOffset: number;
  count: number;
  lastBeg: number;
}

export class TabixIndexBuilder {
  private readonly refs: RefIndex[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly config: TabixConfig) {}

  /** Adds one record; records must come sorted by reference (contiguous) then start. */
  add(refName: string, beg0: number, end0: number, vStart: number, vEnd: number): void {
    let ref = this.refs[this.refs.length - 1];
    if (!ref || ref.name !== refName) {
      if (this.seen.has(refName)) throw new Error(`records for ${refName} are not contiguous; sort the input`);
      this.seen.add(refName);
      ref = { name: refName, bins: new Map(), linear: [], firstOffset: vStart, lastOffset: vEnd, count: 0, lastBeg: -1 };
      this.refs.push(ref);
    }
    if (beg0 < ref.lastBeg) throw new Error(`records on ${refName} are not sorted by position at ${beg0 + 1}`);
    ref.lastBeg = beg0;
    const end = Math.max(end0, beg0 + 1);
    const bin = reg2bin(beg0, end);
    let chunks = ref.bins.get(bin);
    if (!chunks) ref.bins.set(bin, (chunks = []));
    const last = chunks[chunks.length - 1];
    // Adjacent records in one bin share a chunk (chunk merging, as tabix does).
    if (last && last[1] === vStart) last[1] = vEnd;
    else chunks.push([vStart, vEnd]);
    for (let w = beg0 >> LINEAR_SHIFT; w <= (end - 1) >> LINEAR_SHIFT; w++) {
      if (ref.linear[w] === undefined) ref.linear[w] = vStart;
    }
    ref.lastOffset = vEnd;
    ref.count++;
  }

  /** The BGZF-compressed `.tbi` bytes. */
  build(): Buffer {
    const parts: Buffer[] = [];
    const names = Buffer.from(this.refs.map((r) => r.name + '\0').join(''), 'utf8');
    const head = Buffer.alloc(36);
    head.write('TBI\x01', 0, 'latin1');
    head.writeInt32LE(this.refs.length, 4);
    head.writeInt32LE(this.config.format, 8);
    head.writeInt32LE(this.config.colSeq, 12);
    head.writeInt32LE(this.config.colBeg, 16);
    head.writeInt32LE(this.config.colEnd, 20);
    head.writeInt32LE(this.config.meta.charCodeAt(0), 24);
    head.writeInt32LE(this.config.skip, 28);
    head.writeInt32LE(names.length, 32);
    parts.push(head, names);
    for (const ref of this.refs) {
      const bins = [...ref.bins.entries()].sort((a, b) => a[0] - b[0]);
      parts.push(int32(bins.length + 1));
      for (const [bin, chunks] of bins) {
        parts.push(uint32(bin), int32(chunks.length));
        for (const [s, e] of chunks) parts.push(uint64(s), uint64(e));
      }
      parts.push(uint32(META_BIN), int32(2), uint64(ref.firstOffset), uint64(ref.lastOffset), uint64(ref.count), uint64(0));
      // Empty windows take the offset of the previous filled one, so the linear index is monotonic.
      const linear: number[] = [];
      let prev = 0;
      for (let i = 0; i < ref.linear.length; i++) {
        const v = ref.linear[i];
        if (v !== undefined) prev = v;
        linear.push(v ?? prev);
      }
      parts.push(int32(linear.length));
      for (const v of linear) parts.push(uint64(v));
    }
    parts.push(uint64(0)); // n_no_coor
    return bgzfCompress(Buffer.concat(parts));
  }
}

function int32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32LE(v);
  return b;
}
function uint32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v);
  return b;
}
function uint64(v: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return b;
}
