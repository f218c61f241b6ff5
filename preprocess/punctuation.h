// Punctuation: the normalizer's pass for quotes, dashes, ellipses, spacing
// around punctuation and repeated punctuation, with the standards of each
// language from models/normalize/punctuation.tsv.
//
// Quotes are paired by context (an opening mark follows a space or the line
// start and precedes a word; a closing mark follows a word); only when every
// mark of the line pairs up are they rewritten, by nesting depth, so "5"
// screen" or a stray mark leaves the line's quotes alone.
// Spacing rules never act inside URLs, e-mail addresses, @handles or #tags,
// and never between digits (3,5  12:30  27.11.2026).
// Thread safety: immutable after Load(), safe for concurrent use.
#ifndef KAZPREP_PREPROCESS_PUNCTUATION_H_
#define KAZPREP_PREPROCESS_PUNCTUATION_H_

#include <memory>
#include <string>

#include "common/status.h"
#include "preprocess/normalizer.h"

namespace kazprep {

class Punctuation {
 public:
  static Status Load(const std::string& lang, QuoteStyle quotes, const std::string& rules_dir,
                     std::unique_ptr<Punctuation>* punctuation);

  // Repairs `text` (single spaces, trimmed) in place; counts kQuotes, kDash,
  // kEllipsis, kPunctSpace and kRepeatedPunct.
  void Repair(std::u32string* text, NormalizerStats* stats) const;

  // True for characters that make a line worth this pass.
  bool IsQuote(char32_t cp) const;
  // The language's dash between words.
  char32_t dash() const { return dash_; }
  // True when the ellipsis standard is "..." (else "…").
  bool ellipsis_is_dots() const { return ellipsis_is_dots_; }

 private:
  enum class Role { kOpen, kClose, kUnknown };

  void RepairOnce(std::u32string* s, NormalizerStats* stats) const;
  void FixEllipses(std::u32string* s, NormalizerStats* stats) const;
  void FixDashes(std::u32string* s, NormalizerStats* stats) const;
  // Returns true when the line's quotes pair up (or there are none); only
  // then do quotes count as openers and closers for the spacing rules.
  // `protect`: the line may hold URLs, addresses, handles or tags.
  bool FixQuotes(std::u32string* s, bool protect, NormalizerStats* stats) const;
  bool FixRepeated(std::u32string* s, bool protect, NormalizerStats* stats) const;
  bool RemoveSpaces(std::u32string* s, bool quotes_paired, bool protect,
                    NormalizerStats* stats) const;
  bool InsertSpaces(std::u32string* s, bool protect, NormalizerStats* stats) const;
  // True when a spacing rule may apply (a quick scan before the rounds).
  bool NeedsSpacing(const std::u32string& s, bool quotes_paired) const;
  bool IsOpener(char32_t cp, bool quotes_paired) const;
  // « or » used as an arrow or separator: spaced on both sides or doubled.
  static bool IsSymbolGuillemet(const std::u32string& s, size_t i);
  bool IsCloser(char32_t cp, bool quotes_paired) const;

  std::string lang_;
  QuoteStyle quote_style_ = QuoteStyle::kStandard;
  char32_t outer_open_ = 0, outer_close_ = 0, inner_open_ = 0, inner_close_ = 0;
  char32_t dash_ = 0;
  bool ellipsis_is_dots_ = true;
};

}  // namespace kazprep

#endif  // KAZPREP_PREPROCESS_PUNCTUATION_H_
