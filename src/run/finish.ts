import { mappingQualityUse } from '../prioritise/mappingQuality';
import type { VcfHeader } from '../io/vcfHeader';
import { AtomicOutputSet } from '../io/atomicWrite';
import type { Logger } from '../log';
import type { FilterOptions } from '../prioritise/filters';
import type { TranscriptSet } from '../annotate/transcriptSet';
import { withTranscriptLists } from '../report/transcriptLists';
import { rankCandidates } from '../prioritise/rank';
import { GeneModels } from '../reference/genes';
import type { HpoId } from '../reference/hpoTypes';
import { Manifest, sourceFile } from '../reference/manifest';
import { renderReportHtml } from '../report/html';
import { renderResultsJson, Results, RESULTS_SCHEMA } from '../report/results';
import { scoreDistribution } from '../report/scoreDistribution';
import { renderCandidatesTsv } from '../report/tsv';
import { writeStoreParallel } from '../store/parallelWrite';
import type { Progress } from '../progress';
import { toolVersion } from '../version';
import type { FamilyInput } from '../familyInput';
import type { PluginSetup } from '../plugins/setup';
import { pluginResultsFields } from '../plugins/results';
import { SegregationCheck } from '../prioritise/segregationFit';
import type { Annotated } from './annotateAll';
import { addCancelHook, noteOutputsComplete, removeCancelHook } from './cancel';
import type { Phenotype } from './phenotype';

/** Everything after annotation that `run` and `merge` share: prioritise, store, report. */
export interface FinishRequest {
  out: string;
  /** The run-equivalent, result-affecting command line recorded in the outputs. */
  command: string;
  started: string;
  vcf: string;
  header: VcfHeader;
  sample: string | null;
  build: string;
  bundleDir: string;
  manifest: Manifest;
  phenotype: Phenotype;
  filters: FilterOptions;
  /** `--transcripts` the variants were annotated with (results.json settings.transcripts). */
  transcripts: TranscriptSet;
  top: number;
  sex: 'male' | 'female' | 'unknown';
  store: boolean;
  /** The variants carry their input records' own fields for the store's cold tier (absent: true). */
  inputFields?: boolean;
  log: Logger;
  /** --ped: the family, for segregation and the report (absent for `merge` and single samples). */
  family?: FamilyInput | null;
  /** --plugin / --config (absent for `merge` and runs without plugins). */
  plugins?: PluginSetup | null;
  /** Worker threads for encoding the store. */
  threads: number;
  /** Progress of writing the store (a bar on a terminal); none when absent. */
  progress?: Progress;
  /** Wall seconds the annotation took (for the closing log record). */
  annotateSeconds?: number;
}

const secondsSince = (t: number): number => Math.round((performance.now() - t) / 10) / 100;

/** Warnings for what the readers skipped, said on stderr as bcftools/VEP users expect, and kept in results.json. */
export function skipWarnings(a: Annotated, manifest: Manifest): string[] {
  const warnings = [...a.warnings];
  if (a.counts.unknown_contig > 0) warnings.push(`${a.counts.unknown_contig} record(s) on contigs the ${manifest.build} bundle does not have were skipped`);
  if (a.counts.symbolic_or_breakend > 0) warnings.push(`${a.counts.symbolic_or_breakend} symbolic or breakend allele(s) skipped (structural variants are not ranked)`);
  if (a.counts.non_acgtn_allele > 0) warnings.push(`${a.counts.non_acgtn_allele} allele(s) with characters other than A, C, G, T, N skipped`);
  return warnings;
}

function geneIdsOf(req: FinishRequest): Map<string, string> {
  const geneIds = new Map<string, string>();
  const genesFile = sourceFile(req.bundleDir, req.manifest, 'genes');
  if (genesFile) {
    const models = new GeneModels(genesFile);
    for (const g of models.allGenes()) geneIds.set(g.symbol, g.ncbiId || g.hgncId);
    models.close();
  }
  return geneIds;
}

/** Ranks the annotated variants and writes results.json, candidates.tsv, report.html and the store, all or none. */
export async function finishRun(req: FinishRequest, a: Annotated, warnings: string[]): Promise<Results> {
  const { manifest, phenotype, filters } = req;
  const fam = req.family ?? null;
  const plugins = req.plugins ?? null;
  const pluginFields = plugins ? pluginResultsFields(plugins, a.plugins) : null;
  if (pluginFields) {
    for (const w of pluginFields.warnings) req.log.warn(w);
    warnings.push(...pluginFields.warnings);
  }
  const mq = mappingQualityUse(a.mqBins);
  if (mq.warning) {
    req.log.warn(mq.warning);
    warnings.push(mq.warning);
  }
  const rankStart = performance.now();
  // Every gene is ranked so the report can show where the top candidates sit among all scores.
  const ranked = rankCandidates(a.passing, phenotype.ontology, {
    top: Number.MAX_SAFE_INTEGER,
    patientTerms: phenotype.observed.map((t) => t.id as HpoId),
    excludedTerms: phenotype.excluded.map((t) => t.id as HpoId),
    sex: req.sex,
    geneIds: geneIdsOf(req),
    mappingQuality: mq.use === 'used',
    ...(fam ? { segregation: new SegregationCheck(fam.family, req.build) } : {}),
  });
  const results: Results = {
    schema: RESULTS_SCHEMA,
    tool: { name: 'vartriage', version: toolVersion() },
    command: req.command,
    started: req.started,
    input: { vcf: req.vcf, sample: req.sample, build: req.build, hpo: phenotype.observed, excluded_hpo: phenotype.excluded, sex: req.sex, ...(fam ? { pedigree: fam.pedigree } : {}) },
    reference: {
      name: manifest.name,
      build: manifest.build,
      sources: manifest.sources.map((s) => ({ kind: s.kind, version: s.version, upstream: s.upstream, sha256: s.sha256, records: s.records })),
    },
    settings: {
      max_af: filters.maxAf,
      pass_only: filters.passOnly,
      min_qual: filters.minQual,
      min_gq: filters.minGq,
      min_dp: filters.minDp,
      exclude_consequences: filters.excludeConsequences,
      top: req.top,
      shards: a.shards,
      transcripts: req.transcripts,
      mapping_quality: mq.use,
    },
    counts: {
      variants: a.annotated,
      passed_filters: a.passed,
      candidates: Math.min(req.top, ranked.candidates.length),
      genes_considered: ranked.genesConsidered,
      per_filter: { ...a.perFilter, ...pluginFields?.perFilter },
      read: a.counts,
      ...(pluginFields ? { plugins: pluginFields.counts } : {}),
    },
    ...(pluginFields ? { plugins: pluginFields.records } : {}),
    warnings: [...phenotype.warnings, ...warnings],
    score_distribution: scoreDistribution(ranked.candidates.map((c) => c.score)),
    candidates: withTranscriptLists(ranked.candidates.slice(0, req.top), a.passing),
  };
  const rankSeconds = secondsSince(rankStart);
  const writeStart = performance.now();
  const outputs = new AtomicOutputSet(req.out);
  const abortOutputs = (): void => outputs.abort();
  addCancelHook(abortOutputs);
  try {
    outputs.write('results.json', renderResultsJson(results));
    outputs.write('candidates.tsv', renderCandidatesTsv(results.candidates, plugins ? { annotations: plugins.annotationNames, scores: plugins.scoreNames } : undefined));
    outputs.write('report.html', renderReportHtml(results));
    // Tiered result store for `vartriage query` (src/store): hot/warm SQLite and the annotated VCF.
    if (req.store) {
      if (!a.spill) throw new Error('finishRun: a store was asked for but the annotated variants were not kept');
      const store = { variants: a.spill, candidates: ranked.candidates, header: req.header, manifest, sample: req.sample, build: req.build, maxAf: filters.maxAf, inputFields: req.inputFields !== false };
      await outputs.produceAsync('store', (tmp) => writeStoreParallel(tmp, store, req.threads, {}, req.progress));
    }
    outputs.commit();
    noteOutputsComplete(req.out);
  } catch (e) {
    outputs.abort();
    throw e;
  } finally {
    removeCancelHook(abortOutputs);
  }
  // Resource use for pipelines (--log-format json); the text line stays short.
  const usage = { annotate_s: req.annotateSeconds ?? null, rank_s: rankSeconds, write_s: secondsSince(writeStart), peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) };
  req.log.info(`${a.annotated} variants, ${a.passed} passed filters, ${results.candidates.length} candidate gene(s); wrote ${req.out}/results.json, candidates.tsv, report.html${req.store ? ', store/' : ''}`, {
    variants: a.annotated,
    passed_filters: a.passed,
    candidates: results.candidates.length,
    ...usage,
  });
  return results;
}
