import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../errors';
import type { Logger } from '../log';
import { primaryContigs } from '../variant/assemblies';
import type { GenomeBuild } from '../variant/build';
import { ChainLiftover, LiftCounts, liftTranscripts } from './chainLiftover';
import { writeClinvarSqlite } from './clinvar';
import { assembleGeneModels, GeneModelSource } from './geneAssembly';
import { alignLinksToModels } from './geneLinks';
import { GeneRecord, writeGenesSqlite } from './genes';
import { detectGeneFormat, readGeneModels } from './geneSources';
import { writeGnomadTable } from './gnomad';
import { mergeGnomadStreams } from './gnomadMerge';
import { writeHpoSqlite } from './hpo';
import { Manifest, MANIFEST_FILE, sha256File, SourceEntry } from './manifest';
import { ClinvarParseCounts, parseClinvarVcf } from './parse/clinvarVcf';
import { parseGenesToPhenotype } from './parse/genesToPhenotype';
import { GnomadParseCounts, parseGnomadVcf } from './parse/gnomadVcf';
import { checkAcyclic } from './parse/hpoCheck';
import { parseHpoJson, ParsedOntology } from './parse/hpoJson';
import { parseHpoObo } from './parse/hpoObo';
import { parseHpoa } from './parse/hpoa';
import { ManeEntry, parseManeSummary } from './parse/maneSummary';
import { upstreamVersion } from './sourceVersion';
import { addFasta } from './fastaSource';

export interface BuildOptions {
  out: string;
  name?: string;
  build: GenomeBuild;
  clinvar?: string;
  gnomad: string[];
  genes: string[];
  /** Chain file lifting the gene models from the other build into `build` (e.g. hg38ToHg19 for GRCh37). */
  liftGenesChain?: string;
  hpo?: string;
  hpoAnnotations?: string;
  genesToPhenotype?: string;
  fasta?: string;
  description?: string;
  /** Replace an existing bundle at `out`. */
  force: boolean;
  log: Logger;
}

export interface BuildReport {
  manifest: Manifest;
  /** Wall-clock seconds per source, for the benchmark. */
  seconds: Record<string, number>;
}

/**
 * Builds a reference bundle into `<out>.tmp-<pid>/` and renames it to `<out>` only when every source
 * is written and the manifest is complete (DESIGN.md §3): a failed build leaves nothing at `<out>`.
 */
export function buildBundle(o: BuildOptions): BuildReport {
  const out = path.resolve(o.out);
  if (fs.existsSync(out) && !o.force) throw new InputError(out, 'already exists: choose another --out or pass --force to replace it');
  for (const f of [o.clinvar, ...o.gnomad, ...o.genes, o.liftGenesChain, o.hpo, o.hpoAnnotations, o.genesToPhenotype, o.fasta]) {
    if (f !== undefined && !fs.existsSync(f)) throw new InputError(f, 'no such file');
  }
  if ((o.hpoAnnotations || o.genesToPhenotype) && !o.hpo) throw new InputError(o.hpoAnnotations ?? o.genesToPhenotype ?? '', 'HPO annotations need the ontology too: add --hpo hp.json (or hp.obo)');
  const tmp = `${out}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const report = buildInto(tmp, o);
    fs.writeFileSync(path.join(tmp, MANIFEST_FILE), JSON.stringify(report.manifest, null, 2) + '\n');
    if (fs.existsSync(out)) {
      const old = `${out}.old-${process.pid}`;
      fs.renameSync(out, old);
      fs.renameSync(tmp, out);
      fs.rmSync(old, { recursive: true, force: true });
    } else {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.renameSync(tmp, out);
    }
    return report;
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

function timed<T>(seconds: Record<string, number>, kind: string, fn: () => T): T {
  const t0 = process.hrtime.bigint();
  try {
    return fn();
  } finally {
    seconds[kind] = Number(process.hrtime.bigint() - t0) / 1e9;
  }
}

function buildInto(dir: string, o: BuildOptions): BuildReport {
  const sources: SourceEntry[] = [];
  const seconds: Record<string, number> = {};
  const contigs = primaryContigs(o.build);
  const contigOrder = new Map(contigs.map((c, i) => [c.name, i]));
  const add = (kind: SourceEntry['kind'], file: string, version: string, upstream: string[], records: number, details: Record<string, number>) => {
    const full = path.join(dir, file);
    sources.push({
      kind,
      file,
      version,
      upstream: upstream.map((u) => path.basename(u)).join(', '),
      sha256: sha256File(full),
      records,
      bytes: fs.statSync(full).size + (fs.existsSync(`${full}.tbi`) ? fs.statSync(`${full}.tbi`).size : 0),
      upstreamSha256: upstream.map((u) => sha256File(u)),
      counts: details,
    });
    o.log.info(`${kind}: ${records} records from ${upstream.map((u) => path.basename(u)).join(', ')}`, { kind, records, ...details });
  };

  if (o.clinvar) {
    const file = o.clinvar;
    timed(seconds, 'clinvar', () => {
      const counts: ClinvarParseCounts = { records: 0, otherContig: 0, alleles: 0, unclassified: 0, skippedAlleles: 0 };
      writeClinvarSqlite(path.join(dir, 'clinvar.sqlite'), parseClinvarVcf(file, o.build, counts));
      // An allele on more than one line (e.g. two submissions' records) keeps its last line.
      const db = new Database(path.join(dir, 'clinvar.sqlite'), { readonly: true });
      const distinct = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM clinvar').get()?.n ?? 0;
      db.close();
      add('clinvar', 'clinvar.sqlite', upstreamVersion('clinvar', file), [file], distinct, { ...counts, distinct_alleles: distinct, repeated_alleles: counts.alleles - distinct });
    });
  }

  if (o.gnomad.length > 0) {
    timed(seconds, 'gnomad', () => {
      const perFile: GnomadParseCounts[] = o.gnomad.map(() => ({ records: 0, otherContig: 0, alleles: 0, noFrequency: 0, skippedAlleles: 0, duplicates: 0 }));
      const streams = o.gnomad.map((f, i) => parseGnomadVcf(f, o.build, perFile[i]));
      const n = writeGnomadTable(path.join(dir, 'gnomad.tsv.gz'), mergeGnomadStreams(streams, contigOrder));
      const sum = (k: keyof GnomadParseCounts) => perFile.reduce((s, c) => s + c[k], 0);
      add('gnomad', 'gnomad.tsv.gz', [...new Set(o.gnomad.map((f) => upstreamVersion('gnomad', f)))].join(' + '), o.gnomad, n, {
        records: sum('records'),
        alleles: sum('alleles'),
        otherContig: sum('otherContig'),
        noFrequency: sum('noFrequency'),
        skippedAlleles: sum('skippedAlleles'),
        duplicates: sum('duplicates'),
        merged_rows: n,
      });
    });
  }

  let modelGenes: GeneRecord[] | null = null;
  let extraGeneIds = new Map<string, string>();
  const g2p = o.genesToPhenotype ? parseGenesToPhenotype(o.genesToPhenotype) : null;
  if (g2p) extraGeneIds = new Map(g2p.links.map((l) => [l.geneSymbol, l.ncbiGeneId]));

  if (o.genes.length > 0) {
    timed(seconds, 'genes', () => {
      const mane: ManeEntry[] = [];
      const modelSources: GeneModelSource[] = [];
      const lift = o.liftGenesChain ? new ChainLiftover(o.liftGenesChain) : null;
      const liftCounts: LiftCounts = { lifted: 0, unmapped: 0 };
      for (const f of o.genes) {
        const format = detectGeneFormat(f);
        if (format === 'mane-summary') mane.push(...parseManeSummary(f));
        else modelSources.push({ file: f, models: lift ? liftTranscripts(readGeneModels(f, format), lift, liftCounts) : readGeneModels(f, format) });
      }
      if (modelSources.length === 0) throw new InputError(o.genes[0], 'a MANE summary has no exons: add a gene-model file (refGene/genePred, GTF or GFF3) to --genes');
      const assembled = assembleGeneModels(modelSources, mane, o.build, extraGeneIds);
      writeGenesSqlite(path.join(dir, 'genes.sqlite'), assembled.genes, assembled.transcripts);
      modelGenes = assembled.genes;
      const version = [...new Set(o.genes.map((f) => upstreamVersion('genes', f)))].join(' + ') + (lift ? ` (lifted to ${o.build} with ${path.basename(lift.file)})` : '');
      add('genes', 'genes.sqlite', version, [...o.genes, ...(lift ? [lift.file] : [])], assembled.counts.transcripts, { ...assembled.counts, ...(lift ? { lifted: liftCounts.lifted, not_liftable: liftCounts.unmapped } : {}) });
    });
  }

  if (o.hpo) {
    const hpoFile = o.hpo;
    timed(seconds, 'hpo', () => {
      const ontology: ParsedOntology = /\.obo(\.gz)?$/i.test(hpoFile) ? parseHpoObo(hpoFile) : parseHpoJson(hpoFile);
      checkAcyclic(hpoFile, ontology.terms);
      const hpoa = o.hpoAnnotations ? parseHpoa(o.hpoAnnotations) : null;
      const known = new Set(ontology.terms.map((t) => t.id));
      const unknown = hpoa?.annotations.find((a) => !known.has(a.termId));
      if (unknown && o.hpoAnnotations) o.log.warn(`${o.hpoAnnotations}: ${unknown.termId} (${unknown.diseaseId}) is not in ${path.basename(hpoFile)}; such annotations are kept but match nothing`);
      const aligned = g2p && modelGenes ? alignLinksToModels(g2p.links, modelGenes) : { links: g2p?.links ?? [], renamed: 0 };
      const counts = writeHpoSqlite(
        path.join(dir, 'hpo.sqlite'),
        { version: ontology.version, ontology: path.basename(hpoFile), annotations: o.hpoAnnotations ? path.basename(o.hpoAnnotations) : '', annotations_version: hpoa?.version ?? '' },
        ontology.terms,
        hpoa?.annotations ?? [],
        aligned.links,
        hpoa?.inheritance ?? [],
      );
      add('hpo', 'hpo.sqlite', ontology.version, [hpoFile, ...(o.hpoAnnotations ? [o.hpoAnnotations] : []), ...(o.genesToPhenotype ? [o.genesToPhenotype] : [])], counts.terms, {
        terms: counts.terms,
        current_terms: ontology.terms.filter((t) => !t.obsolete).length,
        diseases: counts.diseases,
        annotation_rows: hpoa?.counts.rows ?? 0,
        inheritance_rows: hpoa?.counts.inheritanceRows ?? 0,
        disease_gene_links: g2p?.links.length ?? 0,
        linked_genes: g2p?.counts.genes ?? 0,
        linked_diseases: g2p?.counts.diseases ?? 0,
        links_to_model_symbol: aligned.renamed,
      });
    });
  }

  if (o.fasta) {
    const fasta = o.fasta;
    timed(seconds, 'fasta', () => {
      const r = addFasta(dir, fasta, o.build);
      add('fasta', r.file, path.basename(fasta), [fasta], r.sequences, { sequences: r.sequences });
    });
  }

  const kinds = new Set(sources.map((s) => s.kind));
  const missing = (['clinvar', 'gnomad', 'genes', 'hpo', 'fasta'] as const).filter((k) => !kinds.has(k));
  const manifest: Manifest = {
    schema: 1,
    name: o.name ?? path.basename(o.out),
    build: o.build,
    description:
      o.description ??
      `Built by vartriage reference build from ${sources.map((s) => s.upstream).join('; ')}.` +
        (missing.length > 0 ? ` Without ${missing.join(', ')}: ${missingEffects(missing)}.` : ''),
    contigs,
    sources,
  };
  return { manifest, seconds };
}

/** What a bundle without a source cannot give, said in its manifest so reports can say it too. */
function missingEffects(missing: string[]): string {
  const say: Record<string, string> = {
    clinvar: 'no ClinVar assertions',
    gnomad: 'no population frequencies (every variant looks absent from gnomAD)',
    genes: 'no consequences or gene assignment',
    hpo: 'no phenotype ranking',
    fasta: 'no left-alignment of indels and no codon-level consequences (HGVS p.)',
  };
  return missing.map((m) => say[m]).join('; ');
}
