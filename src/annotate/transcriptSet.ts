import { InputError } from '../errors';
import type { TranscriptRecord } from '../reference/genes';

/**
 * Which transcripts a run annotates (`--transcripts`, README "Consequences and transcripts"):
 * - `canonical` (default): one transcript per gene and variant: the gene's MANE Select, else the
 *   bundle's canonical transcript (source flag, else longest CDS; src/reference/geneAssembly.ts),
 *   whichever reaches the variant; a variant that only another transcript of the gene reaches (an
 *   alternative first exon, a longer 3' end) is annotated on the most severe of those rather than
 *   losing the gene. This is what earlier versions did, unchanged.
 * - `mane`: MANE Select transcripts only; a gene without one is not annotated (no fallback, so every
 *   consequence and HGVS in the outputs is on a MANE Select transcript).
 * - `all`: every overlapping transcript, listed MANE Select first; a gene's consequence is the most
 *   severe over all of them (Ensembl VEP's default "most severe consequence").
 */
export const TRANSCRIPT_SETS = ['canonical', 'mane', 'all'] as const;
export type TranscriptSet = (typeof TRANSCRIPT_SETS)[number];
export const DEFAULT_TRANSCRIPT_SET: TranscriptSet = 'canonical';

/** `--transcripts` value, or a one-line error naming the option and the accepted values. */
export function parseTranscriptSet(text: unknown, option = '--transcripts'): TranscriptSet {
  const s = typeof text === 'string' ? text.trim().toLowerCase() : '';
  if ((TRANSCRIPT_SETS as readonly string[]).includes(s)) return s as TranscriptSet;
  throw new InputError(option, `${JSON.stringify(Array.isArray(text) ? text.join(' ') : String(text))} is not a transcript set: expected all, mane or canonical`);
}

/** Whether a transcript's consequence is computed at all under `set` (`mane` skips the rest early). */
export function annotatedUnder(tx: TranscriptRecord, set: TranscriptSet): boolean {
  return set !== 'mane' || tx.maneSelect;
}
