import { rsNumberOf } from '../../src/store/warmBlock';

describe('rsID numbers of the warm ID column', () => {
  // The rule the scan replaced: /^rs(\d{1,15})$/ and the digits a canonical number.
  const reference = (id: string): number => {
    const m = /^rs(\d{1,15})$/.exec(id);
    return m && String(Number(m[1])) === m[1] ? Number(m[1]) : -1;
  };
  it.each(['rs1', 'rs0', 'rs00', 'rs0123', 'rs123', 'rs999999999999999', 'rs1000000000000000', 'rs', 'RS12', 'rs12a', 'rs-1', 'rs1.5', 'rs 1', 'rs١٢', 'x', '.', 'rs1;rs2', 'esv123', 'rs12345678901234'])('%s as the regular expression reads it', (id) => {
    expect(rsNumberOf(id)).toBe(reference(id));
  });
});
