/**
 * Shard file: one shard's annotated records, written by `vartriage annotate` and joined by
 * `vartriage merge` (docs/shard-file.md).
 *
 * Layout: BGZF (SAMv1 §4.1; `zcat`/`bgzip -d` read it) of UTF-8 JSON lines. Line 1 is the
 * ShardFileHeader; each further line is one AnnotatedVariant, in the order the shard read them.
 * The bytes are a pure function of (VCF, index, bundle, sample, region, shard i/N, tool version):
 * no clock, host or path other than the VCF path as given, and JSON keys in a fixed order.
 */
import * as fs from 'node:fs';
import type { TranscriptSet } from '../annotate/transcriptSet';
import type { AnnotatedVariant, ReadCounts } from '../annotate/types';
import { InputError } from '../errors';
import { inflateBlocks, looksLikeBgzf, readAt } from '../io/bgzf';
import { BgzfWriter } from '../io/bgzfWriter';

export const SHARD_FORMAT = 'vartriage.shard/1';

/** What identifies the input of a shard: shards merge only when all of it is equal. */
export interface ShardSource {
  /** The VCF path as given to `annotate` (recorded as results.json input.vcf). */
  vcf: string;
  /** Size of the VCF in bytes, and the SHA-256 of its .tbi/.csi (of the VCF itself when unindexed). */
  vcfBytes: number;
  fingerprint: string;
  /** The --sample given (null: the VCF's first), and the sample read (null: sites-only VCF). */
  sampleRequested: string | null;
  sample: string | null;
  /** The --region given, as text, or null for the whole file. */
  region: string | null;
  /** Reference bundle name and the SHA-256 of its manifest.json. */
  bundle: string;
  bundleManifestSha256: string;
  /** Tool version: another version may annotate differently. */
  toolVersion: string;
  /** N of `--shard i/N` (1 without --shard). */
  shardCount: number;
  /** `annotate --transcripts`; absent in files written before the option existed (they are `canonical`). */
  transcripts?: TranscriptSet;
}

export interface ShardFileHeader {
  format: typeof SHARD_FORMAT;
  source: ShardSource;
  /** i of `--shard i/N`, 1-based. */
  shardIndex: number;
  /** Planned pieces read into this file (0 when the plan has fewer than N shards, else 1; more with --region alone). */
  pieces: number;
  /** Genome build of the VCF as checked against the bundle. */
  build: string;
  /** The VCF header text (`##` lines and `#CHROM`), for the store's FILTER definitions, and its compression. */
  vcfHeader: string;
  vcfCompression: 'bgzf' | 'none';
  /** Records the VCF's index counts over all references (null: no index or --region); merge checks the total read. */
  indexRecords: { index: string; records: number } | null;
  counts: ReadCounts;
  warnings: string[];
  /** Number of variant lines that follow: a shorter file is truncated. */
  variants: number;
}

export interface ShardFile {
  header: ShardFileHeader;
  variants: AnnotatedVariant[];
}

/** Writes `file` under a temporary name and renames it once complete (DESIGN.md §3). */
export function writeShardFile(file: string, header: ShardFileHeader, variants: Iterable<AnnotatedVariant>): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const writer = new BgzfWriter(tmp);
  try {
    writer.write(JSON.stringify(header) + '\n');
    for (const v of variants) writer.write(JSON.stringify(v) + '\n');
    writer.close();
    fs.renameSync(tmp, file);
  } catch (e) {
    writer.abort();
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code) throw new InputError(file, `cannot write (${(e as Error).message.split(',')[0]}); no shard file was written`);
    throw e;
  }
}

/** Checks line 1 of a shard file and returns it as the header. */
function parseHeaderLine(file: string, first: string | null): ShardFileHeader {
  let header: Partial<ShardFileHeader> | null = null;
  try {
    header = first === null ? null : (JSON.parse(first) as Partial<ShardFileHeader>);
  } catch {
    // not JSON: reported below as not a shard file (a VCF given by mistake lands here)
  }
  if (!header || typeof header !== 'object' || header.format !== SHARD_FORMAT) {
    const found = header && typeof header === 'object' && 'format' in header ? `format ${String(header.format)}` : 'no format field';
    throw new InputError(file, `not a ${SHARD_FORMAT} shard file (${found}); write it with this version's \`vartriage annotate\``, 1);
  }
  return header as ShardFileHeader;
}

function checkBgzf(file: string, head: Buffer): void {
  if (!looksLikeBgzf(head.subarray(0, 18))) throw new InputError(file, `not a vartriage shard file (expected BGZF-compressed ${SHARD_FORMAT}; write one with \`vartriage annotate\`)`);
}

/**
 * Reads only the header line of a shard file: `merge` checks that the files make one whole input
 * before it reads any of their variants (a genome's shard files do not fit in memory together).
 */
export function readShardFileHeader(file: string): ShardFileHeader {
  if (!fs.existsSync(file)) throw new InputError(file, 'no such shard file');
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    for (let length = 1 << 18; ; length *= 4) {
      const buf = readAt(fd, 0, Math.min(size, length));
      checkBgzf(file, buf);
      const data = inflateBlocks(buf, file, 0, buf.length, buf.length === size).data;
      const nl = data.indexOf(10);
      if (nl >= 0 || buf.length === size) return parseHeaderLine(file, data.length === 0 ? null : data.toString('utf8', 0, nl < 0 ? data.length : nl));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads and checks a shard file; errors name the file and the line. */
export function readShardFile(file: string): ShardFile {
  if (!fs.existsSync(file)) throw new InputError(file, 'no such shard file');
  const buf = fs.readFileSync(file);
  checkBgzf(file, buf);
  const data = inflateBlocks(buf, file, 0).data;
  let at = 0;
  let lineNo = 0;
  const nextLine = (): string | null => {
    if (at >= data.length) return null;
    let nl = data.indexOf(10, at);
    if (nl < 0) nl = data.length;
    const text = data.toString('utf8', at, nl);
    at = nl + 1;
    lineNo++;
    return text;
  };
  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new InputError(file, `not valid JSON (${(e as Error).message}); the shard file is damaged, re-run \`vartriage annotate\``, lineNo);
    }
  };
  const header = parseHeaderLine(file, nextLine());
  const variants: AnnotatedVariant[] = [];
  for (let line = nextLine(); line !== null; line = nextLine()) {
    if (line.length === 0) continue;
    variants.push(parse(line) as AnnotatedVariant);
  }
  if (variants.length !== header.variants) throw new InputError(file, `holds ${variants.length} variants, its header says ${header.variants}: truncated or damaged, re-run \`vartriage annotate\``);
  return { header, variants };
}
