// Cleaner: decides which lines of a document are article text and which are
// web boilerplate, foreign-language lines or duplicates. It never edits a
// line: it keeps it or drops it with a reason.
//
// Line contract: 1:(0|1). Every input line is either kept (written unchanged)
// or dropped with one reason, so kept + dropped == input, always.
//
// Reasons, checked in this order:
//   empty          an empty or all-space line (a document boundary)
//   no-letters     digits, punctuation, symbols or emoji only ("***", "1 2 3")
//   <pattern>      a boilerplate pattern of models/clean/boilerplate.<lang>.tsv
//                  matched the whole line (menu, share, calendar, date, counter,
//                  read-also, tags, notice, ...)
//   repeated       the line occurs in more than N documents of the input (a
//                  site's template; see DocumentFrequency)
//   language:<xx>  the line is in another language (LanguageIdentifier), with
//                  at least `min_language_letters` letters; shorter lines are
//                  too short to judge and are kept
//   duplicate, near-duplicate  (with dedup) the line was kept before, exactly
//                  or after folding case, digits, punctuation and Kazakh
//                  letters to their Russian-keyboard forms (Қазақстан = Казакстан)
//
// Thread safety: Classify() is const and safe for concurrent use; the
// document-frequency table and the deduplicator are filled in input order by
// one thread.
#ifndef KAZPREP_PREPROCESS_CLEANER_H_
#define KAZPREP_PREPROCESS_CLEANER_H_

#include <unicode/uversion.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/flat_hash.h"
#include "common/status.h"
#include "preprocess/language_id.h"

U_NAMESPACE_BEGIN
class RegexMatcher;
class UnicodeString;
U_NAMESPACE_END

namespace kazprep {

struct CleanerOptions {
  // Language of the documents: "kk", "ru" or "en".           Default: "kk".
  std::string lang = "kk";
  // Folder that replaces the embedded models/ tables.      Default: embedded.
  std::string rules_dir;
  // Lines with fewer letters are never dropped for their language.  Default: 20.
  int min_language_letters = 20;
  // Try only the patterns that can match a line starting as this one does
  // (the same decisions, found faster; false tries every pattern on every
  // line, as the tests' reference).                          Default: true.
  bool pattern_prefilter = true;
};

// In how many documents each line occurs (exact line, white space trimmed).
// A line that occurs in more than Threshold() documents is a template line.
class DocumentFrequency {
 public:
  void AddDocument(const std::vector<std::string_view>& lines);
  uint32_t Count(std::string_view line) const;
  uint64_t documents() const { return documents_; }
  // N = max(5, documents / 1000): a site's menu or notice repeats on all its
  // pages, far more than 5 and than 1 in 1000 documents of a crawl, while an
  // article sentence occurs once (or in the few copies of a republished
  // article, which --dedup removes).
  uint32_t Threshold() const;
  size_t distinct_lines() const { return counts_.size(); }

 private:
  uint64_t documents_ = 0;
  // Hash of a line -> documents: 12 bytes a slot, 2 to 4 slots a distinct
  // line.
  FlatHashMap64<uint32_t> counts_;
  FlatHashSet64 seen_;  // the lines of the document being added
};

// Exact and near duplicates of lines kept so far.
class Deduplicator {
 public:
  // "" when `line` is new (and remembers it), else "duplicate" or "near-duplicate".
  const char* Check(std::string_view line);
  // The folded form used for near duplicates (public for tests).
  static std::string Fold(std::string_view line);

 private:
  // Hashes of the lines kept (exact) and of their folded forms (near).
  FlatHashSet64 exact_;
  FlatHashSet64 near_;
};

struct CleanerStats {
  uint64_t documents = 0;
  uint64_t lines = 0;
  uint64_t kept = 0;
  std::map<std::string, uint64_t> dropped;  // reason -> lines
  void Add(const CleanerStats& o);
  uint64_t dropped_total() const;
  std::string ToJson() const;
};

class Cleaner {
 public:
  ~Cleaner();
  static Status Load(const CleanerOptions& options, std::unique_ptr<Cleaner>* cleaner);

  // Reusable regular-expression matchers: one per thread.
  class Matchers {
   public:
    Matchers();
    ~Matchers();
    std::vector<std::unique_ptr<icu::RegexMatcher>> matchers;
  };
  std::unique_ptr<Matchers> NewMatchers() const;

  // The reason to drop `line` judged on its own (empty, no-letters, a
  // boilerplate pattern, language), or "" to keep it. `matchers` (from
  // NewMatchers(), one per thread) saves compiling matchers per line.
  // Patterns are tried in table order, but only those that can match a line
  // with the first 4 characters of this one (CandidatePatterns; a pattern
  // with \b, \B or \X always) and, for a pattern starting with (?=.*\d)
  // without a | outside parentheses, a digit in it.
  std::string Classify(std::string_view line, Matchers* matchers = nullptr) const;

  const LanguageIdentifier& language_id() const { return *language_id_; }
  const CleanerOptions& options() const { return options_; }

 private:
  struct Pattern;
  struct PrefixCache;
  Cleaner();
  // The indexes of the patterns that can match a line starting with
  // `prefix`: each pattern is matched against the prefix alone, and one
  // that fails there without reading past its end (RegexMatcher::hitEnd)
  // fails on every line that starts so (not for word boundaries, which ICU
  // finds by reading ahead without hitEnd: those patterns are always
  // candidates). Remembered for all threads (up to 16,384 prefixes, 3 MB).
  std::shared_ptr<const std::vector<uint32_t>> CandidatePatterns(const icu::UnicodeString& prefix,
                                                                 Matchers* matchers) const;

  CleanerOptions options_;
  std::vector<Pattern> patterns_;
  std::unique_ptr<PrefixCache> prefix_cache_;
  std::unique_ptr<LanguageIdentifier> language_id_;
};

}  // namespace kazprep

#endif  // KAZPREP_PREPROCESS_CLEANER_H_
