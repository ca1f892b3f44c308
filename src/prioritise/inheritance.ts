import type { HpoId } from '../reference/hpoTypes';

/** Mode-of-inheritance terms (HPO HP:0000005 subtree) the genotype check understands. */
export const MODES = {
  autosomalDominant: 'HP:0000006',
  autosomalRecessive: 'HP:0000007',
  xLinked: 'HP:0001417',
  xLinkedRecessive: 'HP:0001419',
  xLinkedDominant: 'HP:0001423',
  mitochondrial: 'HP:0001427',
} as const;

export type ModeName = 'AD' | 'AR' | 'XR' | 'XD' | 'MT';

export function modeName(id: HpoId | string): ModeName | null {
  switch (id) {
    case MODES.autosomalDominant:
      return 'AD';
    case MODES.autosomalRecessive:
      return 'AR';
    case MODES.xLinkedRecessive:
    case MODES.xLinked:
      return 'XR';
    case MODES.xLinkedDominant:
      return 'XD';
    case MODES.mitochondrial:
      return 'MT';
    default:
      return null;
  }
}

export const MODE_LABELS: Record<ModeName, string> = {
  AD: 'autosomal dominant',
  AR: 'autosomal recessive',
  XR: 'X-linked recessive',
  XD: 'X-linked dominant',
  MT: 'mitochondrial',
};
