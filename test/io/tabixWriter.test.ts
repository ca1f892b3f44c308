/**
 * Our `.tbi` (src/io/tabixWriter.ts, tabix spec) answers region queries exactly as an index built by
 * htslib does: for many seeded random regions, `tabix` and `bcftools view -r` give the same records
 * through our index as through `tabix -p vcf`'s, and our own reader (tabixIndex.ts + bgzf.ts) finds
 * the same records too.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateWholeFile, readVirtualRange } from '../../src/io/bgzf';
import { writeIndexedText } from '../../src/io/indexedTextWriter';
import { openTabixIndex } from '../../src/io/tabixIndex';
import { reg2bin, VCF_TABIX } from '../../src/io/tabixWriter';
import { DEMO_BUNDLE, DEMO_VCF, hasCommand, tmpDir } from '../helpers/cli';
import { seededRandom } from '../../scripts/lib/seededRandom';

const REGIONS_PER_FILE = 80;

const rng = seededRandom;

interface Region {
  chrom: string;
  start1: number;
  end1: number;
}
const regionText = (r: Region): string => `${r.chrom}:${r.start1}-${r.end1}`;

/** Seeded regions: random spans of every scale, plus edges around real records and an absent contig. */
function randomRegions(records: Array<{ chrom: string; pos: number; end1: number }>, seed: number): Region[] {
  const r = rng(seed);
  const out: Region[] = [{ chrom: 'chrY', start1: 1, end1: 57227415 }];
  const spans = [1, 2, 50, 5000, 200000, 20000000];
  while (out.length < REGIONS_PER_FILE) {
    const rec = records[Math.floor(r() * records.length)];
    const span = spans[Math.floor(r() * spans.length)];
    const edge = Math.floor(r() * 4);
    // Land exactly on, just before, just after the record's span, or near it at random.
    const start1 = edge === 0 ? rec.pos : edge === 1 ? Math.max(1, rec.pos - span) : edge === 2 ? rec.end1 + 1 : Math.max(1, rec.pos - Math.floor(r() * span));
    out.push({ chrom: rec.chrom, start1, end1: start1 + span - 1 });
  }
  return out;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Records our own reader returns for a region: the index's chunks, decompressed, filtered by overlap. */
async function ourReader(file: string, region: Region, overlaps: (line: string, r: Region) => boolean): Promise<string> {
  const index = await openTabixIndex(file);
  if (!index) throw new Error('no index');
  if (!index.refNames.includes(region.chrom)) return '';
  const ranges = await index.rangesFor(region.chrom, region.start1 - 1, region.end1);
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const text = ranges
      .map((c) => readVirtualRange(fd, file, size, { blockPosition: c.startBlock, dataPosition: c.startData }, { blockPosition: c.endBlock, dataPosition: c.endData }).toString('utf8'))
      .join('');
    return text
      .split('\n')
      .filter((l) => l && !l.startsWith('#') && overlaps(l, region))
      .map((l) => `${l}\n`)
      .join('');
  } finally {
    fs.closeSync(fd);
  }
}

/** VCF record span for indexing: POS to POS+len(REF)-1, or INFO END when given (as htslib's tbx does). */
function vcfSpan(line: string): { chrom: string; pos: number; end1: number } {
  const cols = line.split('\t');
  const pos = Number(cols[1]);
  const end = /(?:^|;)END=(\d+)/.exec(cols[7]);
  return { chrom: cols[0], pos, end1: end ? Number(end[1]) : pos + cols[3].length - 1 };
}

describe('reg2bin (tabix spec, UCSC binning)', () => {
  it.each([
    [0, 1, 4681],
    [16383, 16384, 4681],
    [16384, 16385, 4682],
    [0, 16385, 585],
    [0, 1 << 17, 585],
    [0, (1 << 17) + 1, 73],
    [0, 1 << 26, 1],
    [0, (1 << 26) + 1, 0],
  ])('[%i, %i) is bin %i', (beg0, end0, bin) => expect(reg2bin(beg0, end0)).toBe(bin));
});

const tools = hasCommand('tabix') && hasCommand('bcftools');
(tools ? describe : describe.skip)('oracle: htslib answers region queries the same through our index', () => {
  const dir = tmpDir('vartriage-tbi-');

  it(`demo VCF: ${REGIONS_PER_FILE} regions via tabix, bcftools view -r and our reader`, async () => {
    const lines = inflateWholeFile(DEMO_VCF).toString('utf8').split('\n').filter((l) => l);
    const header = lines.filter((l) => l.startsWith('#'));
    const data = lines.filter((l) => !l.startsWith('#'));
    const ours = path.join(dir, 'ours.vcf.gz');
    writeIndexedText(ours, header, data.map((text) => {
      const s = vcfSpan(text);
      return { text, ref: s.chrom, beg0: s.pos - 1, end0: s.end1 };
    }), VCF_TABIX);
    const theirs = path.join(dir, 'theirs.vcf.gz');
    fs.copyFileSync(ours, theirs);
    run('tabix', ['-p', 'vcf', theirs]);
    const overlaps = (l: string, r: Region): boolean => {
      const s = vcfSpan(l);
      return s.chrom === r.chrom && s.pos <= r.end1 && s.end1 >= r.start1;
    };
    let nonEmpty = 0;
    for (const region of randomRegions(data.map(vcfSpan), 13)) {
      const expected = run('tabix', [theirs, regionText(region)]);
      if (expected) nonEmpty++;
      expect({ region, via: 'tabix', got: run('tabix', [ours, regionText(region)]) }).toEqual({ region, via: 'tabix', got: expected });
      expect({ region, via: 'bcftools', got: run('bcftools', ['view', '-H', '-r', regionText(region), ours]) }).toEqual({
        region,
        via: 'bcftools',
        got: run('bcftools', ['view', '-H', '-r', regionText(region), theirs]),
      });
      expect({ region, via: 'our reader', got: await ourReader(ours, region, overlaps) }).toEqual({ region, via: 'our reader', got: expected });
    }
    // The sample must exercise real hits, not only empty answers.
    expect(nonEmpty).toBeGreaterThan(REGIONS_PER_FILE / 3);
  });

  it(`demo gnomad.tsv.gz: ${REGIONS_PER_FILE} regions via tabix and our reader`, async () => {
    const ours = path.join(DEMO_BUNDLE, 'gnomad.tsv.gz');
    const theirs = path.join(dir, 'gnomad-theirs.tsv.gz');
    fs.copyFileSync(ours, theirs);
    run('tabix', ['-s', '1', '-b', '2', '-e', '2', '-c', '#', theirs]);
    const rows = inflateWholeFile(ours).toString('utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    const spans = rows.map((l) => {
      const [chrom, pos] = l.split('\t');
      return { chrom, pos: Number(pos), end1: Number(pos) };
    });
    const overlaps = (l: string, r: Region): boolean => {
      const [chrom, pos] = l.split('\t');
      return chrom === r.chrom && Number(pos) >= r.start1 && Number(pos) <= r.end1;
    };
    let nonEmpty = 0;
    for (const region of randomRegions(spans, 29)) {
      const expected = run('tabix', [theirs, regionText(region)]);
      if (expected) nonEmpty++;
      expect({ region, got: run('tabix', [ours, regionText(region)]) }).toEqual({ region, got: expected });
      expect({ region, via: 'our reader', got: await ourReader(ours, region, overlaps) }).toEqual({ region, via: 'our reader', got: expected });
    }
    expect(nonEmpty).toBeGreaterThan(REGIONS_PER_FILE / 3);
  });
});
