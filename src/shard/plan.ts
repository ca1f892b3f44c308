import type { OpenedIndex, VirtualRange } from '../io/tabixIndex';
import { mergeRanges } from '../io/tabixIndex';
import type { Region, ShardSpec } from './types';

/** Largest coordinate the binning index addresses (2^29, tabix spec). */
const MAX_COORD = 1 << 29;
/** Compressed bytes per shard when the count is not fixed: ~60k records of a typical VCF. */
export const DEFAULT_SHARD_BYTES = 4 << 20;
/** Step, in bases, at which a contig's compressed offsets are probed from the index. */
const PROBE_BP = 1 << 20;

export interface PlanOptions {
  /** Declared contig lengths (from ##contig), to bound probing; unknown lengths probe to 2^29. */
  contigLengths: Map<string, number>;
  /** Only this region. */
  region?: Region;
  /** Exactly this many shards (for `--shard i/N`); otherwise sized by `targetBytes`. */
  count?: number;
  targetBytes?: number;
}

interface Piece {
  region: Region;
  /** Compressed offset where the piece's data starts, and its approximate compressed size. */
  startOffset: number;
  bytes: number;
}

/**
 * Plans shards that each carry about the same number of compressed bytes, from the index alone.
 * Offsets are probed every PROBE_BP bases; a contig is cut where the running byte count passes the
 * target, and small neighbouring contigs are packed into one shard. The plan depends only on the
 * file and the options, never on the number of threads, so results merge identically.
 */
export async function planShards(vcf: string, index: OpenedIndex, opts: PlanOptions): Promise<ShardSpec[]> {
  const pieces: Piece[] = [];
  for (const chrom of index.refNames) {
    if (opts.region && opts.region.chrom !== chrom) continue;
    const start1 = opts.region?.start1 ?? 1;
    const end1 = opts.region?.end1 ?? Math.min(MAX_COORD, opts.contigLengths.get(chrom) || MAX_COORD);
    pieces.push(...(await probeContig(index, chrom, start1, end1)));
  }
  const total = pieces.reduce((a, p) => a + p.bytes, 0);
  const target = opts.count ? Math.max(1, total / opts.count) : (opts.targetBytes ?? DEFAULT_SHARD_BYTES);
  const groups: Region[][] = [];
  let current: Region[] = [];
  let acc = 0;
  let assigned = 0;
  for (const p of pieces) {
    const last = current[current.length - 1];
    if (last && last.chrom === p.region.chrom && last.end1 + 1 === p.region.start1) last.end1 = p.region.end1;
    else current.push({ ...p.region });
    acc += p.bytes;
    assigned += p.bytes;
    const wanted = opts.count ? Math.round((assigned / total) * opts.count) : 0;
    if (opts.count ? groups.length + 1 <= wanted && groups.length < opts.count - 1 : acc >= target) {
      groups.push(current);
      current = [];
      acc = 0;
    }
  }
  if (current.length) groups.push(current);
  const shards: ShardSpec[] = [];
  for (const regions of groups) {
    const ranges: VirtualRange[] = [];
    for (const r of regions) ranges.push(...(await index.rangesFor(r.chrom, r.start1 - 1, r.end1)));
    shards.push({ index: shards.length, vcf, ranges: mergeRanges(ranges), regions });
  }
  return shards;
}

/** Cuts one contig (or region) into PROBE_BP pieces with their compressed sizes from the index. */
async function probeContig(index: OpenedIndex, chrom: string, start1: number, end1: number): Promise<Piece[]> {
  const whole = await index.rangesFor(chrom, start1 - 1, end1);
  if (whole.length === 0) return [];
  const firstOffset = whole[0].startBlock;
  const lastOffset = whole[whole.length - 1].endBlock;
  if (end1 - start1 < PROBE_BP) return [{ region: { chrom, start1, end1 }, startOffset: firstOffset, bytes: Math.max(1, lastOffset - firstOffset) }];
  const cuts: Array<{ pos1: number; offset: number }> = [];
  for (let s = start1; s <= end1; s += PROBE_BP) {
    const r = await index.rangesFor(chrom, s - 1, Math.min(end1, s + PROBE_BP - 1));
    if (r.length === 0) continue;
    cuts.push({ pos1: s, offset: Math.max(firstOffset, r[0].startBlock) });
  }
  const pieces: Piece[] = [];
  for (let i = 0; i < cuts.length; i++) {
    const pStart = i === 0 ? start1 : cuts[i].pos1;
    const pEnd = i + 1 < cuts.length ? cuts[i + 1].pos1 - 1 : end1;
    const nextOffset = i + 1 < cuts.length ? cuts[i + 1].offset : lastOffset;
    pieces.push({ region: { chrom, start1: pStart, end1: pEnd }, startOffset: cuts[i].offset, bytes: Math.max(1, nextOffset - cuts[i].offset) });
  }
  return pieces;
}

/** The sequential path for a plain or unindexed VCF: the whole file as one shard. */
export function wholeFileShard(vcf: string, only?: Region): ShardSpec {
  return { index: 0, vcf, ranges: null, regions: only ? [only] : null };
}

/** `i/N` (1-based i) to numbers, or undefined for a malformed value. */
export function parseShardSelector(text: string): { index: number; count: number } | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}
