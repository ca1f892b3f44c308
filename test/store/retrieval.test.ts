import { buildRetrieval, PAGE_SLOTS, retrieve } from '../../src/store/retrieval';

/** A deterministic generator for keys: rsID-like numbers up to 2^37. */
function keys(n: number, seed: number): Float64Array {
  const out = new Set<number>();
  let s = seed;
  while (out.size < n) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.add((s % 32) * 2 ** 32 + (Math.imul(s ^ 0x5bd1e995, 2654435761) >>> 0));
  }
  return Float64Array.from(out);
}

describe('retrieval structure (binary fuse, values instead of fingerprints)', () => {
  it.each([0, 1, 2, 3, 50, 5000, 60000])('gives back the value of each of %i keys', (n) => {
    const k = keys(n, n + 1);
    const values = Uint32Array.from(k, (_, i) => (i * 2654435761) % 4095);
    const { params, pages } = buildRetrieval(k, values, 12);
    for (let i = 0; i < n; i++) expect(retrieve(k[i], params, (p) => pages[p])).toBe(values[i]);
    expect(pages).toHaveLength(Math.ceil(params.slots / PAGE_SLOTS));
    // About 1.125 slots per key for large n (Graf & Lemire's sizing), more for small n.
    if (n >= 5000) expect(params.slots).toBeLessThan((n >= 60000 ? 1.25 : 1.4) * n);
  });

  it('gives some value below 2^bits for a key never put in (callers verify)', () => {
    const k = keys(1000, 9);
    const { params, pages } = buildRetrieval(k, new Uint32Array(1000).fill(5), 3);
    for (const other of [0, 2 ** 37 - 1, 123456789]) expect(retrieve(other, params, (p) => pages[p])).toBeLessThan(8);
  });

  it('refuses duplicate keys rather than looping', () => {
    expect(() => buildRetrieval(Float64Array.from([7, 7]), Uint32Array.from([1, 2]), 4)).toThrow(/did not peel/);
  });
});
