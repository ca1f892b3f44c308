import type { TranscriptRecord } from '../genes';

/**
 * A transcript as read from any gene-model format, before MANE flags and canonical choice are
 * settled and contigs are mapped to the bundle's names. 1-based closed coordinates; exons sorted in
 * genomic order; CDS bounds include the stop codon.
 */
export interface TranscriptModel extends Omit<TranscriptRecord, 'maneSelect' | 'canonical'> {
  /** Contig name as the source writes it (chr1, 1, NC_000001.11). */
  chrom: string;
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
