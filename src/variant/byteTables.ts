import { packedAscii } from '../io/byteStrings';

/**
 * Small string tables for the columnar reader: a repeated text (FILTER, GT, contig) is stored once
 * and referred to by index, so a column holds a number per allele instead of a string.
 */

export class StringTable {
  readonly texts: string[] = [];
  private readonly byText = new Map<string, number>();
  private last: string | null = null;
  private lastIndex = -1;

  indexOf(text: string): number {
    // The scanner hands back the same string object while the text repeats: one compare.
    if (text === this.last) return this.lastIndex;
    let i = this.byText.get(text);
    if (i === undefined) {
      i = this.texts.length;
      this.texts.push(text);
      this.byText.set(text, i);
    }
    this.last = text;
    this.lastIndex = i;
    return i;
  }
}

/**
 * A StringTable keyed by bytes: texts of up to 4 ASCII bytes (GT such as "0/1") are found by their
 * bytes packed in one integer, without decoding; longer ones are decoded (latin1) and looked up.
 */
export class ByteStringTable {
  private readonly table = new StringTable();
  private readonly byPacked = new Map<number, number>();
  private lastKey = -1;
  private lastIndex = -1;
  private prevKey = -1;
  private prevIndex = -1;

  get texts(): string[] {
    return this.table.texts;
  }

  indexOfBytes(buf: Uint8Array, s: number, e: number): number {
    return this.indexOfPacked(packedAscii(buf, s, e), buf, s, e);
  }

  /**
   * indexOfBytes given `key` = packedAscii(buf, s, e), for a caller that packed the bytes while
   * reading them. The last two keys are checked before the Map: a sample's GT alternates between
   * a few values record by record (0/1, 1/1), which the last key alone misses every other time.
   */
  indexOfPacked(key: number, buf: Uint8Array, s: number, e: number): number {
    if (key < 0) return this.table.indexOf(latin1(buf, s, e));
    if (key === this.lastKey) return this.lastIndex;
    let i: number | undefined;
    if (key === this.prevKey) i = this.prevIndex;
    else {
      i = this.byPacked.get(key);
      if (i === undefined) this.byPacked.set(key, (i = this.table.indexOf(latin1(buf, s, e))));
    }
    this.prevKey = this.lastKey;
    this.prevIndex = this.lastIndex;
    this.lastKey = key;
    this.lastIndex = i;
    return i;
  }

  indexOf(text: string): number {
    return this.table.indexOf(text);
  }
}

function latin1(buf: Uint8Array, s: number, e: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1', s, e);
}
