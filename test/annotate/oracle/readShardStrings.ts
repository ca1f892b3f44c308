/**
 * The string-based reader as it was before the columnar one (main 4d4700f, src/annotate/readShard.ts):
 * an oracle for test/annotate/readShardColumns.test.ts and bench/readingHash.ts. Do not optimise.
 */
import type { ReadOptions } from '../../../src/annotate/readOptions';
import { shardText } from '../../../src/annotate/shardText';
import { InputError } from '../../../src/errors';
import { scanVcfRecords, ScannedRecord } from '../../../src/io/vcfScanner';
import type { ShardSpec } from '../../../src/shard/types';
import type { ContigAliases } from '../../../src/variant/contigs';
import { IndexedFasta } from '../../../src/io/fasta';
import { isSymbolicAllele, leftAlign, trimAlleles } from '../../../src/variant/normalise';
import type { Variant, Zygosity } from '../../../src/variant/types';
import type { XCallCounts } from '../../../src/prioritise/family';
import { memberCall, XCallCounter } from './oldFamilyCalls';
import { emptyReadCounts, ReadCounts } from '../../../src/annotate/types';

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

export type { ReadOptions };

const fastaCache = new Map<string, IndexedFasta>();

/** One open FASTA per path and worker thread. */
function openFasta(file: string): IndexedFasta {
  let f = fastaCache.get(file);
  if (!f) fastaCache.set(file, (f = IndexedFasta.open(file)));
  return f;
}

function zygosityOf(alleles: number[], count: number, altIndex: number): Zygosity | 'not_carried' | 'no_call' {
  let carried = 0;
  let called = 0;
  for (let i = 0; i < count; i++) {
    const a = alleles[i];
    if (a < 0) continue;
    called++;
    if (a === altIndex) carried++;
  }
  if (called === 0) return 'no_call';
  if (carried === 0) return 'not_carried';
  if (count === 1) return 'hemi';
  return carried === count ? 'hom' : 'het';
}

/**
 * Parses the shard's records into normalised variants of the chosen sample: multi-allelic records
 * split per ALT (VCF 4.3 §1.6.1), alleles trimmed, contigs renamed to the bundle's names, and
 * alleles the sample does not carry dropped (counted).
 */
export function readShardStrings(shard: ShardSpec, opts: ReadOptions, aliases: ContigAliases): ShardRead {
  const fromFileStart = shard.ranges === null;
  let data: Buffer = Buffer.alloc(0);
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
  // Trimming can move an allele past the next record's POS; only then does the shard need sorting.
  let lastEmittedChrom = '';
  let lastEmittedPos = 0;
  let outOfOrder = false;
  const emittedChroms = new Set<string>();
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
    const refOk = isAcgtn(ref);
    const altText = rec.alt;
    // Split multi-allelic records per ALT (VCF 4.3 §1.6.1) without building an array for the
    // usual single ALT.
    let from = 0;
    for (let i = 0; from <= altText.length; i++) {
      let to = altText.indexOf(',', from);
      if (to < 0) to = altText.length;
      const rawAlt = from === 0 && to === altText.length ? altText : altText.slice(from, to);
      from = to + 1;
      counts.alleles++;
      if (rawAlt.length === 1 ? rawAlt === '*' || rawAlt === '.' : isSymbolicAllele(rawAlt)) {
        counts.symbolic_or_breakend++;
        continue;
      }
      const alt = upper(rawAlt);
      if (!refOk || !isAcgtn(alt)) {
        counts.non_acgtn_allele++;
        continue;
      }
      // Without GT in FORMAT the genotype is unknown: alleles are kept with zygosity "unknown".
      let zygosity: Zygosity = 'unknown';
      if (rec.gtCount > 0) {
        const z = zygosityOf(rec.gt, rec.gtCount, i + 1);
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
      let pos = rec.pos;
      let vRef = ref;
      let vAlt = alt;
      if (ref.length !== 1 || alt.length !== 1) {
        let t = trimAlleles(pos, ref, alt);
        if (fasta && t.ref.length !== t.alt.length) {
          const chromName = rec.chrom;
          t = leftAlign(t.pos, t.ref, t.alt, (p) => fasta.fetch(chromName, p, p)?.toUpperCase() ?? null);
        }
        pos = t.pos;
        vRef = t.ref;
        vAlt = t.alt;
      }
      if (canonical !== lastEmittedChrom) {
        // A contig met again under another VCF name (chr1, then 1) needs the grouping sort too.
        if (emittedChroms.has(canonical)) outOfOrder = true;
        emittedChroms.add(canonical);
        lastEmittedChrom = canonical;
      } else if (pos < lastEmittedPos) outOfOrder = true;
      lastEmittedPos = pos;
      const v: Variant = { chrom: canonical, pos, ref: vRef, alt: vAlt, id: rec.id, filter: rec.filter, qual: rec.qual, zygosity, line: lineRef };
      if (opts.keepInfo) v.info = data.toString('utf8', rec.infoStart, rec.infoEnd);
      if (xCounter) v.family = rec.family.map((f) => memberCall(f, i + 1));
      if (callColumns.length > 0) v.call = memberCall(rec.family[0], i + 1);
      variants.push(v);
    }
  };
  const scan = { file, sampleColumn: opts.sampleColumn, familyColumns: callColumns, lineOffset: fromFileStart ? 0 : null };
  shardText(shard, opts, (buf, start, end) => {
    data = buf;
    const lines = scanVcfRecords(buf, scan, onRecord, start, end);
    if (scan.lineOffset !== null) scan.lineOffset += lines;
  });
  if (sawCr) warnings.push(`${file}: CRLF line ends; read as LF`);
  if (outOfOrder) sortByContigThenPos(variants);
  return xCounter ? { variants, counts, warnings, xCalls: xCounter.counts() } : { variants, counts, warnings };
}

function inRegions(regions: NonNullable<ShardSpec['regions']>, chrom: string, pos: number): boolean {
  for (const r of regions) if (r.chrom === chrom && pos >= r.start1 && pos <= r.end1) return true;
  return false;
}

/**
 * Trimming can move a position forward; keep the shard sorted for the merge-joins. Contigs already
 * come in blocks (unsorted input is refused above), and a trimmed allele moves only a few bases, so
 * an insertion pass within each contig block puts it right in linear time, stably.
 */
function sortByContigThenPos(variants: Variant[]): void {
  for (let i = 1; i < variants.length; i++) {
    const v = variants[i];
    let j = i;
    while (j > 0 && variants[j - 1].pos > v.pos && variants[j - 1].chrom === v.chrom) {
      variants[j] = variants[j - 1];
      j--;
    }
    if (j !== i) variants[j] = v;
  }
  // Two VCF names for one contig (chr1 and 1) can make a contig's block appear twice: then group them.
  const seen = new Set<string>();
  for (let i = 0; i < variants.length; i++) {
    if (i > 0 && variants[i].chrom === variants[i - 1].chrom) continue;
    if (seen.has(variants[i].chrom)) {
      const order = new Map<string, number>();
      for (const x of variants) if (!order.has(x.chrom)) order.set(x.chrom, order.size);
      variants.sort((x, y) => (order.get(x.chrom) as number) - (order.get(y.chrom) as number) || x.pos - y.pos);
      return;
    }
    seen.add(variants[i].chrom);
  }
}
