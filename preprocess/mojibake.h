// Mojibake: repairs a line of UTF-8 that was decoded as CP1252 (or Latin-1)
// or as CP1251 somewhere on its way ("ÒšÐ°Ð·Ð°Ò›" or "ТљР°Р·Р°Т›" for
// "Қазақ"). The line is encoded back to bytes with the code page and decoded
// as UTF-8; the repair is kept only when every character maps to a byte, the
// bytes are valid UTF-8, and the result is mostly Cyrillic letters.
// Thread safety: immutable after Load(), safe for concurrent use.
#ifndef KAZPREP_PREPROCESS_MOJIBAKE_H_
#define KAZPREP_PREPROCESS_MOJIBAKE_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"

namespace kazprep {

class Mojibake {
 public:
  // Builds the byte tables from ICU's windows-1251 and windows-1252 converters.
  static Status Load(std::unique_ptr<Mojibake>* mojibake);

  // True (with the repaired line in `*out`) when `line` (valid UTF-8) is
  // mojibake of Cyrillic text.
  bool Repair(std::string_view line, std::string* out) const;

  // Characters that rarely occur in kk, ru or en text but fill mojibake: Ð Ñ
  // Ò Ó Â Ã â (CP1252 lead bytes of Cyrillic and punctuation), C1 controls,
  // and CP1251 continuation bytes that are no common letter or punctuation
  // (° µ Ђ ‚ ™ ќ џ ...). Lines with two of them are checked.
  static bool IsMarker(char32_t cp);

 private:
  bool TryPage(const std::u32string& text, const std::unordered_map<char32_t, unsigned char>& page,
               std::string* out) const;

  std::unordered_map<char32_t, unsigned char> cp1251_;  // character -> byte 0x80-0xFF
  std::unordered_map<char32_t, unsigned char> cp1252_;
};

}  // namespace kazprep

#endif  // KAZPREP_PREPROCESS_MOJIBAKE_H_
