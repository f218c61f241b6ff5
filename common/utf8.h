// UTF-8 decoding and repair.
//
// Invalid input never fails: every maximal ill-formed subsequence (as the
// Unicode standard and WHATWG define it: overlong forms, surrogates, code
// points above U+10FFFF, truncated sequences, stray continuation bytes)
// becomes one U+FFFD, and the number of replacements is returned so callers
// can count it.
#ifndef KAZPREP_COMMON_UTF8_H_
#define KAZPREP_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace kazprep::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point at `s[*pos]` and advances `*pos`. On an ill-formed
// sequence returns kReplacement, advances past the maximal subpart and sets
// `*invalid` to true (it is left alone otherwise).
char32_t Next(std::string_view s, size_t* pos, bool* invalid);

// Appends `cp` encoded as UTF-8.
inline void Append(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    const char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out->append(b, 2);
  } else if (cp < 0x10000) {
    const char b[3] = {static_cast<char>(0xE0 | (cp >> 12)),
                       static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
    out->append(b, 3);
  } else {
    const char b[4] = {
        static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
        static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    out->append(b, 4);
  }
}

// True when `s` is well-formed UTF-8.
bool IsValid(std::string_view s);

// Appends `s` to `out` with ill-formed sequences replaced; returns how many
// replacements were made.
size_t Repair(std::string_view s, std::string* out);

// True for the characters of Unicode's White_Space property.
inline bool IsWhiteSpace(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || cp == 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000;
}

// The number of code points of valid UTF-8 `s` (bytes that are not
// continuation bytes).
inline size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// `s` without white space (IsWhiteSpace) at either end.
std::string_view TrimSpace(std::string_view s);

// True when every byte is ASCII.
bool IsAscii(std::string_view s);

}  // namespace kazprep::utf8

#endif  // KAZPREP_COMMON_UTF8_H_
