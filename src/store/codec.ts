import * as zlib from 'node:zlib';

/**
 * Block compressors from Node's own zlib (DESIGN.md §4: no native add-ons beyond SQLite). The
 * codec is recorded per store so a reader always knows how to inflate; see bench/store.ts for
 * the measured trade-off between them.
 */
export type Codec = 'deflate' | 'brotli';

export function compress(codec: Codec, data: Buffer): Buffer {
  if (codec === 'brotli') {
    return zlib.brotliCompressSync(data, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_LGWIN]: 22, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
  }
  return zlib.deflateRawSync(data, { level: 6 });
}

export function decompress(codec: Codec, data: Uint8Array): Buffer {
  return codec === 'brotli' ? zlib.brotliDecompressSync(data) : zlib.inflateRawSync(data);
}

export function isCodec(x: unknown): x is Codec {
  return x === 'deflate' || x === 'brotli';
}
