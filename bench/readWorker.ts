/**
 * Benchmark worker: runs the production shard reader. `columns` returns the shard's VariantColumns
 * to the main thread with their buffers transferred (what a caller of readShardColumns gets);
 * `objects` makes the Variant objects (readShard) and returns counts; `parse` scans only.
 */
import * as fs from 'node:fs';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { readShard, ReadOptions } from '../src/annotate/readShard';
import { readShardColumns } from '../src/annotate/readShardColumns';
import { forEachWindowOfFile, forEachWindowOfRanges, OnWindow } from '../src/io/bgzfWindows';
import { scanVcfRecords } from '../src/io/vcfScanner';
import type { ShardSpec } from '../src/shard/types';
import { ContigAliases } from '../src/variant/contigs';
import { primaryContigs } from '../src/variant/assemblies';
import { columnsTransferList, VariantColumns } from '../src/variant/variantColumns';

export interface ReadJob {
  shard: ShardSpec;
  read: ReadOptions;
  mode: 'parse' | 'columns' | 'objects';
}

/** What comes back: counts, and for `columns` the columns themselves. */
export interface ReadResult {
  records: number;
  variants: number;
  columns?: VariantColumns;
}

const aliases = new ContigAliases(primaryContigs('GRCh38'));

export default function run(job: ReadJob): ReadResult | ReturnType<typeof move> {
  if (job.mode === 'columns') {
    const r = readShardColumns(job.shard, job.read, aliases);
    const result: ReadResult = { records: r.counts.records, variants: r.columns.length, columns: r.columns };
    return move({ [transferableSymbol]: columnsTransferList(r.columns), [valueSymbol]: result });
  }
  if (job.mode === 'objects') {
    const r = readShard(job.shard, job.read, aliases);
    return { records: r.counts.records, variants: r.variants.length };
  }
  // Parse only: the same line windows readShard reads, scanned, no allele splitting or trimming.
  let records = 0;
  const regions = job.shard.regions;
  const opts = { file: job.shard.vcf, sampleColumn: job.read.sampleColumn, lineOffset: null };
  const onWindow: OnWindow = (buf, start, end) =>
    scanVcfRecords(
      buf,
      opts,
      (rec) => {
        if (regions === null || regions.some((g) => g.chrom === rec.chrom && rec.pos >= g.start1 && rec.pos <= g.end1)) records++;
      },
      start,
      end,
    );
  if (job.shard.ranges !== null) forEachWindowOfRanges(job.shard.vcf, job.shard.vcf, job.shard.ranges, onWindow);
  else if (job.read.compression === 'bgzf') forEachWindowOfFile(job.shard.vcf, job.shard.vcf, onWindow);
  else {
    const data = fs.readFileSync(job.shard.vcf);
    onWindow(data, 0, data.length);
  }
  return { records, variants: records };
}
