// Finds the lines of decompressed VCF text and the tab-separated columns of each (VCF 4.3 §1.6).
#pragma once
#include <cstddef>
#include <cstdint>

// One row per line, `columnsRowWidth(need)` int32 each:
//   [0] the line's end (offset of its LF, or `to`), [1] columns found (-1 for a header line
//   starting with '#', 0 for an empty line), [2] 1 when the line ends in CR LF,
//   [3 + k] the start of column k for k < found, and [3 + found] = the line's end before any CR, + 1.
// Columns are looked for up to column `need` (0-based); later ones stay in the last found column.
// Returns how many rows were written: lines from `from` until `to` or until `maxRows`.
size_t findColumns(const uint8_t* buf, size_t from, size_t to, int need, int32_t* out, size_t maxRows);

inline int columnsRowWidth(int need) { return need + 5; }
