import * as fs from 'node:fs';
import { InputError } from '../errors';

/** Sex as PLINK PED column 5 codes it: 1 male, 2 female, anything else unknown. */
export type PedSex = 'male' | 'female' | 'unknown';

/** One row of a PLINK PED file (the six pedigree columns; genotype columns, if any, are ignored). */
export interface PedIndividual {
  family: string;
  id: string;
  /** null for "0" (founder or not in the file). */
  father: string | null;
  mother: string | null;
  sex: PedSex;
  /** PED column 6: 2 affected, 1 unaffected, 0 or -9 unknown (null). */
  affected: boolean | null;
  /** 1-based line in the PED file, for messages. */
  line: number;
}

export interface Pedigree {
  file: string;
  individuals: PedIndividual[];
}

const MISSING_PARENT = new Set(['0', '.', '']);

function parseSex(code: string): PedSex {
  if (code === '1') return 'male';
  if (code === '2') return 'female';
  return 'unknown';
}

function parseAffection(code: string, file: string, line: number): boolean | null {
  if (code === '2') return true;
  if (code === '1') return false;
  if (code === '0' || code === '-9') return null;
  throw new InputError(file, `phenotype "${code}" in column 6 is not 2 (affected), 1 (unaffected) or 0/-9 (unknown); quantitative traits are not supported`, line);
}

/**
 * Parses PLINK PED text (https://www.cog-genomics.org/plink/2.0/formats#fam): whitespace-separated
 * family, individual, father, mother, sex, phenotype. `#` starts a comment (as peddy and slivar
 * allow a `#family_id ...` header). Duplicate individual ids are an error, as in PLINK: a sample
 * can only be matched to one VCF column.
 */
export function parsePed(text: string, file: string): Pedigree {
  const individuals: PedIndividual[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const body = raw.replace(/#.*/, '').trim();
    if (!body) return;
    const f = body.split(/\s+/);
    if (f.length < 6) throw new InputError(file, `${f.length} column(s); a PED line needs 6: family, individual, father, mother, sex, phenotype`, line);
    const [family, id, father, mother, sex, pheno] = f;
    const first = seen.get(id);
    if (first !== undefined) throw new InputError(file, `individual "${id}" appears twice (first on line ${first}); individual ids must be unique`, line);
    seen.set(id, line);
    if (father === id || mother === id) throw new InputError(file, `individual "${id}" is named as its own parent`, line);
    individuals.push({
      family,
      id,
      father: MISSING_PARENT.has(father) ? null : father,
      mother: MISSING_PARENT.has(mother) ? null : mother,
      sex: parseSex(sex),
      affected: parseAffection(pheno, file, line),
      line,
    });
  });
  if (individuals.length === 0) throw new InputError(file, 'no individuals (expected lines of family, individual, father, mother, sex, phenotype)');
  for (const p of individuals) {
    const father = p.father ? individuals.find((q) => q.id === p.father) : undefined;
    const mother = p.mother ? individuals.find((q) => q.id === p.mother) : undefined;
    if (father && father.sex === 'female') throw new InputError(file, `"${p.father}" is the father of "${p.id}" but has sex 2 (female)`, p.line);
    if (mother && mother.sex === 'male') throw new InputError(file, `"${p.mother}" is the mother of "${p.id}" but has sex 1 (male)`, p.line);
  }
  return { file, individuals };
}

export function readPed(file: string): Pedigree {
  if (!fs.existsSync(file)) throw new InputError(file, 'no such file');
  return parsePed(fs.readFileSync(file, 'utf8'), file);
}
