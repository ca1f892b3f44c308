import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnnotatedVariant } from '../../src/annotate/types';
import type { Manifest } from '../../src/reference/manifest';
import { parseColdLine } from '../../src/store/coldFormat';
import { Lookup, StoreReader, StoredVariant, writeStore } from '../../src/store';
import { arraySource } from '../../src/shard/variantSpill';
import { hasCommand, sharedAvailable, tmpDir } from '../helpers/cli';
import { chr21Variants } from '../helpers/storeFixture';

const run = sharedAvailable() ? describe : describe.skip;

const manifest: Manifest = {
  schema: 1, name: 'test', build: 'GRCh38', description: '',
  contigs: [{ name: 'chr20', length: 64444167, aliases: ['20'] }, { name: 'chr21', length: 46709983, aliases: ['21', 'NC_000021.9'] }],
  sources: [{ kind: 'clinvar', file: 'c', version: 'v1', upstream: 'u', sha256: 'x', records: 1 }],
};

/** A deterministic sample of 1-based regions over the data: points, variant positions, inside deletions, windows. */
function sampleRegions(variants: AnnotatedVariant[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let state = 7;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
  for (let i = 0; i < 12; i++) {
    const v = variants[next() % variants.length];
    out.push([v.pos, v.pos]);
  }
  const deletion = variants.find((v) => v.ref.length >= 4)!;
  out.push([deletion.pos + 2, deletion.pos + 2]);
  for (let i = 0; i < 10; i++) {
    const start = 5_000_000 + (next() % 41_000_000);
    out.push([start, start + [1, 500, 20_000, 300_000][i % 4]]);
  }
  out.push([1, 5_100_000], [46_700_000, 46_709_983]);
  return out;
}

/** Store order of one contig's variants as given to the store: by position, ties in the order given (the test gives them reversed). */
const inStoreOrder = (vs: AnnotatedVariant[]): AnnotatedVariant[] => vs.map((v, i) => ({ v, i })).sort((a, b) => a.v.pos - b.v.pos || a.i - b.i).map((x) => x.v);

const key = (v: StoredVariant) => `${v.row}:${v.chrom}:${v.pos1}:${v.ref}:${v.alt}`;

run('store tiers agree with each other and with bcftools (Platinum Genomes chr21)', () => {
  const dir = path.join(tmpDir(), 'store');
  let variants: AnnotatedVariant[];
  let reader: StoreReader;
  let coldFile: string;

  beforeAll(() => {
    // Reverse the input: the store must sort by position itself. Small blocks: many block boundaries.
    variants = chr21Variants(20000);
    writeStore(dir, { variants: arraySource([...variants].reverse()), candidates: [], header: { file: 'x', compression: 'bgzf', fileformat: 'VCFv4.2', lines: [], samples: ['NA12878'], contigs: [], info: new Map() }, manifest, sample: 'NA12878', build: 'GRCh38', maxAf: 0.02 }, { blockRows: 512 });
    reader = StoreReader.open(dir);
    coldFile = path.join(dir, reader.manifest.files.cold);
  });
  afterAll(() => reader?.close());

  it('holds every variant once, in position order, in every tier', () => {
    expect(reader.manifest.counts.variants).toBe(variants.length);
    expect(reader.manifest.counts.hot).toBeGreaterThan(50);
    const all = reader.lookup({ kind: 'region', chrom: 'chr21', start1: 1, end1: 46709983 }).hits;
    expect(all.map((v) => v.row)).toEqual(variants.map((_, i) => i));
    const positions = all.map((v) => v.pos1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('answers each sampled region the same from warm, cold and hot', async () => {
    for (const [start1, end1] of sampleRegions(variants)) {
      const l: Lookup = { kind: 'region', chrom: 'chr21', start1, end1 };
      const warm = (await reader.lookupTier(l, 'warm')).hits;
      const cold = (await reader.lookupTier(l, 'cold')).hits;
      const hot = (await reader.lookupTier(l, 'hot')).hits;
      expect(cold).toEqual(warm);
      expect(hot).toEqual(warm.filter((v) => v.reportable.length > 0));
    }
  });

  (hasCommand('bcftools') ? it : it.skip)('matches `bcftools view -r` on the cold tier for each sampled region', async () => {
    for (const [start1, end1] of sampleRegions(variants)) {
      const r = spawnSync('bcftools', ['view', '-H', '-r', `chr21:${start1}-${end1}`, coldFile], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      const fromBcftools = r.stdout.split('\n').filter(Boolean).map((l) => parseColdLine(l));
      const warm = reader.lookup({ kind: 'region', chrom: 'chr21', start1, end1 }).hits;
      expect(fromBcftools.map(key)).toEqual(warm.map(key));
      // Text fields bcftools passes through unchanged must match too.
      expect(fromBcftools.map((v) => [v.id, v.filter, v.genes, v.clinvar, v.reportable, v.call])).toEqual(warm.map((v) => [v.id, v.filter, v.genes, v.clinvar, v.reportable, v.call]));
    }
  });

  (hasCommand('bcftools') ? it : it.skip)('is a VCF bcftools reads whole without complaint, with every INFO field declared', () => {
    const r = spawnSync('bcftools', ['view', '-H', coldFile], { encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(variants.length);
    const header = spawnSync('bcftools', ['view', '-h', coldFile], { encoding: 'utf8' }).stdout;
    for (const id of ['VT_ROW', 'VT_GENE', 'VT_CLNSIG', 'VT_GNOMAD_AF', 'VT_REPORTABLE', 'VT_INPUT_GT']) expect(header).toMatch(new RegExp(`##INFO=<ID=${id},.*Description="[^"]+"`));
    for (const id of ['GT', 'AD', 'DP', 'GQ']) expect(header).toMatch(new RegExp(`##FORMAT=<ID=${id},.*Description="[^"]+"`));
    // bcftools reads the sample's AD per allele (Number=R) as the store gave it.
    const ad = spawnSync('bcftools', ['query', '-f', '[%AD]\\n', coldFile], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout.trim().split('\n');
    expect(ad).toEqual(inStoreOrder([...variants].reverse()).map((v) => (v.call?.ad ? v.call.ad.join(',') : '.')));
  });

  it("keeps the sample's call (input GT, AD, DP, GQ) in every tier", () => {
    const all = reader.lookup({ kind: 'region', chrom: 'chr21', start1: 1, end1: 46709983 }).hits;
    expect(all.map((v) => v.call)).toEqual(inStoreOrder([...variants].reverse()).map((v) => (v.call ? { gt: v.call.gt, dp: v.call.dp, gq: v.call.gq, ad: v.call.ad } : null)));
    expect(all.filter((v) => v.call === null).length).toBeGreaterThan(10);
    expect(all.filter((v) => v.call?.ad === null).length).toBeGreaterThan(10);
  });

  it('answers gene, rsID and ClinVar lookups the same from every tier', async () => {
    const withGene = variants.find((v) => v.genes.length > 1) ?? variants.find((v) => v.genes.length > 0)!;
    const lookups: Lookup[] = [
      { kind: 'gene', symbol: withGene.genes[0].gene },
      { kind: 'gene', symbol: 'NOT_A_GENE' },
      { kind: 'rsid', rsid: variants[3].id },
      { kind: 'rsid', rsid: 'rs1' },
      { kind: 'rsid', rsid: variants.find((v) => v.id.includes(';'))!.id.split(';')[0] },
      { kind: 'clinvar', id: variants.find((v) => v.clinvar)!.clinvar!.id },
      { kind: 'clinvar', id: '1' },
    ];
    for (const l of lookups) {
      const warm = (await reader.lookupTier(l, 'warm')).hits;
      expect((await reader.lookupTier(l, 'cold')).hits).toEqual(warm);
      expect((await reader.lookupTier(l, 'hot')).hits).toEqual(warm.filter((v) => v.reportable.length > 0));
    }
    const gene = (await reader.lookupTier(lookups[0], 'warm')).hits;
    expect(gene.length).toBe(variants.filter((v) => v.genes.some((g) => g.gene === withGene.genes[0].gene)).length);
    expect((await reader.lookupTier(lookups[2], 'warm')).hits.map((v) => v.pos1)).toEqual([variants[3].pos]);
  });

  it('finds a locus by contig alias and by a base inside a deletion', () => {
    const del = variants.find((v) => v.ref.length >= 3)!;
    const hits = reader.lookup(reader.resolve({ kind: 'locus', chrom: '21', pos1: del.pos + 2 })).hits;
    expect(hits.map((v) => [v.pos1, v.ref, v.alt])).toContainEqual([del.pos, del.ref, del.alt]);
    expect(reader.lookup({ kind: 'locus', chrom: 'chr20', pos1: 100 }).hits).toEqual([]);
    expect(() => reader.resolve({ kind: 'locus', chrom: 'chrUn_x', pos1: 1 })).toThrow(/contig "chrUn_x" is not in this store/);
  });

  it('writes no temporary files and a warm tier smaller than the bgzipped VCF', () => {
    expect(fs.readdirSync(dir).sort()).toEqual(['hot.sqlite', 'store.json', 'variants.vcf.gz', 'variants.vcf.gz.tbi', 'warm.blobs', 'warm.sqlite']);
    expect(fs.statSync(path.join(dir, 'warm.sqlite')).size + fs.statSync(path.join(dir, 'warm.blobs')).size).toBeLessThan(fs.statSync(coldFile).size);
  });
});

run('rsID index: keys in several blocks, beyond 2^37, text twins, absent keys', () => {
  const dir = path.join(tmpDir(), 'store');
  let reader: StoreReader;

  beforeAll(() => {
    const variants = chr21Variants(3000).map((v) => ({ ...v, id: '.' }));
    for (const i of [10, 1500, 2900]) variants[i].id = 'rs777';
    variants[1501].id = 'rs777;COSV1';
    variants[20].id = `rs${2 ** 37 + 5}`;
    variants[30].id = 'rs0123';
    variants[2000].id = 'rs123';
    variants[40].id = 'rs4000000000';
    writeStore(dir, { variants: arraySource(variants), candidates: [], header: { file: 'x', compression: 'bgzf', fileformat: 'VCFv4.2', lines: [], samples: ['NA12878'], contigs: [], info: new Map() }, manifest, sample: 'NA12878', build: 'GRCh38', maxAf: 0.02 }, { blockRows: 256 });
    reader = StoreReader.open(dir);
  });
  afterAll(() => reader?.close());

  it.each([
    ['rs777', 4],
    [`rs${2 ** 37 + 5}`, 1],
    ['rs0123', 1],
    ['rs123', 1],
    ['rs4000000000', 1],
    ['rs999999999', 0],
    ['rs1', 0],
  ])('%s: %i hits, the same from warm, cold and hot', async (rsid, n) => {
    const l: Lookup = { kind: 'rsid', rsid };
    const warm = (await reader.lookupTier(l, 'warm')).hits;
    expect(warm).toHaveLength(n);
    expect((await reader.lookupTier(l, 'cold')).hits).toEqual(warm);
    expect((await reader.lookupTier(l, 'hot')).hits).toEqual(warm.filter((v) => v.reportable.length > 0));
  });

  it('refuses a store of the previous schema with a one-line message', () => {
    const old = path.join(tmpDir(), 'old-store');
    fs.cpSync(dir, old, { recursive: true });
    const m = JSON.parse(fs.readFileSync(path.join(old, 'store.json'), 'utf8')) as { schema: number };
    fs.writeFileSync(path.join(old, 'store.json'), JSON.stringify({ ...m, schema: 2 }));
    expect(() => StoreReader.open(old)).toThrow(/^.*store\.json: unsupported store schema 2, expected 4; rebuild the store with this vartriage version$/);
  });

  it.each([
    ['truncated', (f: string) => fs.truncateSync(f, fs.statSync(f).size - 1)],
    ['from another store', (f: string) => fs.appendFileSync(f, Buffer.alloc(10))],
  ])('refuses a warm.blobs %s with a one-line message', (_, damage) => {
    const bad = path.join(tmpDir(), 'bad-blobs');
    fs.cpSync(dir, bad, { recursive: true });
    damage(path.join(bad, 'warm.blobs'));
    expect(() => StoreReader.open(bad)).toThrow(/^.*warm\.blobs: \d+ bytes, but the warm index expects \d+: the store is damaged or its files come from different runs; rebuild it$/);
  });

  it('refuses a store without warm.blobs', () => {
    const bad = path.join(tmpDir(), 'no-blobs');
    fs.cpSync(dir, bad, { recursive: true });
    fs.rmSync(path.join(bad, 'warm.blobs'));
    expect(() => StoreReader.open(bad)).toThrow(/warm\.blobs: missing: the store is incomplete$/);
  });
});
