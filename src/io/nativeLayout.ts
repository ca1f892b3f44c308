/**
 * Row layouts of the native decodeLines (native/src/decode.h, columns.h), mirrored here; the
 * addon reports its own (decodeLayout) and test/io/native.test.ts checks that the two agree.
 */

/** Int32 row head: line end, columns found (-1 header, 0 empty), CR LF flag, then the column starts. */
export const ROW_END = 0;
export const ROW_FOUND = 1;
export const ROW_CRLF = 2;
export const ROW_COLS = 3;
/** The head's width for columns up to `need`; the decoded slots follow it. */
export const headWidth = (need: number): number => need + 5;

/** Decoded slots after the head. */
export const D_POS = 0;
export const D_FLAGS = 1;
export const D_GT_COUNT = 2;
export const D_GT0 = 3;
export const D_CALL_PLOIDY = 7;
export const D_CALL0 = 8;
export const D_CALL_GT_START = 12;
export const D_CALL_GT_END = 13;
export const D_CALL_GT_KEY = 14;
export const D_CALL_AD_COUNT = 15;
export const D_INT_SLOTS = 16;

/** Float64 row: QUAL, DP, GQ, AD[0..3], INFO/MQ. */
export const F_QUAL = 0;
export const F_DP = 1;
export const F_GQ = 2;
export const F_AD0 = 3;
export const F_MQ = 7;
export const F_FLOAT_SLOTS = 8;

/** D_FLAGS bits. */
export const SAME_CHROM = 1;
export const SAME_FILTER = 2;
export const SAME_FORMAT = 4;
export const QUAL_MISSING = 8;
export const QUAL_OK = 16;
export const GT_OK = 32;
export const CALL_OK = 64;
export const MQ_OK = 128;
