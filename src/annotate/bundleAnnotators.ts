import * as path from 'node:path';
import { IndexedFasta } from '../io/fasta';
import { ClinvarLookup } from '../reference/clinvar';
import { GeneModels } from '../reference/genes';
import { GnomadTable } from '../reference/gnomad';
import { Manifest, readManifest, sourceFile } from '../reference/manifest';
import { TranscriptSequenceCache } from './codingSequence';

/** Read-only openers of one bundle's annotation sources, opened once per worker thread. */
export interface BundleAnnotators {
  manifest: Manifest;
  clinvar: ClinvarLookup | null;
  genes: GeneModels | null;
  gnomad: GnomadTable | null;
  /** Genome sequence for codons and HGVS 3' shifting; null when the bundle lists no FASTA. */
  sequence: TranscriptSequenceCache | null;
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
      const fastaFile = sourceFile(key, manifest, 'fasta');
      return {
        manifest,
        clinvar: clinvarFile ? new ClinvarLookup(clinvarFile) : null,
        genes: genesFile ? new GeneModels(genesFile) : null,
        gnomad: gnomadFile ? await GnomadTable.open(gnomadFile) : null,
        sequence: fastaFile ? new TranscriptSequenceCache(IndexedFasta.open(fastaFile)) : null,
      };
    })();
    cache.set(key, p);
  }
  return p;
}
