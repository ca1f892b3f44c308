import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import type { TranscriptRecord } from '../../src/reference/genes';

/**
 * A deliberately minimal genePred / refGene reader for the benchmark and the VEP oracle test only.
 * The product's genePred/refGene parser lives in src/reference/parse/ (separate work); this one
 * reads UCSC genePred (optionally with the leading `bin` column of refGene.txt, and the extended
 * columns after exonEnds) into transcript models, and returns the extra columns untouched.
 */
export interface GenePredRow {
  tx: TranscriptRecord;
  /** Columns after exonEnds: score, name2, cdsStartStat, cdsEndStat, exonFrames, then any extras. */
  extra: string[];
}

export function readGenePredLite(file: string): GenePredRow[] {
  const raw = fs.readFileSync(file);
  const text = (raw[0] === 0x1f && raw[1] === 0x8b ? zlib.gunzipSync(raw) : raw).toString('utf8');
  const out: GenePredRow[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    let f = line.split('\t');
    if (/^\d+$/.test(f[0]) && (f[3] === '+' || f[3] === '-')) f = f.slice(1); // refGene.txt leading bin
    const starts = f[8].split(',').filter((x) => x !== '').map(Number);
    const ends = f[9].split(',').filter((x) => x !== '').map(Number);
    const cdsStart0 = Number(f[5]);
    const cdsEnd = Number(f[6]);
    const coding = cdsEnd > cdsStart0;
    out.push({
      tx: {
        accession: f[0],
        geneSymbol: f[11] ?? f[0],
        chrom: f[1],
        start1: Number(f[3]) + 1,
        end1: Number(f[4]),
        strand: f[2] === '-' ? '-' : '+',
        cdsStart1: coding ? cdsStart0 + 1 : null,
        cdsEnd1: coding ? cdsEnd : null,
        exons: starts.map((s, k): [number, number] => [s + 1, ends[k]]),
        maneSelect: false,
        canonical: false,
        proteinAccession: null,
        biotype: coding ? 'protein_coding' : '',
      },
      extra: f.slice(10),
    });
  }
  return out;
}
