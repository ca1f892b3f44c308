import { InputError } from '../../errors';
import type { DiseaseAnnotationInput, DiseaseInheritanceInput } from '../hpoTypes';
import { readLines } from './lines';

export interface ParsedHpoa {
  annotations: DiseaseAnnotationInput[];
  inheritance: DiseaseInheritanceInput[];
  version: string;
  counts: { rows: number; diseases: number; phenotypeRows: number; inheritanceRows: number; otherAspect: number };
}

/**
 * HPO frequency terms (HP:0040279 subtree) as the fraction of patients, taken as the middle of the
 * range each term's definition gives (HPO "Frequency" subontology).
 */
const FREQUENCY_TERMS: Record<string, number> = {
  'HP:0040280': 1.0, // Obligate: 100%
  'HP:0040281': 0.895, // Very frequent: 80-99%
  'HP:0040282': 0.545, // Frequent: 30-79%
  'HP:0040283': 0.17, // Occasional: 5-29%
  'HP:0040284': 0.025, // Very rare: 1-4%
  'HP:0040285': 0, // Excluded: 0%
};
export const EXCLUDED_FREQUENCY = 'HP:0040285';

/**
 * The HPOA Frequency column (hpo-annotation format, column 8): an HPO frequency term, a ratio `n/m`
 * of patients, a percentage `x%`, or empty. Returns the fraction, null when empty, undefined when
 * the text is none of these.
 */
export function parseFrequency(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (t in FREQUENCY_TERMS) return FREQUENCY_TERMS[t];
  const ratio = /^(\d+)\/(\d+)$/.exec(t);
  if (ratio) {
    const [n, m] = [Number(ratio[1]), Number(ratio[2])];
    return m > 0 && n <= m ? n / m : undefined;
  }
  const pct = /^(\d+(?:\.\d+)?)%$/.exec(t);
  if (pct && Number(pct[1]) <= 100) return Number(pct[1]) / 100;
  return undefined;
}

const HP_ID = /^HP:\d{7}$/;
const DISEASE_ID = /^[A-Za-z]+:\S+$/;

/**
 * Reads phenotype.hpoa. Both header spellings share the column order
 * `DatabaseID DiseaseName Qualifier HPO_ID Reference Evidence Onset Frequency Sex Modifier Aspect Biocuration`.
 * Aspect P rows are phenotype annotations; I rows are modes of inheritance; C (clinical course)
 * and M (modifier) rows are counted and not used for matching. Qualifier NOT negates.
 */
export function parseHpoa(file: string): ParsedHpoa {
  const out: ParsedHpoa = { annotations: [], inheritance: [], version: 'unknown', counts: { rows: 0, diseases: 0, phenotypeRows: 0, inheritanceRows: 0, otherAspect: 0 } };
  const diseases = new Set<string>();
  let sawHeader = false;
  for (const { text, lineNo } of readLines(file)) {
    if (text.length === 0) continue;
    if (text.startsWith('#')) {
      const date = /^#date:\s*(\S+)/.exec(text);
      if (date) out.version = date[1];
      if (/^#?(DatabaseID|database_id)\t/.test(text)) sawHeader = true;
      continue;
    }
    if (/^database_id\t/.test(text)) {
      sawHeader = true;
      continue;
    }
    if (!sawHeader) throw new InputError(file, 'data before the column header (#DatabaseID or database_id ...): not a phenotype.hpoa file', lineNo);
    const c = text.split('\t');
    if (c.length < 11) throw new InputError(file, `row has ${c.length} columns, phenotype.hpoa has 12`, lineNo);
    const [diseaseId, diseaseName, qualifier, termId, , , , frequencyText, , , aspect] = c;
    if (!DISEASE_ID.test(diseaseId)) throw new InputError(file, `DatabaseID "${diseaseId.slice(0, 30)}" is not a disease id like OMIM:147920`, lineNo);
    if (!HP_ID.test(termId)) throw new InputError(file, `HPO_ID "${termId.slice(0, 30)}" is not an HPO id like HP:0001250`, lineNo);
    out.counts.rows++;
    diseases.add(diseaseId);
    if (aspect === 'I') {
      out.counts.inheritanceRows++;
      out.inheritance.push({ diseaseId, modeId: termId });
    } else if (aspect === 'P') {
      const frequency = parseFrequency(frequencyText);
      if (frequency === undefined) throw new InputError(file, `Frequency "${frequencyText.slice(0, 30)}" is not an HPO frequency term, n/m or x%`, lineNo);
      out.counts.phenotypeRows++;
      out.annotations.push({ diseaseId, diseaseName, termId, frequency, negated: qualifier.toUpperCase() === 'NOT' || frequencyText.trim() === EXCLUDED_FREQUENCY });
    } else {
      out.counts.otherAspect++;
    }
  }
  out.counts.diseases = diseases.size;
  return out;
}
