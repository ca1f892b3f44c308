/**
 * readCallFields (one pass, typed storage) gives what readSampleFields gives for the same sample
 * column and FORMAT, null being NaN: seeded random sample columns built from awkward pieces.
 */
import { packedAscii } from '../../src/io/byteStrings';
import { emptyCallFields, readCallFields } from '../../src/io/vcfCallFields';
import { emptySampleFields, parseFormatKeys, readSampleFields } from '../../src/io/vcfSampleFields';

const PIECES = ['0', '1', '2', '10', '99', '123', '1000', '0:', '.', '14.79', '0.5', '007', '-1', '1e3', '12.', '.5', '1.2.3', 'x', '', '999999999999999', '9999999999999999', '3.14159265358979'];
const GTS = ['0/1', '1|1', './.', '.', '', '1', '0/1/2', '0/x', '2|.', '10/3', '1/\u00e9', '0|1|1|2', '.|1', '3/4', '9/0', '0/:'];
const FORMATS = ['GT:AD:DP:GQ:PL', 'GT:DP:AD:GQ:PL:RNC', 'GT', 'AD:GT', 'DP:GQ', 'GT:GQ:DP:AD', 'PL:GT:AD'];

describe('readCallFields equals readSampleFields', () => {
  it('on seeded random sample columns', () => {
    let x = 4242;
    const next = (n: number): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n;
    const pick = <T>(a: T[]): T => a[next(a.length)];
    for (let t = 0; t < 30000; t++) {
      const format = pick(FORMATS);
      const fields = format.split(':').map((k) => (k === 'GT' ? pick(GTS) : k === 'AD' || k === 'PL' ? Array.from({ length: next(4) + 1 }, () => pick(PIECES)).join(',') : pick(PIECES)));
      const sample = fields.slice(0, fields.length - next(3)).join(':') + (next(10) === 0 ? ':' : '');
      const fmt = Buffer.from(format);
      const keys = parseFormatKeys(fmt, 0, fmt.length);
      // Digits after the column's end must not be read (a window's last line may lack its LF).
      const buf = Buffer.from(`xx${sample}${pick(['yy', '99', '.5', ',7'])}`);
      const want = emptySampleFields();
      readSampleFields(buf, 2, buf.length - 2, keys, want);
      const got = emptyCallFields();
      readCallFields(buf, 2, buf.length - 2, keys, got);
      const gtText = got.gtStart < 0 ? '.' : buf.toString('latin1', got.gtStart, got.gtEnd);
      // gtKey is what the GT table would pack from the GT bytes.
      expect(got.gtKey).toBe(got.gtStart < 0 ? -1 : packedAscii(buf, got.gtStart, got.gtEnd));
      const asNull = (v: number): number | null => (Number.isNaN(v) ? null : v);
      expect({ sample, format, gtText, alleles: Array.from(got.alleles.subarray(0, got.ploidy)), dp: asNull(got.dp), gq: asNull(got.gq), ad: Array.from(got.ad.subarray(0, got.adCount)) }).toEqual({ sample, format, ...want });
    }
  });
});
