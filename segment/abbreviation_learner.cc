#include "segment/abbreviation_learner.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/hash.h"
#include "common/utf8.h"
#include "segment/sentence_splitter.h"
#include "segment/split_text.h"

namespace kazprep {
namespace {

// Longer types are not abbreviations (Punkt's exp(-letters) agrees).
constexpr size_t kMaxLetters = 8;
// Punkt: the alternative hypothesis, "the type takes a full stop this often".
constexpr double kStopProbability = 0.99;

using split_text::At;

// `token` without leading openers (and dashes) and trailing closers.
std::string_view Core(std::string_view token) {
  size_t len = 0;
  while (!token.empty()) {
    const char32_t cp = At(token, 0, &len);
    if (!split_text::IsOpener(cp) && cp != '-' && cp != 0x2013 && cp != 0x2014) break;
    token.remove_prefix(len);
  }
  while (!token.empty()) {
    size_t start = token.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(token[start]) & 0xC0) == 0x80) --start;
    if (!split_text::IsCloser(At(token, start, &len))) break;
    token.remove_suffix(token.size() - start);
  }
  return token;
}

// The lower-case form of `type` and its letter count, when it is letters
// with at most inner full stops (т.б, e.g, млн); false otherwise.
bool LowerType(std::string_view type, std::string* lower, size_t* letters) {
  lower->clear();
  *letters = 0;
  size_t len = 0;
  bool previous_stop = true;  // no leading full stop
  for (size_t i = 0; i < type.size(); i += len) {
    const char32_t cp = At(type, i, &len);
    if (cp == '.') {
      if (previous_stop) return false;  // ".." or a leading "."
      previous_stop = true;
      lower->push_back('.');
      continue;
    }
    if (!u_isalpha(static_cast<UChar32>(cp))) return false;
    previous_stop = false;
    ++*letters;
    utf8::Append(static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))), lower);
  }
  return *letters > 0 && *letters <= kMaxLetters && !previous_stop;
}

// Dunning's log-likelihood ratio as Punkt uses it: `count_ab` of `count_a`
// occurrences of the type have the full stop, against P = count_b / n.
double LogLikelihood(double count_a, double count_b, double count_ab, double n) {
  const double p1 = count_b / n;
  const double null_hypothesis = count_ab * std::log(p1) + (count_a - count_ab) * std::log1p(-p1);
  const double alternative =
      count_ab * std::log(kStopProbability) + (count_a - count_ab) * std::log1p(-kStopProbability);
  return -2.0 * (null_hypothesis - alternative);
}

}  // namespace

void AbbreviationLearner::Add(std::string_view paragraph) {
  ++paragraphs_;
  // The tokens, split at white space.
  std::vector<std::string_view> tokens;
  size_t i = 0, len = 0, begin = std::string_view::npos;
  while (i < paragraph.size()) {
    const char32_t cp = At(paragraph, i, &len);
    if (utf8::IsWhiteSpace(cp)) {
      if (begin != std::string_view::npos) tokens.push_back(paragraph.substr(begin, i - begin));
      begin = std::string_view::npos;
    } else if (begin == std::string_view::npos) {
      begin = i;
    }
    i += len;
  }
  if (begin != std::string_view::npos) tokens.push_back(paragraph.substr(begin));

  std::string lower;
  size_t letters = 0;
  for (size_t t = 0; t < tokens.size(); ++t) {
    std::string_view core = Core(tokens[t]);
    // "ж.," and "т.б.:" count as written with the full stop.
    while (!core.empty() && std::string_view(",;:").find(core.back()) != std::string_view::npos) {
      core.remove_suffix(1);
    }
    if (core.empty()) continue;
    ++tokens_;
    const bool one_stop = core.back() == '.' && (core.size() < 2 || core[core.size() - 2] != '.');
    if (!one_stop) {
      // A word without a full stop (commas and the like dropped).
      std::string_view word = core;
      while (!word.empty() && std::string_view("!?").find(word.back()) != std::string_view::npos) {
        word.remove_suffix(1);
      }
      if (LowerType(word, &lower, &letters)) ++plain_[Fnv1a(lower)];
      continue;
    }
    ++stops_;
    const std::string_view type = core.substr(0, core.size() - 1);
    if (!LowerType(type, &lower, &letters)) continue;
    Stats& stats = stopped_[lower];
    ++stats.with_stop;
    ++stats.spellings[std::string(type)];
    if (t > 0 && split_text::IsNumber(Core(tokens[t - 1]))) ++stats.after_number;
    if (t + 1 == tokens.size()) {
      ++stats.at_end;
      continue;
    }
    // The first letter or digit of the next token.
    const std::string_view next = tokens[t + 1];
    char32_t first = 0;
    for (size_t k = 0; k < next.size(); k += len) {
      first = At(next, k, &len);
      if (u_isalnum(static_cast<UChar32>(first))) break;
      first = 0;
    }
    if (first == 0) continue;  // punctuation only: no evidence either way
    if (u_isdigit(static_cast<UChar32>(first))) {
      ++stats.before_digit;
    } else if (u_islower(static_cast<UChar32>(first))) {
      ++stats.before_lower;
    } else {
      ++stats.before_capital;
    }
  }
}

void AbbreviationLearner::Merge(const AbbreviationLearner& other) {
  tokens_ += other.tokens_;
  stops_ += other.stops_;
  paragraphs_ += other.paragraphs_;
  for (const auto& [hash, count] : other.plain_) plain_[hash] += count;
  for (const auto& [type, o] : other.stopped_) {
    Stats& s = stopped_[type];
    s.with_stop += o.with_stop;
    s.before_lower += o.before_lower;
    s.before_digit += o.before_digit;
    s.before_capital += o.before_capital;
    s.at_end += o.at_end;
    s.after_number += o.after_number;
    for (const auto& [spelling, count] : o.spellings) s.spellings[spelling] += count;
  }
}

std::vector<LearnedAbbreviation> AbbreviationLearner::Candidates(
    const LearnerOptions& options, const SentenceSplitter* known) const {
  std::vector<LearnedAbbreviation> out;
  // Punkt's test needs tokens without a full stop (P < 1).
  if (tokens_ == 0 || stops_ == 0 || stops_ >= tokens_) return out;
  for (const auto& [type, s] : stopped_) {
    if (s.with_stop < options.min_count) continue;
    // The spelling written most often (ties: the smallest, for stable output).
    const auto best =
        std::max_element(s.spellings.begin(), s.spellings.end(), [](const auto& a, const auto& b) {
          return a.second != b.second ? a.second < b.second : a.first > b.first;
        });
    const std::string& entry = best->first;
    if (split_text::IsInitials(entry)) continue;  // Қ, Н.Ә: handled in code
    if (known != nullptr && known->IsAbbreviation(entry)) continue;
    const auto plain = plain_.find(Fnv1a(type));
    const uint32_t without = plain == plain_.end() ? 0 : plain->second;
    size_t letters = 0, stops = 0;
    for (size_t i = 0, len = 0; i < type.size(); i += len) {
      const char32_t cp = At(type, i, &len);
      cp == '.' ? ++stops : ++letters;
    }
    const double ll = LogLikelihood(s.with_stop + without, static_cast<double>(stops_), s.with_stop,
                                    static_cast<double>(tokens_));
    const double score = ll * std::exp(-static_cast<double>(letters)) *
                         static_cast<double>(stops + 1) *
                         std::pow(static_cast<double>(letters), -static_cast<double>(without));
    const uint32_t before_word = s.before_lower + s.before_digit + s.before_capital;
    // Not Punkt's: mostly before lower-case words or digits, and written with
    // the full stop at least as often as without.
    const bool mostly_lower =
        before_word >= options.min_count && s.with_stop >= without &&
        s.before_lower + s.before_digit >= options.min_lower_share * before_word;
    if (score < options.min_score && !mostly_lower) continue;
    // A type never seen inside a sentence (before a lower-case word or a
    // digit) may just be a word that ends sentences (тұр., Hill.) unless it
    // has inner full stops.
    if (s.before_lower + s.before_digit == 0 && stops == 0) continue;
    LearnedAbbreviation a;
    a.entry = entry;
    a.score = std::max(score, 0.0);
    a.with_stop = s.with_stop;
    a.without_stop = without;
    a.before_lower = s.before_lower;
    a.before_digit = s.before_digit;
    a.before_capital = s.before_capital;
    a.at_end = s.at_end;
    a.after_number = s.after_number;
    if (2 * s.after_number >= s.with_stop) {
      a.marker = "#AFTER_NUMBER#";
    } else if (before_word > 0 && 2 * s.before_digit >= before_word) {
      a.marker = "#NUMERIC_ONLY#";
    }
    out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.with_stop != b.with_stop) return a.with_stop > b.with_stop;
    return a.entry < b.entry;
  });
  return out;
}

std::string AbbreviationLearner::Format(const std::vector<LearnedAbbreviation>& candidates,
                                        std::string_view source) const {
  std::string out = "# Candidate abbreviations learned by `kazprep split --learn` from ";
  out.append(source).append("\n# (");
  out.append(std::to_string(paragraphs_)).append(" paragraphs, ");
  out.append(std::to_string(tokens_)).append(" tokens). Review them: delete every line that is\n");
  out +=
      "# not an abbreviation, check the markers, then pass the file to\n"
      "# `kazprep split --abbreviations FILE`. Format: models/abbreviations/README.md.\n"
      "# Above each entry: Punkt's score; times written with / without a full stop;\n"
      "# the next word lower-case / digit / capital / none; times after a number.\n";
  char line[256];
  for (const auto& a : candidates) {
    std::snprintf(line, sizeof line,
                  "# score %.3g: %u / %u; next %u / %u / %u / %u; after a number %u\n", a.score,
                  a.with_stop, a.without_stop, a.before_lower, a.before_digit, a.before_capital,
                  a.at_end, a.after_number);
    out += line;
    out += a.entry;
    if (!a.marker.empty()) out.append(" ").append(a.marker);
    out += '\n';
  }
  return out;
}

}  // namespace kazprep
