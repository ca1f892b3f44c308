import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import type { GenomeBuild } from '../variant/build';
import type { ContigEntry } from '../variant/contigs';

export type SourceKind = 'clinvar' | 'gnomad' | 'genes' | 'hpo' | 'fasta';

export interface SourceEntry {
  kind: SourceKind;
  /** File name inside the bundle directory. */
  file: string;
  /** Upstream release or date the file was built from. */
  version: string;
  /** Where the upstream data came from (file name or URL), for citation in reports. */
  upstream: string;
  sha256: string;
  records: number;
  /** Size of the bundle file plus its index, when recorded by `reference build`. */
  bytes?: number;
  /** sha256 of each upstream file, in the order of `upstream`. */
  upstreamSha256?: string[];
  /** What the build read, skipped and merged, by name (e.g. otherContig, duplicates). */
  counts?: Record<string, number>;
}

/** `manifest.json` of a reference bundle (DESIGN.md §3). */
export interface Manifest {
  schema: 1;
  name: string;
  build: GenomeBuild;
  description: string;
  contigs: ContigEntry[];
  sources: SourceEntry[];
}

export const MANIFEST_FILE = 'manifest.json';

export function sha256File(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

export function readManifest(bundleDir: string): Manifest {
  const file = path.join(bundleDir, MANIFEST_FILE);
  if (!fs.existsSync(bundleDir)) throw new InputError(bundleDir, 'no such reference bundle directory');
  if (!fs.existsSync(file)) throw new InputError(file, 'missing: not a reference bundle (build one with `vartriage reference build`)');
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(file, `not valid JSON: ${(e as Error).message}`);
  }
  const m = parsed as Partial<Manifest>;
  if (m.schema !== 1) throw new InputError(file, `unsupported manifest schema ${String(m.schema)}, expected 1`);
  if (m.build !== 'GRCh37' && m.build !== 'GRCh38') throw new InputError(file, `build must be GRCh37 or GRCh38, found ${String(m.build)}`);
  if (!Array.isArray(m.contigs) || !Array.isArray(m.sources)) throw new InputError(file, 'contigs and sources must be arrays');
  return m as Manifest;
}

export function sourceFile(bundleDir: string, manifest: Manifest, kind: SourceKind): string | undefined {
  const s = manifest.sources.find((x) => x.kind === kind);
  return s ? path.join(bundleDir, s.file) : undefined;
}
