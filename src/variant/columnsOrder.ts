/**
 * The order that sorts a shard's alleles by contig block, then position, as a permutation of
 * allele indices (the columns are then gathered once). Trimming can move an allele a few bases
 * past the next record's POS, and two VCF names for one contig (chr1, then 1) can split a contig's
 * block; unsorted input itself is refused by the reader. Stable: equal keys keep reading order.
 */
export function contigPosOrder(contig: Uint32Array, pos: Float64Array, n: number): number[] {
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  // Contigs already come in blocks and a trimmed allele moves only a few bases: an insertion pass
  // within each block puts it right in linear time.
  for (let i = 1; i < n; i++) {
    const v = order[i];
    let j = i;
    while (j > 0 && pos[order[j - 1]] > pos[v] && contig[order[j - 1]] === contig[v]) {
      order[j] = order[j - 1];
      j--;
    }
    if (j !== i) order[j] = v;
  }
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const c = contig[order[i]];
    if (i > 0 && c === contig[order[i - 1]]) continue;
    if (seen.has(c)) {
      // A contig's block appears twice: group the blocks in order of first appearance.
      const rank = new Map<number, number>();
      for (const k of order) if (!rank.has(contig[k])) rank.set(contig[k], rank.size);
      order.sort((x, y) => (rank.get(contig[x]) as number) - (rank.get(contig[y]) as number) || pos[x] - pos[y]);
      break;
    }
    seen.add(c);
  }
  return order;
}
