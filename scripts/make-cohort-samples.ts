/**
 * Derives two more demo samples from samples/demo-proband.vcf.gz for the cohort workflow test
 * (samples/cohort/). Deterministic: which records a sample keeps and which heterozygous calls
 * become homozygous follow an FNV-1a hash of CHROM:POS, so every run writes the same bytes.
 * The planted KMT2D frameshift (chr12) stays with the proband only. NOT FOR CLINICAL USE.
 *
 *   npx tsc -p . && node dist/scripts/make-cohort-samples.js
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateWholeFile } from '../src/io/bgzf';
import { IndexedLine, writeIndexedText } from '../src/io/indexedTextWriter';
import { VCF_TABIX } from '../src/io/tabixWriter';

const ROOT = path.resolve(__dirname, '..', '..');
const PROBAND = path.join(ROOT, 'samples', 'demo-proband.vcf.gz');
const OUT = path.join(ROOT, 'samples', 'cohort');
/** The proband's planted cause (samples/README.md): kept out of the relatives. */
const PLANTED = { chrom: 'chr12', pos1: 49_025_149 };

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

interface Relative {
  file: string;
  sample: string;
  /** Keeps a record when hash % 5 differs from this. */
  drop: number;
}

const RELATIVES: Relative[] = [
  { file: 'demo-relative-a.vcf.gz', sample: 'DEMO-RELATIVE-A', drop: 0 },
  { file: 'demo-relative-b.vcf.gz', sample: 'DEMO-RELATIVE-B', drop: 1 },
];

function derive(lines: string[], rel: Relative): { header: string[]; data: IndexedLine[] } {
  const header = lines.filter((l) => l.startsWith('##'));
  header.push(`##vartriage_demo=derived from demo-proband.vcf.gz by scripts/make-cohort-samples.ts; not a real person`);
  const columns = lines.find((l) => l.startsWith('#CHROM'))!.split('\t');
  columns[9] = rel.sample;
  header.push(columns.join('\t'));
  const data: IndexedLine[] = [];
  for (const line of lines) {
    if (line.startsWith('#') || line.length === 0) continue;
    const f = line.split('\t');
    const pos1 = Number(f[1]);
    if (f[0] === PLANTED.chrom && pos1 === PLANTED.pos1) continue;
    const h = fnv1a(`${rel.sample}:${f[0]}:${f[1]}`);
    if (h % 5 === rel.drop) continue;
    // Some heterozygous calls become homozygous, so carriers and homozygotes differ across the cohort.
    if (h % 7 === 0 && f[9].startsWith('0/1:')) f[9] = '1/1:' + f[9].slice(4);
    data.push({ text: f.join('\t'), ref: f[0], beg0: pos1 - 1, end0: pos1 - 1 + f[3].length });
  }
  return { header, data };
}

function main(): void {
  const lines = inflateWholeFile(PROBAND).toString('utf8').split('\n');
  fs.mkdirSync(OUT, { recursive: true });
  for (const rel of RELATIVES) {
    const { header, data } = derive(lines, rel);
    const n = writeIndexedText(path.join(OUT, rel.file), header, data, VCF_TABIX);
    process.stdout.write(`${path.join('samples', 'cohort', rel.file)}: ${n} records\n`);
  }
}

main();
