import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors';
import type { TermInput } from './hpoInput';

/** What a run takes from a GA4GH Phenopacket v2 (phenopacket-schema 2.0 JSON). */
export interface PhenopacketInput {
  observed: TermInput[];
  excluded: TermInput[];
  sex: 'male' | 'female' | 'unknown';
  /** The first VCF named in files[], resolved to a local path, if any. */
  vcf?: string;
  /** The sample id that files[].individualToFileIdentifiers maps the subject to, if given. */
  sample?: string;
}

interface PhenopacketJson {
  subject?: { id?: string; sex?: string };
  phenotypicFeatures?: Array<{ type?: { id?: string }; excluded?: boolean }>;
  files?: Array<{ uri?: string; fileAttributes?: Record<string, string>; individualToFileIdentifiers?: Record<string, string> }>;
}

const HPO_ID = /^HP:\d{7}$/;

export function readPhenopacket(file: string): PhenopacketInput {
  if (!fs.existsSync(file)) throw new InputError(file, 'no such file');
  let pp: PhenopacketJson;
  try {
    pp = JSON.parse(fs.readFileSync(file, 'utf8')) as PhenopacketJson;
  } catch (e) {
    throw new InputError(file, `not valid JSON: ${(e as Error).message}`);
  }
  if (!pp || typeof pp !== 'object' || !Array.isArray(pp.phenotypicFeatures)) throw new InputError(file, 'not a phenopacket: no phenotypicFeatures array');
  const observed: TermInput[] = [];
  const excluded: TermInput[] = [];
  pp.phenotypicFeatures.forEach((f, i) => {
    const id = f?.type?.id ?? '';
    if (!HPO_ID.test(id)) throw new InputError(file, `phenotypicFeatures[${i}].type.id "${String(id).slice(0, 40)}" is not an HPO id`);
    (f.excluded === true ? excluded : observed).push({ id, source: `${file} phenotypicFeatures[${i}]` });
  });
  const sexText = (pp.subject?.sex ?? '').toUpperCase();
  const sex = sexText === 'MALE' ? 'male' : sexText === 'FEMALE' ? 'female' : 'unknown';
  const vcfFile = (pp.files ?? []).find((x) => /vcf/i.test(x.fileAttributes?.fileFormat ?? '') || /\.vcf(\.gz|\.bgz)?$/i.test(x.uri ?? ''));
  let vcf: string | undefined;
  if (vcfFile?.uri) {
    // A relative path or file:// URI is resolved against the phenopacket's folder; http(s) is refused (no downloads).
    if (/^https?:/i.test(vcfFile.uri)) throw new InputError(file, `files[].uri ${vcfFile.uri} is remote; download it and pass --vcf`);
    vcf = vcfFile.uri.startsWith('file:') ? fileURLToPath(vcfFile.uri) : path.resolve(path.dirname(file), vcfFile.uri);
  }
  const sample = vcfFile?.individualToFileIdentifiers && pp.subject?.id ? vcfFile.individualToFileIdentifiers[pp.subject.id] : undefined;
  return { observed, excluded, sex, ...(vcf ? { vcf } : {}), ...(sample ? { sample } : {}) };
}
