/**
 * Fits the heterozygous allele-balance model of src/prioritise/callConfidence.ts: the maximum-
 * likelihood beta-binomial (mean, concentration) over a grid, on heterozygous calls with a dbSNP
 * id and depth >= 10 (known germline variants) of a real single-sample VCF.
 *
 *   node dist/scripts/fitAlleleBalance.js ../shared/data/vcf/pfeiffer-exome.GRCh37.exomiser-example.vcf.gz
 *   -> calls 27034, mean 0.48, concentration 60
 */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { logBetaBinomial } from '../src/prioritise/callConfidence';

function hetCalls(file: string): Array<[number, number]> {
  const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  const out: Array<[number, number]> = [];
  for (const line of text.split('\n')) {
    if (line === '' || line[0] === '#') continue;
    const f = line.split('\t');
    if (f[2] === '.' || f[4].includes(',') || f.length < 10) continue;
    const keys = f[8].split(':');
    const values = f[9].split(':');
    const gt = values[keys.indexOf('GT')];
    const ad = values[keys.indexOf('AD')];
    if ((gt !== '0/1' && gt !== '0|1') || ad === undefined) continue;
    const [r, a] = ad.split(',').map(Number);
    if (Number.isInteger(r) && Number.isInteger(a) && r + a >= 10) out.push([r, a]);
  }
  return out;
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: fitAlleleBalance.js VCF.gz');
  const calls = hetCalls(file);
  let best = { ll: -Infinity, mean: 0, concentration: 0 };
  for (const mean of [0.42, 0.44, 0.46, 0.48, 0.5]) {
    for (const concentration of [5, 10, 15, 20, 30, 40, 60, 80, 120, 200]) {
      let ll = 0;
      for (const [r, a] of calls) ll += logBetaBinomial(a, r + a, mean * concentration, (1 - mean) * concentration);
      if (ll > best.ll) best = { ll, mean, concentration };
    }
  }
  process.stdout.write(`calls ${calls.length}, mean ${best.mean}, concentration ${best.concentration}\n`);
}

main();
