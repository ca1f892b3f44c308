import { InputError } from '../errors';
import { readLines } from './parse/lines';
import { parseGenePred } from './parse/genePred';
import { parseGff3 } from './parse/gff3';
import { parseGtf } from './parse/gtf';
import { isManeSummaryHeader } from './parse/maneSummary';
import type { TranscriptModel } from './parse/transcriptModel';

export type GeneFileFormat = 'genePred' | 'gtf' | 'gff3' | 'mane-summary';

/** Recognises a gene-model file by its first non-empty lines (not by its name). */
export function detectGeneFormat(file: string): GeneFileFormat {
  let n = 0;
  for (const { text, lineNo } of readLines(file)) {
    if (text.length === 0) continue;
    if (lineNo === 1 && isManeSummaryHeader(text)) return 'mane-summary';
    if (text.startsWith('##gff-version 3')) return 'gff3';
    if (text.startsWith('#')) {
      if (/^#(name|bin)\t/.test(text)) return 'genePred';
      continue;
    }
    const c = text.split('\t');
    if (c.length === 9 && /^\d+$/.test(c[3]) && /^\d+$/.test(c[4])) return /\b(gene_id|transcript_id) "/.test(c[8]) ? 'gtf' : 'gff3';
    if (c.length >= 10 && (c[2] === '+' || c[2] === '-' || c[3] === '+' || c[3] === '-')) return 'genePred';
    if (++n > 5) break;
  }
  throw new InputError(file, 'not a gene-model file this tool reads: expected UCSC genePred/refGene, GTF, GFF3 or a MANE summary');
}

/** Lazily reads transcript models from a genePred, GTF or GFF3 file. */
export function readGeneModels(file: string, format: Exclude<GeneFileFormat, 'mane-summary'>): Iterable<TranscriptModel> {
  if (format === 'genePred') return parseGenePred(file);
  if (format === 'gtf') return parseGtf(file);
  return parseGff3(file);
}
