// Decodes the fields of VCF data lines that every record needs (VCF 4.3 §1.6): POS, QUAL,
// whether CHROM, FILTER and FORMAT repeat the previous line's, the GT of one sample and the
// GT/DP/GQ/AD of one sample, exactly as src/io/vcfScanner.ts and src/io/vcfCallFields.ts read
// them. Whatever is not plain (a POS with a sign, a QUAL in exponent notation, a DP of "1e3", more
// than 4 alleles or AD entries) is flagged and left to the JavaScript reader, which also makes
// the error messages.
#pragma once
#include <cstddef>
#include <cstdint>

// Int32 row extension, after the findColumns row (columns.h) of `need + 5` ints:
enum DecodeSlot {
  D_POS = 0,       // POS, or -1: not a plain positive integer
  D_FLAGS,         // DecodeFlag bits
  D_GT_COUNT,      // alleles of the GT sample (scanner semantics: 0 without GT first in FORMAT)
  D_GT0,           // D_GT0 .. D_GT0 + 3: its allele indices (-1 missing)
  D_CALL_PLOIDY = D_GT0 + 4,
  D_CALL0,         // D_CALL0 .. + 3: the call sample's allele indices
  D_CALL_GT_START = D_CALL0 + 4,
  D_CALL_GT_END,
  D_CALL_GT_KEY,
  D_CALL_AD_COUNT,
  D_INT_SLOTS
};
// Float64 row: QUAL, DP, GQ, AD[0..3], INFO/MQ (NaN where absent).
enum DecodeFloatSlot { F_QUAL = 0, F_DP, F_GQ, F_AD0, F_MQ = F_AD0 + 4, F_FLOAT_SLOTS };

enum DecodeFlag {
  SAME_CHROM = 1,
  SAME_FILTER = 2,
  SAME_FORMAT = 4,
  QUAL_MISSING = 8,  // "."
  QUAL_OK = 16,      // F_QUAL holds it
  GT_OK = 32,        // D_GT_COUNT and D_GT0.. hold the scanner's GT
  CALL_OK = 64,      // the D_CALL_* slots and DP/GQ/AD hold the call fields
  MQ_OK = 128,       // F_MQ holds INFO/MQ (NaN: the record has none)
};

struct DecodeOptions {
  int need;          // findColumns' `need`
  int gtColumn;      // 0-based column of the sample whose GT the scanner reads, -1 for none
  int callColumn;    // 0-based column whose GT/DP/GQ/AD are read, -1 for none
  bool mq;           // read INFO/MQ into F_MQ
};

inline int decodeRowWidth(int need) { return need + 5 + D_INT_SLOTS; }

// Like findColumns, with the decoded fields in each data row's extension and `floats` rows.
size_t decodeLines(const uint8_t* buf, size_t from, size_t to, const DecodeOptions& o, int32_t* out, double* floats, size_t maxRows);
