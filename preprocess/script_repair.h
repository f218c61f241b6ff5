// ScriptRepair: the normalizer's word-level pass for mixed scripts and wrong
// code points (models/normalize/lookalikes.tsv, codepoints.tsv).
//
// For each word (a run of letters and combining marks):
//   - code points listed as "any" are replaced; those listed as "cyrillic"
//     only when every other letter of the word is Cyrillic;
//   - a word with letters of both scripts is repaired toward the script that
//     has letters without a look-alike (Қaзақстан -> Қазақстан, Tоyota ->
//     Toyota); when neither or both scripts have such letters it is left
//     alone (Windowsтың), except that a word made only of look-alikes follows
//     its nearest neighbouring words when they agree.
// URLs, e-mail addresses, @handles and #tags are never changed.
// Thread safety: immutable after Load(), safe for concurrent use.
#ifndef KAZPREP_PREPROCESS_SCRIPT_REPAIR_H_
#define KAZPREP_PREPROCESS_SCRIPT_REPAIR_H_

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "preprocess/normalizer.h"

namespace kazprep {

class ScriptRepair {
 public:
  static Status Load(const std::string& lang, const std::string& rules_dir,
                     std::unique_ptr<ScriptRepair>* repair);

  // Repairs `text` in place; counts kCodepoint and kLookalike repairs.
  void Repair(std::u32string* text, NormalizerStats* stats) const;

  // True for code points listed in codepoints.tsv or legacy_fonts.tsv: lines
  // with them need this pass even when they hold no Latin letter.
  bool HasCodepointRule(char32_t cp) const {
    return cp < kTableSize && (codepoint_[cp].to != 0 || !legacy_[cp].empty());
  }

 private:
  enum class Context { kAny, kCyrillicWord };
  enum class Script { kOther, kLatin, kCyrillic };
  struct WordInfo;

  static Script ScriptOf(char32_t cp);
  WordInfo Inspect(const std::u32string& text, size_t begin, size_t end) const;
  void RepairOnce(std::u32string* text, NormalizerStats* stats) const;
  static bool IsRomanNumeral(const std::u32string& s, size_t begin, size_t end);
  static bool IsAcronymWithSuffix(const std::u32string& s, size_t begin, size_t end);
  // Legacy code pages and fonts (legacy_fonts.tsv): decides the layout from
  // the line's characters and repairs words without Latin letters.
  void RepairLegacy(std::u32string* text, NormalizerStats* stats) const;

  // Layout bits of legacy_fonts.tsv.
  static constexpr unsigned kKz1048 = 1, kPt154 = 2, kFontC = 4;
  struct LegacyTarget {
    unsigned layouts;
    char32_t to;
  };
  // Tables indexed by code point; every listed letter lies below U+0530
  // (Latin, IPA, Cyrillic), which Load() checks.
  static constexpr char32_t kTableSize = 0x530;
  struct CodepointTarget {
    char32_t to = 0;
    Context context = Context::kAny;
  };
  std::vector<std::vector<LegacyTarget>> legacy_ =
      std::vector<std::vector<LegacyTarget>>(kTableSize);
  std::vector<CodepointTarget> codepoint_ = std::vector<CodepointTarget>(kTableSize);
  std::vector<char32_t> lat2cyr_ = std::vector<char32_t>(kTableSize, 0);
  std::vector<char32_t> cyr2lat_ = std::vector<char32_t>(kTableSize, 0);
  bool has_codepoints_ = false;
  bool has_legacy_ = false;
  // The mapped letter of `cp` in `map`, or 0.
  static char32_t Lookup(const std::vector<char32_t>& map, char32_t cp) {
    return cp < kTableSize ? map[cp] : 0;
  }
};

}  // namespace kazprep

#endif  // KAZPREP_PREPROCESS_SCRIPT_REPAIR_H_
