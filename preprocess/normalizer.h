// Normalizer: repairs one line of text. The one place where kazprep changes
// text; everything downstream (splitter, SentencePiece) leaves it as it is.
//
// Line contract: 1:1. Normalize() turns one line into exactly one line (which
// may be empty), never fails, and never outputs a line feed.
//
// What it does, in order:
//   1. ill-formed UTF-8 becomes U+FFFD (counted);
//   2. invisible characters (models/normalize/invisible.tsv) and control
//      characters are deleted where they sit, without leaving a space;
//   3. every run of white space (tab, NBSP, thin space, ...) becomes one ASCII
//      space, and the line is trimmed;
//   4. Unicode NFC (ICU).
// Guarantees: the output is valid NFC UTF-8; Normalize(Normalize(x)) ==
// Normalize(x); letter case, words and their order are never changed.
//
// Thread safety: a loaded Normalizer is immutable and safe for concurrent use;
// each thread passes its own NormalizerStats.
#ifndef KAZPREP_PREPROCESS_NORMALIZER_H_
#define KAZPREP_PREPROCESS_NORMALIZER_H_

#include <unicode/uversion.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace kazprep {

struct NormalizerOptions {
  // Language of the text: "kk", "ru" or "en".              Default: "kk".
  std::string lang = "kk";
  // Folder that replaces the embedded models/ tables.    Default: embedded.
  std::string rules_dir;
};

// Counts of what Normalize() repaired. Add() sums two counts.
struct NormalizerStats {
  uint64_t lines = 0;              // lines seen
  uint64_t lines_changed = 0;      // lines whose output differs from the input
  uint64_t invalid_utf8 = 0;       // ill-formed sequences replaced by U+FFFD
  uint64_t invisible_deleted = 0;  // invisible characters deleted
  uint64_t controls_deleted = 0;   // control characters (NUL, ESC, ...) deleted
  uint64_t spaces_normalized = 0;  // white-space runs changed or trimmed
  uint64_t nfc_lines = 0;          // lines changed by NFC

  void Add(const NormalizerStats& other);
  // {"lines": 10, "lines_changed": 2, ...}
  std::string ToJson() const;
};

class Normalizer {
 public:
  // Loads the tables; the message of a failed Status names file and line.
  static Status Load(const NormalizerOptions& options, std::unique_ptr<Normalizer>* normalizer);

  // Replaces `*out` with the normalized `line`.
  void Normalize(std::string_view line, std::string* out, NormalizerStats* stats) const;

  const NormalizerOptions& options() const { return options_; }

 private:
  enum CharClass : uint8_t { kKeep = 0, kSpace = 1, kDelete = 2, kControl = 3, kJoiner = 4 };

  Normalizer() = default;
  CharClass Classify(char32_t cp) const {
    if (cp < 0x10000) return static_cast<CharClass>(bmp_class_[cp]);
    for (const auto& [first, last] : supplementary_delete_) {
      if (cp >= first && cp <= last) return kDelete;
    }
    return kKeep;
  }
  void CleanCharacters(std::string_view line, std::string* out, NormalizerStats* stats) const;

  NormalizerOptions options_;
  std::vector<uint8_t> bmp_class_;  // CharClass of every BMP code point
  std::vector<std::pair<char32_t, char32_t>> supplementary_delete_;
  const icu::Normalizer2* nfc_ = nullptr;
};

}  // namespace kazprep

#endif  // KAZPREP_PREPROCESS_NORMALIZER_H_
