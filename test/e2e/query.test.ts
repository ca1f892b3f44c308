import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_BUNDLE, DEMO_VCF, runCli, tmpDir } from '../helpers/cli';

const HPO = 'HP:0001250,HP:0004322';

describe('vartriage query on the store of a demo run', () => {
  const out = path.join(tmpDir(), 'out');
  const store = path.join(out, 'store');
  beforeAll(() => {
    const r = runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out, '-q']);
    expect(r.code).toBe(0);
  });

  it('writes the store next to the reports, with the run metadata', () => {
    expect(fs.readdirSync(store).sort()).toEqual(['hot.sqlite', 'store.json', 'variants.vcf.gz', 'variants.vcf.gz.tbi', 'warm.blobs', 'warm.sqlite']);
    const m = JSON.parse(fs.readFileSync(path.join(store, 'store.json'), 'utf8'));
    const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(m).toMatchObject({ sample: 'DEMO-PROBAND', build: 'GRCh38', reference: { name: 'demo' } });
    expect(m.counts.variants).toBe(results.counts.variants);
    expect(m.counts.candidates).toBe(results.candidates.length);
  });

  it('finds the planted KMT2D frameshift by gene, with its ranking detail, as JSON', () => {
    const r = runCli(['query', store, '--gene', 'KMT2D', '--format', 'json']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.query).toEqual({ kind: 'gene', value: 'KMT2D' });
    const fs1 = a.hits.find((h: { consequence: string }) => h.consequence === 'frameshift_variant');
    expect(fs1).toMatchObject({ chrom: 'chr12', zygosity: 'het', candidateRank: 1, clinvar: { significance: 'Pathogenic' } });
    expect(fs1.reportable).toEqual(expect.arrayContaining(['candidate', 'clinvar_pathogenic']));
    expect(fs1.candidates[0]).toMatchObject({ rank: 1, gene: 'KMT2D' });
    expect(a.store).toMatchObject({ sample: 'DEMO-PROBAND', build: 'GRCh38' });
    // Every results.json variant of KMT2D is among the hits.
    const results = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    const kmt2d = results.candidates.find((c: { gene: { symbol: string } }) => c.gene.symbol === 'KMT2D');
    for (const v of kmt2d.variants) expect(a.hits.map((h: { pos1: number; alt: string }) => `${h.pos1}${h.alt}`)).toContain(`${v.pos}${v.alt}`);
  });

  it('answers --locus (by contig alias), --region, --rsid and --clinvar as TSV, each agreeing with --tier cold', () => {
    const gene = JSON.parse(runCli(['query', store, '--gene', 'KMT2D', '--format', 'json']).stdout);
    const fsv = gene.hits.find((h: { consequence: string }) => h.consequence === 'frameshift_variant');
    const withRs = gene.hits.find((h: { id: string }) => h.id.startsWith('rs'));
    const queries = [
      ['--locus', `12:${fsv.pos1 + 1}`],
      ['--region', `chr12:${fsv.pos1 - 5000}-${fsv.pos1 + 5000}`],
      ['--rsid', withRs.id],
      ['--clinvar', fsv.clinvar.id],
    ];
    for (const q of queries) {
      const r = runCli(['query', store, ...q]);
      expect(r.code).toBe(0);
      const rows = r.stdout.trim().split('\n');
      expect(rows[0].split('\t').slice(0, 4)).toEqual(['chrom', 'pos', 'ref', 'alt']);
      expect(rows.length).toBeGreaterThan(1);
      const cold = runCli(['query', store, ...q, '--tier', 'cold']);
      // Cold has no ranking detail (hgvs columns), so compare all columns before them.
      const cut = (s: string) => s.trim().split('\n').map((l) => l.split('\t').slice(0, 17).join('\t'));
      expect(cut(cold.stdout)).toEqual(cut(r.stdout));
    }
    expect(runCli(['query', store, '--locus', `chr12:${fsv.pos1}`]).stdout).toContain(`chr12\t${fsv.pos1}\t${fsv.ref}\t${fsv.alt}`);
  });

  it('prints only the header for a lookup with no hits', () => {
    const r = runCli(['query', store, '--rsid', 'rs999999999999']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    [['--locus', 'chr1'], /--locus: "chr1" is not chrom:pos/],
    [['--region', 'chr1:500-100'], /--region: .*start must be at least 1 and not after end/],
    [['--locus', 'chrZZ:5'], /--locus: contig "chrZZ" is not in this store/],
    [['--rsid', '123'], /--rsid: "123" is not a dbSNP id/],
    [[], /give exactly one of --locus, --region, --gene, --rsid, --clinvar/],
    [['--gene', 'A', '--rsid', 'rs1'], /give exactly one of .* \(got --gene, --rsid\)/],
  ])('refuses %j with one clear line', (args, pattern) => {
    const r = runCli(['query', store, ...(args as string[])]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^vartriage: error: /);
    expect(r.stderr).toMatch(pattern);
  });

  it('names a directory that is not a store', () => {
    const r = runCli(['query', out, '--gene', 'KMT2D']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`${out}: not a vartriage store \\(no store.json\\)`));
  });

  it('replaces the store of an earlier run into the same --out', () => {
    const r = runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out, '-q']);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(out).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
    expect(runCli(['query', store, '--gene', 'KMT2D']).code).toBe(0);
  });
});

describe('store determinism', () => {
  it('writes byte-identical store files with 1 and 4 threads', () => {
    const out = path.join(tmpDir(), 'out');
    const env = { SOURCE_DATE_EPOCH: '1764288000' };
    const files = ['hot.sqlite', 'warm.sqlite', 'warm.blobs', 'variants.vcf.gz', 'variants.vcf.gz.tbi', 'store.json'];
    expect(runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out, '--threads', '1', '-q'], env).code).toBe(0);
    const first = files.map((f) => fs.readFileSync(path.join(out, 'store', f)));
    fs.rmSync(out, { recursive: true });
    expect(runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out, '--threads', '4', '-q'], env).code).toBe(0);
    files.forEach((f, i) => expect([f, fs.readFileSync(path.join(out, 'store', f)).equals(first[i])]).toEqual([f, true]));
  });
});
