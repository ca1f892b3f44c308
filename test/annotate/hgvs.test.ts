import type { GenomeSequence } from '../../src/annotate/codingSequence';
import { TranscriptSequenceCache } from '../../src/annotate/codingSequence';
import { transcriptConsequence } from '../../src/annotate/consequence';
import { reverseComplement } from '../../src/annotate/translate';
import type { TranscriptRecord } from '../../src/reference/genes';

/**
 * A hand-made two-exon gene, read on the plus strand and, mirrored, on the minus strand: every
 * description must come out the same on both (HGVS describes in transcript orientation), while the
 * VCF alleles differ (left-aligned on the genome, so on the minus strand the 3' shift works the
 * other way). Expected values are worked out by hand from the HGVS recommendations.
 *
 *   1-10 flank | exon 1: 11-20 5'UTR, 21-30 CDS c.1-10 | 31-40 intron (GT...AG) | exon 2: 41-48 CDS
 *   c.11-18 (stop TAA = c.16-18), 49-60 3'UTR with a TAG at c.*4-*6 | 61-80 flank
 *   CDS ATG AAA GCT GGC TGG TAA = Met Lys Ala Gly Trp Ter
 */
const PLUS = 'GGGGGGGGGG' + 'CCCCCCCCCC' + 'ATGAAAGCTG' + 'GTAAGTTTAG' + 'GCTGGTAA' + 'CCCTAGCCCCCC' + 'GGGGGGGGGGGGGGGGGGGG';
const L = PLUS.length;
const MINUS = reverseComplement(PLUS);

class StringGenome implements GenomeSequence {
  constructor(private readonly seq: string) {}
  fetch(_chrom: string, start1: number, end1: number): string {
    return this.seq.slice(Math.max(0, start1 - 1), Math.max(0, end1));
  }
}

function model(strand: '+' | '-'): TranscriptRecord {
  const m = (p: number): number => (strand === '+' ? p : L + 1 - p);
  const exons: Array<[number, number]> = strand === '+' ? [[11, 30], [41, 60]] : [[m(60), m(41)], [m(30), m(11)]];
  return {
    accession: 'NM_TEST.1', geneSymbol: 'TEST', chrom: '1', start1: strand === '+' ? 11 : m(60), end1: strand === '+' ? 60 : m(11), strand,
    cdsStart1: strand === '+' ? 21 : m(48), cdsEnd1: strand === '+' ? 48 : m(21), exons, maneSelect: true, canonical: true, proteinAccession: 'NP_TEST.1', biotype: 'protein_coding',
  };
}

/** A change on the plus layout ([start1, end1] replaced by alt; end1 = start1 - 1 for insertions) as a left-padded VCF allele on either strand's genome. */
function vcf(strand: '+' | '-', start1: number, end1: number, alt: string): [number, string, string] {
  const g = strand === '+' ? PLUS : MINUS;
  const [s, e, a] = strand === '+' ? [start1, end1, alt] : [L + 1 - end1, L + 1 - start1, reverseComplement(alt)];
  const delLen = e - s + 1;
  if (delLen === 1 && a.length === 1) return [s, g[s - 1], a];
  if (delLen === a.length) return [s, g.slice(s - 1, e), a];
  return [s - 1, g.slice(s - 2, e), g[s - 2] + a];
}

// [what, start1, end1, alt (plus strand), c., p. or null, most severe term]
const CASES: Array<[string, number, number, string, string, string | null, string]> = [
  ['start codon', 22, 22, 'C', 'c.2T>C', 'p.(Met1?)', 'start_lost'],
  ['missense', 24, 24, 'G', 'c.4A>G', 'p.(Lys2Glu)', 'missense_variant'],
  ['synonymous', 26, 26, 'G', 'c.6A>G', 'p.(Lys2=)', 'synonymous_variant'],
  ['nonsense', 24, 24, 'T', 'c.4A>T', 'p.(Lys2Ter)', 'stop_gained'],
  ['stop retained', 47, 47, 'G', 'c.17A>G', 'p.(Ter6=)', 'stop_retained_variant'],
  ['stop lost, new stop 2 codons on', 46, 46, 'C', 'c.16T>C', 'p.(Ter6GlnextTer2)', 'stop_lost'],
  ['donor +1', 31, 31, 'A', 'c.10+1G>A', null, 'splice_donor_variant'],
  ['acceptor -1', 40, 40, 'A', 'c.11-1G>A', null, 'splice_acceptor_variant'],
  // Insertions change a splice site only between its two bases (SO:0001575/SO:0001574; Ensembl VEP).
  ['insertion inside the donor GT', 32, 31, 'C', 'c.10+1_10+2insC', null, 'splice_donor_variant'],
  ['insertion after the donor GT', 33, 32, 'C', 'c.10+2_10+3insC', null, 'splice_region_variant'],
  ['insertion before the acceptor AG', 39, 38, 'C', 'c.11-3_11-2insC', null, 'splice_region_variant'],
  ['insertion inside the acceptor AG', 40, 39, 'C', 'c.11-2_11-1insC', null, 'splice_acceptor_variant'],
  ['intronic base nearer the 5\' exon takes +', 35, 35, 'C', 'c.10+5G>C', null, 'splice_region_variant'],
  ['5\' UTR', 15, 15, 'T', 'c.-6C>T', null, '5_prime_UTR_variant'],
  ['3\' UTR', 50, 50, 'T', 'c.*2C>T', null, '3_prime_UTR_variant'],
  ['MNV as delins', 24, 25, 'TT', 'c.4_5delinsTT', 'p.(Lys2Leu)', 'missense_variant'],
  ['in-frame codon deletion', 24, 26, '', 'c.4_6del', 'p.(Lys2del)', 'inframe_deletion'],
  ['1-base deletion in AAA shifts to c.6', 24, 24, '', 'c.6del', 'p.(Ala3LeufsTer?)', 'frameshift_variant'],
  ['insertion of A in AAA is a dup at c.6', 24, 23, 'A', 'c.6dup', 'p.(Ala3SerfsTer?)', 'frameshift_variant'],
  ['codon duplication', 24, 23, 'AAA', 'c.4_6dup', 'p.(Lys2dup)', 'inframe_insertion'],
  ['in-frame insertion', 27, 26, 'CCC', 'c.6_7insCCC', 'p.(Lys2_Ala3insPro)', 'inframe_insertion'],
  ['frameshift straight into a stop', 27, 26, 'TA', 'c.6_7insTA', 'p.(Ala3Ter)', 'stop_gained'],
];

describe.each(['+', '-'] as const)('HGVS and consequence on the %s strand', (strand) => {
  const tx = model(strand);
  const seq = new TranscriptSequenceCache(new StringGenome(strand === '+' ? PLUS : MINUS));
  test.each(CASES)('%s', (_what, s, e, alt, c, p, term) => {
    const [pos, ref, a] = vcf(strand, s, e, alt);
    const r = transcriptConsequence(tx, pos, ref, a, seq);
    expect(r?.hgvsC).toBe(`NM_TEST.1:${c}`);
    expect(r?.hgvsP).toBe(p === null ? null : `NP_TEST.1:${p}`);
    expect(r?.consequence).toBe(term);
  });

  test('without a FASTA: substitutions keep c. but get no p.; indels that need the 3\' rule get no c.', () => {
    const [pos, ref, a] = vcf(strand, 24, 24, 'G');
    const sub = transcriptConsequence(tx, pos, ref, a);
    expect([sub?.hgvsC, sub?.hgvsP, sub?.consequence]).toEqual(['NM_TEST.1:c.4A>G', null, 'coding_sequence_variant']);
    const [dpos, dref, da] = vcf(strand, 24, 24, '');
    const del = transcriptConsequence(tx, dpos, dref, da);
    expect([del?.hgvsC, del?.consequence]).toEqual([null, 'frameshift_variant']);
  });
});

test('a VCF REF that disagrees with the FASTA gives no p. and says why', () => {
  const seq = new TranscriptSequenceCache(new StringGenome(PLUS));
  const r = transcriptConsequence(model('+'), 24, 'C', 'G', seq);
  expect(r?.hgvsP).toBeNull();
  expect(r?.sequenceProblem).toBe('VCF REF C differs from the reference sequence');
});

test('non-coding transcripts are described with n.', () => {
  const tx = { ...model('+'), cdsStart1: null, cdsEnd1: null, proteinAccession: null, accession: 'NR_TEST.1' };
  expect(transcriptConsequence(tx, 24, 'A', 'G')?.hgvsC).toBe('NR_TEST.1:n.14A>G');
  expect(transcriptConsequence(tx, 31, 'G', 'A')?.hgvsC).toBe('NR_TEST.1:n.20+1G>A');
});
