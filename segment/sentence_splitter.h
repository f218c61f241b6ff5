// SentenceSplitter: splits one paragraph into sentences.
//
// Line contract: 1:k. A paragraph gives k >= 0 sentences (0 for an empty or
// all-space paragraph). Sentences are spans into the paragraph (no copies)
// with white space trimmed at both ends; between two consecutive spans there
// is only white space, so joining the spans loses nothing but white space.
//
// Rules: a sentence ends after `.`, `!`, `?` or `…` (runs such as `?!` and
// `...` included) and the closing quotes and brackets that follow, when white
// space and then a sentence start follow. No split before a lower-case word,
// after an initial in any Cyrillic or Latin capital (`Қ. Тоқаев`), or after
// an abbreviation from models/abbreviations/<lang>.txt (with the
// #NUMERIC_ONLY# and #AFTER_NUMBER# conditions documented there).
//
// Thread safety: a loaded SentenceSplitter is immutable and safe for
// concurrent use.
#ifndef KAZPREP_SEGMENT_SENTENCE_SPLITTER_H_
#define KAZPREP_SEGMENT_SENTENCE_SPLITTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/status.h"

namespace kazprep {

struct SplitterOptions {
  // Language: "kk", "ru" or "en".                          Default: "kk".
  std::string lang = "kk";
  // Folder that replaces the embedded models/ files.      Default: embedded.
  std::string rules_dir;
  // An extra abbreviation file in the same format.        Default: none.
  std::string abbreviations_file;
};

class SentenceSplitter {
 public:
  enum class AbbreviationKind { kAlways, kNumericOnly, kAfterNumber };

  static Status Load(const SplitterOptions& options, std::unique_ptr<SentenceSplitter>* splitter);

  // Replaces `*sentences` with the sentences of `paragraph`.
  void Split(std::string_view paragraph, std::vector<std::string_view>* sentences) const;

  size_t abbreviation_count() const { return abbreviations_.size(); }
  // True when `entry` (without its final full stop) is a listed abbreviation.
  bool IsAbbreviation(std::string_view entry) const { return FindAbbreviation(entry) != nullptr; }

 private:
  SentenceSplitter() = default;
  using Abbreviations = std::unordered_map<std::string, AbbreviationKind>;
  static Status AddAbbreviations(std::string_view content, std::string_view origin,
                                 Abbreviations* to);
  static std::string_view TokenBefore(std::string_view text, size_t floor, size_t end);
  static std::string_view TokenAfter(std::string_view text, size_t begin);
  bool StartsSentence(std::string_view text, size_t next) const;
  const AbbreviationKind* FindAbbreviation(std::string_view word) const;
  bool ShouldSplit(std::string_view text, size_t sentence_start, size_t term_begin, size_t term_end,
                   size_t closers_end, size_t next) const;

  SplitterOptions options_;
  Abbreviations abbreviations_;
  // kk and ru: the English list, for words in Latin letters.
  Abbreviations latin_abbreviations_;
  // models/abbreviations/<lang>.starters.txt: words capitalised only at the
  // start of a sentence.
  std::unordered_set<std::string> starters_;
  // Informal English starts sentences in lower case ("i went. it was fun").
  bool lower_case_starts_ = false;
};

}  // namespace kazprep

#endif  // KAZPREP_SEGMENT_SENTENCE_SPLITTER_H_
