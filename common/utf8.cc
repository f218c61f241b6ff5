#include "common/utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
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
  // Runs on every line of split and normalize (through Next() alone it took
  // 70% of split's time). 16 bytes at a time while they are ASCII, 2-byte
  // sequences (Cyrillic, « ») and 3-byte sequences led by E1..EC or EE..EF
  // (– “ ” …): the continuation bytes must be exactly the one after each
  // 2-byte lead and the two after each 3-byte lead. A block with any other
  // byte (E0, ED and 4-byte leads, whose second bytes have narrower ranges,
  // and bad leads) is checked byte by byte.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
#ifdef __SSE2__
  const __m128i above_c1 = _mm_set1_epi8(-63), below_e0 = _mm_set1_epi8(-32),
                above_df = _mm_set1_epi8(-33), below_f0 = _mm_set1_epi8(-16),
                below_c0 = _mm_set1_epi8(-64), e0 = _mm_set1_epi8(-32), ed = _mm_set1_epi8(-19);
#endif
  size_t i = 0;
  while (true) {
    unsigned carry = 0;  // continuation bytes the block before still expects
#ifdef __SSE2__
    for (; i + 16 <= n; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(v));
      if (high == 0) {
        if (carry != 0) return false;
        continue;
      }
      const unsigned lead2 = static_cast<unsigned>(_mm_movemask_epi8(
          _mm_and_si128(_mm_cmpgt_epi8(v, above_c1), _mm_cmplt_epi8(v, below_e0))));
      const __m128i e_range =
          _mm_and_si128(_mm_cmpgt_epi8(v, above_df), _mm_cmplt_epi8(v, below_f0));
      const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, e0), _mm_cmpeq_epi8(v, ed));
      const unsigned lead3 =
          static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(special, e_range)));
      const unsigned cont = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, below_c0)));
      if ((high & ~(lead2 | lead3 | cont)) != 0) break;
      const unsigned expected = (lead2 << 1) | (lead3 << 1) | (lead3 << 2) | carry;
      if ((expected & 0xFFFF) != cont) return false;
      carry = expected >> 16;
    }
#endif
    // Byte by byte from the start of the sequence in progress (its lead is at
    // most 2 bytes back) to the end of this block, or of the text.
    const size_t stop = std::min(n, i + 16);
    if (carry != 0) {
      do {
        --i;
      } while ((p[i] & 0xC0) == 0x80);
    }
    while (i < stop) {
      const unsigned char b = p[i];
      if (b < 0x80) {
        ++i;
      } else if (b >= 0xC2 && b <= 0xDF) {
        if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) return false;
        i += 2;
      } else if (b >= 0xE1 && b <= 0xEF && b != 0xED) {  // 3 bytes, no special second byte
        if (i + 2 >= n || (p[i + 1] & 0xC0) != 0x80 || (p[i + 2] & 0xC0) != 0x80) return false;
        i += 3;
      } else {
        bool invalid = false;
        Next(s, &i, &invalid);
        if (invalid) return false;
      }
    }
    if (i >= n) return true;
  }
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
