import type { AnnotatedVariant } from '../../src/annotate/types';
import { coldLine, decodeInfoValue, encodeInfoValue, parseColdLine } from '../../src/store/coldFormat';
import { reportableReasons, toStored } from '../../src/store/storedVariant';
import type { StoredVariant } from '../../src/store/types';
import { DecodedBlock, encodeBlock } from '../../src/store/warmBlock';

const base: AnnotatedVariant = {
  chrom: 'chr1', pos: 100, ref: 'A', alt: 'G', id: '.', filter: 'PASS', qual: 50, zygosity: 'het', line: 12,
  consequence: 'intergenic_variant', genes: [], gnomad: null, clinvar: null,
};

/** One record per oddity, each a row in one block. */
const ODDITIES: Array<[string, Partial<AnnotatedVariant>]> = [
  ['plain SNV', {}],
  ['null QUAL and line', { qual: null, line: null, pos: 101 }],
  ['rsID', { id: 'rs121913529', pos: 102 }],
  ['rsID with a leading zero stays text', { id: 'rs0123', pos: 102 }],
  ['several IDs', { id: 'rs1;COSV52;esv9', pos: 103 }],
  ['long deletion', { ref: 'ACGTACGTAC', alt: 'A', pos: 104 }],
  ['FILTER list', { filter: 'LowQual;q10', pos: 110 }],
  ['hemizygous', { zygosity: 'hemi', pos: 111 }],
  ['gene with null location and several terms', { pos: 112, consequence: 'frameshift_variant', genes: [{ gene: 'KMT2D', transcript: 'NM_003482.4', consequence: 'frameshift_variant', terms: ['frameshift_variant', 'splice_region_variant'], location: null, maneSelect: true }, { gene: 'AC|X&Y', transcript: 'NR_1', consequence: 'intron_variant', terms: ['intron_variant'], location: 'intron 3/9', maneSelect: false }] }],
  ['gnomAD with exponent AF and no group max', { pos: 113, gnomad: { af: 1e-7, ac: 1, an: 152000, nhomalt: 0, grpmaxAf: null, grpmax: '', filter: '' } }],
  ['gnomAD complete', { pos: 114, gnomad: { af: 0.30886842105263, ac: 46948, an: 152000, nhomalt: 14501, grpmaxAf: 0.61, grpmax: 'eas', filter: 'AC0;RF' } }],
  ['gnomAD AF derived from AC/AN (as gnomAD prints it)', { pos: 116, gnomad: { af: 5.25465e-5, ac: 8, an: 152246, nhomalt: 0, grpmaxAf: 0.000192938, grpmax: 'afr', filter: 'PASS' } }],
  ['gnomAD AF below 1e-6, derived', { pos: 117, gnomad: { af: 7.07648e-7, ac: 1, an: 1413132, nhomalt: 0, grpmaxAf: 9.18717e-7, grpmax: 'nfe', filter: 'PASS' } }],
  ['gnomAD AF that is not AC/AN (an exception, kept as stored)', { pos: 118, gnomad: { af: 0.0123, ac: 8, an: 152246, nhomalt: 1, grpmaxAf: 0.02, grpmax: 'nfe', filter: 'PASS' } }],
  ['gnomAD AF-only release (AC, AN, nhomalt unknown)', { pos: 119, gnomad: { af: 0.4973, ac: null, an: null, nhomalt: null, grpmaxAf: null, grpmax: '', filter: 'PASS' } }],
  ['gnomAD counts that are not non-negative integers', { pos: 120, gnomad: { af: 0.5, ac: 2.5, an: 5, nhomalt: -1, grpmaxAf: 0.5, grpmax: 'amr', filter: 'PASS' } }],
  ['gnomAD AN 0', { pos: 121, gnomad: { af: 0, ac: 0, an: 0, nhomalt: 0, grpmaxAf: null, grpmax: '', filter: 'AC0' } }],
  ['ClinVar with INFO-special characters', { pos: 122, clinvar: { id: '12345', significance: 'Pathogenic/Likely_pathogenic', reviewStatus: 'criteria_provided,_multiple_submitters', stars: 2, conditions: ['A; b=c, 50% "x"\tt', 'Ménière disease', ''] } }],
  ['N substitution (not a coded SNV)', { ref: 'N', alt: 'A', pos: 123 }],
  ['lower-case bases kept as written', { ref: 'a', alt: 'g', pos: 123 }],
  ['MNV', { ref: 'AC', alt: 'GT', pos: 123 }],
  ['REF equal to ALT', { ref: 'T', alt: 'T', pos: 123 }],
  ['call with DP above AD\'s sum', { pos: 124, call: { gt: '0/1', copies: 1, ploidy: 2, dp: 40, gq: 99, ad: [15, 20] } }],
  ['call with DP below AD\'s sum', { pos: 125, call: { gt: '1/2', copies: 1, ploidy: 2, dp: 10, gq: 0, ad: [3, 20] } }],
  ['call without DP, GQ or AD', { pos: 126, call: { gt: '1', copies: 1, ploidy: 1, dp: null, gq: null, ad: null } }],
  ['call with a decimal GQ and a missing AD value (-1)', { pos: 127, call: { gt: '0|1', copies: 1, ploidy: 2, dp: 7, gq: 12.5, ad: [-1, 7] } }],
  ['call with DP and no AD', { pos: 128, call: { gt: './1', copies: null, ploidy: 2, dp: 300, gq: 3, ad: null } }],
];

function stored(): StoredVariant[] {
  return ODDITIES.map(([, patch], row) => {
    const v = { ...base, ...patch };
    return toStored(v, row, row === 8 ? 1 : null, reportableReasons(v, 0.02, row === 8));
  });
}

describe('warm block encoding', () => {
  const rows = stored();
  const block = new DecodedBlock(encodeBlock(rows), 'chr1', 0);

  it('decodes every row back to what was stored', () => {
    expect(block.materialize(rows.map((_, i) => i))).toEqual(rows);
  });

  it.each(ODDITIES.map(([name], i) => [name, i]))('decodes %s alone', (_name, i) => {
    expect(block.materialize([i])).toEqual([rows[i]]);
  });

  it('finds rows by REF overlap, gene, ID token and ClinVar id', () => {
    expect(block.rowsOverlapping(106, 106)).toEqual([5]);
    expect(block.rowsOverlapping(1, 99)).toEqual([]);
    expect(block.rowsWithGene('KMT2D')).toEqual([8]);
    expect(block.rowsWithGene('AC|X&Y')).toEqual([8]);
    expect(block.rowsWithGene('NONE')).toEqual([]);
    expect(block.rowsWithId('rs121913529')).toEqual([2]);
    expect(block.rowsWithId('COSV52')).toEqual([4]);
    expect(block.rowsWithId('rs1')).toEqual([4]);
    expect(block.rowsWithId('rs0123')).toEqual([3]);
    expect(block.rowsWithClinvar('12345')).toEqual([ODDITIES.findIndex(([name]) => name.startsWith('ClinVar'))]);
  });
});

describe('cold tier VCF line', () => {
  it.each(ODDITIES.map(([name], i) => [name, i]))('round-trips %s', (_name, i) => {
    const v = stored()[i];
    const line = coldLine(v, true);
    expect(line.text.split('\t')).toHaveLength(10);
    // VCF 4.3 §1.2: no raw separators inside INFO values.
    for (const kv of line.text.split('\t')[7].split(';')) expect(kv.split('=')).toHaveLength(2);
    expect(parseColdLine(line.text)).toEqual(v);
    expect([line.beg0, line.end0]).toEqual([v.pos1 - 1, v.pos1 + v.ref.length - 1]);
  });

  it('percent-encodes exactly the characters with special meaning', () => {
    expect(encodeInfoValue('a:b;c=d%e,f\tg|h&i j')).toBe('a%3Ab%3Bc%3Dd%25e%2Cf%09g%7Ch%26i j');
    expect(decodeInfoValue(encodeInfoValue('50% ; "x"'))).toBe('50% ; "x"');
  });
});

describe('warm block format', () => {
  it('refuses a block of another format with a message saying what to do', () => {
    const blob = encodeBlock(stored());
    blob[0] = 3;
    expect(() => new DecodedBlock(blob, 'chr1', 0)).toThrow(/^warm block format 3, expected 5: rebuild the store/);
  });

  it('decodes the same rows whatever codec each column was given', () => {
    const rows = stored();
    for (const codecs of ['raw', 'brotli', { genes: 'brotli', id: 'raw' }] as const) {
      expect(new DecodedBlock(encodeBlock(rows, codecs), 'chr1', 0).materialize(rows.map((_, i) => i))).toEqual(rows);
    }
  });
});

describe('warm block checkpoints', () => {
  it('decodes rows far into a block, before, at and after checkpoint rows, alone and together', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => {
      const patch = ODDITIES[i % ODDITIES.length][1];
      const v = { ...base, ...patch, pos: 1000 + i };
      return toStored(v, i, null, reportableReasons(v, 0.02, false));
    });
    const block = new DecodedBlock(encodeBlock(rows), 'chr1', 0);
    const picks = [0, 1, 255, 256, 257, 511, 512, 700, 999];
    expect(block.materialize(picks)).toEqual(picks.map((i) => rows[i]));
    for (const i of picks) expect(block.materialize([i])).toEqual([rows[i]]);
    expect(block.materialize(rows.map((_, i) => i))).toEqual(rows);
  });
});
