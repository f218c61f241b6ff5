// Lexicon: word forms and their counts, the typo corrector's knowledge of
// Kazakh. Built from any corpus with `kazprep lexicon build` (the user's own
// corpus is the best lexicon); a default is shipped in models/typos/.
//
// File format (TSV, one entry per line, '#' comments): WORD<TAB>COUNT, words
// lower-case as the normalizer leaves them (NFC, Kazakh letters), sorted by
// count (descending) then word.
#ifndef KAZPREP_PREPROCESS_LEXICON_H_
#define KAZPREP_PREPROCESS_LEXICON_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace kazprep {

// Calls `fn(word, begin, end)` for each word of `line`: a run of letters
// (Cyrillic or Latin) and combining marks; hyphens and apostrophes split.
void ForEachWord(std::string_view line,
                 const std::function<void(std::string_view word, size_t begin, size_t end)>& fn);
// Lower-cases a word.
std::string LowerWord(std::string_view word);

// Counts lower-cased word forms of lines (already normalized).
class LexiconBuilder {
 public:
  void AddLine(std::string_view line);
  void Merge(const LexiconBuilder& other);
  uint64_t tokens() const { return tokens_; }
  size_t types() const { return counts_.size(); }
  // The lexicon file text: header comment, then WORD<TAB>COUNT lines with
  // COUNT >= min_count, sorted by count then word (deterministic).
  std::string ToTsv(uint32_t min_count, const std::string& header) const;

 private:
  std::unordered_map<std::string, uint32_t> counts_;
  uint64_t tokens_ = 0;
};

class Lexicon {
 public:
  // Parses the file text; the message of a failed Status names origin:line.
  Status Parse(std::string_view content, std::string_view origin);
  uint32_t Count(std::string_view word) const;  // 0 when unknown
  size_t size() const { return words_.size(); }
  const std::vector<std::pair<std::string, uint32_t>>& words() const { return words_; }
  uint64_t total() const { return total_; }

 private:
  std::vector<std::pair<std::string, uint32_t>> words_;
  static uint64_t Hash(std::string_view word);
  static constexpr uint64_t kEmpty = UINT64_MAX;
  std::vector<uint64_t> index_;  // open-addressing table: hash tag << 32 | id into words_
  uint64_t total_ = 0;
};

}  // namespace kazprep

#endif  // KAZPREP_PREPROCESS_LEXICON_H_
