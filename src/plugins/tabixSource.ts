import * as fs from 'node:fs';
import { CSI, TBI } from '@gmod/tabix';
import { InputError } from '../errors';
import { inflateBlocks, readAt, readVirtualRange } from '../io/bgzf';
import { localFilehandle } from '../io/localFilehandle';
import { mergeRanges, VirtualRange } from '../io/tabixIndex';
import { readVcfHeader } from '../io/vcfHeader';
import { isSymbolicAllele, trimAlleles } from '../variant/normalise';
import type { SourceConfig } from './types';

/** One allele of a source record, 1-based closed [pos, end], alleles trimmed like the sample's. */
export interface SourceRecord {
  pos: number;
  end: number;
  ref: string;
  alt: string;
  /** Raw values of the configured fields, in `fields` order ('' when absent). */
  values: string[];
}

type Extract = (cols: string[], info: Map<string, string> | null, altIndex: number) => string;

interface IndexMeta {
  refNames: string[];
  ranges(refName: string, beg0: number, end0: number): Promise<VirtualRange[]>;
  colSeq: number;
  colBeg: number;
  colEnd: number;
  zeroBased: boolean;
  metaChar: string;
}

async function openIndex(file: string, shown: string): Promise<IndexMeta> {
  const kinds: Array<['tbi' | 'csi', string]> = [['tbi', `${file}.tbi`], ['csi', `${file}.csi`]];
  for (const [kind, p] of kinds) {
    if (!fs.existsSync(p)) continue;
    const filehandle = localFilehandle(p);
    const index = kind === 'tbi' ? new TBI({ filehandle }) : new CSI({ filehandle });
    try {
      const m = await index.getMetadata();
      return {
        refNames: m.refIdToName,
        ranges: async (ref, beg0, end0) =>
          mergeRanges((await index.blocksForRange(ref, beg0, end0, {})).map((c) => ({ startBlock: c.minv.blockPosition, startData: c.minv.dataPosition, endBlock: c.maxv.blockPosition, endData: c.maxv.dataPosition }))),
        colSeq: m.columnNumbers.ref,
        colBeg: m.columnNumbers.start,
        colEnd: m.columnNumbers.end,
        zeroBased: m.coordinateType === '0-based-half-open',
        metaChar: m.metaChar ?? '#',
      };
    } catch (e) {
      throw new InputError(p, `cannot read ${kind} index: ${(e as Error).message}`);
    }
  }
  throw new InputError(shown, 'no .tbi or .csi index beside the source (index it with `tabix -p vcf` or `tabix -s1 -b2 -e2`)');
}

/** Header lines of a bgzipped text file: the leading lines that start with `metaChar`. */
function leadingMetaLines(fd: number, file: string, metaChar: string): string[] {
  const size = fs.fstatSync(fd).size;
  const buf = readAt(fd, 0, Math.min(size, 1 << 20));
  const text = inflateBlocks(buf, file, 0, buf.length, buf.length === size).data.toString('utf8');
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(metaChar)) break;
    out.push(line.replace(/\r$/, ''));
  }
  return out;
}

/** Reads a configured source by region; one object per worker thread and source. */
export class TabixSource {
  private constructor(
    readonly config: SourceConfig & { shownFile: string },
    private readonly fd: number,
    private readonly size: number,
    private readonly index: IndexMeta,
    private readonly extract: Extract[],
    private readonly refCol: number,
    private readonly altCol: number,
    /** Canonical (bundle) contig name to the source's name. */
    private readonly refNameOf: Map<string, string>,
  ) {}

  static async open(config: SourceConfig & { shownFile: string }, canonical: (name: string) => string | undefined): Promise<TabixSource> {
    const shown = config.shownFile;
    if (!fs.existsSync(config.file)) throw new InputError(shown, `source "${config.name}": file does not exist`);
    const index = await openIndex(config.file, shown);
    const fd = fs.openSync(config.file, 'r');
    try {
      const { extract, refCol, altCol } = config.format === 'vcf' ? vcfExtractors(config) : tsvExtractors(config, leadingMetaLines(fd, shown, index.metaChar));
      const refNameOf = new Map<string, string>();
      for (const r of index.refNames) {
        const c = canonical(r);
        if (c && !refNameOf.has(c)) refNameOf.set(c, r);
      }
      return new TabixSource(config, fd, fs.fstatSync(fd).size, index, extract, refCol, altCol, refNameOf);
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
  }

  /** Records overlapping [start1, end1] on a canonical contig, sorted by position as in the file. */
  async region(chrom: string, start1: number, end1: number): Promise<SourceRecord[]> {
    const refName = this.refNameOf.get(chrom);
    if (refName === undefined) return [];
    const out: SourceRecord[] = [];
    for (const r of await this.index.ranges(refName, start1 - 1, end1)) {
      const text = readVirtualRange(this.fd, this.config.shownFile, this.size, { blockPosition: r.startBlock, dataPosition: r.startData }, { blockPosition: r.endBlock, dataPosition: r.endData }).toString('utf8');
      for (const line of text.split('\n')) {
        if (line.length === 0 || line.startsWith(this.index.metaChar)) continue;
        const cols = line.replace(/\r$/, '').split('\t');
        if (cols[this.index.colSeq - 1] !== refName) continue;
        if (this.config.format === 'vcf') this.pushVcf(cols, out, start1, end1);
        else this.pushTsv(cols, out, start1, end1);
      }
    }
    return out;
  }

  private pushVcf(cols: string[], out: SourceRecord[], start1: number, end1: number): void {
    const pos = Number(cols[1]);
    const ref = (cols[3] ?? '').toUpperCase();
    const alts = (cols[4] ?? '.').split(',');
    const info = this.extract.length ? parseInfo(cols[7] ?? '.') : null;
    const endTag = info?.get('END') ?? /(?:^|;)END=(\d+)/.exec(cols[7] ?? '')?.[1];
    const recEnd = endTag && alts.some(isSymbolicAllele) ? Number(endTag) : pos + Math.max(1, ref.length) - 1;
    if (!Number.isFinite(pos) || recEnd < start1 || pos > end1) return;
    alts.forEach((rawAlt, i) => {
      const alt = rawAlt.toUpperCase();
      const t = isSymbolicAllele(alt) ? { pos, ref, alt } : trimAlleles(pos, ref, alt);
      out.push({ pos: t.pos, end: Math.max(recEnd, t.pos), ref: t.ref, alt: t.alt, values: this.extract.map((x) => x(cols, info, i)) });
    });
  }

  private pushTsv(cols: string[], out: SourceRecord[], start1: number, end1: number): void {
    const beg = Number(cols[this.index.colBeg - 1]);
    if (!Number.isFinite(beg)) return;
    const pos = this.index.zeroBased ? beg + 1 : beg;
    const ref = this.refCol >= 0 ? (cols[this.refCol] ?? '').toUpperCase() : '';
    const alt = this.altCol >= 0 ? (cols[this.altCol] ?? '').toUpperCase() : '';
    const hasEnd = this.index.colEnd > 0 && this.index.colEnd !== this.index.colBeg;
    const end = hasEnd ? Number(cols[this.index.colEnd - 1]) : pos + Math.max(1, ref.length) - 1;
    if (end < start1 || pos > end1) return;
    const t = ref && alt && !isSymbolicAllele(alt) ? trimAlleles(pos, ref, alt) : { pos, ref, alt };
    out.push({ pos: t.pos, end: Math.max(end, t.pos), ref: t.ref, alt: t.alt, values: this.extract.map((x) => x(cols, null, 0)) });
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

export function parseInfo(text: string): Map<string, string> {
  const m = new Map<string, string>();
  if (text === '.' || text === '') return m;
  for (const kv of text.split(';')) {
    const eq = kv.indexOf('=');
    if (eq < 0) m.set(kv, 'true');
    else m.set(kv.slice(0, eq), kv.slice(eq + 1));
  }
  return m;
}

/** VCF fields: INFO keys (Number=A/R values taken per allele, VCF 4.3 §1.6.2), or ID, QUAL, FILTER. */
function vcfExtractors(config: SourceConfig & { shownFile: string }): { extract: Extract[]; refCol: number; altCol: number } {
  const header = readVcfHeader(config.file);
  const extract = config.fields.map((f): Extract => {
    const fixed = { ID: 2, QUAL: 5, FILTER: 6 }[f.field];
    if (fixed !== undefined) return (cols) => (cols[fixed] === '.' ? '' : cols[fixed] ?? '');
    const def = header.info.get(f.field);
    if (!def) throw new InputError(config.shownFile, `source "${config.name}": INFO field ${f.field} is not declared in the VCF header (fields: ${[...header.info.keys()].slice(0, 12).join(', ')}...)`);
    const perAllele = def.number === 'A' ? 0 : def.number === 'R' ? 1 : -1;
    return (_cols, info, altIndex) => {
      const v = info?.get(f.field);
      if (v === undefined || v === '.') return '';
      if (perAllele < 0) return v;
      const item = v.split(',')[altIndex + perAllele];
      return item === undefined || item === '.' ? '' : item;
    };
  });
  return { extract, refCol: 3, altCol: 4 };
}

/** TSV fields by header name (the last header line, without its leading `#`) or 1-based column number. */
function tsvExtractors(config: SourceConfig & { shownFile: string }, headerLines: string[]): { extract: Extract[]; refCol: number; altCol: number } {
  const names = headerLines.length ? headerLines[headerLines.length - 1].replace(/^#+/, '').split('\t') : [];
  const column = (spec: string, what: string, required: boolean): number => {
    if (/^\d+$/.test(spec)) return Number(spec) - 1;
    const at = names.indexOf(spec);
    if (at < 0 && required) throw new InputError(config.shownFile, `source "${config.name}": no column "${spec}" for ${what} (header: ${names.join(', ') || 'none'}; use a 1-based column number)`);
    return at;
  };
  const needAlleles = config.match === 'allele';
  const refCol = column(config.ref ?? 'ref', 'REF', needAlleles || config.ref !== undefined);
  const altCol = column(config.alt ?? 'alt', 'ALT', needAlleles || config.alt !== undefined);
  const extract = config.fields.map((f): Extract => {
    const c = column(f.field, `field ${f.field}`, true);
    return (cols) => {
      const v = cols[c];
      return v === undefined || v === '.' ? '' : v;
    };
  });
  return { extract, refCol, altCol };
}
