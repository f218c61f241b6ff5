// CharLm: a letter n-gram model of word forms, the typo corrector's idea of
// what a Kazakh word looks like.
//
// Kazakh is agglutinative: most valid forms of a rare stem are missing from
// any lexicon, and a typo usually makes a letter sequence that words do not
// have (көлікк, адамдардын). The model gives log P(word) as the product of
// P(letter | previous n-1 letters), with word boundaries, interpolated
// absolute discounting (discount 0.75) down to a uniform distribution.
// Trained on word types (not tokens), so that frequent words do not dominate.
//
// Storage: one open-addressing table of 64-bit n-gram and context hashes
// (no per-entry allocation). Thread safety: immutable after Train().
#ifndef KAZPREP_PREPROCESS_CHAR_LM_H_
#define KAZPREP_PREPROCESS_CHAR_LM_H_

#include <cstdint>
#include <string>
#include <vector>

namespace kazprep {

class CharLm {
 public:
  // `order`: letters per n-gram, 1 to 16.
  explicit CharLm(int order = 6) : order_(order < 1 ? 1 : order > 16 ? 16 : order) {}
  // Adds one word (letters only, as the lexicon holds them).
  void Add(const std::u32string& word);
  // Finishes training (sets the uniform floor); call after the last Add().
  void Train();
  // Natural log of P(word), the end-of-word mark included.
  double LogProb(const std::u32string& word) const;
  size_t entries() const { return used_; }

 private:
  struct Entry {
    uint64_t key = 0;        // 0: empty slot
    uint32_t count = 0;      // n-gram: occurrences; context: occurrences followed by a letter
    uint32_t followers = 0;  // context: distinct letters seen after it
  };
  Entry* Slot(uint64_t key);  // finds or inserts
  const Entry* Find(uint64_t key) const;
  void Grow();
  double Prob(const uint64_t* contexts, const uint64_t* grams, int k) const;

  int order_;
  std::vector<Entry> table_;  // size a power of two, at most three quarters full
  size_t used_ = 0;
  double uniform_ = 1.0;
};

}  // namespace kazprep

#endif  // KAZPREP_PREPROCESS_CHAR_LM_H_
