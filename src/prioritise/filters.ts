import type { AnnotatedVariant } from '../annotate/types';
import { isPathogenicAssertion, significanceClass } from '../reference/clinvarSignificance';
import { populationAf } from './variantScore';

export interface FilterOptions {
  /** Variants above this population AF (gnomAD group-max or overall) are removed. */
  maxAf: number;
  /** Keep only variants whose VCF FILTER is PASS or '.'. */
  passOnly: boolean;
  /** Minimum VCF QUAL; records with QUAL '.' are kept. 0 keeps everything. */
  minQual: number;
  /** Minimum FORMAT GQ of the proband's call; calls without GQ are kept. 0 keeps everything. */
  minGq: number;
  /** Minimum read depth of the proband's call (FORMAT DP, else the sum of AD); calls without either are kept. */
  minDp: number;
  /** Variants whose most severe consequence is one of these Sequence Ontology terms are removed. */
  excludeConsequences: string[];
}

/**
 * Defaults keep every call whatever its quality: GQ and allele balance already weigh each variant
 * (callConfidence.ts). gnomAD's "adj" genotype thresholds are `--min-gq 20 --min-dp 10`.
 */
export const DEFAULT_FILTERS: FilterOptions = { maxAf: 0.02, passOnly: true, minQual: 0, minGq: 0, minDp: 0, excludeConsequences: [] };

/** The filters beyond --max-af and --pass-only, as `run` and `merge` take them. */
export type ExtraFilters = Partial<Pick<FilterOptions, 'minQual' | 'minGq' | 'minDp' | 'excludeConsequences'>>;

export type FilterName = 'vcf_filter' | 'quality' | 'frequency' | 'clinvar_benign' | 'no_gene' | 'consequence';

export type FilterCounts = Record<FilterName, number>;

export function emptyFilterCounts(): FilterCounts {
  return { vcf_filter: 0, quality: 0, frequency: 0, clinvar_benign: 0, no_gene: 0, consequence: 0 };
}

/** The first hard filter a variant fails, or null when it passes all of them. */
export function failedFilter(v: AnnotatedVariant, opts: FilterOptions): FilterName | null {
  if (opts.passOnly && v.filter !== 'PASS' && v.filter !== '.') return 'vcf_filter';
  if (failsQuality(v, opts)) return 'quality';
  // Pathogenic assertions are kept even when common in some group (founder alleles).
  const pathogenic = v.clinvar !== null && isPathogenicAssertion(v.clinvar);
  if (!pathogenic && populationAf(v) > opts.maxAf) return 'frequency';
  if (v.clinvar && significanceClass(v.clinvar.significance) === 'benign' && v.clinvar.stars >= 2) return 'clinvar_benign';
  if (v.genes.length === 0) return 'no_gene';
  if (opts.excludeConsequences.length > 0 && opts.excludeConsequences.includes(v.consequence)) return 'consequence';
  return null;
}

function failsQuality(v: AnnotatedVariant, opts: FilterOptions): boolean {
  if (opts.minQual > 0 && v.qual !== null && v.qual < opts.minQual) return true;
  const call = v.call;
  if (!call) return false;
  if (opts.minGq > 0 && call.gq !== null && call.gq < opts.minGq) return true;
  if (opts.minDp > 0 && call.dp !== null && call.dp < opts.minDp) return true;
  return false;
}
