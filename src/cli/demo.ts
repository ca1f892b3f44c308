import * as path from 'node:path';
import type { CommandModule } from 'yargs';
import { readTermInputs } from '../io/hpoInput';
import { DEFAULT_TRANSCRIPT_SET } from '../annotate/transcriptSet';
import { defaultThreads, LogArgs, loggerFrom, progressFrom, transcriptsFrom, TranscriptsArgs, withLogOptions, withTranscriptsOption } from './common';

interface DemoArgs extends LogArgs, TranscriptsArgs {
  out: string;
  threads: number;
}

/** Root of the installed package (dist/src/cli -> package root). */
const PACKAGE_ROOT = path.resolve(__dirname, '..', '..', '..');

export const DEMO_HPO = 'HP:0001250,HP:0004322,HP:0001263,HP:0000637';

export const demoCommand: CommandModule<object, DemoArgs> = {
  command: 'demo',
  describe: 'Run the bundled demo (generated data, not for clinical use) and print the top candidates',
  builder: (y) =>
    withTranscriptsOption(withLogOptions(y))
      .option('out', { type: 'string', default: 'demo-out', describe: 'output directory' })
      .option('threads', { alias: 't', type: 'number', default: defaultThreads() }) as never,
  handler: async (a) => {
    const transcripts = transcriptsFrom(a);
    const vcf = path.join(PACKAGE_ROOT, 'samples', 'demo-proband.vcf.gz');
    const { runPipeline } = await import('../pipeline');
    const results = await runPipeline({
      vcf,
      phenotype: { observed: readTermInputs(DEMO_HPO, undefined, '--hpo'), excluded: [] },
      unknownHpo: 'error',
      reference: path.join(PACKAGE_ROOT, 'reference', 'demo'),
      out: a.out,
      sex: 'female',
      threads: a.threads,
      maxAf: 0.02,
      passOnly: true,
      top: 20,
      store: true,
      transcripts,
      command: `vartriage run --vcf samples/demo-proband.vcf.gz --hpo ${DEMO_HPO} --reference reference/demo --sex female${transcripts === DEFAULT_TRANSCRIPT_SET ? '' : ` --transcripts ${transcripts}`} --out ${a.out}`,
      log: loggerFrom(a),
      progress: progressFrom(a),
    });
    const lines = results.candidates.slice(0, 5).map((c) => {
      const v = c.variants[0];
      return `  ${c.rank}. ${c.gene.symbol.padEnd(8)} score ${c.score.toFixed(3)}  ${v.chrom}:${v.pos} ${v.ref}>${v.alt} ${v.zygosity} ${v.consequence}${c.phenotype.disease ? `  (${c.phenotype.disease.name})` : ''}`;
    });
    process.stdout.write(`Top candidates for the demo proband (${results.input.hpo.map((t) => t.label).join(', ')}):\n${lines.join('\n')}\nReport: ${path.join(a.out, 'report.html')}\n`);
  },
};
