import * as path from 'node:path';
import { SHARED_DATA } from './cli';

/** A path under ../shared/data. */
export const sharedData = (...p: string[]): string => path.join(SHARED_DATA, ...p);

/**
 * `vartriage reference build` arguments for a real-data test bundle: the given ClinVar and gnomAD
 * files, refGene 2017 + MANE v1.0 gene models (lifted when a chain is given) and HPO 2023-01-27,
 * all from ../shared/data.
 */
export function sharedBundleBuildArgs(o: { build: 'GRCh37' | 'GRCh38'; out: string; name: string; clinvar: string; gnomad: string; liftGenesChain?: string }): string[] {
  return [
    'reference', 'build', '--build', o.build, '--out', o.out, '--name', o.name,
    '--clinvar', sharedData('clinvar', o.clinvar),
    '--gnomad', sharedData('gnomad', o.build, o.gnomad),
    '--genes', sharedData('genes', 'refGene.hg38.2017.txt.gz'), sharedData('genes', 'MANE.GRCh38.v1.0.summary.txt.gz'),
    ...(o.liftGenesChain ? ['--lift-genes-chain', sharedData('chains', o.liftGenesChain)] : []),
    '--hpo', sharedData('hpo', 'hp.v2023-01-27.json.gz'), '--hpo-annotations', sharedData('hpo', 'phenotype.hpoa.gz'),
    '--genes-to-phenotype', sharedData('hpo', 'genes_to_phenotype.txt.gz'), '--quiet',
  ];
}
