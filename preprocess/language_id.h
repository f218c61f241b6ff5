// LanguageIdentifier: the language of one line, for kk, ru, en and the
// Cyrillic neighbours that get confused with Kazakh.
//
// CLD2 (Debian's libcld2) scores the line; the letters that only some
// Cyrillic alphabets have (models/langid/letters.tsv) correct it: a line with
// Kazakh letters and none of a neighbour's own letters (ҡ ҙ ҫ җ ў ҳ ї є ґ) is
// Kazakh even when CLD2 says Kyrgyz, Tatar or Uzbek; a line that CLD2 calls
// Russian but whose Cyrillic letters are Kazakh ones at a rate Russian never
// shows is Kazakh too.
//
// Line contract: 1:1 (`kazprep langid` prints "kk 0.98" per line; "und 0.00"
// when the line has no letters). Thread safety: immutable after Load(), safe
// for concurrent use.
#ifndef KAZPREP_PREPROCESS_LANGUAGE_ID_H_
#define KAZPREP_PREPROCESS_LANGUAGE_ID_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"

namespace kazprep {

struct LanguageGuess {
  std::string lang = "und";                       // ISO 639-1 code, "und" when undetermined
  double score = 0;                               // 0..1, the share of the text in `lang`
  bool reliable = false;                          // enough letters and a clear decision
  int letters = 0;                                // letters in the line
  double share(std::string_view language) const;  // share of `language` in the line
  std::string top3[3];
  int percent3[3] = {0, 0, 0};
};

class LanguageIdentifier {
 public:
  static Status Load(const std::string& rules_dir, std::unique_ptr<LanguageIdentifier>* id);

  LanguageGuess Identify(std::string_view line) const;

  // The language `line` is clearly written in when that is not `expected`
  // ("" otherwise): a reliable guess of another language whose text has
  // under 20% in `expected`. Lines with fewer than `min_letters` letters are
  // not judged (""). Used by the cleaner and the bitext filter.
  std::string OtherLanguage(std::string_view line, std::string_view expected,
                            int min_letters) const;

 private:
  // Kazakh letters and each neighbour's own letters, lower case.
  std::u32string kazakh_letters_;
  std::unordered_map<std::string, std::u32string> own_letters_;
  // The letters of Slavic languages that Russian lacks.
  std::unordered_map<std::string, std::u32string> slavic_letters_;
  // Each neighbour's letters that Kazakh has too (ң ө ү for Kyrgyz).
  std::unordered_map<std::string, std::u32string> shared_letters_;
};

}  // namespace kazprep

#endif  // KAZPREP_PREPROCESS_LANGUAGE_ID_H_
