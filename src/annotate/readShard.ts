import * as fs from 'node:fs';
import { InputError } from '../errors';
import { inflateWholeFile, readVirtualRange } from '../io/bgzf';
import { scanVcfRecords, ScannedRecord } from '../io/vcfScanner';
import type { ShardSpec } from '../shard/types';
import type { ContigAliases } from '../variant/contigs';
import { IndexedFasta } from '../io/fasta';
import { isSymbolicAllele, leftAlign, trimAlleles } from '../variant/normalise';
import type { Variant, Zygosity } from '../variant/types';
import type { XCallCounts } from '../prioritise/family';
import { memberCall, XCallCounter } from './familyCalls';
import { emptyReadCounts, ReadCounts } from './types';

const ACGTN = /^[ACGTN]+$/;
const isAcgtn = (a: string): boolean => (a.length === 1 ? a === 'A' || a === 'C' || a === 'G' || a === 'T' || a === 'N' : ACGTN.test(a));
const upper = (a: string): string => (a.length === 1 && a >= 'A' && a <= 'Z' ? a : a.toUpperCase());

export interface ShardRead {
  variants: Variant[];
  counts: ReadCounts;
  warnings: string[];
  /** Per family member X heterozygosity (runs with --ped only). */
  xCalls?: XCallCounts;
}

export interface ReadOptions {
  /** 0-based column of the sample to read; -1 for a sites-only VCF. */
  sampleColumn: number;
  /** Display name of the VCF for messages. */
  displayName: string;
  compression: 'bgzf' | 'none';
  /** Keep each record's INFO text on its variants (for plugins); off by default to keep shards small. */
  keepInfo?: boolean;
  /** Read the proband's DP, GQ and AD as well as GT (`Variant.call`), for the call-confidence evidence. */
  probandCall?: boolean;
  /** With --ped: VCF columns of the family members (proband first) whose GT, DP, GQ and AD are read, and the build (for the PARs). */
  family?: { columns: number[]; build: string };
  /** With --fasta: indexed reference FASTA against which indels are left-aligned. */
  fasta?: string;
}

const fastaCache = new Map<string, IndexedFasta>();

/** One open FASTA per path and worker thread. */
function openFasta(file: string): IndexedFasta {
  let f = fastaCache.get(file);
  if (!f) fastaCache.set(file, (f = IndexedFasta.open(file)));
  return f;
}

/** Decompressed bytes of the shard, and whether its lines can be numbered from the file start. */
function shardBytes(shard: ShardSpec, opts: ReadOptions): { data: Buffer; fromFileStart: boolean } {
  if (shard.ranges === null) {
    const data = opts.compression === 'bgzf' ? inflateWholeFile(shard.vcf, opts.displayName) : fs.readFileSync(shard.vcf);
    return { data, fromFileStart: true };
  }
  const fd = fs.openSync(shard.vcf, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const parts = shard.ranges.map((r) =>
      readVirtualRange(fd, opts.displayName, size, { blockPosition: r.startBlock, dataPosition: r.startData }, { blockPosition: r.endBlock, dataPosition: r.endData }),
    );
    return { data: parts.length === 1 ? parts[0] : Buffer.concat(parts), fromFileStart: false };
  } finally {
    fs.closeSync(fd);
  }
}

function zygosityOf(alleles: number[], altIndex: number): Zygosity | 'not_carried' | 'no_call' {
  let carried = 0;
  let called = 0;
  for (const a of alleles) {
    if (a < 0) continue;
    called++;
    if (a === altIndex) carried++;
  }
  if (called === 0) return 'no_call';
  if (carried === 0) return 'not_carried';
  if (alleles.length === 1) return 'hemi';
  return carried === alleles.length ? 'hom' : 'het';
}

/**
 * Parses the shard's records into normalised variants of the chosen sample: multi-allelic records
 * split per ALT (VCF 4.3 §1.6.1), alleles trimmed, contigs renamed to the bundle's names, and
 * alleles the sample does not carry dropped (counted).
 */
export function readShard(shard: ShardSpec, opts: ReadOptions, aliases: ContigAliases): ShardRead {
  const { data, fromFileStart } = shardBytes(shard, opts);
  const fasta = opts.fasta ? openFasta(opts.fasta) : null;
  const counts = emptyReadCounts();
  const warnings: string[] = [];
  const variants: Variant[] = [];
  const file = opts.displayName;
  const regions = shard.regions;
  let lastChrom = '';
  let lastPos = 0;
  let canonical: string | undefined;
  const finishedContigs = new Set<string>();
  let sawCr = false;
  const xCounter = opts.family ? new XCallCounter(opts.family.columns.length, opts.family.build) : null;
  // The proband is the first family column with --ped; without one, its own column when asked for.
  const callColumns = opts.family?.columns ?? (opts.probandCall && opts.sampleColumn >= 0 ? [opts.sampleColumn] : []);
  const onRecord = (rec: ScannedRecord): void => {
    if (rec.crlf) sawCr = true;
    const lineRef = fromFileStart ? rec.line : undefined;
    if (regions !== null && !inRegions(regions, rec.chrom, rec.pos)) return;
    if (rec.chrom !== lastChrom) {
      if (finishedContigs.has(rec.chrom)) throw new InputError(file, `records are not sorted: ${rec.chrom} appears again after ${lastChrom} (sort with \`bcftools sort\`)`, lineRef);
      if (lastChrom) finishedContigs.add(lastChrom);
      lastChrom = rec.chrom;
      lastPos = 0;
      canonical = aliases.canonical(rec.chrom);
    } else if (rec.pos < lastPos) {
      throw new InputError(file, `records are not sorted: ${rec.chrom}:${rec.pos} comes after ${rec.chrom}:${lastPos} (sort with \`bcftools sort\`)`, lineRef);
    }
    lastPos = rec.pos;
    counts.records++;
    if (canonical === undefined) {
      counts.unknown_contig++;
      return;
    }
    if (xCounter) xCounter.add(canonical, rec.pos, rec.family);
    const ref = upper(rec.ref);
    const alts = rec.alt.indexOf(',') < 0 ? [rec.alt] : rec.alt.split(',');
    const hasGt = rec.gt.length > 0;
    for (let i = 0; i < alts.length; i++) {
      const rawAlt = alts[i];
      counts.alleles++;
      if (isSymbolicAllele(rawAlt)) {
        counts.symbolic_or_breakend++;
        continue;
      }
      const alt = upper(rawAlt);
      if (!isAcgtn(ref) || !isAcgtn(alt)) {
        counts.non_acgtn_allele++;
        continue;
      }
      // Without GT in FORMAT the genotype is unknown: alleles are kept with zygosity "unknown".
      let zygosity: Zygosity = 'unknown';
      if (hasGt) {
        const z = zygosityOf(rec.gt, i + 1);
        if (z === 'not_carried') {
          counts.not_carried++;
          continue;
        }
        if (z === 'no_call') {
          counts.no_call++;
          continue;
        }
        zygosity = z;
      }
      let t = ref.length === 1 && alt.length === 1 ? { pos: rec.pos, ref, alt } : trimAlleles(rec.pos, ref, alt);
      if (fasta && t.ref.length !== t.alt.length) {
        const chromName = rec.chrom;
        t = leftAlign(t.pos, t.ref, t.alt, (p) => fasta.fetch(chromName, p, p)?.toUpperCase() ?? null);
      }
      const v: Variant = { chrom: canonical, pos: t.pos, ref: t.ref, alt: t.alt, id: rec.id, filter: rec.filter, qual: rec.qual, zygosity, line: lineRef };
      if (opts.keepInfo) v.info = data.toString('utf8', rec.infoStart, rec.infoEnd);
      if (xCounter) v.family = rec.family.map((f) => memberCall(f, i + 1));
      if (callColumns.length > 0) v.call = memberCall(rec.family[0], i + 1);
      variants.push(v);
    }
  };
  scanVcfRecords(data, { file, sampleColumn: opts.sampleColumn, familyColumns: callColumns, lineOffset: fromFileStart ? 0 : null }, onRecord);
  if (sawCr) warnings.push(`${file}: CRLF line ends; read as LF`);
  sortByContigThenPos(variants);
  return xCounter ? { variants, counts, warnings, xCalls: xCounter.counts() } : { variants, counts, warnings };
}

function inRegions(regions: NonNullable<ShardSpec['regions']>, chrom: string, pos: number): boolean {
  for (const r of regions) if (r.chrom === chrom && pos >= r.start1 && pos <= r.end1) return true;
  return false;
}

/** Trimming can move a position forward; keep the shard sorted for the merge-joins (stable). */
function sortByContigThenPos(variants: Variant[]): void {
  let sorted = true;
  for (let i = 1; i < variants.length && sorted; i++) if (variants[i].chrom === variants[i - 1].chrom && variants[i].pos < variants[i - 1].pos) sorted = false;
  if (sorted) return;
  const order = new Map<string, number>();
  for (const v of variants) if (!order.has(v.chrom)) order.set(v.chrom, order.size);
  variants.sort((x, y) => (order.get(x.chrom) as number) - (order.get(y.chrom) as number) || x.pos - y.pos);
}
