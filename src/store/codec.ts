import * as zlib from 'node:zlib';

/**
 * Column compressors from Node's own zlib (DESIGN.md §4: no native add-ons beyond SQLite). Each
 * warm-block column records its codec, so a reader always knows how to inflate it; which codec a
 * column gets is a measured choice (warmBlock.ts COLUMN_CODECS, docs/adr/0001).
 */
export type Codec = 'raw' | 'deflate' | 'brotli';
export const CODECS: readonly Codec[] = ['raw', 'deflate', 'brotli'];

export function compress(codec: Codec, data: Buffer): Buffer {
  if (codec === 'raw') return Buffer.from(data);
  if (codec === 'brotli') {
    return zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_LGWIN]: 22, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
  }
  return zlib.deflateRawSync(data, { level: 6 });
}

export function decompress(codec: Codec, data: Uint8Array): Buffer {
  if (codec === 'raw') return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return codec === 'brotli' ? zlib.brotliDecompressSync(data) : zlib.inflateRawSync(data);
}

export function isCodec(x: unknown): x is Codec {
  return x === 'raw' || x === 'deflate' || x === 'brotli';
}
