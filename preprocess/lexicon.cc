#include "preprocess/lexicon.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <unordered_map>

#include "common/hash.h"
#include "common/resources.h"
#include "common/utf8.h"
#include "preprocess/text_util.h"

namespace kazprep {

namespace {

// Calls fn(begin, end) for each word of `line`: a run of letters and
// combining marks. Cyrillic (U+0400..U+04FF) and ASCII are classified from
// their bytes; only other characters are decoded (this runs on every line
// typo correction reads).
template <typename Fn>
void ScanWords(std::string_view line, Fn&& fn) {
  size_t i = 0, begin = std::string_view::npos;
  while (i < line.size()) {
    const size_t start = i;
    bool in_word;
    const auto lead = static_cast<unsigned char>(line[i]);
    if (lead < 0x80) {
      const char c = line[i++];
      in_word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    } else if (lead >= 0xD0 && lead <= 0xD3 && i + 1 < line.size() &&
               (static_cast<unsigned char>(line[i + 1]) & 0xC0) == 0x80) {
      // Letters and combining marks, except U+0482 (a number sign).
      in_word = !(lead == 0xD2 && static_cast<unsigned char>(line[i + 1]) == 0x82);
      i += 2;
    } else {
      bool invalid = false;
      const char32_t cp = utf8::Next(line, &i, &invalid);
      in_word = text::IsLetter(cp) || (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
    }
    if (in_word && begin == std::string_view::npos) begin = start;
    if (!in_word && begin != std::string_view::npos) {
      fn(begin, start);
      begin = std::string_view::npos;
    }
  }
  if (begin != std::string_view::npos) fn(begin, line.size());
}

}  // namespace

void ForEachWord(std::string_view line,
                 const std::function<void(std::string_view, size_t, size_t)>& fn) {
  ScanWords(line,
            [&](size_t begin, size_t end) { fn(line.substr(begin, end - begin), begin, end); });
}

std::string LowerWord(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  size_t i = 0;
  bool invalid = false;
  while (i < word.size()) {
    const char32_t cp = utf8::Next(word, &i, &invalid);
    utf8::Append(static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))), &out);
  }
  return out;
}

void WordsInContext(std::string_view line, std::vector<WordInContext>* words) {
  words->clear();
  ScanWords(line, [words](size_t begin, size_t end) {
    words->push_back(WordInContext{begin, end});
  });
}

namespace {

// True when only spaces stand between words[i] and the next word.
bool JoinedToNext(std::string_view line, const std::vector<WordInContext>& words, size_t i) {
  if (i + 1 >= words.size()) return false;
  const std::string_view gap = line.substr(words[i].end, words[i + 1].begin - words[i].end);
  return !gap.empty() && gap.find_first_not_of(" \t") == std::string_view::npos;
}

// True when a sentence ends after words[i]: the line ends, or . ! ? … stand
// before the next word.
bool EndsSentence(std::string_view line, const std::vector<WordInContext>& words, size_t i) {
  if (i + 1 >= words.size()) return true;
  const std::string_view gap = line.substr(words[i].end, words[i + 1].begin - words[i].end);
  return gap.find_first_of(".!?") != std::string_view::npos ||
         gap.find("\u2026") != std::string_view::npos;
}

}  // namespace

std::string LeftNeighbour(std::string_view line, const std::vector<WordInContext>& words,
                          size_t i) {
  if (i == 0 || EndsSentence(line, words, i - 1)) return std::string(kSentenceStart);
  const WordInContext& w = words[i - 1];
  return JoinedToNext(line, words, i - 1) ? LowerWord(line.substr(w.begin, w.end - w.begin))
                                          : std::string();
}

std::string RightNeighbour(std::string_view line, const std::vector<WordInContext>& words,
                           size_t i) {
  if (JoinedToNext(line, words, i)) {
    return LowerWord(line.substr(words[i + 1].begin, words[i + 1].end - words[i + 1].begin));
  }
  return EndsSentence(line, words, i) ? std::string(kSentenceEnd) : std::string();
}

void LexiconBuilder::AddLine(std::string_view line) {
  std::vector<WordInContext> words;
  WordsInContext(line, &words);
  std::string key;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string word = LowerWord(line.substr(words[i].begin, words[i].end - words[i].begin));
    ++counts_[word];
    ++tokens_;
    const std::string left = LeftNeighbour(line, words, i);
    if (left == kSentenceStart) {
      ++counts_[std::string(kSentenceStart)];
      key.assign(kSentenceStart).append("\t").append(word);
      ++bigrams_[key];
    }
    const std::string right = RightNeighbour(line, words, i);
    if (right.empty()) continue;
    if (right == kSentenceEnd) ++counts_[std::string(kSentenceEnd)];
    key.assign(word).append("\t").append(right);
    ++bigrams_[key];
  }
}

void LexiconBuilder::Merge(const LexiconBuilder& other) {
  for (const auto& [w, n] : other.counts_) counts_[w] += n;
  for (const auto& [b, n] : other.bigrams_) bigrams_[b] += n;
  tokens_ += other.tokens_;
}

namespace {

// "KEY<TAB>COUNT" lines of the entries seen at least min_count times, by
// count (descending) then key.
void AppendSorted(const std::unordered_map<std::string, uint32_t>& counts, uint32_t min_count,
                  std::string* out) {
  std::vector<std::pair<std::string_view, uint32_t>> entries;
  for (const auto& [w, n] : counts) {
    if (n >= min_count) entries.emplace_back(w, n);
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const auto& [w, n] : entries) out->append(w).append("\t").append(std::to_string(n)) += '\n';
}

}  // namespace

std::string LexiconBuilder::ToTsv(uint32_t min_count, const std::string& header,
                                  uint32_t min_bigram_count) const {
  std::string out = header;
  AppendSorted(counts_, min_count, &out);
  if (min_bigram_count > 0) AppendSorted(bigrams_, min_bigram_count, &out);
  return out;
}

Status Lexicon::Parse(std::string_view content, std::string_view origin) {
  words_.clear();
  index_.clear();
  bigrams_.clear();
  total_ = 0;
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [this](std::string_view line) -> Status {
        const size_t tab = line.rfind('\t');
        if (tab == std::string_view::npos || tab == 0)
          return Status::Error("expected WORD<TAB>COUNT or W1<TAB>W2<TAB>COUNT");
        uint32_t n = 0;
        const std::string_view count = line.substr(tab + 1);
        const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
        if (ec != std::errc() || end != count.data() + count.size()) {
          return Status::Error("COUNT is not a number");
        }
        const std::string_view key = line.substr(0, tab);
        const size_t middle = key.find('\t');
        if (middle != std::string_view::npos) {
          if (middle == 0 || middle + 1 == key.size() ||
              key.find('\t', middle + 1) != std::string_view::npos) {
            return Status::Error("expected W1<TAB>W2<TAB>COUNT");
          }
          bigrams_.emplace_back(BigramKey(key.substr(0, middle), key.substr(middle + 1)), n);
          return Status::Ok();
        }
        if (!bigrams_.empty()) return Status::Error("a word after the bigrams");
        words_.emplace_back(std::string(key), n);
        if (key != kSentenceStart && key != kSentenceEnd) total_ += n;
        return Status::Ok();
      }));
  Index();
  return Status::Ok();
}

void Lexicon::Add(const Lexicon& other, uint32_t min_count) {
  if (&other == this) {  // the ranges below would read what they grow
    const Lexicon copy = other;
    Add(copy, min_count);
    return;
  }
  // Each word once (a word listed twice adds up), in order: this lexicon's,
  // then those of `other` it counts `min_count` times or more.
  std::vector<std::pair<std::string_view, uint64_t>> merged, more;
  std::unordered_map<std::string_view, size_t> at, more_at;
  const auto sum = [](const auto& words, auto* out, auto* out_at) {
    for (const auto& [word, count] : words) {
      const auto [it, fresh] = out_at->emplace(word, out->size());
      if (fresh) {
        out->emplace_back(word, count);
      } else {
        (*out)[it->second].second += count;
      }
    }
  };
  sum(words_, &merged, &at);
  sum(other.words_, &more, &more_at);
  std::erase_if(more, [min_count](const auto& entry) { return entry.second < min_count; });
  sum(more, &merged, &at);
  std::vector<std::pair<std::string, uint32_t>> words;
  words.reserve(merged.size());
  for (const auto& [word, count] : merged) {
    words.emplace_back(word, static_cast<uint32_t>(std::min<uint64_t>(count, UINT32_MAX)));
  }
  std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  at.clear();
  merged.clear();  // (views into words_)
  words_ = std::move(words);
  total_ += other.total_;
  bigrams_.insert(bigrams_.end(), other.bigrams_.begin(), other.bigrams_.end());
  Index();
}

void Lexicon::Index() {
  // Bigrams by key; a pair listed twice adds up.
  std::sort(bigrams_.begin(), bigrams_.end());
  size_t kept = 0;
  for (size_t k = 0; k < bigrams_.size(); ++k) {
    if (kept > 0 && bigrams_[kept - 1].first == bigrams_[k].first) {
      bigrams_[kept - 1].second = static_cast<uint32_t>(
          std::min<uint64_t>(uint64_t{bigrams_[kept - 1].second} + bigrams_[k].second, UINT32_MAX));
    } else {
      bigrams_[kept++] = bigrams_[k];
    }
  }
  bigrams_.resize(kept);
  bigrams_.shrink_to_fit();
  // Open addressing, at most half full; a slot holds the upper half of the
  // word's hash (compared before the word) and its id.
  size_t capacity = 16;
  while (capacity < 2 * words_.size()) capacity *= 2;
  index_.assign(capacity, kEmpty);
  for (uint32_t id = 0; id < words_.size(); ++id) {
    const uint64_t h = Hash(words_[id].first);
    size_t i = h & (capacity - 1);
    bool repeated = false;
    for (; index_[i] != kEmpty; i = (i + 1) & (capacity - 1)) {
      repeated |= words_[index_[i] & 0xFFFFFFFF].first == words_[id].first;  // first wins
    }
    if (!repeated) index_[i] = (h & 0xFFFFFFFF00000000ULL) | id;
  }
}

uint64_t Lexicon::Hash(std::string_view word) {
  const uint64_t h = Fnv1a(word);
  return h ^ (h >> 29);  // the index uses the low bits: mix the high ones in
}

uint64_t Lexicon::BigramKey(std::string_view first, std::string_view second) {
  return Fnv1a(second, FnvAdd(Fnv1a(first), '\t'));
}

uint32_t Lexicon::BigramCount(std::string_view first, std::string_view second) const {
  const uint64_t key = BigramKey(first, second);
  const auto it = std::lower_bound(bigrams_.begin(), bigrams_.end(), std::make_pair(key, 0u));
  return it != bigrams_.end() && it->first == key ? it->second : 0;
}

uint32_t Lexicon::Count(std::string_view word) const {
  if (index_.empty()) return 0;
  const uint64_t h = Hash(word), tag = h & 0xFFFFFFFF00000000ULL;
  const size_t mask = index_.size() - 1;
  for (size_t i = h & mask; index_[i] != kEmpty; i = (i + 1) & mask) {
    if ((index_[i] & 0xFFFFFFFF00000000ULL) != tag) continue;
    const auto& entry = words_[index_[i] & 0xFFFFFFFF];
    if (entry.first == word) return entry.second;
  }
  return 0;
}

}  // namespace kazprep
