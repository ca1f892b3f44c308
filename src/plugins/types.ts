/**
 * The plugin API of vartriage (README "Extending vartriage"). A plugin is a JavaScript module (ESM
 * `export default {...}` or CommonJS `module.exports = {...}`) whose export is one of the three
 * shapes below. Plugins run inside the worker threads, once loaded per thread, on plain data: they
 * must be pure functions of the variant they are given, so results do not depend on thread count.
 */
import type { Zygosity } from '../variant/types';

export type PluginKind = 'filter' | 'score' | 'source';

/** A value a source adds to a variant: JSON scalars only, so it can be written to JSON, TSV and HTML. */
export type AnnotationValue = string | number | boolean | null;

/** Plain JSON options given to a plugin in the config file (`{"path": ..., "options": {...}}`). */
export type PluginOptions = Readonly<Record<string, unknown>>;

/** One gene a variant falls in, with its representative transcript. */
export interface PluginGene {
  readonly gene: string;
  readonly transcript: string;
  /** Sequence Ontology term, e.g. `missense_variant`. */
  readonly consequence: string;
  readonly hgvsC: string | null;
  readonly hgvsP: string | null;
}

/**
 * What a plugin sees of one variant: a normalised allele (1-based `pos`, canonical contig name) that
 * passed the built-in hard filters, with its annotation so far. Treat it as read-only.
 */
export interface PluginVariant {
  readonly chrom: string;
  readonly pos: number;
  readonly ref: string;
  readonly alt: string;
  /** VCF ID column ('.' when absent), FILTER and QUAL (null for '.'). */
  readonly id: string;
  readonly filter: string;
  readonly qual: number | null;
  readonly zygosity: Zygosity;
  /** Most severe consequence over all genes. */
  readonly consequence: string;
  readonly genes: readonly PluginGene[];
  readonly gnomad: { readonly af: number; readonly grpmaxAf: number | null } | null;
  readonly clinvar: { readonly significance: string; readonly stars: number } | null;
  /** INFO of the sample VCF record, as text (`true` for a flag). Per record: not split per ALT allele. */
  readonly info: Readonly<Record<string, string | true>>;
  /** Values added by configured sources and source plugins (all of them, before any score runs). */
  readonly annotations: Readonly<Record<string, AnnotationValue>>;
  /** Values of score plugins by plugin name, null when a plugin gave none (complete when filters run; partial while scores run). */
  readonly scores: Readonly<Record<string, number | null>>;
}

/** A filter's verdict: keep, or drop with a short reason. Reasons are counted, so use a category ("QUAL < 30"), not per-variant text. */
export type FilterDecision = { keep: true } | { keep: false; reason: string };

/**
 * A score plugin's result: `value` is recorded as `plugin_scores[name]`; `deleteriousness`, in [0, 1],
 * when given replaces the consequence default in the variant score (the highest one wins when several
 * plugins give one; a reviewed ClinVar pathogenic assertion still counts as 1). A bare number is
 * `{ value }`; null means "no score for this variant".
 */
export type ScoreResult = number | { value: number; deleteriousness?: number | null } | null;

interface PluginBase {
  /** Unique among the run's plugins and sources: letters, digits, `_`, `-`, `.`; starts with a letter. */
  readonly name: string;
  /** Recorded in results.json with the name; bump it whenever the plugin's results change. */
  readonly version: string;
  readonly description?: string;
  /** Called once per worker thread before any variant, with the options from the config file. */
  init?(options: PluginOptions): void | Promise<void>;
}

export interface FilterPlugin extends PluginBase {
  readonly kind: 'filter';
  filter(variant: PluginVariant): FilterDecision | Promise<FilterDecision>;
}

export interface ScorePlugin extends PluginBase {
  readonly kind: 'score';
  score(variant: PluginVariant): ScoreResult | Promise<ScoreResult>;
}

export interface SourcePlugin extends PluginBase {
  readonly kind: 'source';
  /** The annotation names this source may add: its columns in candidates.tsv, in this order. */
  readonly fields: readonly string[];
  /**
   * Called once per window of nearby variants, before annotate() is called for them in position
   * order: read your data for the window here (once), not once per variant.
   */
  beginRegion?(region: PluginRegion): void | Promise<void>;
  /** Values for some of `fields` (others stay null); null when the source has nothing for the variant. */
  annotate(variant: PluginVariant): Record<string, AnnotationValue> | null | Promise<Record<string, AnnotationValue> | null>;
}

export type VartriagePlugin = FilterPlugin | ScorePlugin | SourcePlugin;

/** 1-based closed window of one contig (canonical contig name). */
export interface PluginRegion {
  readonly chrom: string;
  readonly start1: number;
  readonly end1: number;
}

/** How several source records matching one variant are combined into one value (as vcfanno's `ops`). */
export type CombineOp = 'first' | 'max' | 'min' | 'concat';

/** One field taken from a configured source. */
export interface SourceFieldConfig {
  /** VCF: an INFO key, or ID, QUAL, FILTER. TSV: a column name from the header line, or a 1-based column number. */
  field: string;
  /** The annotation name in outputs; default `<source name>_<field>`. */
  as?: string;
  /** Default `first`. */
  op?: CombineOp;
  /** Default `number` for max/min, `string` for first/concat. */
  type?: 'number' | 'string';
}

/**
 * A source declared in the config file, without code: a bgzipped, tabix-indexed VCF or TSV whose
 * records are merge-joined with the sample's variants region by region in the workers.
 */
export interface SourceConfig {
  name: string;
  file: string;
  /** Default: `vcf` for names ending .vcf.gz/.vcf.bgz, else `tsv`. */
  format?: 'vcf' | 'tsv';
  /** `allele`: same position, REF and ALT (after trimming shared bases); `overlap`: any record overlapping the variant. Default `allele`. */
  match?: 'allele' | 'overlap';
  version?: string;
  fields: SourceFieldConfig[];
  /** TSV only: columns of REF and ALT (names or 1-based numbers) for `allele` matching; default `ref`/`alt` by name. */
  ref?: string;
  alt?: string;
}

/** The config file (`--config vartriage.json`). Relative paths are relative to the config file. */
export interface VartriageConfig {
  plugins?: Array<string | { path: string; options?: Record<string, unknown> }>;
  sources?: SourceConfig[];
  on_plugin_error?: 'fail' | 'skip';
}

/** What a run records of each plugin and configured source (results.json `plugins`). */
export interface PluginRecord {
  name: string;
  version: string;
  kind: PluginKind;
  /** The plugin module, or the source's data file, as given. */
  path: string;
  /** Configured sources only. */
  match?: 'allele' | 'overlap';
}

/** Plugin outputs carried on an annotated variant (plain data: crosses the worker boundary). */
export interface PluginFacts {
  /** Every annotation name of the run's sources, null where a source had nothing. */
  annotations: Record<string, AnnotationValue>;
  /** Every score plugin by name, null where it gave no score. */
  scores: Record<string, number | null>;
  /** The deleteriousness that replaces the consequence default, and the plugin that gave it. */
  deleteriousness: { value: number; by: string } | null;
}
