/**
 * Writes one contig run of a shard's annotated variants as a columnar spill chunk (spillColumns.ts).
 * This runs on the annotating workers for every allele of a genome, so it only copies numbers into
 * growing typed arrays, repeated strings into one interned table and the rest into text columns: no
 * per-allele buffers, no structured-clone walk of every object.
 */
import * as v8 from 'node:v8';
import type { AnnotatedVariant, TranscriptCall } from '../annotate/types';
import type { PluginFacts } from '../plugins/types';
import type { MemberCall } from '../variant/memberCall';
import type { VariantColumns } from '../variant/variantColumns';
import { ABSENT, CALL_COUNTS, Flag, GNOMAD_COUNTS, GNOMAD_FREQS, NULL, Tag, ZYGOSITIES } from './spillColumns';
import { FrameWriter } from './spillFrame';

/** What rare alleles carry beyond the columns; the store never reads it. */
export interface SpillExtras {
  family?: MemberCall[];
  plugins?: PluginFacts;
  /** Per gene entry, its `--transcripts all` list (null where the entry has none). */
  transcripts?: Array<TranscriptCall[] | null>;
}

type NumArray = Int32Array | Float64Array | Uint8Array;

/** A typed array that doubles when full. */
class Growing<A extends NumArray> {
  private a: A;
  length = 0;

  constructor(private readonly make: (n: number) => A, capacity: number) {
    this.a = make(Math.max(16, capacity));
  }

  push(x: number): void {
    if (this.length === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = x;
  }

  view(): A {
    return this.a.subarray(0, this.length) as A;
  }
}

const i32 = (n: number): Growing<Int32Array> => new Growing((k) => new Int32Array(k), n);
const f64 = (n: number): Growing<Float64Array> => new Growing((k) => new Float64Array(k), n);
const u8 = (n: number): Growing<Uint8Array> => new Growing((k) => new Uint8Array(k), n);

const ZYGOSITY_CODE = new Map<string, number>(ZYGOSITIES.map((z, i) => [z, i]));

/** Interned strings of one chunk. */
class StringTable {
  readonly list: string[] = [];
  private readonly codes = new Map<string, number>();
  private readonly single = new Int32Array(128).fill(-1);

  code(s: string): number {
    // Most alleles are one base: their codes without hashing.
    if (s.length === 1) {
      const k = s.charCodeAt(0);
      if (k < 128) {
        const known = this.single[k];
        if (known >= 0) return known;
        return (this.single[k] = this.intern(s));
      }
    }
    return this.intern(s);
  }

  private intern(s: string): number {
    let c = this.codes.get(s);
    if (c === undefined) {
      c = this.list.length;
      this.codes.set(s, c);
      this.list.push(s);
    }
    return c;
  }

  optional(s: string | null | undefined): number {
    return s === undefined ? ABSENT : s === null ? NULL : this.code(s);
  }
}

/**
 * The reader's columns the variants were made from, when they kept the records' own fields:
 * variant k of a chunk is allele `from + k` of `cols`. The fields then go from the columns' bytes
 * into the chunk as they are, with no string per allele on the annotating workers.
 */
export interface SourceColumns {
  cols: VariantColumns;
  from: number;
}

/** Copies arena[s, s + n) to out at `at` (short ranges by hand: a subarray per allele costs more). */
function copyRange(out: Buffer, at: number, arena: Uint8Array, s: number, n: number): void {
  if (n > 48) out.set(arena.subarray(s, s + n), at);
  else for (let i = 0; i < n; i++) out[at + i] = arena[s + i];
}

/** The records' own fields of `n` alleles straight from the reader's columns (see SourceColumns). */
function writeSourceColumns(w: FrameWriter, src: SourceColumns, n: number): void {
  const c = src.cols;
  const infoLen = new Int32Array(n);
  const callLen = new Int32Array(n);
  const alt = new Int32Array(2 * n);
  let infoBytes = 0;
  let callBytes = 0;
  for (let k = 0; k < n; k++) {
    const i = src.from + k;
    infoLen[k] = c.infoLen[i];
    infoBytes += c.infoLen[i];
    const len = c.callTextLen[i];
    callLen[k] = len === 0 ? -1 : len;
    callBytes += len;
    alt[2 * k] = c.altIndex[i];
    alt[2 * k + 1] = c.altCount[i];
  }
  const info = Buffer.allocUnsafe(infoBytes);
  const call = Buffer.allocUnsafe(callBytes);
  for (let k = 0, a = 0, b = 0; k < n; k++) {
    const i = src.from + k;
    copyRange(info, a, c.arena, c.infoStart[i], infoLen[k]);
    a += infoLen[k];
    if (callLen[k] > 0) {
      copyRange(call, b, c.arena, c.callTextStart[i], callLen[k]);
      b += callLen[k];
    }
  }
  w.textBytes(Tag.SourceInfo, infoLen, info);
  w.textBytes(Tag.SourceCall, callLen, call);
  w.array(Tag.SourceAlt, alt);
}

/**
 * Encodes `variants` (all on one contig) into a chunk file at `file`. Returns the distinct FILTER
 * values (sorted), which the chunk's listing carries. The records' own fields come from `source`
 * when given (the annotating workers), else from each variant's `source` (a shard file, `merge`).
 */
export function writeSpillChunk(file: string, variants: AnnotatedVariant[], source: SourceColumns | null = null): string[] {
  const n = variants.length;
  const strings = new StringTable();
  const chrom = strings.code(variants[0].chrom);
  const pos = new Int32Array(n);
  const line = new Float64Array(n);
  const qual = new Float64Array(n);
  const mappingQuality = f64(16);
  const flags = new Uint8Array(n);
  const ref = new Int32Array(n);
  const alt = new Int32Array(n);
  const id = new Array<string>(n);
  const filter = new Int32Array(n);
  const zygosity = new Uint8Array(n);
  const consequence = new Int32Array(n);
  const geneCount = new Int32Array(n);
  const gene = i32(n);
  const transcript = i32(n);
  const geneCsq = i32(n);
  const termCount = i32(n);
  const terms = i32(n);
  const location = i32(n);
  const mane = u8(n);
  const hgvsC: Array<string | null | undefined> = [];
  const hgvsP: Array<string | null | undefined> = [];
  const gnomadFreqs = f64(n * GNOMAD_FREQS);
  const gnomadCounts = f64(n * GNOMAD_COUNTS);
  const gnomadNulls = u8(n);
  const grpmax = i32(n);
  const gnomadFilter = i32(n);
  const clinvarText = i32(64);
  const stars = f64(16);
  const conditionCount = i32(16);
  const conditions = i32(16);
  const callGt = i32(n);
  const callCounts = f64(n * CALL_COUNTS);
  const callGq = f64(n);
  const callNulls = u8(n);
  const extras: SpillExtras[] = [];
  const sourceInfo: string[] = [];
  const sourceCall: Array<string | null> = [];
  const sourceAlt = i32(16);
  const filterCodes = new Set<number>();
  for (let i = 0; i < n; i++) {
    const v = variants[i];
    if (v.chrom !== variants[0].chrom) throw new Error(`spill chunk mixes contigs ${variants[0].chrom} and ${v.chrom}`);
    let f = 0;
    pos[i] = v.pos;
    if (v.line === null) f |= Flag.LineNull;
    else line[i] = v.line;
    if (v.qual === null) f |= Flag.QualNull;
    else qual[i] = v.qual;
    if (v.mappingQuality !== undefined) {
      f |= Flag.MappingQuality;
      mappingQuality.push(v.mappingQuality);
    }
    ref[i] = strings.code(v.ref);
    alt[i] = strings.code(v.alt);
    id[i] = v.id;
    filter[i] = strings.code(v.filter);
    filterCodes.add(filter[i]);
    const z = ZYGOSITY_CODE.get(v.zygosity);
    if (z === undefined) throw new Error(`unknown zygosity ${v.zygosity}`);
    zygosity[i] = z;
    consequence[i] = strings.code(v.consequence);
    geneCount[i] = v.genes.length;
    let txLists: Array<TranscriptCall[] | null> | null = null;
    for (let k = 0; k < v.genes.length; k++) {
      const g = v.genes[k];
      gene.push(strings.code(g.gene));
      transcript.push(strings.code(g.transcript));
      geneCsq.push(strings.code(g.consequence));
      termCount.push(g.terms.length);
      for (const t of g.terms) terms.push(strings.code(t));
      location.push(strings.optional(g.location));
      mane.push(g.maneSelect ? 1 : 0);
      hgvsC.push(g.hgvsC);
      hgvsP.push(g.hgvsP);
      if (g.transcripts !== undefined) (txLists ??= new Array<TranscriptCall[] | null>(v.genes.length).fill(null))[k] = g.transcripts;
    }
    const gn = v.gnomad;
    if (gn) {
      f |= Flag.Gnomad;
      gnomadFreqs.push(gn.af);
      gnomadFreqs.push(gn.grpmaxAf ?? 0);
      gnomadCounts.push(gn.ac ?? 0);
      gnomadCounts.push(gn.an ?? 0);
      gnomadCounts.push(gn.nhomalt ?? 0);
      gnomadNulls.push((gn.ac === null ? 1 : 0) | (gn.an === null ? 2 : 0) | (gn.nhomalt === null ? 4 : 0) | (gn.grpmaxAf === null ? 8 : 0));
      grpmax.push(strings.code(gn.grpmax));
      gnomadFilter.push(strings.code(gn.filter));
    }
    const cv = v.clinvar;
    if (cv) {
      f |= Flag.Clinvar;
      clinvarText.push(strings.code(cv.id));
      clinvarText.push(strings.code(cv.significance));
      clinvarText.push(strings.code(cv.reviewStatus));
      stars.push(cv.stars);
      conditionCount.push(cv.conditions.length);
      for (const c of cv.conditions) conditions.push(strings.code(c));
    }
    const call = v.call;
    if (call) {
      f |= Flag.Call;
      callGt.push(strings.code(call.gt));
      callCounts.push(call.copies ?? 0);
      callCounts.push(call.ploidy);
      callCounts.push(call.dp ?? 0);
      callCounts.push(call.ad ? call.ad[0] : 0);
      callCounts.push(call.ad ? call.ad[1] : 0);
      callGq.push(call.gq ?? 0);
      callNulls.push((call.copies === null ? 1 : 0) | (call.dp === null ? 2 : 0) | (call.gq === null ? 4 : 0) | (call.ad === null ? 8 : 0));
    }
    if (v.family !== undefined || v.plugins !== undefined || txLists !== null) {
      f |= Flag.Extra;
      const e: SpillExtras = {};
      if (v.family !== undefined) e.family = v.family;
      if (v.plugins !== undefined) e.plugins = v.plugins;
      if (txLists !== null) e.transcripts = txLists;
      extras.push(e);
    }
    const src = v.source;
    if (source !== null) {
      if (source.cols.info) f |= Flag.Source;
    } else if (src) {
      f |= Flag.Source;
      sourceInfo.push(src.info);
      sourceCall.push(src.call);
      sourceAlt.push(src.altIndex);
      sourceAlt.push(src.altCount);
    }
    flags[i] = f;
  }
  const w = new FrameWriter();
  w.array(Tag.Head, Int32Array.of(n, chrom));
  w.texts(Tag.Strings, strings.list);
  w.array(Tag.Pos, pos);
  w.numbers(Tag.Line, line);
  w.numbers(Tag.Qual, qual);
  w.array(Tag.Flags, flags);
  w.numbers(Tag.MappingQuality, mappingQuality.view());
  w.array(Tag.Ref, ref);
  w.array(Tag.Alt, alt);
  w.texts(Tag.Id, id);
  w.array(Tag.Filter, filter);
  w.array(Tag.Zygosity, zygosity);
  w.array(Tag.Consequence, consequence);
  w.array(Tag.GeneCount, geneCount);
  w.array(Tag.Gene, gene.view());
  w.array(Tag.Transcript, transcript.view());
  w.array(Tag.GeneConsequence, geneCsq.view());
  w.array(Tag.TermCount, termCount.view());
  w.array(Tag.Terms, terms.view());
  w.array(Tag.Location, location.view());
  w.array(Tag.Mane, mane.view());
  w.texts(Tag.HgvsC, hgvsC);
  w.texts(Tag.HgvsP, hgvsP);
  w.array(Tag.GnomadFreqs, gnomadFreqs.view());
  w.numbers(Tag.GnomadCounts, gnomadCounts.view());
  w.array(Tag.GnomadNulls, gnomadNulls.view());
  w.array(Tag.GnomadGrpmax, grpmax.view());
  w.array(Tag.GnomadFilter, gnomadFilter.view());
  w.array(Tag.ClinvarText, clinvarText.view());
  w.numbers(Tag.ClinvarStars, stars.view());
  w.array(Tag.ConditionCount, conditionCount.view());
  w.array(Tag.Conditions, conditions.view());
  w.array(Tag.CallGt, callGt.view());
  w.numbers(Tag.CallCounts, callCounts.view());
  w.numbers(Tag.CallGq, callGq.view());
  w.array(Tag.CallNulls, callNulls.view());
  w.bytes(Tag.Extras, extras.length > 0 ? v8.serialize(extras) : Buffer.alloc(0));
  if (source !== null && source.cols.info) writeSourceColumns(w, source, n);
  else {
    w.texts(Tag.SourceInfo, sourceInfo);
    w.texts(Tag.SourceCall, sourceCall);
    w.array(Tag.SourceAlt, sourceAlt.view());
  }
  w.writeTo(file);
  return [...filterCodes].map((c) => strings.list[c]).sort();
}
