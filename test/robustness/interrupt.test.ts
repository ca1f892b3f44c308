/**
 * Interruptions: a signal during a run, a worker that crashes, a disk that fills up. In every case
 * the output directory ends empty or complete, no `*.tmp-<pid>` file is left, and stderr ends with
 * one line saying what happened.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, DEMO_BUNDLE, DEMO_VCF, tmpDir } from '../helpers/cli';
import { writeBigDemoVcf } from './helpers/bigVcf';

const FAULTS = path.join(__dirname, 'helpers', 'inject-fault.js');
const OUTPUTS = ['candidates.tsv', 'report.html', 'results.json', 'store'];

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, stderr: () => err, exited };
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Output dir holds the three outputs or nothing, and no temporary file anywhere under `base`. */
function expectEmptyOrComplete(out: string, base: string): 'empty' | 'complete' {
  const files = fs.existsSync(out) ? fs.readdirSync(out).sort() : [];
  const leftovers = fs.readdirSync(base, { recursive: true }).map(String).filter((f) => f.includes('.tmp-'));
  expect(leftovers).toEqual([]);
  if (files.length === 0) return 'empty';
  expect(files).toEqual(OUTPUTS);
  JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
  return 'complete';
}

const lastLine = (s: string): string => s.trim().split('\n').pop() ?? '';

describe('SIGINT/SIGTERM during a run', () => {
  const base = tmpDir('vartriage-int-');
  const bigVcf = path.join(base, 'big.vcf');
  beforeAll(() => writeBigDemoVcf(bigVcf, 40));

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s while workers annotate stops the pool and exits %i with no output', async (signal, code) => {
    const out = path.join(base, `busy-${signal}`);
    // The worker spins for 60 s: a prompt exit shows the pool was torn down, not waited for.
    const run = start(['run', '--vcf', DEMO_VCF, '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE, '--out', out, '--threads', '2'], {
      NODE_OPTIONS: `--require ${FAULTS}`,
      VARTRIAGE_FAULT: 'worker-busy',
    });
    await waitFor(() => run.stderr().includes('annotating'), 15000);
    await new Promise((r) => setTimeout(r, 300));
    const sentAt = Date.now();
    run.child.kill(signal);
    const { code: exitCode } = await run.exited;
    expect(Date.now() - sentAt).toBeLessThan(5000);
    expect(exitCode).toBe(code);
    expect(lastLine(run.stderr())).toBe(`vartriage: interrupted by ${signal}; workers stopped, temporary files removed`);
    expect(run.stderr()).not.toMatch(/error|\n\s+at /);
    expect(expectEmptyOrComplete(out, base)).toBe('empty');
  });

  // A real input interrupted at several moments: whatever the phase, all outputs or none.
  it.each([
    ['SIGINT', 0],
    ['SIGTERM', 400],
    ['SIGINT', 900],
    ['SIGTERM', 1600],
  ] as const)('%s %i ms into annotation leaves the output empty or complete', async (signal, delayMs) => {
    const out = path.join(base, `real-${signal}-${delayMs}`);
    const run = start(['run', '--vcf', bigVcf, '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE, '--out', out]);
    await waitFor(() => run.stderr().includes('annotating'), 15000);
    await new Promise((r) => setTimeout(r, delayMs));
    run.child.kill(signal);
    const { code, signal: killedBy } = await run.exited;
    const state = expectEmptyOrComplete(out, base);
    const signalCode = signal === 'SIGINT' ? 130 : 143;
    // Stopped before the outputs were in place: the handler ran, so the signal's exit code and nothing written.
    if (state === 'empty') expect(code).toBe(signalCode);
    // Outputs already in place: a normal exit, or the signal caught the process while it exited (Node
    // restores the default action as it closes its handles, so the process may die by the signal itself).
    else expect([0, signalCode, `killed by ${signal}`]).toContain(code ?? `killed by ${killedBy}`);
  });
});

describe('a signal once the outputs are in place', () => {
  const base = tmpDir('vartriage-late-');
  it('leaves them complete, exits 143 and says they are complete', async () => {
    const out = path.join(base, 'late');
    const run = start(['run', '--vcf', DEMO_VCF, '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE, '--out', out], {
      NODE_OPTIONS: `--require ${FAULTS}`,
      VARTRIAGE_FAULT: 'hold-after-store',
    });
    // The store is the last output renamed; the fault holds the process there for 3 s.
    await waitFor(() => fs.existsSync(path.join(out, 'store')), 15000);
    run.child.kill('SIGTERM');
    const { code } = await run.exited;
    expect(code).toBe(143);
    expect(lastLine(run.stderr())).toBe(`vartriage: interrupted by SIGTERM after the outputs in ${out} were complete`);
    expect(expectEmptyOrComplete(out, base)).toBe('complete');
  });
});

describe('a worker that crashes fails the run with one clear line', () => {
  const base = tmpDir('vartriage-crash-');
  it.each([
    ['throws an unexpected error', 'worker-throw', /simulated bug in a worker/],
    ['exits abruptly', 'worker-exit', /exit/i],
  ])('a worker that %s', async (_what, fault, cause) => {
    const out = path.join(base, fault);
    const run = start(['run', '--vcf', DEMO_VCF, '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE, '--out', out, '--threads', '2'], {
      NODE_OPTIONS: `--require ${FAULTS}`,
      VARTRIAGE_FAULT: fault,
    });
    const { code } = await run.exited;
    expect(code).toBe(70);
    const errors = run.stderr().split('\n').filter((l) => /error/.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBe(lastLine(run.stderr()));
    expect(errors[0]).toMatch(/^vartriage: internal error: worker thread failed on shard \d+\/\d+ \(chr\w+:\d+-\d+( to chr\w+:\d+-\d+)?\): /);
    expect(errors[0]).toMatch(cause);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
    expect(expectEmptyOrComplete(out, base)).toBe('empty');
  });
});

describe('a write error gives one clear line and no corrupt output', () => {
  const base = tmpDir('vartriage-full-');

  it.each(OUTPUTS)('a full disk while writing %s (simulated ENOSPC)', (name) => {
    const out = path.join(base, `enospc-${name}`);
    const r = spawnSync(process.execPath, [CLI, 'run', '--vcf', DEMO_VCF, '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE, '--out', out, '-q'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--require ${FAULTS}`, VARTRIAGE_FAULT: `enospc:${name}` },
    });
    expect(r.status).toBe(1);
    expect(lastLine(r.stderr)).toBe(`vartriage: error: ${path.join(out, name)}: cannot write (ENOSPC: no space left on device); no output was written`);
    expect(expectEmptyOrComplete(out, base)).toBe('empty');
  });

  // A real full disk: a 16 KiB tmpfs holds results.json (about 14 KB) but not all three outputs.
  const mountPoint = path.join(base, 'tiny-tmpfs');
  fs.mkdirSync(mountPoint);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mountPoint]).status === 0;
  if (!mounted) process.stderr.write('skipping the real-tmpfs test: `mount -t tmpfs` is not permitted here (the simulated ENOSPC tests still run)\n');
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
  });

  (mounted ? it : it.skip)('a full tmpfs: exit 1 naming the file and ENOSPC, nothing left on the filesystem', () => {
    const out = path.join(mountPoint, 'out');
    const r = spawnSync(process.execPath, [CLI, 'run', '--vcf', DEMO_VCF, '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE, '--out', out, '-q'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    // The first write to fail may be an output or the spill of annotated variants the store waits for.
    expect(lastLine(r.stderr)).toMatch(new RegExp(`^vartriage: error: ${out}/(\\.vartriage-spill-\\w+/)?[\\w-]+\\.\\w+: cannot write \\(ENOSPC: no space left on device\\); no output was written$`));
    expect(expectEmptyOrComplete(out, mountPoint)).toBe('empty');
  });

  it('an output directory that cannot be created (a file is in the way)', () => {
    const blocker = path.join(base, 'not-a-dir');
    fs.writeFileSync(blocker, 'x');
    const out = path.join(blocker, 'out');
    const r = spawnSync(process.execPath, [CLI, 'run', '--vcf', DEMO_VCF, '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE, '--out', out, '-q'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(lastLine(r.stderr)).toMatch(new RegExp(`^vartriage: error: ${out}(/results\\.json)?: cannot write \\((ENOTDIR|EEXIST): .*\\); no output was written$`));
    expect(fs.readFileSync(blocker, 'utf8')).toBe('x');
  });
});
