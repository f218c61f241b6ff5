// Normalizer: repairs one line of text. The one place where kazprep changes
// text; everything downstream (splitter, SentencePiece) leaves it as it is.
//
// Line contract: 1:1. Normalize() turns one line into exactly one line (which
// may be empty), never fails, and never outputs a line feed.
//
// What it repairs, in order (each step is a Rule, counted and audited):
//   invalid-utf8  ill-formed UTF-8 becomes U+FFFD
//   html-entity   HTML character references are decoded (&quot; -> ", &#171;
//                 -> «; models/normalize/html_entities.tsv)
//   mojibake      a line of UTF-8 that was read as CP1252 ("Ð°Ò›") or CP1251
//                 ("Р°Т›") is decoded back, when the result is Cyrillic text
//   invisible     invisible characters (models/normalize/invisible.tsv) are
//                 deleted where they sit, leaving no space
//   control       control characters (NUL, ESC, C1) are deleted
//   space         every white-space run (tab, NBSP, thin space, ...) becomes
//                 one ASCII space; the line is trimmed
//   nfc           Unicode NFC (ICU)
//   codepoint     letters of neighbouring alphabets that stand in for Kazakh
//                 ones (ӊ -> ң; models/normalize/codepoints.tsv)
//   lookalike     Latin look-alikes inside an otherwise Cyrillic word become
//                 Cyrillic (Қaзақстан, жəне), and the reverse inside Latin
//                 words (models/normalize/lookalikes.tsv)
//   quotes        quotation marks paired and set to the language's standard
//                 (kk, ru: « » outside, „ “ inside; en: “ ” and ‘ ’)
//   dash          a dash between words takes the language's form (kk " – ",
//                 ru and en " — "); hyphens without spaces never change
//   ellipsis      "…" becomes "..."
//   punct-space   no space before , . : ; ! ? ) » and after ( «; one space
//                 after , ; : and between sentences glued by . ! ? — never
//                 inside numbers (3,5 12:30 27.11.2026), abbreviations (т.б.,
//                 U.S.), URLs, e-mail addresses, @handles or #tags
//   repeated-punct  ",," becomes ","; a stray " ." after a full stop goes
//   typo          (kk, --typos safe) misspelled words corrected from a lexicon
//                 (preprocess/typo_corrector.h)
// Never: letter case, the words or their order, URLs, e-mails, handles, tags,
// digits. Guarantees: the output is valid NFC UTF-8 and
// Normalize(Normalize(x)) == Normalize(x).
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
#include <unordered_map>
#include <vector>

#include "common/status.h"

U_NAMESPACE_BEGIN
class Normalizer2;
U_NAMESPACE_END

namespace kazprep {

class ScriptRepair;
class Punctuation;
class Mojibake;
class TypoCorrector;

enum class Rule : uint8_t {
  kInvalidUtf8,
  kHtmlEntity,
  kMojibake,
  kInvisible,
  kControl,
  kSpace,
  kNfc,
  kCodepoint,
  kLookalike,
  kQuotes,
  kDash,
  kEllipsis,
  kPunctSpace,
  kRepeatedPunct,
  kTypo,
  kCount,
};
inline constexpr size_t kRuleCount = static_cast<size_t>(Rule::kCount);
// "invalid-utf8", "lookalike", ...
const char* RuleName(Rule rule);
// Bit set of rules that fired on one line.
using RuleSet = uint32_t;
inline constexpr RuleSet RuleBit(Rule r) { return RuleSet{1} << static_cast<unsigned>(r); }
// "lookalike,quotes" for the rules in `rules`.
std::string RuleNames(RuleSet rules);

enum class QuoteStyle { kStandard, kAscii, kKeep };
enum class TypoMode { kOff, kSafe };

struct NormalizerOptions {
  // Language of the text: "kk", "ru" or "en".              Default: "kk".
  std::string lang = "kk";
  // Quotes: standard (the language's), ascii ("), keep.     Default: standard.
  QuoteStyle quotes = QuoteStyle::kStandard;
  // Typo correction (kk only; ru and en ignore it): off, or safe
  // (precision first).                                        Default: safe.
  TypoMode typos = TypoMode::kSafe;
  // Folder that replaces the embedded models/ tables.    Default: embedded.
  std::string rules_dir;
  // Lexicons of the user's own corpus whose counts are added to the default
  // lexicon's (kk typo correction; TypoOptions::lexicons).    Default: none.
  std::vector<std::string> lexicons;
  // Threads used while loading (the typo corrector's indexes are built in
  // parallel); the loaded tables are the same.               Default: 1.
  int load_threads = 1;
};

// Counts of what Normalize() repaired. Add() sums two counts.
struct NormalizerStats {
  uint64_t lines = 0;                                // lines seen
  uint64_t lines_changed = 0;                        // lines whose output differs from the input
  std::array<uint64_t, kRuleCount> repairs{};        // repairs per rule
  std::array<uint64_t, kRuleCount> lines_by_rule{};  // lines each rule changed

  uint64_t repaired(Rule r) const { return repairs[static_cast<size_t>(r)]; }
  void Count(Rule r, uint64_t n = 1) { repairs[static_cast<size_t>(r)] += n; }
  void Add(const NormalizerStats& other);
  // {"lines": 10, "lines_changed": 2, "repairs": {...}, "lines_by_rule": {...}}
  std::string ToJson() const;
};

class Normalizer {
 public:
  ~Normalizer();
  // Loads the tables; the message of a failed Status names file and line.
  static Status Load(const NormalizerOptions& options, std::unique_ptr<Normalizer>* normalizer);

  // Replaces `*out` with the normalized `line`; `*fired` (optional) receives
  // the rules that changed something, and `*notes` (optional) one entry per
  // typo correction: "before>after (evidence, cost C, score S)", '; '-separated.
  void Normalize(std::string_view line, std::string* out, NormalizerStats* stats,
                 RuleSet* fired = nullptr, std::string* notes = nullptr) const;

  const NormalizerOptions& options() const { return options_; }

 private:
  // Per-code-point classes of the character pass.
  enum Action : uint8_t { kKeep = 0, kSpace = 1, kDelete = 2, kControl = 3, kJoiner = 4 };
  // Flags that tell which later passes a line needs.
  enum Flag : uint8_t {
    kLatin = 1,          // a Latin letter
    kCyrillic = 2,       // a Cyrillic letter
    kNfcMaybe = 4,       // NFC quick check is not "yes"
    kPunct = 8,          // punctuation a later pass may change
    kCodepoint = 16,     // listed in codepoints.tsv
    kMojibakeLead = 32,  // a character mojibake is made of (Mojibake::IsMarker)
    kPlain = 64,         // kept as it is and no flag above but the script: the fast path
  };
  struct LineFlags;

  Normalizer();
  void CleanCharacters(std::string_view line, std::string* out, NormalizerStats* stats,
                       LineFlags* flags) const;
  // Normalize() without the per-line bookkeeping; `depth` bounds the
  // re-normalization after a late mojibake repair.
  void NormalizeInto(std::string_view input, std::string* out, NormalizerStats* stats, int depth,
                     std::string* notes) const;
  // Decodes HTML character references until none is left; returns how many.
  size_t DecodeEntities(std::string_view line, std::string* out) const;

  NormalizerOptions options_;
  bool english_ = false;       // « » are foreign quotes to rewrite
  char32_t dash_ = 0;          // the language's dash between words
  std::string dash_utf8_;      // the same in UTF-8
  bool ellipsis_dots_ = true;  // an ellipsis becomes three dots
  // Of every BMP code point: its Action (low byte) and Flag bits (high byte).
  std::vector<uint16_t> char_info_;
  std::vector<std::pair<char32_t, char32_t>> supplementary_delete_;
  std::unordered_map<std::string, char32_t> entities_;
  const icu::Normalizer2* nfc_ = nullptr;
  std::unique_ptr<ScriptRepair> script_;
  std::unique_ptr<Punctuation> punctuation_;
  std::unique_ptr<Mojibake> mojibake_;
  std::shared_ptr<const TypoCorrector> typos_;  // null unless kk with typos safe
};

}  // namespace kazprep

#endif  // KAZPREP_PREPROCESS_NORMALIZER_H_
