import { aa3, aa3s } from './translate';

/** What the protein comparison found: the SO term it implies and the HGVS p. description. */
export interface ProteinChange {
  term: 'synonymous_variant' | 'stop_retained_variant' | 'start_retained_variant' | 'start_lost' | 'stop_lost' | 'stop_gained' | 'frameshift_variant' | 'missense_variant' | 'inframe_insertion' | 'inframe_deletion';
  /** HGVS p. description without the `p.` and the parentheses, e.g. `Ala331Thr`, `Ser1982ArgfsTer22`. */
  description: string;
}

/**
 * Describes the change from the reference peptide to the variant peptide, both one-letter, the
 * reference ending in `*` and the variant one cut after its first `*` (or left open when no stop
 * was reached). `firstCodon` is the 0-based codon where the DNA change starts (for `=`).
 * HGVS protein recommendations (varnomen): substitution, deletion, duplication, insertion,
 * deletion-insertion, frame shift (`fsTer` counts the first changed residue as 1) and extension
 * (`extTer` counts the residues added after the former stop), p.Met1? for initiation codon loss,
 * and the most C-terminal (3') description of deletions and insertions in repeats.
 */
export function describeProteinChange(ref: string, alt: string, frameshift: boolean, firstCodon: number): ProteinChange {
  let i = 0;
  const common = Math.min(ref.length, alt.length);
  while (i < common && ref.charCodeAt(i) === alt.charCodeAt(i)) i++;
  if (i === ref.length && i === alt.length) {
    const at = Math.min(firstCodon, ref.length - 1);
    const term = ref[at] === '*' ? 'stop_retained_variant' : at === 0 && ref[0] === 'M' ? 'start_retained_variant' : 'synonymous_variant';
    return { term, description: `${aa3(ref[at])}${at + 1}=` };
  }
  if (i === 0 && ref[0] === 'M') return { term: 'start_lost', description: 'Met1?' };
  if (i >= ref.length) return { term: 'synonymous_variant', description: '=' }; // reference without stop: nothing comparable left
  const altStop = alt.indexOf('*', i);
  if (ref[i] === '*') {
    // No-stop change: residues after the former stop are numbered *1, *2, ... (extension).
    if (i >= alt.length) return { term: 'stop_lost', description: `Ter${i + 1}?` };
    return { term: 'stop_lost', description: `Ter${i + 1}${aa3(alt[i])}ext${altStop < 0 ? 'Ter?' : `Ter${altStop - i}`}` };
  }
  if (i < alt.length && alt[i] === '*') return { term: 'stop_gained', description: `${aa3(ref[i])}${i + 1}Ter` };
  if (frameshift) {
    if (i >= alt.length) return { term: 'frameshift_variant', description: `${aa3(ref[i])}${i + 1}fs` };
    return { term: 'frameshift_variant', description: `${aa3(ref[i])}${i + 1}${aa3(alt[i])}fs${altStop < 0 ? 'Ter?' : `Ter${altStop - i + 1}`}` };
  }
  // In frame: trim the common C-terminal part too (never overlapping the common prefix).
  let j = 0;
  while (j < ref.length - i && j < alt.length - i && ref.charCodeAt(ref.length - 1 - j) === alt.charCodeAt(alt.length - 1 - j)) j++;
  const del = ref.slice(i, ref.length - j);
  const ins = alt.slice(i, alt.length - j);
  const at = (k: number): string => `${aa3(ref[k])}${k + 1}`;
  const span = (a: number, b: number): string => (a === b ? at(a) : `${at(a)}_${at(b)}`);
  if (del.length === 1 && ins.length === 1) return { term: 'missense_variant', description: `${at(i)}${aa3(ins)}` };
  if (del.length === 0) {
    // The greedy prefix already put the insertion at its most C-terminal position; a copy of the
    // residues just before it is a duplication.
    const n = ins.length;
    if (i - n >= 0 && ref.slice(i - n, i) === ins) return { term: 'inframe_insertion', description: `${span(i - n, i - 1)}dup` };
    return { term: 'inframe_insertion', description: `${at(i - 1)}_${at(i)}ins${aa3s(ins)}` };
  }
  if (ins.length === 0) return { term: 'inframe_deletion', description: `${span(i, i + del.length - 1)}del` };
  const term = ins.length > del.length ? 'inframe_insertion' : ins.length < del.length ? 'inframe_deletion' : 'missense_variant';
  return { term, description: `${span(i, i + del.length - 1)}delins${aa3s(ins)}` };
}
