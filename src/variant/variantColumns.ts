/**
 * A shard of normalised alleles as columns: typed arrays on two ArrayBuffers (one for the numbers,
 * one byte arena for REF, ALT, ID and INFO) and three small string tables. Plain data, never a class
 * instance, so it crosses the worker boundary by transfer (`columnsTransferList`) instead of a
 * structured clone of one object per allele. Read it through `ColumnsView` (./columnsView.ts).
 * Each numeric column is the narrowest typed array that holds its values exactly (./columnsPacking.ts):
 * index it, do not assume its element type.
 */
import type { FloatColumn, IntColumn, UintColumn, WholeColumn } from './columnsPacking';
import type { Zygosity } from './types';

/** Zygosity by its code in `VariantColumns.zygosity`. */
export const ZYGOSITIES: readonly Zygosity[] = ['het', 'hom', 'hemi', 'unknown'];

export interface VariantColumns {
  length: number;
  /** Members with call columns: 0 without calls, 1 for the proband alone, the family with --ped (proband first). */
  members: number;
  /** Calls are of a --ped family (`Variant.family` as well as `Variant.call`). */
  family: boolean;
  /**
   * The record's own fields are kept: INFO, FORMAT and the proband's column, and the allele's place
   * among the record's ALTs (the columns from `infoStart` to `altCount` have one entry per allele).
   */
  info: boolean;
  /** Canonical contig names, FILTER texts and GT texts, indexed by `contig`, `filter` and `gt`. */
  chroms: string[];
  filters: string[];
  gts: string[];
  /** 1-based position. */
  pos: WholeColumn;
  /** NaN for "." (QUAL is otherwise a finite number). */
  qual: FloatColumn;
  /** INFO/MQ, the RMS mapping quality of the site's reads; NaN when the record has none or it was not read (ReadOptions.mappingQuality). */
  mq: FloatColumn;
  /** 1-based line in the VCF, 0 when not known (a shard that starts mid-file). */
  line: WholeColumn;
  contig: UintColumn;
  filter: UintColumn;
  /** Byte ranges in `arena`: REF and ALT upper-case ASCII (after trimming), ID, INFO and call text UTF-8 as written. */
  refStart: UintColumn;
  refLen: UintColumn;
  altStart: UintColumn;
  altLen: UintColumn;
  idStart: UintColumn;
  idLen: UintColumn;
  infoStart: UintColumn;
  infoLen: UintColumn;
  /** FORMAT and the proband's column, joined by a tab, in `arena`; length 0 without a sample column. */
  callTextStart: UintColumn;
  callTextLen: UintColumn;
  /** 1-based index of the allele among its record's ALTs, and how many ALTs the record has. */
  altIndex: UintColumn;
  altCount: UintColumn;
  /** Code into ZYGOSITIES. */
  zygosity: Uint8Array;
  arena: Uint8Array;
  /**
   * Call columns, `members` entries per allele (member m of allele i at i * members + m). Missing
   * values are NaN for dp and gq, -1 for copies; adRef/adAlt are NaN when the AD pair is absent.
   */
  gt: UintColumn;
  copies: IntColumn;
  ploidy: UintColumn;
  dp: FloatColumn;
  gq: FloatColumn;
  adRef: FloatColumn;
  adAlt: FloatColumn;
}

/** The buffers to transfer with `cols` (postMessage transfer list, or piscina's transferableSymbol). */
export function columnsTransferList(cols: VariantColumns): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const v of Object.values(cols)) {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.buffer.byteLength > 0) out.add(v.buffer);
  }
  return [...out];
}
