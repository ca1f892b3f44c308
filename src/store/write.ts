import type { AnnotatedVariant } from '../annotate/types';
import type { VcfHeader } from '../io/vcfHeader';
import type { Candidate } from '../prioritise/types';
import type { Manifest } from '../reference/manifest';
import type { VariantSource } from '../shard/variantSpill';
import { StoreAssembler, StoreBuildOptions, StoreStreamInput } from './assemble';
import { ContigEncoder } from './contigEncoder';
import { sourceHeader } from './sourceFields';
import type { StoreManifest } from './storeManifest';

export type { StoreBuildOptions, StoreStreamInput } from './assemble';

export interface StoreInput {
  /** Every annotated variant; the store takes them by contig (bundle order) and position. */
  variants: VariantSource;
  candidates: Candidate[];
  header: VcfHeader;
  manifest: Manifest;
  sample: string | null;
  build: string;
  /** The run's --max-af: "rare" for the hot tier's rare protein-altering rule. */
  maxAf: number;
  /** The variants carry their input records' own fields (`--input-fields`, the default): the cold header declares them. */
  inputFields?: boolean;
}

/**
 * Writes the three tiers and `store.json` into `dir` (which the caller has reserved under a
 * temporary name: see AtomicOutputSet). `dir` must not exist yet.
 */
export function writeStore(dir: string, input: StoreInput, opts: StoreBuildOptions = {}): StoreManifest {
  const sorted = input.variants.inStoreOrder(input.manifest.contigs.map((c) => c.name));
  return buildStore(dir, sorted, storeStreamInput(input), opts);
}

/** The run facts of a store: FILTER definitions (undeclared ones added), every bundle contig and any other the variants are on. */
export function storeStreamInput(input: StoreInput): StoreStreamInput {
  const declared = new Set(input.header.lines.filter((l) => l.startsWith('##FILTER=<ID=')).map((l) => /^##FILTER=<ID=([^,>]+)/.exec(l)![1]));
  const undeclared = new Set<string>();
  for (const value of input.variants.filters()) for (const f of value.split(';')) if (f !== '.' && f !== 'PASS' && !declared.has(f)) undeclared.add(f);
  const filterLines = [
    ...input.header.lines.filter((l) => l.startsWith('##FILTER=')),
    ...[...undeclared].sort().map((f) => `##FILTER=<ID=${f},Description="Used in the input VCF without a header definition">`),
  ];
  // Every bundle contig, so lookups on a contig without variants get an empty answer, not an error.
  const contigs = [...input.manifest.contigs];
  const known = new Set(contigs.map((c) => c.name));
  for (const name of input.variants.contigs().filter((c) => !known.has(c)).sort()) contigs.push({ name, length: 0, aliases: [] });
  return { candidates: input.candidates, manifest: input.manifest, contigs, sample: input.sample, build: input.build, maxAf: input.maxAf, filterLines, ...(input.inputFields !== false ? { source: sourceHeader(input.header.lines) } : {}) };
}

/**
 * Builds a store from variants already in store order, in one pass on this thread (the benchmark
 * streams millions this way; `run` encodes contigs on its workers instead, parallelWrite.ts).
 */
export function buildStore(dir: string, variants: Iterable<AnnotatedVariant>, input: StoreStreamInput, opts: StoreBuildOptions = {}): StoreManifest {
  const store = new StoreAssembler(dir, input, opts);
  try {
    let encoder: ContigEncoder | null = null;
    let rows = 0;
    for (const v of variants) {
      if (encoder === null || encoder.contig !== v.chrom) {
        if (encoder) {
          const pieces = encoder.finish();
          rows += pieces.rows;
          store.add(pieces);
        }
        encoder = new ContigEncoder(v.chrom, store.contextFor(v.chrom, rows));
      }
      encoder.add(v);
    }
    if (encoder) store.add(encoder.finish());
    return store.finish();
  } catch (e) {
    store.abort();
    throw e;
  }
}
