import type { DiseaseInfo } from '../reference/hpoOntology';
import { ModeName, modeName } from './inheritance';

/** The modes of inheritance a disease entry states (HPO annotations, HP:0000005 subtree). */
export function statedModes(d: DiseaseInfo): ModeName[] {
  return [...new Set(d.inheritance.map(modeName).filter((m): m is ModeName => m !== null))].sort();
}

/**
 * Modes for one of a gene's diseases. Many ORPHA entries state none, though the same disease is
 * often also catalogued in OMIM with its mode. Such an entry takes the modes of the gene's other
 * disease whose annotation is most alike (Jaccard index of the observed terms: the same disease
 * in another catalogue shares most of them); with no overlap at all, the modes of every other
 * disease of the gene, since the gene's biology does not change with the catalogue.
 */
export function modesFor(d: DiseaseInfo, geneDiseases: readonly DiseaseInfo[]): ModeName[] {
  const own = statedModes(d);
  if (own.length > 0) return own;
  const others = geneDiseases.filter((o) => o.id !== d.id && statedModes(o).length > 0);
  const mine = observedTerms(d);
  let best = 0;
  let closest: DiseaseInfo[] = [];
  for (const o of others) {
    const j = jaccard(mine, observedTerms(o));
    if (j > best) [best, closest] = [j, [o]];
    else if (j === best && j > 0) closest.push(o);
  }
  const from = best > 0 ? closest : others;
  return [...new Set(from.flatMap(statedModes))].sort();
}

function observedTerms(d: DiseaseInfo): Set<string> {
  return new Set(d.terms.filter((t) => !t.negated).map((t) => t.termId));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  const either = a.size + b.size - both;
  return either === 0 ? 0 : both / either;
}
