import * as fs from 'node:fs';
import { DEFAULT_FILTERS } from '../../src/prioritise/filters';
import * as path from 'node:path';
import { readGenePredLite } from '../../bench/lib/genePredLite';
import { annotateShard } from '../../src/annotate/annotateShard';
import { writeGenesSqlite } from '../../src/reference/genes';
import type { Manifest } from '../../src/reference/manifest';
import { SHARED_DATA, sharedAvailable, tmpDir } from '../helpers/cli';

/**
 * Worker wiring: a bundle that lists a FASTA gets codon-level consequences and HGVS p.; the same
 * bundle without it keeps the sequence-free behaviour (coding_sequence_variant, no p.) but still
 * gives c. for substitutions. Oracle: VEP's expected ENST00000352957.8:c.991G>A / p.Ala331Thr.
 */
const describeShared = sharedAvailable() ? describe : describe.skip;

function bundle(withFasta: boolean): string {
  const dir = tmpDir('vartriage-seq-bundle-');
  const fa = path.join(SHARED_DATA, 'fasta', 'vep_testdb_GRCh38_chr21.fa.gz');
  for (const ext of ['', '.fai', '.gzi']) fs.symlinkSync(fa + ext, path.join(dir, `chr21.fa.gz${ext}`));
  const rows = readGenePredLite(path.join(SHARED_DATA, 'genes', 'vep-testdata', 'vep_testdb_e84_chr21.genePred.txt'));
  const tx = rows.filter((r) => r.extra[1] === 'MRPL39').map((r) => ({ ...r.tx, proteinAccession: r.extra[7] || null, maneSelect: r.tx.accession === 'ENST00000352957.8' }));
  writeGenesSqlite(path.join(dir, 'genes.sqlite'), [{ symbol: 'MRPL39', ncbiId: '', hgncId: 'HGNC:14027', chrom: '21', start1: 25585656, end1: 25607517, strand: '-' }], tx);
  const src = (kind: 'genes' | 'fasta', file: string) => ({ kind, file, version: 'test', upstream: 'VEP test data', sha256: '', records: 0 });
  const manifest: Manifest = {
    schema: 1, name: 'seq-test', build: 'GRCh38', description: 'test', contigs: [{ name: '21', length: 46709983, aliases: ['chr21'] }],
    sources: withFasta ? [src('genes', 'genes.sqlite'), src('fasta', 'chr21.fa.gz')] : [src('genes', 'genes.sqlite')],
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  fs.writeFileSync(path.join(dir, 'in.vcf'), '##fileformat=VCFv4.3\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n21\t25585733\trs142513484\tC\tT\t.\tPASS\t.\tGT\t0/1\n');
  return dir;
}

describeShared('annotateShard with and without a FASTA in the bundle', () => {
  async function run(withFasta: boolean) {
    const dir = bundle(withFasta);
    const out = await annotateShard({ shard: { index: 0, vcf: path.join(dir, 'in.vcf'), ranges: null, regions: null }, bundleDir: dir, read: { sampleColumn: 9, displayName: 'in.vcf', compression: 'none' }, filters: DEFAULT_FILTERS, spillDir: null });
    if (!out.ok) throw new Error(JSON.stringify(out.error));
    return out.passing[0].genes[0];
  }

  test('with FASTA: missense with VEP\'s c. and p. on the MANE-flagged transcript', async () => {
    const g = await run(true);
    expect([g.transcript, g.consequence, g.hgvsC, g.hgvsP]).toEqual(['ENST00000352957.8', 'missense_variant', 'ENST00000352957.8:c.991G>A', 'ENSP00000284967.6:p.(Ala331Thr)']);
  });

  test('without FASTA: coding_sequence_variant, c. from the model alone, no p.', async () => {
    const g = await run(false);
    expect([g.consequence, g.hgvsC, g.hgvsP]).toEqual(['coding_sequence_variant', 'ENST00000352957.8:c.991G>A', null]);
  });
});
