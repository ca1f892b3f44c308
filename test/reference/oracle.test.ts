/**
 * Oracle tests: what the built bundle returns for an allele equals what `bcftools query` reads from
 * the upstream file (real ClinVar and gnomAD excerpts in ../shared/data).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildBundle } from '../../src/reference/build';
import { ClinvarLookup } from '../../src/reference/clinvar';
import { GnomadRecord, GnomadTable } from '../../src/reference/gnomad';
import { silentLogger } from '../../src/log';
import { ContigAliases } from '../../src/variant/contigs';
import { primaryContigs } from '../../src/variant/assemblies';
import { trimAlleles } from '../../src/variant/normalise';
import { hasCommand, SHARED_DATA, sharedAvailable, tmpDir } from '../helpers/cli';

const haveData = sharedAvailable() && hasCommand('bcftools');
if (!hasCommand('bcftools')) process.stderr.write('skipping oracle tests: bcftools is not installed\n');
const d = haveData ? describe : describe.skip;

function bcftoolsQuery(file: string, format: string): string[][] {
  const r = spawnSync('bcftools', ['query', '-f', format, file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`bcftools query failed: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.length > 0).map((l) => l.split('\t'));
}

const aliases38 = new ContigAliases(primaryContigs('GRCh38'));
const keyOf = (chrom: string, pos: string, ref: string, alt: string): string => {
  const t = trimAlleles(Number(pos), ref, alt);
  return `${aliases38.canonical(chrom)}:${t.pos}:${t.ref}:${t.alt}`;
};
const missingAsEmpty = (v: string): string => (v === '.' ? '' : v);
/** Every `step`-th element: a deterministic sample spread over the whole file. */
const every = <T>(xs: T[], step: number): T[] => xs.filter((_, i) => i % step === 0);

d('ClinVar: bundle equals bcftools query on the source', () => {
  const dir = tmpDir('vartriage-oracle-clinvar-');
  const lifted = path.join(SHARED_DATA, 'clinvar', 'clinvar.20161102.GRCh38-lifted.vcf.gz');
  const official = path.join(SHARED_DATA, 'clinvar', 'clinvar.20260226.GRCh38.cancer-panel.vcf.gz');
  beforeAll(() => {
    buildBundle({ out: path.join(dir, 'macarthur'), build: 'GRCh38', clinvar: lifted, gnomad: [], genes: [], force: false, log: silentLogger });
    buildBundle({ out: path.join(dir, 'official'), build: 'GRCh38', clinvar: official, gnomad: [], genes: [], force: false, log: silentLogger });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('MacArthur layout (2016, lifted): 3,000+ sampled alleles', () => {
    const rows = bcftoolsQuery(lifted, '%CHROM\t%POS\t%REF\t%ALT\t%INFO/MEASURESET_ID\t%INFO/CLINICAL_SIGNIFICANCE\t%INFO/REVIEW_STATUS\t%INFO/ALL_TRAITS\t%INFO/SYMBOL\n');
    // The same allele can appear on more than one line; the bundle keeps the last, as does this map.
    const expected = new Map<string, string[]>();
    for (const r of rows) if (/^[ACGT]+$/.test(r[2]) && /^[ACGT]+$/.test(r[3])) expected.set(keyOf(r[0], r[1], r[2], r[3]), r);
    const lookup = new ClinvarLookup(path.join(dir, 'macarthur', 'clinvar.sqlite'));
    const sample = every([...expected.keys()], 40);
    expect(sample.length).toBeGreaterThan(3000);
    for (const key of sample) {
      const r = expected.get(key)!;
      const got = lookup.get(key as never);
      expect(got).toBeDefined();
      expect([got!.id, got!.significance, got!.reviewStatus.replace(/,_/g, '..'), got!.genes.join('|')]).toEqual([r[4], r[5], r[6], r[8]]);
      expect(new Set(got!.conditions.map((c) => c.replace(/,_/g, '..')))).toEqual(new Set(r[7] === '.' ? [] : r[7].split('|')));
    }
    lookup.close();
  });

  test('official NCBI layout (2026 cancer panel): 3,000+ sampled alleles', () => {
    const rows = bcftoolsQuery(official, '%CHROM\t%POS\t%REF\t%ALT\t%ID\t%INFO/ALLELEID\t%INFO/CLNSIG\t%INFO/CLNREVSTAT\t%INFO/CLNDN\t%INFO/CLNDISDB\t%INFO/GENEINFO\t%INFO/RS\t%INFO/MC\n');
    const expected = new Map<string, string[]>();
    for (const r of rows) if (r[6] !== '.' && /^[ACGT]+$/.test(r[2]) && /^[ACGT]+$/.test(r[3])) expected.set(keyOf(r[0], r[1], r[2], r[3]), r);
    const lookup = new ClinvarLookup(path.join(dir, 'official', 'clinvar.sqlite'));
    const sample = every([...expected.keys()], 20);
    expect(sample.length).toBeGreaterThan(3000);
    for (const key of sample) {
      const r = expected.get(key)!;
      const got = lookup.get(key as never)!;
      expect(got).toBeDefined();
      expect([got.id, got.alleleId, got.significance, got.reviewStatus, got.conditions.join('|'), got.diseaseDb, got.rsid]).toEqual([r[4], r[5], r[6], r[7], missingAsEmpty(r[8]), missingAsEmpty(r[9]), missingAsEmpty(r[11])]);
      expect(got.genes).toEqual(r[10] === '.' ? [] : r[10].split('|').map((g) => g.split(':')[0]));
      expect(new Set(got.consequences)).toEqual(new Set(r[12] === '.' ? [] : r[12].split(',').map((m) => m.split('|')[1])));
    }
    lookup.close();
  });
});

d('gnomAD: bundle rows equal bcftools query on the source', () => {
  const dir = tmpDir('vartriage-oracle-gnomad-');
  const g38 = path.join(SHARED_DATA, 'gnomad', 'GRCh38');
  const genomesX = path.join(g38, 'gnomad.genomes.v4.0.sites.chrX_10003-20000.annonars.vcf.bgz');
  const r2 = path.join(g38, 'gnomad.genomes.r2.0.2.sites.hg38liftover.simple.chr20-22.AF0.4-0.6.dariober.vcf.gz');
  const exomes1 = path.join(g38, 'gnomad.exomes.v4.0.sites.chr1_55039893-55039951.annonars.vcf.bgz');
  const genomes1 = path.join(g38, 'gnomad.genomes.v4.0.sites.chr1_55039894-55039948.annonars.vcf.bgz');
  const rowsOf = async (bundle: string): Promise<Map<string, GnomadRecord>> => {
    const t = await GnomadTable.open(path.join(dir, bundle, 'gnomad.tsv.gz'));
    const out = new Map<string, GnomadRecord>();
    for (const c of ['chr1', 'chr20', 'chr21', 'chr22', 'chrX']) for (const r of await t.region(c, 1, 250_000_000)) out.set(`${r.chrom}:${r.pos}:${r.ref}:${r.alt}`, r);
    t.close();
    return out;
  };
  const num = (v: string): number | null => (v === '.' ? null : Number(v));
  beforeAll(() => {
    buildBundle({ out: path.join(dir, 'x'), build: 'GRCh38', gnomad: [genomesX], genes: [], force: false, log: silentLogger });
    buildBundle({ out: path.join(dir, 'r2'), build: 'GRCh38', gnomad: [r2], genes: [], force: false, log: silentLogger });
    buildBundle({ out: path.join(dir, 'merged'), build: 'GRCh38', gnomad: [exomes1, genomes1], genes: [], force: false, log: silentLogger });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('v4.0 genomes: AF, AC, AN, nhomalt, grpmax and FILTER of every allele', async () => {
    const rows = bcftoolsQuery(genomesX, '%CHROM\t%POS\t%REF\t%ALT\t%FILTER\t%INFO/AF\t%INFO/AC\t%INFO/AN\t%INFO/nhomalt\t%INFO/AF_grpmax\t%INFO/grpmax\n');
    expect(rows.length).toBeGreaterThan(4000);
    const got = await rowsOf('x');
    for (const r of rows) {
      const g = got.get(keyOf(r[0], r[1], r[2], r[3]))!;
      expect(g).toBeDefined();
      expect(g.filter).toBe(r[4]);
      expect(g.af).toBeCloseTo(Number(r[5]), 12);
      expect([g.ac, g.an, g.nhomalt]).toEqual([num(r[6]), num(r[7]), num(r[8])]);
      expect(g.grpmaxAf).toBe(num(r[9]));
      expect(g.grpmax).toBe(r[9] === '.' ? '' : missingAsEmpty(r[10]));
    }
  });

  test('r2.0.2 liftover with INFO/AF only: AF kept, counts unknown (null), not 0', async () => {
    // An allele listed twice in one file (same site after trimming) keeps its first line, here as in the bundle.
    const first = new Map<string, string[]>();
    for (const r of bcftoolsQuery(r2, '%CHROM\t%POS\t%REF\t%ALT\t%INFO/AF\n')) if (!first.has(keyOf(r[0], r[1], r[2], r[3]))) first.set(keyOf(r[0], r[1], r[2], r[3]), r);
    const sample = every([...first.entries()], 15);
    expect(sample.length).toBeGreaterThan(3000);
    const got = await rowsOf('r2');
    for (const [key, r] of sample) {
      const g = got.get(key)!;
      expect(g).toBeDefined();
      expect(g.af).toBeCloseTo(Number(r[4]), 12);
      expect([g.ac, g.an, g.nhomalt, g.grpmaxAf]).toEqual([null, null, null, null]);
    }
  });

  test('exomes + genomes: an allele in both has summed AC, AN, nhomalt and AF = AC/AN', async () => {
    const fmt = '%CHROM\t%POS\t%REF\t%ALT\t%INFO/AC\t%INFO/AN\t%INFO/nhomalt\n';
    const ex = new Map(bcftoolsQuery(exomes1, fmt).map((r) => [keyOf(r[0], r[1], r[2], r[3]), r]));
    const ge = new Map(bcftoolsQuery(genomes1, fmt).map((r) => [keyOf(r[0], r[1], r[2], r[3]), r]));
    const both = [...ex.keys()].filter((k) => ge.has(k));
    expect(both.length).toBeGreaterThan(20);
    const got = await rowsOf('merged');
    expect(got.size).toBe(new Set([...ex.keys(), ...ge.keys()]).size);
    for (const k of both) {
      const [e, g] = [ex.get(k)!, ge.get(k)!];
      const ac = Number(e[4]) + Number(g[4]);
      const an = Number(e[5]) + Number(g[5]);
      expect([got.get(k)!.ac, got.get(k)!.an, got.get(k)!.nhomalt]).toEqual([ac, an, Number(e[6]) + Number(g[6])]);
      expect(got.get(k)!.af).toBeCloseTo(ac / an, 15);
    }
  });
});
