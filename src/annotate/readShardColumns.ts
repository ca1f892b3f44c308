import { InputError } from '../errors';
import { CallFields, emptyCallFields, readCallFields } from '../io/vcfCallFields';
import { ScanOptions, scanVcfLines, ScannedLine } from '../io/vcfScanner';
import type { ShardSpec } from '../shard/types';
import { isAcgtnBytes, isSymbolicBytes, upperText } from '../variant/alleleBytes';
import { ColumnsBuilder } from '../variant/columnsBuilder';
import { contigPosOrder } from '../variant/columnsOrder';
import type { ContigAliases } from '../variant/contigs';
import { leftAlign } from '../variant/normalise';
import type { VariantColumns } from '../variant/variantColumns';
import { XCallCounter } from './familyCalls';
import type { ReadOptions, ReadReport } from './readOptions';
import { inRegions, openFasta, shardText } from './shardText';
import { emptyReadCounts } from './types';

const COMMA = 44;
const HET = 0;
const HOM = 1;
const HEMI = 2;
const UNKNOWN = 3;
const NOT_CARRIED = -1;
const NO_CALL = -2;

export interface ShardColumns extends ReadReport {
  columns: VariantColumns;
}

/** Zygosity code (variantColumns ZYGOSITIES) of ALT `altIndex` in a GT, or NOT_CARRIED / NO_CALL. */
function zygosityCode(alleles: number[], count: number, altIndex: number): number {
  let carried = 0;
  let called = 0;
  for (let i = 0; i < count; i++) {
    const a = alleles[i];
    if (a < 0) continue;
    called++;
    if (a === altIndex) carried++;
  }
  if (called === 0) return NO_CALL;
  if (carried === 0) return NOT_CARRIED;
  if (count === 1) return HEMI;
  return carried === count ? HOM : HET;
}

/** Writes member call `f` at ALT `altIndex` (1-based as in GT) to call slot `at` (src/variant/memberCall.ts semantics). */
/** Commas in buf[s, e). */
function commaCount(buf: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) if (buf[i] === COMMA) n++;
  return n;
}

function writeCall(b: ColumnsBuilder, at: number, f: CallFields, gt: number, altIndex: number): void {
  let copies = f.ploidy > 0 ? 0 : -1;
  for (let j = 0; j < f.ploidy; j++) {
    const a = f.alleles[j];
    if (a < 0) {
      copies = -1;
      break;
    }
    if (a === altIndex) copies++;
  }
  const refDepth = f.adCount > 0 ? f.ad[0] : -1;
  const altDepth = altIndex < f.adCount ? f.ad[altIndex] : -1;
  let dp = f.dp;
  if (Number.isNaN(dp) && f.adCount > 0) {
    // FORMAT DP absent: the sum of AD, when every entry is known.
    let sum = 0;
    for (let j = 0; j < f.adCount && sum >= 0; j++) sum = f.ad[j] < 0 ? -1 : sum + f.ad[j];
    if (sum >= 0) dp = sum;
  }
  b.gt[at] = gt;
  b.copies[at] = copies;
  b.ploidy[at] = f.ploidy;
  b.dp[at] = dp;
  b.gq[at] = f.gq;
  const pair = refDepth >= 0 && altDepth >= 0;
  b.adRef[at] = pair ? refDepth : NaN;
  b.adAlt[at] = pair ? altDepth : NaN;
}

/**
 * Parses the shard's records into normalised alleles of the chosen sample, as columns filled
 * straight from the bytes (no object per allele): multi-allelic records split per ALT (VCF 4.3
 * §1.6.1), alleles trimmed (and left-aligned with a FASTA), contigs renamed to the bundle's names,
 * and alleles the sample does not carry dropped (counted).
 */
export function readShardColumns(shard: ShardSpec, opts: ReadOptions, aliases: ContigAliases): ShardColumns {
  const fromFileStart = shard.ranges === null;
  const fasta = opts.fasta ? openFasta(opts.fasta) : null;
  const counts = emptyReadCounts();
  const warnings: string[] = [];
  const file = opts.displayName;
  const regions = shard.regions;
  let lastChrom = '';
  let lastPos = 0;
  let canonical: string | undefined;
  let contig = -1;
  const finishedContigs = new Set<string>();
  let sawCr = false;
  // Trimming can move an allele past the next record's POS: b.settle puts it back in place. A
  // contig met again under another VCF name (chr1, then 1) needs its blocks grouped at the end.
  let lastEmittedContig = -1;
  let regroup = false;
  const emittedContigs = new Set<number>();
  const xCounter = opts.family ? new XCallCounter(opts.family.columns.length, opts.family.build) : null;
  // The proband is the first family column with --ped; without one, its own column when asked for.
  const callColumns = opts.family?.columns ?? (opts.probandCall && opts.sampleColumn >= 0 ? [opts.sampleColumn] : []);
  const members = callColumns.length;
  const calls = callColumns.map(emptyCallFields);
  const scannerReadsCall = members === 1 && !opts.family;
  const gtIndex = new Uint32Array(members);
  const b = ColumnsBuilder.reuse(members, xCounter !== null, opts.keepInfo === true || opts.keepSource === true);
  const dotGt = b.gts.indexOf('.');
  // The column whose FORMAT fields the cold tier keeps: the proband's.
  const sourceColumn = callColumns.length > 0 ? callColumns[0] : opts.sampleColumn;
  const onLine = (l: ScannedLine): void => {
    if (l.crlf) sawCr = true;
    const lineRef = fromFileStart ? l.line : undefined;
    if (regions !== null && !inRegions(regions, l.chrom, l.pos)) return;
    if (l.chrom !== lastChrom) {
      if (finishedContigs.has(l.chrom)) throw new InputError(file, `records are not sorted: ${l.chrom} appears again after ${lastChrom} (sort with \`bcftools sort\`)`, lineRef);
      if (lastChrom) finishedContigs.add(lastChrom);
      lastChrom = l.chrom;
      lastPos = 0;
      canonical = aliases.canonical(l.chrom);
      contig = canonical === undefined ? -1 : b.chroms.indexOf(canonical);
    } else if (l.pos < lastPos) {
      throw new InputError(file, `records are not sorted: ${l.chrom}:${l.pos} comes after ${l.chrom}:${lastPos} (sort with \`bcftools sort\`)`, lineRef);
    }
    lastPos = l.pos;
    counts.records++;
    if (canonical === undefined) {
      counts.unknown_contig++;
      return;
    }
    const buf = l.buf;
    const c = l.cols;
    const c0 = l.col0;
    const keys = l.formatKeys;
    if (keys !== null) {
      for (let j = 0; j < members; j++) {
        const f = calls[j];
        if (!scannerReadsCall) readCallFields(buf, c[c0 + callColumns[j]], c[c0 + callColumns[j] + 1] - 1, keys, f);
        gtIndex[j] = f.gtStart < 0 ? dotGt : b.gts.indexOfPacked(f.gtKey, buf, f.gtStart, f.gtEnd);
      }
    }
    if (xCounter) xCounter.add(canonical, l.pos, calls);
    const refS = c[c0 + 3];
    const refE = c[c0 + 4] - 1;
    const refOk = isAcgtnBytes(buf, refS, refE);
    const altEnd = c[c0 + 5] - 1;
    const filter = b.filters.indexOf(l.filter);
    const qual = l.qual ?? NaN;
    const mq = l.mq;
    let idAt = -1;
    let infoAt = -1;
    let callTextAt = -1;
    let callTextLen = 0;
    let altCount = 0;
    // Split multi-allelic records per ALT (VCF 4.3 §1.6.1).
    let from = c[c0 + 4];
    for (let i = 0; from <= altEnd; i++) {
      let to = from;
      while (to < altEnd && buf[to] !== COMMA) to++;
      const altS = from;
      const altE = to;
      from = to + 1;
      counts.alleles++;
      if (isSymbolicBytes(buf, altS, altE)) {
        counts.symbolic_or_breakend++;
        continue;
      }
      if (!refOk || !isAcgtnBytes(buf, altS, altE)) {
        counts.non_acgtn_allele++;
        continue;
      }
      // Without GT in FORMAT the genotype is unknown: alleles are kept with zygosity "unknown".
      let zygosity = UNKNOWN;
      if (l.gtCount > 0) {
        zygosity = zygosityCode(l.gt, l.gtCount, i + 1);
        if (zygosity === NOT_CARRIED) {
          counts.not_carried++;
          continue;
        }
        if (zygosity === NO_CALL) {
          counts.no_call++;
          continue;
        }
      }
      // Trim to the minimal representation on the bytes (src/variant/normalise.ts trimAlleles):
      // the shared suffix, then the shared prefix, keeping one base on each side.
      let pos = l.pos;
      let rS = refS;
      let rE = refE;
      let aS = altS;
      let aE = altE;
      while (rE - rS > 1 && aE - aS > 1 && (buf[rE - 1] & 0xdf) === (buf[aE - 1] & 0xdf)) {
        rE--;
        aE--;
      }
      while (rE - rS > 1 && aE - aS > 1 && (buf[rS] & 0xdf) === (buf[aS] & 0xdf)) {
        rS++;
        aS++;
        pos++;
      }
      let aligned: { pos: number; ref: string; alt: string } | null = null;
      if (fasta && rE - rS !== aE - aS) {
        const chromName = l.chrom;
        aligned = leftAlign(pos, upperText(buf, rS, rE), upperText(buf, aS, aE), (p) => fasta.fetch(chromName, p, p)?.toUpperCase() ?? null);
        pos = aligned.pos;
      }
      if (contig !== lastEmittedContig) {
        if (emittedContigs.has(contig)) regroup = true;
        emittedContigs.add(contig);
        lastEmittedContig = contig;
      }
      const k = b.add();
      b.pos[k] = pos;
      b.qual[k] = qual;
      b.mq[k] = mq;
      b.line[k] = lineRef ?? 0;
      b.contig[k] = contig;
      b.filter[k] = filter;
      b.zygosity[k] = zygosity;
      if (aligned === null) {
        b.refStart[k] = b.copyUpper(buf, rS, rE);
        b.refLen[k] = rE - rS;
        b.altStart[k] = b.copyUpper(buf, aS, aE);
        b.altLen[k] = aE - aS;
      } else {
        b.refStart[k] = b.copyText(aligned.ref);
        b.refLen[k] = aligned.ref.length;
        b.altStart[k] = b.copyText(aligned.alt);
        b.altLen[k] = aligned.alt.length;
      }
      if (idAt < 0) idAt = b.copyBytes(buf, c[c0 + 2], c[c0 + 3] - 1);
      b.idStart[k] = idAt;
      b.idLen[k] = c[c0 + 3] - 1 - c[c0 + 2];
      if (b.info) {
        if (infoAt < 0) {
          infoAt = b.copyBytes(buf, l.infoStart, l.infoEnd);
          // FORMAT, a tab, then the proband's column: adjacent in the arena, so one range.
          if (sourceColumn >= 0 && c[c0 + 9] > c[c0 + 8]) {
            callTextAt = b.copyBytes(buf, c[c0 + 8], c[c0 + 9]);
            b.copyBytes(buf, c[c0 + sourceColumn], c[c0 + sourceColumn + 1] - 1);
            callTextLen = c[c0 + 9] - c[c0 + 8] + c[c0 + sourceColumn + 1] - 1 - c[c0 + sourceColumn];
          }
          altCount = commaCount(buf, c[c0 + 4], altEnd) + 1;
        }
        b.infoStart[k] = infoAt;
        b.infoLen[k] = l.infoEnd - l.infoStart;
        b.callTextStart[k] = callTextAt < 0 ? 0 : callTextAt;
        b.callTextLen[k] = callTextLen;
        b.altIndex[k] = i + 1;
        b.altCount[k] = altCount;
      }
      for (let m = 0; m < members; m++) writeCall(b, k * members + m, calls[m], gtIndex[m], i + 1);
      if (k > 0 && b.pos[k - 1] > pos) b.settle(k);
    }
  };
  // A lone proband's call is read by the scanner (natively when the addon is built); family members here.
  const scan: ScanOptions = scannerReadsCall
    ? { file, sampleColumn: opts.sampleColumn, call: { column: callColumns[0], into: calls[0] }, lineOffset: fromFileStart ? 0 : null, mq: opts.mappingQuality === true }
    : { file, sampleColumn: opts.sampleColumn, familyColumns: callColumns, lineOffset: fromFileStart ? 0 : null, mq: opts.mappingQuality === true };
  shardText(shard, opts, (buf, start, end) => {
    const lines = scanVcfLines(buf, scan, onLine, start, end);
    if (scan.lineOffset !== null) scan.lineOffset += lines;
  });
  if (sawCr) warnings.push(`${file}: CRLF line ends; read as LF`);
  if (regroup) b.permute(contigPosOrder(b.contig, b.pos, b.length));
  const columns = b.finish();
  return xCounter ? { columns, counts, warnings, xCalls: xCounter.counts() } : { columns, counts, warnings };
}
