import * as fs from 'node:fs';
import * as path from 'node:path';
import { GeneModels, TranscriptRecord, writeGenesSqlite } from '../../src/reference/genes';
import { DEMO_BUNDLE, DEMO_VCF, runCli, tmpDir } from '../helpers/cli';

/**
 * `--transcripts` end to end. The demo bundle is copied with one change to its gene models: KMT2D
 * gets a second transcript whose intron starts on the base the planted frame shift deletes (so there
 * the deletion is a splice acceptor variant, more severe than a frame shift), and its first
 * transcript loses the MANE Select flag while staying canonical. Expected: canonical = frame shift
 * on demo:KMT2D.1; all = splice acceptor on demo:KMT2D.2 with both listed; mane = KMT2D not annotated.
 */
const HPO = 'HP:0001250,HP:0004322';

function bundleWithTwoKmt2dTranscripts(): string {
  const dir = tmpDir('vartriage-tx-bundle-');
  for (const f of fs.readdirSync(DEMO_BUNDLE)) if (f !== 'genes.sqlite') fs.copyFileSync(path.join(DEMO_BUNDLE, f), path.join(dir, f));
  const demo = new GeneModels(path.join(DEMO_BUNDLE, 'genes.sqlite'));
  const genes = demo.allGenes();
  const txs: TranscriptRecord[] = genes.flatMap((g) => demo.transcriptsIn(g.chrom, g.start1, g.end1)).filter((t, i, all) => all.findIndex((u) => u.accession === t.accession) === i);
  demo.close();
  const k1 = txs.find((t) => t.accession === 'demo:KMT2D.1') as TranscriptRecord;
  k1.maneSelect = false;
  // chr12:49025149 TC>T deletes 49025150; demo:KMT2D.1 has exon 49025081-49025217 there (minus strand).
  const k2: TranscriptRecord = { ...k1, accession: 'demo:KMT2D.2', canonical: false, exons: k1.exons.flatMap(([s, e]): Array<[number, number]> => (s === 49025081 ? [[s, 49025149], [49025160, e]] : [[s, e]])) };
  writeGenesSqlite(path.join(dir, 'genes.sqlite'), genes, [...txs, k2]);
  return dir;
}

describe('vartriage run/annotate/merge --transcripts', () => {
  const bundle = bundleWithTwoKmt2dTranscripts();
  const dir = tmpDir();
  const run = (set: string | null) => {
    const out = path.join(dir, set ?? 'default');
    const r = runCli(['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', bundle, '--out', out, '-q', ...(set ? ['--transcripts', set] : [])]);
    expect(r.stderr.split('\n').filter((l) => /error/.test(l))).toEqual([]);
    expect(r.code).toBe(0);
    return { out, results: JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) };
  };
  const kmt2d = (results: { candidates: Array<{ gene: { symbol: string }; variants: Array<Record<string, unknown>> }> }) => results.candidates.find((c) => c.gene.symbol === 'KMT2D')?.variants[0];

  it('canonical (the default): one transcript per gene, as before the option', () => {
    const { results } = run(null);
    expect(results.settings.transcripts).toBe('canonical');
    expect(kmt2d(results)).toMatchObject({ transcript: 'demo:KMT2D.1', consequence: 'frameshift_variant' });
    expect(kmt2d(results)).not.toHaveProperty('transcripts');
    expect(run('canonical').results.candidates).toEqual(results.candidates);
  });

  it('all: the gene takes its most severe transcript, every transcript listed in results.json, TSV and report', () => {
    const { out, results } = run('all');
    expect(results.settings.transcripts).toBe('all');
    expect(results.command).toContain('--transcripts all');
    const v = kmt2d(results);
    expect(v).toMatchObject({ transcript: 'demo:KMT2D.2', consequence: 'splice_acceptor_variant' });
    expect((v?.transcripts as Array<{ transcript: string; consequence: string; canonical: boolean }>).map((t) => [t.transcript, t.consequence, t.canonical])).toEqual([
      ['demo:KMT2D.1', 'frameshift_variant', true],
      ['demo:KMT2D.2', 'splice_acceptor_variant', false],
    ]);
    const tsv = fs.readFileSync(path.join(out, 'candidates.tsv'), 'utf8').split('\n').map((l) => l.split('\t'));
    const col = tsv[0].indexOf('transcripts');
    expect(tsv.find((row) => row[2] === 'KMT2D')?.[col]).toMatch(/^demo:KMT2D\.1\|frameshift_variant\|[^,]*,demo:KMT2D\.2\|splice_acceptor_variant\|/);
    expect(fs.readFileSync(path.join(out, 'report.html'), 'utf8')).toMatch(/Other transcripts<\/dt><dd class="transcripts">demo:KMT2D\.1 /);
  });

  it('mane: genes without a MANE Select transcript are not annotated', () => {
    const { results } = run('mane');
    expect(results.settings.transcripts).toBe('mane');
    expect(kmt2d(results)).toBeUndefined();
  });

  it('annotate --transcripts all + merge give what run --transcripts all gives; merge refuses mixed shards', () => {
    const shard = (set: string, name: string) => {
      const r = runCli(['annotate', '--vcf', DEMO_VCF, '--reference', bundle, '--out', path.join(dir, name), '-q', '--transcripts', set]);
      expect(r.code).toBe(0);
      return path.join(dir, name);
    };
    const all = shard('all', 'all.vtshard.gz');
    const merged = path.join(dir, 'merged');
    const m = runCli(['merge', all, '--hpo', HPO, '--reference', bundle, '--out', merged, '-q']);
    expect(m.code).toBe(0);
    const results = JSON.parse(fs.readFileSync(path.join(merged, 'results.json'), 'utf8'));
    expect(results.settings.transcripts).toBe('all');
    expect(results.command).toContain('--transcripts all');
    expect(kmt2d(results)).toMatchObject({ transcript: 'demo:KMT2D.2', consequence: 'splice_acceptor_variant' });
    // Two halves annotated with different sets do not merge.
    const a = runCli(['annotate', '--vcf', DEMO_VCF, '--reference', bundle, '--out', path.join(dir, 'h1.vtshard.gz'), '-q', '--shard', '1/2', '--transcripts', 'all']);
    const b = runCli(['annotate', '--vcf', DEMO_VCF, '--reference', bundle, '--out', path.join(dir, 'h2.vtshard.gz'), '-q', '--shard', '2/2']);
    expect([a.code, b.code]).toEqual([0, 0]);
    const bad = runCli(['merge', path.join(dir, 'h1.vtshard.gz'), path.join(dir, 'h2.vtshard.gz'), '--hpo', HPO, '--reference', bundle, '--out', path.join(dir, 'mixed'), '-q']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^vartriage: error: .*h2\.vtshard\.gz: cannot merge with .*h1\.vtshard\.gz: made from another --transcripts \(canonical vs all\)\n$/);
  });

  it.each([
    ['run', ['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE]],
    ['annotate', ['annotate', '--vcf', DEMO_VCF, '--reference', DEMO_BUNDLE]],
    ['demo', ['demo']],
  ])('%s: a bad value is one error line naming the option and the choices, exit 1, no outputs', (_cmd, args) => {
    const out = path.join(dir, `bad-${_cmd}`);
    const r = runCli([...args, '--out', out, '--transcripts', 'pick']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('vartriage: error: --transcripts: "pick" is not a transcript set: expected all, mane or canonical\n');
    expect(fs.existsSync(out)).toBe(false);
  });
});
