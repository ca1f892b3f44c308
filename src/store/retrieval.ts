/**
 * A static retrieval structure (a "static function"): maps each of n distinct integer keys to a
 * b-bit value in about 1.125·n·b bits, without storing the keys. It is a binary fuse graph
 * (Graf & Lemire, "Binary Fuse Filters: Fast and Smaller Than Xor Filters", JEA 2022) used for
 * values instead of fingerprints: a key hashes to one slot in each of three consecutive segments
 * and its value is the XOR of those three slots. A key that was not put in gets an arbitrary
 * value, so callers must verify what it points at (the warm tier reads the block and checks the
 * ID column, docs/adr/0001).
 *
 * Slots are packed b bits each into pages of PAGE_SLOTS slots, stored as SQLite BLOB rows, so a
 * lookup reads at most three small pages instead of the whole structure.
 */
export const PAGE_SLOTS = 4096;

export interface RetrievalParams {
  seed: number;
  segmentLength: number;
  segmentCount: number;
  slots: number;
  bits: number;
}

/** 32-bit finaliser (a "lowbias32" mixer): full avalanche, the same on every platform. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/**
 * The three slots of `key` (a non-negative integer below 2^53), written to out[at..at+2]. Two
 * independent 32-bit hashes of the whole key: one 32-bit hash alone would give colliding keys the
 * same three slots, which can never be peeled.
 */
function slotsOf(key: number, p: RetrievalParams, out: Uint32Array, at: number): void {
  const lo = key >>> 0;
  const hi = Math.floor(key / 4294967296) >>> 0;
  const a = mix32(mix32(lo ^ p.seed) ^ hi ^ 0x85ebca6b);
  const b = mix32(mix32(hi ^ p.seed ^ 0x27d4eb2d) ^ lo ^ 0x165667b1);
  const c = mix32(a ^ b ^ 0x9e3779b9);
  const mask = p.segmentLength - 1;
  // Segment from the high bits of a; offsets from b, c and the low bits of a.
  const seg = Math.floor((a * p.segmentCount) / 4294967296);
  out[at] = seg * p.segmentLength + (b & mask);
  out[at + 1] = (seg + 1) * p.segmentLength + (c & mask);
  out[at + 2] = (seg + 2) * p.segmentLength + ((a ^ (b >>> 14)) & mask);
}

/** Sizes from the paper's 3-wise rules: segment length grows with n, about 1.125 n slots for large n. */
function shape(n: number, bits: number, seed: number): RetrievalParams {
  const segmentLength = n <= 1 ? 4 : Math.min(1 << 18, 2 ** Math.floor(Math.log(n) / Math.log(3.33) + 2.25));
  const sizeFactor = n <= 1 ? 0 : Math.max(1.125, 0.875 + (0.25 * Math.log(1e6)) / Math.log(n));
  const capacity = Math.round(n * sizeFactor);
  const segmentCount = Math.max(1, Math.ceil(capacity / segmentLength) - 2);
  return { seed, segmentLength, segmentCount, slots: (segmentCount + 2) * segmentLength, bits };
}

/**
 * Builds the structure for distinct `keys` and their `values` (each below 2^bits, bits <= 16).
 * Returns the parameters and the packed pages.
 */
export function buildRetrieval(keys: Float64Array, values: Uint32Array, bits: number): { params: RetrievalParams; pages: Buffer[] } {
  if (bits < 1 || bits > 16) throw new Error(`retrieval values of ${bits} bits: 1 to 16 supported`);
  const n = keys.length;
  for (let attempt = 0; ; attempt++) {
    const p = shape(n, bits, (0x2545f491 + Math.imul(attempt, 0x6d2b79f5)) >>> 0);
    const slot = new Uint32Array(3 * n);
    const count = new Uint32Array(p.slots);
    const xorKey = new Uint32Array(p.slots);
    for (let i = 0; i < n; i++) {
      slotsOf(keys[i], p, slot, 3 * i);
      for (let j = 0; j < 3; j++) {
        count[slot[3 * i + j]]++;
        xorKey[slot[3 * i + j]] ^= i;
      }
    }
    // Peel: a slot only one key uses can be set last for that key.
    const queue: number[] = [];
    for (let s = 0; s < p.slots; s++) if (count[s] === 1) queue.push(s);
    const orderKey = new Uint32Array(n);
    const orderSlot = new Uint32Array(n);
    let peeled = 0;
    while (queue.length > 0) {
      const s = queue.pop()!;
      if (count[s] !== 1) continue;
      const i = xorKey[s];
      orderKey[peeled] = i;
      orderSlot[peeled++] = s;
      for (let j = 0; j < 3; j++) {
        const q = slot[3 * i + j];
        count[q]--;
        xorKey[q] ^= i;
        if (count[q] === 1) queue.push(q);
      }
    }
    if (peeled < n) {
      if (attempt === 20) throw new Error(`retrieval structure for ${n} keys did not peel in 20 seeds (duplicate keys?)`);
      continue;
    }
    const value = new Uint32Array(p.slots);
    for (let t = n - 1; t >= 0; t--) {
      const i = orderKey[t];
      value[orderSlot[t]] = values[i] ^ value[slot[3 * i]] ^ value[slot[3 * i + 1]] ^ value[slot[3 * i + 2]];
    }
    const pages: Buffer[] = [];
    for (let from = 0; from < p.slots; from += PAGE_SLOTS) {
      const m = Math.min(PAGE_SLOTS, p.slots - from);
      // Two spare bytes so that a reader can always load three bytes.
      const page = Buffer.alloc(Math.ceil((m * bits) / 8) + 2);
      for (let k = 0; k < m; k++) {
        const bit = k * bits;
        const v = value[from + k] << (bit & 7);
        const b = bit >>> 3;
        page[b] |= v & 0xff;
        page[b + 1] |= (v >>> 8) & 0xff;
        page[b + 2] |= (v >>> 16) & 0xff;
      }
      pages.push(page);
    }
    return { params: p, pages };
  }
}

/** The value stored for `key` (arbitrary for a key that was not put in); `page(i)` returns page i. */
export function retrieve(key: number, p: RetrievalParams, page: (i: number) => Buffer): number {
  const s = new Uint32Array(3);
  slotsOf(key, p, s, 0);
  const mask = (1 << p.bits) - 1;
  let v = 0;
  for (let j = 0; j < 3; j++) {
    const buf = page(Math.floor(s[j] / PAGE_SLOTS));
    const bit = (s[j] % PAGE_SLOTS) * p.bits;
    const b = bit >>> 3;
    v ^= ((buf[b] | (buf[b + 1] << 8) | (buf[b + 2] << 16)) >>> (bit & 7)) & mask;
  }
  return v;
}
