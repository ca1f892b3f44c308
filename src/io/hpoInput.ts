import * as fs from 'node:fs';
import { InputError } from '../errors';

/** A term id as the user gave it, with where it came from for error messages. */
export interface TermInput {
  id: string;
  source: string;
  line?: number;
}

const HPO_ID = /^HP:\d{7}$/;

/** Terms from `--hpo A,B` and from a file with one term per line (`#` comments and blank lines ignored). */
export function readTermInputs(list: string | undefined, file: string | undefined, optionName: string): TermInput[] {
  const out: TermInput[] = [];
  if (list) {
    for (const raw of list.split(',')) {
      const id = raw.trim();
      if (!id) continue;
      if (!HPO_ID.test(id)) throw new InputError(optionName, `"${id}" is not an HPO id (expected HP:0000000)`);
      out.push({ id, source: optionName });
    }
  }
  if (file) {
    if (!fs.existsSync(file)) throw new InputError(file, 'no such file');
    const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
    lines.forEach((text, i) => {
      // Allow "HP:0001250<tab>Seizure" as well as a bare id.
      const id = text.replace(/#.*/, '').trim().split(/\s+/)[0];
      if (!id) return;
      if (!HPO_ID.test(id)) throw new InputError(file, `"${id}" is not an HPO id (expected HP:0000000)`, i + 1);
      out.push({ id, source: file, line: i + 1 });
    });
  }
  return out;
}
