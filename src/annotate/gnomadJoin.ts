import type { GnomadRecord } from '../reference/gnomad';
import type { GnomadFacts } from './types';

/**
 * Sorted merge-join of a shard's variants with gnomAD rows of the same region: one pass over both
 * lists, both sorted by position. Rows at one position are matched by exact REF/ALT.
 */
export function joinGnomad<V extends { pos: number; ref: string; alt: string }>(variants: V[], rows: GnomadRecord[]): Array<GnomadFacts | null> {
  const out: Array<GnomadFacts | null> = new Array(variants.length).fill(null);
  let j = 0;
  for (let i = 0; i < variants.length; i++) {
    const v = variants[i];
    while (j < rows.length && rows[j].pos < v.pos) j++;
    for (let k = j; k < rows.length && rows[k].pos === v.pos; k++) {
      const r = rows[k];
      if (r.ref === v.ref && r.alt === v.alt) {
        out[i] = { af: r.af, ac: r.ac, an: r.an, nhomalt: r.nhomalt, grpmaxAf: r.grpmaxAf, grpmax: r.grpmax, filter: r.filter };
        break;
      }
    }
  }
  return out;
}
