import type { CommandModule } from 'yargs';
import { DEFAULT_TRANSCRIPT_SET } from '../annotate/transcriptSet';
import { readPhenopacket } from '../io/phenopacket';
import { defaultThreads, LogArgs, loggerFrom, progressFrom, recordedRunCommand, withLogOptions } from './common';
import { extraFiltersFrom, parseSex, phenotypeFrom, RankingArgs, withRankingOptions } from './run';

export interface MergeArgs extends LogArgs, RankingArgs {
  shards: string[];
  threads: number;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <shards..>',
  describe: 'Join shard files of one VCF (from `vartriage annotate`) in shard order and rank, store and report as `run` does',
  builder: (y) =>
    withRankingOptions(withLogOptions(y))
      .positional('shards', { type: 'string', array: true, demandOption: true, describe: 'every shard file of one VCF (any order)' })
      .option('threads', { alias: 't', type: 'number', default: defaultThreads(), describe: 'worker threads (encoding the store)' })
      .check((a) => {
        if (!Number.isInteger(a.threads) || a.threads < 1) throw new Error('--threads must be a positive integer');
        return true;
      }) as never,
  handler: async (a) => {
    const pp = a.phenopacket ? readPhenopacket(a.phenopacket) : undefined;
    const argv = process.argv.slice(2);
    const { mergeShardFiles } = await import('../run/shardRun');
    await mergeShardFiles({
      shards: a.shards.map(String),
      phenotype: phenotypeFrom(a, pp),
      unknownHpo: a['unknown-hpo'],
      reference: a.reference,
      out: a.out,
      sex: a.sex ? parseSex(a.sex) : (pp?.sex ?? 'unknown'),
      maxAf: a['max-af'],
      passOnly: a['pass-only'],
      extraFilters: extraFiltersFrom(a),
      top: a.top,
      store: a.store,
      inputFields: a['input-fields'],
      threads: a.threads,
      progress: progressFrom(a),
      // The outputs record the `vartriage run` that gives the same files (docs/cohort.md).
      command: (source, pedigree) => {
        const inputs = pp?.vcf === source.vcf ? [] : ['--vcf', source.vcf];
        if (source.sampleRequested !== null && pp?.sample !== source.sampleRequested) inputs.push('--sample', source.sampleRequested);
        if (pedigree) inputs.push('--ped', pedigree.file, ...(pedigree.probandGiven !== null ? ['--proband', pedigree.probandGiven] : []));
        if (source.region !== null) inputs.push('--region', source.region);
        if (source.transcripts !== undefined && source.transcripts !== DEFAULT_TRANSCRIPT_SET) inputs.push('--transcripts', source.transcripts);
        return recordedRunCommand(inputs, argv, a.shards.map(String));
      },
      log: loggerFrom(a),
    });
  },
};
