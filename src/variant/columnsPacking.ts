/**
 * Packing the builder's columns into one ArrayBuffer, each column in the narrowest typed array
 * that holds every one of its values exactly: a reader indexing the column gets the same numbers
 * as from the builder's wide arrays. Why: the columns cross the worker boundary as fresh memory,
 * and with the proband call the wide types (Float64 for DP/GQ/AD, 32 bits for a GT index, copies
 * and ploidy) were 44 of ~101 bytes per allele, nearly all of it zeros.
 */

export type FloatColumn = Float64Array | Float32Array;
/** A Float64 column of integers (POS, line) stored unsigned when they all fit. */
export type WholeColumn = Float64Array | Uint32Array | Uint16Array | Uint8Array;
export type UintColumn = Uint32Array | Uint16Array | Uint8Array;
export type IntColumn = Int32Array | Int16Array | Int8Array;
type Column = FloatColumn | UintColumn | IntColumn;
type ColumnType =
  | Float64ArrayConstructor
  | Float32ArrayConstructor
  | Uint32ArrayConstructor
  | Uint16ArrayConstructor
  | Uint8ArrayConstructor
  | Int32ArrayConstructor
  | Int16ArrayConstructor
  | Int8ArrayConstructor;

/** One column to pack: its first `length` values of `src`, stored as `type`. */
export interface PackSlot {
  src: Column;
  length: number;
  type: ColumnType;
}

/** Float32Array when every value (NaN included) is a float32 exactly, else Float64Array. */
export function floatType(a: Float64Array, n: number): ColumnType {
  for (let i = 0; i < n; i++) {
    const x = a[i];
    if (Math.fround(x) !== x && x === x) return Float64Array;
  }
  return Float32Array;
}

/** The narrowest unsigned type holding a[0, n) when all are integers in [0, 2^32), else Float64Array. */
export function wholeType(a: Float64Array, n: number): ColumnType {
  let max = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    // x >>> 0 === x: an integer in [0, 2^32) (NaN and fractions fail; -0 would read back as 0, and POS and line numbers are never -0).
    if (x >>> 0 !== x) return Float64Array;
    if (x > max) max = x;
  }
  return max <= 0xff ? Uint8Array : max <= 0xffff ? Uint16Array : Uint32Array;
}

/** The narrowest unsigned type for integers known to be below `limit` (arena offsets, table indices): no scan. */
export function belowType(limit: number): ColumnType {
  return limit <= 0x100 ? Uint8Array : limit <= 0x10000 ? Uint16Array : Uint32Array;
}

/** The narrowest unsigned type for the non-negative integers a[0, n). */
export function uintType(a: Uint32Array | Int32Array, n: number): ColumnType {
  let max = 0;
  for (let i = 0; i < n; i++) if (a[i] > max) max = a[i];
  return max <= 0xff ? Uint8Array : max <= 0xffff ? Uint16Array : Uint32Array;
}

/** The narrowest signed type for the integers a[0, n). */
export function intType(a: Int32Array, n: number): ColumnType {
  let min = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    if (x > max) max = x;
    else if (x < min) min = x;
  }
  if (min >= -0x80 && max <= 0x7f) return Int8Array;
  return min >= -0x8000 && max <= 0x7fff ? Int16Array : Int32Array;
}

/**
 * Copies every slot into one new ArrayBuffer and returns the views in slot order. Wider elements
 * are placed first so that every view is aligned to its element size.
 */
export function packColumns(slots: PackSlot[]): Column[] {
  const order = slots.map((_, i) => i).sort((a, b) => slots[b].type.BYTES_PER_ELEMENT - slots[a].type.BYTES_PER_ELEMENT || a - b);
  let bytes = 0;
  for (const s of slots) bytes += s.type.BYTES_PER_ELEMENT * s.length;
  const packed = new ArrayBuffer(bytes);
  const out: Column[] = new Array<Column>(slots.length);
  let at = 0;
  for (const i of order) {
    const s = slots[i];
    const view = new s.type(packed, at, s.length);
    view.set(s.src.subarray(0, s.length));
    out[i] = view;
    at += s.type.BYTES_PER_ELEMENT * s.length;
  }
  return out;
}
