import { InputError } from '../../errors';
import type { HpoTermInput } from '../hpoTypes';
import type { ParsedOntology } from './hpoJson';
import { readLines } from './lines';

/**
 * Reads hp.obo (OBO flat file format 1.4): [Term] stanzas with id, name, is_a, alt_id, is_obsolete
 * and replaced_by. Parents are checked once all stanzas are read.
 */
export function parseHpoObo(file: string): ParsedOntology {
  const terms = new Map<string, HpoTermInput>();
  const isaLines = new Map<string, number[]>();
  let version = 'unknown';
  let current: HpoTermInput | null = null;
  let inTerm = false;
  for (const { text, lineNo } of readLines(file)) {
    const line = text.trim();
    if (line.startsWith('[')) {
      inTerm = line === '[Term]';
      current = null;
      continue;
    }
    if (!inTerm && line.startsWith('data-version:')) version = /(\d{4}-\d{2}-\d{2})/.exec(line)?.[1] ?? line.slice(13).trim();
    if (!inTerm || line === '' || line.startsWith('!')) continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new InputError(file, `"${line.slice(0, 40)}" is not a tag: value line`, lineNo);
    const tag = line.slice(0, colon);
    const value = line.slice(colon + 1).replace(/\s!.*$/, '').trim();
    if (tag === 'id') {
      if (!/^HP:\d{7}$/.test(value)) {
        inTerm = false;
        continue;
      }
      if (terms.has(value)) throw new InputError(file, `term ${value} defined twice`, lineNo);
      current = { id: value, label: '', parents: [], altIds: [], obsolete: false };
      terms.set(value, current);
      continue;
    }
    if (!current) throw new InputError(file, `${tag} before the id of its [Term] stanza`, lineNo);
    if (tag === 'name') current.label = value;
    else if (tag === 'is_a') {
      current.parents.push(value.split(/\s/)[0]);
      const list = isaLines.get(current.id) ?? [];
      list.push(lineNo);
      isaLines.set(current.id, list);
    } else if (tag === 'alt_id') current.altIds.push(value);
    else if (tag === 'is_obsolete') current.obsolete = value === 'true';
    else if (tag === 'replaced_by') current.replacedBy = value;
  }
  if (terms.size === 0) throw new InputError(file, 'no HP [Term] stanzas found: is this hp.obo?');
  for (const t of terms.values()) {
    t.parents.forEach((p, i) => {
      if (!terms.has(p)) throw new InputError(file, `${t.id} is_a ${p}: the parent is not a term of the ontology`, isaLines.get(t.id)?.[i]);
    });
  }
  return { terms: [...terms.values()], version };
}
