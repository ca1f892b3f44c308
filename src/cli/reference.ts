import type { Argv, CommandModule } from 'yargs';
import type { GenomeBuild } from '../variant/build';
import { LogArgs, loggerFrom, withLogOptions } from './common';

interface BuildArgs extends LogArgs {
  out: string;
  name?: string;
  build: GenomeBuild;
  clinvar?: string;
  gnomad: string[];
  genes: string[];
  'lift-genes-chain'?: string;
  hpo?: string;
  'hpo-annotations'?: string;
  'genes-to-phenotype'?: string;
  fasta?: string;
  description?: string;
  force: boolean;
}

const list = (v: unknown): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map(String));

const buildCommand: CommandModule<object, BuildArgs> = {
  command: 'build',
  describe: 'Build a reference bundle from upstream ClinVar, gnomAD, gene-model and HPO files',
  builder: (y) =>
    withLogOptions(y)
      .option('out', { type: 'string', demandOption: true, describe: 'bundle directory to create (built beside it, renamed when complete)' })
      .option('name', { type: 'string', describe: 'bundle name (default: the directory name)' })
      .option('build', { choices: ['GRCh37', 'GRCh38'] as const, demandOption: true, describe: 'genome build of every input' })
      .option('clinvar', { type: 'string', describe: 'ClinVar VCF (NCBI clinvar.vcf.gz, or the MacArthur-lab parse)' })
      .option('gnomad', { type: 'string', array: true, default: [], describe: 'gnomAD sites VCF(s); repeat for exomes + genomes' })
      .option('genes', { type: 'string', array: true, default: [], describe: 'gene models: refGene/genePred, GTF, GFF3; plus the MANE summary for MANE flags' })
      .option('lift-genes-chain', { type: 'string', describe: 'UCSC chain to lift --genes from the other build (e.g. hg38ToHg19 for a GRCh37 bundle)' })
      .option('hpo', { type: 'string', describe: 'HPO ontology: hp.json (obographs) or hp.obo' })
      .option('hpo-annotations', { type: 'string', describe: 'phenotype.hpoa' })
      .option('genes-to-phenotype', { type: 'string', describe: 'genes_to_phenotype.txt (disease-gene links)' })
      .option('fasta', { type: 'string', describe: 'reference FASTA (plain or bgzip) with .fai (and .gzi)' })
      .option('description', { type: 'string', describe: 'free text for the manifest' })
      .option('force', { type: 'boolean', default: false, describe: 'replace an existing bundle at --out' })
      .check((a) => {
        if (!a.clinvar && list(a.gnomad).length === 0 && list(a.genes).length === 0 && !a.hpo && !a.fasta) throw new Error('give at least one source: --clinvar, --gnomad, --genes, --hpo or --fasta');
        return true;
      }) as never,
  handler: async (a) => {
    const log = loggerFrom(a);
    const t0 = Date.now();
    // Each subcommand loads its module when it runs, so that other commands start fast.
    const { buildBundle } = await import('../reference/build');
    const r = buildBundle({
      out: a.out,
      name: a.name,
      build: a.build,
      clinvar: a.clinvar,
      gnomad: list(a.gnomad),
      genes: list(a.genes),
      liftGenesChain: a['lift-genes-chain'],
      hpo: a.hpo,
      hpoAnnotations: a['hpo-annotations'],
      genesToPhenotype: a['genes-to-phenotype'],
      fasta: a.fasta,
      description: a.description,
      force: a.force,
      log,
    });
    log.info(`bundle ${r.manifest.name} (${r.manifest.build}) written to ${a.out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  },
};

interface DirArgs extends LogArgs {
  reference: string;
  json: boolean;
}

const withReference = <T>(y: Argv<T>) => withLogOptions(y).positional('reference', { type: 'string', demandOption: true, describe: 'bundle directory' });

const infoCommand: CommandModule<object, DirArgs> = {
  command: 'info <reference>',
  describe: 'Print a bundle\'s build, sources, versions and record counts',
  builder: (y) => withReference(y).option('json', { type: 'boolean', default: false, describe: 'print manifest.json as is' }) as never,
  handler: async (a) => {
    const { formatInfo } = await import('../reference/info');
    process.stdout.write(formatInfo(a.reference, a.json));
  },
};

const verifyCommand: CommandModule<object, DirArgs> = {
  command: 'verify <reference>',
  describe: 'Re-check every file\'s sha256 against the manifest and that indexes and databases open',
  builder: (y) => withReference(y) as never,
  handler: async (a) => {
    const { verifyBundle } = await import('../reference/verify');
    const checks = await verifyBundle(a.reference);
    process.stdout.write(checks.map((c) => `ok  ${c}\n`).join('') + `${a.reference}: verified\n`);
  },
};

interface FetchArgs extends LogArgs {
  url: string;
  name: string;
  out: string;
}

const fetchCommand: CommandModule<object, FetchArgs> = {
  command: 'fetch',
  describe: 'Download a bundle from a mirror (http, https or file URL), resumable, sha256-verified',
  builder: (y) =>
    withLogOptions(y)
      .option('url', { type: 'string', demandOption: true, describe: 'mirror base URL; the bundle is at BASE/NAME/manifest.json' })
      .option('name', { type: 'string', demandOption: true, describe: 'bundle name on the mirror' })
      .option('out', { type: 'string', default: 'reference', describe: 'directory to put the bundle in (as OUT/NAME)' }) as never,
  handler: async (a) => {
    const log = loggerFrom(a);
    const { fetchBundle } = await import('../reference/fetch');
    const dir = await fetchBundle({ url: a.url, name: a.name, out: a.out, log });
    log.info(`fetched ${a.name} into ${dir}`);
  },
};

export const referenceCommand: CommandModule = {
  command: 'reference',
  describe: 'Build, fetch, describe and verify reference bundles',
  builder: (y) =>
    y
      .command(buildCommand as unknown as CommandModule)
      .command(fetchCommand as unknown as CommandModule)
      .command(infoCommand as unknown as CommandModule)
      .command(verifyCommand as unknown as CommandModule)
      .demandCommand(1, 'name a subcommand: build, fetch, info, verify'),
  handler: () => undefined,
};
