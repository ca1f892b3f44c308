/** Benchmark worker: runs the production shard reader and returns counts only. */
import { readShard, ReadOptions } from '../src/annotate/readShard';
import { inflateWholeFile, readVirtualRange } from '../src/io/bgzf';
import * as fs from 'node:fs';
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
  // Parse only: decompress and scan the columns, no allele splitting or trimming.
  let data: Buffer;
  if (job.shard.ranges === null) data = inflateWholeFile(job.shard.vcf);
  else {
    const fd = fs.openSync(job.shard.vcf, 'r');
    const size = fs.fstatSync(fd).size;
    data = Buffer.concat(job.shard.ranges.map((r) => readVirtualRange(fd, job.shard.vcf, size, { blockPosition: r.startBlock, dataPosition: r.startData }, { blockPosition: r.endBlock, dataPosition: r.endData })));
    fs.closeSync(fd);
  }
  let records = 0;
  const regions = job.shard.regions;
  scanVcfRecords(data, { file: job.shard.vcf, sampleColumn: job.read.sampleColumn, lineOffset: null }, (rec) => {
    if (regions === null || regions.some((g) => g.chrom === rec.chrom && rec.pos >= g.start1 && rec.pos <= g.end1)) records++;
  });
  return { records, variants: records };
}
