import { annotateGenes } from '../../src/annotate/geneConsequences';
import { parseTranscriptSet, TranscriptSet } from '../../src/annotate/transcriptSet';
import { CASS_ALT, CASS_MANE, CASS_NO_MANE } from './fixtures/cassetteExonGene';

/**
 * `--transcripts canonical|mane|all` on a two-transcript gene (fixtures/cassetteExonGene.ts): which
 * transcript represents the gene, its consequence (what ranking reads), and the list under `all`.
 * Positions are 1-based VCF style with the padding base for indels.
 */
type Row = [what: string, pos: number, ref: string, alt: string, set: TranscriptSet, transcript: string | null, consequence: string | null, listed: string[] | null];
const rows: Row[] = [
  // A 1-base deletion in the cassette exon: intronic on MANE, a frame shift on CASS.2.
  ['cassette-exon deletion, canonical', 2049, 'AG', 'A', 'canonical', 'CASS.1', 'intron_variant', null],
  ['cassette-exon deletion, mane', 2049, 'AG', 'A', 'mane', 'CASS.1', 'intron_variant', null],
  ['cassette-exon deletion, all: most severe, MANE listed first', 2049, 'AG', 'A', 'all', 'CASS.2', 'frameshift_variant', ['CASS.1:intron_variant', 'CASS.2:frameshift_variant']],
  // A substitution in the alternative first exon, 700 bp upstream of MANE: canonical keeps the gene
  // on the transcript that contains the variant (as before the option existed), mane says upstream.
  ['alternative first exon, canonical', 250, 'C', 'T', 'canonical', 'CASS.2', '5_prime_UTR_variant', null],
  ['alternative first exon, mane', 250, 'C', 'T', 'mane', 'CASS.1', 'upstream_gene_variant', null],
  ['alternative first exon, all', 250, 'C', 'T', 'all', 'CASS.2', '5_prime_UTR_variant', ['CASS.1:upstream_gene_variant', 'CASS.2:5_prime_UTR_variant']],
  // Where both transcripts agree, so do the modes.
  ['shared exon, all', 1200, 'C', 'CT', 'all', 'CASS.1', 'frameshift_variant', ['CASS.1:frameshift_variant', 'CASS.2:frameshift_variant']],
];

describe('annotateGenes under --transcripts', () => {
  it.each(rows)('%s', (_what, pos, ref, alt, set, transcript, consequence, listed) => {
    const genes = annotateGenes([CASS_ALT, CASS_MANE], pos, ref, alt, set, null);
    expect(genes.map((g) => g.gene)).toEqual(transcript === null ? [] : ['CASS']);
    if (transcript === null) return;
    expect([genes[0].transcript, genes[0].consequence]).toEqual([transcript, consequence]);
    expect(genes[0].transcripts?.map((t) => `${t.transcript}:${t.consequence}`) ?? null).toEqual(listed);
  });

  it('mane annotates nothing in a gene without MANE Select (no fallback); canonical and all still do', () => {
    expect(annotateGenes(CASS_NO_MANE, 2049, 'AG', 'A', 'mane', null)).toEqual([]);
    expect(annotateGenes(CASS_NO_MANE, 2049, 'AG', 'A', 'canonical', null).map((g) => g.consequence)).toEqual(['intron_variant']);
    expect(annotateGenes(CASS_NO_MANE, 2049, 'AG', 'A', 'all', null).map((g) => g.consequence)).toEqual(['frameshift_variant']);
  });
});

describe('parseTranscriptSet', () => {
  it.each(['all', 'mane', 'canonical', 'ALL', ' mane '])('accepts %j', (text) => expect(parseTranscriptSet(text)).toBe(text.trim().toLowerCase()));
  it.each(['', 'pick', 'mane_select', 'all,mane'])('refuses %j in one line naming the option and the choices', (text) => {
    expect(() => parseTranscriptSet(text)).toThrow(/^--transcripts: ".*" is not a transcript set: expected all, mane or canonical$/);
  });
});
