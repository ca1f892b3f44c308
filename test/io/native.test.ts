/**
 * The native reader (native/, src/io/native.ts) against the JavaScript one it speeds up: BGZF
 * blocks inflate to the same bytes with libdeflate, with the addon's zlib and with Node's zlib;
 * damaged blocks are refused by each with one line naming the byte offset; the scanner finds the
 * same lines and columns (header, empty and CR LF lines, a last line without LF, more lines than
 * one native call returns); and readShardColumns gives identical columns on real VCFs.
 * The addon must be built under CI (npm ci builds it); elsewhere its absence skips these tests.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readShardColumns } from '../../src/annotate/readShardColumns';
import { InputError } from '../../src/errors';
import { inflateWholeFile } from '../../src/io/bgzf';
import { bgzfCompress } from '../../src/io/bgzfWriter';
import { layoutMatches, nativeAddon, useNativeAddon } from '../../src/io/native';
import { CallFields, emptyCallFields } from '../../src/io/vcfCallFields';
import * as layout from '../../src/io/nativeLayout';
import { scanVcfLines, ScanOptions } from '../../src/io/vcfScanner';
import { wholeFileShard } from '../../src/shard/plan';
import { primaryContigs } from '../../src/variant/assemblies';
import { ContigAliases } from '../../src/variant/contigs';
import { DEMO_VCF, SHARED_DATA, tmpDir } from '../helpers/cli';

const built = nativeAddon() !== null;
if (!built && process.env.CI === 'true' && process.env.VARTRIAGE_NATIVE !== '0') {
  throw new Error('the native reader is not built under CI: see native/build.log (npm ci builds it through scripts/build-native.cjs)');
}
if (!built) process.stderr.write('skipping native reader tests: native/build/Release/vartriage_native.node is absent or VARTRIAGE_NATIVE=0\n');
const describeNative = built ? describe : describe.skip;

const dir = tmpDir('vartriage-native-');
const realVcfs = fs.existsSync(SHARED_DATA)
  ? fs.readdirSync(path.join(SHARED_DATA, 'vcf')).filter((f) => f.endsWith('.vcf.gz')).map((f) => path.join(SHARED_DATA, 'vcf', f))
  : [];
const bgzfFiles = [DEMO_VCF, ...realVcfs];

/** Runs `f` with the JavaScript path, then restores the addon. */
function withoutNative<T>(f: () => T): T {
  useNativeAddon(false);
  try {
    return f();
  } finally {
    useNativeAddon(true);
  }
}

function withZlib<T>(f: () => T): T {
  const addon = nativeAddon();
  addon?.preferZlib(true);
  try {
    return f();
  } finally {
    addon?.preferZlib(false);
  }
}

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('expected an InputError');
}

describeNative('native inflate', () => {
  it.each(bgzfFiles.map((f) => [path.basename(f), f]))('%s: libdeflate or zlib in the addon, and Node zlib, give the same bytes', (_name, file) => {
    const native = inflateWholeFile(file);
    const zlib = withZlib(() => inflateWholeFile(file));
    const js = withoutNative(() => inflateWholeFile(file));
    expect(native.length).toBeGreaterThan(0);
    expect(native.equals(js)).toBe(true);
    expect(zlib.equals(js)).toBe(true);
  });

  it('names its engine', () => {
    expect(['libdeflate', 'zlib']).toContain(nativeAddon()?.inflateEngine());
    expect(withZlib(() => nativeAddon()?.inflateEngine())).toBe('zlib');
  });

  /** One BGZF block of text, its byte layout from SAMv1 §4.1: payload from 18, CRC32 and ISIZE in the last 8 bytes. */
  function damaged(name: string, change: (b: Buffer) => void): string {
    const text = Buffer.from('#CHROM\tPOS\n'.repeat(500));
    const block = Buffer.from(bgzfCompress(text));
    change(block);
    const file = path.join(dir, `${name}.gz`);
    fs.writeFileSync(file, block);
    return file;
  }
  const size = (b: Buffer): number => b.readUInt16LE(16) + 1;
  const cases: Array<[string, (b: Buffer) => void, RegExp]> = [
    ['crc', (b) => b.writeUInt32LE(b.readUInt32LE(size(b) - 8) ^ 1, size(b) - 8), /corrupt BGZF block at byte 0: CRC32 mismatch/],
    ['isize-larger', (b) => b.writeUInt32LE(b.readUInt32LE(size(b) - 4) + 3, size(b) - 4), /corrupt BGZF block at byte 0: size 5500 but ISIZE says 5503/],
    ['isize-smaller', (b) => b.writeUInt32LE(b.readUInt32LE(size(b) - 4) - 3, size(b) - 4), /corrupt BGZF block at byte 0: (inflates to more than the 5497 bytes|size \d+ but ISIZE says 5497)/],
    ['deflate', (b) => b.fill(0xff, 18, 30), /corrupt BGZF block at byte 0: /],
  ];
  it.each(cases)('a block with a wrong %s is refused by every engine', (name, change, message) => {
    const file = damaged(name, change);
    expect(errorOf(() => inflateWholeFile(file))).toMatch(message);
    expect(errorOf(() => withZlib(() => inflateWholeFile(file)))).toMatch(message);
    expect(errorOf(() => withoutNative(() => inflateWholeFile(file)))).toMatch(message);
  });
});

interface LineSeen {
  cols: number[];
  chrom: string;
  pos: number;
  qual: number | null;
  filter: string;
  gt: number[];
  line: number;
  crlf: boolean;
  /** INFO/MQ, when the scan asks for it. */
  mq?: number;
}

function scanAll(text: string, opts: Partial<ScanOptions> = {}): { seen: LineSeen[]; lines: number } {
  const buf = Buffer.from(text);
  const seen: LineSeen[] = [];
  const lines = scanVcfLines(
    buf,
    { file: 't.vcf', sampleColumn: 9, lineOffset: 0, ...opts },
    (l) => {
      // Columns 0 .. columns - 1 and the end mark after the last one.
      seen.push({ cols: Array.from(l.cols.subarray(l.col0, l.col0 + l.columns + 1)), chrom: l.chrom, pos: l.pos, qual: l.qual, filter: l.filter, gt: l.gt.slice(0, l.gtCount), line: l.line, crlf: l.crlf });
    },
  );
  return { seen, lines };
}

describeNative('native column finder', () => {
  const record = (i: number, extra = ''): string => `chr1\t${100 + i}\trs${i}\tA\tG,T\t${i % 7}.5\tPASS\tDP=${i}\tGT:DP\t${i % 3}/1:${i}${extra}`;
  const texts: Array<[string, string]> = [
    ['header, records and a last line without LF', `##fileformat=VCFv4.3\n#CHROM\tPOS\n${record(1)}\n${record(2)}`],
    ['CR LF line ends and empty lines', `#h\r\n${record(1)}\r\n\r\n\n${record(2)}\r\n`],
    ['more columns than needed (three samples)', `${record(1, '\t0/0:3\t1/1:4')}\n${record(2, '\t./.:0\t0|1:9')}\n`],
    ['more lines than one native call returns', Array.from({ length: 5000 }, (_, i) => record(i)).join('\n') + '\n'],
    ['a sample column that is empty', `chr1\t5\t.\tA\tC\t.\t.\t.\tGT\t\n`],
  ];
  it.each(texts)('%s: the same lines and columns as the JavaScript scanner', (_name, text) => {
    const native = scanAll(text);
    const js = withoutNative(() => scanAll(text));
    expect(native.seen.length).toBeGreaterThan(0);
    expect(native).toEqual(js);
  });

  it('a sites-only scan (no sample column) stops at FORMAT as the JavaScript one', () => {
    const text = `${record(1, '\t0/0:3')}\n${record(2)}\n`;
    expect(scanAll(text, { sampleColumn: -1 })).toEqual(withoutNative(() => scanAll(text, { sampleColumn: -1 })));
  });

  it.each([
    ['too few columns', 'chr1\t5\t.\tA\n'],
    ['no sample column', 'chr1\t5\t.\tA\tC\t.\t.\t.\n'],
    ['a POS that is not a number', 'chr1\t5x\t.\tA\tC\t.\t.\t.\tGT\t0/1\n'],
  ])('%s: the same one-line error', (_name, text) => {
    const bad = `${record(1)}\n${text}`;
    const native = errorOf(() => scanAll(bad));
    expect(native).toMatch(/^t\.vcf:2: /);
    expect(native).toBe(withoutNative(() => errorOf(() => scanAll(bad))));
  });
});

/** Deterministic pseudo-random picks, so a failure is reproducible. */
function picker(seed: number): <T>(xs: readonly T[]) => T {
  let x = seed;
  return <T>(xs: readonly T[]): T => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return xs[(x >>> 8) % xs.length];
  };
}

interface CallSeen {
  alleles: number[];
  gtStart: number;
  gtEnd: number;
  gtKey: number;
  dp: number;
  gq: number;
  ad: number[];
}

function callsOf(text: string): { lines: LineSeen[]; calls: CallSeen[] } {
  const into: CallFields = emptyCallFields();
  const calls: CallSeen[] = [];
  const lines: LineSeen[] = [];
  scanVcfLines(Buffer.from(text), { file: 'f.vcf', sampleColumn: 9, lineOffset: 0, call: { column: 9, into }, mq: true }, (l) => {
    lines.push({ cols: [], chrom: l.chrom, pos: l.pos, qual: l.qual, filter: l.filter, gt: l.gt.slice(0, l.gtCount), line: l.line, crlf: l.crlf, mq: l.mq });
    calls.push({ alleles: Array.from(into.alleles.subarray(0, into.ploidy)), gtStart: into.gtStart, gtEnd: into.gtEnd, gtKey: into.gtKey, dp: into.dp, gq: into.gq, ad: Array.from(into.ad.subarray(0, into.adCount)) });
  });
  return { lines, calls };
}

describeNative('native field decoder', () => {
  it('is not used when built with another row layout (sources updated without a rebuild)', () => {
    const built = (nativeAddon() as NonNullable<ReturnType<typeof nativeAddon>>).decodeLayout();
    expect(layoutMatches({ decodeLayout: () => built })).toBe(true);
    expect(layoutMatches({ decodeLayout: () => ({ ...built, F_FLOAT_SLOTS: built.F_FLOAT_SLOTS - 1 }) })).toBe(false);
    const older: Record<string, number> = { ...built };
    delete older.F_MQ;
    expect(layoutMatches({ decodeLayout: () => older })).toBe(false);
    expect(layoutMatches({ decodeLayout: () => ({}) })).toBe(false);
  });

  it('uses the slot numbers the addon was built with', () => {
    const built = nativeAddon()?.decodeLayout() ?? {};
    for (const [name, value] of Object.entries(built)) {
      if (name === 'HEAD_EXTRA') expect(layout.headWidth(0)).toBe(value);
      else expect([name, (layout as unknown as Record<string, number>)[name]]).toEqual([name, value]);
    }
  });

  // Plain values the addon decodes and odd ones it must hand back to the JavaScript reader; both
  // paths have to give the same fields either way.
  const GT = ['0/1', '1|1', './.', '.', '', '0/1/2', '0/1/2/3/4', '10/12', '1/a', '0', '1', '2147483648/1', '0|.'];
  const NUM = ['12', '.', '', '1e3', '+5', '007', '1234567890123456', '3.5', '.5', '5.', '14.79', '99', ' 7', '0x10', 'Infinity'];
  const AD = ['6,5', '.', '1,2,3,4', '1,2,3,4,5', '1,.,3', ',', '', '3.5,2', '1e1,2', '.,.'];
  const FORMAT = ['GT:AD:DP:GQ:PL', 'GT', 'DP:GT', 'GT:GQ:DP:AD', 'AD:GT:AD', 'GQ', 'GT:DP', 'XX:GT:YY:DP'];
  const QUAL = ['50', '.', '1e3', '50.', '-1', '258.62', '0'];
  const CHROM = ['chr1', 'chr1', 'chr2', 'chrUn_KI270302v1'];
  const FILTER = ['PASS', 'PASS', 'LowQual', '.', 'q10;s50'];
  // INFO/MQ among keys that contain MQ, as a flag, empty, odd and at either end.
  const INFO = ['DP=3', 'DP=3;MQ=60', 'MQ=59.13', 'MQ0=0;MQ=24.18;QD=4.59', 'RAW_MQ=100;MQRankSum=-0.5', 'MQ', 'MQ=', 'MQ=.', 'MQ=6e1', 'MQ=60.', 'DB;MQ=61.94', '.', 'AC=1;MQ=1234567890123456',
    // GATK's long INFO: MQ past the first 16 bytes, after MQ0, before MQRankSum.
    'AC=1;AF=0.5;AN=2;BaseQRankSum=1.455;DB;DP=21;Dels=0;FS=1.984;HRun=0;HaplotypeScore=0;MQ0=0;MQ=59.5;MQRankSum=-0.037;QD=7.18', 'AC=1;AF=0.5;AN=2;BaseQRankSum=1.455;DB;DP=21;MQ0=0;MQRankSum=-0.037;QD=7.18'];

  it.each([1, 2, 3, 4, 5])('random lines (seed %i): the same fields and calls as the JavaScript reader', (seed) => {
    const pick = picker(seed);
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const format = pick(FORMAT);
      const values = format.split(':').map((k) => (k === 'GT' ? pick(GT) : k === 'AD' ? pick(AD) : k === 'PL' ? '0,3,30' : pick(NUM)));
      // A sample may drop trailing fields (VCF 4.3 §1.6.2).
      const kept = values.slice(0, 1 + (i % values.length));
      lines.push([pick(CHROM), String(1 + i * 7), '.', 'A', pick(['G', 'G,T', 'AT']), pick(QUAL), pick(FILTER), pick(INFO), format, kept.join(':')].join('\t'));
    }
    const text = lines.join('\n') + '\n';
    const native = callsOf(text);
    const js = withoutNative(() => callsOf(text));
    expect(native.calls.length).toBe(3000);
    expect(native).toEqual(js);
    expect(new Set(native.lines.map((l) => l.mq))).toEqual(new Set([NaN, 60, 59.13, 24.18, 61.94, 1234567890123456, 59.5]));
  });
});

describeNative('native reader on real VCFs', () => {
  const aliases37 = new ContigAliases(primaryContigs('GRCh37'));
  const aliases38 = new ContigAliases(primaryContigs('GRCh38'));
  it.each(bgzfFiles.map((f) => [path.basename(f), f]))('%s: readShardColumns gives identical columns, counts and warnings', (name, file) => {
    const opts = { sampleColumn: 9, displayName: name, compression: 'bgzf' as const, probandCall: true, mappingQuality: true };
    const aliases = name.includes('GRCh37') ? aliases37 : aliases38;
    const native = readShardColumns(wholeFileShard(file), opts, aliases);
    const js = withoutNative(() => readShardColumns(wholeFileShard(file), opts, aliases));
    expect(native.columns.length).toBeGreaterThan(0);
    expect(native).toEqual(js);
  });
});
