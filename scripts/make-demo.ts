/**
 * Generates the demo reference bundle (reference/demo/) and demo proband (samples/).
 * Everything is synthetic but in the real formats: a seeded generator makes the same files each
 * run. Gene spans, disease names and HPO terms are real; exon structures, sequence, frequencies,
 * ClinVar records and the proband's variants are made up. NOT FOR CLINICAL USE.
 *
 *   npx tsc -p . && node dist/scripts/make-demo.js
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeIndexedText } from '../src/io/indexedTextWriter';
import { VCF_TABIX } from '../src/io/tabixWriter';
import { ClinvarRecord, writeClinvarSqlite } from '../src/reference/clinvar';
import { reviewStars } from '../src/reference/clinvarSignificance';
import { GeneRecord, TranscriptRecord, writeGenesSqlite } from '../src/reference/genes';
import { GnomadRecord, writeGnomadTable } from '../src/reference/gnomad';
import { writeHpoSqlite } from '../src/reference/hpo';
import type { DiseaseAnnotationInput, HpoTermInput } from '../src/reference/hpoTypes';
import { Manifest, MANIFEST_FILE, sha256File, SourceEntry } from '../src/reference/manifest';
import { primaryContigs } from '../src/variant/assemblies';
import { variantKey } from '../src/variant/types';
import { DEMO_DISEASES, DEMO_GENES } from './demo/demoDiseases';
import { DEMO_HPO_TERMS } from './demo/hpoSubset';
import { seededRandom } from './lib/seededRandom';

const ROOT = path.resolve(__dirname, '..', '..');
const BUNDLE = path.join(ROOT, 'reference', 'demo');
const SAMPLES = path.join(ROOT, 'samples');
const SAMPLE = 'DEMO-PROBAND';

const rng = seededRandom;
const rand = rng(20261128);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];

/** The demo genome's base at a position: a hash, so every file agrees on REF. */
function baseAt(chrom: string, pos: number): string {
  let h = 2166136261;
  for (const c of `${chrom}:${pos}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return 'ACGT'[(h >>> 0) % 4];
}
const seqAt = (chrom: string, pos: number, n: number): string => Array.from({ length: n }, (_, i) => baseAt(chrom, pos + i)).join('');
const otherBase = (b: string): string => pick('ACGT'.replace(b, '').split(''));

// ---- gene models -------------------------------------------------------------------------------
function makeTranscript(g: (typeof DEMO_GENES)[number]): TranscriptRecord {
  const span = g.end1 - g.start1 + 1;
  const n = Math.max(4, Math.min(24, Math.round(span / 6000)));
  const exons: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    const len = 90 + Math.floor(rand() * 160);
    const start = i === 0 ? g.start1 : i === n - 1 ? g.end1 - len + 1 : g.start1 + Math.floor((span * i) / n) + Math.floor(rand() * 500);
    exons.push([start, Math.min(g.end1, start + len - 1)]);
  }
  const cdsStart1 = exons[0][0] + 40;
  const cdsEnd1 = exons[n - 1][1] - 60;
  return { accession: `demo:${g.symbol}.1`, geneSymbol: g.symbol, chrom: g.chrom, start1: g.start1, end1: g.end1, strand: g.strand, cdsStart1, cdsEnd1, exons, maneSelect: true, canonical: true, proteinAccession: null, biotype: 'protein_coding' };
}

const transcripts = DEMO_GENES.map(makeTranscript);
const txOf = (symbol: string): TranscriptRecord => transcripts.find((t) => t.geneSymbol === symbol)!;
/** A position inside the CDS part of an interior exon (the k-th, wrapping), in genomic order. */
function codingPos(symbol: string, k: number): number {
  const t = txOf(symbol);
  const [s, e] = t.exons[1 + (k % (t.exons.length - 2))];
  return Math.max(s, t.cdsStart1!) + Math.floor((Math.min(e, t.cdsEnd1!) - Math.max(s, t.cdsStart1!)) / 2);
}

// ---- the proband's variants ---------------------------------------------------------------------
interface DemoCall {
  chrom: string;
  pos: number;
  ref: string;
  alts: string[];
  gt: string;
  filter: string;
  id: string;
  info?: string;
  gnomad?: Array<Omit<GnomadRecord, 'chrom' | 'pos' | 'ref' | 'alt'>>;
  clinvar?: { significance: string; reviewStatus: string; condition: string; id: string };
}

const calls: DemoCall[] = [];
const gnomadFor = (af: number, filter = 'PASS'): Omit<GnomadRecord, 'chrom' | 'pos' | 'ref' | 'alt'> => {
  const an = 152000;
  const ac = Math.max(1, Math.round(af * an));
  return { af: ac / an, ac, an, nhomalt: Math.round(ac * af), grpmaxAf: Math.min(1, (ac / an) * (1.2 + rand())), grpmax: pick(['afr', 'amr', 'eas', 'nfe', 'sas']), filter };
};

// The planted cause: a heterozygous frameshift deletion in KMT2D (Kabuki syndrome 1, dominant).
{
  const pos = codingPos('KMT2D', 10);
  calls.push({ chrom: 'chr12', pos, ref: seqAt('chr12', pos, 2), alts: [baseAt('chr12', pos)], gt: '0/1', filter: 'PASS', id: '.', clinvar: { significance: 'Pathogenic', reviewStatus: 'criteria_provided,_multiple_submitters,_no_conflicts', condition: 'Kabuki_syndrome_1', id: '900001' } });
}
// Distractors that a careful ranking must put lower.
{
  const p1 = codingPos('BRCA2', 9);
  calls.push({ chrom: 'chr13', pos: p1, ref: seqAt('chr13', p1, 1), alts: [seqAt('chr13', p1, 1) + 'T'], gt: '0/1', filter: 'PASS', id: '.', clinvar: { significance: 'Pathogenic', reviewStatus: 'reviewed_by_expert_panel', condition: 'Hereditary_breast_ovarian_cancer_syndrome', id: '900002' } });
  const p2 = codingPos('SCN1A', 7);
  const b2 = baseAt('chr2', p2);
  calls.push({ chrom: 'chr2', pos: p2, ref: b2, alts: [otherBase(b2)], gt: '0/1', filter: 'PASS', id: '.' });
  const p3 = codingPos('GJB2', 1);
  calls.push({ chrom: 'chr13', pos: p3, ref: seqAt('chr13', p3, 2), alts: [baseAt('chr13', p3)], gt: '0/1', filter: 'PASS', id: 'rs80338939', gnomad: [gnomadFor(0.006)], clinvar: { significance: 'Pathogenic', reviewStatus: 'reviewed_by_expert_panel', condition: 'Autosomal_recessive_nonsyndromic_hearing_loss_1A', id: '900003' } });
  const p4 = codingPos('FGFR2', 5);
  const b4 = baseAt('chr10', p4);
  calls.push({ chrom: 'chr10', pos: p4, ref: b4, alts: [otherBase(b4)], gt: '1/1', filter: 'PASS', id: 'rs1047100', gnomad: [gnomadFor(0.31)] });
  const p5 = codingPos('LMNA', 2);
  const b5 = baseAt('chr1', p5);
  calls.push({ chrom: 'chr1', pos: p5, ref: b5, alts: [otherBase(b5)], gt: '0/1', filter: 'PASS', id: 'rs4641', gnomad: [gnomadFor(0.011)], clinvar: { significance: 'Benign', reviewStatus: 'criteria_provided,_multiple_submitters,_no_conflicts', condition: 'not_specified', id: '900004' } });
  const p6 = codingPos('DYRK1A', 3);
  const b6 = baseAt('chr21', p6);
  calls.push({ chrom: 'chr21', pos: p6, ref: b6, alts: [otherBase(b6)], gt: '0/1', filter: 'LowQual', id: '.' });
  const p7 = codingPos('PAH', 4) + 3;
  const r7 = baseAt('chr12', p7);
  const a7 = otherBase(r7);
  calls.push({ chrom: 'chr12', pos: p7, ref: r7, alts: [a7, 'ACGT'.replace(r7, '').replace(a7, '')[0]], gt: '1/2', filter: 'PASS', id: '.', gnomad: [gnomadFor(0.0004)] });
  const p8 = txOf('NSD1').exons[2][1] + 2000;
  calls.push({ chrom: 'chr5', pos: p8, ref: baseAt('chr5', p8), alts: ['<DEL>'], gt: '0/1', filter: 'PASS', id: '.', info: `SVTYPE=DEL;END=${p8 + 1500}` });
}
// Background: common and rare variants around every gene and between genes.
for (const g of DEMO_GENES) {
  for (let i = 0; i < 45; i++) {
    const pos = g.start1 - 8000 + Math.floor(rand() * (g.end1 - g.start1 + 16000));
    const ref = baseAt(g.chrom, pos);
    const common = rand() < 0.88;
    calls.push({ chrom: g.chrom, pos, ref, alts: [otherBase(ref)], gt: rand() < 0.35 ? '1/1' : '0/1', filter: rand() < 0.03 ? 'LowQual' : 'PASS', id: common ? `rs${1000000 + Math.floor(rand() * 9e7)}` : '.', gnomad: common ? [gnomadFor(0.02 + rand() * 0.5)] : rand() < 0.5 ? [gnomadFor(0.00002 + rand() * 0.0003)] : undefined });
  }
}
const contigs = primaryContigs('GRCh38');
for (let i = 0; i < 700; i++) {
  const c = pick(contigs.slice(0, 23));
  const pos = 1_000_000 + Math.floor(rand() * (c.length - 2_000_000));
  const ref = baseAt(c.name, pos);
  calls.push({ chrom: c.name, pos, ref, alts: [otherBase(ref)], gt: rand() < 0.4 ? '1/1' : '0/1', filter: 'PASS', id: `rs${1000000 + Math.floor(rand() * 9e7)}`, gnomad: [gnomadFor(0.03 + rand() * 0.6)] });
}
const contigIndex = new Map(contigs.map((c, i) => [c.name, i]));
calls.sort((a, b) => contigIndex.get(a.chrom)! - contigIndex.get(b.chrom)! || a.pos - b.pos);
for (let i = calls.length - 1; i > 0; i--) if (calls[i].chrom === calls[i - 1].chrom && calls[i].pos === calls[i - 1].pos) calls.splice(i, 1);

// ---- write the bundle ---------------------------------------------------------------------------
fs.rmSync(BUNDLE, { recursive: true, force: true });
fs.mkdirSync(BUNDLE, { recursive: true });
fs.mkdirSync(SAMPLES, { recursive: true });

const gnomadRows: GnomadRecord[] = [];
const clinvarRows: ClinvarRecord[] = [];
for (const c of calls) {
  c.gnomad?.forEach((g, i) => gnomadRows.push({ chrom: c.chrom, pos: c.pos, ref: c.ref, alt: c.alts[i], ...g }));
  if (c.clinvar) {
    clinvarRows.push({
      key: variantKey(c.chrom, c.pos, c.ref, c.alts[0]),
      id: c.clinvar.id,
      alleleId: String(Number(c.clinvar.id) + 100000),
      significance: c.clinvar.significance,
      reviewStatus: c.clinvar.reviewStatus,
      stars: reviewStars(c.clinvar.reviewStatus),
      conditions: [c.clinvar.condition],
      diseaseDb: '',
      genes: [],
      consequences: [],
      rsid: c.id.startsWith('rs') ? c.id.slice(2) : '',
    });
  }
}
const sources: SourceEntry[] = [];
const addSource = (kind: SourceEntry['kind'], file: string, version: string, upstream: string, records: number) =>
  sources.push({ kind, file, version, upstream, sha256: sha256File(path.join(BUNDLE, file)), records });

addSource('gnomad', 'gnomad.tsv.gz', 'demo', 'synthetic allele frequencies in gnomAD slim-table layout', writeGnomadTable(path.join(BUNDLE, 'gnomad.tsv.gz'), gnomadRows));
addSource('clinvar', 'clinvar.sqlite', 'demo', 'synthetic ClinVar-style assertions', writeClinvarSqlite(path.join(BUNDLE, 'clinvar.sqlite'), clinvarRows));
const genes: GeneRecord[] = DEMO_GENES.map((g) => ({ ...g }));
writeGenesSqlite(path.join(BUNDLE, 'genes.sqlite'), genes, transcripts);
addSource('genes', 'genes.sqlite', 'demo', 'real gene symbols and approximate GRCh38 spans; synthetic exon structures', transcripts.length);

const terms: HpoTermInput[] = DEMO_HPO_TERMS.map(([id, label, parents, altIds]) => ({ id, label, parents, altIds, obsolete: false }));
if (!terms.some((t) => t.id === 'HP:0001423')) terms.push({ id: 'HP:0001423', label: 'X-linked dominant inheritance', parents: ['HP:0001417'], altIds: [], obsolete: false });
const annotations: DiseaseAnnotationInput[] = DEMO_DISEASES.flatMap((d) => d.terms.map(([termId, frequency]) => ({ diseaseId: d.id, diseaseName: d.name, termId, frequency, negated: false })));
const hpoCounts = writeHpoSqlite(
  path.join(BUNDLE, 'hpo.sqlite'),
  { version: '2023-01-27 (demo subset)', source: 'HPO release 2023-01-27, trimmed for the demo' },
  terms,
  annotations,
  DEMO_DISEASES.flatMap((d) => d.genes.map((g) => ({ diseaseId: d.id, geneSymbol: g, ncbiGeneId: DEMO_GENES.find((x) => x.symbol === g)!.ncbiId }))),
  DEMO_DISEASES.flatMap((d) => d.modes.map((m) => ({ diseaseId: d.id, modeId: m }))),
);
addSource('hpo', 'hpo.sqlite', '2023-01-27 (demo subset)', 'Human Phenotype Ontology 2023-01-27 (subset) with demo disease annotations', hpoCounts.terms);

const manifest: Manifest = {
  schema: 1,
  name: 'demo',
  build: 'GRCh38',
  description: 'Generated demo bundle for trying vartriage. NOT FOR CLINICAL USE: exon structures, frequencies and ClinVar records are synthetic.',
  contigs,
  sources,
};
fs.writeFileSync(path.join(BUNDLE, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');

// ---- write the proband VCF ----------------------------------------------------------------------
const header = [
  '##fileformat=VCFv4.2',
  '##source=vartriage scripts/make-demo.ts (synthetic demo proband, not a real person)',
  '##reference=GRCh38',
  ...contigs.map((c) => `##contig=<ID=${c.name},length=${c.length},assembly=GRCh38>`),
  '##FILTER=<ID=PASS,Description="All filters passed">',
  '##FILTER=<ID=LowQual,Description="Low quality call">',
  '##ALT=<ID=DEL,Description="Deletion">',
  '##INFO=<ID=DP,Number=1,Type=Integer,Description="Total depth">',
  '##INFO=<ID=SVTYPE,Number=1,Type=String,Description="Type of structural variant">',
  '##INFO=<ID=END,Number=1,Type=Integer,Description="End position of the variant">',
  '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
  '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
  '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Read depth">',
  '##FORMAT=<ID=GQ,Number=1,Type=Integer,Description="Genotype quality">',
  `#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t${SAMPLE}`,
];
function* vcfLines() {
  for (const c of calls) {
    const dp = 20 + Math.floor(rand() * 60);
    const alt = c.gt === '1/1' ? dp : Math.floor(dp / 2);
    const ad = c.alts.length === 2 ? `0,${alt},${dp - alt}` : `${dp - alt},${alt}`;
    const info = c.info ?? `DP=${dp}`;
    const qual = c.filter === 'LowQual' ? 12.3 : 200 + Math.floor(rand() * 800);
    const text = [c.chrom, c.pos, c.id, c.ref, c.alts.join(','), qual, c.filter, info, 'GT:AD:DP:GQ', `${c.gt}:${ad}:${dp}:99`].join('\t');
    const end = c.info?.match(/END=(\d+)/) ? Number(RegExp.$1) : c.pos - 1 + c.ref.length;
    yield { text, ref: c.chrom, beg0: c.pos - 1, end0: end };
  }
}
writeIndexedText(path.join(SAMPLES, 'demo-proband.vcf.gz'), header, vcfLines(), VCF_TABIX);
fs.writeFileSync(path.join(SAMPLES, 'demo-proband.hpo.txt'), '# Demo proband phenotype (one HPO term per line)\nHP:0001250\tSeizure\nHP:0004322\tShort stature\nHP:0001263\tGlobal developmental delay\nHP:0000637\tLong palpebral fissure\n');
process.stdout.write(`demo: ${calls.length} VCF records, ${gnomadRows.length} gnomAD rows, ${clinvarRows.length} ClinVar records, ${transcripts.length} transcripts, ${hpoCounts.terms} HPO terms, ${hpoCounts.diseases} diseases\n`);
