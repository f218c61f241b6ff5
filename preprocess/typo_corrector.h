// TypoCorrector: corrects misspelled Kazakh words, precision first.
//
// Knowledge: a lexicon of word forms with counts (models/typos/kk.lexicon.tsv,
// built by `kazprep lexicon build`), error costs (models/typos/confusions.tsv:
// Russian-keyboard letters are the cheapest errors; models/typos/keyboard.tsv:
// a neighbouring key costs one edit, a far letter two), and word forms attested
// in Kazakh web text (models/typos/kk.attested.txt).
// Candidates for an unknown word come from a symmetric-delete index (words of
// the lexicon with one letter deleted, matched against the input with up to
// two deleted: edit distance 1 and most of 2, without scanning the lexicon)
// and from an index of folded forms (Казакстан -> Қазақстан). The choice is a
// noisy-channel score: log(count) minus a cost per error, plus how much more
// word-like the candidate is than the input by a letter 6-gram model of the
// lexicon (CharLm). "The input is right" competes as a candidate of its own,
// stronger when Hunspell accepts the input or it is a lexicon word plus a
// known ending (a valid form the lexicon has not seen). When two known
// candidates are too close to call, the neighbouring words decide through
// the lexicon's word bigrams (DecideInContext), unless a form one edit away
// that Kazakh web text attests (Tesseract's Kazakh word list) leads them
// all: such forms are candidates with no count when the lexicon's do not
// decide, never known words (web text has typos of its own), and never
// rivals of a word that is attested itself. Before all that, a letter
// typed twice that Kazakh does not double (аалдыңғы, сондаа) is undone when
// one known word is left (UndoubleLetter).
// Restraint: a known word (seen twice) never changes; nor do words under 4 letters, words
// with Latin letters or digits, or capitalised words (names), except for
// Kazakh letters restored in a word typed on a Russian keyboard
// (Казакстан -> Қазақстан); a word changes only when
// one candidate is clearly better than the next.
//
// Thread safety: immutable after Load(), safe for concurrent use.
#ifndef KAZPREP_PREPROCESS_TYPO_CORRECTOR_H_
#define KAZPREP_PREPROCESS_TYPO_CORRECTOR_H_

#include <array>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/flat_hash.h"
#include "common/hash.h"
#include "common/status.h"
#include "preprocess/char_lm.h"
#include "preprocess/lexicon.h"

namespace kazprep {

// A correction and why it was made (for the --fixes audit).
struct TypoFix {
  std::string correction;
  double cost = 0;   // weighted edit cost from the input to the correction
  double score = 0;  // the noisy-channel score of the correction
  // "lexicon", "context", "doubled-letter", "doubled-letter+ending",
  // "rare-letters", "put-back", "restored-letters",
  // "restored-letters+ending", "attested" or "sole-candidate"
  const char* evidence = "";
};

// The neighbours of a word, lower-cased, as LeftNeighbour()/RightNeighbour()
// of preprocess/lexicon.h give them ("" where none counts).
struct TypoContext {
  std::string left, right;
};

struct TypoOptions {
  // Folder that replaces the embedded models/ tables.      Default: embedded.
  std::string rules_dir;
  // Hunspell dictionary (PATH.aff, PATH.dic): a word it accepts is more
  // likely a valid form the lexicon has not seen (a higher score for keeping
  // it); "" disables it. Debian's hunspell-kk. Default: /usr/share/hunspell/kk_KZ.
  std::string hunspell = "/usr/share/hunspell/kk_KZ";
  // Lexicon files (`kazprep lexicon build` over the user's own corpus) whose
  // counts are added to the default lexicon's, the words they have only
  // once (all of them together) left out.                     Default: none.
  std::vector<std::string> lexicons;
  // Threads that build the indexes while loading (the same tables with any
  // number).                                                  Default: 1.
  int threads = 1;
};

class TypoCorrector {
 public:
  ~TypoCorrector();
  static Status Load(const TypoOptions& options, std::unique_ptr<TypoCorrector>* corrector);
  // The same, shared with every other live corrector of the same tables
  // (rules folder, Hunspell path, lexicon paths) in this process: a job that normalizes
  // Kazakh in several places loads the tables (0.2 s, 50 MB) once.
  static Status LoadShared(const TypoOptions& options,
                           std::shared_ptr<const TypoCorrector>* corrector);

  // True when `word` (a run of letters, as in the text) should become
  // `fix->correction`; `*fix` also says why. `context` (called only for a
  // close call between candidates, when the lexicon has word bigrams) gives
  // the neighbouring words, which then decide.
  bool Correct(std::string_view word, TypoFix* fix,
               const std::function<TypoContext()>* context = nullptr) const;

  // True for a lexicon word seen at least twice (a form seen once may be a typo).
  bool Known(std::string_view lower_word) const { return lexicon_.Count(lower_word) >= 2; }
  const Lexicon& lexicon() const { return lexicon_; }

  // True when `w` (lower-case) is a known word followed by one or two
  // endings that the lexicon shows are endings (архитектурасы + н,
  // серіктестер + мен, тай + дыр + ып): a valid form the lexicon may not
  // have seen.
  bool Plausible(std::u32string_view w) const;
  // The forms one edit from `w` (a letter inserted, replaced or swapped, a
  // doubled letter undoubled) that are not known words but Plausible ones,
  // sorted: the lexicon's own suggestions for a word it does not know.
  std::vector<std::u32string> UnseenNeighbours(const std::u32string& w) const;
  // True when `w` (lower-case) is in the attested word list.
  bool Attested(std::u32string_view w) const;
  // The forms one edit from `w` (a letter deleted, inserted, replaced, or two
  // neighbours swapped) that are Attested() but not known words, sorted.
  std::vector<std::u32string> AttestedNeighbours(const std::u32string& w) const;

 private:
  // A word's candidates that were too close to call without context.
  struct CloseCall {
    double keep = 0;                                         // the score a candidate must reach
    std::vector<std::pair<std::string, double>> candidates;  // word, score
  };
  // One step of Correct(): the decision for `word` alone (cached); a close
  // call fills `*close` instead.
  bool CorrectOnce(std::string_view word, TypoFix* fix, CloseCall* close = nullptr) const;
  // The candidate of `close` that the neighbours make clearly best.
  bool DecideInContext(const CloseCall& close, const TypoContext& context, TypoFix* fix) const;
  TypoCorrector();
  // The calling thread's Hunspell (Hunspell objects are not thread-safe).
  class HunspellPool;
  // Correct() without the per-thread cache of decisions, for a lower-case
  // word that is not known, and for a capitalised word.
  bool Decide(std::string_view word, TypoFix* fix, CloseCall* close) const;
  bool CorrectCapitalised(std::string_view word, TypoFix* fix) const;
  // Prices the substitutions of neighbouring keys of `content` (the rows of
  // typos/keyboard.tsv) that typos/confusions.tsv does not.
  Status AddKeyboardCosts(std::string_view content, std::string_view origin);
  // The cost of typing `typed` for `intended`: typos/confusions.tsv, then
  // the keyboard's neighbours, else a far substitution.
  double SubstitutionCost(char32_t typed, char32_t intended) const;
  bool RestoresLetters(const std::u32string& w, uint32_t id) const;
  // True when `w` (lower-case Cyrillic) has one letter typed twice that
  // Kazakh does not double (rarely_doubled_, or at the start of the word)
  // and undoing it gives one known word (with `endings_too`, one known or
  // Plausible word), which `*fix` names.
  bool UndoubleLetter(const std::u32string& w, bool endings_too, TypoFix* fix) const;
  // True when `w` (lower-case, no Kazakh letter: typed on a Russian
  // keyboard) is, with letters put back, exactly one lexicon word plus one or
  // two endings (a form the lexicon has not seen), which `*fix` names.
  bool RestoreLettersOverEndings(const std::u32string& w, TypoFix* fix) const;
  double EditCost(const std::u32string& typed, const std::u32string& intended) const;

  Lexicon lexicon_;
  std::vector<std::u32string> words32_;  // lexicon words as UTF-32, by id
  // (hash of a word with at most one letter deleted, id of the lexicon
  // word), sorted; delete_starts_ finds a hash's first entry.
  std::vector<std::pair<uint64_t, uint32_t>> deletes_;
  FlatHashMap64<uint32_t> delete_starts_;
  // Hash of a folded word -> id of the most frequent lexicon word with that fold.
  FlatHashMap64<uint32_t> folded_;
  std::unordered_map<uint64_t, double> costs_;  // (typed << 32 | intended) -> cost
  // Endings learned from the lexicon: strings s for which many pairs w, w+s
  // are both lexicon words.
  FlatHashSet64 endings_;                  // EndingKey()s of the endings
  FlatHashSet64 known_;                    // hashes of the known words (seen twice), UTF-32
  FlatHashSet64 known_utf8_;               // the same, of their UTF-8
  FlatHashSet64 known_prefixes_;           // hashes of the prefixes of the known words, UTF-32
  FlatHashSet64 attested_;                 // PolyHash()es of the attested words
  std::vector<uint64_t> attested_filter_;  // a Bloom filter of the same
  std::vector<uint64_t> attested_deletes_filter_;  // one of their one-letter deletions, by place
  // By Cyrillic letter (code point - U+0400): the lexicon's running text
  // doubles it in under kRareDoubling of its places (not у, и).
  std::array<bool, 256> rarely_doubled_{};
  // The count of the rarest letter trigram of `w` (word boundaries included).
  uint64_t RarestTrigram(const std::u32string& w) const;
  FlatHashMap64<uint64_t> trigrams_;        // hash of 3 letters -> count in running text
  CharLm lm_;                               // letter 6-grams of the lexicon's word types
  std::unique_ptr<HunspellPool> hunspell_;  // null when disabled
  // Decisions on unknown and capitalised words, shared by all threads (a
  // decision depends on the word alone): sharded, each shard behind its own
  // reader-writer lock. Per-thread caches made every thread decide every
  // word again, and two threads gained only 1.27x over one.
  struct Decision {
    std::string word;
    bool fix = false;
    TypoFix what;
    CloseCall close;
  };
  struct CacheShard {
    std::shared_mutex mutex;
    FlatHashMap64<uint32_t> index;  // Fnv1a of the word -> its place in decisions
    std::vector<Decision> decisions;
  };
  static constexpr size_t kCacheShards = 64;
  mutable std::array<CacheShard, kCacheShards> cache_;
};

}  // namespace kazprep

#endif  // KAZPREP_PREPROCESS_TYPO_CORRECTOR_H_
