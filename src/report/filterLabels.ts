import type { Results } from './results';
import { afLabel } from './format';

/** Plain-language description of each hard filter, with the threshold the run used. */
export function filterDescription(name: string, settings: Results['settings']): string {
  switch (name) {
    case 'vcf_filter':
      return settings.pass_only ? 'VCF FILTER not PASS' : 'VCF FILTER not PASS (filter off)';
    case 'quality':
      return qualityLabel(settings);
    case 'consequence':
      return settings.exclude_consequences.length > 0 ? `most severe consequence one of ${settings.exclude_consequences.join(', ')}` : 'consequence class (filter off)';
    case 'frequency':
      return `gnomAD AF above ${afLabel(settings.max_af)} (group maximum where known; ClinVar pathogenic with 1+ star kept)`;
    case 'clinvar_benign':
      return 'ClinVar benign or likely benign with 2+ stars';
    case 'no_gene':
      return 'outside every gene of the bundle (with flanks)';
    default:
      return name.startsWith('plugin:') ? `filter plugin ${name.slice(7)}` : name.replace(/_/g, ' ');
  }
}

/** Filters in the order they are applied, as results.json lists them. */
export function filterCounts(r: Pick<Results, 'counts' | 'settings'>): Array<{ name: string; description: string; removed: number }> {
  return Object.entries(r.counts.per_filter).map(([name, removed]) => ({ name, description: filterDescription(name, r.settings), removed }));
}

function qualityLabel(settings: Results['settings']): string {
  const parts = [
    settings.min_qual > 0 ? `QUAL below ${settings.min_qual}` : null,
    settings.min_gq > 0 ? `GQ below ${settings.min_gq}` : null,
    settings.min_dp > 0 ? `read depth below ${settings.min_dp}` : null,
  ].filter((x): x is string => x !== null);
  return parts.length > 0 ? `call quality: ${parts.join(', ')}` : 'call quality (filter off: GQ and allele balance weigh the score instead)';
}
