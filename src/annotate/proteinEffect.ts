import type { AlleleChange } from './alleleChange';
import type { TranscriptSequence } from './codingSequence';
import { describeProteinChange, ProteinChange } from './hgvsP';
import { reverseComplement, translate } from './translate';
import { genomicToTx, TranscriptLayout } from './transcriptLayout';

export type ProteinOutcome =
  | { kind: 'change'; change: ProteinChange; frameshift: boolean; lengthDelta: number }
  /** The change is not wholly inside the CDS exons (UTR, intron, splice junction): no p. from sequence. */
  | { kind: 'outside' }
  /** The sequence cannot support a protein description; `problem` says why. */
  | { kind: 'unsupported'; problem: string };

/**
 * Applies one allele to the coding sequence and compares the peptides. Only the codons the change
 * touches are translated for in-frame changes; frame shifts and changes of the stop codon are
 * translated on into the 3' UTR until the first stop (HGVS fs/ext need the new stop's position).
 */
export function proteinEffect(l: TranscriptLayout, seq: TranscriptSequence, change: AlleleChange): ProteinOutcome {
  if (l.cdsStartN === null || l.cdsEndN === null) return { kind: 'outside' };
  const delLen = change.end1 - change.start1 + 1;
  let c0: number; // 0-based CDS index of the first replaced base, or of the base after an insertion
  if (delLen === 0) {
    const a = genomicToTx(l, change.end1);
    const b = genomicToTx(l, change.start1);
    if (a.offset !== 0 || b.offset !== 0 || Math.abs(a.n - b.n) !== 1) return { kind: 'outside' };
    c0 = Math.max(a.n, b.n) - l.cdsStartN;
    if (c0 <= 0 || c0 >= l.cdsEndN - l.cdsStartN + 1) return { kind: 'outside' };
  } else {
    const a = genomicToTx(l, change.start1);
    const b = genomicToTx(l, change.end1);
    if (a.offset !== 0 || b.offset !== 0 || Math.abs(a.n - b.n) !== delLen - 1) return { kind: 'outside' };
    c0 = Math.min(a.n, b.n) - l.cdsStartN;
    if (c0 < 0 || c0 + delLen - 1 > l.cdsEndN - l.cdsStartN) return { kind: 'outside' };
  }
  if (seq.problem !== null) return { kind: 'unsupported', problem: seq.problem };
  const fromCds = seq.mrna.slice(l.cdsStartN - 1);
  const refTx = l.plus ? change.ref : reverseComplement(change.ref);
  if (fromCds.slice(c0, c0 + delLen) !== refTx.toUpperCase()) return { kind: 'unsupported', problem: `VCF REF ${change.ref} differs from the reference sequence` };
  const altTx = (l.plus ? change.alt : reverseComplement(change.alt)).toUpperCase();
  const delta = altTx.length - delLen;
  const frameshift = delta % 3 !== 0;
  const pep = seq.peptide;
  const stopIdx = pep.endsWith('*') ? pep.length - 1 : pep.length;
  const k = Math.floor(c0 / 3);
  const m = Math.floor((c0 + Math.max(delLen, 1) - 1) / 3);
  let alt: string;
  if (!frameshift && m < stopIdx && 3 * m + 3 <= fromCds.length) {
    const window = fromCds.slice(3 * k, c0) + altTx + fromCds.slice(c0 + delLen, 3 * m + 3);
    alt = pep.slice(0, k) + translate(window, seq.table) + pep.slice(m + 1);
    const stop = alt.indexOf('*');
    if (stop >= 0) alt = alt.slice(0, stop + 1);
  } else {
    const tail = fromCds.slice(3 * k, c0) + altTx + fromCds.slice(c0 + delLen);
    alt = pep.slice(0, k) + translate(tail, seq.table, 0, true);
  }
  return { kind: 'change', change: describeProteinChange(pep, alt, frameshift, k), frameshift, lengthDelta: delta };
}
