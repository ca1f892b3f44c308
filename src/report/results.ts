import type { MappingQualityUse } from '../prioritise/mappingQuality';
import type { ReadCounts } from '../annotate/types';
import type { PluginCount } from '../plugins/counts';
import type { PluginRecord } from '../plugins/types';
import type { FilterName } from '../prioritise/filters';
import type { TranscriptSet } from '../annotate/transcriptSet';
import type { Candidate, CandidateVariant } from '../prioritise/types';
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
  /** `transcripts` added within schema 1 (older files lack it: they were annotated as `canonical`). */
  settings: { max_af: number; pass_only: boolean; min_qual: number; min_gq: number; min_dp: number; exclude_consequences: string[]; top: number; shards: number; transcripts?: TranscriptSet; mapping_quality?: MappingQualityUse };
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
  candidates: ResultsCandidate[];
}

/** A candidate variant as written: with `--transcripts all`, also every annotated transcript of its gene. */
export interface ResultsVariant extends CandidateVariant {
  transcripts?: TranscriptOut[];
}

export interface ResultsCandidate extends Omit<Candidate, 'variants'> {
  variants: ResultsVariant[];
}

/** One annotated transcript of the candidate's gene at the variant (snake_case as results.json is). */
export interface TranscriptOut {
  transcript: string;
  consequence: string;
  location: string | null;
  mane_select: boolean;
  canonical: boolean;
  hgvs_c: string | null;
  hgvs_p: string | null;
}

/** Deterministic JSON: key order as built, two-space indent, trailing newline. */
export function renderResultsJson(r: Results): string {
  return JSON.stringify(r, null, 2) + '\n';
}
