import type { Candidate, CandidateVariant } from '../../src/prioritise/types';
import { Results, RESULTS_SCHEMA } from '../../src/report/results';

/** A small, hand-written Results, so report tests do not depend on the ranking. */
export function fixtureVariant(over: Partial<CandidateVariant> = {}): CandidateVariant {
  return {
    chrom: 'chr12',
    pos: 49025149,
    ref: 'TC',
    alt: 'T',
    id: 'rs1',
    zygosity: 'het',
    consequence: 'frameshift_variant',
    transcript: 'NM_003482.4',
    location: 'exon 6/7',
    hgvs_c: null,
    hgvs_p: null,
    gnomad: null,
    clinvar: { id: '900001', significance: 'Pathogenic', stars: 2, conditions: ['Kabuki_syndrome_1'], review_status: 'criteria_provided,_multiple_submitters,_no_conflicts' },
    score: 0.95,
    reasons: ['absent from gnomAD: frequency score 1'],
    ...over,
  };
}

export function fixtureCandidate(over: Partial<Candidate> = {}): Candidate {
  return {
    rank: 1,
    score: 0.9,
    gene: { symbol: 'KMT2D', id: 'NCBIGene:8085', diseases: [{ id: 'OMIM:147920', name: 'Kabuki syndrome 1', phenotype_score: 0.95, log10_lr: 1 }], inheritance: ['autosomal dominant'] },
    phenotype: {
      score: 0.95,
      log10_lr: 2.1,
      disease: { id: 'OMIM:147920', name: 'Kabuki syndrome 1' },
      matches: [{ patient_term: 'HP:0004322', patient_label: 'Short stature', gene_term: 'HP:0004322', gene_label: 'Short stature', common_ancestor: 'HP:0004322', common_ancestor_label: 'Short stature', ic: 1.73, excluded: false, frequency: 1, lr: 5.6 }],
    },
    inheritance: { mode: 'autosomal dominant', fits: true, explanation: 'one variant fits autosomal dominant' },
    variant_score: 0.95,
    log10_evidence: 2.08,
    variants: [fixtureVariant()],
    ...over,
  };
}

export function fixtureResults(over: Partial<Results> = {}): Results {
  return {
    schema: RESULTS_SCHEMA,
    tool: { name: 'vartriage', version: '0.1.0' },
    command: 'vartriage run --vcf p.vcf.gz --hpo HP:0004322 --reference ref --out out',
    started: '2025-11-28T00:00:00.000Z',
    input: { vcf: 'p.vcf.gz', sample: 'P1', build: 'GRCh38', hpo: [{ id: 'HP:0004322', label: 'Short stature', input: 'HP:0004322' }], excluded_hpo: [], sex: 'female' },
    reference: {
      name: 'test',
      build: 'GRCh38',
      sources: [
        { kind: 'clinvar', version: '2026-02-26', upstream: 'clinvar.vcf.gz', sha256: 'a'.repeat(64), records: 10 },
        { kind: 'gnomad', version: 'v4.0', upstream: 'gnomad.vcf.gz', sha256: 'b'.repeat(64), records: 20 },
        { kind: 'genes', version: 'MANE v1.0', upstream: 'mane.txt.gz', sha256: 'c'.repeat(64), records: 30 },
        { kind: 'hpo', version: '2023-01-27', upstream: 'hp.json', sha256: 'd'.repeat(64), records: 40 },
      ],
    },
    settings: { max_af: 0.02, pass_only: true, min_qual: 0, min_gq: 0, min_dp: 0, exclude_consequences: [], top: 20, shards: 3 },
    counts: {
      variants: 100,
      passed_filters: 10,
      candidates: 1,
      genes_considered: 5,
      per_filter: { vcf_filter: 5, quality: 0, frequency: 80, clinvar_benign: 2, no_gene: 3, consequence: 0 },
      read: { records: 100, alleles: 101, symbolic_or_breakend: 1, non_acgtn_allele: 0, not_carried: 0, no_call: 0, unknown_contig: 0 },
    },
    warnings: [],
    score_distribution: { genes_scored: 4, bin_width: 0.05, counts: [2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0] },
    candidates: [fixtureCandidate()],
    ...over,
  };
}
