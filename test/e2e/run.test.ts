import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { DEMO_BUNDLE, DEMO_VCF, runCli, tmpDir } from '../helpers/cli';

const HPO = 'HP:0001250,HP:0004322';

describe('vartriage run on the demo bundle', () => {
  const out = path.join(tmpDir(), 'out');
  let result: ReturnType<typeof runCli>;
  beforeAll(() => {
    result = runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out]);
  });

  it('exits 0 and writes the three outputs', () => {
    expect(result.stderr).not.toMatch(/error/);
    expect(result.code).toBe(0);
    for (const f of ['results.json', 'candidates.tsv', 'report.html']) expect(fs.existsSync(path.join(out, f))).toBe(true);
    expect(fs.readdirSync(out).filter((f) => f.includes('.tmp-') || f.startsWith('.vartriage-spill'))).toEqual([]);
  });

  it('ranks the planted KMT2D frameshift first, with its evidence', () => {
    const r = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    const top = r.candidates[0];
    expect(top.rank).toBe(1);
    expect(top.gene.symbol).toBe('KMT2D');
    expect(top.variants[0]).toMatchObject({ chrom: 'chr12', zygosity: 'het', consequence: 'frameshift_variant' });
    expect(top.variants[0].clinvar).toMatchObject({ significance: 'Pathogenic', stars: 2 });
    expect(top.phenotype.disease.id).toBe('OMIM:147920');
    expect(top.phenotype.matches.map((m: { patient_term: string }) => m.patient_term).sort()).toEqual(['HP:0001250', 'HP:0004322']);
  });

  it('follows the results.json contract of DESIGN.md section 3', () => {
    const r = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['schema', 'tool', 'command', 'started', 'input', 'reference', 'counts', 'candidates']));
    expect(r.tool.name).toBe('vartriage');
    expect(r.input).toMatchObject({ vcf: DEMO_VCF, sample: 'DEMO-PROBAND', build: 'GRCh38' });
    expect(r.input.hpo.map((t: { id: string }) => t.id)).toEqual(['HP:0001250', 'HP:0004322']);
    expect(r.reference.name).toBe('demo');
    expect(r.reference.sources.map((s: { kind: string }) => s.kind).sort()).toEqual(['clinvar', 'genes', 'gnomad', 'hpo']);
    expect(r.counts).toEqual(expect.objectContaining({ variants: expect.any(Number), passed_filters: expect.any(Number), candidates: r.candidates.length }));
    expect(Object.keys(r.counts.per_filter).sort()).toEqual(['clinvar_benign', 'consequence', 'frequency', 'no_gene', 'quality', 'vcf_filter']);
    for (const c of r.candidates) {
      expect(c).toEqual(expect.objectContaining({ rank: expect.any(Number), score: expect.any(Number), gene: expect.any(Object), phenotype: expect.any(Object), variants: expect.any(Array) }));
      for (const v of c.variants) expect(Object.keys(v)).toEqual(expect.arrayContaining(['chrom', 'pos', 'ref', 'alt', 'zygosity', 'consequence', 'transcript', 'hgvs_c', 'hgvs_p', 'gnomad', 'clinvar', 'score', 'reasons']));
    }
  });

  it('counts what the filters removed and what was skipped', () => {
    const r = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(r.counts.per_filter.frequency).toBeGreaterThan(500);
    expect(r.counts.per_filter.vcf_filter).toBeGreaterThan(0);
    expect(r.counts.per_filter.clinvar_benign).toBe(1);
    expect(r.counts.read.symbolic_or_breakend).toBe(1);
  });

  it('writes one TSV row per candidate variant with the same ranks', () => {
    const rows = fs.readFileSync(path.join(out, 'candidates.tsv'), 'utf8').trim().split('\n');
    expect(rows[0].split('\t').slice(0, 3)).toEqual(['rank', 'score', 'gene']);
    expect(rows[1].split('\t')[2]).toBe('KMT2D');
  });
});

describe('determinism', () => {
  it('gives byte-identical outputs with 1 and 4 threads', () => {
    // The same --out path both times: the command line is part of the outputs.
    const base = tmpDir();
    const out = path.join(base, 'out');
    const env = { SOURCE_DATE_EPOCH: '1764288000' };
    const files = ['results.json', 'candidates.tsv', 'report.html'];
    expect(runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out, '--threads', '1', '-q'], env).code).toBe(0);
    const first = files.map((f) => fs.readFileSync(path.join(out, f)));
    fs.rmSync(out, { recursive: true });
    expect(runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out, '--threads', '4', '-q'], env).code).toBe(0);
    files.forEach((f, i) => expect(fs.readFileSync(path.join(out, f)).equals(first[i])).toBe(true));
    expect(JSON.parse(first[0].toString('utf8')).started).toBe('2025-11-28T00:00:00.000Z');
  });
});

describe('bad input: one clear line, non-zero exit, no partial output', () => {
  const dir = tmpDir();
  const plainDemo = zlib.gunzipSync(fs.readFileSync(DEMO_VCF)).toString('utf8');

  function expectCleanFailure(args: string[], pattern: RegExp): void {
    const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const r = runCli([...args, '--out', out]);
    expect(r.code).toBe(1);
    // Progress and warning lines may precede it; exactly one error line, and it is the last.
    const all = r.stderr.trim().split('\n');
    const lines = all.filter((l) => /error/.test(l));
    expect(lines).toHaveLength(1);
    expect(all[all.length - 1]).toBe(lines[0]);
    expect(lines[0]).toMatch(/^vartriage: error: /);
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // Nothing is left behind, not even the output folder the run made.
    expect(fs.existsSync(out)).toBe(false);
  }

  it('names a missing VCF', () => {
    const missing = path.join(dir, 'nope.vcf.gz');
    expectCleanFailure(['run', '--vcf', missing, '--hpo', HPO, '--reference', DEMO_BUNDLE], new RegExp(`${missing}: no such file`));
  });

  it('refuses a .gz that is gzip but not BGZF', () => {
    const f = path.join(dir, 'plain-gzip.vcf.gz');
    fs.writeFileSync(f, zlib.gzipSync(plainDemo));
    expectCleanFailure(['run', '--vcf', f, '--hpo', HPO, '--reference', DEMO_BUNDLE], /plain-gzip\.vcf\.gz: gzip but not BGZF/);
  });

  it('names the file and line of a malformed data line', () => {
    const lines = plainDemo.split('\n');
    const firstData = lines.findIndex((l) => l && !l.startsWith('#'));
    lines[firstData + 5] = lines[firstData + 5].replace(/^(\S+)\t(\d+)/, '$1\tPOS_X');
    const f = path.join(dir, 'bad-pos.vcf');
    fs.writeFileSync(f, lines.join('\n'));
    expectCleanFailure(['run', '--vcf', f, '--hpo', HPO, '--reference', DEMO_BUNDLE], new RegExp(`bad-pos\\.vcf:${firstData + 6}: POS "POS_X" is not a positive integer`));
  });

  it('names an unknown HPO id from --hpo', () => {
    expectCleanFailure(['run', '--vcf', DEMO_VCF, '--hpo', 'HP:0001250,HP:9999999', '--reference', DEMO_BUNDLE], /--hpo: unknown HPO term HP:9999999/);
  });

  it('names the file and line of an unknown HPO id in --hpo-file', () => {
    const f = path.join(dir, 'terms.txt');
    fs.writeFileSync(f, 'HP:0001250\n# comment\nHP:9999998\n');
    expectCleanFailure(['run', '--vcf', DEMO_VCF, '--hpo-file', f, '--reference', DEMO_BUNDLE], new RegExp(`${f}:3: unknown HPO term HP:9999998`));
  });

  it('maps an HPO alt_id to its current term instead of failing', () => {
    const out = path.join(dir, 'alt');
    const r = runCli(['run', '--vcf', DEMO_VCF, '--hpo', 'HP:0001275,HP:0004322', '--reference', DEMO_BUNDLE, '--out', out, '-q']);
    expect(r.code).toBe(0);
    const terms = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')).input.hpo;
    expect(terms[0]).toEqual({ id: 'HP:0001250', label: 'Seizure', input: 'HP:0001275', mapped_via: 'alt_id' });
  });

  it('refuses a VCF whose build does not match the bundle, naming both', () => {
    const f = path.join(dir, 'grch37.vcf');
    fs.writeFileSync(f, plainDemo.replace('##contig=<ID=chr1,length=248956422', '##contig=<ID=chr1,length=249250621').replace('##contig=<ID=chr2,length=242193529', '##contig=<ID=chr2,length=243199373'));
    const r = runCli(['run', '--vcf', f, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', path.join(dir, 'b37')]);
    // chr1 and chr2 now say GRCh37 but the other contigs still say GRCh38: the majority wins, so the run goes on.
    expect(r.code).toBe(0);
    const all37 = plainDemo.replace(/##contig=<ID=chr(\w+),length=\d+/g, (_m, c: string) => `##contig=<ID=chr${c},length=${({ '1': 249250621, '2': 243199373, '3': 198022430, X: 155270560 } as Record<string, number>)[c] ?? 1}`);
    fs.writeFileSync(f, all37);
    expectCleanFailure(['run', '--vcf', f, '--hpo', HPO, '--reference', DEMO_BUNDLE], /GRCh37 .* is GRCh38/);
  });

  it('rejects unsorted records in an unindexed VCF with the line', () => {
    const lines = plainDemo.split('\n');
    const firstData = lines.findIndex((l) => l && !l.startsWith('#'));
    [lines[firstData + 1], lines[firstData + 2]] = [lines[firstData + 2], lines[firstData + 1]];
    const f = path.join(dir, 'unsorted.vcf');
    fs.writeFileSync(f, lines.join('\n'));
    expectCleanFailure(['run', '--vcf', f, '--hpo', HPO, '--reference', DEMO_BUNDLE], new RegExp(`unsorted\\.vcf:${firstData + 3}: records are not sorted`));
  });
});
