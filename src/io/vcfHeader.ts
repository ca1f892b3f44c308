import * as fs from 'node:fs';
import VCFParser from '@gmod/vcf';
import { InputError } from '../errors';
import { inflateBlocks, looksLikeBgzf, looksLikeGzip, readAt } from './bgzf';
import { BGZF_EOF } from './bgzfWriter';

export interface ContigDef {
  name: string;
  length?: number;
}

export interface InfoDef {
  id: string;
  number: string;
  type: string;
  description: string;
}

export interface VcfHeader {
  file: string;
  compression: 'bgzf' | 'none';
  fileformat: string;
  /** Every header line, `##` lines then the `#CHROM` line, without newlines. */
  lines: string[];
  samples: string[];
  contigs: ContigDef[];
  info: Map<string, InfoDef>;
}

const FIXED_COLUMNS = ['#CHROM', 'POS', 'ID', 'REF', 'ALT', 'QUAL', 'FILTER', 'INFO'];

/** Reads and checks the header of a plain or BGZF-compressed VCF (VCF 4.3 §1.4-1.5). */
export function readVcfHeader(file: string): VcfHeader {
  if (!fs.existsSync(file)) throw new InputError(file, 'no such file');
  if (fs.statSync(file).isDirectory()) throw new InputError(file, 'is a directory, expected a VCF file');
  const fd = fs.openSync(file, 'r');
  try {
    const head = readAt(fd, 0, 18);
    if (head.length === 0) throw new InputError(file, 'empty file: a VCF needs at least its header');
    let compression: VcfHeader['compression'] = 'none';
    if (looksLikeGzip(head)) {
      if (!looksLikeBgzf(head)) throw new InputError(file, 'gzip but not BGZF: compress it with `bgzip` (htslib), not gzip');
      compression = 'bgzf';
      checkEofMarker(fd, file);
    }
    const text = compression === 'bgzf' ? readBgzfHeaderText(fd, file) : readPlainHeaderText(fd);
    if (text.length === 0) throw new InputError(file, 'empty file: a VCF needs at least its header');
    return parseHeaderText(file, compression, text);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A BGZF file ends with a fixed empty block (SAMv1 §4.1.2). Without it the file was most likely cut
 * at a block boundary, which no other check can see: htslib only warns, but a clinical run must not
 * silently lose the records that were cut off, so this is an error.
 */
function checkEofMarker(fd: number, file: string): void {
  const size = fs.fstatSync(fd).size;
  const tail = readAt(fd, Math.max(0, size - BGZF_EOF.length), BGZF_EOF.length);
  if (!tail.equals(BGZF_EOF)) {
    throw new InputError(file, 'BGZF end-of-file marker is missing: the file is truncated (SAMv1 §4.1.2); copy it again or re-compress it with bgzip');
  }
}

function headerEnd(text: string): number {
  // The header ends after the line that starts with "#CHROM" (VCF 4.3 §1.5).
  const at = text.startsWith('#CHROM') ? 0 : text.indexOf('\n#CHROM');
  if (at < 0) return -1;
  const nl = text.indexOf('\n', at + 1);
  return nl < 0 ? -1 : nl;
}

function readBgzfHeaderText(fd: number, file: string): string {
  const size = fs.fstatSync(fd).size;
  let want = 1 << 20;
  for (;;) {
    const buf = readAt(fd, 0, Math.min(size, want));
    const run = inflateBlocks(buf, file, 0, buf.length, buf.length === size);
    const text = run.data.toString('utf8');
    if (headerEnd(text) >= 0 || buf.length === size || !/^#/.test(lastLine(text))) return text;
    want *= 4;
  }
}

function readPlainHeaderText(fd: number): string {
  const size = fs.fstatSync(fd).size;
  let want = 1 << 20;
  for (;;) {
    const text = readAt(fd, 0, Math.min(size, want)).toString('utf8');
    if (headerEnd(text) >= 0 || want >= size) return text;
    want *= 4;
  }
}

function clipText(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}...` : s;
}

function lastLine(text: string): string {
  const nl = text.lastIndexOf('\n', text.length - 2);
  return text.slice(nl + 1);
}

export function parseHeaderText(file: string, compression: VcfHeader['compression'], text: string): VcfHeader {
  const end = headerEnd(text);
  if (end < 0) {
    const firstData = text.split('\n').findIndex((l) => l.length > 0 && !l.startsWith('#'));
    if (firstData >= 0) throw new InputError(file, 'missing the #CHROM header line before the first data line', firstData + 1);
    throw new InputError(file, 'missing the #CHROM header line (VCF 4.3 §1.5)');
  }
  const lines = text.slice(0, end).replace(/\r/g, '').split('\n');
  if (!lines[0].startsWith('##fileformat=VCFv')) throw new InputError(file, 'first line is not ##fileformat=VCFv4.x', 1);
  const fileformat = lines[0].slice('##fileformat='.length);
  // VCF 4.3 §1.4: every line before #CHROM is meta-information, `##key=value`.
  const badMeta = lines.slice(0, -1).findIndex((l) => !/^##[^=]+=/.test(l));
  if (badMeta >= 0) throw new InputError(file, `header line is not ##key=value meta-information (VCF 4.3 §1.4): "${clipText(lines[badMeta])}"`, badMeta + 1);
  const columnsLine = lines[lines.length - 1];
  const columns = columnsLine.split('\t');
  for (let i = 0; i < FIXED_COLUMNS.length; i++) {
    if (columns[i] !== FIXED_COLUMNS[i]) {
      throw new InputError(file, `header column ${i + 1} is "${columns[i] ?? ''}", expected ${FIXED_COLUMNS[i]}`, lines.length);
    }
  }
  const samples = columns.length > 9 ? columns.slice(9) : [];
  const seen = new Set<string>();
  for (const s of samples) {
    if (seen.has(s)) throw new InputError(file, `duplicate sample name "${s}" in the #CHROM line`, lines.length);
    seen.add(s);
  }
  let parser: VCFParser;
  try {
    parser = new VCFParser({ header: lines.join('\n') });
  } catch (e) {
    throw new InputError(file, `malformed header: ${(e as Error).message}`);
  }
  const contigs: ContigDef[] = [];
  const contigMeta = parser.getMetadata('contig');
  if (contigMeta && typeof contigMeta === 'object') {
    for (const [name, value] of Object.entries(contigMeta as Record<string, unknown>)) {
      const lengthText = (value as Record<string, unknown> | undefined)?.length;
      const length = lengthText === undefined ? undefined : Number(lengthText);
      contigs.push(length !== undefined && Number.isFinite(length) ? { name, length } : { name });
    }
  }
  const info = new Map<string, InfoDef>();
  const infoMeta = parser.getMetadata('INFO');
  if (infoMeta && typeof infoMeta === 'object') {
    for (const [id, value] of Object.entries(infoMeta as Record<string, Record<string, unknown>>)) {
      info.set(id, {
        id,
        number: String(value.Number ?? '.'),
        type: String(value.Type ?? 'String'),
        description: String(value.Description ?? ''),
      });
    }
  }
  return { file, compression, fileformat, lines, samples, contigs, info };
}
