#include "common/utf8.h"

#include <cstring>

namespace kazprep::utf8 {

char32_t Next(std::string_view s, size_t* pos, bool* invalid) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = *pos;
  const unsigned char b0 = p[i];
  if (b0 < 0x80) {
    *pos = i + 1;
    return b0;
  }
  // Expected length and the valid range of the second byte (Unicode Table 3-7).
  int len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  char32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // no overlong forms
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    *pos = i + 1;
    *invalid = true;
    return kReplacement;
  }
  size_t j = i + 1;
  for (int k = 1; k < len; ++k, ++j) {
    const unsigned char lo_k = (k == 1) ? lo : 0x80;
    const unsigned char hi_k = (k == 1) ? hi : 0xBF;
    if (j >= n || p[j] < lo_k || p[j] > hi_k) {
      // Maximal subpart: everything consumed so far becomes one U+FFFD.
      *pos = j;
      *invalid = true;
      return kReplacement;
    }
    cp = (cp << 6) | (p[j] & 0x3F);
  }
  *pos = j;
  return cp;
}

std::string_view TrimSpace(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    size_t next = begin;
    bool invalid = false;
    if (!IsWhiteSpace(Next(s, &next, &invalid))) break;
    begin = next;
  }
  size_t end = s.size();
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    size_t next = start;
    bool invalid = false;
    // A space only if its sequence ends exactly at `end`: a stray
    // continuation byte after a space is text, not part of the space.
    if (!IsWhiteSpace(Next(s, &next, &invalid)) || next != end) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

bool IsAscii(std::string_view s) {
  size_t i = 0;
  uint64_t acc = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    acc |= w;
  }
  for (; i < s.size(); ++i) acc |= static_cast<unsigned char>(s[i]);
  return (acc & 0x8080808080808080ULL) == 0;
}

bool IsValid(std::string_view s) {
  size_t i = 0;
  bool invalid = false;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    Next(s, &i, &invalid);
    if (invalid) return false;
  }
  return true;
}

size_t Repair(std::string_view s, std::string* out) {
  size_t replaced = 0;
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    bool invalid = false;
    const char32_t cp = Next(s, &i, &invalid);
    if (invalid) {
      ++replaced;
      Append(cp, out);
    } else {
      out->append(s.data() + start, i - start);
    }
  }
  return replaced;
}

}  // namespace kazprep::utf8
