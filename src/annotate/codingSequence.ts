import type { TranscriptRecord } from '../reference/genes';
import { CodonTable, codonTableFor, reverseComplement, translate } from './translate';
import { layoutOf, TranscriptLayout } from './transcriptLayout';

/** Genome access as the consequence code needs it (IndexedFasta implements it). */
export interface GenomeSequence {
  /** Upper-case bases [start1, end1], clipped to the contig; null when the contig is absent. */
  fetch(chrom: string, start1: number, end1: number): string | null;
}

/**
 * The spliced transcript in transcript orientation, and what it encodes. `problem` says why the
 * protein cannot be trusted (N in the CDS, length not a multiple of 3, an internal stop, which is
 * what a transcript whose sequence differs from the genome looks like); then no HGVS p. is given.
 */
export interface TranscriptSequence {
  mrna: string;
  /** Reference peptide from c.1, one letter per codon, with the stop as `*` when the CDS has one. */
  peptide: string;
  table: CodonTable;
  problem: string | null;
}

export function buildTranscriptSequence(tx: TranscriptRecord, genome: GenomeSequence): TranscriptSequence | null {
  const l = layoutOf(tx);
  let mrna = '';
  for (let i = 0; i < l.exLow.length; i++) {
    const s = genome.fetch(tx.chrom, l.exLow[i], l.exHigh[i]);
    if (s === null || s.length !== l.exHigh[i] - l.exLow[i] + 1) return null;
    mrna += l.plus ? s : reverseComplement(s);
  }
  const table = codonTableFor(tx.chrom);
  return { mrna, table, ...checkCds(l, mrna, table) };
}

function checkCds(l: TranscriptLayout, mrna: string, table: CodonTable): { peptide: string; problem: string | null } {
  if (l.cdsStartN === null || l.cdsEndN === null) return { peptide: '', problem: null };
  const cds = mrna.slice(l.cdsStartN - 1, l.cdsEndN);
  if (/[^ACGT]/.test(cds)) return { peptide: '', problem: 'reference sequence has non-ACGT bases in the CDS' };
  let peptide = translate(cds, table);
  const partial = cds.slice(cds.length - (cds.length % 3));
  // Mitochondrial mRNAs end in T or TA, completed to the TAA stop by polyadenylation.
  if (table === 2 && (partial === 'T' || partial === 'TA') && !peptide.endsWith('*')) peptide += '*';
  else if (partial !== '') return { peptide, problem: `CDS length ${cds.length} is not a multiple of 3` };
  const firstStop = peptide.indexOf('*');
  if (firstStop >= 0 && firstStop < peptide.length - 1) return { peptide, problem: `internal stop codon at codon ${firstStop + 1}` };
  return { peptide, problem: null };
}

/** Transcript sequences of recently seen transcripts (a worker sweeps a region in order). */
export class TranscriptSequenceCache {
  /** Keyed by accession and locus, so shards that re-read the same models reuse the sequence. */
  private readonly map = new Map<string, TranscriptSequence | null>();

  constructor(
    private readonly genome: GenomeSequence,
    private readonly limit = 256,
  ) {}

  get(tx: TranscriptRecord): TranscriptSequence | null {
    const key = `${tx.accession}@${tx.chrom}:${tx.start1}`;
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const s = buildTranscriptSequence(tx, this.genome);
    this.map.set(key, s);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as string);
    return s;
  }

  fetch(chrom: string, start1: number, end1: number): string | null {
    return this.genome.fetch(chrom, start1, end1);
  }
}
