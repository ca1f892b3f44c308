import * as path from 'node:path';
import { ClinvarLookup } from '../reference/clinvar';
import { GeneModels } from '../reference/genes';
import { GnomadTable } from '../reference/gnomad';
import { Manifest, readManifest, sourceFile } from '../reference/manifest';

/** Read-only openers of one bundle's annotation sources, opened once per worker thread. */
export interface BundleAnnotators {
  manifest: Manifest;
  clinvar: ClinvarLookup | null;
  genes: GeneModels | null;
  gnomad: GnomadTable | null;
}

const cache = new Map<string, Promise<BundleAnnotators>>();

export function openBundleAnnotators(bundleDir: string): Promise<BundleAnnotators> {
  const key = path.resolve(bundleDir);
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const manifest = readManifest(key);
      const clinvarFile = sourceFile(key, manifest, 'clinvar');
      const genesFile = sourceFile(key, manifest, 'genes');
      const gnomadFile = sourceFile(key, manifest, 'gnomad');
      return {
        manifest,
        clinvar: clinvarFile ? new ClinvarLookup(clinvarFile) : null,
        genes: genesFile ? new GeneModels(genesFile) : null,
        gnomad: gnomadFile ? await GnomadTable.open(gnomadFile) : null,
      };
    })();
    cache.set(key, p);
  }
  return p;
}
