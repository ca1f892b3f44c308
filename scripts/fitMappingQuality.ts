/**
 * Counts the INFO/MQ of known germline variants for src/prioritise/mappingQuality.ts: the records
 * with a dbSNP id (ID not ".") of a real single-sample VCF, per bin of MQ_BIN units, the last bin
 * holding everything from its start up.
 *
 *   node dist/scripts/fitMappingQuality.js ../shared/data/vcf/pfeiffer-exome.GRCh37.exomiser-example.vcf.gz
 *   -> calls 35293, per bin 0,0,0,3,7,33,61,99,641,1016,1966,14733,16734
 */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { infoNumber } from '../src/io/infoNumber';
import { KNOWN_CALLS_PER_MQ_BIN, MQ_BIN } from '../src/prioritise/mappingQuality';

/** Records with a dbSNP id and INFO/MQ in a (gzipped) VCF, and their count per MQ bin. */
export function countKnownMq(file: string): { calls: number; bins: number[] } {
  const text = zlib.gunzipSync(fs.readFileSync(file));
  const bins = new Array<number>(KNOWN_CALLS_PER_MQ_BIN.length).fill(0);
  let calls = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf(10, start);
    if (end < 0) end = text.length;
    if (end > start && text[start] !== 35 /* # */) {
      const line = text.toString('latin1', start, end).split('\t');
      if (line.length >= 8 && line[2] !== '.') {
        const info = Buffer.from(line[7], 'latin1');
        const mq = infoNumber(info, 0, info.length, 'MQ');
        if (!Number.isNaN(mq)) {
          bins[Math.min(bins.length - 1, Math.floor(mq / MQ_BIN))]++;
          calls++;
        }
      }
    }
    start = end + 1;
  }
  return { calls, bins };
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: fitMappingQuality.js VCF.gz');
  const { calls, bins } = countKnownMq(file);
  process.stdout.write(`calls ${calls}, per bin ${bins.join(',')}\n`);
}
