/**
 * gnomAD's VCFs print AF as AC/AN with C's `%g`, i.e. rounded to 6 significant digits (true of
 * every allele with AN > 0 in the v4.0 excerpts in ../shared/data/gnomad; docs/adr/0001). The warm
 * tier therefore stores only the number of significant digits k of AF when AF equals AC/AN rounded
 * to k digits, and the AF itself otherwise (an exception); decoding gives back exactly the stored
 * number either way.
 */

/** Significant digits of the shortest decimal JavaScript prints for `x` (0 → 1). */
export function significantDigits(x: number): number {
  const mantissa = String(Math.abs(x)).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, mantissa.length);
}

/** AC/AN rounded to k significant digits (what `%.{k}g` would print, read back as a number). */
export function afFromCounts(ac: number, an: number, k: number): number {
  return Number((ac / an).toPrecision(k));
}

/**
 * k (1..21) when `af` is AC/AN rounded to k significant digits, so that `afFromCounts(ac, an, k)`
 * is `af` itself; 0 when it is not (or AC/AN is missing or not a finite quotient).
 */
export function afDerivation(af: number, ac: number | null, an: number | null): number {
  if (ac === null || an === null || !(an > 0) || !Number.isFinite(ac) || !Number.isFinite(af)) return 0;
  const k = significantDigits(af);
  if (k > 21) return 0;
  return Object.is(afFromCounts(ac, an, k), af) ? k : 0;
}
