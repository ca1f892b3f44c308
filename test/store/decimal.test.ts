import { ByteReader, ByteWriter } from '../../src/store/bytes';
import { readNumber, skipNumber, writeNumber } from '../../src/store/decimal';

describe('exact decimal encoding of the warm tier', () => {
  const cases: Array<number | null> = [null, 0, 1, 152000, 2 ** 53 - 1, 0.5, 150.77, 0.000123, 6.57e-6, 1e-7, 3.0000000000000004e-7, -2.5, 0.1 + 0.2, 1.5e21, 123456789.123456, 0.30886842105263];
  it.each(cases.map((c) => [String(c), c]))('round-trips %s exactly', (_label, n) => {
    const w = new ByteWriter(4);
    writeNumber(w, n);
    w.u8(42);
    const r = new ByteReader(w.result());
    expect(readNumber(r)).toBe(n);
    expect(r.u8()).toBe(42);
    const s = new ByteReader(w.result());
    skipNumber(s);
    expect(s.u8()).toBe(42);
  });

  it('spends two or three bytes on a typical allele frequency', () => {
    const w = new ByteWriter(4);
    writeNumber(w, 0.000123);
    expect(w.length).toBeLessThanOrEqual(3);
  });
});
