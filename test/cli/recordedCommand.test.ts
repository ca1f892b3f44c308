import { recordedCommand, recordedRunCommand } from '../../src/cli/common';

describe('the recorded command of merge is the equivalent run', () => {
  const cases: Array<[string, string[], string[], string[], string]> = [
    ['shard files dropped, execution-only options dropped', ['--vcf', 'a.vcf.gz'], ['merge', 's1', 's2', '--hpo', 'HP:1', '--reference', 'ref', '--out', 'o', '-q'], ['s1', 's2'], 'vartriage run --vcf a.vcf.gz --hpo HP:1 --reference ref --out o'],
    ['annotate\'s --sample and --region follow --vcf', ['--vcf', 'a.vcf.gz', '--sample', 'S 1', '--region', 'chr1'], ['merge', '--out', 'o', 's1', '--top', '5'], ['s1'], "vartriage run --vcf a.vcf.gz --sample 'S 1' --region chr1 --out o --top 5"],
  ];
  it.each(cases)('%s', (_name, inputs, argv, shards, expected) => {
    expect(recordedRunCommand(inputs, argv, shards)).toBe(expected);
  });

  it('equals what run records for the same options in that order', () => {
    expect(recordedRunCommand(['--vcf', 'v'], ['merge', 's', '--hpo', 'HP:1', '--out', 'o'], ['s'])).toBe(recordedCommand(['run', '--vcf', 'v', '--hpo', 'HP:1', '--out', 'o', '--shards', '4', '-t', '2']));
  });
});
