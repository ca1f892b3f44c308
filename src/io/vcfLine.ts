import { InputError } from '../errors';

/** The columns of one VCF data line that the pipeline reads (VCF 4.3 §1.6). INFO stays a raw string. */
export interface VcfRecordFields {
  chrom: string;
  pos: number;
  id: string;
  ref: string;
  alts: string[];
  qual: number | null;
  filter: string;
  info: string;
  format: string;
  sample: string;
}

const POSITIVE_INT = /^[1-9][0-9]*$/;

/**
 * Splits one data line. `sampleColumn` is the 0-based column of the sample to read (9 for the first
 * sample), or -1 for a sites-only VCF. Only the needed columns are cut out of the line.
 */
export function parseVcfDataLine(line: string, file: string, lineNo: number | undefined, sampleColumn: number): VcfRecordFields {
  const cols = line.split('\t', sampleColumn >= 0 ? sampleColumn + 1 : 8);
  if (cols.length < 8) {
    throw new InputError(file, `data line has ${cols.length} tab-separated column(s), VCF needs at least 8 (is the file space-separated?)`, lineNo);
  }
  const [chrom, posText, id, ref, altText, qualText, filter, info] = cols;
  if (chrom.length === 0) throw new InputError(file, 'empty CHROM', lineNo);
  const alts = altText.split(',');
  if (!POSITIVE_INT.test(posText)) {
    // VCF 4.3 §1.6.1: POS 0 marks a telomere, which only a breakend allele can describe.
    const telomere = posText === '0' && alts.every((a) => a.includes('[') || a.includes(']'));
    if (posText === '0' && !telomere) throw new InputError(file, 'POS 0 is allowed only for a telomeric breakend (VCF 4.3 §1.6.1; positions are 1-based)', lineNo);
    if (!telomere) throw new InputError(file, `POS "${clip(posText)}" is not a positive integer (VCF positions are 1-based)`, lineNo);
  }
  if (ref.length === 0 || ref === '.') throw new InputError(file, 'REF is empty', lineNo);
  let qual: number | null = null;
  if (qualText !== '.') {
    qual = Number(qualText);
    if (!Number.isFinite(qual)) throw new InputError(file, `QUAL "${clip(qualText)}" is not a number or "."`, lineNo);
  }
  let format = '';
  let sample = '';
  if (sampleColumn >= 0) {
    if (cols.length <= sampleColumn) {
      throw new InputError(file, `data line has ${cols.length} columns but the header names a sample in column ${sampleColumn + 1}`, lineNo);
    }
    format = cols[8];
    sample = cols[sampleColumn];
  }
  return { chrom, pos: Number(posText), id, ref, alts, qual, filter, info, format, sample };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}...` : s;
}

export interface Genotype {
  /** Allele indices, null for a missing allele ('.'). */
  alleles: Array<number | null>;
  phased: boolean;
}

/** Reads GT from one sample column (VCF 4.3 §1.6.2: GT, when present, is the first FORMAT key). */
export function parseGenotype(format: string, sample: string): Genotype | null {
  if (!format.startsWith('GT')) return null;
  const end = sample.indexOf(':');
  const gt = end < 0 ? sample : sample.slice(0, end);
  if (gt === '' || gt === '.') return { alleles: [null], phased: false };
  const phased = gt.includes('|');
  const alleles = gt.split(/[/|]/).map((a) => (a === '.' ? null : Number(a)));
  if (alleles.some((a) => a !== null && !Number.isInteger(a))) return null;
  return { alleles, phased };
}
