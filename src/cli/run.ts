import type { CommandModule } from 'yargs';
import { defaultThreads, runPipeline } from '../pipeline';
import { LogArgs, loggerFrom, progressFrom, recordedCommand, withLogOptions } from './common';

export interface RunArgs extends LogArgs {
  vcf: string;
  hpo?: string;
  'hpo-file'?: string;
  reference: string;
  out: string;
  sample?: string;
  sex: string;
  threads: number;
  region?: string;
  shard?: string;
  'shard-bytes'?: number;
  'max-af': number;
  'pass-only': boolean;
  top: number;
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
    withLogOptions(y)
      .option('vcf', { type: 'string', demandOption: true, describe: 'bgzipped + indexed (or plain) VCF' })
      .option('hpo', { type: 'string', describe: 'patient HPO terms, comma-separated' })
      .option('hpo-file', { type: 'string', describe: 'file with one HPO term per line' })
      .option('reference', { type: 'string', demandOption: true, describe: 'reference bundle directory' })
      .option('out', { type: 'string', demandOption: true, describe: 'output directory' })
      .option('sample', { type: 'string', describe: 'sample to rank (default: the first in the VCF)' })
      .option('sex', { type: 'string', default: 'unknown', describe: 'male | female | unknown (X-linked modes)' })
      .option('threads', { alias: 't', type: 'number', default: defaultThreads(), describe: 'worker threads' })
      .option('region', { type: 'string', describe: 'only records whose POS is in this region, chr:start-end' })
      .option('shard-bytes', { type: 'number', describe: 'compressed bytes per shard (default 4 MiB); changes how work is split, never the results' })
      .option('shard', { type: 'string', describe: 'only the i-th of N shards of about equal compressed size, i/N' })
      .option('max-af', { type: 'number', default: 0.02, describe: 'drop variants above this gnomAD AF (group-max where known)' })
      .option('pass-only', { type: 'boolean', default: true, describe: 'drop records whose FILTER is not PASS or .' })
      .option('top', { type: 'number', default: 20, describe: 'number of candidate genes to report' })
      .check((a) => {
        if (!a.hpo && !a['hpo-file']) throw new Error('give the patient phenotype with --hpo or --hpo-file');
        if (!Number.isInteger(a.threads) || a.threads < 1) throw new Error('--threads must be a positive integer');
        return true;
      }) as never,
  handler: async (a) => {
    await runPipeline({
      vcf: a.vcf,
      hpo: a.hpo,
      hpoFile: a['hpo-file'],
      reference: a.reference,
      out: a.out,
      sample: a.sample,
      sex: parseSex(a.sex),
      threads: a.threads,
      region: a.region,
      shard: a.shard,
      shardBytes: a['shard-bytes'],
      maxAf: a['max-af'],
      passOnly: a['pass-only'],
      top: a.top,
      command: recordedCommand(process.argv.slice(2)),
      log: loggerFrom(a),
      progress: progressFrom(a),
    });
  },
};
