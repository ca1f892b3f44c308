import { combine } from './combine';
import type { SourceRecord } from './tabixSource';
import type { AnnotationValue, SourceConfig } from './types';

interface Allele {
  pos: number;
  ref: string;
  alt: string;
}

/**
 * Sorted merge-join of one window's variants (sorted by position) with a source's records of the
 * same window: one pass over both lists. `allele` matches equal position, REF and ALT; `overlap`
 * matches every record whose [pos, end] overlaps the variant's REF span. Returns, per variant, the
 * configured fields combined, or null when no record matched.
 */
export function joinSource(variants: Allele[], records: SourceRecord[], config: SourceConfig): Array<Record<string, AnnotationValue> | null> {
  // Trimming shared leading bases moves a record's position forward: restore the order (stable).
  const rows = isSorted(records) ? records : [...records].sort((a, b) => a.pos - b.pos);
  const matches = config.match === 'overlap' ? overlapMatches(variants, rows) : alleleMatches(variants, rows);
  return matches.map((m) => (m.length === 0 ? null : combined(m, config)));
}

function isSorted(records: SourceRecord[]): boolean {
  for (let i = 1; i < records.length; i++) if (records[i].pos < records[i - 1].pos) return false;
  return true;
}

function alleleMatches(variants: Allele[], rows: SourceRecord[]): SourceRecord[][] {
  const out: SourceRecord[][] = [];
  let j = 0;
  for (const v of variants) {
    while (j < rows.length && rows[j].pos < v.pos) j++;
    const hits: SourceRecord[] = [];
    for (let k = j; k < rows.length && rows[k].pos === v.pos; k++) if (rows[k].ref === v.ref && rows[k].alt === v.alt) hits.push(rows[k]);
    out.push(hits);
  }
  return out;
}

function overlapMatches(variants: Allele[], rows: SourceRecord[]): SourceRecord[][] {
  const out: SourceRecord[][] = [];
  let next = 0;
  let active: SourceRecord[] = [];
  for (const v of variants) {
    const vEnd = v.pos + Math.max(1, v.ref.length) - 1;
    // Sweep: records enter when they start at or before the variant's end, leave when they end before it.
    while (next < rows.length && rows[next].pos <= vEnd) active.push(rows[next++]);
    active = active.filter((r) => r.end >= v.pos);
    out.push([...active]);
  }
  return out;
}

function combined(hits: SourceRecord[], config: SourceConfig): Record<string, AnnotationValue> {
  const out: Record<string, AnnotationValue> = {};
  config.fields.forEach((f, i) => {
    out[f.as as string] = combine(hits.map((h) => h.values[i]), f.op ?? 'first', f.type ?? 'string');
  });
  return out;
}
