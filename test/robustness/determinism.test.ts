/**
 * Determinism: the same input gives byte-identical outputs whatever the number of workers and
 * however often it runs; the one clock reading (`started`) comes from SOURCE_DATE_EPOCH when set
 * (reproducible-builds.org). The recorded command holds --out, so every run reuses one output path.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_BUNDLE, DEMO_VCF, runCli, SHARED_DATA, sharedAvailable, tmpDir } from '../helpers/cli';

// The store too: its tiers are rebuilt from the spilled shards in store order (src/shard/variantSpill.ts).
const OUTPUTS = ['results.json', 'candidates.tsv', 'report.html', 'store/store.json', 'store/hot.sqlite', 'store/warm.sqlite', 'store/warm.blobs', 'store/variants.vcf.gz', 'store/variants.vcf.gz.tbi'];
const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const EPOCH_ISO = '2023-11-14T22:13:20.000Z';

/** Runs the CLI into `out` (emptied first) and returns the bytes of each output. */
function runInto(out: string, vcf: string, hpo: string, threads: number, env: Record<string, string>): Buffer[] {
  fs.rmSync(out, { recursive: true, force: true });
  const r = runCli(['run', '--vcf', vcf, '--hpo', hpo, '--reference', DEMO_BUNDLE, '--out', out, '--threads', String(threads), '--shard-bytes', '4096', '-q'], env);
  expect(r.stderr).not.toMatch(/error/);
  expect(r.code).toBe(0);
  return OUTPUTS.map((f) => fs.readFileSync(path.join(out, f)));
}

const inputs: Array<[string, string, string]> = [['demo proband (23 shards)', DEMO_VCF, 'HP:0001250,HP:0004322,HP:0001263']];
if (sharedAvailable()) inputs.push(['pfeiffer-exome-rare.hg38 (real exome excerpt)', path.join(SHARED_DATA, 'vcf', 'pfeiffer-exome-rare.hg38.vcf.gz'), 'HP:0001250,HP:0004322']);

describe.each(inputs)('%s', (_name, vcf, hpo) => {
  const out = path.join(tmpDir('vartriage-det-'), 'out');

  it('gives byte-identical outputs with 1, 2 and 4 workers and on a repeated run', () => {
    const runs = [1, 2, 4, 4].map((threads) => ({ threads, bytes: runInto(out, vcf, hpo, threads, EPOCH) }));
    const [first, ...rest] = runs;
    for (const run of rest) {
      OUTPUTS.forEach((name, i) => expect({ threads: run.threads, name, identical: run.bytes[i].equals(first.bytes[i]) }).toEqual({ threads: run.threads, name, identical: true }));
    }
    const results = JSON.parse(first.bytes[0].toString('utf8'));
    expect(results.started).toBe(EPOCH_ISO);
    expect(results.command).not.toMatch(/--threads|--shard-bytes|-q\b/);
    expect(results.settings.shards).toBeGreaterThan(1);
    expect(first.bytes[2].toString('utf8')).toContain(EPOCH_ISO);
  });

  it('without SOURCE_DATE_EPOCH only the start time differs', () => {
    const pinned = runInto(out, vcf, hpo, 2, EPOCH);
    const now = runInto(out, vcf, hpo, 2, { SOURCE_DATE_EPOCH: '' });
    const started = JSON.parse(now[0].toString('utf8')).started as string;
    expect(started).not.toBe(EPOCH_ISO);
    expect(Math.abs(Date.parse(started) - Date.now())).toBeLessThan(120000);
    OUTPUTS.forEach((name, i) => expect({ name, same: now[i].toString('utf8').split(started).join(EPOCH_ISO) === pinned[i].toString('utf8') }).toEqual({ name, same: true }));
  });
});

describe('a malformed SOURCE_DATE_EPOCH', () => {
  it.each(['yesterday', '-1', '1.5', '99999999999999999999'])('"%s" is refused with one line, as the reproducible-builds spec asks', (value) => {
    const out = path.join(tmpDir('vartriage-det-'), 'out');
    const r = runCli(['run', '--vcf', DEMO_VCF, '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE, '--out', out], { SOURCE_DATE_EPOCH: value });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`vartriage: error: SOURCE_DATE_EPOCH: "${value}" is not a whole number of seconds since 1970-01-01`);
    expect(fs.existsSync(out)).toBe(false);
  });
});
