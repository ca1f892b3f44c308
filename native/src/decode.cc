#include "decode.h"

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>

#include "columns.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();
// Larger allele indices go to the JavaScript reader (they would not fit an int32 slot there either).
const double kMaxAllele = 1e6;

// CHROM, FILTER and FORMAT against the previous line's: short, so compared 8 bytes at a time inline
// (the last word overlapping the one before it) rather than through a memcmp call.
bool sameBytes(const uint8_t* buf, int32_t aStart, int32_t aLen, int32_t bStart, int32_t bLen) {
  if (aStart < 0 || aLen != bLen) return false;
  const uint8_t* a = buf + aStart;
  const uint8_t* b = buf + bStart;
  const size_t n = static_cast<size_t>(aLen);
  if (n < 8) {
    for (size_t i = 0; i < n; i++)
      if (a[i] != b[i]) return false;
    return true;
  }
  uint64_t x, y;
  for (size_t i = 0; i + 8 < n; i += 8) {
    std::memcpy(&x, a + i, 8);
    std::memcpy(&y, b + i, 8);
    if (x != y) return false;
  }
  std::memcpy(&x, a + n - 8, 8);
  std::memcpy(&y, b + n - 8, 8);
  return x == y;
}

// src/io/plainDecimal.ts plainDecimal: the same double arithmetic, so the same value.
bool plainDecimal(const uint8_t* buf, size_t s, size_t e, double* out) {
  if (e <= s || e - s > 15) return false;
  double v = 0;
  double scale = 0;
  for (size_t i = s; i < e; i++) {
    const uint8_t c = buf[i];
    if (c >= '0' && c <= '9') {
      v = v * 10 + (c - '0');
      if (scale != 0) scale *= 10;
    } else if (c == '.' && scale == 0 && i > s && i + 1 < e) {
      scale = 1;
    } else {
      return false;
    }
  }
  *out = scale != 0 ? v / scale : v;
  return true;
}

// vcfScanner.ts parsePos for the plain case: digits, no leading zero, 15 digits at most; else -1.
int32_t plainPos(const uint8_t* buf, size_t s, size_t e) {
  if (e <= s || e - s > 9 || buf[s] == '0') return -1;  // 9 digits: any chromosome position, within int32
  int32_t v = 0;
  for (size_t i = s; i < e; i++) {
    const uint8_t c = buf[i];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// vcfScanner.ts readGt: GT first in FORMAT, alleles split by / or |. Returns false when the
// JavaScript reader must do it (more than 4 alleles, a huge index).
bool scannerGt(const uint8_t* buf, size_t fmtS, size_t fmtE, size_t s, size_t e, int32_t* alleles, int32_t* count) {
  *count = 0;
  if (fmtE - fmtS < 2 || buf[fmtS] != 'G' || buf[fmtS + 1] != 'T' || (fmtE - fmtS > 2 && buf[fmtS + 2] != ':')) return true;
  int n = 0;
  double v = -2;
  for (size_t i = s; i <= e; i++) {
    const uint8_t c = i == e ? ':' : buf[i];
    if (c == ':' || c == '/' || c == '|') {
      if (n == 4 || v > kMaxAllele) return false;
      alleles[n++] = v == -2 ? -1 : static_cast<int32_t>(v);
      if (c == ':') {
        *count = n;
        return true;
      }
      v = -2;
    } else if (c == '.') {
      v = -1;
    } else if (c >= '0' && c <= '9') {
      v = (v < 0 ? 0 : v) * 10 + (c - '0');
    } else {
      *count = 0;
      return true;
    }
  }
  *count = n;
  return true;
}

// vcfSampleFields.ts parseFormatKeys into vcfCallFields.ts ops: what to do with each FORMAT key.
enum Op : uint8_t { SKIP = 0, OP_GT, OP_DP, OP_GQ, OP_AD };
const int kMaxOps = 64;

int formatOps(const uint8_t* buf, size_t s, size_t e, uint8_t* ops) {
  int gt = -1, dp = -1, gq = -1, ad = -1;
  int k = 0;
  size_t from = s;
  for (size_t i = s; i <= e; i++) {
    if (i < e && buf[i] != ':') continue;
    if (i - from == 2) {
      const uint8_t a = buf[from], b = buf[from + 1];
      if (a == 'G' && b == 'T') gt = k;
      else if (a == 'D' && b == 'P') dp = k;
      else if (a == 'G' && b == 'Q') gq = k;
      else if (a == 'A' && b == 'D') ad = k;
    }
    k++;
    from = i + 1;
  }
  int n = 0;
  for (int x : {gt, dp, gq, ad}) n = x + 1 > n ? x + 1 : n;
  if (n > kMaxOps) return -1;
  std::memset(ops, SKIP, static_cast<size_t>(n));
  if (gt >= 0) ops[gt] = OP_GT;
  if (dp >= 0) ops[dp] = OP_DP;
  if (gq >= 0) ops[gq] = OP_GQ;
  if (ad >= 0) ops[ad] = OP_AD;
  return n;
}

// vcfCallFields.ts numberAt for the cases it reads from bytes, plus "." and empty (NaN). Returns
// where the number ends, or SIZE_MAX when the JavaScript reader must read it (sign, exponent...).
size_t numberAt(const uint8_t* buf, size_t s, size_t e, bool commaEnds, double* out) {
  double v = 0;
  size_t i = s;
  uint8_t c = ':';
  for (; i < e; i++) {
    c = buf[i];
    if (c < '0' || c > '9') break;
    v = v * 10 + (c - '0');
  }
  const bool ends = i == e || c == ':' || (commaEnds && c == ',');
  if (ends && i > s && i - s <= 15) {
    *out = v;
    return i;
  }
  if (ends && i == s) {  // empty: null
    *out = kNaN;
    return i;
  }
  if (c == '.' && i == s) {  // ".": null
    const size_t j = i + 1;
    if (j == e || buf[j] == ':' || (commaEnds && buf[j] == ',')) {
      *out = kNaN;
      return j;
    }
    return SIZE_MAX;
  }
  if (c != '.' || ends) return SIZE_MAX;
  double scale = 1;
  const size_t first = ++i;
  for (; i < e; i++) {
    c = buf[i];
    if (c < '0' || c > '9') break;
    v = v * 10 + (c - '0');
    scale *= 10;
  }
  if (i == first || i - s > 15 || !(i == e || c == ':' || (commaEnds && c == ','))) return SIZE_MAX;
  *out = v / scale;
  return i;
}

// vcfCallFields.ts readCallFields, the same loop. False when the JavaScript reader must do it.
bool callFields(const uint8_t* buf, size_t s, size_t e, const uint8_t* ops, int nOps, int32_t* row, double* f) {
  int32_t gtStart = -1, gtEnd = -1, gtKey = -1, ploidy = 0, adCount = 0;
  double dp = kNaN, gq = kNaN;
  size_t i = s;
  for (int k = 0; k < nOps && i <= e; k++, i++) {
    const uint8_t op = ops[k];
    if (op == SKIP) {
      while (i < e && buf[i] != ':') i++;
    } else if (op == OP_GT) {
      const size_t from = i;
      double v = -2;
      int n = 0;
      bool ok = true;
      uint32_t packed = 0, high = 0;
      for (;; i++) {
        const uint8_t c = i < e ? buf[i] : ':';
        if (c == ':' || c == '/' || c == '|') {
          if (ok) {
            if (n == 4 || v > kMaxAllele) return false;
            row[D_CALL0 + n++] = v < 0 ? -1 : static_cast<int32_t>(v);
          }
          v = -2;
          if (c == ':') break;
        } else if (c == '.') {
          v = -1;
        } else if (c >= '0' && c <= '9') {
          v = (v < 0 ? 0 : v) * 10 + (c - '0');
        } else {
          ok = false;
        }
        packed = (packed << 7) | c;
        high |= c;
      }
      const size_t len = i - from;
      if (len > 0) {
        gtStart = static_cast<int32_t>(from);
        gtEnd = static_cast<int32_t>(i);
        if (len <= 4 && high < 128) gtKey = static_cast<int32_t>((static_cast<uint32_t>(len) << (7 * len)) | packed);
      }
      ploidy = ok ? n : 0;
    } else if (op == OP_AD) {
      int n = 0;
      for (;;) {
        if (n == 4) return false;
        double x;
        i = numberAt(buf, i, e, true, &x);
        if (i == SIZE_MAX) return false;
        f[F_AD0 + n++] = x == x ? x : -1;
        if (i < e && buf[i] == ',') i++;
        else break;
      }
      adCount = n == 1 && f[F_AD0] == -1 ? 0 : n;
    } else {
      double x;
      i = numberAt(buf, i, e, false, &x);
      if (i == SIZE_MAX) return false;
      if (op == OP_DP) dp = x;
      else gq = x;
    }
  }
  row[D_CALL_PLOIDY] = ploidy;
  row[D_CALL_GT_START] = gtStart;
  row[D_CALL_GT_END] = gtEnd;
  row[D_CALL_GT_KEY] = gtKey;
  row[D_CALL_AD_COUNT] = adCount;
  f[F_DP] = dp;
  f[F_GQ] = gq;
  return true;
}

// The INFO entry whose key starts at buf[t] ("MQ" there): 1 with its value in *out when it is a
// plain decimal, 0 when the JavaScript reader must read it, -1 when the key is longer (MQ0=...).
int mqEntry(const uint8_t* buf, size_t t, size_t e, double* out) {
  const size_t k = t + 2;
  if (k == e || buf[k] == ';') return 1;  // a flag: no value (NaN)
  if (buf[k] != '=') return -1;
  const size_t v = k + 1;
  size_t ve = v;
  while (ve < e && buf[ve] != ';') ve++;
  return plainDecimal(buf, v, ve, out) ? 1 : 0;
}

// src/io/infoNumber.ts infoNumber for the key MQ: the value of the INFO entry "MQ=..." in
// buf[s, e) (VCF 4.3 §1.6.1: entries separated by ';'), NaN when there is none or it has no value.
// False when the JavaScript reader must read it (not a plain decimal). The entries after the first
// are found as ";MQ", 16 positions at a time (one memmem or memchr per entry cost ~40 ns a line).
bool infoMq(const uint8_t* buf, size_t s, size_t e, double* out) {
  *out = kNaN;
  if (e - s >= 2 && buf[s] == 'M' && buf[s + 1] == 'Q') {
    const int r = mqEntry(buf, s, e, out);
    if (r >= 0) return r == 1;
  }
  size_t p = s;
#if defined(__SSE2__)
  const __m128i semi = _mm_set1_epi8(';');
  const __m128i m = _mm_set1_epi8('M');
  const __m128i q = _mm_set1_epi8('Q');
  for (; p + 18 <= e; p += 16) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(buf + p));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(buf + p + 1));
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(buf + p + 2));
    unsigned hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(a, semi), _mm_cmpeq_epi8(b, m)), _mm_cmpeq_epi8(c, q))));
    while (hits != 0) {
      const int r = mqEntry(buf, p + static_cast<size_t>(__builtin_ctz(hits)) + 1, e, out);
      if (r >= 0) return r == 1;
      hits &= hits - 1;
    }
  }
#endif
  for (; p + 2 < e; p++) {
    if (buf[p] == ';' && buf[p + 1] == 'M' && buf[p + 2] == 'Q') {
      const int r = mqEntry(buf, p + 1, e, out);
      if (r >= 0) return r == 1;
    }
  }
  return true;
}

}  // namespace

size_t decodeLines(const uint8_t* buf, size_t from, size_t to, const DecodeOptions& o, int32_t* out, double* floats, size_t maxRows) {
  const int width = decodeRowWidth(o.need);
  const int head = columnsRowWidth(o.need);
  int32_t chromS = -1, chromLen = -1, filterS = -1, filterLen = -1, formatS = -1, formatLen = -1;
  uint8_t ops[kMaxOps];
  int nOps = -1;
  size_t rows = 0;
  size_t start = from;
  while (start < to && rows < maxRows) {
    // One line through findColumns, into this row's head.
    int32_t* row = out + rows * width;
    double* f = floats + rows * F_FLOAT_SLOTS;
    const size_t one = findColumns(buf, start, to, o.need, row, 1);
    (void)one;
    rows++;
    const size_t end = static_cast<size_t>(row[0]);
    const int found = row[1];
    start = end + 1;
    int32_t* x = row + head;
    x[D_FLAGS] = 0;
    if (found < 8) continue;  // header, empty, or an error the JavaScript reader reports
    const int32_t* c = row + 3;
    int flags = 0;
    const int32_t cl = c[1] - 1 - c[0];
    if (sameBytes(buf, chromS, chromLen, c[0], cl)) flags |= SAME_CHROM;
    chromS = c[0];
    chromLen = cl;
    x[D_POS] = plainPos(buf, static_cast<size_t>(c[1]), static_cast<size_t>(c[2] - 1));
    const size_t qs = static_cast<size_t>(c[5]), qe = static_cast<size_t>(c[6] - 1);
    if (qe - qs == 1 && buf[qs] == '.') flags |= QUAL_MISSING;
    else if (plainDecimal(buf, qs, qe, &f[F_QUAL])) flags |= QUAL_OK;
    const int32_t fl = c[7] - 1 - c[6];
    if (sameBytes(buf, filterS, filterLen, c[6], fl)) flags |= SAME_FILTER;
    filterS = c[6];
    filterLen = fl;
    if (o.mq && infoMq(buf, static_cast<size_t>(c[7]), static_cast<size_t>(c[8] - 1), &f[F_MQ])) flags |= MQ_OK;
    const bool samples = found > 9;
    if (samples) {
      const int32_t fml = c[9] - 1 - c[8];
      if (sameBytes(buf, formatS, formatLen, c[8], fml)) flags |= SAME_FORMAT;
      else nOps = -1;
      formatS = c[8];
      formatLen = fml;
    }
    if (o.gtColumn >= 0 && o.gtColumn < found &&
        scannerGt(buf, static_cast<size_t>(c[8]), static_cast<size_t>(c[9] - 1), static_cast<size_t>(c[o.gtColumn]), static_cast<size_t>(c[o.gtColumn + 1] - 1), x + D_GT0, x + D_GT_COUNT))
      flags |= GT_OK;
    if (o.callColumn >= 0 && o.callColumn < found && samples) {
      if (nOps < 0) nOps = formatOps(buf, static_cast<size_t>(c[8]), static_cast<size_t>(c[9] - 1), ops);
      if (nOps >= 0 && callFields(buf, static_cast<size_t>(c[o.callColumn]), static_cast<size_t>(c[o.callColumn + 1] - 1), ops, nOps, x, f)) flags |= CALL_OK;
    }
    x[D_FLAGS] = flags;
  }
  return rows;
}
