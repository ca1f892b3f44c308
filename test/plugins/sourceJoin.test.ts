import { combine } from '../../src/plugins/combine';
import { joinSource } from '../../src/plugins/sourceJoin';
import type { SourceRecord } from '../../src/plugins/tabixSource';
import type { SourceConfig } from '../../src/plugins/types';

const rec = (pos: number, ref: string, alt: string, value: string, end = pos + ref.length - 1): SourceRecord => ({ pos, end, ref, alt, values: [value] });
const cfg = (match: 'allele' | 'overlap', op: 'first' | 'max' | 'min' | 'concat', type: 'number' | 'string' = 'string'): SourceConfig => ({ name: 's', file: 'x', match, fields: [{ field: 'f', as: 'a', op, type }] });

describe('combine (vcfanno-style ops)', () => {
  const cases: Array<[string[], Parameters<typeof combine>[1], 'number' | 'string', unknown]> = [
    [['0.1', '0.3', '0.2'], 'max', 'number', 0.3],
    [['0.1', '0.3', '0.2'], 'min', 'number', 0.1],
    [['', 'x', 'y'], 'first', 'string', 'x'],
    [['b', 'a', 'b'], 'concat', 'string', 'b,a'],
    [['', ''], 'max', 'number', null],
    [['abc', '2'], 'max', 'number', 2],
    [['abc'], 'first', 'number', null],
  ];
  it.each(cases)('%j %s (%s) gives %j', (values, op, type, expected) => expect(combine(values, op, type)).toEqual(expected));
});

describe('joinSource: one pass over sorted variants and records', () => {
  const variants = [
    { pos: 100, ref: 'A', alt: 'G' },
    { pos: 100, ref: 'A', alt: 'T' },
    { pos: 150, ref: 'TC', alt: 'T' },
    { pos: 300, ref: 'C', alt: 'G' },
  ];
  it('by allele: same position, REF and ALT; several matches combined', () => {
    const rows = [rec(100, 'A', 'G', '1'), rec(100, 'A', 'G', '3'), rec(150, 'TC', 'T', '7'), rec(151, 'C', 'G', '9')];
    expect(joinSource(variants, rows, cfg('allele', 'max', 'number'))).toEqual([{ a: 3 }, null, { a: 7 }, null]);
  });
  it('by overlap: records whose span covers any base of the REF', () => {
    const rows = [rec(90, 'N', '', 'wide', 160), rec(151, 'C', 'G', 'in-del'), rec(200, 'N', '', 'gap', 299)];
    expect(joinSource(variants, rows, cfg('overlap', 'concat'))).toEqual([{ a: 'wide' }, { a: 'wide' }, { a: 'wide,in-del' }, null]);
  });
  it('records out of order after trimming are re-sorted', () => {
    const rows = [rec(151, 'C', 'G', 'later'), rec(100, 'A', 'T', 'earlier')];
    expect(joinSource(variants, rows, cfg('allele', 'first'))).toEqual([null, { a: 'earlier' }, null, null]);
  });
});
