#!/usr/bin/env node
import yargs from 'yargs';
import { InputError } from '../errors';
import { toolVersion } from '../version';
import { demoCommand } from './demo';
import { queryCommand } from './query';
import { runCommand } from './run';

/** Exit codes: 0 success, 1 bad input (one line naming file, line and problem), 70 internal error. */
export async function main(argv: string[]): Promise<number> {
  try {
    await yargs(argv)
      .scriptName('vartriage')
      .version(toolVersion())
      .command(runCommand)
      .command(demoCommand)
      .command(queryCommand)
      .demandCommand(1, 'name a command: run, query, demo')
      .strict()
      .fail((msg, err) => {
        throw err ?? new UsageError(msg);
      })
      .help()
      .parseAsync();
    return 0;
  } catch (e) {
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

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
