import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import type { ContigEntry } from '../variant/contigs';

/**
 * `store.json`: what a store holds and which run made it. Everything `query` needs besides the tiers.
 * Schema 2: warm blocks of format 4 (columns compressed one by one, gnomAD AF derived from AC/AN)
 * and the rsID retrieval structure; 3: format 5 (the sample's call); 4: the warm blocks and rsID
 * pages in `warm.blobs` beside warm.sqlite. Older stores are refused (rebuild them).
 */
export const STORE_SCHEMA = 4;
export const STORE_MANIFEST = 'store.json';
export const HOT_FILE = 'hot.sqlite';
export const WARM_FILE = 'warm.sqlite';
export const WARM_BLOBS_FILE = 'warm.blobs';
export const COLD_FILE = 'variants.vcf.gz';

export interface ReferenceSourceOut {
  kind: string;
  version: string;
  upstream: string;
  sha256: string;
  records: number;
}

export interface StoreManifest {
  schema: typeof STORE_SCHEMA;
  tool: { name: 'vartriage'; version: string };
  sample: string | null;
  build: string;
  reference: { name: string; sources: ReferenceSourceOut[] };
  settings: { max_af: number; block_rows: number; codec: string };
  counts: { variants: number; hot: number; warm_blocks: number; candidates: number };
  /** Contigs in store order, with aliases, so `1:12345` finds `chr1`. */
  contigs: ContigEntry[];
  /** `warm_blobs`: the warm blocks and rsID index pages, at the offsets warm.sqlite records. */
  files: { hot: string; warm: string; warm_blobs: string; cold: string };
}

export function writeStoreManifest(dir: string, m: StoreManifest): void {
  fs.writeFileSync(path.join(dir, STORE_MANIFEST), JSON.stringify(m, null, 2) + '\n');
}

export function readStoreManifest(dir: string): StoreManifest {
  if (!fs.existsSync(dir)) throw new InputError(dir, 'no such store directory');
  const file = path.join(dir, STORE_MANIFEST);
  if (!fs.existsSync(file)) throw new InputError(dir, `not a vartriage store (no ${STORE_MANIFEST}); give the store/ directory of a run's output`);
  let m: Partial<StoreManifest>;
  try {
    m = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StoreManifest>;
  } catch (e) {
    throw new InputError(file, `not valid JSON: ${(e as Error).message}`);
  }
  if (m.schema !== STORE_SCHEMA) throw new InputError(file, `unsupported store schema ${String(m.schema)}, expected ${STORE_SCHEMA}; rebuild the store with this vartriage version`);
  if (!m.files || !Array.isArray(m.contigs)) throw new InputError(file, 'missing files or contigs');
  for (const f of [m.files.hot, m.files.warm, m.files.warm_blobs, m.files.cold]) {
    if (!fs.existsSync(path.join(dir, f))) throw new InputError(path.join(dir, f), 'missing: the store is incomplete');
  }
  return m as StoreManifest;
}
