import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { DEMO_VCF } from '../../helpers/cli';

/**
 * A large, sorted, plain VCF made from the demo proband: each record copied `copies` times at
 * nearby positions. Big enough that annotation takes a noticeable time, so a test can interrupt it.
 */
export function writeBigDemoVcf(file: string, copies: number): number {
  const lines = zlib.gunzipSync(fs.readFileSync(DEMO_VCF)).toString('utf8').split('\n').filter((l) => l);
  const header = lines.filter((l) => l.startsWith('#'));
  const records = lines.filter((l) => !l.startsWith('#'));
  const out: string[] = [];
  let contig = '';
  let block: Array<[number, string]> = [];
  const flush = (): void => {
    block.sort((a, b) => a[0] - b[0]);
    for (const [, l] of block) out.push(l);
    block = [];
  };
  for (const r of records) {
    const cols = r.split('\t');
    if (cols[0] !== contig) flush();
    contig = cols[0];
    for (let j = 0; j < copies; j++) {
      const pos = Number(cols[1]) + j * 3;
      cols[1] = String(pos);
      block.push([pos, cols.join('\t')]);
    }
  }
  flush();
  fs.writeFileSync(file, header.join('\n') + '\n' + out.join('\n') + '\n');
  return out.length;
}
