/**
 * The install hook that builds the native reader (scripts/build-native.cjs) never fails an install:
 * without a working node-gyp, or with VARTRIAGE_NATIVE=0, it says in one line that the JavaScript
 * reader is used and exits 0.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../helpers/cli';

const SCRIPT = path.join(ROOT, 'scripts', 'build-native.cjs');

function hook(env: Record<string, string>): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stderr: r.stderr };
}

describe('scripts/build-native.cjs', () => {
  it('exits 0 with one line when node-gyp cannot build', () => {
    // A node-gyp that is not there fails at once, before it could remove the existing build.
    const r = hook({ npm_config_node_gyp: path.join(ROOT, 'no-such-node-gyp.js') });
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^vartriage: native reader not built \(node-gyp exit 1; see native\/build\.log\); the JavaScript reader is used$/)]);
  });

  it('skips the build with VARTRIAGE_NATIVE=0', () => {
    const r = hook({ VARTRIAGE_NATIVE: '0' });
    expect(r.code).toBe(0);
    expect(r.stderr.trim()).toBe('vartriage: VARTRIAGE_NATIVE=0, native reader not built; the JavaScript reader is used');
  });
});
