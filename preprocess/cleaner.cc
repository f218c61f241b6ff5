#include "preprocess/cleaner.h"

#include <unicode/regex.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <mutex>
#include <shared_mutex>
#include <unordered_map>

#include "common/hash.h"
#include "common/resources.h"
#include "common/utf8.h"
#include "preprocess/text_util.h"

namespace kazprep {

struct Cleaner::Pattern {
  std::string reason;
  std::unique_ptr<icu::RegexPattern> regex;
  // The pattern starts with (?=.*\d) and has no | outside parentheses: no
  // line without a digit (\d is General_Category Nd, u_isdigit) matches it.
  bool needs_digit = false;
  // The pattern has a word boundary (\b, \B) or a grapheme cluster (\X):
  // ICU decides those with break iterators that read past a position
  // without saying so (hitEnd), so a prefix cannot rule the pattern out.
  bool always_tried = false;
};

struct Cleaner::PrefixCache {
  std::shared_mutex mutex;
  std::unordered_map<std::u16string, std::shared_ptr<const std::vector<uint32_t>>> candidates;
};

namespace {

// Boilerplate lines are short; longer lines skip the patterns (the longest
// notices the tables describe are about 300 characters).
constexpr size_t kMaxPatternLineChars = 320;
// The patterns that can match are worked out for the first kPrefixChars
// characters of a line; kMaxPrefixes prefixes are remembered (about 200
// bytes each) before the table starts over.
constexpr int32_t kPrefixChars = 4;
constexpr size_t kMaxPrefixes = 1 << 14;

// True when `regex` has a | outside parentheses and character classes
// (escapes and \Q...\E quotes skipped), or when it cannot tell.
bool TopLevelAlternation(std::string_view regex) {
  int depth = 0, set_depth = 0;
  for (size_t i = 0; i < regex.size(); ++i) {
    const char c = regex[i];
    if (c == '\\') {
      if (i + 1 < regex.size() && regex[i + 1] == 'Q') {
        const size_t end = regex.find("\\E", i + 2);
        if (end == std::string_view::npos) return true;
        i = end + 1;
      } else {
        ++i;  // the escaped character
      }
    } else if (c == '[') {
      ++set_depth;
    } else if (c == ']' && set_depth > 0) {
      --set_depth;
    } else if (set_depth > 0) {
      continue;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return true;
    } else if (c == '|' && depth == 0) {
      return true;
    }
  }
  return depth != 0 || set_depth != 0;
}

// True when `regex` uses \b, \B or \X (escapes read in order, so \\b is a
// backslash and a b).
bool NeedsBreakIterator(std::string_view regex) {
  for (size_t i = 0; i + 1 < regex.size(); ++i) {
    if (regex[i] != '\\') continue;
    const char next = regex[i + 1];
    if (next == 'b' || next == 'B' || next == 'X') return true;
    ++i;
  }
  return false;
}

}  // namespace

void DocumentFrequency::AddDocument(const std::vector<std::string_view>& lines) {
  ++documents_;
  seen_.Clear();
  for (const auto raw : lines) {
    const std::string_view line = utf8::TrimSpace(raw);
    if (line.empty()) continue;
    const uint64_t h = Fnv1a(line);
    if (seen_.Insert(h)) ++counts_[h];
  }
}

uint32_t DocumentFrequency::Count(std::string_view line) const {
  const uint32_t* count = counts_.Find(Fnv1a(utf8::TrimSpace(line)));
  return count == nullptr ? 0 : *count;
}

uint32_t DocumentFrequency::Threshold() const {
  return static_cast<uint32_t>(std::max<uint64_t>(5, documents_ / 1000));
}

std::string Deduplicator::Fold(std::string_view line) {
  // Case, digits and punctuation folded away; Kazakh letters to the Russian
  // keyboard letters typed for them.
  std::string out;
  bool space = false;
  size_t i = 0;
  bool invalid = false;
  while (i < line.size()) {
    char32_t cp = utf8::Next(line, &i, &invalid);
    if (!u_isalpha(static_cast<UChar32>(cp))) {
      space = !out.empty();
      continue;
    }
    cp = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    cp = text::FoldKazakhLetter(cp);
    if (space) out.push_back(' ');
    space = false;
    utf8::Append(cp, &out);
  }
  return out;
}

const char* Deduplicator::Check(std::string_view raw) {
  const std::string_view line = utf8::TrimSpace(raw);
  if (!exact_.Insert(Fnv1a(line))) return "duplicate";
  const std::string folded = Fold(line);
  if (!folded.empty() && !near_.Insert(Fnv1a(folded))) return "near-duplicate";
  return "";
}

void CleanerStats::Add(const CleanerStats& o) {
  documents += o.documents;
  lines += o.lines;
  kept += o.kept;
  for (const auto& [reason, n] : o.dropped) dropped[reason] += n;
}

uint64_t CleanerStats::dropped_total() const {
  uint64_t n = 0;
  for (const auto& [reason, count] : dropped) n += count;
  return n;
}

std::string CleanerStats::ToJson() const {
  std::string s = "{\"documents\": " + std::to_string(documents) +
                  ", \"lines\": " + std::to_string(lines) + ", \"kept\": " + std::to_string(kept) +
                  ", \"dropped\": " + std::to_string(dropped_total()) + ", \"reasons\": {";
  bool first = true;
  for (const auto& [reason, n] : dropped) {
    s += (first ? "\"" : ", \"") + reason + "\": " + std::to_string(n);
    first = false;
  }
  return s + "}}";
}

Cleaner::Matchers::Matchers() = default;
Cleaner::Matchers::~Matchers() = default;

Cleaner::Cleaner() : prefix_cache_(std::make_unique<PrefixCache>()) {}
Cleaner::~Cleaner() = default;

std::unique_ptr<Cleaner::Matchers> Cleaner::NewMatchers() const {
  auto m = std::make_unique<Matchers>();
  for (const auto& p : patterns_) {
    UErrorCode error = U_ZERO_ERROR;
    m->matchers.emplace_back(p.regex->matcher(error));
  }
  return m;
}

Status Cleaner::Load(const CleanerOptions& options, std::unique_ptr<Cleaner>* cleaner) {
  if (options.lang != "kk" && options.lang != "ru" && options.lang != "en") {
    return Status::Error("unsupported language '" + options.lang + "' (expected kk, ru or en)");
  }
  auto c = std::unique_ptr<Cleaner>(new Cleaner());
  c->options_ = options;
  KAZPREP_RETURN_IF_ERROR(LanguageIdentifier::Load(options.rules_dir, &c->language_id_));
  std::string content, origin;
  KAZPREP_RETURN_IF_ERROR(resources::LoadModelFile("clean/boilerplate." + options.lang + ".tsv",
                                                   options.rules_dir, &content, &origin));
  Cleaner* raw = c.get();
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [raw](std::string_view line) -> Status {
        const auto f = resources::SplitTabs(line);
        if (f.size() < 2 || f[0].empty() || f[1].empty()) {
          return Status::Error("expected REASON<TAB>REGEX");
        }
        UErrorCode error = U_ZERO_ERROR;
        UParseError parse;
        const icu::UnicodeString regex = icu::UnicodeString::fromUTF8(
            icu::StringPiece(f[1].data(), static_cast<int32_t>(f[1].size())));
        std::unique_ptr<icu::RegexPattern> pattern(icu::RegexPattern::compile(
            regex, UREGEX_CASE_INSENSITIVE | UREGEX_UWORD, parse, error));
        if (U_FAILURE(error)) {
          return Status::Error("bad regular expression at offset " + std::to_string(parse.offset) +
                               ": " + u_errorName(error));
        }
        const bool needs_digit = f[1].substr(0, 8) == "(?=.*\\d)" && !TopLevelAlternation(f[1]);
        raw->patterns_.push_back(
            {std::string(f[0]), std::move(pattern), needs_digit, NeedsBreakIterator(f[1])});
        return Status::Ok();
      }));
  *cleaner = std::move(c);
  return Status::Ok();
}

std::shared_ptr<const std::vector<uint32_t>> Cleaner::CandidatePatterns(
    const icu::UnicodeString& prefix, Matchers* matchers) const {
  std::u16string key(prefix.getBuffer(), static_cast<size_t>(prefix.length()));
  {
    const std::shared_lock<std::shared_mutex> lock(prefix_cache_->mutex);
    const auto it = prefix_cache_->candidates.find(key);
    if (it != prefix_cache_->candidates.end()) return it->second;
  }
  auto candidates = std::make_shared<std::vector<uint32_t>>();
  for (size_t k = 0; k < patterns_.size(); ++k) {
    icu::RegexMatcher* m = matchers->matchers[k].get();
    if (m == nullptr) continue;
    m->reset(prefix);
    UErrorCode error = U_ZERO_ERROR;
    const bool matched = m->matches(error);
    // An error (such as a time limit) keeps the pattern: never a wrong skip.
    if (patterns_[k].always_tried || matched || m->hitEnd() || U_FAILURE(error)) {
      candidates->push_back(static_cast<uint32_t>(k));
    }
  }
  const std::unique_lock<std::shared_mutex> lock(prefix_cache_->mutex);
  if (prefix_cache_->candidates.size() >= kMaxPrefixes) prefix_cache_->candidates.clear();
  prefix_cache_->candidates.emplace(std::move(key), candidates);
  return candidates;
}

std::string Cleaner::Classify(std::string_view raw, Matchers* matchers) const {
  const std::string_view line = utf8::TrimSpace(raw);
  if (line.empty()) return "empty";
  int letters = 0;
  size_t chars = 0;
  bool digit = false;
  {
    size_t i = 0;
    bool invalid = false;
    while (i < line.size()) {
      const char32_t c = utf8::Next(line, &i, &invalid);
      if (text::IsLetter(c)) {
        ++letters;
      } else if (!digit) {
        digit = u_isdigit(static_cast<UChar32>(c));
      }
      ++chars;
    }
  }
  if (letters == 0) return "no-letters";
  if (chars <= kMaxPatternLineChars) {
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    std::unique_ptr<Matchers> own;
    if (matchers == nullptr) {
      own = NewMatchers();
      matchers = own.get();
    }
    const auto try_pattern = [&](size_t k) {
      icu::RegexMatcher* m = matchers->matchers[k].get();
      if (m == nullptr) return false;
      if (options_.pattern_prefilter && patterns_[k].needs_digit && !digit) return false;
      m->reset(u);
      UErrorCode error = U_ZERO_ERROR;
      return m->matches(error) && U_SUCCESS(error);
    };
    if (options_.pattern_prefilter) {
      const icu::UnicodeString prefix = u.tempSubString(0, u.moveIndex32(0, kPrefixChars));
      const auto candidates = CandidatePatterns(prefix, matchers);
      for (const uint32_t k : *candidates) {
        if (try_pattern(k)) return patterns_[k].reason;
      }
    } else {
      for (size_t k = 0; k < patterns_.size(); ++k) {
        if (try_pattern(k)) return patterns_[k].reason;
      }
    }
  }
  // Too short to judge: no language identification at all.
  if (letters < options_.min_language_letters) return "";
  const std::string other = language_id_->OtherLanguage(line, options_.lang, 0);
  return other.empty() ? "" : "language:" + other;
}

}  // namespace kazprep
