/** Contig-name aliasing: chr1 ↔ 1 ↔ NC_000001.11, chrM ↔ MT, as the bundle's manifest declares. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { primaryContigs } from '../../src/variant/assemblies';
import { ContigAliases, standardAliases } from '../../src/variant/contigs';
import { DEMO_BUNDLE } from '../helpers/cli';

describe('ContigAliases over the GRCh38 primary assembly', () => {
  const aliases = new ContigAliases(primaryContigs('GRCh38'));
  it.each([
    ['chr1', 'chr1'],
    ['1', 'chr1'],
    ['NC_000001.11', 'chr1'],
    ['chrX', 'chrX'],
    ['X', 'chrX'],
    ['NC_000023.11', 'chrX'],
    ['chrM', 'chrM'],
    ['M', 'chrM'],
    ['MT', 'chrM'],
    ['chrMT', 'chrM'],
    ['NC_012920.1', 'chrM'],
    ['Chr7', 'chr7'],
    ['NC_000001.10', undefined],
    ['chr1_KI270706v1_random', undefined],
    ['chrUn_KI270742v1', undefined],
    ['HLA-A*01:01:01:01', undefined],
    ['chr23', undefined],
    ['', undefined],
  ])('%s -> %s', (name, canonical) => expect(aliases.canonical(name)).toBe(canonical));

  it('lengths are the canonical contigs\'', () => {
    expect(aliases.length('chr1')).toBe(248956422);
    expect(aliases.length('chrM')).toBe(16569);
    expect(aliases.length('1')).toBeUndefined();
  });

  it('GRCh37 RefSeq accessions map to GRCh37 contigs only', () => {
    const b37 = new ContigAliases(primaryContigs('GRCh37'));
    expect(b37.canonical('NC_000001.10')).toBe('chr1');
    expect(b37.canonical('NC_000001.11')).toBeUndefined();
  });
});

describe('standardAliases', () => {
  it.each([
    ['chr1', 'NC_000001.11', ['1', 'NC_000001.11']],
    ['chrM', 'NC_012920.1', ['M', 'MT', 'chrMT', 'NC_012920.1']],
    ['chrX', undefined, ['X']],
  ])('%s', (name, refseq, expected) => expect(standardAliases(name, refseq)).toEqual(expected));
});

describe('the demo bundle manifest', () => {
  it('declares the GRCh38 primary contigs with their aliases', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(DEMO_BUNDLE, 'manifest.json'), 'utf8'));
    const aliases = new ContigAliases(manifest.contigs);
    for (const [name, canonical] of [['1', 'chr1'], ['NC_000012.12', 'chr12'], ['MT', 'chrM']]) expect(aliases.canonical(name)).toBe(canonical);
  });
});
