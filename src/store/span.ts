/** Last 1-based base the REF allele covers: the span tabix and bcftools use for overlap (no END in our records). */
export function end1Of(pos1: number, ref: string): number {
  return pos1 + Math.max(1, ref.length) - 1;
}
