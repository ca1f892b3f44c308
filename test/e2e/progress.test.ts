import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CLI, DEMO_BUNDLE, DEMO_VCF, hasCommand, runCli, tmpDir } from '../helpers/cli';

const HPO = 'HP:0001250,HP:0004322';

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Runs the CLI with a pseudo-terminal as stdout and stderr (util-linux `script`); returns what the terminal showed. */
function runOnTerminal(args: string[]): { code: number; screen: string } {
  const cmd = [process.execPath, CLI, ...args].map(shellQuote).join(' ');
  const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', timeout: 120000, env: { ...process.env, COLUMNS: '100' } });
  return { code: r.status ?? -1, screen: r.stdout };
}

const describeTty = hasCommand('script') ? describe : describe.skip;
if (!hasCommand('script')) process.stderr.write('skipping terminal progress tests: `script` (util-linux) is absent\n');

describe('progress and logs on stderr', () => {
  const dir = tmpDir();
  const args = (out: string) => ['run', '--vcf', DEMO_VCF, '--hpo', HPO, '--reference', DEMO_BUNDLE, '--out', path.join(dir, out), '--threads', '2'];

  describeTty('on a terminal', () => {
    it('shows a progress bar with variants, rate and ETA, and clears it before the summary', () => {
      const r = runOnTerminal(args('tty'));
      expect(r.code).toBe(0);
      expect(r.screen).toMatch(/\rannotating \[[#-]+\]\s+\d+%\s+\d+ variants\s+\d+\/s\s+ETA \d\d:\d\d/);
      expect(r.screen).toMatch(/100%\s+1474 variants/);
      // The bar is cleared before the next message (a warning or the summary).
      expect(r.screen).toMatch(/\r\x1b\[Kvartriage: /);
      expect(r.screen).toMatch(/vartriage: 1474 variants/);
    });

    it('shows no bar with --quiet', () => {
      const r = runOnTerminal([...args('tty-quiet'), '--quiet']);
      expect(r.code).toBe(0);
      // Only warnings remain; no bar, no progress text.
      expect(r.screen).not.toMatch(/annotating|\x1b\[K/);
    });
  });

  it('shows no bar when stderr is a pipe', () => {
    const r = runCli(args('pipe'));
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/[\r\x1b]/);
    expect(r.stderr).toMatch(/^vartriage: annotating/);
  });

  it('writes one JSON object per line with --log-format json, progress included', () => {
    const r = runCli([...args('json'), '--log-format', 'json']);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { level: string; msg: string; records?: number });
    expect(lines.map((l) => l.level)).toEqual(expect.arrayContaining(['info', 'progress']));
    expect(lines.filter((l) => l.level === 'progress' && l.msg === 'annotating').pop()).toMatchObject({ records: 1474, fraction: 1 });
    // The store is a second step with its own progress: every annotated variant written.
    expect(lines.filter((l) => l.level === 'progress' && l.msg === 'writing store').pop()).toMatchObject({ records: 1474, fraction: 1 });
    // The opening record says which reader ran (the native addon, or JavaScript and why).
    expect(lines[0]).toMatchObject({ level: 'info', shards: expect.any(Number), reader: expect.stringMatching(/^(native \((libdeflate|zlib)\)|JavaScript \(.+\))$/) });
    // The closing record carries the run's figures for pipelines.
    expect(lines[lines.length - 1]).toMatchObject({ level: 'info', variants: 1474, peak_rss_mb: expect.any(Number), annotate_s: expect.any(Number), write_s: expect.any(Number) });
  });
});
