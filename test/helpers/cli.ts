import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
export const DEMO_VCF = path.join(ROOT, 'samples', 'demo-proband.vcf.gz');
export const DEMO_BUNDLE = path.join(ROOT, 'reference', 'demo');
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const SHARED_DATA = path.join(SHARED, 'data');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the compiled CLI as a user would, in a child process. */
export function runCli(args: string[], env: Record<string, string> = {}, cwd?: string): CliResult {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does it)`);
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300000, cwd });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tmpDir(prefix = 'vartriage-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Lines a describe() can show when ../shared is absent, so skips are visible rather than silent. */
export function sharedAvailable(): boolean {
  const ok = fs.existsSync(SHARED_DATA);
  if (!ok) process.stderr.write(`skipping tests on real data: ${SHARED_DATA} is absent\n`);
  return ok;
}
