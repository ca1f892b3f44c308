import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnnotatedVariant } from '../../src/annotate/types';
import type { Manifest } from '../../src/reference/manifest';
import { writeStore } from '../../src/store';
import { arraySource, VariantSpill } from '../../src/shard/variantSpill';
import { ROOT, sharedAvailable, tmpDir } from '../helpers/cli';
import { chr21Variants } from '../helpers/storeFixture';

// The pool loads workers/store-contig.js from the build, as `vartriage run` does (npm test builds first).
const { writeStoreParallel } = require(path.join(ROOT, 'dist', 'src', 'store', 'parallelWrite')) as typeof import('../../src/store/parallelWrite');

const run = sharedAvailable() ? describe : describe.skip;

const manifest: Manifest = {
  schema: 1, name: 'test', build: 'GRCh38', description: '',
  contigs: [{ name: 'chr20', length: 64444167, aliases: ['20'] }, { name: 'chr21', length: 46709983, aliases: ['21'] }],
  sources: [{ kind: 'clinvar', file: 'c', version: 'v1', upstream: 'u', sha256: 'x', records: 1 }],
};
const header = { file: 'x', compression: 'bgzf' as const, fileformat: 'VCFv4.2', lines: ['##FILTER=<ID=PASS,Description="All filters passed">'], samples: ['NA12878'], contigs: [], info: new Map() };

run('the store encoded on workers from a spill', () => {
  it('is byte-identical to the store written on one thread, with 1 and 3 workers', async () => {
    const chr21 = chr21Variants(9000);
    // A second contig (the VCF lists chr21 first; the bundle orders chr20 first) and a contig the bundle lacks.
    const chr20 = chr21.slice(0, 3000).map((v) => ({ ...v, chrom: 'chr20' }));
    const extra = chr21.slice(0, 50).map((v) => ({ ...v, chrom: 'chrUn_test' }));
    const shards: AnnotatedVariant[][] = [chr21.slice(0, 4000), chr21.slice(4000), chr20.slice(0, 1000), chr20.slice(1000), extra];
    const candidates = [] as Parameters<typeof writeStore>[1]['candidates'];
    const base = tmpDir('vartriage-par-');
    writeStore(path.join(base, 'serial'), { variants: arraySource(shards.flat()), candidates, header, manifest, sample: 'NA12878', build: 'GRCh38', maxAf: 0.02 }, { blockRows: 512 });
    for (const threads of [1, 3]) {
      const spill = VariantSpill.create(base);
      shards.forEach((s, i) => spill.addVariants(i, s));
      // inlineBelow 0: the pool even for this small store (1 thread encodes on this thread).
      await writeStoreParallel(path.join(base, `parallel${threads}`), { variants: spill, candidates, header, manifest, sample: 'NA12878', build: 'GRCh38', maxAf: 0.02 }, threads, { blockRows: 512 }, undefined, 0);
      spill.remove();
      const files = fs.readdirSync(path.join(base, 'serial')).sort();
      expect(fs.readdirSync(path.join(base, `parallel${threads}`)).sort()).toEqual(files);
      for (const f of files) expect({ threads, f, same: fs.readFileSync(path.join(base, `parallel${threads}`, f)).equals(fs.readFileSync(path.join(base, 'serial', f))) }).toEqual({ threads, f, same: true });
    }
  }, 120000);

  it('stops with one error line naming a damaged spill chunk, from a worker as from this thread', async () => {
    const base = tmpDir('vartriage-par-bad-');
    const candidates = [] as Parameters<typeof writeStore>[1]['candidates'];
    for (const threads of [1, 2]) {
      const spill = VariantSpill.create(base);
      spill.addVariants(0, chr21Variants(300));
      const [chunk] = spill.chunksOf('chr21');
      fs.truncateSync(chunk.file, fs.statSync(chunk.file).size - 100);
      const written = writeStoreParallel(path.join(base, `bad${threads}`), { variants: spill, candidates, header, manifest, sample: 'NA12878', build: 'GRCh38', maxAf: 0.02 }, threads, { blockRows: 512 }, undefined, 0);
      await expect(written).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(new RegExp(`^${chunk.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: spill chunk unreadable \\(truncated`)) });
      spill.remove();
    }
  }, 60000);
});
