/** `cohort.json` + `cohort.sqlite`: per variant, how many of a cohort's samples carry it (docs/cohort.md). */
export const COHORT_SCHEMA = 'vartriage.cohort/1';
export const COHORT_MANIFEST = 'cohort.json';
export const COHORT_DB = 'cohort.sqlite';

export interface CohortManifest {
  schema: typeof COHORT_SCHEMA;
  tool: { name: 'vartriage'; version: string };
  build: string;
  reference: { name: string; sources_sha256: string[] };
  /** Sample names in the order their stores were given; `samples` columns list them in this order. */
  samples: string[];
  counts: { variants: number; samples: number };
  contigs: string[];
}

/** One row of the cohort store, as `vartriage query` prints it. 1-based `pos1`. */
export interface CohortVariant {
  chrom: string;
  pos1: number;
  ref: string;
  alt: string;
  id: string;
  /** Samples whose store holds this allele (every stored allele is carried: non-carried ones are not stored). */
  samples_carrying: number;
  samples_hom: number;
  /** Names of the carrying samples, in cohort order. */
  samples: string[];
  consequence: string;
  genes: string[];
  gnomad_af: number | null;
  clinvar_id: string | null;
  clinvar_significance: string | null;
}
