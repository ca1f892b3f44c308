import type { GeneRecord } from './genes';
import type { DiseaseGeneInput } from './hpoTypes';

export interface AlignedLinks {
  links: DiseaseGeneInput[];
  /** Links whose symbol was replaced by the gene models' symbol for the same gene. */
  renamed: number;
}

/**
 * Puts HPO's disease-gene links in the gene models' namespace, so that a gene's diseases are found
 * under the symbol its variants are annotated with. HPO writes the NCBI Gene symbol of its release
 * (GBA1, TBXT, upper-case C9ORF72) while the models may carry an older or differently cased one
 * (GBA, T, C9orf72): the link is matched by NCBI Gene id first, then by symbol ignoring case. A link
 * that matches no model gene keeps its own symbol.
 */
export function alignLinksToModels(links: DiseaseGeneInput[], genes: GeneRecord[]): AlignedLinks {
  const byId = new Map<string, string>();
  const byLower = new Map<string, string | null>();
  for (const g of genes) {
    if (g.ncbiId) byId.set(g.ncbiId, byId.has(g.ncbiId) ? '' : g.symbol);
    const lower = g.symbol.toLowerCase();
    // Two model genes differing only in case would make the match ambiguous: neither is taken.
    byLower.set(lower, byLower.has(lower) ? null : g.symbol);
  }
  const symbols = new Set(genes.map((g) => g.symbol));
  let renamed = 0;
  const out = links.map((l) => {
    const symbol = byId.get(l.ncbiGeneId) || (symbols.has(l.geneSymbol) ? l.geneSymbol : byLower.get(l.geneSymbol.toLowerCase()));
    if (!symbol || symbol === l.geneSymbol) return l;
    renamed++;
    return { ...l, geneSymbol: symbol };
  });
  return { links: out, renamed };
}
