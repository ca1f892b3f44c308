/**
 * The input record's own INFO and FORMAT fields in the cold tier, so that the annotated VCF is the
 * input plus the annotations (what vcfanno, bcftools annotate and VEP's --vcf write), one line per
 * allele: values of Number=A, R and G fields are split for the allele as `bcftools norm -m-any`
 * splits them (VCF 4.3 §1.4.2, §1.6.2 for the order of genotype fields).
 */
import type { SourceFields } from '../variant/types';

/** What the cold writer needs of the input header: the definitions it copies, and each field's Number. */
export interface SourceHeader {
  /** `##INFO` and `##FORMAT` lines of the input for the fields the cold tier copies, as written. */
  lines: string[];
  infoNumber: Record<string, string>;
  formatNumber: Record<string, string>;
}

/** INFO fields vartriage writes itself (its own from an earlier run are dropped, not doubled). */
const OWN_INFO_PREFIX = 'VT_';
/**
 * INFO/END is not copied: readers take it as the record's end (VCF 4.3 §1.6.1 INFO, and the tabix
 * index), which trimming and splitting an allele no longer match. Symbolic alleles, which need it,
 * are not annotated.
 */
const DROPPED_INFO = 'END';
/** FORMAT fields the cold tier writes from the call vartriage read (coldFormat.ts). */
export const OWN_FORMAT = new Set(['GT', 'AD', 'DP', 'GQ']);

const DEFINITION = /^##(INFO|FORMAT)=<ID=([^,>]+),Number=([^,>]+)/;

export function sourceHeader(headerLines: readonly string[]): SourceHeader {
  const out: SourceHeader = { lines: [], infoNumber: {}, formatNumber: {} };
  for (const line of headerLines) {
    const m = DEFINITION.exec(line);
    if (!m) continue;
    const [, kind, id, number] = m;
    if (kind === 'INFO') {
      if (id.startsWith(OWN_INFO_PREFIX) || id === DROPPED_INFO || id in out.infoNumber) continue;
      out.infoNumber[id] = number;
    } else {
      if (OWN_FORMAT.has(id) || id in out.formatNumber) continue;
      out.formatNumber[id] = number;
    }
    out.lines.push(line);
  }
  return out;
}

/**
 * The comma-separated `value` of a field with this Number, for ALT `altIndex` (1-based) of
 * `altCount`: A keeps that ALT's value, R the REF's and that ALT's, G the genotypes made of REF
 * and that ALT only (diploid 0/0, 0/i, i/i at i(i+1)/2 + j for j <= i, or haploid 0, i). A count
 * that does not fit the Number becomes "." rather than a wrong value.
 */
export function alleleValue(value: string, number: string, altIndex: number, altCount: number): string {
  if (altCount <= 1 || (number !== 'A' && number !== 'R' && number !== 'G') || value === '.') return value;
  const values = value.split(',');
  const i = altIndex;
  if (number === 'A') return values.length === altCount ? values[i - 1] : '.';
  if (number === 'R') return values.length === altCount + 1 ? values[0] + ',' + values[i] : '.';
  if (values.length === altCount + 1) return values[0] + ',' + values[i];
  if (values.length === ((altCount + 1) * (altCount + 2)) / 2) {
    const het = (i * (i + 1)) / 2;
    return values[0] + ',' + values[het] + ',' + values[het + i];
  }
  return '.';
}

/** The input INFO for this allele ('' when it has none): fields split by their Number, END and earlier VT_ fields dropped. */
export function alleleInfo(source: SourceFields, numbers: Record<string, string>): string {
  const info = source.info;
  if (info === '' || info === '.') return '';
  // A biallelic record's INFO is already the allele's (nearly every line of a genome).
  if (source.altCount <= 1 && !info.includes(OWN_INFO_PREFIX) && !info.includes(DROPPED_INFO)) return info;
  let out = '';
  for (const field of info.split(';')) {
    if (field === '' || field.startsWith(OWN_INFO_PREFIX)) continue;
    const eq = field.indexOf('=');
    if ((eq < 0 ? field : field.slice(0, eq)) === DROPPED_INFO) continue;
    const kept = eq < 0 ? field : field.slice(0, eq + 1) + alleleValue(field.slice(eq + 1), numbers[field.slice(0, eq)] ?? '.', source.altIndex, source.altCount);
    out += (out === '' ? '' : ';') + kept;
  }
  return out;
}

/** The FORMAT column last seen by alleleFormat and what it keeps of it: most VCFs repeat one FORMAT on every line. */
let lastFormat = '';
let lastNumbers: Record<string, string> | null = null;
let keptKeys = '';
let keptAt: number[] = [];
let keptNumber: string[] = [];

function planFormat(format: string, numbers: Record<string, string>): void {
  lastFormat = format;
  lastNumbers = numbers;
  keptKeys = '';
  keptAt = [];
  keptNumber = [];
  const keys = format.split(':');
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j];
    if (OWN_FORMAT.has(key) || key === '' || key === '.') continue;
    keptKeys += ':' + key;
    keptAt.push(j);
    keptNumber.push(numbers[key] ?? '.');
  }
}

/**
 * The input's FORMAT fields other than GT, AD, DP and GQ for this allele, as `:KEY1:KEY2` and
 * `:value1:value2` to append to the cold tier's own FORMAT and sample columns (empty strings when
 * there are none). Trailing fields the sample left out (VCF 4.3 §1.6.2) are written as ".".
 * One pass over the sample text, no split: this runs for every allele of a genome.
 */
export function alleleFormat(source: SourceFields, numbers: Record<string, string>): { keys: string; values: string } {
  const call = source.call;
  if (call === null) return NO_FIELDS;
  const tab = call.indexOf('\t');
  const format = call.slice(0, tab);
  if (format !== lastFormat || numbers !== lastNumbers) planFormat(format, numbers);
  if (keptAt.length === 0) return NO_FIELDS;
  let values = '';
  let field = 0;
  let from = tab + 1;
  let k = 0;
  while (k < keptAt.length) {
    const colon = from < 0 ? -1 : call.indexOf(':', from);
    const end = colon < 0 ? call.length : colon;
    if (field === keptAt[k]) {
      const value = from < 0 || end === from ? '.' : call.slice(from, end);
      values += ':' + alleleValue(value, keptNumber[k], source.altIndex, source.altCount);
      k++;
    }
    field++;
    from = colon < 0 ? -1 : colon + 1;
  }
  return { keys: keptKeys, values };
}

const NO_FIELDS = { keys: '', values: '' };
