import * as zlib from 'node:zlib';
import { ByteReader, ByteWriter } from './bytes';

/**
 * Integer key → warm block postings (rsID numbers, ClinVar VariationIDs), kept as small sorted,
 * delta-encoded, deflated chunks: a few bytes per variant instead of a SQLite row per variant.
 * A key never straddles two chunks, so one chunk answers one key.
 */
export const POSTINGS_PER_CHUNK = 512;

/** Accumulates (key, block) pairs; `block` must be below 2^16. */
export class PostingsBuilder {
  private packed = new Float64Array(1024);
  private n = 0;

  add(key: number, block: number): void {
    if (this.n === this.packed.length) {
      const next = new Float64Array(this.packed.length * 2);
      next.set(this.packed);
      this.packed = next;
    }
    if (block >= 65536) throw new Error(`postings block id ${block} above 65535: store too large for one warm file`);
    // key * 2^16 + block stays exact below 2^53 for keys below 2^37 (rsIDs are about 2^31).
    this.packed[this.n++] = key * 65536 + block;
  }

  /** Sorted, de-duplicated chunks: first key, last key, deflated data. */
  *chunks(): Generator<{ firstKey: number; lastKey: number; data: Buffer }> {
    const all = this.packed.subarray(0, this.n).sort();
    let i = 0;
    while (i < all.length) {
      const w = new ByteWriter(4096);
      const entries: Array<[number, number]> = [];
      let prevPacked = -1;
      while (i < all.length) {
        const p = all[i];
        const key = Math.floor(p / 65536);
        if (entries.length >= POSTINGS_PER_CHUNK && key !== entries[entries.length - 1][0]) break;
        if (p !== prevPacked) entries.push([key, p - key * 65536]);
        prevPacked = p;
        i++;
      }
      w.varint(entries.length);
      let prevKey = entries[0][0];
      w.varint(prevKey);
      for (const [key, block] of entries) {
        w.varint(key - prevKey);
        w.varint(block);
        prevKey = key;
      }
      yield { firstKey: entries[0][0], lastKey: entries[entries.length - 1][0], data: zlib.deflateRawSync(w.result()) };
    }
  }
}

/** Blocks listed for `key` in one chunk. */
export function blocksInChunk(data: Uint8Array, key: number): number[] {
  const r = new ByteReader(zlib.inflateRawSync(data));
  const n = r.varint();
  let k = r.varint();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    k += r.varint();
    const block = r.varint();
    if (k === key) out.push(block);
    else if (k > key) break;
  }
  return out;
}
