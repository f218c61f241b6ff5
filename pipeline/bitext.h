// BitextFilter: normalizes and filters one sentence pair of a parallel
// corpus (`kazprep bitext`, and the parallel inputs of `kazprep run`).
//
// Each side is normalized with the normalizer of its own language. A pair is
// dropped, with the first reason that applies:
//   empty source / empty target   a side is empty after normalization
//   identical sides               the two sides are the same text
//   overlong                      a side has more than max_chars characters
//   source language:xx / target language:xx
//                                 a side of at least min_language_letters
//                                 letters is clearly in another of kk, ru,
//                                 en
//   length ratio                  (longer + 5) / (shorter + 5) characters
//                                 exceeds max_ratio
//   numbers differ                both sides have numbers, and the multisets
//                                 differ (digit runs without trailing zeros;
//                                 "1 000", "1,000" and "1000" are one number,
//                                 "3,5" and "3.5" the same two runs, "75 мың"
//                                 and "75,000" the same number)
// Duplicates are dropped by the caller, which sees pairs in order
// (BitextDeduplicator).
//
// Re-splitting (OpusCleaner style): when both sides split into the same
// number k >= 2 of sentences and every sentence pair passes the length-ratio
// test, the pair becomes k sentence pairs.
//
// Line contract: 1 pair in, 0..k pairs out; the two sides of every output pair
// belong together. Never fails on bad input (bad bytes become U+FFFD).
// Thread safety: immutable after Load(), safe for concurrent use.
#ifndef KAZPREP_PIPELINE_BITEXT_H_
#define KAZPREP_PIPELINE_BITEXT_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/line_io.h"
#include "common/status.h"
#include "preprocess/normalizer.h"

namespace kazprep {

class LanguageIdentifier;
class SentenceSplitter;

struct BitextOptions {
  // Languages of the two sides: kk, ru or en.                  Default: kk, ru.
  std::string src = "kk";
  std::string tgt = "ru";
  // Folder that replaces the embedded models/ files.          Default: embedded.
  std::string rules_dir;
  // Typo correction of the Kazakh side.                        Default: safe.
  TypoMode typos = TypoMode::kSafe;
  // Lexicons of the user's own corpus added to the default one for it.
  std::vector<std::string> lexicons;
  // Longest side, in characters (code points).                 Default: 1000.
  size_t max_chars = 1000;
  // Largest (longer + 5) / (shorter + 5) length ratio.          Default: 2.5.
  double max_ratio = 2.5;
  // Fewest letters for a language check of a side.            Default: 20.
  int min_language_letters = 20;
  // Drop pairs whose numbers differ.                           Default: true.
  bool check_numbers = true;
  // Split pairs into sentence pairs where both sides agree.   Default: true.
  bool resplit = true;
};

struct BitextPair {
  std::string src, tgt;
};

struct BitextStats {
  uint64_t pairs_in = 0, pairs_out = 0, resplit = 0;
  NormalizerStats normalizer;
  void Add(const BitextStats& o) {
    pairs_in += o.pairs_in;
    pairs_out += o.pairs_out;
    resplit += o.resplit;
    normalizer.Add(o.normalizer);
  }
};

class BitextFilter {
 public:
  ~BitextFilter();
  static Status Load(const BitextOptions& options, std::unique_ptr<BitextFilter>* filter);

  // Replaces `*out` with the normalized pair (or its sentence pairs) and
  // returns "", or clears `*out` and returns the reason for dropping it.
  std::string Process(std::string_view src, std::string_view tgt, std::vector<BitextPair>* out,
                      BitextStats* stats) const;

  const BitextOptions& options() const { return options_; }

 private:
  BitextFilter();
  bool RatioOk(std::string_view a, std::string_view b) const;

  BitextOptions options_;
  std::unique_ptr<Normalizer> src_normalizer_, tgt_normalizer_;
  std::unique_ptr<SentenceSplitter> src_splitter_, tgt_splitter_;
  std::unique_ptr<LanguageIdentifier> language_id_;
};

// The numbers of `text`, digit runs in order of appearance, with thousands
// separators (space, no-break space, comma, full stop or apostrophe before
// exactly three digits) removed and trailing zeros dropped (the words for
// thousand and million differ between languages): "1 000,5 и 3.5%" ->
// {"1", "5", "3", "5"}.
std::vector<std::string> NumbersOf(std::string_view text);

// Drops pairs seen before (by a 64-bit hash of both sides); feed pairs in
// input order for output that does not depend on the number of threads.
class BitextDeduplicator {
 public:
  // True the first time this pair is seen.
  bool FirstTime(const BitextPair& pair);

 private:
  std::unordered_set<uint64_t> seen_;
};

// Where the pairs come from: TSV files (SOURCE<TAB>TARGET; "-" is stdin) or
// two line-aligned files.
struct BitextInput {
  std::vector<std::string> tsv;
  std::string src_file, tgt_file;
  // Only this shard of each file (of two files: the source file's shard and
  // the same lines of the target file). Line numbers stay the whole file's.
  Shard shard;
};

struct BitextTotals {
  BitextStats stats;
  std::map<std::string, uint64_t> dropped;  // input pairs dropped, by reason
  uint64_t duplicates = 0;                  // output pairs dropped as seen before
  uint64_t bytes = 0;
};

// Runs `filter` over every pair of `input` on `threads` threads and, in
// input order, calls `keep` for each pair kept and `reject` for each pair
// dropped (its file, line number, reason and the sides as read; a duplicate
// is reported with its normalized sides). `dedup` drops pairs seen before.
// Two files of different lengths are an error naming both (the alignment is
// broken), after the pairs read so far.
using BitextKeep =
    std::function<void(const BitextPair& pair, const std::string& file, uint64_t line)>;
using BitextReject =
    std::function<void(const std::string& file, uint64_t line, std::string_view reason,
                       std::string_view src, std::string_view tgt)>;
Status RunBitext(const BitextFilter& filter, const BitextInput& input, int threads, bool dedup,
                 const BitextKeep& keep, const BitextReject& reject, BitextTotals* totals);

// One row of a rejects file: file, line, reason, source, target (TSV, each
// field escaped).
void WriteRejectRow(OutputFile* out, const std::string& file, uint64_t line,
                    std::string_view reason, std::string_view src, std::string_view tgt);

}  // namespace kazprep

#endif  // KAZPREP_PIPELINE_BITEXT_H_
