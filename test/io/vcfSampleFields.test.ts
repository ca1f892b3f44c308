/**
 * DP/GQ/AD values are read from bytes (src/io/vcfSampleFields.ts) with a decimal fast path; each
 * must equal what Number() gives for the same text (null for "." and for text that is not a
 * number), including the texts the fast path hands back to Number().
 */
import { emptySampleFields, readSampleFields } from '../../src/io/vcfSampleFields';

const viaNumber = (t: string): number | null => {
  const x = Number(t);
  return t === '.' ? null : Number.isFinite(x) ? x : null;
};

const TEXTS = ['0', '7', '99', '007', '14.79', '0.5', '99.00', '.', '-1', '1e3', '12.', '.5', '1.2.3', 'abc', 'Inf', '3.14159265358979', '999999999999999', '9999999999999999', '12345678901234.5', '123456789012345.6'];

describe('numeric sample fields equal Number() of their text', () => {
  it.each(TEXTS)('GQ "%s"', (text) => {
    const buf = Buffer.from(`0/1:${text}`);
    const out = emptySampleFields();
    readSampleFields(buf, 0, buf.length, { gt: 0, dp: -1, gq: 1, ad: -1 }, out);
    expect(out.gq).toBe(viaNumber(text));
  });

  it('seeded random decimals of every length', () => {
    let x = 12345;
    const next = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 20000; i++) {
      const text = `${next() % 100000}.${String(next() % 10000).padStart(1 + (next() % 4), '0')}`;
      const buf = Buffer.from(text);
      const out = emptySampleFields();
      readSampleFields(buf, 0, buf.length, { gt: -1, dp: 0, gq: -1, ad: -1 }, out);
      expect(out.dp).toBe(viaNumber(text));
    }
  });
});
