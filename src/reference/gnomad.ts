import * as fs from 'node:fs';
import { readVirtualRange } from '../io/bgzf';
import { writeIndexedText } from '../io/indexedTextWriter';
import { openTabixIndex, OpenedIndex } from '../io/tabixIndex';
import { POSITION_TSV_TABIX } from '../io/tabixWriter';
import { InputError } from '../errors';

/** One gnomAD allele as stored in the bundle's slim `gnomad.tsv.gz`. */
export interface GnomadRecord {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  af: number;
  /** Allele count, allele number and homozygote count; null when the release does not give them
   * (e.g. gnomAD r2.0.2 liftovers with INFO/AF only): unknown, which is not 0. Written as '.'. */
  ac: number | null;
  an: number | null;
  nhomalt: number | null;
  /** Highest AF over genetic-ancestry groups (gnomAD "grpmax", "popmax" before v4), null if not given. */
  grpmaxAf: number | null;
  grpmax: string;
  /** FILTER of the gnomAD site ("PASS" or the failing filters). */
  filter: string;
}

export const GNOMAD_COLUMNS = ['#chrom', 'pos', 'ref', 'alt', 'af', 'ac', 'an', 'nhomalt', 'grpmax_af', 'grpmax', 'filter'];

export function formatGnomadLine(r: GnomadRecord): string {
  return [r.chrom, r.pos, r.ref, r.alt, r.af, r.ac ?? '.', r.an ?? '.', r.nhomalt ?? '.', r.grpmaxAf ?? '.', r.grpmax || '.', r.filter].join('\t');
}

const orNull = (text: string): number | null => (text === '.' ? null : Number(text));

export function parseGnomadLine(line: string, file: string): GnomadRecord {
  const c = line.split('\t');
  if (c.length < 11) throw new InputError(file, `gnomAD table row has ${c.length} columns, expected 11: ${line.slice(0, 60)}`);
  return {
    chrom: c[0],
    pos: Number(c[1]),
    ref: c[2],
    alt: c[3],
    af: Number(c[4]),
    ac: orNull(c[5]),
    an: orNull(c[6]),
    nhomalt: orNull(c[7]),
    grpmaxAf: c[8] === '.' ? null : Number(c[8]),
    grpmax: c[9] === '.' ? '' : c[9],
    filter: c[10],
  };
}

/** Writes sorted records as the bundle's bgzipped, tabix-indexed slim table. */
export function writeGnomadTable(file: string, records: Iterable<GnomadRecord>): number {
  function* lines() {
    for (const r of records) yield { text: formatGnomadLine(r), ref: r.chrom, beg0: r.pos - 1, end0: r.pos };
  }
  return writeIndexedText(file, [GNOMAD_COLUMNS.join('\t')], lines(), POSITION_TSV_TABIX);
}

/** Reads the table by region; the annotator merge-joins the rows with a shard's sorted variants. */
export class GnomadTable {
  private constructor(
    private readonly file: string,
    private readonly fd: number,
    private readonly size: number,
    private readonly index: OpenedIndex,
  ) {}

  static async open(file: string): Promise<GnomadTable> {
    const index = await openTabixIndex(file);
    if (!index) throw new InputError(file, 'no .tbi index beside the gnomAD table');
    const fd = fs.openSync(file, 'r');
    return new GnomadTable(file, fd, fs.fstatSync(fd).size, index);
  }

  /** Rows with 1-based pos in [start1, end1], in file order (sorted by position). */
  async region(chrom: string, start1: number, end1: number): Promise<GnomadRecord[]> {
    if (!this.index.refNames.includes(chrom)) return [];
    const out: GnomadRecord[] = [];
    for (const r of await this.index.rangesFor(chrom, start1 - 1, end1)) {
      const text = readVirtualRange(this.fd, this.file, this.size, { blockPosition: r.startBlock, dataPosition: r.startData }, { blockPosition: r.endBlock, dataPosition: r.endData }).toString('utf8');
      for (const line of text.split('\n')) {
        if (line.length === 0 || line.startsWith('#')) continue;
        const rec = parseGnomadLine(line, this.file);
        if (rec.chrom === chrom && rec.pos >= start1 && rec.pos <= end1) out.push(rec);
      }
    }
    return out;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
