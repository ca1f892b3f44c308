import type { AlleleChange } from './alleleChange';
import type { GenomeSequence } from './codingSequence';

/** Bases fetched at a time while shifting; repeats longer than MAX_SHIFT stop the shift there. */
const CHUNK = 64;
const MAX_SHIFT = 10000;

/**
 * Moves a pure insertion or deletion as far as it goes toward the transcript's 3' end through the
 * repeat it sits in (HGVS general recommendations, "3' rule": the most 3' position of the
 * transcript is described). `towardHigher` is true on the plus strand. The change is equivalent on
 * the genome; substitutions and delins are returned unchanged. Returns null when the
 * sequence is unknown there (no FASTA, N, or REF disagreeing with the FASTA).
 */
export function shiftThreePrime(genome: GenomeSequence, chrom: string, c: AlleleChange, towardHigher: boolean): AlleleChange | null {
  const delLen = c.end1 - c.start1 + 1;
  const isIns = delLen === 0 && c.alt.length > 0;
  const isDel = delLen > 0 && c.alt.length === 0;
  if (!isIns && !isDel) return c;
  const window = new BaseWindow(genome, chrom);
  // The reference must say what the VCF says, or the shift would walk a different sequence.
  if (isDel && window.range(c.start1, c.end1) !== c.ref.toUpperCase()) return null;
  let s = c.start1;
  let e = c.end1;
  let ins = c.alt;
  let deleted = c.ref;
  for (let steps = 0; steps < MAX_SHIFT; steps++) {
    if (towardHigher) {
      const next = window.at(e + 1);
      if (next === 0) return null; // unknown sequence (N) where the repeat might continue
      const first = isIns ? ins.charCodeAt(0) : window.at(s);
      if (next !== first) break;
      if (isIns) ins = ins.slice(1) + ins[0];
      s++;
      e++;
    } else {
      const prev = window.at(s - 1);
      if (prev === 0) return null;
      const last = isIns ? ins.charCodeAt(ins.length - 1) : window.at(e);
      if (prev !== last) break;
      if (isIns) ins = ins[ins.length - 1] + ins.slice(0, -1);
      s--;
      e--;
    }
  }
  if (window.missing) return null;
  if (isDel) deleted = window.range(s, e);
  return { start1: s, end1: e, alt: isIns ? ins : '', ref: isIns ? '' : deleted };
}

/** Lazily fetched genome bases; `at` returns 0 outside the contig or where sequence is unknown (N). */
export class BaseWindow {
  private lo = 0;
  private seq = '';
  missing = false;

  constructor(
    private readonly genome: GenomeSequence,
    private readonly chrom: string,
  ) {}

  at(pos1: number): number {
    if (pos1 < 1) return 0;
    if (this.seq === '' || pos1 < this.lo || pos1 >= this.lo + this.seq.length) {
      const lo = Math.max(1, pos1 - CHUNK);
      const s = this.genome.fetch(this.chrom, lo, pos1 + CHUNK);
      if (s === null) {
        this.missing = true;
        return 0;
      }
      this.lo = lo;
      this.seq = s;
      if (pos1 >= lo + s.length) return 0;
    }
    const b = this.seq.charCodeAt(pos1 - this.lo);
    return b === 78 ? 0 : b; // 'N' never matches: do not shift through unknown sequence
  }

  range(start1: number, end1: number): string {
    if (end1 < start1) return '';
    return this.genome.fetch(this.chrom, start1, end1) ?? '';
  }
}
