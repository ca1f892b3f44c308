/**
 * `vartriage reference fetch` against a server started here on 127.0.0.1 serving the demo bundle,
 * with HTTP Range support (RFC 9110 §14), and from a file:// mirror.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';
import { CLI, DEMO_BUNDLE, runCli, tmpDir } from '../helpers/cli';

const work = tmpDir('vartriage-fetch-');
const mirror = path.join(work, 'mirror');
let server: http.Server;
let base = '';
const requests: Array<{ url: string; range?: string }> = [];
/** Files the server corrupts (serves with the first byte flipped). */
const corrupt = new Set<string>();

beforeAll(async () => {
  fs.mkdirSync(path.join(mirror, 'demo'), { recursive: true });
  for (const f of fs.readdirSync(DEMO_BUNDLE)) fs.copyFileSync(path.join(DEMO_BUNDLE, f), path.join(mirror, 'demo', f));
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? '/').split('?')[0]);
    requests.push({ url: rel, range: req.headers.range });
    const file = path.join(mirror, rel);
    if (!file.startsWith(mirror) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    let body = fs.readFileSync(file);
    if (corrupt.has(path.basename(file))) body = Buffer.concat([Buffer.from([body[0] ^ 0xff]), body.subarray(1)]);
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (m) {
      const from = Number(m[1]);
      if (from >= body.length) {
        res.writeHead(416).end();
        return;
      }
      res.writeHead(206, { 'Content-Range': `bytes ${from}-${body.length - 1}/${body.length}`, 'Content-Length': body.length - from });
      res.end(body.subarray(from));
      return;
    }
    res.writeHead(200, { 'Content-Length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(work, { recursive: true, force: true });
});

/** Runs the CLI without blocking this process's event loop (the server lives here). */
function runCliAsync(args: string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args]);
    let stderr = '';
    let stdout = '';
    p.stderr.on('data', (d) => (stderr += d));
    p.stdout.on('data', (d) => (stdout += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stderr, stdout }));
  });
}

const sameFiles = (a: string, b: string): void => {
  for (const f of fs.readdirSync(a)) expect(fs.readFileSync(path.join(b, f)).equals(fs.readFileSync(path.join(a, f)))).toBe(true);
};

test('http: fetches every file, byte-identical, and the result verifies', async () => {
  const out = path.join(work, 'out-http');
  const r = await runCliAsync(['reference', 'fetch', '--url', base, '--name', 'demo', '--out', out, '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  sameFiles(DEMO_BUNDLE, path.join(out, 'demo'));
  expect(fs.existsSync(path.join(out, 'demo.part'))).toBe(false);
  expect(runCli(['reference', 'verify', path.join(out, 'demo')]).code).toBe(0);
});

test('http: resumes a partial download with a Range request', async () => {
  const out = path.join(work, 'out-resume');
  const staging = path.join(out, 'demo.part');
  fs.mkdirSync(staging, { recursive: true });
  const whole = fs.readFileSync(path.join(DEMO_BUNDLE, 'hpo.sqlite'));
  const half = Math.floor(whole.length / 2);
  fs.writeFileSync(path.join(staging, 'hpo.sqlite.part'), whole.subarray(0, half));
  requests.length = 0;
  const r = await runCliAsync(['reference', 'fetch', '--url', base, '--name', 'demo', '--out', out, '--quiet']);
  expect(r.code).toBe(0);
  expect(requests.find((q) => q.url === '/demo/hpo.sqlite')?.range).toBe(`bytes=${half}-`);
  sameFiles(DEMO_BUNDLE, path.join(out, 'demo'));
});

test('http: a file whose sha256 does not match the manifest is refused, nothing is installed', async () => {
  const out = path.join(work, 'out-corrupt');
  corrupt.add('genes.sqlite');
  try {
    const r = await runCliAsync(['reference', 'fetch', '--url', base, '--name', 'demo', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/genes\.sqlite: sha256 [0-9a-f]{64} does not match the manifest's/);
    expect(fs.existsSync(path.join(out, 'demo'))).toBe(false);
  } finally {
    corrupt.delete('genes.sqlite');
  }
});

test('http: an unknown bundle name is a one-line 404 error', async () => {
  const r = await runCliAsync(['reference', 'fetch', '--url', base, '--name', 'nope', '--out', path.join(work, 'out-404'), '--quiet']);
  expect(fs.existsSync(path.join(work, 'out-404', 'nope.part'))).toBe(false);
  expect(r.code).toBe(1);
  expect(r.stderr.trim()).toMatch(/^vartriage: error: http:\/\/127\.0\.0\.1:\d+\/nope\/manifest\.json: HTTP 404/);
});

test('file:// mirror works too', () => {
  const out = path.join(work, 'out-file');
  const r = runCli(['reference', 'fetch', '--url', pathToFileURL(mirror).toString(), '--name', 'demo', '--out', out, '--quiet']);
  expect(r.code).toBe(0);
  sameFiles(DEMO_BUNDLE, path.join(out, 'demo'));
});
