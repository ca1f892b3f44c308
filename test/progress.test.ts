import { createProgress, etaSeconds, formatDuration, ProgressStream, renderBar, shardWeight } from '../src/progress';

class FakeStream implements ProgressStream {
  chunks: string[] = [];
  constructor(readonly isTTY: boolean, readonly columns = 80) {}
  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }
  get text(): string {
    return this.chunks.join('');
  }
}

/** Runs 4 shards of equal weight, 1,000 records each, one second apart. */
function simulate(opts: { quiet?: boolean; format?: 'text' | 'json'; tty: boolean }): FakeStream {
  const stream = new FakeStream(opts.tty);
  let t = 0;
  const p = createProgress({ quiet: opts.quiet ?? false, format: opts.format ?? 'text', stream, now: () => t });
  p.start([10, 10, 10, 10]);
  for (let i = 0; i < 4; i++) {
    t += 1000;
    p.shardDone(i, 1000);
  }
  p.finish();
  return stream;
}

describe('progress', () => {
  it('draws a bar with variants done, rate and ETA on a terminal, then clears it', () => {
    const s = simulate({ tty: true });
    const frames = s.text.split('\r').filter(Boolean);
    expect(frames[1]).toMatch(/^annotating \[#+-+\]\s+25%  1000 variants  1000\/s  ETA 00:03\x1b\[K$/);
    expect(frames).toContainEqual(expect.stringMatching(/100%  4000 variants  1000\/s  ETA 00:00/));
    expect(s.text.endsWith('\r\x1b[K')).toBe(true);
    expect(s.text).not.toContain('\n');
  });

  it.each([
    ['stderr is not a terminal', { tty: false }],
    ['--quiet on a terminal', { tty: true, quiet: true }],
    ['--quiet with JSON logs', { tty: false, quiet: true, format: 'json' as const }],
  ])('writes nothing when %s', (_name, opts) => {
    expect(simulate(opts).text).toBe('');
  });

  it('writes JSON lines, never a bar, with --log-format json (even on a terminal)', () => {
    const s = simulate({ tty: true, format: 'json' });
    expect(s.text).not.toContain('\r');
    const lines = s.text.trim().split('\n').map((l) => JSON.parse(l));
    // Throttled to one line per 2 s, plus the final one.
    expect(lines.length).toBeLessThan(4);
    expect(lines[lines.length - 1]).toEqual({ level: 'progress', msg: 'annotating', shards_done: 4, shards: 4, records: 4000, fraction: 1, rate_per_s: 1000, eta_s: 0 });
  });

  it('estimates the time left from the work done, weighted by shard size', () => {
    expect(etaSeconds({ shardsDone: 1, shards: 2, records: 0, fraction: 0.25, elapsedMs: 10000 })).toBe(30);
    expect(etaSeconds({ shardsDone: 0, shards: 2, records: 0, fraction: 0, elapsedMs: 10000 })).toBeNull();
    expect(shardWeight({ ranges: [{ startBlock: 100, endBlock: 400 }, { startBlock: 500, endBlock: 600 }] })).toBe(400);
    expect(shardWeight({ ranges: null })).toBe(1);
  });

  it.each([
    [null, '--:--'],
    [0, '00:00'],
    [59.4, '00:59'],
    [3725, '1:02:05'],
  ])('formats %p seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('fits the bar in the terminal width', () => {
    const line = renderBar({ shardsDone: 3, shards: 7, records: 1234567, fraction: 0.43, elapsedMs: 65000 }, 80);
    expect(line.length).toBeLessThanOrEqual(80);
    expect(line).toContain('1.2M variants');
  });
});
