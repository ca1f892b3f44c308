/**
 * Sequence Ontology consequence terms, most severe first, in the order Ensembl VEP publishes
 * (https://www.ensembl.org/info/genome/variation/prediction/predicted_data.html).
 */
export const CONSEQUENCE_ORDER = [
  'transcript_ablation',
  'splice_acceptor_variant',
  'splice_donor_variant',
  'stop_gained',
  'frameshift_variant',
  'stop_lost',
  'start_lost',
  'transcript_amplification',
  'inframe_insertion',
  'inframe_deletion',
  'missense_variant',
  'protein_altering_variant',
  'splice_region_variant',
  'incomplete_terminal_codon_variant',
  'start_retained_variant',
  'stop_retained_variant',
  'synonymous_variant',
  'coding_sequence_variant',
  'mature_miRNA_variant',
  '5_prime_UTR_variant',
  '3_prime_UTR_variant',
  'non_coding_transcript_exon_variant',
  'intron_variant',
  'NMD_transcript_variant',
  'non_coding_transcript_variant',
  'upstream_gene_variant',
  'downstream_gene_variant',
  'intergenic_variant',
] as const;

export type ConsequenceTerm = (typeof CONSEQUENCE_ORDER)[number];

const RANK = new Map<string, number>(CONSEQUENCE_ORDER.map((t, i) => [t, i]));

/** Lower is more severe; unknown terms sort last. */
export function severityRank(term: string): number {
  return RANK.get(term) ?? CONSEQUENCE_ORDER.length;
}

export function mostSevere(terms: Iterable<string>): ConsequenceTerm {
  let best: ConsequenceTerm = 'intergenic_variant';
  for (const t of terms) if (severityRank(t) < severityRank(best)) best = t as ConsequenceTerm;
  return best;
}
