// Small helpers of the normalizer's later passes, which work on UTF-32.
#ifndef KAZPREP_PREPROCESS_TEXT_UTIL_H_
#define KAZPREP_PREPROCESS_TEXT_UTIL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace kazprep::text {

// Valid UTF-8 <-> UTF-32.
std::u32string Decode(std::string_view utf8);
std::string Encode(const std::u32string& text);

// Marks the characters of tokens that must never change: URLs (with "://" or
// starting "www."), e-mail addresses, @handles and #tags. A token is a run of
// non-space characters; the mark covers the token without the punctuation
// that closes a sentence or a bracket around it.
// The mask is empty when the line has none (the common case).
std::vector<bool> ProtectedMask(const std::u32string& text);
// False when `text` cannot hold a protected token (no @ # :/ or www.): a quick
// test that lets callers skip ProtectedMask.
bool MayHaveProtected(const std::u32string& text);
inline bool Locked(const std::vector<bool>& mask, size_t i) { return !mask.empty() && mask[i]; }

// Parses a hex code point ("04D9").
Status ParseCodePoint(std::string_view hex, char32_t* cp);
// True when `langs` ("kk,ru") names `lang`.
bool LangListHas(std::string_view langs, std::string_view lang);

// Letter tests through a table for Latin, IPA and Cyrillic (below U+0530),
// ICU above.
inline constexpr char32_t kLetterTableSize = 0x530;
enum : uint8_t { kLetterBit = 1, kUpperBit = 2, kLowerBit = 4, kLatinBit = 8, kCyrillicBit = 16 };
extern const uint8_t* const kLetterTable;  // kLetterTableSize entries
bool IsLetterSlow(char32_t cp);
bool IsUpperSlow(char32_t cp);
bool IsLowerSlow(char32_t cp);
inline bool IsLetter(char32_t cp) {
  return cp < kLetterTableSize ? (kLetterTable[cp] & kLetterBit) != 0 : IsLetterSlow(cp);
}
inline bool IsUpper(char32_t cp) {
  return cp < kLetterTableSize ? (kLetterTable[cp] & kUpperBit) != 0 : IsUpperSlow(cp);
}
inline bool IsLower(char32_t cp) {
  return cp < kLetterTableSize ? (kLetterTable[cp] & kLowerBit) != 0 : IsLowerSlow(cp);
}
// Script of a letter: true for Latin (Cyrillic) letters.
bool IsLatinLetterSlow(char32_t cp);
bool IsCyrillicLetterSlow(char32_t cp);
inline bool IsLatinLetter(char32_t cp) {
  return cp < kLetterTableSize ? (kLetterTable[cp] & kLatinBit) != 0 : IsLatinLetterSlow(cp);
}
inline bool IsCyrillicLetter(char32_t cp) {
  return cp < kLetterTableSize ? (kLetterTable[cp] & kCyrillicBit) != 0 : IsCyrillicLetterSlow(cp);
}
bool IsDigit(char32_t cp);  // ASCII digits only
// A lower-case Kazakh letter as typed on a Russian keyboard (ә->а, ғ->г,
// қ->к, ң->н, ө->о, ұ->у, ү->у, һ->х, і->и); other characters unchanged.
inline constexpr std::u32string_view kKazakhOnlyLetters = U"әғқңөұүһі";
inline constexpr std::u32string_view kRussianKeyboardLetters = U"агкноуухи";  // typed for them
inline char32_t FoldKazakhLetter(char32_t cp) {
  const size_t k = kKazakhOnlyLetters.find(cp);
  return k == std::u32string_view::npos ? cp : kRussianKeyboardLetters[k];
}
// The letters `cp` may stand for in text typed on a Russian keyboard: itself
// and the Kazakh letters typed as it (у: у, ұ, ү).
inline std::u32string UnfoldKazakhLetter(char32_t cp) {
  std::u32string out(1, cp);
  for (size_t k = 0; k < kRussianKeyboardLetters.size(); ++k) {
    if (kRussianKeyboardLetters[k] == cp) out.push_back(kKazakhOnlyLetters[k]);
  }
  return out;
}

// Hyphen-minus and the dashes ‒ – — ―.
inline bool IsDashLike(char32_t cp) {
  return cp == '-' || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015;
}
bool IsSpace(char32_t cp);  // ' ' (later passes see only ASCII spaces)

}  // namespace kazprep::text

#endif  // KAZPREP_PREPROCESS_TEXT_UTIL_H_
