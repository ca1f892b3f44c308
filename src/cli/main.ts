#!/usr/bin/env node
import yargs from 'yargs';
import { InputError } from '../errors';
import { cancelRun, completedOutputs } from '../run/cancel';
import { toolVersion } from '../version';
import { annotateCommand } from './annotate';
import { cohortCommand } from './cohort';
import { demoCommand } from './demo';
import { mergeCommand } from './merge';
import { referenceCommand } from './reference';
import { queryCommand } from './query';
import { runCommand } from './run';

/** Exit codes: 0 success, 1 bad input (one line naming file, line and problem), 70 internal error. */
export async function main(argv: string[]): Promise<number> {
  try {
    await yargs(argv)
      .scriptName('vartriage')
      .version(toolVersion())
      .command(runCommand)
      .command(annotateCommand)
      .command(mergeCommand)
      .command(cohortCommand)
      .command(demoCommand)
      .command(referenceCommand)
      .command(queryCommand)
      .demandCommand(1, 'name a command: run, annotate, merge, cohort, query, demo, reference')
      .strict()
      .fail((msg, err) => {
        // yargs gives a message for its own validation, including errors thrown in .check();
        // errors from command handlers come without one and keep their class.
        if (err instanceof InputError || !msg) throw err ?? new UsageError(msg);
        throw new UsageError(msg);
      })
      .help()
      .parseAsync();
    return 0;
  } catch (e) {
    // A signal handler is already cleaning up and will exit; the pool's rejections are not errors.
    if (interruptedBy) return EXIT_ON_SIGNAL[interruptedBy];
    if (e instanceof InputError || e instanceof UsageError) {
      process.stderr.write(`vartriage: error: ${e.message}\n`);
      return e instanceof UsageError ? 2 : 1;
    }
    const err = e as Error;
    process.stderr.write(`vartriage: internal error: ${err?.message ?? String(e)} (please report it; run with VARTRIAGE_DEBUG=1 for a stack trace)\n`);
    if (process.env.VARTRIAGE_DEBUG) process.stderr.write(`${err?.stack ?? ''}\n`);
    return 70;
  }
}

class UsageError extends Error {}

/** Shell convention: 128 + signal number. */
const EXIT_ON_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;
let interruptedBy: keyof typeof EXIT_ON_SIGNAL | null = null;

/**
 * On SIGINT/SIGTERM: stop the worker pool, remove temporary outputs, exit 130/143. Outputs are
 * renamed into place only when complete, so the output directory holds all of them or none; a
 * signal after that still exits 130/143 and says the outputs are complete.
 * A second signal gets Node's default handling (immediate exit).
 */
function handleSignals(): void {
  for (const signal of Object.keys(EXIT_ON_SIGNAL) as Array<keyof typeof EXIT_ON_SIGNAL>) {
    process.once(signal, () => {
      interruptedBy = signal;
      void cancelRun().finally(() => {
        const done = completedOutputs();
        // A signal in the last moments of a run (outputs already renamed into place) leaves them as they are.
        process.stderr.write(done ? `vartriage: interrupted by ${signal} after the outputs in ${done} were complete\n` : `vartriage: interrupted by ${signal}; workers stopped, temporary files removed\n`);
        process.exit(EXIT_ON_SIGNAL[signal]);
      });
    });
  }
}

if (require.main === module) {
  handleSignals();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
