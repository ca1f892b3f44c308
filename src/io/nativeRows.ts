import type { CallFields } from './vcfCallFields';
import { D_CALL0, D_CALL_AD_COUNT, D_CALL_GT_END, D_CALL_GT_KEY, D_CALL_GT_START, D_CALL_PLOIDY, F_AD0, F_DP, F_FLOAT_SLOTS, F_GQ } from './nativeLayout';

/**
 * The rows the native decodeLines writes (layout in ./nativeLayout.ts), as the scanner reads them:
 * the tables reused by every scan of a thread, and a row's call fields as readCallFields writes them.
 */

/** The call fields of a decoded row (nativeLayout.ts), as readCallFields would have written them. */
export function callFromRow(ints: Int32Array, x: number, floats: Float64Array, fo: number, f: CallFields): void {
  const ploidy = ints[x + D_CALL_PLOIDY];
  for (let j = 0; j < ploidy; j++) f.alleles[j] = ints[x + D_CALL0 + j];
  f.ploidy = ploidy;
  f.gtStart = ints[x + D_CALL_GT_START];
  f.gtEnd = ints[x + D_CALL_GT_END];
  f.gtKey = ints[x + D_CALL_GT_KEY];
  const adCount = ints[x + D_CALL_AD_COUNT];
  for (let j = 0; j < adCount; j++) f.ad[j] = floats[fo + F_AD0 + j];
  f.adCount = adCount;
  f.dp = floats[fo + F_DP];
  f.gq = floats[fo + F_GQ];
}

export interface DecodeTables {
  ints: Int32Array;
  floats: Float64Array;
}

/** Rows of native decodeLines results, reused by every scan of this thread. */
let tables: DecodeTables = { ints: new Int32Array(0), floats: new Float64Array(0) };

/** 2,048 lines per native call: the call's fixed cost spread thin, the rows still in L2 cache. */
const ROWS_PER_CALL = 2048;

export function decodeTables(width: number): DecodeTables {
  if (tables.ints.length !== ROWS_PER_CALL * width) tables = { ints: new Int32Array(ROWS_PER_CALL * width), floats: new Float64Array(ROWS_PER_CALL * F_FLOAT_SLOTS) };
  return tables;
}
