/**
 * Command-line mistakes are one `vartriage: error:` line: exit 2 for usage (yargs validation,
 * including the run command's own checks), exit 1 for bad input files; never the exit 70 of an
 * internal error.
 */
import * as path from 'node:path';
import { DEMO_BUNDLE, DEMO_VCF, runCli, tmpDir } from '../helpers/cli';

const out = (): string => path.join(tmpDir(), 'out');

describe('usage errors', () => {
  test.each<[string, string[], number, RegExp]>([
    ['an unknown option', ['run', '--vcf', DEMO_VCF, '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE, '--bogus'], 2, /^vartriage: error: Unknown argument: bogus$/],
    ['no phenotype at all', ['run', '--vcf', DEMO_VCF, '--reference', DEMO_BUNDLE], 2, /^vartriage: error: give the patient phenotype with --hpo, --hpo-file or --phenopacket$/],
    ['a missing VCF (an input error, not usage)', ['run', '--vcf', 'no-such.vcf.gz', '--hpo', 'HP:0001250', '--reference', DEMO_BUNDLE], 1, /^vartriage: error: no-such\.vcf\.gz: no such file/],
  ])('%s', (_what, args, code, line) => {
    const r = runCli([...args, '--out', out()]);
    expect(r.code).toBe(code);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(line)]);
  });
});
