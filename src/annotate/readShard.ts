import * as fs from 'node:fs';
import { InputError } from '../errors';
import { inflateWholeFile, readVirtualRange } from '../io/bgzf';
import { parseGenotype, parseVcfDataLine } from '../io/vcfLine';
import type { ShardSpec } from '../shard/types';
import type { ContigAliases } from '../variant/contigs';
import { isSymbolicAllele, trimAlleles } from '../variant/normalise';
import type { Variant, Zygosity } from '../variant/types';
import { emptyReadCounts, ReadCounts } from './types';

const ACGTN = /^[ACGTN]+$/;

export interface ShardRead {
  variants: Variant[];
  counts: ReadCounts;
  warnings: string[];
}

export interface ReadOptions {
  /** 0-based column of the sample to read; -1 for a sites-only VCF. */
  sampleColumn: number;
  /** Display name of the VCF for messages. */
  displayName: string;
  compression: 'bgzf' | 'none';
}

/** Decompressed text of the shard, and whether its lines can be numbered from the file start. */
function shardText(shard: ShardSpec, opts: ReadOptions): { text: string; fromFileStart: boolean } {
  if (shard.ranges === null) {
    const data = opts.compression === 'bgzf' ? inflateWholeFile(shard.vcf) : fs.readFileSync(shard.vcf);
    return { text: data.toString('utf8'), fromFileStart: true };
  }
  const fd = fs.openSync(shard.vcf, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const parts = shard.ranges.map((r) =>
      readVirtualRange(fd, opts.displayName, size, { blockPosition: r.startBlock, dataPosition: r.startData }, { blockPosition: r.endBlock, dataPosition: r.endData }),
    );
    return { text: Buffer.concat(parts).toString('utf8'), fromFileStart: false };
  } finally {
    fs.closeSync(fd);
  }
}

function zygosityOf(alleles: Array<number | null>, altIndex: number): Zygosity | 'not_carried' | 'no_call' {
  let carried = 0;
  let called = 0;
  for (const a of alleles) {
    if (a === null) continue;
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
  const { text, fromFileStart } = shardText(shard, opts);
  const counts = emptyReadCounts();
  const warnings: string[] = [];
  const variants: Variant[] = [];
  const file = opts.displayName;
  let lineNo = 0;
  let start = 0;
  let lastChrom = '';
  let lastPos = 0;
  const finishedContigs = new Set<string>();
  let sawCr = false;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    let line = text.slice(start, end);
    start = end + 1;
    lineNo++;
    if (line.endsWith('\r')) {
      line = line.slice(0, -1);
      sawCr = true;
    }
    if (line.length === 0 || line.charCodeAt(0) === 35 /* # */) continue;
    const lineRef = fromFileStart ? lineNo : undefined;
    const rec = parseVcfDataLine(line, file, lineRef, opts.sampleColumn);
    if (shard.regions && !shard.regions.some((r) => r.chrom === rec.chrom && rec.pos >= r.start1 && rec.pos <= r.end1)) continue;
    if (rec.chrom !== lastChrom) {
      if (finishedContigs.has(rec.chrom)) throw new InputError(file, `records are not sorted: ${rec.chrom} appears again after ${lastChrom} (sort with \`bcftools sort\`)`, lineRef);
      if (lastChrom) finishedContigs.add(lastChrom);
      lastChrom = rec.chrom;
      lastPos = 0;
    } else if (rec.pos < lastPos) {
      throw new InputError(file, `records are not sorted: ${rec.chrom}:${rec.pos} comes after ${rec.chrom}:${lastPos} (sort with \`bcftools sort\`)`, lineRef ?? undefined);
    }
    lastPos = rec.pos;
    counts.records++;
    const chrom = aliases.canonical(rec.chrom);
    if (chrom === undefined) {
      counts.unknown_contig++;
      continue;
    }
    const ref = rec.ref.toUpperCase();
    const gt = opts.sampleColumn >= 0 ? parseGenotype(rec.format, rec.sample) : null;
    // Without GT in FORMAT the genotype is unknown: alleles are kept with zygosity "unknown".
    for (let i = 0; i < rec.alts.length; i++) {
      const rawAlt = rec.alts[i];
      counts.alleles++;
      if (isSymbolicAllele(rawAlt)) {
        counts.symbolic_or_breakend++;
        continue;
      }
      const alt = rawAlt.toUpperCase();
      if (!ACGTN.test(ref) || !ACGTN.test(alt)) {
        counts.non_acgtn_allele++;
        continue;
      }
      let zygosity: Zygosity = 'unknown';
      if (gt) {
        const z = zygosityOf(gt.alleles, i + 1);
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
      const t = trimAlleles(rec.pos, ref, alt);
      variants.push({ chrom, pos: t.pos, ref: t.ref, alt: t.alt, id: rec.id, filter: rec.filter, qual: rec.qual, zygosity, line: lineRef });
    }
  }
  if (sawCr) warnings.push(`${file}: CRLF line ends; read as LF`);
  // Trimming can move a position forward; keep the shard sorted for the merge-joins (stable sort).
  const contigOrder = new Map<string, number>();
  for (const v of variants) if (!contigOrder.has(v.chrom)) contigOrder.set(v.chrom, contigOrder.size);
  variants.sort((x, y) => (contigOrder.get(x.chrom) as number) - (contigOrder.get(y.chrom) as number) || x.pos - y.pos);
  return { variants, counts, warnings };
}
