#include "preprocess/lexicon.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <charconv>
#include <functional>

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
  index_.reserve(words_.size());
  for (const auto& [w, n] : words_) index_.emplace(std::string_view(w), n);
  return Status::Ok();
}

uint32_t Lexicon::Count(std::string_view word) const {
  const auto it = index_.find(word);
  return it == index_.end() ? 0 : it->second;
}

}  // namespace kazprep
