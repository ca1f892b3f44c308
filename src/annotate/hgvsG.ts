import { AlleleChange, changeKind } from './alleleChange';
import type { GenomeSequence } from './codingSequence';
import { shiftThreePrime } from './shiftThreePrime';

/**
 * HGVS g. description on a contig (`21:g.25592986_25592989dup`, `NC_000021.9:g.25585733C>T`):
 * `label` is the reference name to print. Deletions, insertions and duplications are moved to their
 * most 3' genomic position (HGVS 3' rule) and need the genome; null when it cannot be read there.
 */
export function hgvsG(label: string, chrom: string, change: AlleleChange, genome: GenomeSequence | null): string | null {
  const kind = changeKind(change);
  const p = `${label}:g.`;
  const range = (a: number, b: number): string => (a === b ? `${a}` : `${a}_${b}`);
  if (kind === 'none') return null;
  if (kind === 'substitution') return `${p}${change.start1}${change.ref}>${change.alt}`;
  if (kind === 'delins') return `${p}${range(change.start1, change.end1)}delins${change.alt}`;
  if (genome === null) return null;
  const s = shiftThreePrime(genome, chrom, change, true);
  if (s === null) return null;
  if (kind === 'deletion') return `${p}${range(s.start1, s.end1)}del`;
  const len = s.alt.length;
  if (genome.fetch(chrom, s.end1 - len + 1, s.end1) === s.alt) return `${p}${range(s.end1 - len + 1, s.end1)}dup`;
  return `${p}${s.end1}_${s.start1}ins${s.alt}`;
}
