import type { ReadCounts } from '../annotate/types';
import type { PluginCount } from '../plugins/counts';
import type { PluginRecord } from '../plugins/types';
import type { FilterName } from '../prioritise/filters';
import type { Candidate } from '../prioritise/types';
import type { SourceEntry } from '../reference/manifest';
import type { ScoreDistribution } from './scoreDistribution';
import type { PedigreeOut } from '../familyInput';

/** Version of the results.json layout; bump on any incompatible change (docs/results-schema.md). */
export const RESULTS_SCHEMA = 'vartriage.results/1';

export interface PatientTermOut {
  id: string;
  label: string;
  input: string;
  mapped_via?: 'alt_id' | 'replaced_by';
}

export interface Results {
  schema: typeof RESULTS_SCHEMA;
  tool: { name: string; version: string };
  command: string;
  started: string;
  input: { vcf: string; sample: string | null; build: string; hpo: PatientTermOut[]; excluded_hpo: PatientTermOut[]; sex: string; pedigree?: PedigreeOut };
  reference: { name: string; build: string; sources: Array<Pick<SourceEntry, 'kind' | 'version' | 'upstream' | 'sha256' | 'records'>> };
  settings: { max_af: number; pass_only: boolean; min_qual: number; min_gq: number; min_dp: number; exclude_consequences: string[]; top: number; shards: number };
  counts: {
    variants: number;
    passed_filters: number;
    candidates: number;
    genes_considered: number;
    /** Built-in filters, then one `plugin:NAME` entry per filter plugin, in the order applied. */
    per_filter: Record<FilterName, number> & Record<string, number>;
    read: ReadCounts;
    /** Per plugin and configured source (runs with plugins only). */
    plugins?: Record<string, PluginCount>;
  };
  /** Plugins and configured sources of the run, in the order they ran (runs with plugins only). */
  plugins?: PluginRecord[];
  warnings: string[];
  /** Scores of all genes, candidates or not; added within schema 1, so readers must allow it to be absent. */
  score_distribution?: ScoreDistribution;
  candidates: Candidate[];
}

/** Deterministic JSON: key order as built, two-space indent, trailing newline. */
export function renderResultsJson(r: Results): string {
  return JSON.stringify(r, null, 2) + '\n';
}
