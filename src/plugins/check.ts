import type { AnnotationValue, FilterDecision, ScoreResult } from './types';

/**
 * Checks of what plugins return: each gives the value in its normal form, or a problem in words
 * (the run then fails, or skips the variant with --on-plugin-error skip).
 */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

const show = (x: unknown): string => {
  try {
    const s = JSON.stringify(x);
    return s === undefined ? String(x) : s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return String(x);
  }
};

export function checkDecision(x: unknown): Checked<FilterDecision> {
  if (typeof x !== 'object' || x === null || typeof (x as { keep?: unknown }).keep !== 'boolean') return { ok: false, problem: `filter() returned ${show(x)}, expected {keep: true} or {keep: false, reason: "..."}` };
  const d = x as { keep: boolean; reason?: unknown };
  if (d.keep) return { ok: true, value: { keep: true } };
  if (typeof d.reason !== 'string' || d.reason.trim() === '') return { ok: false, problem: `filter() dropped the variant without a reason string: ${show(x)}` };
  return { ok: true, value: { keep: false, reason: d.reason.trim().replace(/\s+/g, ' ') } };
}

export function checkScore(x: unknown): Checked<{ value: number; deleteriousness: number | null } | null> {
  if (x === null || x === undefined) return { ok: true, value: null };
  if (typeof x === 'number') return Number.isFinite(x) ? { ok: true, value: { value: x, deleteriousness: null } } : { ok: false, problem: `score() returned ${x}, not a finite number` };
  const r = x as Exclude<ScoreResult, number | null>;
  if (typeof r !== 'object' || typeof r.value !== 'number' || !Number.isFinite(r.value)) return { ok: false, problem: `score() returned ${show(x)}, expected a finite number, {value, deleteriousness?} or null` };
  const d = r.deleteriousness;
  if (d === undefined || d === null) return { ok: true, value: { value: r.value, deleteriousness: null } };
  if (typeof d !== 'number' || !(d >= 0 && d <= 1)) return { ok: false, problem: `score() returned deleteriousness ${show(d)}, expected a number in [0, 1]` };
  return { ok: true, value: { value: r.value, deleteriousness: d } };
}

export function checkAnnotations(x: unknown, fields: readonly string[]): Checked<Record<string, AnnotationValue> | null> {
  if (x === null || x === undefined) return { ok: true, value: null };
  if (typeof x !== 'object' || Array.isArray(x)) return { ok: false, problem: `annotate() returned ${show(x)}, expected an object of ${fields.join(', ')} or null` };
  const out: Record<string, AnnotationValue> = {};
  for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
    if (!fields.includes(k)) return { ok: false, problem: `annotate() returned field "${k}", which is not in its fields (${fields.join(', ')})` };
    const scalar = v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
    if (!scalar) return { ok: false, problem: `annotate() returned ${k}=${show(v)}, expected a string, finite number, boolean or null` };
    out[k] = v as AnnotationValue;
  }
  return { ok: true, value: out };
}
