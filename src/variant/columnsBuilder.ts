/**
 * Fills VariantColumns one allele at a time in growing typed arrays, then packs them into one
 * ArrayBuffer (plus the byte arena) for transfer. Used by the columnar reader inside a worker.
 */
import { ByteStringTable, StringTable } from './byteTables';
import { belowType, FloatColumn, floatType, IntColumn, intType, packColumns, PackSlot, UintColumn, uintType, WholeColumn, wholeType } from './columnsPacking';
import type { VariantColumns } from './variantColumns';

const INITIAL = 4096;
/** A builder grown past this many alleles (~100 MB, an un-indexed genome read as one shard) is not kept for reuse. */
const SPARE_MAX = 1 << 20;
/** Offsets into the arena are Uint32. */
const ARENA_MAX = 2 ** 32 - 1;

function grow<T extends Float64Array | Uint32Array | Int32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** The last builder of this thread: its grown arrays serve the next shard (no regrowth, no garbage). */
let spare: ColumnsBuilder | null = null;

export class ColumnsBuilder {
  /** An empty builder, reusing this thread's previous one when it has the same shape. */
  static reuse(members: number, family: boolean, info: boolean): ColumnsBuilder {
    if (spare !== null && spare.members === members && spare.family === family && spare.info === info) spare.reset();
    else spare = new ColumnsBuilder(members, family, info);
    return spare;
  }

  length = 0;
  private cap = INITIAL;
  pos = new Float64Array(INITIAL);
  qual = new Float64Array(INITIAL);
  mq = new Float64Array(INITIAL);
  line = new Float64Array(INITIAL);
  contig = new Uint32Array(INITIAL);
  filter = new Uint32Array(INITIAL);
  refStart = new Uint32Array(INITIAL);
  refLen = new Uint32Array(INITIAL);
  altStart = new Uint32Array(INITIAL);
  altLen = new Uint32Array(INITIAL);
  idStart = new Uint32Array(INITIAL);
  idLen = new Uint32Array(INITIAL);
  infoStart: Uint32Array;
  infoLen: Uint32Array;
  callTextStart: Uint32Array;
  callTextLen: Uint32Array;
  altIndex: Uint32Array;
  altCount: Uint32Array;
  zygosity = new Uint8Array(INITIAL);
  gt: Uint32Array;
  copies: Int32Array;
  ploidy: Int32Array;
  dp: Float64Array;
  gq: Float64Array;
  adRef: Float64Array;
  adAlt: Float64Array;
  arena = new Uint8Array(1 << 16);
  arenaLen = 0;
  chroms = new StringTable();
  filters = new StringTable();
  gts = new ByteStringTable();

  constructor(
    readonly members: number,
    readonly family: boolean,
    readonly info: boolean,
  ) {
    const m = INITIAL * members;
    this.infoStart = new Uint32Array(info ? INITIAL : 0);
    this.infoLen = new Uint32Array(info ? INITIAL : 0);
    this.callTextStart = new Uint32Array(info ? INITIAL : 0);
    this.callTextLen = new Uint32Array(info ? INITIAL : 0);
    this.altIndex = new Uint32Array(info ? INITIAL : 0);
    this.altCount = new Uint32Array(info ? INITIAL : 0);
    this.gt = new Uint32Array(m);
    this.copies = new Int32Array(m);
    this.ploidy = new Int32Array(m);
    this.dp = new Float64Array(m);
    this.gq = new Float64Array(m);
    this.adRef = new Float64Array(m);
    this.adAlt = new Float64Array(m);
  }

  /** Index of a new allele, whose columns the caller fills. */
  add(): number {
    if (this.length === this.cap) this.growTo(this.cap * 2);
    return this.length++;
  }

  private growTo(cap: number): void {
    const m = cap * this.members;
    this.pos = grow(this.pos, cap);
    this.qual = grow(this.qual, cap);
    this.mq = grow(this.mq, cap);
    this.line = grow(this.line, cap);
    this.contig = grow(this.contig, cap);
    this.filter = grow(this.filter, cap);
    this.refStart = grow(this.refStart, cap);
    this.refLen = grow(this.refLen, cap);
    this.altStart = grow(this.altStart, cap);
    this.altLen = grow(this.altLen, cap);
    this.idStart = grow(this.idStart, cap);
    this.idLen = grow(this.idLen, cap);
    if (this.info) {
      this.infoStart = grow(this.infoStart, cap);
      this.infoLen = grow(this.infoLen, cap);
      this.callTextStart = grow(this.callTextStart, cap);
      this.callTextLen = grow(this.callTextLen, cap);
      this.altIndex = grow(this.altIndex, cap);
      this.altCount = grow(this.altCount, cap);
    }
    this.zygosity = grow(this.zygosity, cap);
    this.gt = grow(this.gt, m);
    this.copies = grow(this.copies, m);
    this.ploidy = grow(this.ploidy, m);
    this.dp = grow(this.dp, m);
    this.gq = grow(this.gq, m);
    this.adRef = grow(this.adRef, m);
    this.adAlt = grow(this.adAlt, m);
    this.cap = cap;
  }

  private reserve(n: number): void {
    if (this.arenaLen + n <= this.arena.length) return;
    if (this.arenaLen + n > ARENA_MAX) throw new Error(`a shard's REF/ALT/ID/INFO text exceeds ${ARENA_MAX} bytes: index the VCF (tabix) so that it is read in shards`);
    this.arena = grow(this.arena, Math.min(ARENA_MAX, Math.max(this.arena.length * 2, this.arenaLen + n)));
  }

  /** Copies buf[s, e) to the arena and returns where it starts. */
  copyBytes(buf: Uint8Array, s: number, e: number): number {
    this.reserve(e - s);
    const at = this.arenaLen;
    const a = this.arena;
    if (e - s > 32) a.set(buf.subarray(s, e), at);
    else for (let i = s, j = at; i < e; i++, j++) a[j] = buf[i];
    this.arenaLen = at + (e - s);
    return at;
  }

  /** Copies the letters buf[s, e) to the arena in upper case (REF and ALT of [ACGTNacgtn] only). */
  copyUpper(buf: Uint8Array, s: number, e: number): number {
    this.reserve(e - s);
    const at = this.arenaLen;
    const a = this.arena;
    for (let i = s, j = at; i < e; i++, j++) a[j] = buf[i] & 0xdf;
    this.arenaLen = at + (e - s);
    return at;
  }

  /** Copies ASCII text (a left-aligned allele) to the arena. */
  copyText(text: string): number {
    this.reserve(text.length);
    const at = this.arenaLen;
    for (let i = 0; i < text.length; i++) this.arena[at + i] = text.charCodeAt(i);
    this.arenaLen = at + text.length;
    return at;
  }

  /**
   * Moves allele k back before the earlier alleles of its contig with a larger position: the step
   * of an insertion sort, so that after every add() the alleles are in position order within each
   * contig block (stable: equal positions keep reading order). A trimmed allele moves a few places.
   */
  settle(k: number): void {
    const p = this.pos[k];
    const c = this.contig[k];
    let j = k;
    while (j > 0 && this.pos[j - 1] > p && this.contig[j - 1] === c) j--;
    if (j === k) return;
    const m = this.members;
    for (const a of [this.pos, this.qual, this.mq, this.line, this.contig, this.filter, this.refStart, this.refLen, this.altStart, this.altLen, this.idStart, this.idLen, this.zygosity]) rotate(a, j, k, 1);
    if (this.info) for (const a of this.sourceColumns()) rotate(a, j, k, 1);
    if (m > 0) for (const a of [this.gt, this.copies, this.ploidy, this.dp, this.gq, this.adRef, this.adAlt]) rotate(a, j, k, m);
  }

  /** Reorders the alleles: allele i becomes the one that was at order[i]. Only the alleles that move are touched. */
  permute(order: ArrayLike<number>): void {
    const moved: number[] = [];
    for (let i = 0; i < this.length; i++) if (order[i] !== i) moved.push(i);
    if (moved.length === 0) return;
    const m = this.members;
    for (const a of [this.pos, this.qual, this.mq, this.line, this.contig, this.filter, this.refStart, this.refLen, this.altStart, this.altLen, this.idStart, this.idLen, this.zygosity]) reorder(a, order, moved, 1);
    if (this.info) for (const a of this.sourceColumns()) reorder(a, order, moved, 1);
    if (m > 0) for (const a of [this.gt, this.copies, this.ploidy, this.dp, this.gq, this.adRef, this.adAlt]) reorder(a, order, moved, m);
  }

  /** The columns kept with `info`: the record's own INFO and call text, and the allele's place among its ALTs. */
  private sourceColumns(): Uint32Array[] {
    return [this.infoStart, this.infoLen, this.callTextStart, this.callTextLen, this.altIndex, this.altCount];
  }

  /** Empties the builder for the next shard, keeping its arrays (the finished columns are copies). */
  reset(): void {
    this.length = 0;
    this.arenaLen = 0;
    this.chroms = new StringTable();
    this.filters = new StringTable();
    this.gts = new ByteStringTable();
  }

  /**
   * The columns in one packed ArrayBuffer, each in the narrowest exact type (./columnsPacking.ts),
   * plus an arena of the bytes used; the builder is spent.
   */
  finish(): VariantColumns {
    if (this.cap > SPARE_MAX && spare === this) spare = null;
    const n = this.length;
    const nm = n * this.members;
    const ni = this.info ? n : 0;
    const whole = (a: Float64Array, len: number): PackSlot => ({ src: a, length: len, type: wholeType(a, len) });
    const float = (a: Float64Array, len: number): PackSlot => ({ src: a, length: len, type: floatType(a, len) });
    const uint = (a: Uint32Array | Int32Array, len: number): PackSlot => ({ src: a, length: len, type: uintType(a, len) });
    // Offsets are at most the arena's length (an empty field at its end) and indices below their table's: no scan needed.
    const offset = (a: Uint32Array, len: number): PackSlot => ({ src: a, length: len, type: belowType(this.arenaLen + 1) });
    const index = (a: Uint32Array, len: number, table: string[]): PackSlot => ({ src: a, length: len, type: belowType(table.length) });
    const [pos, qual, mq, line, contig, filter, refStart, refLen, altStart, altLen, idStart, idLen, infoStart, infoLen, callTextStart, callTextLen, altIndex, altCount, zygosity, gt, copies, ploidy, dp, gq, adRef, adAlt] = packColumns([
      whole(this.pos, n),
      float(this.qual, n),
      float(this.mq, n),
      whole(this.line, n),
      index(this.contig, n, this.chroms.texts),
      index(this.filter, n, this.filters.texts),
      offset(this.refStart, n),
      uint(this.refLen, n),
      offset(this.altStart, n),
      uint(this.altLen, n),
      offset(this.idStart, n),
      uint(this.idLen, n),
      offset(this.infoStart, ni),
      uint(this.infoLen, ni),
      offset(this.callTextStart, ni),
      uint(this.callTextLen, ni),
      uint(this.altIndex, ni),
      uint(this.altCount, ni),
      { src: this.zygosity, length: n, type: Uint8Array },
      index(this.gt, nm, this.gts.texts),
      { src: this.copies, length: nm, type: intType(this.copies, nm) },
      uint(this.ploidy, nm),
      float(this.dp, nm),
      float(this.gq, nm),
      float(this.adRef, nm),
      float(this.adAlt, nm),
    ]);
    return {
      length: n,
      members: this.members,
      family: this.family,
      info: this.info,
      chroms: this.chroms.texts,
      filters: this.filters.texts,
      gts: this.gts.texts,
      pos: pos as WholeColumn,
      qual: qual as FloatColumn,
      mq: mq as FloatColumn,
      line: line as WholeColumn,
      contig: contig as UintColumn,
      filter: filter as UintColumn,
      refStart: refStart as UintColumn,
      refLen: refLen as UintColumn,
      altStart: altStart as UintColumn,
      altLen: altLen as UintColumn,
      idStart: idStart as UintColumn,
      idLen: idLen as UintColumn,
      infoStart: infoStart as UintColumn,
      infoLen: infoLen as UintColumn,
      callTextStart: callTextStart as UintColumn,
      callTextLen: callTextLen as UintColumn,
      altIndex: altIndex as UintColumn,
      altCount: altCount as UintColumn,
      zygosity: zygosity as Uint8Array,
      arena: this.arena.slice(0, this.arenaLen),
      gt: gt as UintColumn,
      copies: copies as IntColumn,
      ploidy: ploidy as UintColumn,
      dp: dp as FloatColumn,
      gq: gq as FloatColumn,
      adRef: adRef as FloatColumn,
      adAlt: adAlt as FloatColumn,
    };
  }
}

/** Moves entry k (`stride` values) to j, shifting entries j..k-1 up by one. */
function rotate(a: Float64Array | Uint32Array | Int32Array | Uint8Array, j: number, k: number, stride: number): void {
  const saved = Array.from(a.subarray(k * stride, (k + 1) * stride));
  a.copyWithin((j + 1) * stride, j * stride, k * stride);
  for (let x = 0; x < stride; x++) a[j * stride + x] = saved[x];
}

/** a[i] = old a[order[i]] for every i in `moved` (the indices that order does not fix: a permutation maps them onto themselves). */
function reorder(a: Float64Array | Uint32Array | Int32Array | Uint8Array, order: ArrayLike<number>, moved: number[], stride: number): void {
  const saved: number[] = [];
  for (const i of moved) for (let k = 0; k < stride; k++) saved.push(a[order[i] * stride + k]);
  let j = 0;
  for (const i of moved) for (let k = 0; k < stride; k++) a[i * stride + k] = saved[j++];
}
