/**
 * Gene-model readers checked against independent sources from Ensembl VEP's test data:
 * - the CDS lengths VEP's test DB gives per transcript (vep_testdb_e84_chr21.cds_check.tsv: CDS with
 *   stop codon, length a multiple of 3, first codon ATG) for the GTF and the genePred of that DB;
 * - the UCSC genePred that was converted from VEP's test GFF3 by UCSC tools, for our GFF3 reader.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseGenePred } from '../../../src/reference/parse/genePred';
import { parseGff3 } from '../../../src/reference/parse/gff3';
import { parseGtf } from '../../../src/reference/parse/gtf';
import type { TranscriptModel } from '../../../src/reference/parse/transcriptModel';
import { detectGeneFormat } from '../../../src/reference/geneSources';
import { SHARED_DATA, sharedAvailable } from '../../helpers/cli';

const VEP = path.join(SHARED_DATA, 'genes', 'vep-testdata');
const d = sharedAvailable() ? describe : describe.skip;

function cdsLength(t: TranscriptModel): number {
  if (t.cdsStart1 === null || t.cdsEnd1 === null) return 0;
  return t.exons.reduce((s, [a, b]) => s + Math.max(0, Math.min(b, t.cdsEnd1!) - Math.max(a, t.cdsStart1!) + 1), 0);
}

d('gene-model formats against VEP test data', () => {
  const expectedCds = new Map<string, number>();
  beforeAll(() => {
    const lines = fs.readFileSync(path.join(VEP, 'vep_testdb_e84_chr21.cds_check.tsv'), 'utf8').trim().split('\n').slice(1);
    for (const l of lines) {
      const c = l.split('\t');
      expectedCds.set(c[0], Number(c[3]));
    }
  });

  test.each([
    ['GTF', () => parseGtf(path.join(VEP, 'vep_testdb_e84_chr21.gtf'))],
    ['genePred', () => parseGenePred(path.join(VEP, 'vep_testdb_e84_chr21.genePred.txt'))],
  ])('%s: CDS length (with stop codon) of every checked transcript equals VEP test DB', (_name, read) => {
    const models = new Map([...read()].map((t) => [t.accession, t]));
    expect(expectedCds.size).toBeGreaterThan(20);
    for (const [acc, len] of expectedCds) {
      const t = models.get(acc);
      expect(t).toBeDefined();
      expect([acc, cdsLength(t!)]).toEqual([acc, len]);
    }
  });

  test('GFF3 (Ensembl flavour) equals the UCSC genePred converted from it: exons, CDS, strand, gene', () => {
    const ours = new Map([...parseGff3(path.join(VEP, 'vep_custom_test.gff.gz'))].map((t) => [t.accession.replace(/\.\d+$/, ''), t]));
    const theirs = [...parseGenePred(path.join(VEP, 'ensembl_e84_chr21_from_vep_test_gff.genePred.txt'))];
    expect(theirs.length).toBeGreaterThan(100);
    for (const t of theirs) {
      const o = ours.get(t.accession.replace(/\.\d+$/, ''));
      expect(o).toBeDefined();
      expect([t.accession, o!.chrom, o!.strand, o!.exons, o!.cdsStart1, o!.cdsEnd1, o!.geneSymbol]).toEqual([t.accession, t.chrom, t.strand, t.exons, t.cdsStart1, t.cdsEnd1, t.geneSymbol]);
    }
  });

  test('GFF3 (RefSeq flavour): NC_ contigs, versioned accessions, NCBI gene ids', () => {
    const models = [...parseGff3(path.join(VEP, 'vep_custom_refseq.gff.gz'))];
    expect(models.length).toBeGreaterThan(0);
    expect(models.every((m) => m.chrom === 'NC_000021.9')).toBe(true);
    const mrna = models.filter((m) => m.cdsStart1 !== null);
    expect(mrna.length).toBeGreaterThan(0);
    expect(mrna.every((m) => /^[NX]M_\d+\.\d+$/.test(m.accession) && /^[NX]P_\d+\.\d+$/.test(m.proteinAccession ?? ''))).toBe(true);
    expect(models.every((m) => /^NCBIGene:\d+$/.test(m.ncbiGeneId))).toBe(true);
  });

  test.each([
    ['vep_testdb_e84_chr21.gtf', 'gtf'],
    ['vep_custom_test.gff.gz', 'gff3'],
    ['vep_testdb_e84_chr21.genePred.txt', 'genePred'],
    ['ensembl_e84_chr21_from_vep_test_gff.genePred.txt', 'genePred'],
  ])('format of %s is recognised as %s', (file, format) => {
    expect(detectGeneFormat(path.join(VEP, file))).toBe(format);
  });

  test('refGene dump (with bin column) and MANE summary are recognised', () => {
    expect(detectGeneFormat(path.join(SHARED_DATA, 'genes', 'refGene.hg38.2017.txt.gz'))).toBe('genePred');
    expect(detectGeneFormat(path.join(SHARED_DATA, 'genes', 'MANE.GRCh38.v1.0.summary.txt.gz'))).toBe('mane-summary');
    expect(detectGeneFormat(path.join(SHARED_DATA, 'genes', 'MANE.v1.0-x-refGene.hg38.genePred.txt.gz'))).toBe('genePred');
  });
});
