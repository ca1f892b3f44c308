import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, sharedAvailable, tmpDir } from '../helpers/cli';
import { sharedBundleBuildArgs, sharedData } from '../helpers/sharedBundle';

/**
 * Exomiser's own end-to-end example (issue 7): the Pfeiffer syndrome exome (sample "manuel", GRCh37)
 * with the spiked causal FGFR2 10:123256215 T>G, and the four HPO terms Exomiser's documentation
 * uses for it. On a GRCh37 bundle built from ../shared/data, FGFR2 must come first with that
 * variant as its top variant.
 */
const d = sharedAvailable() ? describe : describe.skip;

d('Exomiser Pfeiffer example on a GRCh37 bundle', () => {
  const dir = tmpDir('vartriage-pfeiffer-');
  const bundle = path.join(dir, 'grch37');
  const out = path.join(dir, 'out');

  beforeAll(() => {
    const build = runCli(sharedBundleBuildArgs({
      build: 'GRCh37', out: bundle, name: 'grch37-test', clinvar: 'clinvar.20161102.GRCh37.macarthur.vcf.gz',
      gnomad: 'gnomad.exomes.r2.1.1.sites.1_55505599-55516888.annonars.vcf.bgz', liftGenesChain: 'chain_hg38ToHg19.over.chain.gz',
    }));
    expect(build.stderr).not.toMatch(/error/);
    expect(build.code).toBe(0);
    const run = runCli([
      'run', '--vcf', sharedData('vcf', 'pfeiffer-exome.GRCh37.exomiser-example.vcf.gz'),
      '--hpo', 'HP:0001156,HP:0001363,HP:0011304,HP:0010055', '--reference', bundle, '--out', out, '--no-store', '--quiet',
    ]);
    expect(run.stderr).not.toMatch(/error/);
    expect(run.code).toBe(0);
  }, 300000);

  it('ranks FGFR2 first with 10:123256215 T>G as its top variant', () => {
    const r = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(r.input.build).toBe('GRCh37');
    const top = r.candidates[0];
    expect(top.gene.symbol).toBe('FGFR2');
    expect(top.variants[0]).toMatchObject({ chrom: 'chr10', pos: 123256215, ref: 'T', alt: 'G' });
    expect(top.phenotype.disease.name).toMatch(/Pfeiffer|Crouzon|Jackson-Weiss|craniosynostosis/i);
  });
});
