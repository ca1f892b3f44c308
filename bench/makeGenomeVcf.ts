/**
 * Builds a genome-scale VCF (default 5,000,000 records) by tiling real exome records (columns 3-10) from
 * ../shared/data/vcf over every primary contig in proportion to its length. Consecutive output
 * lines are consecutive source lines, and each tile of the source lies far from the previous one,
 * so the file compresses like a real VCF (adjacent copies would compress far better and flatter
 * every reader). Written with vartriage's BGZF writer and indexed (.tbi).
 *
 *   node dist/bench/makeGenomeVcf.js [--records N] [--out bench/work/genome-5M.vcf.gz]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { writeIndexedText } from '../src/io/indexedTextWriter';
import { VCF_TABIX } from '../src/io/tabixWriter';
import { primaryContigs } from '../src/variant/assemblies';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.resolve(ROOT, '..', 'shared', 'data', 'vcf');
const SOURCES = ['pfeiffer-exome.hg38.vcf.gz', 'pfeiffer-exome.GRCh37.exomiser-example.vcf.gz', 'NA12878.GRCh38.single-sample.from-ngs-bits-trio.vcf.gz'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

export function makeGenomeVcf(out: string, records: number): { records: number; bytes: number; uncompressedBytes: number } {
  const meta = new Map<string, string>();
  const body: string[] = [];
  for (const name of SOURCES) {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(DATA, name))).toString('utf8');
    for (const line of text.split('\n')) {
      if (!line) continue;
      if (line.startsWith('##INFO') || line.startsWith('##FORMAT') || line.startsWith('##FILTER')) {
        const id = /ID=([^,>]+)/.exec(line)?.[1] ?? line;
        // Sources disagree on some field types (GQ Integer vs Float): declare them as strings.
        meta.set(`${line.slice(2, line.indexOf('='))}:${id}`, line.replace(/Type=(Integer|Float)/, 'Type=String').replace(/Number=[^,]+(?=.*Type=String)/, 'Number=.'));
      } else if (!line.startsWith('#')) {
        // Drop CHROM and POS; keep the rest of the real record, with its single sample column.
        const cols = line.split('\t');
        body.push(cols.slice(2, 10).join('\t'));
      }
    }
  }
  const contigs = primaryContigs('GRCh38').filter((c) => c.name !== 'chrM');
  const total = contigs.reduce((a, c) => a + c.length, 0);
  const header = [
    '##fileformat=VCFv4.2',
    '##source=vartriage bench/makeGenomeVcf.ts (real GRCh38 records tiled along every contig; positions are synthetic)',
    ...contigs.map((c) => `##contig=<ID=${c.name},length=${c.length},assembly=GRCh38>`),
    ...[...meta.values()].sort(),
    '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tGENOME5M',
  ];
  let cursor = 0;
  let uncompressed = 0;
  function* lines() {
    let written = 0;
    for (let ci = 0; ci < contigs.length; ci++) {
      const c = contigs[ci];
      const n = ci === contigs.length - 1 ? records - written : Math.round((records * c.length) / total);
      const step = c.length / (n + 1);
      for (let i = 0; i < n; i++) {
        const rest = body[cursor];
        cursor = (cursor + 1) % body.length;
        const pos = Math.max(1, Math.floor((i + 1) * step));
        const text = `${c.name}\t${pos}\t${rest}`;
        uncompressed += text.length + 1;
        const refLen = rest.split('\t', 3)[1].length;
        yield { text, ref: c.name, beg0: pos - 1, end0: pos - 1 + refLen };
      }
      written += n;
    }
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const count = writeIndexedText(out, header, lines(), VCF_TABIX);
  return { records: count, bytes: fs.statSync(out).size, uncompressedBytes: uncompressed };
}

if (require.main === module) {
  const out = path.resolve(arg('--out', path.join(ROOT, 'bench', 'work', 'genome-5M.vcf.gz')));
  const r = makeGenomeVcf(out, Number(arg('--records', '5000000')));
  process.stdout.write(`${out}: ${r.records} records, ${(r.bytes / 1e6).toFixed(1)} MB compressed, ratio ${(r.uncompressedBytes / r.bytes).toFixed(2)}x\n`);
}
