/**
 * Value of one INFO key in a raw INFO string (VCF 4.3 §1.6.1 column 8: `key=value` pairs separated
 * by ';'). Searches the string instead of splitting it: gnomAD rows carry hundreds of keys and the
 * build reads a handful. Returns '' for a flag that is present, undefined when absent.
 */
export function infoValue(info: string, key: string): string | undefined {
  let at = 0;
  for (;;) {
    const hit = info.indexOf(key, at);
    if (hit < 0) return undefined;
    const before = hit === 0 ? ';' : info[hit - 1];
    const after = info[hit + key.length];
    if (before === ';' && (after === '=' || after === ';' || after === undefined)) {
      if (after !== '=') return '';
      const end = info.indexOf(';', hit + key.length + 1);
      return info.slice(hit + key.length + 1, end < 0 ? info.length : end);
    }
    at = hit + key.length;
  }
}

/** The value for ALT allele `altIndex` (0-based) of a Number=A field, or undefined when missing ('.'). */
export function perAllele(value: string | undefined, altIndex: number): string | undefined {
  if (value === undefined) return undefined;
  const v = value.split(',')[altIndex];
  return v === undefined || v === '.' || v === '' ? undefined : v;
}

/** A number, or undefined for missing or non-numeric text. */
export function toNumber(text: string | undefined): number | undefined {
  if (text === undefined || text === '' || text === '.') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}
