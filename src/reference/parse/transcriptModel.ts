import type { Strand } from '../genes';

/**
 * A transcript as read from any gene-model format, before MANE flags and canonical choice are
 * settled and contigs are mapped to the bundle's names. 1-based closed coordinates; exons sorted in
 * genomic order; CDS bounds include the stop codon.
 */
export interface TranscriptModel {
  accession: string;
  geneSymbol: string;
  /** Contig name as the source writes it (chr1, 1, NC_000001.11). */
  chrom: string;
  start1: number;
  end1: number;
  strand: Strand;
  cdsStart1: number | null;
  cdsEnd1: number | null;
  exons: Array<[number, number]>;
  biotype: string;
  proteinAccession: string | null;
  /** "MANE Select" / "MANE Plus Clinical" when the source says so, else null. */
  maneStatus: string | null;
  /** The source's own canonical flag (Ensembl_canonical tag), when it has one. */
  sourceCanonical: boolean;
  /** "NCBIGene:672" / "HGNC:1100" when the source gives them, else "". */
  ncbiGeneId: string;
  hgncId: string;
  /** 1-based line of the source where the transcript was read (for error messages). */
  lineNo: number;
}

export const unversioned = (accession: string): string => accession.replace(/\.\d+$/, '');
