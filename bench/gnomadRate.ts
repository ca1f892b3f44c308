/**
 * Steady-state rate of the bundle's gnomAD step (parse, merge, write the table and its index) in one
 * process, best of 3 passes over a file, so that process start and the fixed costs of a bundle build
 * (which dominate the seconds `bench:reference` gives for the small excerpts) do not enter a
 * full-size extrapolation.
 *
 *   node dist/bench/gnomadRate.js FILE.vcf.bgz [...]     (one JSON line per file)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeGnomadTable } from '../src/reference/gnomad';
import { mergeGnomadStreams } from '../src/reference/gnomadMerge';
import { GnomadParseCounts, parseGnomadVcf } from '../src/reference/parse/gnomadVcf';
import { primaryContigs } from '../src/variant/assemblies';

const order = new Map(primaryContigs('GRCh38').map((c, i) => [c.name, i]));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vartriage-gnomad-rate-'));
for (const file of process.argv.slice(2)) {
  let best = Infinity;
  let records = 0;
  for (let pass = 0; pass < 3; pass++) {
    const counts: GnomadParseCounts = { records: 0, otherContig: 0, alleles: 0, noFrequency: 0, skippedAlleles: 0, duplicates: 0 };
    const t = process.hrtime.bigint();
    records = writeGnomadTable(path.join(dir, `pass${pass}.tsv.gz`), mergeGnomadStreams([parseGnomadVcf(file, 'GRCh38', counts)], order));
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
  }
  process.stdout.write(JSON.stringify({ file: path.basename(file), records, best_s: Math.round(best * 1000) / 1000, records_per_s: Math.round(records / best), load: os.loadavg().map((x) => Math.round(x * 100) / 100) }) + '\n');
}
fs.rmSync(dir, { recursive: true, force: true });
