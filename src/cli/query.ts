import type { CommandModule } from 'yargs';
import { CohortReader, isCohortDir, renderCohortTsv } from '../cohort/reader';
import { InputError } from '../errors';
// The read side only: src/store/index.ts also exports the writer, whose imports a query does not need.
import { describeLookup, parseLookup } from '../store/lookup';
import { StoreAnswer, StoreReader } from '../store/query';
import type { Lookup, LookupKind, StoreHit, TierName } from '../store/types';

export interface QueryArgs {
  store: string;
  locus?: string;
  region?: string;
  gene?: string;
  rsid?: string;
  clinvar?: string;
  format: 'tsv' | 'json';
  tier: 'auto' | TierName;
}

const KINDS: LookupKind[] = ['locus', 'region', 'gene', 'rsid', 'clinvar'];

export const QUERY_COLUMNS = [
  'chrom', 'pos', 'ref', 'alt', 'id', 'filter', 'qual', 'zygosity', 'consequence', 'genes', 'gnomad_af', 'gnomad_grpmax_af',
  'clinvar_id', 'clinvar_significance', 'clinvar_stars', 'candidate_rank', 'reportable', 'hgvs_c', 'hgvs_p',
  // Appended only (scripts read columns by position): the sample's call as the input VCF gave it.
  'gt', 'ad', 'dp', 'gq',
];

/** TSV cells cannot hold tabs or newlines (they would shift columns); they become spaces. */
function cell(x: string | number | null | undefined): string {
  if (x === null || x === undefined || x === '') return '.';
  return String(x).replace(/[\t\r\n]/g, ' ');
}

export function renderQueryTsv(hits: StoreHit[]): string {
  const rows = [QUERY_COLUMNS.join('\t')];
  for (const h of hits) {
    const best = h.candidates?.[0];
    rows.push(
      [
        h.chrom, h.pos1, h.ref, h.alt, h.id, h.filter, h.qual, h.zygosity, h.consequence, h.genes.map((g) => g.gene).join(','),
        h.gnomad?.af, h.gnomad?.grpmaxAf, h.clinvar?.id, h.clinvar?.significance, h.clinvar?.stars, h.candidateRank, h.reportable.join(','),
        best?.hgvs_c, best?.hgvs_p,
        h.call?.gt, h.call?.ad ? h.call.ad.join(',') : null, h.call?.dp, h.call?.gq,
      ].map(cell).join('\t'),
    );
  }
  return rows.join('\n') + '\n';
}

export function renderQueryJson(answer: StoreAnswer, reader: StoreReader): string {
  const m = reader.manifest;
  return JSON.stringify(
    {
      store: { sample: m.sample, build: m.build, reference: m.reference, tool: m.tool, variants: m.counts.variants },
      query: { kind: answer.lookup.kind, value: describeLookup(answer.lookup) },
      tier: answer.tier,
      count: answer.hits.length,
      hits: answer.hits,
    },
    null,
    2,
  ) + '\n';
}

function chosenLookup(a: QueryArgs): Lookup {
  const given = KINDS.filter((k) => a[k] !== undefined);
  if (given.length !== 1) throw new InputError('query', `give exactly one of ${KINDS.map((k) => `--${k}`).join(', ')}${given.length ? ` (got ${given.map((k) => `--${k}`).join(', ')})` : ''}`);
  return parseLookup(given[0], String(a[given[0]]));
}

export const queryCommand: CommandModule<object, QueryArgs> = {
  command: 'query <store>',
  describe: 'Look up variants in a run\'s result store (OUT/store) by locus, region, gene, rsID or ClinVar id',
  builder: (y) =>
    y
      .positional('store', { type: 'string', demandOption: true, describe: 'store directory written by `vartriage run` (OUT/store), or a cohort store from `vartriage cohort`' })
      .option('locus', { type: 'string', describe: 'chrom:pos, e.g. chr1:12345 (variants whose REF overlaps it)' })
      .option('region', { type: 'string', describe: 'chrom:start-end, 1-based inclusive' })
      .option('gene', { type: 'string', describe: 'gene symbol' })
      .option('rsid', { type: 'string', describe: 'dbSNP id, e.g. rs123' })
      .option('clinvar', { type: 'string', describe: 'ClinVar VariationID' })
      .option('format', { choices: ['tsv', 'json'] as const, default: 'tsv' as const, describe: 'output format' })
      .option('tier', { choices: ['auto', 'hot', 'warm', 'cold'] as const, default: 'auto' as const, describe: 'auto: all variants (warm) with ranking detail (hot); hot: reportable variants only; cold: the annotated VCF' }) as never,
  handler: async (a) => {
    const lookup = chosenLookup(a);
    if (isCohortDir(a.store)) {
      // A cohort store (`vartriage cohort`): one row per variant with the samples carrying it.
      const cohort = new CohortReader(a.store);
      try {
        const hits = cohort.lookup(lookup);
        process.stdout.write(a.format === 'json' ? JSON.stringify({ cohort: { samples: cohort.manifest.samples, build: cohort.manifest.build, reference: cohort.manifest.reference.name }, query: { kind: lookup.kind, value: describeLookup(lookup) }, count: hits.length, hits }, null, 2) + '\n' : renderCohortTsv(hits));
      } finally {
        cohort.close();
      }
      return;
    }
    const reader = StoreReader.open(a.store);
    try {
      const answer = a.tier === 'auto' ? reader.lookup(lookup) : await reader.lookupTier(lookup, a.tier);
      process.stdout.write(a.format === 'json' ? renderQueryJson(answer, reader) : renderQueryTsv(answer.hits));
    } finally {
      reader.close();
    }
  },
};
