/**
 * `annotate --shard i/N` in N processes + `merge` gives the same bytes as one `run` (results.json,
 * candidates.tsv, report.html and every file of the store), and shards that are not one whole input
 * are refused with one line.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_BUNDLE, DEMO_VCF, ROOT, runCli, tmpDir } from '../helpers/cli';
import { compareTrees } from '../helpers/sameFiles';

const HPO = 'HP:0001250,HP:0004322';
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const RELATIVE = path.join(ROOT, 'samples', 'cohort', 'demo-relative-a.vcf.gz');
const N = 4;

function annotate(dir: string, vcf: string, i: number, n: number, extra: string[] = []): string {
  const out = path.join(dir, `shard-${i}-of-${n}.vtshard.gz`);
  const r = runCli(['annotate', '--vcf', vcf, '--reference', DEMO_BUNDLE, '--shard', `${i}/${n}`, '--out', out, '-q', ...extra], EPOCH);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return out;
}

describe('annotate + merge against run', () => {
  const base = tmpDir('vartriage-merge-');
  const shardDir = path.join(base, 'shards');
  fs.mkdirSync(shardDir);
  const shards = [1, 2, 3, 4].map((i) => annotate(shardDir, DEMO_VCF, i, N));
  // The same --out text for both: the recorded command holds it. cwd differs, so the two land apart.
  const outArg = 'out';
  const runCwd = path.join(base, 'run');
  const mergeCwd = path.join(base, 'merge');
  fs.mkdirSync(runCwd);
  fs.mkdirSync(mergeCwd);
  const options = ['--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', outArg, '--max-af', '0.05', '--top', '10'];

  beforeAll(() => {
    const merged = runCli(['merge', shards[2], shards[0], shards[3], shards[1], ...options, '-q'], EPOCH, mergeCwd);
    expect(merged.stderr).not.toMatch(/error/);
    expect(merged.code).toBe(0);
    const run = runCli(['run', '--vcf', DEMO_VCF, ...options, '--shards', String(N), '--threads', '2', '-q'], EPOCH, runCwd);
    expect(run.code).toBe(0);
  });

  it('writes byte-identical outputs, store included', () => {
    const diff = compareTrees(path.join(runCwd, outArg), path.join(mergeCwd, outArg));
    expect(diff.map((d) => d.file)).toEqual(expect.arrayContaining(['results.json', 'candidates.tsv', 'report.html', 'store/store.json', 'store/hot.sqlite', 'store/warm.sqlite', 'store/warm.blobs', 'store/variants.vcf.gz']));
    expect(diff.filter((d) => !d.same)).toEqual([]);
  });

  it('records the run-equivalent command and the shard count', () => {
    const r = JSON.parse(fs.readFileSync(path.join(mergeCwd, outArg, 'results.json'), 'utf8'));
    expect(r.command).toBe(`vartriage run --vcf ${DEMO_VCF} --hpo ${HPO} --reference ${DEMO_BUNDLE} --out out --max-af 0.05 --top 10`);
    expect(r.settings.shards).toBe(N);
    expect(r.candidates[0].gene.symbol).toBe('KMT2D');
  });

  it('differs from a run split another way only in settings.shards', () => {
    const other = path.join(base, 'default');
    fs.mkdirSync(other);
    expect(runCli(['run', '--vcf', DEMO_VCF, ...options, '--shard-bytes', '4096', '-q'], EPOCH, other).code).toBe(0);
    const a = JSON.parse(fs.readFileSync(path.join(other, outArg, 'results.json'), 'utf8'));
    const b = JSON.parse(fs.readFileSync(path.join(mergeCwd, outArg, 'results.json'), 'utf8'));
    expect(a.settings.shards).not.toBe(N);
    expect({ ...a, settings: { ...a.settings, shards: N } }).toEqual(b);
    expect(compareTrees(path.join(other, outArg, 'store'), path.join(mergeCwd, outArg, 'store')).filter((d) => !d.same)).toEqual([]);
  });

  it('writes the same shard file bytes on a repeated annotate', () => {
    const again = path.join(base, 'again');
    fs.mkdirSync(again);
    expect(fs.readFileSync(annotate(again, DEMO_VCF, 2, N)).equals(fs.readFileSync(shards[1]))).toBe(true);
  });

  describe('refuses shards that are not one whole input, with one line', () => {
    const other = path.join(base, 'other');
    fs.mkdirSync(other);
    const relative2 = annotate(other, RELATIVE, 2, N);
    const three = annotate(other, DEMO_VCF, 3, 3);
    const cases: Array<[string, () => string[], RegExp]> = [
      ['a shard of another VCF', () => [shards[0], relative2, shards[2], shards[3]], /shard-2-of-4\.vtshard\.gz: cannot merge with .*shard-1-of-4\.vtshard\.gz: made from another VCF path/],
      ['another shard count', () => [shards[0], shards[1], three], /shard-3-of-3\.vtshard\.gz: cannot merge with .*: made from another shard count \(N=3 vs N=4\)/],
      ['a missing shard', () => [shards[0], shards[1], shards[3]], /^vartriage: error: merge: shard\(s\) 3 of 4 of .* missing \(given: 1, 2, 4\)$/],
      ['a shard given twice', () => [shards[0], shards[1], shards[1], shards[3]], /shard 2\/4 is also given as/],
    ];
    it.each(cases)('%s', (_name, files, message) => {
      const out = path.join(base, 'refused');
      const r = runCli(['merge', ...files(), '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', out]);
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(fs.existsSync(out)).toBe(false);
    });

    it('another reference bundle', () => {
      const bundle = path.join(base, 'bundle');
      fs.cpSync(DEMO_BUNDLE, bundle, { recursive: true });
      const m = JSON.parse(fs.readFileSync(path.join(bundle, 'manifest.json'), 'utf8'));
      fs.writeFileSync(path.join(bundle, 'manifest.json'), JSON.stringify({ ...m, name: 'demo-copy' }, null, 2));
      const r = runCli(['merge', ...shards, '--hpo', HPO, '--reference', bundle, '--out', path.join(base, 'refused')]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(/^vartriage: error: \S+shard-1-of-4\.vtshard\.gz: annotated with reference bundle demo \(manifest sha256 [0-9a-f]{12}\) but --reference \S+ is demo-copy \([0-9a-f]{12}\); merge with the bundle the shards were annotated with$/);
    });

    it('a truncated shard file', () => {
      const cut = path.join(other, 'cut.vtshard.gz');
      const bytes = fs.readFileSync(shards[0]);
      fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 40));
      const r = runCli(['merge', cut, shards[1], shards[2], shards[3], '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', path.join(base, 'refused')]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/cut\.vtshard\.gz/);
    });

    it('a file that is not a shard file', () => {
      const r = runCli(['merge', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', path.join(base, 'refused')]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toBe(`vartriage: error: ${DEMO_VCF}:1: not a vartriage.shard/1 shard file (no format field); write it with this version's \`vartriage annotate\``);
    });
  });

  it('annotate writes nothing when it fails', () => {
    const out = path.join(base, 'failed.vtshard.gz');
    const r = runCli(['annotate', '--vcf', DEMO_VCF, '--reference', DEMO_BUNDLE, '--shard', '5/4', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('vartriage: error: --shard: "5/4" is not i/N with 1 <= i <= N');
    expect(fs.readdirSync(base).filter((f) => f.startsWith('failed'))).toEqual([]);
  });
});
