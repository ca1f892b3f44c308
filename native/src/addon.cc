// N-API entry points of vartriage's native hot path. Each function works on byte ranges of
// typed arrays owned by JavaScript and allocates nothing visible to it (src/io/native.ts).
#include <node_api.h>

#include <cstdint>

#include "columns.h"
#include "decode.h"
#include "inflate.h"

namespace {

// The call's arguments into argv; false, with a TypeError thrown, unless there are exactly n.
bool argsOf(napi_env env, napi_callback_info info, size_t n, napi_value* argv, const char* message) {
  size_t argc = n;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (argc == n) return true;
  napi_throw_type_error(env, nullptr, message);
  return false;
}

bool typedOf(napi_env env, napi_value v, napi_typedarray_type want, void** data, size_t* len, const char* what) {
  napi_typedarray_type type;
  size_t offset;
  napi_value ab;
  if (napi_get_typedarray_info(env, v, &type, len, data, &ab, &offset) != napi_ok || type != want) {
    napi_throw_type_error(env, nullptr, what);
    return false;
  }
  return true;
}

bool bytesOf(napi_env env, napi_value v, uint8_t** data, size_t* len) {
  void* p = nullptr;
  if (!typedOf(env, v, napi_uint8_array, &p, len, "expected a Uint8Array or Buffer")) return false;
  *data = static_cast<uint8_t*>(p);
  return true;
}

bool numberOf(napi_env env, napi_value v, double* out) {
  if (napi_get_value_double(env, v, out) != napi_ok) {
    napi_throw_type_error(env, nullptr, "expected a number");
    return false;
  }
  return true;
}

napi_value numberValue(napi_env env, double x) {
  napi_value r;
  napi_create_double(env, x, &r);
  return r;
}

// inflateBlock(src, payloadStart, payloadEnd, dst, dstOffset, isize, crc32) -> the inflated size
// (equal to isize when whole), -1 for corrupt DEFLATE data, -2 for a CRC32 mismatch, -3 for more
// bytes than isize.
napi_value InflateBlock(napi_env env, napi_callback_info info) {
  napi_value argv[7];
  if (!argsOf(env, info, 7, argv, "inflateBlock takes 7 arguments")) return nullptr;
  uint8_t* src;
  uint8_t* dst;
  size_t srcLen, dstLen;
  double s, e, at, isize, crc;
  if (!bytesOf(env, argv[0], &src, &srcLen) || !numberOf(env, argv[1], &s) || !numberOf(env, argv[2], &e) ||
      !bytesOf(env, argv[3], &dst, &dstLen) || !numberOf(env, argv[4], &at) || !numberOf(env, argv[5], &isize) ||
      !numberOf(env, argv[6], &crc))
    return nullptr;
  if (!(s >= 0 && e >= s && e <= srcLen && at >= 0 && isize >= 0 && at + isize <= dstLen)) {
    napi_throw_range_error(env, nullptr, "inflateBlock: range outside its buffer");
    return nullptr;
  }
  size_t got = 0;
  InflateStatus st = inflateBlock(src + static_cast<size_t>(s), static_cast<size_t>(e - s), dst + static_cast<size_t>(at),
                                  static_cast<size_t>(isize), static_cast<uint32_t>(crc), &got);
  if (st == INFLATE_CORRUPT) return numberValue(env, -1);
  if (st == INFLATE_CRC) return numberValue(env, -2);
  if (st == INFLATE_OVER) return numberValue(env, -3);
  return numberValue(env, static_cast<double>(got));
}

// decodeLines(buf, from, to, need, gtColumn, callColumn, mq, rows: Int32Array, floats: Float64Array)
// -> rows written (decode.h has the layouts).
napi_value DecodeLines(napi_env env, napi_callback_info info) {
  napi_value argv[9];
  if (!argsOf(env, info, 9, argv, "decodeLines takes 9 arguments")) return nullptr;
  uint8_t* buf;
  size_t len, intLen, floatLen;
  double from, to, need, gtColumn, callColumn, mq;
  void* ints = nullptr;
  void* floats = nullptr;
  if (!bytesOf(env, argv[0], &buf, &len) || !numberOf(env, argv[1], &from) || !numberOf(env, argv[2], &to) || !numberOf(env, argv[3], &need) ||
      !numberOf(env, argv[4], &gtColumn) || !numberOf(env, argv[5], &callColumn) || !numberOf(env, argv[6], &mq) ||
      !typedOf(env, argv[7], napi_int32_array, &ints, &intLen, "decodeLines: rows must be an Int32Array") ||
      !typedOf(env, argv[8], napi_float64_array, &floats, &floatLen, "decodeLines: floats must be a Float64Array"))
    return nullptr;
  if (!(from >= 0 && to >= from && to <= len && to < 2147483647.0 && need >= 8 && need < 65536 && gtColumn >= -1 && gtColumn < need &&
        callColumn >= -1 && callColumn < need)) {
    napi_throw_range_error(env, nullptr, "decodeLines: arguments out of range");
    return nullptr;
  }
  DecodeOptions o{static_cast<int>(need), static_cast<int>(gtColumn), static_cast<int>(callColumn), mq != 0};
  size_t maxRows = intLen / static_cast<size_t>(decodeRowWidth(o.need));
  if (floatLen / F_FLOAT_SLOTS < maxRows) maxRows = floatLen / F_FLOAT_SLOTS;
  size_t rows = decodeLines(buf, static_cast<size_t>(from), static_cast<size_t>(to), o, static_cast<int32_t*>(ints), static_cast<double*>(floats), maxRows);
  return numberValue(env, static_cast<double>(rows));
}

// decodeLayout() -> the slot numbers of decode.h, so that src/io/nativeLayout.ts can be checked.
napi_value DecodeLayout(napi_env env, napi_callback_info) {
  napi_value o;
  napi_create_object(env, &o);
  const struct {
    const char* name;
    int value;
  } slots[] = {{"D_POS", D_POS}, {"D_FLAGS", D_FLAGS}, {"D_GT_COUNT", D_GT_COUNT}, {"D_GT0", D_GT0}, {"D_CALL_PLOIDY", D_CALL_PLOIDY},
               {"D_CALL0", D_CALL0}, {"D_CALL_GT_START", D_CALL_GT_START}, {"D_CALL_GT_END", D_CALL_GT_END}, {"D_CALL_GT_KEY", D_CALL_GT_KEY},
               {"D_CALL_AD_COUNT", D_CALL_AD_COUNT}, {"D_INT_SLOTS", D_INT_SLOTS}, {"F_QUAL", F_QUAL}, {"F_DP", F_DP}, {"F_GQ", F_GQ},
               {"F_AD0", F_AD0}, {"F_MQ", F_MQ}, {"F_FLOAT_SLOTS", F_FLOAT_SLOTS}, {"SAME_CHROM", SAME_CHROM}, {"SAME_FILTER", SAME_FILTER},
               {"SAME_FORMAT", SAME_FORMAT}, {"QUAL_MISSING", QUAL_MISSING}, {"QUAL_OK", QUAL_OK}, {"GT_OK", GT_OK}, {"CALL_OK", CALL_OK}, {"MQ_OK", MQ_OK},
               {"HEAD_EXTRA", columnsRowWidth(0)}};
  for (const auto& s : slots) napi_set_named_property(env, o, s.name, numberValue(env, s.value));
  return o;
}

napi_value InflateEngine(napi_env env, napi_callback_info) {
  napi_value r;
  napi_create_string_utf8(env, inflateEngine(), NAPI_AUTO_LENGTH, &r);
  return r;
}

napi_value PreferZlib(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  bool yes = false;
  if (argc == 1) napi_get_value_bool(env, argv[0], &yes);
  preferZlib(yes);
  return nullptr;
}

}  // namespace

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"inflateBlock", nullptr, InflateBlock, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"decodeLines", nullptr, DecodeLines, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"decodeLayout", nullptr, DecodeLayout, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"inflateEngine", nullptr, InflateEngine, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"preferZlib", nullptr, PreferZlib, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof props / sizeof props[0], props);
  return exports;
}
