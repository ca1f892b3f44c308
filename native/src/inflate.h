// BGZF block payload inflation (SAMv1 §4.1): raw DEFLATE, then CRC32 and ISIZE checks.
#pragma once
#include <cstddef>
#include <cstdint>

// INFLATE_SIZE: fewer bytes than ISIZE (`got` says how many); INFLATE_OVER: more than ISIZE.
enum InflateStatus { INFLATE_OK = 0, INFLATE_CORRUPT = 1, INFLATE_SIZE = 2, INFLATE_CRC = 3, INFLATE_OVER = 4 };

// Inflates `in` into exactly `isize` bytes at `out` and checks them against `crc`.
// `got` receives the inflated size when it differs from isize.
InflateStatus inflateBlock(const uint8_t* in, size_t inLen, uint8_t* out, size_t isize, uint32_t crc, size_t* got);

// "libdeflate" when libdeflate.so.0 could be loaded (and was not disabled), else "zlib".
const char* inflateEngine();

// Forces zlib even where libdeflate is present (tests compare the two engines).
void preferZlib(bool yes);
