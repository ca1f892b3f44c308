import { InputError } from '../../errors';
import type { DiseaseGeneInput } from '../hpoTypes';
import { readLines } from './lines';

export interface ParsedGenesToPhenotype {
  links: DiseaseGeneInput[];
  counts: { rows: number; genes: number; diseases: number };
}

/**
 * Disease-gene links from HPO's genes_to_phenotype.txt: the legacy 9-column layout
 * (`entrez-gene-id entrez-gene-symbol HPO-Term-ID ... disease-ID for link`) and the 2023+
 * layout (`ncbi_gene_id gene_symbol hpo_id hpo_name frequency disease_id`); in both the gene id
 * and symbol come first and the disease id last. Each (disease, gene) pair is kept once.
 */
export function parseGenesToPhenotype(file: string): ParsedGenesToPhenotype {
  const seen = new Set<string>();
  const genes = new Set<string>();
  const diseases = new Set<string>();
  const links: DiseaseGeneInput[] = [];
  let rows = 0;
  for (const { text, lineNo } of readLines(file)) {
    if (text.length === 0 || text.startsWith('#') || text.startsWith('ncbi_gene_id\t')) continue;
    const c = text.split('\t');
    if (c.length < 6) throw new InputError(file, `row has ${c.length} columns, genes_to_phenotype has 6 (2023+) or 9 (legacy)`, lineNo);
    const [geneId, symbol] = c;
    const diseaseId = c[c.length - 1].trim();
    if (!/^\d+$/.test(geneId.replace(/^NCBIGene:/, ''))) throw new InputError(file, `gene id "${geneId.slice(0, 30)}" is not an NCBI Gene id`, lineNo);
    if (!/^[A-Za-z]+:\S+$/.test(diseaseId)) throw new InputError(file, `last column "${diseaseId.slice(0, 30)}" is not a disease id like OMIM:614129`, lineNo);
    rows++;
    const key = `${diseaseId}\t${symbol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    genes.add(symbol);
    diseases.add(diseaseId);
    links.push({ diseaseId, geneSymbol: symbol, ncbiGeneId: `NCBIGene:${geneId.replace(/^NCBIGene:/, '')}` });
  }
  return { links, counts: { rows, genes: genes.size, diseases: diseases.size } };
}
