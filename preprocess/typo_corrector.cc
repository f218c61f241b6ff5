#include "preprocess/typo_corrector.h"

#include <unicode/uchar.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <hunspell/hunspell.hxx>
#include <map>
#include <mutex>
#include <thread>

#include "common/hash.h"
#include "common/line_io.h"
#include "common/resources.h"
#include "common/utf8.h"
#include "preprocess/text_util.h"

namespace kazprep {
namespace {

// A lexicon word seen this often is known (never changed) and may be proposed.
constexpr uint32_t kMinCandidateCount = 2;
constexpr size_t kMinLetters = 4;
// The noisy-channel score of a candidate is log(count) - kCostWeight * cost +
// kLmWeight * (log P_lm(candidate) - log P_lm(input)); the input stays as it
// is unless the best candidate scores at least `keep` and leads the next by
// kMargin. keep = kKeepScore, plus kHunspellKeeps when Hunspell accepts the
// input, plus kPlausibleKeeps when it is a lexicon word and a known ending.
// Chosen on a tuning set that is not the development set (FLORES devtest
// with synthetic typos, lexicon rebuilt without it; see models/typos/README.md).
constexpr double kCostWeight = 3.0;
constexpr double kLmWeight = 0.45;
constexpr double kKeepScore = 5.0;
constexpr double kHunspellKeeps = 2.0;
constexpr double kPlausibleKeeps = 4.0;
constexpr double kMargin = 2.0;
constexpr double kMaxCost = 1.6;
// A substitution that typos/confusions.tsv does not list is priced by the
// keyboard (typos/keyboard.tsv): a neighbour in the same row costs
// kRowNeighbourCost, one in the row above or below kColumnNeighbourCost, and
// any other letter kFarSubstitutionCost, as a deletion plus an insertion
// would: past kMaxCost, so no candidate is one far substitution away (аюды
// stays, not алды; блмайды becomes болмайды, not алмайды). Chosen on the
// tuning set (with the kz layout alone): far substitutions at 1.0 (as
// before), 1.2, 1.4 and 1.6 gave precision / recall 0.9439 / 0.7184, 0.9411
// / 0.7168, 0.9457 / 0.7231, 0.9462 / 0.7278; past kMaxCost 0.9591 / 0.7421
// (and 0.00 changes per 2,000 clean X-WMT words); the row above or below at
// 1.0, 1.2 and 1.4 gave the same there (1.2 is a little better on the
// development set). With both layouts, as shipped: 0.9574 / 0.7468.
// Neighbours in the same row below 1.0 lost precision everywhere (0.9 and
// 0.7 added wrong changes to clean text).
constexpr double kRowNeighbourCost = 1.0;
constexpr double kColumnNeighbourCost = 1.2;
constexpr double kFarSubstitutionCost = 2.0;
// The second opinion (words Hunspell rejects that are no lexicon word plus an
// ending): a word with a letter trigram seen fewer than kRareTrigram times in
// the lexicon's running text changes to a candidate with log(count) -
// kRareCostWeight * cost >= kRareMinScore that leads the next by kMargin
// (kRareMinLetters and kRareMinLettersMissing: where Decide() uses them).
constexpr uint64_t kRareTrigram = 50;
constexpr double kRareCostWeight = 4.0;
constexpr double kRareMinScore = -2.0;
constexpr size_t kRareMinLetters = 9;
constexpr size_t kRareMinLettersMissing = 8;  // for a letter left out
// Unseen forms one edit away that the lexicon's endings explain (the
// lexicon's own suggestions, UnseenNeighbours) have no count: they score
// kSuggestionScore, at most kMaxSuggestionCost away, and join the candidates
// when log P_lm(input) per letter is at most kSuggestLmPerLetter; a missing
// letter put back is taken alone when it raises log P_lm by kPutBackLmGain.
constexpr double kSuggestionScore = 1.0;
constexpr double kMaxSuggestionCost = 1.0;
constexpr double kSuggestLmPerLetter = -2.5;
constexpr double kPutBackLmGain = 5.0;
// A letter put back on the letter model's word alone needs this many
// letters of context: саам (the Sami) must not become салам (tuning set:
// one wrong change less on each side, no fix lost on any set).
constexpr size_t kMinPutBackLetters = 5;
// Word forms attested in web text (models/typos/kk.attested.txt) that the
// lexicon does not know have no count: one edit from the input, they score
// as a lexicon word seen exp(kAttestedLogCount) times would. The best of
// them is taken only when the lexicon's candidates do not decide, and it
// reaches `keep` and leads every candidate by kMargin. A word that is
// attested itself gets no attested rival (web text has typos too: болган,
// керк; only the lexicon corrects those). Chosen on the tuning set: 2.0
// and 2.5 gave less recall for the same precision, 4.0 lost 0.03 of
// precision; attested rivals for an attested word at a bar 1, 2 or 3
// higher gave 2 more fixes for 1 more wrong change, and cost a search for
// most unknown words.
constexpr double kAttestedLogCount = 3.0;
// A word nothing vouches for, that is not attested itself and has exactly
// one candidate in the lexicon (the candidates' rules: up to two edits,
// cost at most kMaxCost) and none in the attested list (one edit), takes it
// when it scores at least kSoleMinScore, the last step before the second
// opinion: with the lexicon and the attested list to choose from, a
// lone neighbour is telling. Chosen on the tuning set: 2 and 2.5 gave 6
// more fixes for 1 more wrong change (виртууалды, a typo of the
// reference), and 2.5 keeps the valid бояғаннан (болғаннан scores 2.1);
// 1 and 0 gave 2 more fixes for 2 and 5 more wrong changes, 3 one fix less.
constexpr double kSoleMinScore = 2.5;
// A word gets its Kazakh letters back (typed on a Russian keyboard) only from
// a lower-case form seen this often.
constexpr uint32_t kMinCapitalisedCount = 20;
// A word typed on a Russian keyboard that the lexicon has not seen gets its
// Kazakh letters back as a lexicon word plus one or two endings when exactly
// one such form exists and it puts back at least kMinRestoredLetters letters
// (one letter is the lexicon's candidates' business: жасаганын must not
// become жасағаның); at most kMaxRestorations choices of letters after a stem
// are tried.
constexpr size_t kMinRestoredLetters = 2;
constexpr size_t kMaxRestorations = 512;
// Decisions remembered per thread before the cache starts over.
constexpr size_t kMaxCachedWords = 1 << 18;
// An ending is a string of up to kMaxEnding letters that follows at least
// kMinEndingPairs lexicon words to give another lexicon word.
constexpr size_t kMaxEnding = 8;
// Plausible() takes words of up to this many letters.
constexpr size_t kLongestPlausible = 64;
constexpr uint32_t kMinEndingPairs = 20;

// Word bigrams decide a close call (the best lexicon candidate reaches
// `keep` but leads the next by less than kMargin): each candidate's score
// gains kContextWeight * (log P(c | left) - log P(c) + log P(right | c) -
// log P(right)), the bigram probabilities smoothed towards the word's own
// (Dirichlet, kContextPrior); a neighbour the lexicon does not know counts
// for nothing. Candidates within kCloseCall of the best take part.
constexpr double kContextWeight = 1.0;
constexpr double kContextPrior = 10.0;
constexpr double kCloseCall = 4.0;

// A letter typed twice (аалдыңғы, отырдды) is undone before anything else
// when Kazakh almost never doubles it: at the start of a word, or a letter
// doubled in under kRareDoubling of its places in the lexicon's running text
// (not у and и, which double where endings meet: жау + у + ы). Chosen on the
// tuning set (0.001 and 0.003 gave the same; 0.01 lets класста -> класта).
// When the lexicon's candidates do not decide and nothing vouches for the
// input, the word left may also be a lexicon word plus an ending (scored as
// kSuggestionScore).
constexpr double kRareDoubling = 0.003;

// The best and second-best candidates by score.
struct Ranking {
  double best_score = -1e300, second_score = -1e300, best_cost = 0;
  std::string best;
  std::vector<std::pair<std::string, double>> all;  // when asked for (close calls)
  bool keep_all = false;
  void Add(double score, const std::string& word, double cost) {
    if (keep_all) all.emplace_back(word, score);
    if (score > best_score) {
      second_score = best_score;
      best_score = score;
      best = word;
      best_cost = cost;
    } else if (score > second_score) {
      second_score = score;
    }
  }
  bool Decides(double keep) const {
    return !best.empty() && best_score >= keep && best_score - second_score >= kMargin;
  }
};

// The polynomial hash of a word that AttestedNeighbours() can update in
// O(1) for each edit: h = h * kPolyBase + letter, from the first letter.
constexpr uint64_t kPolyBase = 0x100000001b3ULL;
uint64_t PolyHash(std::u32string_view w) {
  uint64_t h = 0;
  for (const char32_t c : w) h = h * kPolyBase + c;
  return h;
}

// Bloom filters in front of the attested words' table (4 MB, which does not
// stay in cache): one 64-bit block of 2^kFilterBits per hash, two bits set
// in it. One holds the words (256 KB); the other, 2^kDeletesFilterBits
// blocks (2 MB), the words with one letter deleted, tagged with the place
// of the letter (DeletedAt), which tells AttestedNeighbours where an edit
// can lead to an attested word before it tries the 42 letters there.
constexpr int kFilterBits = 15;
constexpr int kDeletesFilterBits = 18;
uint64_t FilterMix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  return h;
}
uint64_t FilterMask(uint64_t mixed) { return (1ULL << (mixed & 63)) | (1ULL << (mixed >> 6 & 63)); }
// The hash of a word with its letter `at` deleted, for the deletes filter.
uint64_t DeletedAt(uint64_t h, size_t at) { return h + 0x9e3779b97f4a7c15ULL * (at + 1); }
void FilterAdd(std::vector<uint64_t>* filter, int bits, uint64_t h) {
  const uint64_t mixed = FilterMix(h);
  (*filter)[mixed >> (64 - bits)] |= FilterMask(mixed);
}
bool FilterHas(const std::vector<uint64_t>& filter, int bits, uint64_t h) {
  const uint64_t mixed = FilterMix(h), mask = FilterMask(mixed);
  return (filter[mixed >> (64 - bits)] & mask) == mask;
}

const std::u32string& KazakhLetters() {
  static const std::u32string letters = text::Decode("аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя");
  return letters;
}

// `w` between word-boundary marks, for letter trigrams. (Appended, not
// operator+: GCC 12 warns -Wrestrict on the latter.)
std::u32string Bounded(const std::u32string& w) {
  std::u32string out;
  out.reserve(w.size() + 2);
  out.push_back(U'^');
  out.append(w);
  out.push_back(U'$');
  return out;
}

std::u32string Fold(const std::u32string& w) {
  std::u32string out = w;
  for (char32_t& c : out) c = text::FoldKazakhLetter(c);
  return out;
}

// True when `shorter` is `w` with one letter of a doubled pair removed.
bool DroppedDoubledLetter(const std::u32string& w, const std::u32string& shorter) {
  if (shorter.size() + 1 != w.size()) return false;
  for (size_t k = 0; k + 1 < w.size(); ++k) {
    if (w[k] == w[k + 1] && w.substr(0, k) + w.substr(k + 1) == shorter) return true;
  }
  return false;
}

// True when `longer` is `w` with one letter put in (nothing else changed).
bool OneLetterLeftOut(const std::u32string& w, const std::u32string& longer) {
  if (longer.size() != w.size() + 1) return false;
  size_t k = 0;
  while (k < w.size() && w[k] == longer[k]) ++k;
  return std::equal(w.begin() + static_cast<std::ptrdiff_t>(k), w.end(),
                    longer.begin() + static_cast<std::ptrdiff_t>(k) + 1);
}

// True when `a` and `b` differ in exactly one letter (same length).
bool OneSubstitution(const std::u32string& a, const std::u32string& b) {
  if (a.size() != b.size()) return false;
  size_t diff = 0;
  for (size_t k = 0; k < a.size(); ++k) diff += a[k] != b[k];
  return diff == 1;
}

// 1 for a front vowel, 2 for a back vowel, 0 for any other letter.
uint64_t Frontness(char32_t c) {
  switch (c) {
    case U'ә':
    case U'е':
    case U'ё':
    case U'и':
    case U'ө':
    case U'ү':
    case U'і':
    case U'э':
    case U'ю':
    case U'я':
      return 1;
    case U'а':
    case U'о':
    case U'у':
    case U'ұ':
    case U'ы':
      return 2;
    default:
      return 0;
  }
}

// Kazakh endings change with the sound they follow (лар/лер/дар/тар...):
// an ending is keyed by the stem's last letter and the frontness of its last
// vowel, so "кей" + "н" does not borrow the credit of "бала" + "н". The key
// of `ending` after a stem ending in `last` whose last vowel has
// `frontness`:
uint64_t EndingKey(std::u32string_view ending, char32_t last, uint64_t frontness) {
  return FnvAdd(FnvAdd(Fnv1a(ending), last), frontness);
}

uint64_t EndingKey(std::u32string_view stem, std::u32string_view ending) {
  uint64_t vowel = 0;
  for (size_t k = stem.size(); k-- > 0 && vowel == 0;) vowel = Frontness(stem[k]);
  return EndingKey(ending, stem.empty() ? 0 : stem.back(), vowel);
}

// True when `f[stem..]` is one ending or two after `f[..stem)`, each an
// ending (of `endings`, by EndingKey) after what precedes it and none
// starting before `first_ending`; `vowel(j)` is the frontness of the last
// vowel of f[..j).
template <class Vowel>
bool EndingsAfter(const FlatHashSet64& endings, std::u32string_view f, size_t stem,
                  size_t first_ending, const Vowel& vowel) {
  // f[j..] is an ending after f[..j)
  const auto ending_from = [&](size_t j) {
    return j >= first_ending && f.size() - j <= kMaxEnding &&
           endings.Contains(EndingKey(f.substr(j), f[j - 1], vowel(j)));
  };
  if (ending_from(stem)) return true;
  uint64_t h = kFnvOffset;  // Fnv1a of f[stem..mid)
  for (size_t mid = stem + 1; mid < f.size() && mid - stem <= kMaxEnding; ++mid) {
    h = FnvAdd(h, f[mid - 1]);
    if (f.size() - mid <= kMaxEnding &&
        endings.Contains(FnvAdd(FnvAdd(h, f[stem - 1]), vowel(stem))) && ending_from(mid)) {
      return true;
    }
  }
  return false;
}

}  // namespace

// One Hunspell per thread, created on first use.
class TypoCorrector::HunspellPool {
 public:
  explicit HunspellPool(std::string path) : path_(std::move(path)) {}
  Hunspell& Get() {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto& h = instances_[std::this_thread::get_id()];
    if (!h) h = std::make_unique<Hunspell>((path_ + ".aff").c_str(), (path_ + ".dic").c_str());
    return *h;
  }

 private:
  std::string path_;
  std::mutex mutex_;
  std::map<std::thread::id, std::unique_ptr<Hunspell>> instances_;
};

TypoCorrector::TypoCorrector() = default;
TypoCorrector::~TypoCorrector() = default;

Status TypoCorrector::Load(const TypoOptions& options, std::unique_ptr<TypoCorrector>* corrector) {
  auto t = std::unique_ptr<TypoCorrector>(new TypoCorrector());
  const std::string& rules_dir = options.rules_dir;
  if (!options.hunspell.empty()) {
    if (::access((options.hunspell + ".aff").c_str(), R_OK) != 0 ||
        ::access((options.hunspell + ".dic").c_str(), R_OK) != 0) {
      return Status::Error(options.hunspell +
                           ".aff/.dic: cannot read the Hunspell dictionary "
                           "(install hunspell-kk, or pass an empty path to go without)");
    }
    t->hunspell_ = std::make_unique<HunspellPool>(options.hunspell);
  }
  std::string content, origin;
  KAZPREP_RETURN_IF_ERROR(
      resources::LoadModelFile("typos/kk.lexicon.tsv", rules_dir, &content, &origin));
  KAZPREP_RETURN_IF_ERROR(t->lexicon_.Parse(content, origin));
  std::string().swap(content);  // the lexicon's text (7 MB) is not needed any more
  if (!options.lexicons.empty()) {
    Lexicon users;  // all the user's lexicons, summed
    for (const std::string& path : options.lexicons) {
      Lexicon more;
      KAZPREP_RETURN_IF_ERROR(ReadFile(path, &content));
      KAZPREP_RETURN_IF_ERROR(more.Parse(content, path));
      std::string().swap(content);
      users.Add(more);
    }
    // A word the user's corpus (all its lexicons together) has only once is
    // as likely one of its typos: left out, or the letter model would learn
    // the typos of the very text it corrects (measured: recall 0.69 -> 0.35
    // with the lexicon of the development set's own noisy text).
    t->lexicon_.Add(users, kMinCandidateCount);
  }
  std::string attested, attested_origin;
  KAZPREP_RETURN_IF_ERROR(
      resources::LoadModelFile("typos/kk.attested.txt", rules_dir, &attested, &attested_origin));
  KAZPREP_RETURN_IF_ERROR(
      resources::LoadModelFile("typos/confusions.tsv", rules_dir, &content, &origin));
  TypoCorrector* raw = t.get();
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [raw](std::string_view line) -> Status {
        const auto f = resources::SplitTabs(line);
        if (f.size() < 3) return Status::Error("expected TYPED, INTENDED, COST");
        const std::u32string typed = text::Decode(f[0]), intended = text::Decode(f[1]);
        if (typed.size() != 1 || intended.size() != 1)
          return Status::Error("letters are 1 character");
        double cost = 0;
        const auto [end, ec] = std::from_chars(f[2].data(), f[2].data() + f[2].size(), cost);
        if (ec != std::errc() || cost < 0) return Status::Error("COST is not a number");
        raw->costs_[(static_cast<uint64_t>(typed[0]) << 32) | intended[0]] = cost;
        return Status::Ok();
      }));
  KAZPREP_RETURN_IF_ERROR(
      resources::LoadModelFile("typos/keyboard.tsv", rules_dir, &content, &origin));
  KAZPREP_RETURN_IF_ERROR(t->AddKeyboardCosts(content, origin));
  std::string().swap(content);
  // The indexes below read only the lexicon and each fills its own tables:
  // with threads, the letter model (the largest) is built beside the rest.
  TypoCorrector* built = t.get();
  const auto build_indexes = [built]() {
    // Indexes over the Cyrillic lower-case words seen often enough.
    const auto& words = built->lexicon_.words();
    built->words32_.resize(words.size());
    for (uint32_t id = 0; id < words.size(); ++id) {
      if (words[id].second < kMinCandidateCount) continue;
      std::u32string w = text::Decode(words[id].first);
      bool cyrillic = w.size() >= kMinLetters - 1;
      for (const char32_t c : w) cyrillic &= text::IsCyrillicLetter(c);
      if (!cyrillic) continue;
      built->deletes_.emplace_back(Fnv1a(w), id);
      for (size_t k = 0; k < w.size(); ++k) {
        std::u32string d = w;
        d.erase(k, 1);
        built->deletes_.emplace_back(Fnv1a(d), id);
      }
      built->folded_.Insert(Fnv1a(Fold(w)), id);  // words are sorted by count: the first wins
      built->words32_[id] = std::move(w);
    }
    std::sort(built->deletes_.begin(), built->deletes_.end());
    for (uint32_t k = 0; k < built->deletes_.size(); ++k) {
      if (k == 0 || built->deletes_[k - 1].first != built->deletes_[k].first) {
        built->delete_starts_[built->deletes_[k].first] = k;
      }
    }
    for (const auto& [word, count] : words) {
      if (count < kMinCandidateCount) continue;
      built->known_utf8_.Insert(Fnv1a(word));
      uint64_t h = kFnvOffset;  // ends as Fnv1a of the word in UTF-32
      for (const char32_t c : text::Decode(word)) built->known_prefixes_.Insert(h = FnvAdd(h, c));
      built->known_.Insert(h);
    }
    // Letter trigrams (with word boundaries), weighted by word counts; and
    // how often each Cyrillic letter followed by another letter is doubled,
    // in the running text's words of kMinLetters or more (not the Roman
    // numerals іі, ііі, nor interjections).
    std::array<double, 256> doubled{}, followed{};
    for (uint32_t id = 0; id < words.size(); ++id) {
      const std::u32string w = Bounded(text::Decode(words[id].first));
      const uint32_t count = words[id].second;
      for (size_t k = 0; k + 3 <= w.size(); ++k) built->trigrams_[Fnv1a(w.substr(k, 3))] += count;
      if (w.size() < kMinLetters + 2) continue;    // the two boundary marks
      for (size_t k = 1; k + 2 < w.size(); ++k) {  // each letter followed by a letter
        if (w[k] < 0x400 || w[k] > 0x4FF) continue;
        followed[w[k] - 0x400] += count;
        if (w[k + 1] == w[k]) doubled[w[k] - 0x400] += count;
      }
    }
    for (size_t c = 0; c < followed.size(); ++c) {
      built->rarely_doubled_[c] =
          doubled[c] < kRareDoubling * followed[c] && c + 0x400 != U'у' && c + 0x400 != U'и';
    }
    // Endings: for each lexicon word, each proper prefix that is a word too.
    FlatHashMap64<uint32_t> pairs;
    for (uint32_t id = 0; id < words.size(); ++id) {
      const std::u32string w = text::Decode(words[id].first);
      for (size_t len = 1; len <= kMaxEnding && len + 3 <= w.size(); ++len) {
        if (built->lexicon_.Count(text::Encode(w.substr(0, w.size() - len))) > 0) {
          const std::u32string_view v(w);
          ++pairs[EndingKey(v.substr(0, w.size() - len), v.substr(w.size() - len))];
        }
      }
    }
    pairs.ForEach([built](uint64_t key, uint32_t n) {
      if (n >= kMinEndingPairs) built->endings_.Insert(key);
    });
  };
  const auto build_letter_model = [built]() {
    // The letter model, over the Cyrillic word types of the lexicon.
    const auto& words = built->lexicon_.words();
    for (uint32_t id = 0; id < words.size(); ++id) {
      const std::u32string w = text::Decode(words[id].first);
      bool cyrillic = true;
      for (const char32_t c : w) cyrillic &= text::IsCyrillicLetter(c);
      if (cyrillic) built->lm_.Add(w);
    }
    built->lm_.Train();
  };
  // The attested words: a table and two Bloom filters of their hashes
  // (nothing else reads them while they are built).
  Status attested_status;
  const auto load_attested = [built, &attested, &attested_origin, &attested_status]() {
    built->attested_filter_.assign(size_t{1} << kFilterBits, 0);
    built->attested_.Reserve(
        static_cast<size_t>(std::count(attested.begin(), attested.end(), '\n')));
    built->attested_deletes_filter_.assign(size_t{1} << kDeletesFilterBits, 0);
    attested_status = resources::ForEachDataLine(
        attested, attested_origin,
        [raw = built, w = std::u32string(), prefix = std::vector<uint64_t>(),
         power = std::vector<uint64_t>()](std::string_view line) mutable -> Status {
          // Cyrillic letters are two bytes in UTF-8, 110xxxxx 10xxxxxx.
          w.clear();
          for (size_t pos = 0; pos < line.size(); pos += 2) {
            const auto b0 = static_cast<unsigned char>(line[pos]);
            const auto b1 = pos + 1 < line.size() ? static_cast<unsigned char>(line[pos + 1]) : 0;
            const char32_t c = (b0 & 0x1F) << 6 | (b1 & 0x3F);
            if ((b0 & 0xE0) != 0xC0 || (b1 & 0xC0) != 0x80 || c < 0x80 ||
                !text::IsCyrillicLetter(c) || !text::IsLower(c)) {
              return Status::Error("expected a lower-case Cyrillic word, one a line");
            }
            w.push_back(c);
          }
          const size_t n = w.size();
          prefix.assign(n + 1, 0);
          power.assign(n + 1, 1);
          for (size_t j = 0; j < n; ++j) {
            prefix[j + 1] = prefix[j] * kPolyBase + w[j];
            power[j + 1] = power[j] * kPolyBase;
          }
          raw->attested_.Insert(prefix[n]);
          FilterAdd(&raw->attested_filter_, kFilterBits, prefix[n]);
          // w[..j) + w[j + 1..]: the suffix's hash is prefix[n] - prefix[j + 1] * B^(n - j - 1).
          for (size_t j = 0; j < n; ++j) {
            const uint64_t suffix = prefix[n] - prefix[j + 1] * power[n - j - 1];
            FilterAdd(&raw->attested_deletes_filter_, kDeletesFilterBits,
                      DeletedAt(prefix[j] * power[n - j - 1] + suffix, j));
          }
          return Status::Ok();
        });
    std::string().swap(attested);
  };
  if (options.threads > 1) {
    std::thread letter_model([&]() {
      build_letter_model();
      load_attested();
    });
    build_indexes();
    letter_model.join();
  } else {
    build_indexes();
    build_letter_model();
    load_attested();
  }
  KAZPREP_RETURN_IF_ERROR(attested_status);
  *corrector = std::move(t);
  return Status::Ok();
}

Status TypoCorrector::LoadShared(const TypoOptions& options,
                                 std::shared_ptr<const TypoCorrector>* corrector) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const TypoCorrector>> loaded;
  std::string key = options.rules_dir + '\0' + options.hunspell;
  for (const std::string& path : options.lexicons) key += '\0' + path;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto live = loaded[key].lock()) {
    *corrector = std::move(live);
    return Status::Ok();
  }
  std::unique_ptr<TypoCorrector> fresh;
  KAZPREP_RETURN_IF_ERROR(Load(options, &fresh));
  std::shared_ptr<const TypoCorrector> shared(std::move(fresh));
  loaded[key] = shared;
  *corrector = std::move(shared);
  return Status::Ok();
}

uint64_t TypoCorrector::RarestTrigram(const std::u32string& word) const {
  const std::u32string w = Bounded(word);
  uint64_t rarest = UINT64_MAX;
  for (size_t k = 0; k + 3 <= w.size(); ++k) {
    const uint64_t* count = trigrams_.Find(Fnv1a(std::u32string_view(w).substr(k, 3)));
    rarest = std::min<uint64_t>(rarest, count == nullptr ? 0 : *count);
  }
  return rarest;
}

std::vector<std::u32string> TypoCorrector::UnseenNeighbours(const std::u32string& w) const {
  const std::u32string& kLetters = KazakhLetters();
  // A thousand forms a word: Plausible() on each was the costliest part of
  // deciding an unknown word. What does not depend on the edit is worked
  // out once for `w`: its vowels, which of its prefixes are known stems, and
  // which of its suffixes one or two endings explain after a stem whose last
  // vowel has each frontness. A form's stems that end after its edit then
  // take that answer for the suffix (the property test
  // PropertyUnseenNeighboursAreThePlausibleFormsOneEditAway checks this against
  // Plausible() on every form).
  constexpr size_t npos = SIZE_MAX;
  const size_t n = w.size();
  if (n > kLongestPlausible + 1) return {};  // every form is too long
  std::vector<uint64_t> vowel_w(n + 1, 0), prefix_w(n + 1, kFnvOffset);
  size_t depth = 0;  // w[..depth) is the longest prefix of w that begins a known word
  std::vector<size_t> last_vowel(n + 1, npos);  // index of the last vowel of w[..j)
  std::vector<bool> known_stem(n + 1, false);
  for (size_t j = 0; j < n; ++j) {
    const bool is_vowel = Frontness(w[j]) != 0;
    vowel_w[j + 1] = is_vowel ? Frontness(w[j]) : vowel_w[j];
    last_vowel[j + 1] = is_vowel ? j : last_vowel[j];
    prefix_w[j + 1] = FnvAdd(prefix_w[j], w[j]);
    if (depth == j && known_prefixes_.Contains(prefix_w[j + 1])) depth = j + 1;
    known_stem[j + 1] = j + 1 >= 3 && j < depth && known_.Contains(prefix_w[j + 1]);
  }
  // The frontness of the last vowel of w[..j), counting only vowels of
  // w[t..j) and `v` when there is none.
  const auto vowel_after = [&](size_t t, uint64_t v) {
    return [&, t, v](size_t j) {
      return last_vowel[j] != npos && last_vowel[j] >= t ? vowel_w[j] : v;
    };
  };
  // suffix_endings[t]: bit v when w[t..] is one ending or two after the
  // letter w[t - 1] ending a stem whose last vowel has frontness v.
  std::vector<uint8_t> suffix_endings(n + 1, 0);
  for (size_t t = 1; t < n; ++t) {
    for (uint64_t v = 0; v < 3; ++v) {
      if (EndingsAfter(endings_, w, t, 1, vowel_after(t, v))) suffix_endings[t] |= 1 << v;
    }
  }
  // first_endings[3 * t + v]: the hashes Fnv1a(w[t..mid)) of the first
  // endings that would make w[t..] one ending or two after any letter
  // ending a stem whose last vowel has frontness v (the rest is w[mid..],
  // an ending, or nothing): for a stem that ends with an inserted or
  // replaced letter.
  std::vector<std::vector<uint64_t>> first_endings(3 * (n + 1));
  for (size_t t = 0; t < n; ++t) {
    uint64_t h = kFnvOffset;
    for (size_t mid = t + 1; mid <= n && mid - t <= kMaxEnding; ++mid) {
      h = FnvAdd(h, w[mid - 1]);
      for (uint64_t v = 0; v < 3; ++v) {
        if (mid == n || (n - mid <= kMaxEnding &&
                         endings_.Contains(EndingKey(std::u32string_view(w).substr(mid), w[mid - 1],
                                                     vowel_after(t, v)(mid))))) {
          first_endings[3 * t + v].push_back(h);
        }
      }
    }
  }
  std::vector<std::u32string> out;
  std::u32string form;  // one buffer for every form
  // `form` is w with w[..k) kept, form[k..e) edited and form[e..] equal to
  // w[e - shift..].
  const auto consider = [&](size_t k, size_t e, ptrdiff_t shift) {
    const size_t m = form.size();
    if (m < kMinLetters || m > kLongestPlausible || form == w) return;
    // form[..reach) begins a known word, and no longer prefix does: no stem
    // is longer.
    size_t reach = std::min(k, depth);
    if (k <= depth) {
      for (uint64_t h = prefix_w[k];
           reach < m && known_prefixes_.Contains(h = FnvAdd(h, form[reach]));) {
        ++reach;
      }
    }
    if (reach < 3) return;
    uint64_t vowel_e = vowel_w[k];  // of form[..e)
    for (size_t j = e; j-- > k;) {
      if (Frontness(form[j]) != 0) {
        vowel_e = Frontness(form[j]);
        break;
      }
    }
    const size_t tail =
        static_cast<size_t>(static_cast<ptrdiff_t>(e) - shift);  // form[e] = w[tail]
    const auto vowel = [&](size_t j) -> uint64_t {
      if (j <= k) return vowel_w[j];
      if (j <= e) {
        for (size_t i = j; i-- > k;) {
          if (Frontness(form[i]) != 0) return Frontness(form[i]);
        }
        return vowel_w[k];
      }
      const size_t jw = static_cast<size_t>(static_cast<ptrdiff_t>(j) - shift);
      return last_vowel[jw] != npos && last_vowel[jw] >= tail ? vowel_w[jw] : vowel_e;
    };
    const size_t first_stem = m > 2 * kMaxEnding + 3 ? m - 2 * kMaxEnding : 3;
    uint64_t prefix = prefix_w[std::min(k, first_stem)];  // Fnv1a of form[..done)
    size_t done = std::min(k, first_stem);
    bool plausible = false;
    for (size_t stem = first_stem; stem < m && stem <= reach && !plausible; ++stem) {
      bool endings;
      if (stem <= k) {
        endings = known_stem[stem] && EndingsAfter(endings_, form, stem, 3, vowel);
        if (endings) plausible = true;
        continue;
      }
      if (stem <= e && e == k + 1) {  // after an inserted or replaced letter
        const uint64_t v = vowel(stem);
        endings = false;
        for (const uint64_t h : first_endings[3 * tail + v]) {
          if (endings_.Contains(FnvAdd(FnvAdd(h, form[k]), v))) {
            endings = true;
            break;
          }
        }
      } else if (stem <= e) {
        endings = EndingsAfter(endings_, form, stem, 3, vowel);
      } else {
        const uint8_t bits =
            suffix_endings[static_cast<size_t>(static_cast<ptrdiff_t>(stem) - shift)];
        endings = bits != 0 && (bits >> vowel(stem) & 1) != 0;
      }
      if (!endings) continue;
      for (; done < stem; ++done) prefix = FnvAdd(prefix, form[done]);
      plausible = known_.Contains(prefix);
    }
    if (plausible && !known_.Contains(Fnv1a(form))) out.push_back(form);
  };
  // Which letters to try where: a form with a letter inserted or replaced
  // at k past the prefix that begins a known word can only have a known
  // stem before the edit.
  std::vector<bool> stem_up_to(n + 1, false);
  for (size_t j = 3; j <= n; ++j) stem_up_to[j] = stem_up_to[j - 1] || known_stem[j];
  for (size_t k = 0; k <= n; ++k) {
    const bool insert = k <= depth || stem_up_to[k];
    const bool replace = k < n && insert;
    for (const char32_t c : kLetters) {
      if (insert) {
        form.assign(w, 0, k).push_back(c);
        form.append(w, k);
        consider(k, k + 1, 1);
      }
      if (replace && c != w[k]) {
        form = w;
        form[k] = c;
        consider(k, k + 1, 0);
      }
    }
    if (k < n && ((k > 0 && w[k - 1] == w[k]) || (k + 1 < n && w[k + 1] == w[k]))) {
      form = w;
      form.erase(k, 1);
      consider(k, k, -1);
    }
    if (k + 1 < n && w[k] != w[k + 1]) {
      form = w;
      std::swap(form[k], form[k + 1]);
      consider(k, k + 2, 0);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool TypoCorrector::Attested(std::u32string_view w) const {
  return attested_.Contains(PolyHash(w));
}

std::vector<std::u32string> TypoCorrector::AttestedNeighbours(const std::u32string& w) const {
  // Each form's hash from the hashes of w's prefix and suffix around the
  // edit: (prefix * B + inserted letters) * B^|suffix| + suffix.
  std::vector<std::u32string> out;
  if (attested_.size() == 0) return out;
  const size_t n = w.size();
  std::vector<uint64_t> prefix(n + 1, 0), suffix(n + 1, 0), power(n + 1, 1);
  for (size_t j = 0; j < n; ++j) {
    prefix[j + 1] = prefix[j] * kPolyBase + w[j];
    power[j + 1] = power[j] * kPolyBase;
  }
  for (size_t j = n; j-- > 0;) suffix[j] = w[j] * power[n - 1 - j] + suffix[j + 1];
  // The hash of w[..k) + letters + w[from..].
  const auto hash = [&](size_t k, std::u32string_view letters, size_t from) {
    uint64_t h = prefix[k];
    for (const char32_t c : letters) h = h * kPolyBase + c;
    return h * power[n - from] + suffix[from];
  };
  const auto found = [&](uint64_t h, size_t k, std::u32string_view letters, size_t from) {
    if (!FilterHas(attested_filter_, kFilterBits, h) || !attested_.Contains(h)) return;
    std::u32string form(w, 0, k);
    form.append(letters).append(w, from);
    if (form != w && !known_.Contains(Fnv1a(form))) out.push_back(std::move(form));
  };
  // An attested word with a letter inserted into w at any place is, with
  // that letter deleted, w; one with w[k] replaced or deleted is, with its
  // letter k deleted, w without w[k]: the deletes filter has that hash.
  for (size_t k = 0; k <= n; ++k) {
    if (FilterHas(attested_deletes_filter_, kDeletesFilterBits, DeletedAt(prefix[n], k))) {
      for (const char32_t c : KazakhLetters()) {
        const std::u32string_view letter(&c, 1);
        found(hash(k, letter, k), k, letter, k);
      }
    }
    if (k < n) found(hash(k, {}, k + 1), k, {}, k + 1);  // deleted
    if (k < n &&
        FilterHas(attested_deletes_filter_, kDeletesFilterBits, DeletedAt(hash(k, {}, k + 1), k))) {
      for (const char32_t c : KazakhLetters()) {
        const std::u32string_view letter(&c, 1);
        if (c != w[k]) found(hash(k, letter, k + 1), k, letter, k + 1);  // replaced
      }
    }
    if (k + 1 < n && w[k] != w[k + 1]) {  // swapped
      const char32_t swapped[2] = {w[k + 1], w[k]};
      const std::u32string_view letters(swapped, 2);
      found(hash(k, letters, k + 2), k, letters, k + 2);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool TypoCorrector::Plausible(std::u32string_view w) const {
  if (w.size() < 4 || w.size() > kLongestPlausible) return false;
  uint64_t vowel[kLongestPlausible + 1], prefix[kLongestPlausible + 1];
  vowel[0] = 0;
  prefix[0] = kFnvOffset;
  for (size_t k = 0; k < w.size(); ++k) {
    const uint64_t f = Frontness(w[k]);
    vowel[k + 1] = f != 0 ? f : vowel[k];
    prefix[k + 1] = FnvAdd(prefix[k], w[k]);
  }
  const auto vowel_fn = [&](size_t j) { return vowel[j]; };
  // A stem of 3 letters or more, then one ending, or two (тай + дыр + ып):
  // each an ending after what precedes it. The small endings table is asked
  // first; the large known-word table only about stems that endings follow.
  const size_t first_stem = w.size() > 2 * kMaxEnding + 3 ? w.size() - 2 * kMaxEnding : 3;
  for (size_t stem = first_stem; stem < w.size(); ++stem) {
    if (EndingsAfter(endings_, w, stem, 3, vowel_fn) && known_.Contains(prefix[stem])) return true;
  }
  return false;
}

bool TypoCorrector::UndoubleLetter(const std::u32string& w, bool endings_too, TypoFix* fix) const {
  bool found = false;
  uint32_t count = 0;  // of the word left, 0 for a lexicon word plus an ending
  std::u32string undoubled;
  for (size_t k = 0; k + 1 < w.size(); ++k) {
    const bool rare = w[k] >= 0x400 && w[k] <= 0x4FF && rarely_doubled_[w[k] - 0x400];
    if (w[k] != w[k + 1] || (k > 0 && !rare)) continue;
    if (k > 0 && w[k - 1] == w[k]) continue;  // a tripled letter: the same word again
    std::u32string form = w;
    form.erase(k, 1);
    uint32_t n = lexicon_.Count(text::Encode(form));
    if (n < kMinCandidateCount) {
      if (!endings_too || !Plausible(form)) continue;
      n = 0;
    }
    if (found) return false;  // two words: which letter was typed twice?
    found = true;
    count = n;
    undoubled = std::move(form);
  }
  if (!found) return false;
  fix->correction = text::Encode(undoubled);
  fix->cost = EditCost(w, undoubled);
  fix->score = (count > 0 ? std::log(static_cast<double>(count)) : kSuggestionScore) -
               kCostWeight * fix->cost;
  fix->evidence = count > 0 ? "doubled-letter" : "doubled-letter+ending";
  return true;
}

bool TypoCorrector::RestoreLettersOverEndings(const std::u32string& w, TypoFix* fix) const {
  for (const char32_t c : w) {
    if (text::FoldKazakhLetter(c) != c) return false;  // typed with Kazakh letters
  }
  std::u32string found;
  std::vector<std::u32string> rests, next;
  for (size_t k = kMinLetters - 1; k < w.size(); ++k) {
    // A stem: the lexicon word whose Russian-keyboard form is w[..k).
    const uint32_t* id = folded_.Find(Fnv1a(std::u32string_view(w).substr(0, k)));
    if (id == nullptr || words32_[*id].size() != k) continue;
    // The rest with every choice of letters put back.
    rests.assign(1, std::u32string());
    for (size_t j = k; j < w.size() && rests.size() <= kMaxRestorations; ++j) {
      const std::u32string choices = text::UnfoldKazakhLetter(w[j]);
      next.clear();
      for (const auto& r : rests) {
        for (const char32_t c : choices) next.push_back(r + c);
      }
      rests.swap(next);
    }
    if (rests.size() > kMaxRestorations) continue;
    for (const auto& rest : rests) {
      const std::u32string form = words32_[*id] + rest;
      if (form == w || form == found || (!known_.Contains(Fnv1a(form)) && !Plausible(form))) {
        continue;
      }
      if (!found.empty()) return false;  // two forms: which one was meant?
      found = form;
    }
  }
  if (found.empty()) return false;
  size_t restored = 0;
  for (size_t j = 0; j < w.size(); ++j) restored += found[j] != w[j];
  if (restored < kMinRestoredLetters) return false;
  fix->correction = text::Encode(found);
  fix->cost = EditCost(w, found);
  fix->score = kSuggestionScore - kCostWeight * fix->cost;
  fix->evidence = "restored-letters+ending";
  return true;
}

Status TypoCorrector::AddKeyboardCosts(std::string_view content, std::string_view origin) {
  // The rows of each layout, in the order of the file.
  std::vector<std::pair<std::string, std::vector<std::u32string>>> layouts;
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [&](std::string_view line) -> Status {
        const auto f = resources::SplitTabs(line);
        if (f.size() != 2 || f[0].empty() || f[1].empty())
          return Status::Error("expected LAYOUT, KEYS");
        if (layouts.empty() || layouts.back().first != f[0]) {
          for (const auto& layout : layouts) {
            if (layout.first == f[0]) return Status::Error("the rows of a layout must be together");
          }
          layouts.emplace_back(std::string(f[0]), std::vector<std::u32string>());
        }
        std::u32string row = text::Decode(f[1]);
        for (const char32_t c : row) {
          if (c == U' ') return Status::Error("keys with nothing between them");
          for (const auto& other : layouts.back().second) {
            if (other.find(c) != std::u32string::npos) return Status::Error("a key given twice");
          }
          if (std::count(row.begin(), row.end(), c) > 1) return Status::Error("a key given twice");
        }
        layouts.back().second.push_back(std::move(row));
        return Status::Ok();
      }));
  // Both ways, unless typos/confusions.tsv prices the pair; the lower cost
  // where layouts disagree.
  std::unordered_map<uint64_t, double> keyboard;
  const auto neighbours = [&keyboard](char32_t a, char32_t b, double cost) {
    if (!text::IsCyrillicLetter(a) || !text::IsCyrillicLetter(b)) return;
    for (const uint64_t key :
         {(static_cast<uint64_t>(a) << 32) | b, (static_cast<uint64_t>(b) << 32) | a}) {
      const auto [it, added] = keyboard.emplace(key, cost);
      if (!added) it->second = std::min(it->second, cost);
    }
  };
  for (const auto& [name, rows] : layouts) {
    for (size_t r = 0; r < rows.size(); ++r) {
      for (size_t k = 0; k + 1 < rows[r].size(); ++k) {
        neighbours(rows[r][k], rows[r][k + 1], kRowNeighbourCost);
      }
      if (r == 0) continue;
      // Key k of a row sits below keys k and k + 1 of the row above.
      for (size_t k = 0; k < rows[r].size(); ++k) {
        for (const size_t above : {k, k + 1}) {
          if (above < rows[r - 1].size()) {
            neighbours(rows[r][k], rows[r - 1][above], kColumnNeighbourCost);
          }
        }
      }
    }
  }
  for (const auto& [key, cost] : keyboard) costs_.emplace(key, cost);
  return Status::Ok();
}

double TypoCorrector::SubstitutionCost(char32_t typed, char32_t intended) const {
  if (typed == intended) return 0;
  const auto it = costs_.find((static_cast<uint64_t>(typed) << 32) | intended);
  return it == costs_.end() ? kFarSubstitutionCost : it->second;
}

// Weighted Damerau-Levenshtein (optimal string alignment) distance.
double TypoCorrector::EditCost(const std::u32string& a, const std::u32string& b) const {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<double>> d(n + 1, std::vector<double>(m + 1, 0));
  for (size_t i = 0; i <= n; ++i) d[i][0] = static_cast<double>(i);
  for (size_t j = 0; j <= m; ++j) d[0][j] = static_cast<double>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      double best = std::min(d[i - 1][j] + 1.0, d[i][j - 1] + 1.0);
      best = std::min(best, d[i - 1][j - 1] + SubstitutionCost(a[i - 1], b[j - 1]));
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        best = std::min(best, d[i - 2][j - 2] + 1.0);
      }
      d[i][j] = best;
    }
  }
  return d[n][m];
}

bool TypoCorrector::DecideInContext(const CloseCall& close, const TypoContext& context,
                                    TypoFix* fix) const {
  const double total = static_cast<double>(std::max<uint64_t>(lexicon_.total(), 1));
  const auto prob = [&](uint32_t count) { return (count + 0.5) / total; };
  const uint32_t left_count = context.left.empty() ? 0 : lexicon_.Count(context.left);
  const uint32_t right_count = context.right.empty() ? 0 : lexicon_.Count(context.right);
  if (left_count == 0 && right_count == 0) return false;
  Ranking ranking;
  for (const auto& [candidate, score] : close.candidates) {
    const uint32_t count = lexicon_.Count(candidate);
    // Only known words: a place then changes at most twice (to the end of a
    // correction chain, then by context to a word that never changes), so
    // correcting a line again until nothing changes ends.
    if (count < kMinCandidateCount) continue;
    double gain = 0;
    if (left_count > 0) {
      const double p = prob(count);
      gain += std::log((lexicon_.BigramCount(context.left, candidate) + kContextPrior * p) /
                       (left_count + kContextPrior)) -
              std::log(p);
    }
    if (right_count > 0) {
      const double p = prob(right_count);
      gain += std::log((lexicon_.BigramCount(candidate, context.right) + kContextPrior * p) /
                       (count + kContextPrior)) -
              std::log(p);
    }
    ranking.Add(score + kContextWeight * gain, candidate, 0);
  }
  if (!ranking.Decides(close.keep)) return false;
  fix->correction = ranking.best;
  fix->score = ranking.best_score;
  fix->evidence = "context";
  return true;
}

bool TypoCorrector::Correct(std::string_view word, TypoFix* fix,
                            const std::function<TypoContext()>* context) const {
  // A correction that would itself be corrected (лнын -> онын -> оның, found
  // by fuzzing: normalizing twice differed) is followed to the word that is
  // kept; a cycle or a chain longer than kMaxChain is no correction. Each
  // step is the one-step decision (cached), so the result does not depend
  // on which words came before.
  constexpr int kMaxChain = 3;
  TypoFix result;
  CloseCall close;
  if (!CorrectOnce(word, &result, context != nullptr ? &close : nullptr)) {
    if (close.candidates.empty() || lexicon_.bigram_size() == 0 ||
        !DecideInContext(close, (*context)(), &result)) {
      return false;
    }
    result.cost = EditCost(text::Decode(word), text::Decode(result.correction));
  }
  std::vector<std::string> seen = {std::string(word), result.correction};
  for (int step = 1;; ++step) {
    TypoFix next;
    if (!CorrectOnce(result.correction, &next)) break;
    if (step >= kMaxChain || std::find(seen.begin(), seen.end(), next.correction) != seen.end()) {
      return false;
    }
    seen.push_back(next.correction);
    result.correction = next.correction;
    result.cost += next.cost;
    result.score = std::min(result.score, next.score);
  }
  *fix = result;
  return true;
}

bool TypoCorrector::CorrectOnce(std::string_view word, TypoFix* fix, CloseCall* close) const {
  // Cheap refusals first: under kMinLetters letters (a Cyrillic letter is 2
  // bytes in UTF-8), or not starting with a lower-case Cyrillic letter.
  if (word.size() < 2 * kMinLetters) return false;
  size_t pos = 0;
  bool invalid = false;
  const char32_t first = utf8::Next(word, &pos, &invalid);
  if (!text::IsCyrillicLetter(first)) return false;
  const bool lower = text::IsLower(first);
  // The common case: a known word (by its hash, as the indexes look words up).
  if (lower && known_utf8_.Contains(Fnv1a(word))) return false;
  // A capitalised known word (a sentence start) is left alone as well
  // (CorrectCapitalised would say so), without the shared cache.
  if (!lower) {
    std::string first_lower;
    utf8::Append(static_cast<char32_t>(u_tolower(static_cast<UChar32>(first))), &first_lower);
    if (known_utf8_.Contains(Fnv1a(word.substr(pos), Fnv1a(first_lower)))) return false;
  }
  // Unknown and capitalised words repeat (Zipf): decisions are remembered,
  // for all threads, found by the word's 64-bit hash and checked against
  // the word itself (words made to collide must not share a decision, which
  // would make the output depend on which came first).
  const uint64_t key = Fnv1a(word);
  CacheShard& shard = cache_[(key >> 58) % kCacheShards];
  bool collision = false;
  {
    const std::shared_lock<std::shared_mutex> lock(shard.mutex);
    if (const uint32_t* at = shard.index.Find(key)) {
      const Decision& hit = shard.decisions[*at];
      if (hit.word == word) {
        if (hit.fix) *fix = hit.what;
        if (close != nullptr) *close = hit.close;
        return hit.fix;
      }
      collision = true;
    }
  }
  Decision decision;
  decision.fix = lower ? Decide(word, &decision.what, &decision.close)
                       : CorrectCapitalised(word, &decision.what);
  if (decision.fix) *fix = decision.what;
  if (close != nullptr) *close = decision.close;
  if (collision) return decision.fix;  // decided every time, not remembered
  decision.word = std::string(word);
  const std::unique_lock<std::shared_mutex> lock(shard.mutex);
  if (shard.index.Contains(key)) return decision.fix;  // another thread was quicker
  if (shard.decisions.size() >= kMaxCachedWords / kCacheShards) {
    shard.index = FlatHashMap64<uint32_t>();
    shard.decisions.clear();
  }
  const bool fixed = decision.fix;
  shard.index[key] = static_cast<uint32_t>(shard.decisions.size());
  shard.decisions.push_back(std::move(decision));
  return fixed;
}

// True when lexicon word `id`, seen at least kMinCapitalisedCount times, is
// `w` with letters the Russian keyboard lacks put back (and nothing else).
bool TypoCorrector::RestoresLetters(const std::u32string& w, uint32_t id) const {
  const std::u32string& restored = words32_[id];
  if (restored.empty() || restored == w || restored.size() != w.size() ||
      lexicon_.words()[id].second < kMinCapitalisedCount) {
    return false;
  }
  for (size_t k = 0; k < w.size(); ++k) {
    if (restored[k] != w[k] && text::FoldKazakhLetter(restored[k]) != w[k]) return false;
  }
  return true;
}

// A capitalised word may be a name: only restored Kazakh letters of a word
// typed on a Russian keyboard (Казакстан -> Қазақстан) are fixed, when the
// lexicon knows the lower-case form well.
bool TypoCorrector::CorrectCapitalised(std::string_view word, TypoFix* fix) const {
  const std::u32string w = text::Decode(word);
  if (w.size() < kMinLetters) return false;
  std::u32string lower = w;
  lower[0] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(w[0])));
  for (const char32_t c : lower) {
    if (!text::IsCyrillicLetter(c) || !text::IsLower(c)) return false;  // CAPS, mixed case
  }
  const std::string lower8 = text::Encode(lower);
  if (lexicon_.Count(lower8) >= kMinCandidateCount) return false;
  const uint32_t* folded = folded_.Find(Fnv1a(Fold(lower)));
  if (folded == nullptr) return false;
  const uint32_t id = *folded;
  if (!RestoresLetters(lower, id)) return false;
  std::u32string restored = words32_[id];
  const double cost = EditCost(lower, restored);
  restored[0] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(restored[0])));
  fix->correction = text::Encode(restored);
  fix->cost = cost;
  fix->score = std::log(static_cast<double>(lexicon_.words()[id].second)) - kCostWeight * cost;
  fix->evidence = "restored-letters";
  return true;
}

bool TypoCorrector::Decide(std::string_view word, TypoFix* fix, CloseCall* close) const {
  const std::u32string w = text::Decode(word);
  if (w.size() < kMinLetters) return false;
  for (const char32_t c : w) {
    // Names (capitals), Latin and other scripts, digits: left alone.
    if (!text::IsCyrillicLetter(c) || !text::IsLower(c)) return false;
  }
  // A letter typed twice that Kazakh does not double, leaving a known word.
  if (UndoubleLetter(w, /*endings_too=*/false, fix)) return true;
  const double word_lm = lm_.LogProb(w);

  // Candidates: the input with up to two letters deleted, against lexicon
  // words with up to one deleted; and the folded form.
  std::vector<uint32_t> ids;
  std::vector<std::u32string> variants = {w};
  for (size_t k = 0; k < w.size(); ++k) {
    std::u32string d1 = w;
    d1.erase(k, 1);
    for (size_t j = k; j < d1.size(); ++j) {
      std::u32string d2 = d1;
      d2.erase(j, 1);
      variants.push_back(std::move(d2));
    }
    variants.push_back(std::move(d1));
  }
  for (const auto& v : variants) {
    const uint64_t h = Fnv1a(v);
    const uint32_t* start = delete_starts_.Find(h);
    if (start == nullptr) continue;
    for (size_t k = *start; k < deletes_.size() && deletes_[k].first == h; ++k) {
      ids.push_back(deletes_[k].second);
    }
  }
  const uint32_t* folded = folded_.Find(Fnv1a(Fold(w)));
  if (folded != nullptr) ids.push_back(*folded);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

  // Noisy channel: log(count) of the candidate, minus the cost of the errors
  // that turn it into the input, plus how much more word-like the candidate
  // is than the input (a typo makes letter sequences words do not have).
  Ranking ranking;
  ranking.keep_all = true;
  // The second opinion, for words with a letter trigram the lexicon (almost)
  // never has: log(count) - kRareCostWeight * cost, with no letter model; a
  // word that is not that rare gets only corrections cheaper than one edit.
  Ranking rare;
  const bool rare_letters = RarestTrigram(w) < kRareTrigram;
  for (const uint32_t id : ids) {
    const std::u32string& candidate = words32_[id];
    if (candidate.empty() || candidate == w) continue;
    // A shorter candidate means letters of the input are dropped: only a
    // letter typed twice ("талаап") may go. A valid longer form missing from
    // the lexicon (тағылуда) must not lose its ending.
    if (candidate.size() < w.size() && !DroppedDoubledLetter(w, candidate)) continue;
    const double c = EditCost(w, candidate);
    if (c > kMaxCost) continue;
    const double log_count = std::log(static_cast<double>(lexicon_.words()[id].second));
    ranking.Add(log_count - kCostWeight * c + kLmWeight * (lm_.LogProb(candidate) - word_lm),
                lexicon_.words()[id].first, c);
    if (rare_letters || c < 1.0)
      rare.Add(log_count - kRareCostWeight * c, lexicon_.words()[id].first, c);
  }
  // The lexicon's candidates as they are now (the lexicon's suggestions may
  // join `ranking` below): how many, and the best, for the sole candidate.
  const size_t lexicon_candidates = ranking.all.size();
  const std::string lexicon_best = ranking.best;
  const double lexicon_best_score = ranking.best_score, lexicon_best_cost = ranking.best_cost;
  // Forms one edit away that web text attests but the lexicon does not know
  // (not shorter, as above), for a word that is not attested itself:
  // looked for only when the lexicon's candidates do not decide, as the
  // search is costly.
  Ranking attested;
  bool attested_ranked = false;
  const auto rank_attested = [&]() {
    attested_ranked = true;
    if (Attested(w)) return;
    for (const std::u32string& form : AttestedNeighbours(w)) {
      if (form.size() < w.size() && !DroppedDoubledLetter(w, form)) continue;
      const double c = EditCost(w, form);
      if (c > kMaxCost) continue;
      attested.Add(kAttestedLogCount - kCostWeight * c + kLmWeight * (lm_.LogProb(form) - word_lm),
                   text::Encode(form), c);
    }
  };
  // True when the best attested form reaches `keep` and leads every candidate.
  const auto attested_decides = [&](double keep) {
    return !attested.best.empty() && attested.best_score >= keep &&
           attested.best_score - std::max(ranking.best_score, attested.second_score) >= kMargin;
  };
  // True when the lexicon's only candidate scores kSoleMinScore and no
  // attested form competes (nor is the word attested itself).
  const auto sole = [&]() {
    if (lexicon_candidates != 1 || lexicon_best_score < kSoleMinScore || Attested(w)) return false;
    if (!attested_ranked) rank_attested();
    return attested.best.empty();
  };
  // The score of "the word is right as typed": a form Hunspell accepts, or a
  // lexicon word plus a known ending, is likely a valid form the lexicon has
  // not seen (Kazakh is agglutinative). Worked out (Hunspell is the costly
  // part) only when it matters: when a candidate could beat it, or the
  // lexicon's suggestions are to be asked for, for words that read unlike
  // Kazakh or have rare letters, or when an attested form or the lexicon's
  // sole candidate could (such a word then goes through the steps before
  // those as well).
  const bool unlike = word_lm / static_cast<double>(w.size() + 1) <= kSuggestLmPerLetter;
  if (ranking.best_score < kKeepScore && !rare.Decides(kRareMinScore) && !unlike && !rare_letters) {
    rank_attested();
    if (!attested_decides(kKeepScore) && !sole()) return false;
  }
  Hunspell* hunspell = hunspell_ ? &hunspell_->Get() : nullptr;
  const bool accepted = hunspell != nullptr && hunspell->spell(std::string(word));
  // Typed on a Russian keyboard: the input is a frequent lexicon word with
  // its Kazakh letters replaced by their Russian-keyboard look-alikes (томен
  // -> төмен, туратын -> тұратын); a lexicon word plus an ending (том + ен)
  // does not outweigh that.
  if (folded != nullptr && !accepted && RestoresLetters(w, *folded)) {
    const std::u32string& restored = words32_[*folded];
    fix->correction = text::Encode(restored);
    fix->cost = EditCost(w, restored);
    fix->score =
        std::log(static_cast<double>(lexicon_.words()[*folded].second)) - kCostWeight * fix->cost;
    fix->evidence = "restored-letters";
    return true;
  }
  double keep = kKeepScore;
  if (accepted) keep += kHunspellKeeps;
  if (Plausible(w)) keep += kPlausibleKeeps;
  const bool vouched = keep != kKeepScore;  // by Hunspell or the lexicon's endings
  // When the lexicon's candidates do not decide and nothing vouches for the
  // input: a letter typed twice that Kazakh does not double, leaving a
  // lexicon word plus an ending (декларрациясының, саағаттар).
  if (!vouched && !ranking.Decides(keep) && UndoubleLetter(w, /*endings_too=*/true, fix)) {
    return true;
  }
  // A word typed on a Russian keyboard that the lexicon has not seen: a
  // lexicon word and endings, with their Kazakh letters put back.
  if (!vouched && !ranking.Decides(keep) && RestoreLettersOverEndings(w, fix)) return true;
  // An attested form, when the lexicon's candidates do not decide: it must
  // lead them all.
  if (!ranking.Decides(keep)) {
    if (!attested_ranked) rank_attested();
    if (attested_decides(keep)) {
      fix->correction = attested.best;
      fix->cost = attested.best_cost;
      fix->score = attested.best_score;
      fix->evidence = "attested";
      return true;
    }
  }
  if (!ranking.Decides(keep) && !vouched && (unlike || rare_letters)) {
    // Forms one edit away that the lexicon has not seen but its endings
    // explain (a lexicon word plus a known ending): the lexicon's own
    // suggestions, for words nothing vouches for.
    std::u32string put_back;  // the missing letter put back that reads most like Kazakh
    double put_back_gain = kPutBackLmGain;
    for (const std::u32string& form : UnseenNeighbours(w)) {
      const double c = EditCost(w, form);
      if (c > kMaxSuggestionCost) continue;
      const double gain = lm_.LogProb(form) - word_lm;
      if (form.size() == w.size() + 1 && gain >= put_back_gain) {
        put_back = form;
        put_back_gain = gain;
      }
      if (unlike) {
        ranking.Add(kSuggestionScore - kCostWeight * c + kLmWeight * gain, text::Encode(form), c);
      }
    }
    // With no lexicon candidate at all for a word of rare letters, a missing
    // letter put back that reads much more like Kazakh is taken
    // (тұсаукесерері -> тұсаукесерлері; not фотографтар -> фотографтары).
    if (rare_letters && rare.best.empty() && !put_back.empty() && !ranking.Decides(keep) &&
        w.size() >= kMinPutBackLetters) {
      fix->correction = text::Encode(put_back);
      fix->cost = EditCost(w, put_back);
      fix->score = put_back_gain;
      fix->evidence = "put-back";
      return true;
    }
  }
  if (!ranking.Decides(keep)) {
    // A close call between lexicon candidates: the neighbouring words may
    // decide it (Correct()).
    if (!ranking.best.empty() && ranking.best_score >= keep) {
      close->keep = keep;
      for (const auto& candidate : ranking.all) {
        if (candidate.second >= ranking.best_score - kCloseCall)
          close->candidates.push_back(candidate);
      }
    }
    // The lexicon's sole candidate (before the second opinion, whose
    // refusals it may overrule: a lone neighbour is its own evidence).
    if (!vouched && sole()) {
      fix->correction = lexicon_best;
      fix->cost = lexicon_best_cost;
      fix->score = lexicon_best_score;
      fix->evidence = "sole-candidate";
      return true;
    }
    // The second opinion, for words nothing vouches for.
    if (vouched || !rare.Decides(kRareMinScore)) return false;
    // A letter replaced turns many valid short words into other valid words
    // (пойызбен / пайызбен): beyond the cheap keyboard errors, the second
    // opinion takes only a letter left out, added or swapped in a word of
    // kRareMinLetters or more, or a letter left out of one of
    // kRareMinLettersMissing (tuning set: 7 added a wrong change for 3 fixes).
    const std::u32string best = text::Decode(rare.best);
    const bool missing = w.size() >= kRareMinLettersMissing && OneLetterLeftOut(w, best);
    if (rare.best_cost >= 1.0 && !missing &&
        (w.size() < kRareMinLetters || OneSubstitution(w, best))) {
      return false;
    }
    fix->correction = rare.best;
    fix->cost = rare.best_cost;
    fix->score = rare.best_score;
    fix->evidence = "rare-letters";
    return true;
  }
  fix->correction = ranking.best;
  fix->cost = ranking.best_cost;
  fix->score = ranking.best_score;
  fix->evidence = "lexicon";
  return true;
}

}  // namespace kazprep
