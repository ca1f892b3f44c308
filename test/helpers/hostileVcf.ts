import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { DEMO_VCF } from './cli';

/** Markup an attacker could place in a VCF; none of it may execute in the report. */
export const SCRIPT_SAMPLE = '<script>alert(1)</script>';
export const IMG_PAYLOAD = '<img src=x onerror=alert(1)>';
/** File names cannot hold '/', so the payload in the file name uses spaces only. */
export const HOSTILE_FILE_NAME = '<img src=x onerror=alert(2)>.vcf';

/**
 * The demo proband rewritten as plain text with HTML in the sample name, in every ID, in an INFO
 * value and its header description, and in the FILTER of the records that were LowQual.
 */
export function writeHostileVcf(dir: string): string {
  const lines = zlib.gunzipSync(fs.readFileSync(DEMO_VCF)).toString('utf8').split('\n');
  const out = lines.map((line) => {
    if (line.startsWith('##FILTER=<ID=LowQual')) return `##FILTER=<ID=${IMG_PAYLOAD},Description="${IMG_PAYLOAD}">`;
    if (line.startsWith('#CHROM')) return [`##INFO=<ID=NOTE,Number=1,Type=String,Description="${IMG_PAYLOAD}">`, line.replace(/\tDEMO-PROBAND$/, `\t${SCRIPT_SAMPLE}`)].join('\n');
    if (!line || line.startsWith('#')) return line;
    const f = line.split('\t');
    f[2] = IMG_PAYLOAD;
    if (f[6] === 'LowQual') f[6] = IMG_PAYLOAD;
    f[7] = `${f[7]};NOTE=${IMG_PAYLOAD}`;
    return f.join('\t');
  });
  const file = path.join(dir, HOSTILE_FILE_NAME);
  fs.writeFileSync(file, out.join('\n'));
  return file;
}
