/**
 * ByteStringTable: the same index for the same text whichever way it is looked up (bytes, packed
 * key, string), across the last-two-keys shortcut and the Map.
 */
import { packedAscii } from '../../src/io/byteStrings';
import { ByteStringTable } from '../../src/variant/byteTables';

describe('ByteStringTable', () => {
  it('gives one index per text through indexOfBytes, indexOfPacked and indexOf', () => {
    const texts = ['0/1', '1/1', '0/1', '0|1', '1/1', '0/1', '.', './.', '0/1/2/3', '1/1', '0/1', 'é/1', '1/1', '0/1'];
    const table = new ByteStringTable();
    const seen = new Map<string, number>();
    texts.forEach((t, n) => {
      const buf = Buffer.from(`x\t${t}\t`, 'latin1');
      const s = 2;
      const e = 2 + Buffer.byteLength(t, 'latin1');
      const i = n % 3 === 0 ? table.indexOfBytes(buf, s, e) : n % 3 === 1 ? table.indexOfPacked(packedAscii(buf, s, e), buf, s, e) : table.indexOf(t);
      if (!seen.has(t)) seen.set(t, table.texts.length - 1);
      expect(i).toBe(seen.get(t));
      expect(table.texts[i]).toBe(t);
    });
    expect(table.texts).toEqual([...seen.keys()]);
  });
});
