import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors';
import type { Logger } from '../log';
import { Manifest, MANIFEST_FILE, readManifest, sha256File } from './manifest';

export interface FetchOptions {
  /** Mirror base URL (http:, https: or file:); the bundle is at BASE/NAME/. */
  url: string;
  name: string;
  /** Directory that receives OUT/NAME. */
  out: string;
  log: Logger;
}

/**
 * Downloads a bundle: manifest first, then every file it names (and their indexes), each into
 * `OUT/NAME.part/<file>.part`. A rerun after an interruption resumes each partial file with an HTTP
 * Range request (RFC 9110 §14) and restarts it when the server ignores the range. Every data file is
 * checked against the manifest's sha256; only then is `OUT/NAME.part` renamed to `OUT/NAME`.
 * The staging name has no pid on purpose: a later run must find the partial files to resume.
 */
export async function fetchBundle(o: FetchOptions): Promise<string> {
  if (!/^[\w.-]+$/.test(o.name)) throw new InputError(o.name, 'bundle name may hold only letters, digits, ".", "_" and "-"');
  const final = path.resolve(o.out, o.name);
  if (fs.existsSync(final)) throw new InputError(final, 'already exists: remove it or choose another --out');
  const staging = `${final}.part`;
  fs.mkdirSync(staging, { recursive: true });
  const base = o.url.replace(/\/+$/, '') + '/' + encodeURIComponent(o.name) + '/';
  const manifestPath = path.join(staging, MANIFEST_FILE);
  try {
    await download(base + MANIFEST_FILE, manifestPath, o.log, false);
  } catch (e) {
    // Nothing worth resuming yet: leave no staging directory behind.
    if (fs.readdirSync(staging).every((f) => f.startsWith(MANIFEST_FILE))) fs.rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  const manifest: Manifest = readManifest(staging);
  for (const s of manifest.sources) {
    if (!/^[\w.-]+$/.test(s.file)) throw new InputError(manifestPath, `source file name "${s.file}" is not a plain file name`);
    const target = path.join(staging, s.file);
    if (!(fs.existsSync(target) && sha256File(target) === s.sha256)) {
      await download(base + encodeURIComponent(s.file), target, o.log, true);
      const got = sha256File(target);
      if (got !== s.sha256) {
        fs.rmSync(target, { force: true });
        throw new InputError(base + s.file, `sha256 ${got} does not match the manifest's ${s.sha256}: the mirror's copy is corrupt or changed (the bad file was removed; rerun to fetch it again)`);
      }
    }
    for (const ix of indexFilesOf(s.file, s.kind)) {
      const ixTarget = path.join(staging, ix);
      if (!fs.existsSync(ixTarget)) await download(base + encodeURIComponent(ix), ixTarget, o.log, true, s.kind === 'fasta' && ix.endsWith('.gzi') && !s.file.endsWith('.gz'));
    }
  }
  fs.renameSync(staging, final);
  return final;
}

/** Index files that travel with a bundle file: .tbi for the tabix table, .fai/.gzi for the FASTA. */
export function indexFilesOf(file: string, kind: string): string[] {
  if (kind === 'gnomad') return [`${file}.tbi`];
  if (kind === 'fasta') return file.endsWith('.gz') ? [`${file}.fai`, `${file}.gzi`] : [`${file}.fai`];
  return [];
}

/** Downloads `url` to `target`, via `target.part`, resuming a partial download when `resume`. */
async function download(url: string, target: string, log: Logger, resume: boolean, optional = false): Promise<void> {
  const part = `${target}.part`;
  const have = resume && fs.existsSync(part) ? fs.statSync(part).size : 0;
  if (have > 0) log.info(`resuming ${path.basename(target)} at byte ${have}`);
  else log.info(`fetching ${url}`);
  if (url.startsWith('file:')) {
    const src = fileURLToPath(url);
    if (!fs.existsSync(src)) {
      if (optional) return;
      throw new InputError(url, 'not found on the mirror');
    }
    await copyFrom(fs.createReadStream(src, { start: have }), part, have > 0);
  } else {
    await httpDownload(url, part, have);
  }
  fs.renameSync(part, target);
}

function copyFrom(stream: NodeJS.ReadableStream, part: string, append: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(part, { flags: append ? 'a' : 'w' });
    stream.on('error', reject);
    out.on('error', reject);
    out.on('finish', () => resolve());
    stream.pipe(out);
  });
}

function httpDownload(url: string, part: string, have: number, redirects = 5): Promise<void> {
  const get = url.startsWith('https:') ? https.get : url.startsWith('http:') ? http.get : null;
  if (!get) return Promise.reject(new InputError(url, 'unsupported URL scheme: use http:, https: or file:'));
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: have > 0 ? { Range: `bytes=${have}-` } : {} }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location && redirects > 0) {
        res.resume();
        httpDownload(new URL(res.headers.location, url).toString(), part, have, redirects - 1).then(resolve, reject);
        return;
      }
      if (status === 416 && have > 0) {
        // Range not satisfiable: the partial file is already complete (or longer than the file); the sha256 check decides.
        res.resume();
        resolve();
        return;
      }
      if (status !== 200 && status !== 206) {
        res.resume();
        reject(new InputError(url, `HTTP ${status} ${res.statusMessage ?? ''}`.trim()));
        return;
      }
      // 206 continues the partial file; 200 means the server sent the whole file, so start over.
      copyFrom(res, part, status === 206).then(resolve, reject);
    });
    req.on('error', (e) => reject(new InputError(url, `download failed: ${e.message} (rerun to resume)`)));
  });
}
