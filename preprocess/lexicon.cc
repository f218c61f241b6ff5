#include "preprocess/lexicon.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <functional>

#include "common/hash.h"
#include "common/resources.h"
#include "common/utf8.h"
#include "preprocess/text_util.h"

namespace kazprep {

void ForEachWord(std::string_view line,
                 const std::function<void(std::string_view, size_t, size_t)>& fn) {
  size_t i = 0, begin = std::string_view::npos;
  while (i < line.size()) {
    const size_t start = i;
    bool invalid = false;
    const char32_t cp = utf8::Next(line, &i, &invalid);
    const bool in_word =
        text::IsLetter(cp) || (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
    if (in_word && begin == std::string_view::npos) begin = start;
    if (!in_word && begin != std::string_view::npos) {
      fn(line.substr(begin, start - begin), begin, start);
      begin = std::string_view::npos;
    }
  }
  if (begin != std::string_view::npos) fn(line.substr(begin), begin, line.size());
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

void LexiconBuilder::AddLine(std::string_view line) {
  ForEachWord(line, [this](std::string_view word, size_t, size_t) {
    ++counts_[LowerWord(word)];
    ++tokens_;
  });
}

void LexiconBuilder::Merge(const LexiconBuilder& other) {
  for (const auto& [w, n] : other.counts_) counts_[w] += n;
  tokens_ += other.tokens_;
}

std::string LexiconBuilder::ToTsv(uint32_t min_count, const std::string& header) const {
  std::vector<std::pair<std::string, uint32_t>> entries;
  for (const auto& [w, n] : counts_) {
    if (n >= min_count) entries.emplace_back(w, n);
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::string out = header;
  for (const auto& [w, n] : entries) out += w + "\t" + std::to_string(n) + "\n";
  return out;
}

Status Lexicon::Parse(std::string_view content, std::string_view origin) {
  words_.clear();
  index_.clear();
  total_ = 0;
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [this](std::string_view line) -> Status {
        const size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0)
          return Status::Error("expected WORD<TAB>COUNT");
        uint32_t n = 0;
        const std::string_view count = line.substr(tab + 1);
        const auto [end, ec] = std::from_chars(count.data(), count.data() + count.size(), n);
        if (ec != std::errc() || end != count.data() + count.size()) {
          return Status::Error("COUNT is not a number");
        }
        words_.emplace_back(std::string(line.substr(0, tab)), n);
        total_ += n;
        return Status::Ok();
      }));
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
  return Status::Ok();
}

uint64_t Lexicon::Hash(std::string_view word) {
  const uint64_t h = Fnv1a(word);
  return h ^ (h >> 29);  // the index uses the low bits: mix the high ones in
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
