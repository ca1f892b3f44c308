import type { CommandModule } from 'yargs';
import { defaultThreads, LogArgs, loggerFrom, progressFrom, transcriptsFrom, TranscriptsArgs, withLogOptions, withTranscriptsOption } from './common';

export interface AnnotateArgs extends LogArgs, TranscriptsArgs {
  vcf: string;
  reference: string;
  out: string;
  sample?: string;
  region?: string;
  shard?: string;
  threads: number;
  'shard-bytes'?: number;
  ped?: string;
  proband?: string;
}

export const annotateCommand: CommandModule<object, AnnotateArgs> = {
  command: 'annotate',
  describe: 'Annotate one shard of a VCF (--shard i/N or --region) into a shard file for `vartriage merge`',
  builder: (y) =>
    withTranscriptsOption(withLogOptions(y))
      .option('vcf', { type: 'string', demandOption: true, describe: 'bgzipped + indexed VCF (plain or unindexed: whole file only)' })
      .option('reference', { type: 'string', demandOption: true, describe: 'reference bundle directory' })
      .option('out', { type: 'string', demandOption: true, describe: 'shard file to write (e.g. shard-1.vtshard.gz), atomically' })
      .option('sample', { type: 'string', describe: 'sample to read (default: the first in the VCF)' })
      .option('shard', { type: 'string', describe: 'the i-th of N shards of about equal compressed size, i/N (default: 1/1, the whole file)' })
      .option('region', { type: 'string', describe: 'only records whose POS is in this region, chr:start-end' })
      .option('threads', { alias: 't', type: 'number', default: defaultThreads(), describe: 'worker threads (a --shard is one piece: one thread)' })
      .option('shard-bytes', { type: 'number', describe: 'with --region alone: compressed bytes per piece; never changes results' })
      .option('ped', { type: 'string', describe: 'PLINK PED of the family in a multi-sample VCF: its calls go into the shard file, merge checks segregation' })
      .option('proband', { type: 'string', describe: 'the proband in --ped (default: the affected child of a sequenced trio)' })
      .check((a) => {
        if (!Number.isInteger(a.threads) || a.threads < 1) throw new Error('--threads must be a positive integer');
        return true;
      }) as never,
  handler: async (a) => {
    const transcripts = transcriptsFrom(a);
    const { annotateToShardFile } = await import('../run/shardRun');
    await annotateToShardFile({
      vcf: a.vcf,
      reference: a.reference,
      out: a.out,
      sample: a.sample,
      region: a.region,
      shard: a.shard,
      threads: a.threads,
      shardBytes: a['shard-bytes'],
      transcripts,
      ped: a.ped,
      proband: a.proband,
      log: loggerFrom(a),
      progress: progressFrom(a),
    });
  },
};
