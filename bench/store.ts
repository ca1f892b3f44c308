/**
 * Benchmark of the tiered result store (issue #9): builds a genome-scale store from tiled real
 * records (tiledVariants.ts), then measures lookup latency in a long-lived process, a cold CLI
 * start, the size of each tier, and `tabix` on the cold tier as the anchor, in the same run.
 *
 *   npm run bench:store                 # 5,000,000 variants, writes bench/results/store.json
 *   VARIANTS=200000 npm run bench:store # a quick run (writes bench/results/store-200000-2048rows.json)
 *   BLOCK_ROWS=4096 npm run bench:store # another warm block size, for comparison
 *   QUICK=1 VARIANTS=1000000 npm run bench:store
 *                                       # sizes and in-process lookups only (no CLI, tabix or codec
 *                                       # runs): the sampled variant used while iterating on encodings
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AnnotatedVariant } from '../src/annotate/types';
import type { Candidate } from '../src/prioritise/types';
import { buildStore, Lookup, StoreReader } from '../src/store';
import type { TimingSummary } from './storeLookups';
import { compress, decompress } from '../src/store/codec';
import { blockColumns } from '../src/store/warmBlock';
import { DEFAULT_BLOCK_ROWS, WarmReader } from '../src/store/warm';
import { coldHeader, coldLine } from '../src/store/coldFormat';
import { reportableReasons, toStored } from '../src/store/storedVariant';
import { sourceHeader } from '../src/store/sourceFields';
import { writeIndexedText } from '../src/io/indexedTextWriter';
import { VCF_TABIX } from '../src/io/tabixWriter';
import { GRCH38_CONTIGS, readClinvar, readGenes, readGnomadTuples, readTemplate, tiledVariants } from './tiledVariants';
import Database from 'better-sqlite3';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA = path.resolve(ROOT, '..', 'shared', 'data');
const TOTAL = Number(process.env.VARIANTS ?? 5_000_000);
const LOOKUPS = Number(process.env.LOOKUPS ?? 2000);
const CLI_RUNS = 30;
const TABIX_RUNS = 200;
const BLOCK_ROWS = Number(process.env.BLOCK_ROWS ?? DEFAULT_BLOCK_ROWS);
const QUICK = process.env.QUICK === '1';

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function summary(ms: number[]): { n: number; p50_ms: number; p99_ms: number; max_ms: number; mean_ms: number } {
  const s = [...ms].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { n: s.length, p50_ms: r(quantile(s, 0.5)), p99_ms: r(quantile(s, 0.99)), max_ms: r(s[s.length - 1]), mean_ms: r(s.reduce((a, b) => a + b, 0) / s.length) };
}

/** Reservoir sample of k items, seeded deterministically. */
class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;
  private state = 12345;
  constructor(private readonly k: number) {}
  private rand(): number {
    this.state = (Math.imul(this.state, 1103515245) + 12345) >>> 0;
    return this.state / 2 ** 32;
  }
  add(x: T): void {
    this.seen++;
    if (this.items.length < this.k) this.items.push(x);
    else {
      const j = Math.floor(this.rand() * this.seen);
      if (j < this.k) this.items[j] = x;
    }
  }
}

function fileSize(f: string): number {
  return fs.statSync(f).size;
}

function main(): void {
  if (!fs.existsSync(DATA)) throw new Error(`${DATA} is absent: the store benchmark tiles real records from ../shared/data/vcf`);
  const work = path.join(ROOT, 'bench', 'work', 'store');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const storeDir = path.join(work, 'store');

  // Other jobs share this machine; the load average is recorded beside the figures.
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 10) / 10);
  const t0 = process.hrtime.bigint();
  const { records, filterLines, definitionLines } = readTemplate(DATA);
  const source = sourceHeader(definitionLines);
  const genes = readGenes(DATA);
  const clinvar = readClinvar(DATA);
  const gnomadTuples = readGnomadTuples(DATA);
  const loci = new Reservoir<[string, number]>(LOOKUPS);
  const rsids = new Reservoir<string>(LOOKUPS);
  const clinvarIds = new Reservoir<string>(LOOKUPS);
  const geneNames = new Reservoir<string>(LOOKUPS);
  // Genes are drawn uniformly among those with variants (as a clinician picks a gene), not by variant count.
  const seenGenes = new Set<string>();
  const candidateVariants: AnnotatedVariant[] = [];
  const onVariant = (v: AnnotatedVariant, row: number): void => {
    loci.add([v.chrom, v.pos]);
    if (v.id !== '.') rsids.add(v.id);
    if (v.clinvar) clinvarIds.add(v.clinvar.id);
    for (const g of v.genes) if (!seenGenes.has(g.gene)) seenGenes.add(g.gene);
    if (candidateVariants.length < 20 && v.consequence === 'missense_variant' && row % 13 === 0) candidateVariants.push(v);
  };
  // Candidates are known only after a first pass in a real run; here a first, cheap pass picks them.
  for (const _ of tiledVariants({ total: TOTAL, template: records, genes, clinvar, gnomad: gnomadTuples, onVariant })) void _;
  for (const g of seenGenes) geneNames.add(g);
  const candidates: Candidate[] = candidateVariants.map((v, i) => ({
    rank: i + 1,
    score: 1 - i / 40,
    gene: { symbol: v.genes[0].gene, id: '', diseases: [], inheritance: [] },
    phenotype: { score: 1, log10_lr: 0, disease: null, matches: [] },
    log10_evidence: 0,
    inheritance: { mode: null, fits: true, explanation: 'benchmark candidate' },
    variant_score: 0.6,
    variants: [{ chrom: v.chrom, pos: v.pos, ref: v.ref, alt: v.alt, id: v.id, zygosity: v.zygosity, consequence: v.consequence, transcript: v.genes[0].transcript, location: null, hgvs_c: null, hgvs_p: null, gnomad: null, clinvar: null, score: 0.6, reasons: ['benchmark'] }],
  }));
  const tPrep = process.hrtime.bigint();
  const contigs = GRCH38_CONTIGS.map(([name, length]) => ({ name, length, aliases: [name.slice(3)] }));
  const manifest = buildStore(
    storeDir,
    tiledVariants({ total: TOTAL, template: records, genes, clinvar, gnomad: gnomadTuples }),
    { candidates, manifest: { name: 'bench-tiled', sources: [] }, contigs, sample: 'BENCH', build: 'GRCh38', maxAf: 0.02, filterLines, source },
    { blockRows: BLOCK_ROWS },
  );
  const tBuilt = process.hrtime.bigint();
  const buildSeconds = Number(tBuilt - tPrep) / 1e9;
  console.error(`built ${manifest.counts.variants} variants in ${buildSeconds.toFixed(1)} s (hot ${manifest.counts.hot}, ${manifest.counts.warm_blocks} warm blocks); template ${records.length} records`);

  const files = {
    hot: path.join(storeDir, manifest.files.hot),
    warm: path.join(storeDir, manifest.files.warm),
    warmBlobs: path.join(storeDir, manifest.files.warm_blobs),
    cold: path.join(storeDir, manifest.files.cold),
  };
  // The warm tier is warm.sqlite (indexes) and warm.blobs (blocks, rsID pages) together.
  const sizes = { hot: fileSize(files.hot), warm: fileSize(files.warm) + fileSize(files.warmBlobs), warm_sqlite: fileSize(files.warm), warm_blobs: fileSize(files.warmBlobs), cold_vcfgz: fileSize(files.cold), cold_tbi: fileSize(`${files.cold}.tbi`) };
  const perVariant = (b: number) => Math.round((b / TOTAL) * 100) / 100;

  // Long-lived query process: a process of its own opens the store once and times each lookup
  // (bench/storeLookups.ts), so the build's heap and its collections are not charged to lookups.
  const kinds: Record<string, Lookup[]> = {
    locus: loci.items.map(([chrom, pos1]) => ({ kind: 'locus', chrom, pos1 })),
    gene: geneNames.items.map((symbol) => ({ kind: 'gene', symbol })),
    rsid: rsids.items.map((rsid) => ({ kind: 'rsid', rsid })),
    clinvar: clinvarIds.items.map((id) => ({ kind: 'clinvar', id })),
    region_100kb: loci.items.map(([chrom, pos1]) => ({ kind: 'region', chrom, start1: pos1, end1: pos1 + 99_999 })),
  };
  const lookupsFile = path.join(work, 'lookups.json');
  fs.writeFileSync(lookupsFile, JSON.stringify(kinds));
  const child = spawnSync(process.execPath, [path.join(__dirname, 'storeLookups.js'), storeDir, lookupsFile], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (child.status !== 0) throw new Error(`storeLookups.js failed: ${child.stderr}`);
  const timed = JSON.parse(child.stdout) as { lookups: Record<string, TimingSummary & { mean_hits: number; empty: number }>; noise: TimingSummary; hotOnly: Record<string, TimingSummary> };
  const lookups = timed.lookups;
  for (const [kind, t] of Object.entries(lookups)) console.error(`${kind}: p50 ${t.p50_ms} ms, p99 ${t.p99_ms} ms, ${t.mean_hits} hits, ${t.empty} empty`);
  const hotOnly = timed.hotOnly;

  // The cold tier as written carries the sample's GT column; a sites-only VCF (no FORMAT/sample
  // columns) of the same records, written by the same BGZF + tabix writer, is the other baseline.
  const sitesOnly = path.join(work, 'sites-only.vcf.gz');
  {
    const header = coldHeader({ build: 'GRCh38', sample: null, contigs, filterLines, toolVersion: 'bench' });
    let row = 0;
    const lines = function* () {
      for (const v of tiledVariants({ total: TOTAL, template: records, genes, clinvar, gnomad: gnomadTuples })) yield coldLine(toStored(v, row++, null, reportableReasons(v, 0.02, false)), false);
    };
    writeIndexedText(sitesOnly, header, lines(), VCF_TABIX);
  }
  const sitesOnlyBytes = fileSize(sitesOnly);
  // The cold tier as stop 17 wrote it: the sample's call and vartriage's annotations, without the
  // input record's other INFO and FORMAT fields (the denominator of warm_to_vcfgz_ratio until then).
  const annotationsOnly = path.join(work, 'annotations-only.vcf.gz');
  {
    const header = coldHeader({ build: 'GRCh38', sample: 'BENCH', contigs, filterLines, toolVersion: 'bench' });
    let row = 0;
    const lines = function* () {
      for (const v of tiledVariants({ total: TOTAL, template: records, genes, clinvar, gnomad: gnomadTuples })) yield coldLine(toStored(v, row++, null, reportableReasons(v, 0.02, false)), true);
    };
    writeIndexedText(annotationsOnly, header, lines(), VCF_TABIX);
  }
  const annotationsOnlyBytes = fileSize(annotationsOnly);

  // Cold CLI start: a fresh `node dist/src/cli/main.js query` per lookup, wall clock.
  const cli = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
  const cliMs: number[] = [];
  for (const [chrom, pos] of loci.items.slice(0, QUICK ? 0 : CLI_RUNS)) {
    const s = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, 'query', storeDir, '--locus', `${chrom}:${pos}`], { encoding: 'utf8' });
    cliMs.push(Number(process.hrtime.bigint() - s) / 1e6);
    if (r.status !== 0) throw new Error(`query failed: ${r.stderr}`);
  }
  const nodeMs: number[] = [];
  for (let i = 0; i < (QUICK ? 0 : 10); i++) {
    const s = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    nodeMs.push(Number(process.hrtime.bigint() - s) / 1e6);
  }

  // Anchor: htslib's tabix on the cold tier, same loci, one process per lookup as a user runs it.
  const tabixMs: number[] = [];
  let tabixAgree = 0;
  const check = StoreReader.open(storeDir);
  for (const [chrom, pos] of loci.items.slice(0, QUICK ? 0 : TABIX_RUNS)) {
    const s = process.hrtime.bigint();
    const r = spawnSync('tabix', [files.cold, `${chrom}:${pos}-${pos}`], { encoding: 'utf8' });
    tabixMs.push(Number(process.hrtime.bigint() - s) / 1e6);
    const lines = r.stdout.split('\n').filter(Boolean).length;
    if (lines === check.lookup({ kind: 'locus', chrom, pos1: pos }).hits.length) tabixAgree++;
  }
  check.close();

  // Where the warm bytes go: each table's payload, and each block column inflated and re-compressed
  // with every codec (every 4th block; QUICK: every 16th), decode time per column included.
  const db = new Database(files.warm, { readonly: true });
  const tableBytes: Record<string, number> = {};
  for (const [name, sql] of Object.entries({
    blocks: 'SELECT SUM(blob_bytes) FROM block',
    rsid_pages: 'SELECT SUM(blob_bytes) FROM rsid_pages',
    clinvar_postings: 'SELECT SUM(length(data)) FROM postings',
    rsid_multi_rows: 'SELECT COUNT(*) FROM rsid_multi',
    text_postings_rows: 'SELECT COUNT(*) FROM text_postings',
  })) tableBytes[name] = (db.prepare(sql).pluck().get() as number | null) ?? 0;
  const columns: Record<string, { raw: number; stored: number; deflate: number; brotli: number; deflate_decode_ms: number; brotli_decode_ms: number }> = {};
  let sampledRows = 0;
  const every = QUICK ? 16 : 4;
  const warmReader = new WarmReader(files.warm, files.warmBlobs);
  for (const row of db.prepare(`SELECT id, n_rows FROM block WHERE id % ${every} = 0 ORDER BY id`).all() as Array<{ id: number; n_rows: number }>) {
    sampledRows += row.n_rows;
    for (const c of blockColumns(warmReader.blockBytes(row.id))) {
      const acc = (columns[c.name] ??= { raw: 0, stored: 0, deflate: 0, brotli: 0, deflate_decode_ms: 0, brotli_decode_ms: 0 });
      acc.raw += c.raw.length;
      acc.stored += c.stored;
      for (const codec of ['deflate', 'brotli'] as const) {
        const packed = compress(codec, c.raw);
        acc[codec] += packed.length;
        const s = process.hrtime.bigint();
        decompress(codec, packed);
        acc[`${codec}_decode_ms`] += Number(process.hrtime.bigint() - s) / 1e6;
      }
    }
  }
  db.close();
  warmReader.close();
  const perRow = (b: number) => Math.round((b / sampledRows) * 1000) / 1000;
  const warmColumns = Object.fromEntries(
    Object.entries(columns).map(([name, c]) => [name, { raw: perRow(c.raw), stored: perRow(c.stored), deflate: perRow(c.deflate), brotli: perRow(c.brotli), deflate_decode_us_per_block: Math.round((c.deflate_decode_ms * 1000 * 2048) / sampledRows), brotli_decode_us_per_block: Math.round((c.brotli_decode_ms * 1000 * 2048) / sampledRows) }]),
  );

  const result = {
    benchmark: 'store',
    variants: TOTAL,
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? '', node: process.version, platform: `${os.platform()} ${os.release()}`, loadavg_at_start: loadAtStart, loadavg_at_end: os.loadavg().map((x) => Math.round(x * 10) / 10) },
    input: `tiled real records (${records.length} template alleles from ../shared/data/vcf), MANE v1.0 gene spans, ClinVar 2016 records; gnomAD facts on 75 % of rows are real per-allele (AC, AN, nhomalt, AF_grpmax, grpmax, FILTER) tuples from the gnomAD v4.0 excerpts in ../shared/data/gnomad/GRCh38 (${gnomadTuples.length} alleles with AC > 0, AN jittered by up to 0.4 %), with AF = AC/AN printed as gnomAD prints it (6 significant digits); see bench/tiledVariants.ts`,
    build_s: Math.round(buildSeconds * 10) / 10,
    template_s: Math.round((Number(tPrep - t0) / 1e9) * 10) / 10,
    counts: manifest.counts,
    settings: manifest.settings,
    lookups: Object.fromEntries(Object.entries(lookups)),
    lookups_hot_tier_only: hotOnly,
    noise_floor_inflate_one_block: timed.noise,
    cold_cli_ms: summary(cliMs).p50_ms,
    cold_cli: summary(cliMs),
    node_startup_ms: summary(nodeMs).p50_ms,
    tabix: { ...summary(tabixMs), agrees_with_store: `${tabixAgree}/${tabixMs.length}`, note: 'htslib tabix 1.x, one process per locus lookup (includes process start)' },
    bytes: { ...sizes },
    bytes_per_variant: { hot: perVariant(sizes.hot), warm: perVariant(sizes.warm), warm_sqlite: perVariant(sizes.warm_sqlite), warm_blobs: perVariant(sizes.warm_blobs), cold: perVariant(sizes.cold_vcfgz + sizes.cold_tbi), cold_vcfgz: perVariant(sizes.cold_vcfgz), hot_per_hot_row: Math.round((sizes.hot / Math.max(1, manifest.counts.hot)) * 10) / 10 },
    warm_to_vcfgz_ratio: Math.round((sizes.warm / sizes.cold_vcfgz) * 1000) / 1000,
    annotations_only_vcfgz: { bytes: annotationsOnlyBytes, bytes_per_variant: perVariant(annotationsOnlyBytes), warm_ratio: Math.round((sizes.warm / annotationsOnlyBytes) * 1000) / 1000, note: 'the cold tier without the input records\' own INFO and FORMAT fields (GT:AD:DP:GQ and the VT_ annotations only), as written until the cold tier kept them; same BGZF writer' },
    sites_only_vcfgz: { bytes: sitesOnlyBytes, bytes_per_variant: perVariant(sitesOnlyBytes), warm_ratio: Math.round((sizes.warm / sitesOnlyBytes) * 1000) / 1000, note: 'the same records without FORMAT/sample columns, same BGZF writer; the cold tier as written carries GT' },
    warm_tables_bytes_per_variant: { blocks: perVariant(tableBytes.blocks), rsid_index: perVariant(tableBytes.rsid_pages), clinvar_postings: perVariant(tableBytes.clinvar_postings), rsid_multi_rows: tableBytes.rsid_multi_rows, text_postings_rows: tableBytes.text_postings_rows },
    warm_columns_bytes_per_variant: { note: `per column: raw, as stored, and re-compressed with deflate (level 6) and brotli (quality 9); decode time per 2,048-row block; sampled every ${every}th block`, ...warmColumns },
  };
  const name = TOTAL === 5_000_000 && BLOCK_ROWS === DEFAULT_BLOCK_ROWS && !QUICK ? 'store.json' : `store-${TOTAL}-${BLOCK_ROWS}rows${QUICK ? '-quick' : ''}.json`;
  const out = path.join(ROOT, 'bench', 'results', name);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  console.error(`wrote ${out}`);
}

main();
