import type { AnnotatedVariant } from '../annotate/types';
import { significanceClass } from '../reference/clinvarSignificance';
import { populationAf } from './variantScore';

export interface FilterOptions {
  /** Variants above this population AF (gnomAD group-max or overall) are removed. */
  maxAf: number;
  /** Keep only variants whose VCF FILTER is PASS or '.'. */
  passOnly: boolean;
}

export const DEFAULT_FILTERS: FilterOptions = { maxAf: 0.02, passOnly: true };

export type FilterName = 'vcf_filter' | 'frequency' | 'clinvar_benign' | 'no_gene';

export type FilterCounts = Record<FilterName, number>;

export function emptyFilterCounts(): FilterCounts {
  return { vcf_filter: 0, frequency: 0, clinvar_benign: 0, no_gene: 0 };
}

/** The first hard filter a variant fails, or null when it passes all of them. */
export function failedFilter(v: AnnotatedVariant, opts: FilterOptions): FilterName | null {
  if (opts.passOnly && v.filter !== 'PASS' && v.filter !== '.') return 'vcf_filter';
  // Reviewed pathogenic assertions are kept even when common in some group (founder alleles).
  const reviewedPathogenic = v.clinvar !== null && significanceClass(v.clinvar.significance) === 'pathogenic' && v.clinvar.stars >= 1;
  if (!reviewedPathogenic && populationAf(v) > opts.maxAf) return 'frequency';
  if (v.clinvar && significanceClass(v.clinvar.significance) === 'benign' && v.clinvar.stars >= 2) return 'clinvar_benign';
  if (v.genes.length === 0) return 'no_gene';
  return null;
}
