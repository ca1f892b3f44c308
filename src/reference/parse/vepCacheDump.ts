import * as fs from 'node:fs';
import { InputError } from '../../errors';
import type { Strand, TranscriptRecord } from '../genes';

/**
 * Loader for the tab-separated dumps of Ensembl VEP cache transcripts used as test data
 * (`vep84_cache_*.tsv`): genePred-like columns (0-based half-open txStart/cdsStart, comma-separated
 * exon starts and ends) plus gene, biotype, source, is_canonical, ccds, protein and the coding
 * sequence and peptide VEP itself holds, which check CDS assembly and translation independently.
 */
export interface VepCacheTranscript {
  transcript: TranscriptRecord;
  /** CDS as VEP's cache stores it (`translateable_seq`), "" for non-coding transcripts. */
  translateableSeq: string;
  /** Peptide as VEP's cache stores it (no terminal `*`), "" for non-coding transcripts. */
  peptide: string;
  source: string;
}

const COLUMNS = ['#name', 'chrom', 'strand', 'txStart', 'txEnd', 'cdsStart', 'cdsEnd', 'exonCount', 'exonStarts', 'exonEnds', 'gene', 'biotype', 'source', 'is_canonical', 'ccds', 'protein', 'translateable_seq', 'peptide'];

export function readVepCacheDump(file: string): VepCacheTranscript[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines[0].split('\t').join(',') !== COLUMNS.join(',')) throw new InputError(file, `not a VEP cache dump: header must be ${COLUMNS.join(' ')}`, 1);
  const out: VepCacheTranscript[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const f = lines[i].split('\t');
    const bad = (what: string): never => {
      throw new InputError(file, what, i + 1);
    };
    if (f.length !== COLUMNS.length) bad(`expected ${COLUMNS.length} tab-separated columns, found ${f.length}`);
    const strand = f[2] === '+' || f[2] === '-' ? (f[2] as Strand) : bad(`strand must be + or -, found "${f[2]}"`);
    const [txStart0, txEnd, cdsStart0, cdsEnd] = [f[3], f[4], f[5], f[6]].map((x) => (/^\d+$/.test(x) ? Number(x) : bad(`coordinate "${x}" is not a non-negative integer`)));
    const starts = f[8].split(',').filter((x) => x !== '').map(Number);
    const ends = f[9].split(',').filter((x) => x !== '').map(Number);
    if (starts.length !== Number(f[7]) || ends.length !== starts.length) bad(`exonCount ${f[7]} does not match ${starts.length} starts and ${ends.length} ends`);
    const exons = starts.map((s, k): [number, number] => [s + 1, ends[k]]);
    if (exons.some(([s, e], k) => !(e >= s) || (k > 0 && s <= exons[k - 1][1]))) bad('exons must be non-empty, sorted and non-overlapping');
    const coding = cdsEnd > cdsStart0;
    out.push({
      transcript: {
        accession: f[0],
        geneSymbol: f[10],
        chrom: f[1],
        start1: txStart0 + 1,
        end1: txEnd,
        strand,
        cdsStart1: coding ? cdsStart0 + 1 : null,
        cdsEnd1: coding ? cdsEnd : null,
        exons,
        maneSelect: false,
        canonical: f[13] === '1',
        proteinAccession: f[15] === '' || f[15] === '-' ? null : f[15],
        biotype: f[11],
      },
      translateableSeq: f[16],
      peptide: f[17],
      source: f[12],
    });
  }
  return out;
}
