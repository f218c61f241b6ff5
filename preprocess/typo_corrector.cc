#include "preprocess/typo_corrector.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <hunspell/hunspell.hxx>
#include <map>
#include <mutex>
#include <thread>

#include "common/resources.h"
#include "preprocess/cleaner.h"
#include "preprocess/text_util.h"

namespace kazprep {
namespace {

// A candidate must have been seen this often to be proposed.
constexpr uint32_t kMinCandidateCount = 2;
// Score = log(count) - kCostWeight * cost; the best must lead by kMargin.
constexpr double kCostWeight = 4.0;
constexpr double kMargin = 1.5;
constexpr double kMaxCost = 1.6;
constexpr size_t kMinLetters = 4;
// Decisions remembered per thread before the cache starts over.
constexpr size_t kMaxCachedWords = 1 << 18;
std::atomic<uint64_t> next_instance{1};
// An ending is a string of up to kMaxEnding letters that follows at least
// kMinEndingPairs lexicon words to give another lexicon word.
constexpr size_t kMaxEnding = 8;
constexpr uint32_t kMinEndingPairs = 30;
// A word with a letter trigram seen fewer times than this in the lexicon's
// running text is suspicious: 77% of synthetic typos on the dev set are, and
// 32% of the valid words missing from the lexicon.
constexpr uint64_t kSuspiciousTrigram = 50;

uint64_t Hash32(const std::u32string& s) {
  uint64_t h = 1469598103934665603ULL;
  for (const char32_t c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
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

TypoCorrector::TypoCorrector() : instance_(next_instance++) {}
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
  // Indexes over the Cyrillic lower-case words seen often enough.
  const auto& words = t->lexicon_.words();
  t->words32_.resize(words.size());
  for (uint32_t id = 0; id < words.size(); ++id) {
    if (words[id].second < kMinCandidateCount) continue;
    std::u32string w = text::Decode(words[id].first);
    bool cyrillic = w.size() >= kMinLetters - 1;
    for (const char32_t c : w) cyrillic &= text::IsCyrillicLetter(c);
    if (!cyrillic) continue;
    t->deletes_.emplace(Hash32(w), id);
    for (size_t k = 0; k < w.size(); ++k) {
      std::u32string d = w;
      d.erase(k, 1);
      t->deletes_.emplace(Hash32(d), id);
    }
    const uint64_t fold = Hash32(Fold(w));
    const auto it = t->folded_.find(fold);
    if (it == t->folded_.end()) t->folded_.emplace(fold, id);  // words are sorted by count
    t->words32_[id] = std::move(w);
  }
  // Letter trigrams (with word boundaries), weighted by word counts.
  for (uint32_t id = 0; id < words.size(); ++id) {
    const std::u32string w = Bounded(text::Decode(words[id].first));
    for (size_t k = 0; k + 3 <= w.size(); ++k) {
      t->trigrams_[Hash32(w.substr(k, 3))] += words[id].second;
    }
  }
  // Endings: for each lexicon word, each proper prefix that is a word too.
  std::unordered_map<std::u32string, uint32_t> pairs;
  for (uint32_t id = 0; id < words.size(); ++id) {
    const std::u32string w = text::Decode(words[id].first);
    for (size_t len = 1; len <= kMaxEnding && len + 3 <= w.size(); ++len) {
      if (t->lexicon_.Count(text::Encode(w.substr(0, w.size() - len))) > 0) {
        ++pairs[w.substr(w.size() - len)];
      }
    }
  }
  for (auto& [ending, n] : pairs) {
    if (n >= kMinEndingPairs) t->endings_.emplace(ending, n);
  }
  *corrector = std::move(t);
  return Status::Ok();
}

uint64_t TypoCorrector::RarestTrigram(const std::u32string& word) const {
  const std::u32string w = Bounded(word);
  uint64_t rarest = UINT64_MAX;
  for (size_t k = 0; k + 3 <= w.size(); ++k) {
    const auto it = trigrams_.find(Hash32(w.substr(k, 3)));
    rarest = std::min<uint64_t>(rarest, it == trigrams_.end() ? 0 : it->second);
  }
  return rarest;
}

bool TypoCorrector::Plausible(const std::u32string& w, int depth) const {
  for (size_t len = 1; len <= kMaxEnding && len + 3 <= w.size(); ++len) {
    if (endings_.count(w.substr(w.size() - len)) == 0) continue;
    const std::u32string stem = w.substr(0, w.size() - len);
    if (lexicon_.Count(text::Encode(stem)) >= kMinCandidateCount) return true;
    if (depth > 1 && Plausible(stem, depth - 1)) return true;
  }
  return false;
}

double TypoCorrector::SubstitutionCost(char32_t typed, char32_t intended) const {
  if (typed == intended) return 0;
  const auto it = costs_.find((static_cast<uint64_t>(typed) << 32) | intended);
  return it == costs_.end() ? 1.0 : it->second;
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

bool TypoCorrector::Correct(std::string_view word, std::string* correction, double* cost) const {
  if (lexicon_.Count(word) > 0) return false;  // the common case: a known word
  // Unknown words repeat (Zipf): each thread remembers its decisions.
  struct Decision {
    bool fix;
    std::string correction;
    double cost;
  };
  thread_local std::unordered_map<uint64_t, std::unordered_map<std::string, Decision>> caches;
  auto& cache = caches[instance_];
  const auto hit = cache.find(std::string(word));
  if (hit != cache.end()) {
    if (hit->second.fix) {
      *correction = hit->second.correction;
      *cost = hit->second.cost;
    }
    return hit->second.fix;
  }
  if (cache.size() >= kMaxCachedWords) cache.clear();
  Decision decision{false, std::string(), 0};
  decision.fix = Decide(word, &decision.correction, &decision.cost);
  if (decision.fix) {
    *correction = decision.correction;
    *cost = decision.cost;
  }
  const bool fix = decision.fix;
  cache.emplace(std::string(word), std::move(decision));
  return fix;
}

bool TypoCorrector::Decide(std::string_view word, std::string* correction, double* cost) const {
  const std::u32string w = text::Decode(word);
  if (w.size() < kMinLetters) return false;
  for (const char32_t c : w) {
    // Names (capitals), Latin and other scripts, digits: left alone.
    if (!text::IsCyrillicLetter(c) || !text::IsLower(c)) return false;
  }
  if (lexicon_.Count(word) > 0) return false;
  Hunspell* hunspell = hunspell_ ? &hunspell_->Get() : nullptr;
  // A form Hunspell knows is a word: Kazakh is agglutinative and most valid
  // forms of a rare stem are missing from any lexicon.
  const std::string word_string(word);
  if (hunspell != nullptr && hunspell->spell(word_string)) return false;
  if (Plausible(w, 1)) return false;
  // A word whose letter trigrams are all common reads like Kazakh: most such
  // unknown words are valid forms, so only the cheapest errors are fixed.
  const bool suspicious = RarestTrigram(w) < kSuspiciousTrigram;

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
    const auto range = deletes_.equal_range(Hash32(v));
    for (auto it = range.first; it != range.second; ++it) ids.push_back(it->second);
  }
  const auto folded = folded_.find(Hash32(Fold(w)));
  if (folded != folded_.end()) ids.push_back(folded->second);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  double best = -1e9, second = -1e9, best_cost = 0;
  uint32_t best_id = 0;
  for (const uint32_t id : ids) {
    const std::u32string& candidate = words32_[id];
    if (candidate.empty() || candidate == w) continue;
    // A shorter candidate means letters of the input are dropped: only a
    // letter typed twice ("талаап") may go. A valid longer form missing from
    // the lexicon (тағылуда) must not lose its ending.
    if (candidate.size() < w.size() && !DroppedDoubledLetter(w, candidate)) continue;
    if (!suspicious && EditCost(w, candidate) >= 1.0) continue;
    const double c = EditCost(w, candidate);
    if (c > kMaxCost + 1.0) continue;
    const double score =
        std::log(static_cast<double>(lexicon_.words()[id].second)) - kCostWeight * c;
    if (score > best) {
      second = best;
      best = score;
      best_id = id;
      best_cost = c;
    } else if (score > second) {
      second = score;
    }
  }
  if (best > -1e9 && best_cost <= kMaxCost && best - second >= kMargin) {
    *correction = lexicon_.words()[best_id].first;
    *cost = best_cost;
    return true;
  }
  // Without a clear lexicon candidate, Hunspell's suggestions that are one cheap
  // edit away and that it accepts (тұсаукесерері -> тұсаукесерлері).
  if (hunspell != nullptr && suspicious) {
    for (const std::string& suggestion : hunspell->suggest(word_string)) {
      const std::u32string s32 = text::Decode(suggestion);
      bool plain = !s32.empty();
      for (const char32_t c : s32) plain &= text::IsCyrillicLetter(c) && text::IsLower(c);
      // Hunspell suggests a known form for many valid forms it does not know
      // (тағылуда -> тағылда): only a missing letter put back is taken.
      if (!plain || s32.size() != w.size() + 1 || EditCost(w, s32) > 1.0) continue;
      *correction = suggestion;
      *cost = EditCost(w, s32);
      return true;  // the first such suggestion: Hunspell orders them
    }
  }

  return false;
}

}  // namespace kazprep
