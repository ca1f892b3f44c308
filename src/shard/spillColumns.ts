/**
 * A spill chunk as columns (the layout both sides share): one typed array per numeric field, every
 * repeated string (alleles, FILTER, consequence terms, genes, transcripts, gnomAD and ClinVar text)
 * as an index into the chunk's string table, which holds each distinct string once. IDs and HGVS
 * are nearly all distinct: interning them cost the annotating workers more (a hash map the size
 * of the chunk) than it saved, so they are plain text columns. Nested
 * parts are flat columns of their own with a count per parent (genes per allele, terms per gene,
 * conditions per ClinVar record); gnomAD, ClinVar and the call have one row per allele that has
 * them. What the store never reads and few runs have (family calls, plugin outputs, the transcript
 * lists of `--transcripts all`) stays v8-serialised in one blob, decoded only when whole variants
 * are rebuilt (the shard file, tests).
 */
import { FrameReader, SpillFormatError } from './spillFrame';

/** Section tags, in file order; texts take two (lengths, bytes). */
export const enum Tag {
  Head = 1,
  Strings,
  StringBytes,
  Pos,
  Line,
  Qual,
  Flags,
  MappingQuality,
  Ref,
  Alt,
  Id,
  IdBytes,
  Filter,
  Zygosity,
  Consequence,
  GeneCount,
  Gene,
  Transcript,
  GeneConsequence,
  TermCount,
  Terms,
  Location,
  Mane,
  HgvsC,
  HgvsCBytes,
  HgvsP,
  HgvsPBytes,
  GnomadFreqs,
  GnomadCounts,
  GnomadNulls,
  GnomadGrpmax,
  GnomadFilter,
  ClinvarText,
  ClinvarStars,
  ConditionCount,
  Conditions,
  CallGt,
  CallCounts,
  CallGq,
  CallNulls,
  Extras,
  SourceInfo,
  SourceInfoBytes,
  SourceCall,
  SourceCallBytes,
  SourceAlt,
}

/** Per-allele flag bits. */
export const enum Flag {
  QualNull = 1,
  LineNull = 2,
  Gnomad = 4,
  Clinvar = 8,
  Call = 16,
  Extra = 32,
  /** The input record's own fields (AnnotatedVariant.source). */
  Source = 64,
  /** INFO/MQ (AnnotatedVariant.mappingQuality), one MappingQuality entry per allele flagged. */
  MappingQuality = 128,
}

/** String index for an optional string: the key absent (undefined) or null. */
export const ABSENT = -2;
export const NULL = -1;

/**
 * gnomAD per row: af and grpmaxAf (GnomadFreqs), ac, an and nhomalt (GnomadCounts, whole numbers:
 * apart, they are narrowed to Int32). Null bits in GnomadNulls: ac 1, an 2, nhomalt 4, grpmaxAf 8.
 */
export const GNOMAD_FREQS = 2;
export const GNOMAD_COUNTS = 3;
/**
 * Call per row: copies, ploidy, dp, ad[0], ad[1] (CallCounts) and GQ on its own (CallGq: some
 * callers write it with decimals, which would keep the counts from being narrowed to Int32).
 * Null bits in CallNulls: copies 1, dp 2, gq 4, ad 8.
 */
export const CALL_COUNTS = 5;
/** ClinVar strings per row: id, significance, review status. */
export const CLINVAR_TEXT = 3;

export const ZYGOSITIES = ['het', 'hom', 'hemi', 'unknown'] as const;

export interface SpillColumns {
  count: number;
  strings: string[];
  chrom: string;
  pos: Int32Array;
  line: Float64Array;
  qual: Float64Array;
  /** INFO/MQ of the alleles flagged MappingQuality, in order. */
  mappingQuality: Float64Array;
  flags: Uint8Array;
  ref: Int32Array;
  alt: Int32Array;
  id: string[];
  filter: Int32Array;
  zygosity: Uint8Array;
  consequence: Int32Array;
  /** Per allele. */
  geneCount: Int32Array;
  /** Per gene entry. */
  gene: Int32Array;
  transcript: Int32Array;
  geneConsequence: Int32Array;
  termCount: Int32Array;
  location: Int32Array;
  mane: Uint8Array;
  hgvsC: Array<string | null | undefined>;
  hgvsP: Array<string | null | undefined>;
  /** Flat over gene entries. */
  terms: Int32Array;
  /** Per allele with gnomAD facts. */
  gnomadFreqs: Float64Array;
  gnomadCounts: Float64Array;
  gnomadNulls: Uint8Array;
  gnomadGrpmax: Int32Array;
  gnomadFilter: Int32Array;
  /** Per allele with ClinVar facts. */
  clinvarText: Int32Array;
  clinvarStars: Float64Array;
  conditionCount: Int32Array;
  conditions: Int32Array;
  /** Per allele with a call. */
  callGt: Int32Array;
  callCounts: Float64Array;
  callGq: Float64Array;
  callNulls: Uint8Array;
  /** The alleles flagged Extra have their SpillExtras, in order, in this v8 blob, read on demand. */
  extraCount: number;
  extras: Buffer;
  /** Per allele flagged Source: the record's INFO and call text, and altIndex, altCount (SourceAlt, two per row). */
  sourceInfo: string[];
  sourceCall: Array<string | null>;
  sourceAlt: Int32Array;
}

/** Reads a chunk's columns, checking that every count and string index fits. */
export function readColumns(reader: FrameReader): SpillColumns {
  const head = reader.i32(Tag.Head, 2);
  const n = head[0];
  const strings = reader.texts(Tag.Strings, -1, false) as string[];
  const chrom = strings[head[1]];
  if (chrom === undefined) throw new SpillFormatError('contig name missing');
  const pos = reader.i32(Tag.Pos, n);
  const line = reader.f64(Tag.Line, n);
  const qual = reader.f64(Tag.Qual, n);
  const flags = reader.u8(Tag.Flags, n);
  let mqs = 0;
  for (let i = 0; i < n; i++) if (flags[i] & Flag.MappingQuality) mqs++;
  const mappingQuality = reader.f64(Tag.MappingQuality, mqs);
  let gnomads = 0;
  let clinvars = 0;
  let calls = 0;
  let extraCount = 0;
  let sources = 0;
  for (let i = 0; i < n; i++) {
    const f = flags[i];
    if (f & Flag.Source) sources++;
    if (f & Flag.Gnomad) gnomads++;
    if (f & Flag.Clinvar) clinvars++;
    if (f & Flag.Call) calls++;
    if (f & Flag.Extra) extraCount++;
  }
  const s = strings.length;
  const ref = indices(reader.i32(Tag.Ref, n), s, false);
  const alt = indices(reader.i32(Tag.Alt, n), s, false);
  const id = reader.texts(Tag.Id, n, false) as string[];
  const filter = indices(reader.i32(Tag.Filter, n), s, false);
  const zygosity = reader.u8(Tag.Zygosity, n);
  for (const z of zygosity) if (z >= ZYGOSITIES.length) throw new SpillFormatError('zygosity code out of range');
  const consequence = indices(reader.i32(Tag.Consequence, n), s, false);
  const geneCount = reader.i32(Tag.GeneCount, n);
  const genes = sum(geneCount);
  const gene = indices(reader.i32(Tag.Gene, genes), s, false);
  const transcript = indices(reader.i32(Tag.Transcript, genes), s, false);
  const geneConsequence = indices(reader.i32(Tag.GeneConsequence, genes), s, false);
  const termCount = reader.i32(Tag.TermCount, genes);
  const terms = indices(reader.i32(Tag.Terms, sum(termCount)), s, false);
  const location = indices(reader.i32(Tag.Location, genes), s, true);
  const mane = reader.u8(Tag.Mane, genes);
  const hgvsC = reader.texts(Tag.HgvsC, genes, true);
  const hgvsP = reader.texts(Tag.HgvsP, genes, true);
  const gnomadFreqs = reader.f64(Tag.GnomadFreqs, gnomads * GNOMAD_FREQS);
  const gnomadCounts = reader.f64(Tag.GnomadCounts, gnomads * GNOMAD_COUNTS);
  const gnomadNulls = reader.u8(Tag.GnomadNulls, gnomads);
  const gnomadGrpmax = indices(reader.i32(Tag.GnomadGrpmax, gnomads), s, false);
  const gnomadFilter = indices(reader.i32(Tag.GnomadFilter, gnomads), s, false);
  const clinvarText = indices(reader.i32(Tag.ClinvarText, clinvars * CLINVAR_TEXT), s, false);
  const clinvarStars = reader.f64(Tag.ClinvarStars, clinvars);
  const conditionCount = reader.i32(Tag.ConditionCount, clinvars);
  const conditions = indices(reader.i32(Tag.Conditions, sum(conditionCount)), s, false);
  const callGt = indices(reader.i32(Tag.CallGt, calls), s, false);
  const callCounts = reader.f64(Tag.CallCounts, calls * CALL_COUNTS);
  const callGq = reader.f64(Tag.CallGq, calls);
  const callNulls = reader.u8(Tag.CallNulls, calls);
  const extras = reader.bytes(Tag.Extras);
  const sourceInfo = reader.texts(Tag.SourceInfo, sources, false) as string[];
  const sourceCall = reader.texts(Tag.SourceCall, sources, true) as Array<string | null>;
  if (sourceCall.some((t) => t === undefined)) throw new SpillFormatError('source call text absent');
  const sourceAlt = reader.i32(Tag.SourceAlt, sources * 2);
  reader.end();
  return { count: n, strings, chrom, pos, line, qual, mappingQuality, flags, ref, alt, id, filter, zygosity, consequence, geneCount, gene, transcript, geneConsequence, termCount, location, mane, hgvsC, hgvsP, terms, gnomadFreqs, gnomadCounts, gnomadNulls, gnomadGrpmax, gnomadFilter, clinvarText, clinvarStars, conditionCount, conditions, callGt, callCounts, callGq, callNulls, extraCount, extras, sourceInfo, sourceCall, sourceAlt };
}

function sum(counts: Int32Array): number {
  let total = 0;
  for (const c of counts) {
    if (c < 0) throw new SpillFormatError('negative count');
    total += c;
  }
  return total;
}

/** String indices must name a string of the table; optional ones may also be ABSENT or NULL. */
function indices(a: Int32Array, strings: number, optional: boolean): Int32Array {
  const low = optional ? ABSENT : 0;
  for (const k of a) if (k < low || k >= strings) throw new SpillFormatError('string index out of range');
  return a;
}
