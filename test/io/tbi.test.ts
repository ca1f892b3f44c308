/**
 * The compact .tbi reader (src/io/tbi.ts) answers every query exactly as @gmod/tabix's TBI does,
 * the library it replaces on the planning path: same reference names, same line counts, same
 * chunks for seeded random regions of every scale, on real indexes from ../shared and the demo.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TBI } from '@gmod/tabix';
import { localFilehandle } from '../../src/io/localFilehandle';
import { readTbi, splitVoff, tbiChunksFor } from '../../src/io/tbi';
import { openTabixIndex } from '../../src/io/tabixIndex';
import { seededRandom } from '../../scripts/lib/seededRandom';
import { DEMO_VCF, ROOT, SHARED_DATA } from '../helpers/cli';

function tbiFiles(): string[] {
  const out = [`${DEMO_VCF}.tbi`];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.tbi')) out.push(p);
    }
  };
  if (fs.existsSync(SHARED_DATA)) walk(SHARED_DATA);
  const genome = path.join(ROOT, 'bench', 'work', 'genome-5M.vcf.gz.tbi');
  if (fs.existsSync(genome)) out.push(genome);
  return out;
}

const SPANS = [1, 100, 16384, 1 << 20, 1 << 24, 1 << 29];

describe.each(tbiFiles().map((f) => [path.relative(ROOT, f), f]))('%s', (_name, file) => {
  it('gives the same names, line counts and chunks as @gmod/tabix', async () => {
    const gmod = new TBI({ filehandle: localFilehandle(file) });
    const meta = await gmod.getMetadata();
    const ours = readTbi(file);
    expect(ours.refNames).toEqual(meta.refIdToName);
    const rng = seededRandom(7);
    for (let i = 0; i < ours.refNames.length; i++) {
      const name = ours.refNames[i];
      expect(ours.refs[i].lineCount).toBe(await gmod.lineCount(name));
      const maxPos = Math.max(1, ours.refs[i].linear.length << 14);
      for (let q = 0; q < 40; q++) {
        const span = SPANS[Math.floor(rng() * SPANS.length)];
        const beg0 = Math.floor(rng() * maxPos);
        const end0 = Math.min(beg0 + span, 1 << 29);
        const theirs = (await gmod.blocksForRange(name, beg0, end0, {})).map((c) => `${c.minv.blockPosition}:${c.minv.dataPosition}-${c.maxv.blockPosition}:${c.maxv.dataPosition}`);
        const mine = tbiChunksFor(ours.refs[i], beg0, end0).map((c) => {
          const s = splitVoff(c.minv);
          const e = splitVoff(c.maxv);
          return `${s.blockPosition}:${s.dataPosition}-${e.blockPosition}:${e.dataPosition}`;
        });
        expect({ name, beg0, end0, chunks: mine }).toEqual({ name, beg0, end0, chunks: theirs });
      }
    }
  });
});

it('openTabixIndex names a damaged .tbi', async () => {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'vartriage-tbi-'));
  const vcf = path.join(dir, 'x.vcf.gz');
  fs.copyFileSync(DEMO_VCF, vcf);
  const good = fs.readFileSync(`${DEMO_VCF}.tbi`);
  fs.writeFileSync(`${vcf}.tbi`, good.subarray(0, good.length - 40));
  await expect(openTabixIndex(vcf)).rejects.toThrow(`${vcf}.tbi: cannot read tbi index`);
});
