/**
 * Translation with the NCBI genetic codes used for human: table 1 (standard) and table 2
 * (vertebrate mitochondrial: AGA/AGG stop, ATA Met, TGA Trp). One-letter amino acids, `*` for a
 * stop, `X` for a codon with N or another non-ACGT base.
 */

export type CodonTable = 1 | 2;

const BASES = 'TCAG';
/** NCBI translation tables in TCAG order (https://www.ncbi.nlm.nih.gov/Taxonomy/Utils/wprintgc.cgi). */
const AAS: Record<CodonTable, string> = {
  1: 'FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG',
  2: 'FFLLSSSSYY**CCWWLLLLPPPPHHQQRRRRIIMMTTTTNNKKSS**VVVVAAAADDEEGGGG',
};

/** Base code 0..3 by char code, 4 for anything else. */
const CODE = new Uint8Array(128).fill(4);
for (let i = 0; i < 4; i++) {
  CODE[BASES.charCodeAt(i)] = i;
  CODE[BASES.toLowerCase().charCodeAt(i)] = i;
}

/** Amino acid of the codon starting at `at` in `seq` (X when incomplete or ambiguous). */
export function translateCodon(seq: string, at: number, table: CodonTable = 1): string {
  if (at + 3 > seq.length) return 'X';
  const a = CODE[seq.charCodeAt(at) & 127];
  const b = CODE[seq.charCodeAt(at + 1) & 127];
  const c = CODE[seq.charCodeAt(at + 2) & 127];
  if ((a | b | c) > 3) return 'X';
  return AAS[table][a * 16 + b * 4 + c];
}

/** Translates whole codons from `from`, stopping after the first stop codon when `untilStop`. */
export function translate(seq: string, table: CodonTable = 1, from = 0, untilStop = false): string {
  let out = '';
  for (let i = from; i + 3 <= seq.length; i += 3) {
    const aa = translateCodon(seq, i, table);
    out += aa;
    if (untilStop && aa === '*') break;
  }
  return out;
}

/** The codon table for a contig: vertebrate mitochondrial on chrM/MT. */
export function codonTableFor(chrom: string): CodonTable {
  const bare = chrom.replace(/^chr/i, '').toUpperCase();
  return bare === 'M' || bare === 'MT' ? 2 : 1;
}

const THREE: Record<string, string> = {
  A: 'Ala', R: 'Arg', N: 'Asn', D: 'Asp', C: 'Cys', Q: 'Gln', E: 'Glu', G: 'Gly', H: 'His', I: 'Ile',
  L: 'Leu', K: 'Lys', M: 'Met', F: 'Phe', P: 'Pro', S: 'Ser', T: 'Thr', W: 'Trp', Y: 'Tyr', V: 'Val',
  U: 'Sec', O: 'Pyl', '*': 'Ter', X: 'Xaa',
};

/** HGVS three-letter amino acid code (`Ter` for a stop, HGVS protein recommendations). */
export function aa3(one: string): string {
  return THREE[one] ?? 'Xaa';
}

export function aa3s(ones: string): string {
  let s = '';
  for (let i = 0; i < ones.length; i++) s += aa3(ones[i]);
  return s;
}

const COMPLEMENT = new Map<string, string>([
  ['A', 'T'], ['C', 'G'], ['G', 'C'], ['T', 'A'], ['N', 'N'],
  ['a', 't'], ['c', 'g'], ['g', 'c'], ['t', 'a'], ['n', 'n'],
]);

export function reverseComplement(seq: string): string {
  let out = '';
  for (let i = seq.length - 1; i >= 0; i--) out += COMPLEMENT.get(seq[i]) ?? 'N';
  return out;
}
