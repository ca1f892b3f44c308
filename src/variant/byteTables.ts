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

  get texts(): string[] {
    return this.table.texts;
  }

  indexOfBytes(buf: Uint8Array, s: number, e: number): number {
    const key = packedAscii(buf, s, e);
    if (key >= 0) {
      if (key === this.lastKey) return this.lastIndex;
      let i = this.byPacked.get(key);
      if (i === undefined) this.byPacked.set(key, (i = this.table.indexOf(latin1(buf, s, e))));
      this.lastKey = key;
      this.lastIndex = i;
      return i;
    }
    return this.table.indexOf(latin1(buf, s, e));
  }

  indexOf(text: string): number {
    return this.table.indexOf(text);
  }
}

function latin1(buf: Uint8Array, s: number, e: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1', s, e);
}
