import type { GnomadFacts, ClinvarFacts } from '../annotate/types';
import type { AnnotationValue } from '../plugins/types';
import type { Zygosity } from '../variant/types';
import type { SegregationVerdict } from './segregation';
import type { FamilyGenotypeOut } from './segregationFit';

/** Shapes of the `candidates` array in results.json (docs/results-schema.md). snake_case as written. */
export interface TermMatchOut {
  patient_term: string;
  patient_label: string;
  /** True for an excluded patient term that the disease shows (it counts against the disease). */
  excluded: boolean;
  gene_term: string;
  gene_label: string;
  common_ancestor: string;
  common_ancestor_label: string;
  ic: number;
  /** How often the disease shows the common ancestor, and the likelihood ratio this term contributes. */
  frequency: number;
  lr: number;
}

export interface CandidateVariant {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  id: string;
  zygosity: Zygosity;
  consequence: string;
  transcript: string;
  location: string | null;
  hgvs_c: string | null;
  hgvs_p: string | null;
  gnomad: Pick<GnomadFacts, 'af' | 'ac' | 'an' | 'nhomalt'> & { grpmax_af: number | null; grpmax: string } | null;
  clinvar: Pick<ClinvarFacts, 'id' | 'significance' | 'stars' | 'conditions'> & { review_status: string } | null;
  score: number;
  reasons: string[];
  /** The proband's call as read from FORMAT (absent for sites-only VCFs). */
  call?: { gt: string; dp: number | null; gq: number | null; ad: [number, number] | null };
  /** Values of configured sources and source plugins by annotation name; only in runs with plugins. */
  annotations?: Record<string, AnnotationValue>;
  /** Values of score plugins by plugin name; only in runs with plugins. */
  plugin_scores?: Record<string, number | null>;
  /** With --ped: each family member's genotype at this variant, proband first. */
  family?: FamilyGenotypeOut[];
}

export interface Candidate {
  rank: number;
  score: number;
  gene: {
    symbol: string;
    id: string;
    diseases: Array<{ id: string; name: string; phenotype_score: number; log10_lr: number }>;
    inheritance: string[];
  };
  phenotype: {
    /** Resnik best-match similarity to the chosen disease, normalised to [0, 1]. */
    score: number;
    /** log10 of the phenotype likelihood ratio of the chosen disease. */
    log10_lr: number;
    disease: { id: string; name: string } | null;
    matches: TermMatchOut[];
  };
  inheritance: { mode: string | null; fits: boolean; explanation: string };
  variant_score: number;
  /** log10(phenotype LR x genotype score): what the ranking sorts on. */
  log10_evidence: number;
  variants: CandidateVariant[];
  /** With --ped: segregation of the genotypes in the pedigree under each mode tried, the chosen one first. */
  segregation?: SegregationVerdict[];
}
