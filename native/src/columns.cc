#include "columns.h"

#include <cstring>

size_t findColumns(const uint8_t* buf, size_t from, size_t to, int need, int32_t* out, size_t maxRows) {
  const int width = columnsRowWidth(need);
  size_t rows = 0;
  size_t start = from;
  while (start < to && rows < maxRows) {
    const uint8_t* lf = static_cast<const uint8_t*>(std::memchr(buf + start, '\n', to - start));
    const size_t end = lf ? static_cast<size_t>(lf - buf) : to;
    int32_t* row = out + rows * width;
    rows++;
    row[0] = static_cast<int32_t>(end);
    row[2] = 0;
    if (buf[start] == '#') {
      row[1] = -1;
      start = end + 1;
      continue;
    }
    int32_t* cols = row + 3;
    cols[0] = static_cast<int32_t>(start);
    int k = 1;
    size_t p = start;
    while (k <= need && p < end) {
      const uint8_t* tab = static_cast<const uint8_t*>(std::memchr(buf + p, '\t', end - p));
      if (!tab) break;
      p = static_cast<size_t>(tab - buf) + 1;
      cols[k++] = static_cast<int32_t>(p);
    }
    size_t stop = end;
    if (stop > start && buf[stop - 1] == '\r') {
      stop--;
      row[2] = 1;
    }
    if (stop == start) {
      row[1] = 0;
    } else {
      row[1] = k;
      cols[k] = static_cast<int32_t>(stop + 1);
    }
    start = end + 1;
  }
  return rows;
}
