import type { GnomadRecord } from './gnomad';

/**
 * Merges several sorted gnomAD streams (e.g. exomes and genomes of one release) into one sorted
 * stream, combining an allele found in more than one file:
 * - when every copy has AC and AN, counts are summed (AC, AN, nhomalt) and AF = AC/AN: this is the
 *   frequency over all sequenced individuals, which is what gnomAD itself reports as the combined
 *   ("joint") frequency; exomes and genomes are disjoint sets of people, so sums do not double count;
 * - otherwise (a release that gives AF only) the copy with the highest AF is kept whole: without
 *   counts a pooled AF cannot be computed, and the higher one is the conservative choice for a
 *   rare-variant filter;
 * - group-max AF is the highest of the copies (the group counts that would give the exact pooled
 *   group-max are not kept in the slim table), with its group;
 * - FILTER is PASS only when every copy passed, else the sorted union of the failing filters.
 */
export function* mergeGnomadStreams(streams: Array<Iterator<GnomadRecord>>, contigOrder: Map<string, number>): Generator<GnomadRecord> {
  const heads: Array<GnomadRecord | undefined> = streams.map((s) => next(s));
  const order = (r: GnomadRecord): number => contigOrder.get(r.chrom) ?? Number.MAX_SAFE_INTEGER;
  const compare = (a: GnomadRecord, b: GnomadRecord): number =>
    order(a) - order(b) || a.pos - b.pos || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0) || (a.alt < b.alt ? -1 : a.alt > b.alt ? 1 : 0);
  for (;;) {
    let min: GnomadRecord | undefined;
    for (const h of heads) if (h && (!min || compare(h, min) < 0)) min = h;
    if (!min) return;
    const copies: GnomadRecord[] = [];
    for (let i = 0; i < heads.length; i++) {
      const h = heads[i];
      if (h && compare(h, min) === 0) {
        copies.push(h);
        heads[i] = next(streams[i]);
      }
    }
    yield copies.length === 1 ? copies[0] : combineCopies(copies);
  }
}

function next(it: Iterator<GnomadRecord>): GnomadRecord | undefined {
  const r = it.next();
  return r.done ? undefined : r.value;
}

export function combineCopies(copies: GnomadRecord[]): GnomadRecord {
  const withCounts = copies.every((c) => c.ac !== null && c.an !== null);
  let out: GnomadRecord;
  if (withCounts) {
    const ac = copies.reduce((s, c) => s + (c.ac ?? 0), 0);
    const an = copies.reduce((s, c) => s + (c.an ?? 0), 0);
    const nhomalt = copies.every((c) => c.nhomalt !== null) ? copies.reduce((s, c) => s + (c.nhomalt ?? 0), 0) : null;
    out = { ...copies[0], ac, an, nhomalt, af: an > 0 ? ac / an : Math.max(...copies.map((c) => c.af)) };
  } else {
    out = { ...copies.reduce((best, c) => (c.af > best.af ? c : best)) };
  }
  const grp = copies.filter((c) => c.grpmaxAf !== null).reduce<GnomadRecord | undefined>((best, c) => (!best || (c.grpmaxAf ?? 0) > (best.grpmaxAf ?? 0) ? c : best), undefined);
  out.grpmaxAf = grp ? grp.grpmaxAf : null;
  out.grpmax = grp ? grp.grpmax : '';
  const failing = new Set<string>();
  for (const c of copies) for (const f of c.filter.split(';')) if (f !== 'PASS' && f !== '.' && f !== '') failing.add(f);
  out.filter = failing.size === 0 ? (copies.some((c) => c.filter === 'PASS') ? 'PASS' : copies[0].filter) : [...failing].sort().join(';');
  return out;
}
