import * as fsp from 'node:fs/promises';
import type { GenericFilehandle } from 'generic-filehandle2';

/** Minimal local-file handle for the @gmod/* readers, so the index parsers read through Node's fs. */
export function localFilehandle(file: string): GenericFilehandle {
  const handle = {
    async read(length: number, position: number): Promise<Uint8Array<ArrayBuffer>> {
      const fh = await fsp.open(file, 'r');
      try {
        const buf = new Uint8Array(new ArrayBuffer(length));
        const { bytesRead } = await fh.read(buf, 0, length, position);
        return bytesRead === length ? buf : buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
    async readFile(): Promise<Uint8Array<ArrayBuffer>> {
      const b = await fsp.readFile(file);
      const out = new Uint8Array(new ArrayBuffer(b.length));
      out.set(b);
      return out;
    },
    async stat() {
      return { size: (await fsp.stat(file)).size };
    },
    async close() {
      // nothing is held open between reads
    },
  };
  return handle as unknown as GenericFilehandle;
}
