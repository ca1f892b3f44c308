import type { AnnotatedVariant } from '../annotate/types';
import { variantKey } from '../variant/types';
import type { Candidate } from '../prioritise/types';
import type { ResultsCandidate, TranscriptOut } from './results';

/**
 * Adds to each candidate variant the transcripts of its gene that were annotated (`--transcripts all`:
 * the gene entry carries them). Ranking (src/prioritise) reads only the gene's representative
 * consequence; this is output only. Variants without a list are returned unchanged.
 */
export function withTranscriptLists(candidates: Candidate[], passing: AnnotatedVariant[]): ResultsCandidate[] {
  const wanted = new Set<string>();
  for (const c of candidates) for (const v of c.variants) wanted.add(variantKey(v.chrom, v.pos, v.ref, v.alt));
  const byKey = new Map<string, AnnotatedVariant>();
  for (const v of passing) {
    const k = variantKey(v.chrom, v.pos, v.ref, v.alt);
    if (wanted.has(k) && v.genes.some((g) => g.transcripts)) byKey.set(k, v);
  }
  if (byKey.size === 0) return candidates;
  return candidates.map((c) => ({
    ...c,
    variants: c.variants.map((v) => {
      const calls = byKey.get(variantKey(v.chrom, v.pos, v.ref, v.alt))?.genes.find((g) => g.gene === c.gene.symbol)?.transcripts;
      if (!calls) return v;
      const transcripts: TranscriptOut[] = calls.map((t) => ({ transcript: t.transcript, consequence: t.consequence, location: t.location, mane_select: t.maneSelect, canonical: t.canonical, hgvs_c: t.hgvsC, hgvs_p: t.hgvsP }));
      return { ...v, transcripts };
    }),
  }));
}
