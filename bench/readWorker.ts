/** Benchmark worker: runs the production shard reader and returns counts only. */
import * as fs from 'node:fs';
import { readShard, ReadOptions } from '../src/annotate/readShard';
import { forEachWindowOfFile, forEachWindowOfRanges, OnWindow } from '../src/io/bgzfWindows';
import { scanVcfRecords } from '../src/io/vcfScanner';
import type { ShardSpec } from '../src/shard/types';
import { ContigAliases } from '../src/variant/contigs';
import { primaryContigs } from '../src/variant/assemblies';

export interface ReadJob {
  shard: ShardSpec;
  read: ReadOptions;
  mode: 'parse' | 'normalise';
}

const aliases = new ContigAliases(primaryContigs('GRCh38'));

export default function run(job: ReadJob): { records: number; variants: number } {
  if (job.mode === 'normalise') {
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
