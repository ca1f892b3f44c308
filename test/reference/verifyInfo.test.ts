/** `reference verify` catches a changed file or a missing index; `reference info` lists the sources. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEMO_BUNDLE, runCli, tmpDir } from '../helpers/cli';

const work = tmpDir('vartriage-verify-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function copyDemo(name: string): string {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(DEMO_BUNDLE)) fs.copyFileSync(path.join(DEMO_BUNDLE, f), path.join(dir, f));
  return dir;
}

test('verify passes on an intact bundle', () => {
  const r = runCli(['reference', 'verify', copyDemo('intact')]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/clinvar\.sqlite: sha256 matches/);
  expect(r.stdout).toMatch(/gnomad\.tsv\.gz\.tbi: opens/);
});

test.each([
  ['one flipped byte in clinvar.sqlite', (dir: string) => {
    const f = path.join(dir, 'clinvar.sqlite');
    const b = fs.readFileSync(f);
    b[b.length - 10] ^= 0xff;
    fs.writeFileSync(f, b);
  }, /clinvar\.sqlite: sha256 [0-9a-f]{64} does not match the manifest's/],
  ['a missing tabix index', (dir: string) => fs.rmSync(path.join(dir, 'gnomad.tsv.gz.tbi')), /gnomad\.tsv\.gz\.tbi: missing/],
  ['a missing data file', (dir: string) => fs.rmSync(path.join(dir, 'hpo.sqlite')), /hpo\.sqlite: missing/],
])('verify fails on %s, in one line', (name, damage, message) => {
  const dir = copyDemo(name.replace(/\W+/g, '-'));
  damage(dir);
  const r = runCli(['reference', 'verify', dir]);
  expect(r.code).toBe(1);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
});

test('info lists build, every source with version and record count', () => {
  const r = runCli(['reference', 'info', DEMO_BUNDLE]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^name: +demo$/m);
  expect(r.stdout).toMatch(/^build: +GRCh38 \(25 contigs\)$/m);
  for (const kind of ['clinvar', 'gnomad', 'genes', 'hpo']) expect(r.stdout).toMatch(new RegExp(`^  ${kind} +\\S+ +\\d+ records`, 'm'));
  const json = runCli(['reference', 'info', DEMO_BUNDLE, '--json']);
  expect(JSON.parse(json.stdout)).toEqual(JSON.parse(fs.readFileSync(path.join(DEMO_BUNDLE, 'manifest.json'), 'utf8')));
});
