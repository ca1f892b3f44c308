/**
 * Builds test/fixtures/trio/: a small trio VCF made of real records of the NA12878 / NA12891 /
 * NA12892 joint call (../shared/data/vcf/NA12878-trio.GRCh38.ngs-bits-TrioMendelianErrors_in1.vcf.gz),
 * with planted cases whose segregation is known, and its PED.
 *
 *   npx tsc -p . && node dist/scripts/make-trio-fixture.js [path/to/NA12878-trio...vcf.gz]
 *
 * Every planted record keeps the real record's REF, ALT, QUAL and the three samples' real GT:DP:AD:GQ
 * (PL and RNC are dropped to keep the file small); only CHROM and POS are moved into a coding exon
 * of a gene of the demo bundle (reference/demo), so the demo bundle annotates it. Records are picked
 * by their real trio genotype pattern, first in file order:
 *
 *   pattern      child  father mother  (father/mother DP >= 10 and GQ >= 20 unless said)
 *   de novo      0/1    0/0    0/0     child DP >= 10, GQ >= 20 too
 *   paternal     0/1    0/1    0/0
 *   maternal     0/1    0/0    0/1
 *   hom          1/1    0/1    0/1
 *   low-quality  0/1    0/0    0/0     father DP < 10 (mother passes)
 *
 * Planted cases (the expected outcome is written in test/e2e/trio.test.ts):
 *   KMT2D  (AD, Kabuki)      de novo                         -> fits, de novo
 *   MECP2  (XD, Rett; chrX)  de novo on X in the daughter    -> fits, de novo
 *   PAH    (AR)              paternal + maternal             -> compound het, phased in trans, fits
 *   CFTR   (AR)              paternal + paternal             -> in cis, contradicted
 *   GJB2   (AR)              hom, both parents carriers      -> fits
 *   SCN1A  (AD, Dravet)      paternal (unaffected father)    -> contradicted
 *   FBN1   (AD, Marfan)      low-quality father              -> fits, de novo unknown (never "reference")
 * Background: the first 120 real records of chr22 at their real positions (no demo gene there).
 * The PED: NA12878x2_80 affected daughter of NA12891_14 (male, unaffected) and NA12892_18 (female, unaffected).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateWholeFile } from '../src/io/bgzf';
import { writeIndexedText } from '../src/io/indexedTextWriter';
import { VCF_TABIX } from '../src/io/tabixWriter';
import { GeneModels } from '../src/reference/genes';
import { primaryContigs } from '../src/variant/assemblies';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = process.argv[2] ?? path.resolve(ROOT, '..', 'shared', 'data', 'vcf', 'NA12878-trio.GRCh38.ngs-bits-TrioMendelianErrors_in1.vcf.gz');
const OUT = path.join(ROOT, 'test', 'fixtures', 'trio');
const SAMPLES = ['NA12878x2_80', 'NA12891_14', 'NA12892_18'];

interface Call {
  gt: string;
  dp: number;
  ad: string;
  gq: number;
}
interface Rec {
  chrom: string;
  pos: number;
  ref: string;
  alt: string;
  qual: string;
  calls: Call[];
}

function parse(line: string): Rec {
  const f = line.split('\t');
  const keys = f[8].split(':');
  const calls = f.slice(9, 12).map((s) => {
    const v = s.split(':');
    const get = (k: string): string => v[keys.indexOf(k)] ?? '.';
    return { gt: get('GT'), dp: Number(get('DP')), ad: get('AD'), gq: Number(get('GQ')) };
  });
  return { chrom: f[0], pos: Number(f[1]), ref: f[3], alt: f[4], qual: f[5], calls };
}

const good = (c: Call): boolean => c.dp >= 10 && c.gq >= 20;
type Pattern = 'de novo' | 'paternal' | 'maternal' | 'hom' | 'low-quality';
const PATTERNS: Record<Pattern, (r: Rec) => boolean> = {
  'de novo': (r) => r.calls[0].gt === '0/1' && r.calls[1].gt === '0/0' && r.calls[2].gt === '0/0' && r.calls.every(good),
  paternal: (r) => r.calls[0].gt === '0/1' && r.calls[1].gt === '0/1' && r.calls[2].gt === '0/0' && good(r.calls[1]) && good(r.calls[2]),
  maternal: (r) => r.calls[0].gt === '0/1' && r.calls[1].gt === '0/0' && r.calls[2].gt === '0/1' && good(r.calls[1]) && good(r.calls[2]),
  hom: (r) => r.calls[0].gt === '1/1' && r.calls[1].gt === '0/1' && r.calls[2].gt === '0/1' && good(r.calls[1]) && good(r.calls[2]),
  'low-quality': (r) => r.calls[0].gt === '0/1' && r.calls[1].gt === '0/0' && r.calls[2].gt === '0/0' && r.calls[1].dp < 10 && good(r.calls[2]),
};

const text = inflateWholeFile(SOURCE, SOURCE).toString('utf8');
const records = text.split('\n').filter((l) => l && !l.startsWith('#')).map(parse);
const snv = (r: Rec): boolean => r.ref.length === 1 && r.alt.length === 1 && r.alt !== '*';
const used = new Set<Rec>();
function take(p: Pattern): Rec {
  const r = records.find((x) => !used.has(x) && snv(x) && PATTERNS[p](x));
  if (!r) throw new Error(`no record with the ${p} pattern in ${SOURCE}`);
  used.add(r);
  return r;
}

const genes = new GeneModels(path.join(ROOT, 'reference', 'demo', 'genes.sqlite'));
/** Middle of the CDS part of the k-th interior exon of the gene's transcript. */
function codingPos(symbol: string, k: number): { chrom: string; pos: number } {
  const g = genes.gene(symbol);
  if (!g) throw new Error(`${symbol} is not in the demo bundle`);
  const t = genes.transcriptsIn(g.chrom, g.start1, g.end1).find((x) => x.geneSymbol === symbol);
  if (!t || t.cdsStart1 === null || t.cdsEnd1 === null) throw new Error(`${symbol} has no coding transcript`);
  const [s, e] = t.exons[1 + (k % (t.exons.length - 2))];
  const lo = Math.max(s, t.cdsStart1);
  return { chrom: g.chrom, pos: lo + Math.floor((Math.min(e, t.cdsEnd1) - lo) / 2) };
}

const planted: Array<{ gene: string; pattern: Pattern; k: number }> = [
  { gene: 'KMT2D', pattern: 'de novo', k: 3 },
  { gene: 'MECP2', pattern: 'de novo', k: 1 },
  { gene: 'PAH', pattern: 'paternal', k: 2 },
  { gene: 'PAH', pattern: 'maternal', k: 5 },
  { gene: 'CFTR', pattern: 'paternal', k: 2 },
  { gene: 'CFTR', pattern: 'paternal', k: 6 },
  { gene: 'GJB2', pattern: 'hom', k: 0 },
  { gene: 'SCN1A', pattern: 'paternal', k: 4 },
  { gene: 'FBN1', pattern: 'low-quality', k: 4 },
];
const out: Array<Rec & { note: string }> = [];
for (const p of planted) {
  const r = take(p.pattern);
  const at = codingPos(p.gene, p.k);
  out.push({ ...r, ...at, note: `${p.gene} ${p.pattern} (real record ${r.chrom}:${r.pos})` });
}
genes.close();
for (const r of records.filter((x) => x.chrom === 'chr22' && !used.has(x)).slice(0, 120)) out.push({ ...r, note: '' });

const contigs = primaryContigs('GRCh38');
const order = new Map(contigs.map((c, i) => [c.name, i]));
out.sort((a, b) => (order.get(a.chrom) as number) - (order.get(b.chrom) as number) || a.pos - b.pos);

const header = [
  '##fileformat=VCFv4.2',
  `##source=vartriage scripts/make-trio-fixture.ts: real NA12878 trio records (${path.basename(SOURCE)}), planted ones moved into demo-bundle genes`,
  ...contigs.map((c) => `##contig=<ID=${c.name},length=${c.length}>`),
  '##INFO=<ID=PLANTED,Number=.,Type=String,Description="Planted case and the real record it was copied from">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
  '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
  `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${SAMPLES.join('\t')}`,
];
function* lines() {
  for (const r of out) {
    const info = r.note ? `PLANTED=${r.note.replace(/[ ;=]/g, '_')}` : '.';
    const fmt = r.calls.map((c) => `${c.gt}:${c.dp}:${c.ad}:${c.gq}`);
    yield { text: [r.chrom, r.pos, '.', r.ref, r.alt, r.qual, '.', info, 'GT:DP:AD:GQ', ...fmt].join('\t'), ref: r.chrom, beg0: r.pos - 1, end0: r.pos };
  }
}
fs.mkdirSync(OUT, { recursive: true });
writeIndexedText(path.join(OUT, 'trio.vcf.gz'), header, lines(), VCF_TABIX);
fs.writeFileSync(
  path.join(OUT, 'trio.ped'),
  '#family\tindividual\tfather\tmother\tsex\tphenotype\nCEPH1463\tNA12878x2_80\tNA12891_14\tNA12892_18\t2\t2\nCEPH1463\tNA12891_14\t0\t0\t1\t1\nCEPH1463\tNA12892_18\t0\t0\t2\t1\n',
);
process.stdout.write(`${OUT}: ${out.length} records (${planted.length} planted)\n` + out.filter((r) => r.note).map((r) => `  ${r.chrom}:${r.pos} ${r.ref}>${r.alt} ${r.note}\n`).join(''));
