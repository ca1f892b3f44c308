import type { Argv, CommandModule } from 'yargs';
import { CONSEQUENCE_ORDER } from '../annotate/soTerms';
import type { ExtraFilters } from '../prioritise/filters';
import { InputError } from '../errors';
import { readTermInputs } from '../io/hpoInput';
import { PhenopacketInput, readPhenopacket } from '../io/phenopacket';
import type { RunOptions } from '../pipeline';
import { defaultThreads, LogArgs, loggerFrom, progressFrom, recordedCommand, transcriptsFrom, TranscriptsArgs, withLogOptions, withTranscriptsOption } from './common';

/** Arguments of withRankingOptions. */
export interface RankingArgs {
  hpo?: string;
  'hpo-file'?: string;
  'hpo-excluded'?: string;
  'hpo-excluded-file'?: string;
  phenopacket?: string;
  'unknown-hpo': 'error' | 'skip';
  reference: string;
  out: string;
  sex?: string;
  'max-af': number;
  'pass-only': boolean;
  'min-qual': number;
  'min-gq': number;
  'min-dp': number;
  'exclude-consequence'?: string;
  top: number;
  store: boolean;
  'input-fields': boolean;
}

/** --min-qual, --min-gq, --min-dp and --exclude-consequence (every term checked against the SO terms the annotator writes). */
export function extraFiltersFrom(a: RankingArgs): ExtraFilters {
  const excludeConsequences = (a['exclude-consequence'] ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
  for (const t of excludeConsequences) {
    if (!(CONSEQUENCE_ORDER as readonly string[]).includes(t)) throw new InputError('--exclude-consequence', `"${t}" is not a Sequence Ontology term vartriage writes (one of ${CONSEQUENCE_ORDER.join(', ')})`);
  }
  for (const k of ['min-qual', 'min-gq', 'min-dp'] as const) if (!(a[k] >= 0)) throw new InputError(`--${k}`, `expected a number >= 0, got ${a[k]}`);
  return { minQual: a['min-qual'], minGq: a['min-gq'], minDp: a['min-dp'], excludeConsequences };
}

export interface RunArgs extends LogArgs, RankingArgs, TranscriptsArgs {
  vcf?: string;
  sample?: string;
  ped?: string;
  proband?: string;
  fasta?: string;
  plugin?: string[];
  config?: string;
  'on-plugin-error'?: 'fail' | 'skip';
  threads: number;
  region?: string;
  shard?: string;
  shards?: number;
  'shard-bytes'?: number;
}

/** Options shared by `run` and `merge`: phenotype, bundle, output, filters and ranking. */
export function withRankingOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('hpo', { type: 'string', describe: 'patient HPO terms, comma-separated' })
    .option('hpo-file', { type: 'string', describe: 'file with one HPO term per line' })
    .option('hpo-excluded', { type: 'string', describe: 'HPO terms the patient is known not to have, comma-separated' })
    .option('hpo-excluded-file', { type: 'string', describe: 'file with one excluded HPO term per line' })
    .option('phenopacket', { type: 'string', describe: 'GA4GH Phenopacket v2 JSON: observed and excluded features, sex, and the VCF in files[]' })
    .option('unknown-hpo', { choices: ['error', 'skip'] as const, default: 'error' as const, describe: 'a term missing from the bundle\'s HPO release: stop (default) or skip it with a warning' })
    .option('reference', { type: 'string', demandOption: true, describe: 'reference bundle directory' })
    .option('out', { type: 'string', demandOption: true, describe: 'output directory' })
    .option('sex', { type: 'string', describe: 'male | female | unknown (X-linked modes; default: the phenopacket\'s, else unknown)' })
    .option('max-af', { type: 'number', default: 0.02, describe: 'drop variants above this gnomAD AF (group-max where known)' })
    .option('pass-only', { type: 'boolean', default: true, describe: 'drop records whose FILTER is not PASS or .' })
    .option('min-qual', { type: 'number', default: 0, describe: 'drop records with QUAL below this (0: off)' })
    .option('min-gq', { type: 'number', default: 0, describe: "drop calls whose FORMAT GQ is below this (0: off; gnomAD's adj uses 20)" })
    .option('min-dp', { type: 'number', default: 0, describe: "drop calls with read depth below this (0: off; gnomAD's adj uses 10)" })
    .option('exclude-consequence', { type: 'string', describe: 'drop variants whose most severe consequence is one of these SO terms, comma-separated (e.g. intron_variant,synonymous_variant)' })
    .option('store', { type: 'boolean', default: true, describe: 'write the tiered result store <out>/store/ for `vartriage query` (--no-store to skip)' })
    .option('input-fields', { type: 'boolean', default: true, describe: "keep the input records' own INFO and FORMAT fields in the store's annotated VCF, as vcfanno and VEP --vcf do (--no-input-fields: annotations and the call only; a genome runs about a quarter faster)" })
    .option('top', { type: 'number', default: 20, describe: 'number of candidate genes to report' })
    .check((a) => {
      const args = a as { hpo?: string; 'hpo-file'?: string; phenopacket?: string };
      if (!args.hpo && !args['hpo-file'] && !args.phenopacket) throw new Error('give the patient phenotype with --hpo, --hpo-file or --phenopacket');
      return true;
    }) as unknown as Argv<T>;
}

/** Observed and excluded terms from --hpo*, --hpo-excluded* and a phenopacket. */
export function phenotypeFrom(a: RunArgs | RankingArgs, pp: PhenopacketInput | undefined): RunOptions['phenotype'] {
  return {
    observed: [...readTermInputs(a.hpo, a['hpo-file'], '--hpo'), ...(pp?.observed ?? [])],
    excluded: [...readTermInputs(a['hpo-excluded'], a['hpo-excluded-file'], '--hpo-excluded'), ...(pp?.excluded ?? [])],
  };
}

export function parseSex(text: string): 'male' | 'female' | 'unknown' {
  const s = text.toLowerCase();
  if (s === 'male' || s === 'm') return 'male';
  if (s === 'female' || s === 'f') return 'female';
  return 'unknown';
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run',
  describe: 'Annotate a VCF, rank genes against HPO terms, write results.json, candidates.tsv and report.html',
  builder: (y) =>
    withTranscriptsOption(withRankingOptions(withLogOptions(y)))
      .option('vcf', { type: 'string', describe: 'bgzipped + indexed (or plain) VCF (or the one named in --phenopacket)' })
      .option('sample', { type: 'string', describe: 'sample to rank (default: the first in the VCF)' })
      .option('fasta', { type: 'string', describe: 'indexed reference FASTA (.fa + .fai, or bgzipped + .fai + .gzi): left-align indels against it' })
      .option('ped', { type: 'string', describe: 'PLINK PED file of the family (multi-sample VCF): segregation, de novo and compound heterozygote phasing' })
      .option('proband', { type: 'string', describe: 'the proband\'s id in --ped (default: the affected individual with both parents in the VCF)' })
      .option('plugin', { type: 'string', array: true, describe: 'filter, score or source plugin module (.js/.mjs/.cjs); repeatable (README "Extending vartriage")' })
      .option('config', { type: 'string', describe: 'vartriage.json: plugins with options, and annotation sources (bgzipped, tabix-indexed VCF/TSV) declared without code' })
      .option('on-plugin-error', { choices: ['fail', 'skip'] as const, describe: 'a plugin that throws or returns a malformed value: stop the run (default) or skip that plugin on that variant, counted in results.json' })
      .option('threads', { alias: 't', type: 'number', default: defaultThreads(), describe: 'worker threads' })
      .option('region', { type: 'string', describe: 'only records whose POS is in this region, chr:start-end' })
      .option('shard-bytes', { type: 'number', describe: 'compressed bytes per shard (default 4 MiB); changes how work is split, never the results' })
      .option('shards', { type: 'number', describe: 'split into exactly N shards of about equal compressed size (as `annotate --shard i/N`); execution only' })
      .option('shard', { type: 'string', describe: 'only the i-th of N shards of about equal compressed size, i/N' })
      .check((a) => {
        if (!a.vcf && !a.phenopacket) throw new Error('give the VCF with --vcf (or in a --phenopacket)');
        if (!Number.isInteger(a.threads) || a.threads < 1) throw new Error('--threads must be a positive integer');
        if (a.shards !== undefined && (!Number.isInteger(a.shards) || a.shards < 1)) throw new Error('--shards must be a positive integer');
        return true;
      }) as never,
  handler: async (a) => {
    const transcripts = transcriptsFrom(a);
    const pp = a.phenopacket ? readPhenopacket(a.phenopacket) : undefined;
    const vcf = a.vcf ?? pp?.vcf;
    if (!vcf) throw new InputError(a.phenopacket ?? '--vcf', 'no VCF given and none named in files[]');
    // Loaded here, not at start-up: other commands (query) do not need the pipeline.
    const { runPipeline } = await import('../pipeline');
    await runPipeline({
      vcf,
      phenotype: phenotypeFrom(a, pp),
      unknownHpo: a['unknown-hpo'],
      reference: a.reference,
      out: a.out,
      sample: a.sample ?? pp?.sample,
      ped: a.ped,
      proband: a.proband,
      fasta: a.fasta,
      sex: a.sex ? parseSex(a.sex) : (pp?.sex ?? 'unknown'),
      threads: a.threads,
      region: a.region,
      shard: a.shard,
      shards: a.shards,
      shardBytes: a['shard-bytes'],
      transcripts,
      maxAf: a['max-af'],
      passOnly: a['pass-only'],
      extraFilters: extraFiltersFrom(a),
      top: a.top,
      store: a.store,
      inputFields: a['input-fields'],
      command: recordedCommand(process.argv.slice(2)),
      log: loggerFrom(a),
      progress: progressFrom(a),
      plugins: { pluginPaths: a.plugin ?? [], configFile: a.config, onError: a['on-plugin-error'] },
    });
  },
};
