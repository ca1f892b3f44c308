/**
 * BGZF (SAMv1 §4.1): our writer and reader agree with each other and with htslib's `bgzip`, and the
 * reader refuses damaged input with one line naming the byte offset.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { InputError } from '../../src/errors';
import { inflateBlocks, inflateWholeFile, looksLikeBgzf, readVirtualRange } from '../../src/io/bgzf';
import { BGZF_EOF, bgzfCompress, BgzfWriter, compressBlock } from '../../src/io/bgzfWriter';
import { hasCommand, tmpDir } from '../helpers/cli';

/** Text-like data of a given size: compressible, with line breaks, not all one byte. */
function sample(size: number, seed = 1): Buffer {
  const b = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = i % 61 === 60 ? 0x0a : 'ACGT\t0123456789'.charCodeAt((x >>> 16) % 15);
  }
  return b;
}

const SIZES = [0, 1, 100, 0xff00 - 1, 0xff00, 0xff00 + 1, 3 * 0xff00 + 17, 300000];
const dir = tmpDir('vartriage-bgzf-');

function writeWithWriter(file: string, data: Buffer, chunk: number): void {
  const w = new BgzfWriter(file);
  for (let p = 0; p < data.length; p += chunk) w.write(data.subarray(p, p + chunk));
  w.close();
}

describe('round trip', () => {
  it.each(SIZES)('%i bytes through BgzfWriter and back', (size) => {
    const data = sample(size);
    const file = path.join(dir, `rt-${size}.gz`);
    writeWithWriter(file, data, 7919);
    expect(inflateWholeFile(file).equals(data)).toBe(true);
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(bytes.length - 28).equals(BGZF_EOF)).toBe(true);
    expect(looksLikeBgzf(bytes)).toBe(true);
  });

  it.each(SIZES)('%i bytes through bgzfCompress and back', (size) => {
    const data = sample(size, 7);
    expect(inflateBlocks(bgzfCompress(data), 'mem', 0).data.equals(data)).toBe(true);
  });

  it('virtual offsets from the writer address the bytes written there (SAMv1 §4.1.1)', () => {
    const file = path.join(dir, 'voffsets.gz');
    const w = new BgzfWriter(file);
    const marks: Array<{ v: number; text: string }> = [];
    for (let i = 0; i < 5000; i++) {
      const text = `line ${i} ${'x'.repeat(i % 97)}\n`;
      marks.push({ v: w.virtualOffset(), text });
      w.write(text);
    }
    w.close();
    const fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    try {
      for (const i of [0, 1, 999, 1234, 2500, 4998]) {
        const at = (v: number) => ({ blockPosition: Math.floor(v / 65536), dataPosition: v % 65536 });
        const got = readVirtualRange(fd, file, size, at(marks[i].v), at(marks[i + 1].v)).toString('utf8');
        expect(got).toBe(marks[i].text);
      }
    } finally {
      fs.closeSync(fd);
    }
  });
});

const damaged = (bytes: Buffer): string => {
  try {
    inflateBlocks(bytes, 'x.vcf.gz', 0);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  return 'no error';
};

describe('damaged input: one line naming the byte offset', () => {
  const two = Buffer.concat([compressBlock(sample(5000)), compressBlock(sample(5000, 2)), BGZF_EOF]);
  const second = two.readUInt16LE(16) + 1;

  it.each([
    ['CRC32 mismatch', () => { const b = Buffer.from(two); b[second + b.readUInt16LE(second + 16) + 1 - 8] ^= 0x80; return b; }, `x.vcf.gz: corrupt BGZF block at byte ${second}: CRC32 mismatch`],
    ['ISIZE mismatch', () => { const b = Buffer.from(two); b[second + b.readUInt16LE(second + 16) + 1 - 4] ^= 0x01; return b; }, new RegExp(`^x\\.vcf\\.gz: corrupt BGZF block at byte ${second}: size 5000 but ISIZE says`)],
    ['corrupt DEFLATE payload', () => { const b = Buffer.from(two); b.fill(0xff, second + 18, second + 40); return b; }, new RegExp(`^x\\.vcf\\.gz: corrupt BGZF block at byte ${second}: `)],
    ['truncated inside a block', () => two.subarray(0, second + 100), `x.vcf.gz: truncated BGZF block at byte ${second} (needs ${two.readUInt16LE(second + 16) + 1} bytes, 100 left)`],
    ['truncated inside a block header', () => two.subarray(0, second + 10), `x.vcf.gz: truncated BGZF block at byte ${second} (file ends inside a block header)`],
    ['plain gzip, not BGZF', () => zlib.gzipSync(sample(1000)), 'x.vcf.gz: not BGZF: no valid block header at byte 0 (compress with bgzip, not gzip)'],
    ['gzip member with an extra field but no BC subfield', () => { const b = Buffer.from(two); b[12] = 0x58; return b; }, 'x.vcf.gz: not BGZF: gzip member at byte 0 has no BC field (compress with bgzip, not gzip)'],
    ['garbage between blocks', () => Buffer.concat([two.subarray(0, second), Buffer.from('garbage-garbage-garbage'), two.subarray(second)]), `x.vcf.gz: not BGZF: no valid block header at byte ${second} (compress with bgzip, not gzip)`],
  ] as const)('%s', (_name, make, expected) => {
    const msg = damaged(make());
    if (typeof expected === 'string') expect(msg).toBe(expected);
    else expect(msg).toMatch(expected);
  });

  it('a block cut at the end of a read window is left for the next read, not an error', () => {
    const run = inflateBlocks(two.subarray(0, second + 100), 'x', 0, second + 100, false);
    expect(run.blocks).toHaveLength(1);
    expect(run.endCoffset).toBe(second);
  });
});

const htslib = hasCommand('bgzip');
(htslib ? describe : describe.skip)('oracle: htslib bgzip', () => {
  it.each(SIZES)('bgzip -t accepts and bgzip -dc restores our %i-byte file', (size) => {
    const data = sample(size, 3);
    const file = path.join(dir, `oracle-${size}.gz`);
    writeWithWriter(file, data, 65536);
    expect(spawnSync('bgzip', ['-t', file]).status).toBe(0);
    const r = spawnSync('bgzip', ['-dc', file], { maxBuffer: 1 << 26 });
    expect(r.status).toBe(0);
    expect(Buffer.from(r.stdout).equals(data)).toBe(true);
  });

  it.each([1000, 300000])('we read what bgzip writes (%i bytes)', (size) => {
    const data = sample(size, 5);
    const file = path.join(dir, `by-bgzip-${size}.txt`);
    fs.writeFileSync(file, data);
    expect(spawnSync('bgzip', ['-f', file]).status).toBe(0);
    expect(inflateWholeFile(`${file}.gz`).equals(data)).toBe(true);
  });

  it('bgzip -t also rejects the damaged files we reject', () => {
    const good = path.join(dir, 'oracle-good.gz');
    writeWithWriter(good, sample(200000), 65536);
    const bytes = fs.readFileSync(good);
    const bad = path.join(dir, 'oracle-crc.gz');
    const flipped = Buffer.from(bytes);
    flipped[flipped.readUInt16LE(16) + 1 - 8] ^= 1;
    fs.writeFileSync(bad, flipped);
    expect(spawnSync('bgzip', ['-t', bad]).status).not.toBe(0);
    expect(() => inflateWholeFile(bad)).toThrow(/CRC32 mismatch/);
    const cut = path.join(dir, 'oracle-cut.gz');
    fs.writeFileSync(cut, bytes.subarray(0, 30000));
    expect(spawnSync('bgzip', ['-t', cut]).status).not.toBe(0);
    expect(() => inflateWholeFile(cut)).toThrow(/truncated BGZF block/);
  });
});
