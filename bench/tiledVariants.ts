import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { AnnotatedVariant, ClinvarFacts, GeneConsequence } from '../src/annotate/types';
import { ConsequenceTerm, mostSevere } from '../src/annotate/soTerms';
import { reviewStars } from '../src/reference/clinvarSignificance';
import type { MemberCall } from '../src/variant/memberCall';
import type { SourceFields, Zygosity } from '../src/variant/types';

/**
 * A genome-scale stream of annotated variants made by tiling real records (benchmark input only).
 *
 * - Alleles, IDs, QUAL, FILTER, genotypes and the spacing between neighbouring records come from
 *   real VCFs in ../shared/data/vcf (each file's gaps divided by its mean gap); the template is laid
 *   over GRCh38 chr1-22, X, Y in proportion to contig length, gaps scaled to fill each contig,
 *   repeated as often as needed (about one variant per 620 bp at 5M, as in a whole genome).
 * - Genes come from the real MANE v1.0 spans (every gene overlapping the tiled position), with the
 *   MANE RefSeq transcript; the consequence inside a gene is drawn by a fixed hash.
 * - ClinVar facts are real MacArthur-parse ClinVar records assigned to 1 in 150 variants.
 * - rsIDs: the template's own (Exomiser's GRCh37 exome carries them), shifted by 1.5e9 per
 *   repeat so that repeats stay distinct; records without one get a hashed number on 90 % of rows,
 *   since a whole genome has an rsID for most variants.
 * - gnomAD facts (75 % of rows) are real per-allele tuples (AC, AN, nhomalt, AF_grpmax, grpmax,
 *   FILTER) from the gnomAD v4.0 exome and genome excerpts in ../shared/data/gnomad/GRCh38 (alleles
 *   with AC > 0, about 3,300), drawn by a fixed hash. AN is lowered by an even jitter of up to 0.4 %
 *   so that a 5M store does not repeat a few thousand tuples verbatim (a real genome rarely repeats
 *   one), and AF is then printed the way gnomAD prints it: AC/AN to 6 significant digits (C's %g;
 *   every one of the excerpts' alleles with AN > 0 satisfies AF == %g(AC/AN), checked with
 *   `bcftools query -f '%AC\t%AN\t%AF'`). Real tuples keep nhomalt <= AC/2.
 */
export const GRCH38_CONTIGS: Array<[string, number]> = [
  ['chr1', 248956422], ['chr2', 242193529], ['chr3', 198295559], ['chr4', 190214555], ['chr5', 181538259], ['chr6', 170805979],
  ['chr7', 159345973], ['chr8', 145138636], ['chr9', 138394717], ['chr10', 133797422], ['chr11', 135086622], ['chr12', 133275309],
  ['chr13', 114364328], ['chr14', 107043718], ['chr15', 101991189], ['chr16', 90338345], ['chr17', 83257441], ['chr18', 80373285],
  ['chr19', 58617616], ['chr20', 64444167], ['chr21', 46709983], ['chr22', 50818468], ['chrX', 156040895], ['chrY', 57227415],
];

interface TemplateRecord {
  gap: number;
  ref: string;
  alt: string;
  rs: number;
  filter: string;
  qual: number | null;
  zygosity: Zygosity;
  /** The template sample's call at this allele (GT, DP, GQ, AD for REF and this ALT), as `run` reads it. */
  call?: MemberCall;
  /** The template record's own INFO and FORMAT fields, as `run` keeps them for the cold tier. */
  source: SourceFields;
}

/** The sample's FORMAT fields at ALT number `alt` (1-based) of a template record (VCF 4.3 §1.6.2). */
function templateCall(format: string | undefined, sample: string | undefined, alt: number): MemberCall | undefined {
  if (!format || !sample) return undefined;
  const keys = format.split(':');
  const values = sample.split(':');
  const field = (k: string): string | undefined => (keys.indexOf(k) >= 0 ? values[keys.indexOf(k)] : undefined);
  const num = (x: string | undefined): number | null => (x === undefined || x === '.' || x === '' || !Number.isFinite(Number(x)) ? null : Number(x));
  const gt = field('GT') ?? '.';
  const alleles = gt.split(/[/|]/);
  const ad = field('AD')?.split(',').map((x) => num(x) ?? -1);
  return {
    gt,
    copies: alleles.includes('.') ? null : alleles.filter((a) => Number(a) === alt).length,
    ploidy: gt === '.' ? 0 : alleles.length,
    dp: num(field('DP')),
    gq: num(field('GQ')),
    ad: ad && ad.length > alt ? [ad[0], ad[alt]] : null,
  };
}

/** One real gnomAD v4 allele's facts (AF is recomputed from AC and the jittered AN). */
export interface GnomadTuple {
  ac: number;
  an: number;
  nhomalt: number;
  grpmaxAf: number | null;
  grpmax: string;
  filter: string;
}

const GNOMAD_FILES = [
  'gnomad.exomes.v4.0.sites.chr1_55039893-55039951.annonars.vcf.bgz',
  'gnomad.exomes.v4.0.sites.chrX_253602-255239.annonars.vcf.bgz',
  'gnomad.exomes.v4.0.sites.chrY_2786709-2790460.annonars.vcf.bgz',
  'gnomad.genomes.v4.0.sites.chr1_55039894-55039948.annonars.vcf.bgz',
  'gnomad.genomes.v4.0.sites.chrX_10003-20000.annonars.vcf.bgz',
  'gnomad.genomes.v4.0.sites.chrY_2781511-2789987.annonars.vcf.bgz',
];

/** Per-allele (AC > 0) facts of the real gnomAD v4.0 excerpts, multi-allelic records split (Number=A fields). */
export function readGnomadTuples(dataDir: string): GnomadTuple[] {
  const out: GnomadTuple[] = [];
  for (const f of GNOMAD_FILES) {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(dataDir, 'gnomad', 'GRCh38', f))).toString('utf8');
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const c = line.split('\t');
      const info = new Map(c[7].split(';').map((kv) => kv.split('=') as [string, string]));
      const an = Number(info.get('AN'));
      const perAllele = (k: string): string[] => (info.get(k) ?? '').split(',');
      const acs = perAllele('AC');
      acs.forEach((acText, i) => {
        const ac = Number(acText);
        if (!(ac > 0) || !(an > 0)) return;
        const grp = perAllele('AF_grpmax')[i];
        out.push({ ac, an, nhomalt: Number(perAllele('nhomalt')[i] ?? 0), grpmaxAf: grp && grp !== '.' ? Number(grp) : null, grpmax: perAllele('grpmax')[i] || '', filter: c[6] });
      });
    }
  }
  if (out.length < 1000) throw new Error(`only ${out.length} gnomAD v4 alleles read from ${dataDir}/gnomad/GRCh38`);
  return out;
}

/** AF as gnomAD's VCFs print it: AC/AN with C's %g, i.e. 6 significant digits. */
export function gnomadPrintedAf(ac: number, an: number): number {
  return Number((ac / an).toPrecision(6));
}

interface Gene {
  symbol: string;
  transcript: string;
  start: number;
  end: number;
}

const TEMPLATE_FILES = [
  'pfeiffer-exome.GRCh37.exomiser-example.vcf.gz',
  'NA12878.GRCh38.single-sample.from-ngs-bits-trio.vcf.gz',
  'PG_NA12878_hg38-chr21.vcf.gz',
  'GIAB-AshkenazimTrio-HG002-HG003-HG004.GRCh37.chr1-2.slivar-tests.vcf.gz',
];

function zygosityOf(gt: string): Zygosity {
  const alleles = gt.split(/[/|]/);
  if (alleles.length === 1) return alleles[0] === '.' || alleles[0] === '0' ? 'unknown' : 'hemi';
  if (alleles.includes('.')) return 'unknown';
  return alleles[0] === alleles[1] ? 'hom' : 'het';
}

export function readTemplate(dataDir: string): { records: TemplateRecord[]; filterLines: string[]; definitionLines: string[] } {
  const records: TemplateRecord[] = [];
  const filterLines = new Set<string>();
  // INFO and FORMAT definitions of every template file (sourceHeader keeps the first of an ID).
  const definitionLines: string[] = [];
  for (const f of TEMPLATE_FILES) {
    const fromFile = records.length;
    const text = zlib.gunzipSync(fs.readFileSync(path.join(dataDir, 'vcf', f))).toString('utf8');
    let prevChrom = '';
    let prevPos = 0;
    for (const line of text.split('\n')) {
      if (line.startsWith('##FILTER')) filterLines.add(line);
      if (line.startsWith('##INFO=') || line.startsWith('##FORMAT=')) definitionLines.push(line);
      if (line === '' || line.startsWith('#')) continue;
      const c = line.split('\t');
      const pos = Number(c[1]);
      const gap = c[0] === prevChrom ? Math.max(0, pos - prevPos) : 0;
      prevChrom = c[0];
      prevPos = pos;
      const rs = /^rs(\d+)/.exec(c[2]);
      const alts = c[4].split(',').filter((a) => /^[ACGTN]+$/.test(a));
      const altCount = c[4].split(',').length;
      const call = c[8] && c[9] ? `${c[8]}\t${c[9]}` : null;
      alts.forEach((alt, i) =>
        records.push({
          gap: i === 0 ? gap : 0,
          ref: c[3],
          alt,
          rs: rs ? Number(rs[1]) : 0,
          filter: c[6],
          qual: c[5] === '.' ? null : Number(c[5]),
          zygosity: c[9] ? zygosityOf(c[9].split(':')[0]) : 'unknown',
          call: templateCall(c[8], c[9], c[4].split(',').indexOf(alt) + 1),
          source: { info: c[7], call, altIndex: c[4].split(',').indexOf(alt) + 1, altCount },
        }),
      );
    }
    // Exomes, truth sets and whole genomes differ 100-fold in spacing: put every file on a mean
    // gap of 1 so no source makes dense clumps once the template is stretched over a contig.
    const part = records.slice(fromFile);
    const meanGap = part.reduce((sum, r) => sum + r.gap, 0) / Math.max(1, part.length);
    for (const r of part) r.gap = r.gap / meanGap;
  }
  return { records, filterLines: [...filterLines].sort(), definitionLines };
}

export function readGenes(dataDir: string): Map<string, Gene[]> {
  const text = zlib.gunzipSync(fs.readFileSync(path.join(dataDir, 'genes', 'MANE.GRCh38.v1.0.summary.txt.gz'))).toString('utf8');
  const out = new Map<string, Gene[]>();
  for (const line of text.split('\n').slice(1)) {
    const c = line.split('\t');
    if (c.length < 14 || c[9] !== 'MANE Select') continue;
    const chrom = c[10].startsWith('chr') ? c[10] : `chr${c[10]}`;
    let list = out.get(chrom);
    if (!list) out.set(chrom, (list = []));
    list.push({ symbol: c[3], transcript: c[5], start: Number(c[11]), end: Number(c[12]) });
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

export function readClinvar(dataDir: string): ClinvarFacts[] {
  const text = zlib.gunzipSync(fs.readFileSync(path.join(dataDir, 'clinvar', 'clinvar.20161102.GRCh38-lifted.vcf.gz'))).toString('utf8');
  const out: ClinvarFacts[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const info = new Map(line.split('\t')[7].split(';').map((kv) => kv.split('=') as [string, string]));
    const review = (info.get('REVIEW_STATUS') ?? '').replace(/_/g, ' ');
    out.push({
      id: info.get('MEASURESET_ID') ?? '0',
      significance: (info.get('CLINICAL_SIGNIFICANCE') ?? '').replace(/_/g, ' '),
      reviewStatus: review,
      stars: reviewStars(review),
      conditions: (info.get('ALL_TRAITS') ?? '').split('|').filter(Boolean).slice(0, 3).map((t) => t.replace(/_/g, ' ')),
    });
  }
  return out;
}

/** A fixed 32-bit hash (xorshift-multiply), so the same row always gets the same draws. */
function hash(n: number): number {
  let x = (n + 0x9e3779b9) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

const IN_GENE: Array<[number, ConsequenceTerm]> = [
  [0.8, 'intron_variant'], [0.86, '3_prime_UTR_variant'], [0.89, '5_prime_UTR_variant'], [0.92, 'synonymous_variant'],
  [0.97, 'missense_variant'], [0.98, 'splice_region_variant'], [0.985, 'inframe_deletion'], [0.99, 'frameshift_variant'],
  [0.995, 'stop_gained'], [1, 'splice_donor_variant'],
];

function consequenceFor(u: number): ConsequenceTerm {
  for (const [p, t] of IN_GENE) if (u < p) return t;
  return 'intron_variant';
}

export interface TiledOptions {
  total: number;
  template: TemplateRecord[];
  genes: Map<string, Gene[]>;
  clinvar: ClinvarFacts[];
  gnomad: GnomadTuple[];
  /** Called for every generated variant (for sampling query targets). */
  onVariant?: (v: AnnotatedVariant, row: number) => void;
}

/** Yields `total` annotated variants in store order (contig order above, then position). */
export function* tiledVariants(o: TiledOptions): Generator<AnnotatedVariant> {
  const genomeLength = GRCH38_CONTIGS.reduce((s, [, l]) => s + l, 0);
  let t = 0;
  let row = 0;
  let clinvarNext = 0;
  const n = o.template.length;
  for (let ci = 0; ci < GRCH38_CONTIGS.length; ci++) {
    const [chrom, length] = GRCH38_CONTIGS[ci];
    const count = ci === GRCH38_CONTIGS.length - 1 ? o.total - row : Math.round((o.total * length) / genomeLength);
    let gapSum = 0;
    for (let i = 0; i < count; i++) gapSum += o.template[(t + i) % n].gap;
    const scale = (length - 20000) / Math.max(1, gapSum);
    const genes = o.genes.get(chrom) ?? [];
    let geneFrom = 0;
    let cum = 0;
    for (let i = 0; i < count; i++, t++, row++) {
      const rec = o.template[t % n];
      const repeat = Math.floor(t / n);
      cum += rec.gap;
      const pos = 10000 + Math.round(cum * scale);
      while (geneFrom < genes.length && genes[geneFrom].end < pos - 3_000_000) geneFrom++;
      const h = hash(row);
      const u = h / 2 ** 32;
      const overlapping: GeneConsequence[] = [];
      for (let g = geneFrom; g < genes.length && genes[g].start <= pos; g++) {
        const gene = genes[g];
        if (gene.end < pos) continue;
        const csq = consequenceFor(hash(row * 31 + g) / 2 ** 32);
        const exonic = csq !== 'intron_variant';
        overlapping.push({
          gene: gene.symbol,
          transcript: gene.transcript,
          consequence: csq,
          terms: [csq],
          location: `${exonic ? 'exon' : 'intron'} ${1 + (h % 12)}/${13 + (h % 7)}`,
          maneSelect: true,
        });
      }
      const rs = rec.rs > 0 ? rec.rs + repeat * 1_500_000_000 : u < 0.9 ? 1 + (hash(row ^ 0x5bd1e995) % 1_400_000_000) : 0;
      let gnomad: AnnotatedVariant['gnomad'] = null;
      if (u < 0.75) {
        const h2 = hash(row ^ 0x27d4eb2d);
        const g = o.gnomad[h2 % o.gnomad.length];
        const an = Math.max(g.ac, 2 * g.nhomalt, g.an - 2 * (hash(h2) % (1 + Math.floor(g.an / 500))));
        gnomad = { af: gnomadPrintedAf(g.ac, an), ac: g.ac, an, nhomalt: g.nhomalt, grpmaxAf: g.grpmaxAf, grpmax: g.grpmax, filter: g.filter };
      }
      const clinvar = row % 150 === 7 ? o.clinvar[clinvarNext++ % o.clinvar.length] : null;
      const v: AnnotatedVariant = {
        chrom,
        pos,
        ref: rec.ref,
        alt: rec.alt,
        id: rs > 0 ? `rs${rs}` : '.',
        filter: rec.filter,
        qual: rec.qual,
        zygosity: rec.zygosity,
        line: null,
        consequence: overlapping.length ? mostSevere(overlapping.map((g) => g.consequence)) : 'intergenic_variant',
        genes: overlapping,
        gnomad,
        clinvar,
        ...(rec.call ? { call: rec.call } : {}),
        source: rec.source,
      };
      o.onVariant?.(v, row);
      yield v;
    }
  }
}
