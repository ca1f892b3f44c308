import type { TranscriptRecord } from '../reference/genes';
import { AlleleChange, changeKind } from './alleleChange';
import type { GenomeSequence } from './codingSequence';
import { shiftThreePrime } from './shiftThreePrime';
import { reverseComplement } from './translate';
import { formatTxPos, genomicToTx, isCoding, layoutOf, TranscriptLayout } from './transcriptLayout';

/**
 * HGVS c. (coding) or n. (non-coding) description of one allele on one transcript, with the
 * transcript accession: `NM_017446.3:c.991G>A`, `ENST00000352957:c.971_973del`.
 *
 * Substitutions and deletion-insertions are fixed by the alleles and the model alone. Pure
 * deletions, insertions and duplications need the genome: the HGVS 3' rule moves them to the most
 * 3' position of the repeat in transcript orientation, and an insertion that copies the sequence
 * just 5' of it is a `dup` (HGVS DNA recommendations, duplication). Without sequence those are
 * not described (null) rather than guessed. Variants wholly outside the transcript get none.
 */
export function hgvsC(tx: TranscriptRecord, change: AlleleChange, genome: GenomeSequence | null): string | null {
  const l = layoutOf(tx);
  const kind = changeKind(change);
  if (kind === 'none') return null;
  const txLow = tx.start1;
  const txHigh = tx.end1;
  const lowEnd = kind === 'insertion' ? change.end1 : change.start1;
  const highEnd = kind === 'insertion' ? change.start1 : change.end1;
  if (highEnd < txLow || lowEnd > txHigh) return null;
  const prefix = `${tx.accession}:${isCoding(l) ? 'c' : 'n'}.`;
  const orient = (s: string): string => (l.plus ? s : reverseComplement(s));
  if (kind === 'substitution') return `${prefix}${pos(l, change.start1)}${orient(change.ref)}>${orient(change.alt)}`;
  if (kind === 'delins') return `${prefix}${range(l, change.start1, change.end1)}delins${orient(change.alt)}`;
  if (genome === null) return null;
  const shifted = shiftThreePrime(genome, tx.chrom, change, l.plus);
  if (shifted === null) return null;
  if (kind === 'deletion') return `${prefix}${range(l, shifted.start1, shifted.end1)}del`;
  // Insertion between genomic bases end1 and start1. Its 5' neighbour in transcript orientation
  // is genomically below on the plus strand and above on the minus strand.
  const len = shifted.alt.length;
  const before = l.plus ? genome.fetch(tx.chrom, shifted.end1 - len + 1, shifted.end1) : genome.fetch(tx.chrom, shifted.start1, shifted.start1 + len - 1);
  if (before === shifted.alt) {
    const [a, b] = l.plus ? [shifted.end1 - len + 1, shifted.end1] : [shifted.start1, shifted.start1 + len - 1];
    return `${prefix}${range(l, a, b)}dup`;
  }
  const [p5, p3] = l.plus ? [shifted.end1, shifted.start1] : [shifted.start1, shifted.end1];
  return `${prefix}${pos(l, p5)}_${pos(l, p3)}ins${orient(shifted.alt)}`;
}

function pos(l: TranscriptLayout, pos1: number): string {
  return formatTxPos(l, genomicToTx(l, pos1));
}

/** A genomic range [low, high] as transcript positions 5'_3' (one position when low === high). */
function range(l: TranscriptLayout, low: number, high: number): string {
  if (low === high) return pos(l, low);
  return l.plus ? `${pos(l, low)}_${pos(l, high)}` : `${pos(l, high)}_${pos(l, low)}`;
}
