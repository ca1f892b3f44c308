import type { AnnotationValue, CombineOp } from './types';

/**
 * Combines the values of several source records matching one variant (vcfanno's ops): `first` in file
 * order, `max`/`min` over the numeric values, `concat` the distinct values in file order joined by ','.
 * Empty values ('.' or absent) are ignored; no value at all gives null.
 */
export function combine(values: string[], op: CombineOp, type: 'number' | 'string'): AnnotationValue {
  const present = values.filter((v) => v !== '');
  if (present.length === 0) return null;
  switch (op) {
    case 'first':
      return type === 'number' ? numberOrNull(present[0]) : present[0];
    case 'concat':
      return [...new Set(present)].join(',');
    case 'max':
    case 'min': {
      const nums = present.map(Number).filter(Number.isFinite);
      if (nums.length === 0) return null;
      return op === 'max' ? Math.max(...nums) : Math.min(...nums);
    }
  }
}

function numberOrNull(text: string): number | null {
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
