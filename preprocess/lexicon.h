// Lexicon: word forms and their counts, the typo corrector's knowledge of
// Kazakh. Built from any corpus with `kazprep lexicon build` (the user's own
// corpus is the best lexicon); a default is shipped in models/typos/.
//
// File format (TSV, one entry per line, '#' comments): WORD<TAB>COUNT, words
// lower-case as the normalizer leaves them (NFC, Kazakh letters), sorted by
// count (descending) then word; then word bigrams, W1<TAB>W2<TAB>COUNT, sorted
// the same way: W1 followed by W2 with only spaces between, or a sentence
// edge (kSentenceStart before the first word of a line or after . ! ? …,
// kSentenceEnd after the last). The word entries kSentenceStart and
// kSentenceEnd count the edges. A file without bigrams is valid (no context).
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

inline constexpr std::string_view kSentenceStart = "<s>";
inline constexpr std::string_view kSentenceEnd = "</s>";

// A word of a line, for word bigrams: what stands between it and its
// neighbours is looked at only when asked for (LeftNeighbour/RightNeighbour).
struct WordInContext {
  size_t begin = 0, end = 0;  // the word is line[begin, end)
};
// The words of `line` (as ForEachWord finds them).
void WordsInContext(std::string_view line, std::vector<WordInContext>* words);
// The left and right neighbours of words[i] (lower-cased): the next word
// when only spaces stand between; kSentenceStart / kSentenceEnd at the
// line's edges or where . ! ? … stand between; "" where other punctuation
// does.
std::string LeftNeighbour(std::string_view line, const std::vector<WordInContext>& words, size_t i);
std::string RightNeighbour(std::string_view line, const std::vector<WordInContext>& words,
                           size_t i);

// Counts lower-cased word forms and word bigrams of lines (already normalized).
class LexiconBuilder {
 public:
  void AddLine(std::string_view line);
  void Merge(const LexiconBuilder& other);
  uint64_t tokens() const { return tokens_; }
  size_t types() const { return counts_.size(); }
  size_t bigram_types() const { return bigrams_.size(); }
  // The lexicon file text: header comment, then WORD<TAB>COUNT lines with
  // COUNT >= min_count, then W1<TAB>W2<TAB>COUNT lines with COUNT >=
  // min_bigram_count (0: none), each sorted by count then text
  // (deterministic).
  std::string ToTsv(uint32_t min_count, const std::string& header,
                    uint32_t min_bigram_count = 0) const;

 private:
  std::unordered_map<std::string, uint32_t> counts_;
  std::unordered_map<std::string, uint32_t> bigrams_;  // "W1\tW2" -> count
  uint64_t tokens_ = 0;
};

class Lexicon {
 public:
  // Parses the file text; the message of a failed Status names origin:line.
  Status Parse(std::string_view content, std::string_view origin);
  // Adds the counts of `other` (a lexicon of the user's own corpus on top of
  // the default one): the words of both (of `other` only those it counts
  // `min_count` times or more), sorted again by count then word, and the
  // bigrams of both, each count the sum (also of a word or pair listed
  // twice).
  void Add(const Lexicon& other, uint32_t min_count = 1);
  uint32_t Count(std::string_view word) const;  // 0 when unknown
  // How often `second` followed `first` (either may be kSentenceStart /
  // kSentenceEnd); 0 when unseen or the file has no bigrams.
  uint32_t BigramCount(std::string_view first, std::string_view second) const;
  size_t bigram_size() const { return bigrams_.size(); }
  size_t size() const { return words_.size(); }
  const std::vector<std::pair<std::string, uint32_t>>& words() const { return words_; }
  uint64_t total() const { return total_; }  // words of running text (edges not counted)

 private:
  std::vector<std::pair<std::string, uint32_t>> words_;
  // Sums the bigrams listed twice and builds index_ over words_.
  void Index();
  static uint64_t Hash(std::string_view word);
  static constexpr uint64_t kEmpty = UINT64_MAX;
  std::vector<uint64_t> index_;  // open-addressing table: hash tag << 32 | id into words_
  uint64_t total_ = 0;
  static uint64_t BigramKey(std::string_view first, std::string_view second);
  // (BigramKey, count), sorted by key after Parse (16 bytes an entry; looked
  // up only for close calls).
  std::vector<std::pair<uint64_t, uint32_t>> bigrams_;
};

}  // namespace kazprep

#endif  // KAZPREP_PREPROCESS_LEXICON_H_
