import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnnotatedVariant } from '../../src/annotate/types';
import { emptyReadCounts } from '../../src/annotate/types';
import { readShardFile, SHARD_FORMAT, ShardFileHeader, writeShardFile } from '../../src/shard/shardFile';
import { tmpDir } from '../helpers/cli';

const variant = (pos: number, extra: Partial<AnnotatedVariant> = {}): AnnotatedVariant => ({
  chrom: 'chr1', pos, ref: 'A', alt: 'G', id: '.', filter: 'PASS', qual: 50.5, zygosity: 'het', line: null,
  consequence: 'missense_variant',
  genes: [{ gene: 'G1', transcript: 'NM_1.1', consequence: 'missense_variant', terms: ['missense_variant'], location: 'exon 2/5', maneSelect: true, hgvsC: 'NM_1.1:c.4A>G', hgvsP: null }],
  gnomad: { af: 1.25e-5, ac: 2, an: 160000, nhomalt: null, grpmaxAf: null, grpmax: '', filter: 'PASS' },
  clinvar: null,
  ...extra,
});

const header = (n: number): ShardFileHeader => ({
  format: SHARD_FORMAT,
  source: { vcf: 'x.vcf.gz', vcfBytes: 100, fingerprint: 'ab'.repeat(32), sampleRequested: null, sample: 'S', region: null, bundle: 'demo', bundleManifestSha256: 'cd'.repeat(32), toolVersion: '0.1.0', shardCount: 2 },
  shardIndex: 1, pieces: 1, build: 'GRCh38', vcfHeader: '##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n', vcfCompression: 'bgzf',
  indexRecords: { index: 'x.vcf.gz.tbi', records: 10 }, counts: { ...emptyReadCounts(), records: n }, warnings: ['w'], variants: n,
});

describe('shard file (vartriage.shard/1)', () => {
  const dir = tmpDir('vartriage-shardfile-');

  it('round-trips records and header exactly, with the same bytes each time', () => {
    const variants = [variant(10), variant(20, { qual: null, zygosity: 'hom', clinvar: { id: '1', significance: 'Pathogenic', reviewStatus: 'x', stars: 2, conditions: ['a, b'] } })];
    const a = path.join(dir, 'a.vtshard.gz');
    const b = path.join(dir, 'b.vtshard.gz');
    writeShardFile(a, header(2), variants);
    writeShardFile(b, header(2), variants);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
    expect(readShardFile(a)).toEqual({ header: header(2), variants });
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a file whose variant count disagrees with its header', () => {
    const f = path.join(dir, 'short.vtshard.gz');
    writeShardFile(f, header(3), [variant(10)]);
    expect(() => readShardFile(f)).toThrow(`${f}: holds 1 variants, its header says 3: truncated or damaged, re-run \`vartriage annotate\``);
  });

  it('refuses another format version, naming it', () => {
    const f = path.join(dir, 'v2.vtshard.gz');
    writeShardFile(f, { ...header(0), format: 'vartriage.shard/2' as typeof SHARD_FORMAT }, []);
    expect(() => readShardFile(f)).toThrow(`${f}:1: not a vartriage.shard/1 shard file (format vartriage.shard/2)`);
  });
});
