import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { InputError } from '../errors';
import { indexFilesOf } from './fetch';
import { GnomadTable } from './gnomad';
import { readManifest, sha256File, SourceEntry } from './manifest';

/** Tables each SQLite source must have, checked so a truncated or foreign database is caught. */
const TABLES: Record<string, string[]> = {
  clinvar: ['clinvar'],
  genes: ['genes', 'transcripts'],
  hpo: ['terms', 'ancestors', 'diseases', 'disease_terms', 'disease_genes'],
};

/**
 * Re-checks a bundle: every source file's sha256 against the manifest, index files present, SQLite
 * files pass `PRAGMA quick_check` and hold their tables, the gnomAD table's tabix index opens and
 * answers a region query. Throws an InputError naming the first problem; returns what was checked.
 */
export async function verifyBundle(dir: string): Promise<string[]> {
  const manifest = readManifest(dir);
  const done: string[] = [];
  for (const s of manifest.sources) {
    const file = path.join(dir, s.file);
    if (!fs.existsSync(file)) throw new InputError(file, `missing (listed in ${path.join(dir, 'manifest.json')})`);
    const got = sha256File(file);
    if (got !== s.sha256) throw new InputError(file, `sha256 ${got} does not match the manifest's ${s.sha256}: the file changed or is corrupt`);
    done.push(`${s.file}: sha256 matches`);
    for (const ix of indexFilesOf(s.file, s.kind)) {
      if (s.kind === 'fasta' && ix.endsWith('.gzi') && !s.file.endsWith('.gz')) continue;
      if (!fs.existsSync(path.join(dir, ix))) throw new InputError(path.join(dir, ix), `missing: ${s.file} cannot be read by region without it`);
    }
    if (TABLES[s.kind]) done.push(checkSqlite(file, s));
    if (s.kind === 'gnomad') done.push(await checkGnomad(file, manifest.contigs.map((c) => c.name)));
  }
  return done;
}

function checkSqlite(file: string, s: SourceEntry): string {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new InputError(file, `not a readable SQLite database: ${(e as Error).message}`);
  }
  try {
    const check = db.prepare<[], { quick_check: string }>('PRAGMA quick_check').get();
    if (check?.quick_check !== 'ok') throw new InputError(file, `SQLite quick_check failed: ${check?.quick_check ?? 'no answer'}`);
    const have = new Set(db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => r.name));
    const missing = TABLES[s.kind].filter((t) => !have.has(t));
    if (missing.length > 0) throw new InputError(file, `lacks table(s) ${missing.join(', ')}: not a ${s.kind} source of this bundle format`);
    return `${s.file}: SQLite quick_check ok, tables present`;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, `not a readable SQLite database: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

async function checkGnomad(file: string, contigs: string[]): Promise<string> {
  const table = await GnomadTable.open(file);
  try {
    let rows = 0;
    for (const c of contigs) {
      rows += (await table.region(c, 1, 1_000_000)).length;
      if (rows > 0) break;
    }
    return `${path.basename(file)}.tbi: opens, region query returned ${rows} row(s) in the first Mb of the first contig with data`;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, `tabix index unusable: ${(e as Error).message}`);
  } finally {
    table.close();
  }
}
