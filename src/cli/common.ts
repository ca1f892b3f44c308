import type { Argv } from 'yargs';
import { DEFAULT_TRANSCRIPT_SET, parseTranscriptSet, TranscriptSet } from '../annotate/transcriptSet';
import { createLogger, LogFormat, Logger } from '../log';
import { createProgress, Progress } from '../progress';

/**
 * The pipeline's default worker count. The pipeline module is required here, when a command that
 * runs it builds its options, not when the CLI starts: `vartriage query` must not pay for loading
 * the whole pipeline (docs/adr/0001, cold CLI start).
 */
export function defaultThreads(): number {
  return (require('../pipeline') as typeof import('../pipeline')).defaultThreads();
}

export interface LogArgs {
  quiet: boolean;
  'log-format': LogFormat;
}

export function withLogOptions<T>(y: Argv<T>): Argv<T & LogArgs> {
  return y
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Only warnings and errors on stderr' })
    .option('log-format', { choices: ['text', 'json'] as const, default: 'text' as LogFormat, describe: 'stderr log format' });
}

export interface TranscriptsArgs {
  transcripts: string;
}

/**
 * `--transcripts all|mane|canonical` (src/annotate/transcriptSet.ts). Parsed by the handler with
 * transcriptsFrom, not by yargs `choices`, so a bad value is one `vartriage: error:` line (exit 1)
 * instead of the usage text.
 */
export function withTranscriptsOption<T>(y: Argv<T>): Argv<T & TranscriptsArgs> {
  return y.option('transcripts', {
    type: 'string',
    default: DEFAULT_TRANSCRIPT_SET,
    describe: 'transcripts to annotate: canonical (one per gene: MANE Select, else the bundle\'s canonical), mane (MANE Select only), all (every overlapping transcript, gene consequence = most severe)',
  }) as unknown as Argv<T & TranscriptsArgs>;
}

export function transcriptsFrom(args: TranscriptsArgs): TranscriptSet {
  return parseTranscriptSet(args.transcripts);
}

export function loggerFrom(args: LogArgs): Logger {
  return createLogger({ quiet: args.quiet, format: args['log-format'] });
}

/** Progress on stderr: a bar when it is a terminal, JSON lines with --log-format json, none with --quiet. */
export function progressFrom(args: LogArgs): Progress {
  return createProgress({ quiet: args.quiet, format: args['log-format'] });
}

/** Options that change only how a run executes, not its results; left out of the recorded command. */
const EXECUTION_ONLY = new Set(['--threads', '-t', '--quiet', '-q', '--log-format', '--shard-bytes', '--shards']);

/** The command line as recorded in outputs: result-affecting arguments only, so 1 and N threads give identical files. */
export function recordedCommand(argv: string[]): string {
  return ['vartriage', ...resultArgs(argv).map(shellQuote)].join(' ');
}

function shellQuote(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

/** argv without the execution-only options and their values. */
function resultArgs(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const name = a.split('=')[0];
    if (EXECUTION_ONLY.has(name)) {
      if (!a.includes('=') && name !== '--quiet' && name !== '-q' && i + 1 < argv.length) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * What `merge` records: the `vartriage run` that gives the same outputs, i.e.
 * `vartriage run --vcf V [--sample S] [--region R]` followed by merge's own result-affecting
 * arguments in the order given, without the shard files. A `run` typed in that order records the
 * same text, so the two outputs are byte-identical (docs/cohort.md).
 */
export function recordedRunCommand(runInputs: string[], mergeArgv: string[], shardFiles: string[]): string {
  const rest = resultArgs(mergeArgv);
  if (rest[0] === 'merge') rest.shift();
  const shards = new Set(shardFiles);
  return ['vartriage', 'run', ...runInputs, ...rest.filter((a) => !shards.has(a))].map((a, i) => (i < 2 ? a : shellQuote(a))).join(' ');
}
