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

  it('writes the bytes of the regular-expression form it replaced (warm blocks stay byte-identical)', () => {
    // The encoder as first written (format 4): the shortest JavaScript string matched by a regular expression.
    const reference = (w: ByteWriter, n: number): void => {
      if (Number.isSafeInteger(n) && n >= 0) {
        w.u8(1);
        w.varint(n);
        return;
      }
      const s = String(n);
      const m = /^(\d+)(?:\.(\d+))?(?:e-(\d+))?$/.exec(s);
      if (m) {
        const frac = m[2] ?? '';
        const places = frac.length + Number(m[3] ?? 0);
        const digits = (m[1] + frac).replace(/^0+(?=\d)/, '');
        if (places >= 1 && places <= 60 && digits.length <= 15 && Number(`${digits}e-${places}`) === n) {
          w.u8(1 + places);
          w.varint(Number(digits));
          return;
        }
      }
      w.u8(255);
      w.str(s);
    };
    const values = [-0, 1e21, 1e-7, 5e-324, 1e-61, 1e-60, 2 ** 53, NaN, Infinity, -Infinity, 123456789012345.6, 12345678901234.5, 0.1234567890123456, 1.000000000000001];
    let seed = 7;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 20000; i++) {
      const scale = 10 ** (Math.floor(random() * 50) - 35);
      values.push(random() * scale, Number((random() * scale).toPrecision(1 + Math.floor(random() * 17))), Math.round(random() * 1e6) / 100, -random());
    }
    for (const n of values) {
      const a = new ByteWriter(4);
      const b = new ByteWriter(4);
      reference(a, n);
      writeNumber(b, n);
      expect([n, b.result().toString('hex')]).toEqual([n, a.result().toString('hex')]);
    }
  });
});
