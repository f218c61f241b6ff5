// AbbreviationLearner: finds candidate abbreviations in raw text for a person
// to review (`kazprep split --learn CORPUS -o FILE`), in the format of
// models/abbreviations/ (pass the reviewed file back with --abbreviations).
//
// Type-based, as in Punkt (Kiss & Strunk 2006, "Unsupervised multilingual
// sentence boundary detection", Computational Linguistics 32(4)): a word type
// that is nearly always written with a final full stop, is short, and has
// inner full stops is an abbreviation. Its score is
//   log λ × exp(−letters) × (inner full stops + 1) × letters^(−count without a full stop)
// where log λ is Dunning's log-likelihood ratio of "the type and the full
// stop are independent" (P = full stops / tokens) against "the type takes a
// full stop 99% of the time". Added to Punkt: how often the next word starts
// in lower case (an abbreviation inside a sentence; a sentence end is
// followed by a capital), which also counts as evidence (a type never seen
// before a lower-case word or a digit is left out unless it has inner full
// stops: on small corpora Punkt's score also picks words that end sentences,
// such as "тұр." or "Hill."), and the marker each
// entry needs (#AFTER_NUMBER# when it mostly follows a number, #NUMERIC_ONLY#
// when it mostly precedes one).
//
// Paragraphs are added one at a time (one per line, as `split` reads them);
// memory grows with the number of distinct short word types, not with the
// corpus.
#ifndef KAZPREP_SEGMENT_ABBREVIATION_LEARNER_H_
#define KAZPREP_SEGMENT_ABBREVIATION_LEARNER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kazprep {

class SentenceSplitter;

struct LearnerOptions {
  // Fewest occurrences with a full stop for a candidate.   Default: 3.
  uint32_t min_count = 3;
  // Punkt score at or above which a type is a candidate.   Default: 0.3 (Punkt's).
  double min_score = 0.3;
  // Or: share of the occurrences before a word that are    Default: 0.75.
  // before a lower-case word (or a digit).
  double min_lower_share = 0.75;
};

struct LearnedAbbreviation {
  std::string entry;   // as written most often, without the final full stop
  std::string marker;  // "", "#AFTER_NUMBER#" or "#NUMERIC_ONLY#"
  double score = 0;    // Punkt's
  uint32_t with_stop = 0, without_stop = 0;
  uint32_t before_lower = 0, before_digit = 0, before_capital = 0, at_end = 0;
  uint32_t after_number = 0;
};

class AbbreviationLearner {
 public:
  // Counts the tokens of one paragraph.
  void Add(std::string_view paragraph);
  // Adds the counts of `other` (learners of parts of a corpus, merged in any
  // order, give the same candidates).
  void Merge(const AbbreviationLearner& other);

  // The candidates, best first; entries `known` already has (it may be null)
  // and initials (the splitter handles those in code) are left out.
  std::vector<LearnedAbbreviation> Candidates(const LearnerOptions& options,
                                              const SentenceSplitter* known) const;

  // The candidates as an abbreviation file, each entry after a comment with
  // its evidence.
  std::string Format(const std::vector<LearnedAbbreviation>& candidates,
                     std::string_view source) const;

  uint64_t tokens() const { return tokens_; }
  uint64_t paragraphs() const { return paragraphs_; }

 private:
  struct Stats {
    uint32_t with_stop = 0;
    uint32_t before_lower = 0, before_digit = 0, before_capital = 0, at_end = 0;
    uint32_t after_number = 0;
    std::unordered_map<std::string, uint32_t> spellings;  // written forms with a full stop
  };
  // Types seen with a final full stop, keyed by the lower-case type without
  // it; and how often each short type (hash of the lower-case form) is
  // written without one.
  std::unordered_map<std::string, Stats> stopped_;
  std::unordered_map<uint64_t, uint32_t> plain_;
  uint64_t tokens_ = 0, stops_ = 0, paragraphs_ = 0;
};

}  // namespace kazprep

#endif  // KAZPREP_SEGMENT_ABBREVIATION_LEARNER_H_
