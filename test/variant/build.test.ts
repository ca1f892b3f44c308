/** Genome build from ##contig lengths (VCF 4.3 §1.4.7): synthetic tables and the real headers in ../shared. */
import * as path from 'node:path';
import { readVcfHeader } from '../../src/io/vcfHeader';
import { detectBuild, GenomeBuild, PRIMARY_LENGTHS } from '../../src/variant/build';
import { SHARED_DATA, sharedAvailable } from '../helpers/cli';

const contigsOf = (build: GenomeBuild, prefix: string, names = Object.keys(PRIMARY_LENGTHS[build])) =>
  names.map((n) => ({ name: `${prefix}${n}`, length: PRIMARY_LENGTHS[build][n] }));

describe('detectBuild', () => {
  it.each([
    ['GRCh38, chr-prefixed', contigsOf('GRCh38', 'chr'), 'GRCh38', 24],
    ['GRCh37, bare names', contigsOf('GRCh37', ''), 'GRCh37', 24],
    ['GRCh37 with upper-case CHR prefix', contigsOf('GRCh37', 'CHR', ['1', '2']), 'GRCh37', 2],
    ['one contig decides', contigsOf('GRCh38', 'chr', ['21']), 'GRCh38', 1],
    ['majority wins when headers were edited', [...contigsOf('GRCh37', 'chr', ['1', '2']), ...contigsOf('GRCh38', 'chr', ['3', '4', '5'])], 'GRCh38', 3],
    ['a tie goes to GRCh38', [...contigsOf('GRCh37', '', ['1']), ...contigsOf('GRCh38', '', ['2'])], 'GRCh38', 1],
    ['no lengths: undecided', [{ name: 'chr1' }, { name: 'chr2' }], null, 0],
    ['no contigs: undecided', [], null, 0],
    ['another genome (mouse chr1 length): undecided', [{ name: 'chr1', length: 195471971 }], null, 0],
    ['chrY alone decides', contigsOf('GRCh38', 'chr', ['Y']), 'GRCh38', 1],
    ['a right length under an unknown name does not count', [{ name: 'scaffold_7', length: 248956422 }], null, 0],
  ])('%s', (_name, contigs, build, matched) => {
    expect(detectBuild(contigs)).toMatchObject({ build, matched });
  });
});

const shared = sharedAvailable();
(shared ? describe : describe.skip)('real VCF headers in ../shared/data/vcf', () => {
  it.each([
    ['pfeiffer-exome.GRCh37.exomiser-example.vcf.gz', 'GRCh37'],
    ['pfeiffer-exome.hg38.vcf.gz', 'GRCh38'],
    ['pfeiffer-exome-rare.hg38.vcf.gz', 'GRCh38'],
    ['PG_NA12878_chr21.vcf.gz', 'GRCh37'],
    ['PG_NA12878_hg38-chr21.vcf.gz', 'GRCh38'],
    ['NA12878-trio.GRCh38.ngs-bits-TrioMendelianErrors_in1.vcf.gz', 'GRCh38'],
    ['GIAB-AshkenazimTrio-HG002-HG003-HG004.GRCh37.chr1-2.slivar-tests.vcf.gz', 'GRCh37'],
  ])('%s is %s', (file, build) => {
    const header = readVcfHeader(path.join(SHARED_DATA, 'vcf', file));
    const evidence = detectBuild(header.contigs);
    expect(evidence.build).toBe(build);
    expect(evidence.matched).toBeGreaterThanOrEqual(20);
  });
});
