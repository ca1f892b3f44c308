/**
 * Rebuilds objects from a chunk's columns, in two forms: whole AnnotatedVariants (the shard file,
 * `merge`, tests: every field, keys in the annotator's order so JSON is byte-identical), and the
 * store's StoredVariants straight from the columns (what the encoders read, with none of the fields
 * the store drops and no AnnotatedVariant in between).
 */
import * as v8 from 'node:v8';
import type { ConsequenceTerm } from '../annotate/soTerms';
import type { AnnotatedVariant, ClinvarFacts, GeneConsequence, GnomadFacts, SourceFields } from '../annotate/types';
import type { StoredCall, StoredVariant } from '../store/types';
import type { MemberCall } from '../variant/memberCall';
import { ABSENT, CALL_COUNTS, CLINVAR_TEXT, Flag, GNOMAD_COUNTS, GNOMAD_FREQS, NULL, SpillColumns, ZYGOSITIES } from './spillColumns';
import type { SpillExtras } from './spillEncode';
import { SpillFormatError } from './spillFrame';

/** Walks the nested columns alongside the alleles: where each allele's genes, terms and facts start. */
class Cursor {
  gene = 0;
  term = 0;
  gnomad = 0;
  clinvar = 0;
  condition = 0;
  call = 0;
  mq = 0;
  extra = 0;
  source = 0;

  constructor(private readonly c: SpillColumns) {}

  optional(k: number): string | null | undefined {
    return k === ABSENT ? undefined : k === NULL ? null : this.c.strings[k];
  }

  terms(g: number): ConsequenceTerm[] {
    const c = this.c;
    const out = new Array<ConsequenceTerm>(c.termCount[g]);
    for (let t = 0; t < out.length; t++) out[t] = c.strings[c.terms[this.term++]] as ConsequenceTerm;
    return out;
  }

  gnomadFacts(): GnomadFacts {
    const c = this.c;
    const r = this.gnomad++;
    const f = r * GNOMAD_FREQS;
    const k = r * GNOMAD_COUNTS;
    const nulls = c.gnomadNulls[r];
    const freq = c.gnomadFreqs;
    const count = c.gnomadCounts;
    return { af: freq[f], ac: nulls & 1 ? null : count[k], an: nulls & 2 ? null : count[k + 1], nhomalt: nulls & 4 ? null : count[k + 2], grpmaxAf: nulls & 8 ? null : freq[f + 1], grpmax: c.strings[c.gnomadGrpmax[r]], filter: c.strings[c.gnomadFilter[r]] };
  }

  clinvarFacts(): ClinvarFacts {
    const c = this.c;
    const r = this.clinvar++;
    const conditions = new Array<string>(c.conditionCount[r]);
    for (let k = 0; k < conditions.length; k++) conditions[k] = c.strings[c.conditions[this.condition++]];
    const t = r * CLINVAR_TEXT;
    return { id: c.strings[c.clinvarText[t]], significance: c.strings[c.clinvarText[t + 1]], reviewStatus: c.strings[c.clinvarText[t + 2]], stars: c.clinvarStars[r], conditions };
  }

  memberCall(): MemberCall {
    const c = this.c;
    const r = this.call++;
    const at = r * CALL_COUNTS;
    const nulls = c.callNulls[r];
    const num = c.callCounts;
    return { gt: c.strings[c.callGt[r]], copies: nulls & 1 ? null : num[at], ploidy: num[at + 1], dp: nulls & 2 ? null : num[at + 2], gq: nulls & 4 ? null : c.callGq[r], ad: nulls & 8 ? null : [num[at + 3], num[at + 4]] };
  }

  sourceFields(): SourceFields {
    const c = this.c;
    const r = this.source++;
    return { info: c.sourceInfo[r], call: c.sourceCall[r], altIndex: c.sourceAlt[2 * r], altCount: c.sourceAlt[2 * r + 1] };
  }

  /** The store's form of the call: no copies or ploidy. */
  storedCall(): StoredCall {
    const c = this.c;
    const r = this.call++;
    const at = r * CALL_COUNTS;
    const nulls = c.callNulls[r];
    const num = c.callCounts;
    return { gt: c.strings[c.callGt[r]], dp: nulls & 2 ? null : num[at + 2], gq: nulls & 4 ? null : c.callGq[r], ad: nulls & 8 ? null : [num[at + 3], num[at + 4]] };
  }
}

/** Every allele of the chunk as the annotator made it (read order). */
export function annotatedRows(c: SpillColumns): AnnotatedVariant[] {
  const extras = readExtras(c);
  const at = new Cursor(c);
  const s = c.strings;
  const out = new Array<AnnotatedVariant>(c.count);
  for (let i = 0; i < c.count; i++) {
    const f = c.flags[i];
    const extra = f & Flag.Extra ? extras[at.extra++] : null;
    const genes = new Array<GeneConsequence>(c.geneCount[i]);
    for (let k = 0; k < genes.length; k++) {
      const g = at.gene++;
      const entry: GeneConsequence = { gene: s[c.gene[g]], transcript: s[c.transcript[g]], consequence: s[c.geneConsequence[g]] as ConsequenceTerm, terms: at.terms(g), location: at.optional(c.location[g]) as string | null, maneSelect: c.mane[g] === 1, hgvsC: c.hgvsC[g], hgvsP: c.hgvsP[g] };
      const tx = extra?.transcripts?.[k];
      if (tx) entry.transcripts = tx;
      genes[k] = entry;
    }
    const v: AnnotatedVariant = {
      chrom: c.chrom,
      pos: c.pos[i],
      ref: s[c.ref[i]],
      alt: s[c.alt[i]],
      id: c.id[i],
      filter: s[c.filter[i]],
      qual: f & Flag.QualNull ? null : c.qual[i],
      zygosity: ZYGOSITIES[c.zygosity[i]],
      line: f & Flag.LineNull ? null : c.line[i],
      consequence: s[c.consequence[i]] as ConsequenceTerm,
      genes,
      gnomad: f & Flag.Gnomad ? at.gnomadFacts() : null,
      clinvar: f & Flag.Clinvar ? at.clinvarFacts() : null,
    };
    if (f & Flag.Call) v.call = at.memberCall();
    if (f & Flag.MappingQuality) v.mappingQuality = c.mappingQuality[at.mq++];
    if (extra?.family !== undefined) v.family = extra.family;
    if (extra?.plugins !== undefined) v.plugins = extra.plugins;
    if (f & Flag.Source) v.source = at.sourceFields();
    out[i] = v;
  }
  return out;
}

const NO_REASONS: StoredVariant['reportable'] = [];
const NO_GENES: GeneConsequence[] = [];

/** Whether the n gene entries from entry a (terms from ta) hold the same string codes as those from b (tb). */
function sameGenes(c: SpillColumns, a: number, ta: number, b: number, tb: number, n: number): boolean {
  for (let k = 0; k < n; k++, a++, b++) {
    const terms = c.termCount[a];
    if (c.gene[a] !== c.gene[b] || c.transcript[a] !== c.transcript[b] || c.geneConsequence[a] !== c.geneConsequence[b] || c.location[a] !== c.location[b] || c.mane[a] !== c.mane[b] || terms !== c.termCount[b]) return false;
    for (let t = 0; t < terms; t++) if (c.terms[ta + t] !== c.terms[tb + t]) return false;
    ta += terms;
    tb += terms;
  }
  return true;
}

/**
 * A store row and, apart (no tier but the cold one writes it, and lookups never return it), the
 * input record's own fields.
 */
export interface StoreRow {
  stored: StoredVariant;
  source: SourceFields | null;
}

/**
 * Every allele of the chunk as the store keeps it (toStored's fields and key order), with row,
 * candidateRank and reportable left for the contig encoder to fill in store order.
 */
export function storedRows(c: SpillColumns): StoreRow[] {
  const at = new Cursor(c);
  const s = c.strings;
  const out = new Array<StoreRow>(c.count);
  // Neighbouring alleles mostly fall in the same gene with the same consequence (an intron): they
  // share one genes list, which the store only reads, so its encoders can also reuse what they
  // made of it (coldFormat.ts ColdLineMemo).
  let prevGenes: GeneConsequence[] = NO_GENES;
  let prevGene = 0;
  let prevTerm = 0;
  for (let i = 0; i < c.count; i++) {
    const f = c.flags[i];
    const n = c.geneCount[i];
    let genes: GeneConsequence[];
    if (n === 0) genes = NO_GENES;
    else if (n === prevGenes.length && sameGenes(c, prevGene, prevTerm, at.gene, at.term, n)) {
      genes = prevGenes;
      prevGene = at.gene;
      prevTerm = at.term;
      for (let k = 0; k < n; k++) at.term += c.termCount[at.gene++];
    } else {
      prevGene = at.gene;
      prevTerm = at.term;
      genes = new Array<GeneConsequence>(n);
      for (let k = 0; k < n; k++) {
        const g = at.gene++;
        // toStored: an empty location is stored as null.
        const location = c.location[g];
        genes[k] = { gene: s[c.gene[g]], transcript: s[c.transcript[g]], consequence: s[c.geneConsequence[g]] as ConsequenceTerm, terms: at.terms(g), location: location < 0 ? null : s[location] || null, maneSelect: c.mane[g] === 1 };
      }
    }
    prevGenes = genes;
    const id = c.id[i];
    const filter = s[c.filter[i]];
    const stored: StoredVariant = {
      row: 0,
      chrom: c.chrom,
      pos1: c.pos[i],
      ref: s[c.ref[i]],
      alt: s[c.alt[i]],
      id: id || '.',
      filter: filter || '.',
      qual: f & Flag.QualNull ? null : c.qual[i],
      zygosity: ZYGOSITIES[c.zygosity[i]],
      line: f & Flag.LineNull ? null : c.line[i],
      consequence: s[c.consequence[i]],
      genes,
      gnomad: f & Flag.Gnomad ? at.gnomadFacts() : null,
      clinvar: f & Flag.Clinvar ? at.clinvarFacts() : null,
      candidateRank: null,
      reportable: NO_REASONS,
      call: f & Flag.Call ? at.storedCall() : null,
    };
    out[i] = { stored, source: f & Flag.Source ? at.sourceFields() : null };
  }
  return out;
}

function readExtras(c: SpillColumns): SpillExtras[] {
  if (c.extraCount === 0) return [];
  let extras: unknown;
  try {
    extras = v8.deserialize(c.extras);
  } catch (e) {
    throw new SpillFormatError(`extras unreadable (${(e as Error).message})`);
  }
  if (!Array.isArray(extras) || extras.length !== c.extraCount) throw new SpillFormatError('extras do not match their rows');
  return extras as SpillExtras[];
}
