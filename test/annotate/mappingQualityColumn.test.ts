/**
 * INFO/MQ as the columnar reader reads it (ReadOptions.mappingQuality), against each record's INFO
 * split by hand, on real VCFs: every allele carries its record's MQ, whole shards or planned ones.
 * Skipped when ../shared is absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { readShardColumns } from '../../src/annotate/readShardColumns';
import type { ReadOptions } from '../../src/annotate/readOptions';
import { wholeFileShard } from '../../src/shard/plan';
import { primaryContigs } from '../../src/variant/assemblies';
import { ColumnsView } from '../../src/variant/columnsView';
import { ContigAliases } from '../../src/variant/contigs';
import { SHARED_DATA, sharedAvailable } from '../helpers/cli';

/** MQ per 1-based line, from INFO entries split on ';' and '='. */
function mqByLine(file: string): Map<number, number | null> {
  const out = new Map<number, number | null>();
  zlib
    .gunzipSync(fs.readFileSync(file))
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line === '' || line.startsWith('#')) return;
      const entry = line.split('\t')[7].split(';').find((e) => e.startsWith('MQ='));
      out.set(i + 1, entry === undefined ? null : Number(entry.slice(3)));
    });
  return out;
}

const describeShared = sharedAvailable() ? describe : describe.skip;
describeShared('INFO/MQ in the columns', () => {
  const aliases = new ContigAliases(primaryContigs('GRCh38'));
  // The Pfeiffer exome is GATK's calls, with MQ on every record; the trio's records have no INFO.
  it.each([
    ['pfeiffer-exome-rare.hg38.vcf.gz', true],
    ['pfeiffer-exome.hg38.vcf.gz', true],
    ['NA12878-trio.GRCh38.ngs-bits-TrioMendelianErrors_in1.vcf.gz', false],
  ])('%s: each allele has its record\'s MQ', (name, hasMq) => {
    const file = path.join(SHARED_DATA, 'vcf', name);
    const opts: ReadOptions = { sampleColumn: 9, displayName: name, compression: 'bgzf', probandCall: true, mappingQuality: true };
    const view = new ColumnsView(readShardColumns(wholeFileShard(file), opts, aliases).columns);
    const expected = mqByLine(file);
    let withMq = 0;
    for (let i = 0; i < view.length; i++) {
      const want = expected.get(view.line(i) as number);
      expect([view.line(i), view.mappingQuality(i)]).toEqual([view.line(i), want]);
      if (want !== null) withMq++;
    }
    expect(withMq === view.length).toBe(hasMq);
    expect(withMq === 0).toBe(!hasMq);
    const without = new ColumnsView(readShardColumns(wholeFileShard(file), { ...opts, mappingQuality: false }, aliases).columns);
    for (let i = 0; i < without.length; i++) expect(without.mappingQuality(i)).toBeNull();
  });
});
