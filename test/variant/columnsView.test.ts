/**
 * VariantColumns edge cases that real files do not reach: an empty shard, and the accessors' null
 * conventions (NaN and -1 in the columns, null and undefined outside).
 */
import { ColumnsBuilder } from '../../src/variant/columnsBuilder';
import { ColumnsView } from '../../src/variant/columnsView';
import { columnsTransferList } from '../../src/variant/variantColumns';

describe('VariantColumns', () => {
  it('an empty shard has no alleles and no runs, and survives a transfer', () => {
    const cols = new ColumnsBuilder(1, false, false).finish();
    const view = new ColumnsView(cols);
    expect(view.length).toBe(0);
    expect([...view.runs(100_000)]).toEqual([]);
    expect(view.variants()).toEqual([]);
    expect(columnsTransferList(cols).every((b) => b.byteLength > 0)).toBe(true);
    const moved = structuredClone(cols, { transfer: columnsTransferList(cols) });
    expect(new ColumnsView(moved).length).toBe(0);
  });

  it('reads missing values back as null, unknown lines as undefined', () => {
    const b = new ColumnsBuilder(1, false, false);
    const text = Buffer.from('AG.');
    const k = b.add();
    b.pos[k] = 5;
    b.qual[k] = NaN;
    b.line[k] = 0;
    b.contig[k] = b.chroms.indexOf('chr1');
    b.filter[k] = b.filters.indexOf('PASS');
    b.zygosity[k] = 3;
    b.refStart[k] = b.copyUpper(text, 0, 1);
    b.refLen[k] = 1;
    b.altStart[k] = b.copyUpper(text, 1, 2);
    b.altLen[k] = 1;
    b.idStart[k] = b.copyBytes(text, 2, 3);
    b.idLen[k] = 1;
    b.gt[k] = b.gts.indexOf('.');
    b.copies[k] = -1;
    b.ploidy[k] = 0;
    b.dp[k] = NaN;
    b.gq[k] = NaN;
    b.adRef[k] = NaN;
    b.adAlt[k] = NaN;
    const view = new ColumnsView(b.finish());
    expect(view.variant(0)).toEqual({ chrom: 'chr1', pos: 5, ref: 'A', alt: 'G', id: '.', filter: 'PASS', qual: null, zygosity: 'unknown', line: undefined, call: { gt: '.', copies: null, ploidy: 0, dp: null, gq: null, ad: null } });
    expect(view.key(0)).toBe('chr1:5:A:G');
  });
});
