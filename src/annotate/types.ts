import type { PluginFacts } from '../plugins/types';
import type { MemberCall } from '../variant/memberCall';
import type { AlleleFacts, SourceFields } from '../variant/types';
import type { ConsequenceTerm } from './soTerms';
export type { SourceFields } from '../variant/types';

/** Population frequency facts carried with a variant. */
export interface GnomadFacts {
  af: number;
  /** null when the gnomAD release in the bundle does not give it (unknown, not 0). */
  ac: number | null;
  an: number | null;
  nhomalt: number | null;
  grpmaxAf: number | null;
  grpmax: string;
  filter: string;
}

export interface ClinvarFacts {
  id: string;
  significance: string;
  reviewStatus: string;
  stars: number;
  conditions: string[];
}

/** The representative consequence of a variant on one gene. */
export interface GeneConsequence {
  gene: string;
  transcript: string;
  consequence: ConsequenceTerm;
  terms: ConsequenceTerm[];
  location: string | null;
  maneSelect: boolean;
  /** HGVS c./n. on `transcript`, e.g. `NM_000059.4:c.5946del`; null where it cannot be fixed without sequence. */
  hgvsC?: string | null;
  /** HGVS p. as a predicted consequence, e.g. `NP_000050.3:p.(Ser1982ArgfsTer22)`; null without a FASTA. */
  hgvsP?: string | null;
  /**
   * `--transcripts all` only: every annotated transcript of the gene (the representative one
   * included), MANE Select first, then canonical, then by severity and accession.
   */
  transcripts?: TranscriptCall[];
}

/** One transcript's consequence, as listed under its gene with `--transcripts all`. */
export interface TranscriptCall {
  transcript: string;
  consequence: ConsequenceTerm;
  terms: ConsequenceTerm[];
  location: string | null;
  maneSelect: boolean;
  canonical: boolean;
  hgvsC: string | null;
  hgvsP: string | null;
}

/**
 * One annotated allele, as returned by a worker: plain data only (DESIGN.md §3), so it crosses the
 * worker boundary by structured clone. Coordinates are 1-based with canonical contig names.
 */
export interface AnnotatedVariant extends AlleleFacts {
  /** Position of the source record in the VCF (1-based line) when the reader knows it. */
  line: number | null;
  /** Most severe consequence over all genes, and one entry per overlapped gene. */
  consequence: ConsequenceTerm;
  genes: GeneConsequence[];
  gnomad: GnomadFacts | null;
  clinvar: ClinvarFacts | null;
  /** Outputs of configured sources and plugins (src/plugins); absent when the run has none. */
  plugins?: PluginFacts;
  /** The proband's GT, DP, GQ and AD at this allele (absent for sites-only VCFs). */
  call?: MemberCall;
  /**
   * INFO/MQ of the record: the RMS mapping quality of the reads at the site (VCF 4.3 §1.6.1
   * reserved key), evidence on whether the call comes from uniquely placed reads; absent when the
   * record or the header has none.
   */
  mappingQuality?: number;
  /** Family members' genotypes at this allele (runs with --ped only; absent otherwise). */
  family?: MemberCall[];
  /** The input record's own INFO and FORMAT fields, for the annotated VCF (runs that write a store). */
  source?: SourceFields;
}

/** Records read, and why records or alleles were not turned into variants. */
export interface ReadCounts {
  records: number;
  alleles: number;
  symbolic_or_breakend: number;
  non_acgtn_allele: number;
  not_carried: number;
  no_call: number;
  unknown_contig: number;
}

export function emptyReadCounts(): ReadCounts {
  return { records: 0, alleles: 0, symbolic_or_breakend: 0, non_acgtn_allele: 0, not_carried: 0, no_call: 0, unknown_contig: 0 };
}
