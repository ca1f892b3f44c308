import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../errors';
import { openForWriting } from '../store/sqliteWrite';
import { StoreReader } from '../store';
import { toolVersion } from '../version';
import { COHORT_DB, COHORT_MANIFEST, COHORT_SCHEMA, CohortManifest, CohortVariant } from './types';

/** A run's output directory or its store/ directory, to the store directory. */
export function storeDirOf(given: string): string {
  return fs.existsSync(path.join(given, 'store.json')) ? given : path.join(given, 'store');
}

interface Entry {
  v: CohortVariant;
  contig: number;
  carriers: Set<number>;
}

/**
 * Counts, per allele (chrom:pos:ref:alt), the samples carrying it over the given per-sample stores
 * and writes `dir` (cohort.json + cohort.sqlite) atomically. Stores must share build and bundle.
 * Memory grows with the distinct variants of the cohort: for thousands of genomes, build one
 * cohort store per contig (the Snakefile's --region scatter) rather than one for the genome.
 */
export function buildCohort(dir: string, stores: string[]): CohortManifest {
  if (stores.length === 0) throw new InputError('cohort', 'no sample stores given');
  const entries = new Map<string, Entry>();
  const samples: string[] = [];
  let first: { file: string; build: string; name: string; sources: string[]; contigs: string[] } | null = null;
  for (const given of stores) {
    const storeDir = storeDirOf(given);
    const reader = StoreReader.open(storeDir);
    try {
      const m = reader.manifest;
      const sources = m.reference.sources.map((s) => s.sha256);
      const contigs = m.contigs.map((c) => c.name);
      if (!first) first = { file: storeDir, build: m.build, name: m.reference.name, sources, contigs };
      else if (m.build !== first.build || sources.join() !== first.sources.join()) {
        throw new InputError(storeDir, `cannot join ${first.file}: another build or reference bundle (${m.build} ${m.reference.name})`);
      }
      const name = m.sample ?? path.basename(path.dirname(path.resolve(storeDir)));
      if (samples.includes(name)) throw new InputError(storeDir, `sample ${name} is already in the cohort (given twice?)`);
      const s = samples.push(name) - 1;
      for (const c of m.contigs) {
        const contigOrder = first.contigs.indexOf(c.name);
        const hits = reader.lookupSync({ kind: 'region', chrom: c.name, start1: 1, end1: c.length > 0 ? c.length : 1 << 29 }, 'warm').hits;
        for (const h of hits) {
          const key = `${h.chrom}:${h.pos1}:${h.ref}:${h.alt}`;
          let e = entries.get(key);
          if (!e) {
            const v: CohortVariant = {
              chrom: h.chrom, pos1: h.pos1, ref: h.ref, alt: h.alt, id: h.id, samples_carrying: 0, samples_hom: 0, samples: [],
              consequence: h.consequence, genes: h.genes.map((g) => g.gene), gnomad_af: h.gnomad?.af ?? null,
              clinvar_id: h.clinvar?.id ?? null, clinvar_significance: h.clinvar?.significance ?? null,
            };
            entries.set(key, (e = { v, contig: contigOrder < 0 ? Number.MAX_SAFE_INTEGER : contigOrder, carriers: new Set() }));
          }
          if (e.carriers.has(s)) continue;
          e.carriers.add(s);
          if (h.zygosity === 'hom') e.v.samples_hom++;
        }
      }
    } finally {
      reader.close();
    }
  }
  const rows = [...entries.values()].sort((a, b) => a.contig - b.contig || a.v.chrom.localeCompare(b.v.chrom) || a.v.pos1 - b.v.pos1 || cmp(a.v.ref, b.v.ref) || cmp(a.v.alt, b.v.alt));
  for (const r of rows) {
    r.v.samples = [...r.carriers].sort((x, y) => x - y).map((i) => samples[i]);
    r.v.samples_carrying = r.v.samples.length;
  }
  const manifest: CohortManifest = {
    schema: COHORT_SCHEMA,
    tool: { name: 'vartriage', version: toolVersion() },
    build: first!.build,
    reference: { name: first!.name, sources_sha256: first!.sources },
    samples,
    counts: { variants: rows.length, samples: samples.length },
    contigs: first!.contigs,
  };
  writeCohortDir(dir, manifest, rows.map((r) => r.v));
  return manifest;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function writeCohortDir(dir: string, manifest: CohortManifest, rows: CohortVariant[]): void {
  const tmp = `${dir.replace(/\/+$/, '')}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const db = openForWriting(path.join(tmp, COHORT_DB));
    db.exec(`CREATE TABLE variants (row INTEGER PRIMARY KEY, chrom TEXT NOT NULL, pos1 INTEGER NOT NULL, end1 INTEGER NOT NULL, ref TEXT NOT NULL, alt TEXT NOT NULL,
      id TEXT NOT NULL, samples_carrying INTEGER NOT NULL, samples_hom INTEGER NOT NULL, samples TEXT NOT NULL, consequence TEXT NOT NULL,
      genes TEXT NOT NULL, gnomad_af REAL, clinvar_id TEXT, clinvar_significance TEXT);
      CREATE TABLE variant_genes (gene TEXT NOT NULL, row INTEGER NOT NULL);
      CREATE TABLE variant_ids (rsid TEXT NOT NULL, row INTEGER NOT NULL);`);
    const insert = db.prepare('INSERT INTO variants VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
    const gene = db.prepare('INSERT INTO variant_genes VALUES (?,?)');
    const rsid = db.prepare('INSERT INTO variant_ids VALUES (?,?)');
    db.transaction(() => {
      rows.forEach((v, row) => {
        insert.run(row, v.chrom, v.pos1, v.pos1 + v.ref.length - 1, v.ref, v.alt, v.id, v.samples_carrying, v.samples_hom, v.samples.join(','), v.consequence, v.genes.join(','), v.gnomad_af, v.clinvar_id, v.clinvar_significance);
        for (const g of v.genes) gene.run(g, row);
        for (const id of v.id.split(';')) if (/^rs\d+$/i.test(id)) rsid.run(id.toLowerCase(), row);
      });
    })();
    db.exec(`CREATE INDEX variants_locus ON variants (chrom, pos1);
      CREATE INDEX variants_clinvar ON variants (clinvar_id);
      CREATE INDEX variant_genes_gene ON variant_genes (gene);
      CREATE INDEX variant_ids_rsid ON variant_ids (rsid);`);
    db.close();
    fs.writeFileSync(path.join(tmp, COHORT_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    const old = fs.existsSync(dir) ? `${dir.replace(/\/+$/, '')}.old-${process.pid}` : null;
    if (old) fs.renameSync(dir, old);
    fs.renameSync(tmp, dir);
    if (old) fs.rmSync(old, { recursive: true, force: true });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
