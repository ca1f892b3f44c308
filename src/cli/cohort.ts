import type { CommandModule } from 'yargs';
import { LogArgs, loggerFrom, withLogOptions } from './common';

export interface CohortArgs extends LogArgs {
  stores: string[];
  out: string;
}

export const cohortCommand: CommandModule<object, CohortArgs> = {
  command: 'cohort <stores..>',
  describe: 'Count, per variant, the samples carrying it over per-sample result stores; writes a cohort store for `vartriage query`',
  builder: (y) =>
    withLogOptions(y)
      .positional('stores', { type: 'string', array: true, demandOption: true, describe: 'each sample\'s run output directory (or its store/)' })
      .option('out', { type: 'string', demandOption: true, describe: 'cohort store directory to write (cohort.json, cohort.sqlite)' }) as never,
  handler: async (a) => {
    const { buildCohort } = await import('../cohort/build');
    const m = buildCohort(a.out, a.stores.map(String));
    loggerFrom(a).info(`${m.counts.variants} variants over ${m.counts.samples} samples; wrote ${a.out}/cohort.sqlite`);
  },
};
