/**
 * Line windows (src/io/bgzfWindows.ts) carry exactly the bytes of the one-buffer readers they
 * replace on the reading path: the whole file (inflateWholeFile) or the concatenated virtual
 * ranges (readVirtualRange), cut only at line ends, for window sizes from smaller than one line
 * to larger than the file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateWholeFile, readVirtualRange } from '../../src/io/bgzf';
import { bgzfCompress } from '../../src/io/bgzfWriter';
import { forEachWindowOfFile, forEachWindowOfRanges } from '../../src/io/bgzfWindows';
import { openTabixIndex } from '../../src/io/tabixIndex';
import { DEMO_VCF, SHARED_DATA, tmpDir } from '../helpers/cli';

const WINDOWS = [1, 100, 4096, 1 << 18, 1 << 30];

function collect(run: (on: (b: Buffer, s: number, e: number) => void) => void): { text: Buffer; cuts: number } {
  const parts: Buffer[] = [];
  let cuts = 0;
  run((b, s, e) => {
    const piece = Buffer.from(b.subarray(s, e));
    if (piece.length > 0 && piece[piece.length - 1] !== 10) cuts++;
    parts.push(piece);
  });
  return { text: Buffer.concat(parts), cuts };
}

const files = [DEMO_VCF, path.join(SHARED_DATA, 'vcf', 'pfeiffer-exome.hg38.vcf.gz')].filter((f) => fs.existsSync(f));

describe.each(files)('%s', (file) => {
  it.each(WINDOWS)('whole file in windows of %i bytes', (windowBytes) => {
    const { text, cuts } = collect((on) => forEachWindowOfFile(file, file, on, windowBytes));
    expect(text.equals(inflateWholeFile(file))).toBe(true);
    expect(cuts).toBeLessThanOrEqual(1); // only the very end may lack a line end
  });

  it.each(WINDOWS)('index ranges of each contig in windows of %i bytes', async (windowBytes) => {
    const index = await openTabixIndex(file);
    if (!index) throw new Error('test file needs an index');
    const fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    for (const chrom of index.refNames.slice(0, 6)) {
      const ranges = await index.rangesFor(chrom, 0, 1 << 29);
      const expected = Buffer.concat(ranges.map((r) => readVirtualRange(fd, file, size, { blockPosition: r.startBlock, dataPosition: r.startData }, { blockPosition: r.endBlock, dataPosition: r.endData })));
      const { text, cuts } = collect((on) => forEachWindowOfRanges(file, file, ranges, on, windowBytes));
      expect(text.equals(expected)).toBe(true);
      expect(cuts).toBe(0);
    }
    fs.closeSync(fd);
  });
});

it('a file whose last line has no line end, and a line longer than several blocks', () => {
  const dir = tmpDir('vartriage-windows-');
  const file = path.join(dir, 'x.gz');
  const long = 'x'.repeat(200_000);
  const data = Buffer.from(`a\n${long}\nb\nlast`);
  fs.writeFileSync(file, bgzfCompress(data));
  for (const w of WINDOWS) expect(collect((on) => forEachWindowOfFile(file, file, on, w)).text.equals(data)).toBe(true);
});
