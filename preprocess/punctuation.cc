#include "preprocess/punctuation.h"

#include <unicode/uscript.h>

#include "common/resources.h"
#include "preprocess/text_util.h"

namespace kazprep {
namespace {

constexpr char32_t kLeftGuillemet = 0x00AB;   // «
constexpr char32_t kRightGuillemet = 0x00BB;  // »
constexpr char32_t kLeftDouble = 0x201C;      // “
constexpr char32_t kRightDouble = 0x201D;     // ”
constexpr char32_t kLowDouble = 0x201E;       // „
constexpr char32_t kEllipsis = 0x2026;        // …

bool IsAnyDoubleQuote(char32_t cp) {
  return cp == '"' || cp == kLeftGuillemet || cp == kRightGuillemet || cp == kLeftDouble ||
         cp == kRightDouble || cp == kLowDouble;
}

std::vector<char32_t> Chars(std::string_view utf8) {
  const std::u32string s = text::Decode(utf8);
  return std::vector<char32_t>(s.begin(), s.end());
}

}  // namespace

Status Punctuation::Load(const std::string& lang, QuoteStyle quotes, const std::string& rules_dir,
                         std::unique_ptr<Punctuation>* punctuation) {
  auto p = std::unique_ptr<Punctuation>(new Punctuation());
  p->lang_ = lang;
  p->quote_style_ = quotes;
  std::string content, origin;
  KAZPREP_RETURN_IF_ERROR(
      resources::LoadModelFile("normalize/punctuation.tsv", rules_dir, &content, &origin));
  Punctuation* raw = p.get();
  bool have_outer = false, have_inner = false, have_dash = false, have_ellipsis = false;
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [&](std::string_view line) -> Status {
        const auto f = resources::SplitTabs(line);
        if (f.size() < 3) return Status::Error("expected LANG, KEY, VALUE");
        if (f[0] != lang) return Status::Ok();
        const auto value = Chars(f[2]);
        if (f[1] == "quote-outer" || f[1] == "quote-inner") {
          if (value.size() != 2) return Status::Error("a quote pair is 2 characters");
          const bool outer = f[1] == "quote-outer";
          (outer ? raw->outer_open_ : raw->inner_open_) = value[0];
          (outer ? raw->outer_close_ : raw->inner_close_) = value[1];
          (outer ? have_outer : have_inner) = true;
        } else if (f[1] == "dash") {
          if (value.size() != 1) return Status::Error("the dash is 1 character");
          raw->dash_ = value[0];
          have_dash = true;
        } else if (f[1] == "ellipsis") {
          if (f[2] != "..." && value != std::vector<char32_t>{kEllipsis}) {
            return Status::Error("the ellipsis is ... or …");
          }
          raw->ellipsis_is_dots_ = f[2] == "...";
          have_ellipsis = true;
        } else {
          return Status::Error("unknown KEY '" + std::string(f[1]) + "'");
        }
        return Status::Ok();
      }));
  if (!have_outer || !have_inner || !have_dash || !have_ellipsis) {
    return Status::Error(origin + ": language " + lang +
                         " needs quote-outer, quote-inner, dash and ellipsis");
  }
  *punctuation = std::move(p);
  return Status::Ok();
}

bool Punctuation::IsQuote(char32_t cp) const {
  return IsAnyDoubleQuote(cp) || cp == inner_open_ || cp == inner_close_;
}

bool Punctuation::IsOpener(char32_t cp, bool quotes_paired) const {
  return cp == '(' || cp == '[' ||
         (quotes_paired && quote_style_ == QuoteStyle::kStandard &&
          (cp == outer_open_ || cp == inner_open_));
}

bool Punctuation::IsCloser(char32_t cp, bool quotes_paired) const {
  switch (cp) {
    case ',':
    case '.':
    case ':':
    case ';':
    case '!':
    case '?':
    case ')':
    case ']':
      return true;
    default:
      return quotes_paired && quote_style_ == QuoteStyle::kStandard &&
             (cp == outer_close_ || cp == inner_close_) && cp != 0x2019;  // ’: apostrophe
  }
}

void Punctuation::FixEllipses(std::u32string* s, NormalizerStats* stats) const {
  if (s->find(ellipsis_is_dots_ ? std::u32string_view(U"\u2026") : std::u32string_view(U"...")) ==
      std::u32string::npos) {
    return;
  }
  std::u32string out;
  out.reserve(s->size() + 8);
  bool changed = false;
  for (size_t i = 0; i < s->size(); ++i) {
    const char32_t cp = (*s)[i];
    if (ellipsis_is_dots_ && cp == kEllipsis) {
      out += U"...";
      stats->Count(Rule::kEllipsis);
      changed = true;
    } else if (!ellipsis_is_dots_ && cp == '.' && s->compare(i, 3, U"...") == 0 &&
               (i + 3 >= s->size() || (*s)[i + 3] != '.') && (i == 0 || (*s)[i - 1] != '.')) {
      out.push_back(kEllipsis);
      i += 2;
      stats->Count(Rule::kEllipsis);
      changed = true;
    } else {
      out.push_back(cp);
    }
  }
  if (changed) s->swap(out);
}

void Punctuation::FixDashes(std::u32string* s_ptr, NormalizerStats* stats) const {
  std::u32string& s = *s_ptr;
  // A spaced dash between two words: " - ", " -- ", " – ", " — ".
  for (size_t i = 1; i + 2 < s.size(); ++i) {
    if (s[i - 1] != ' ' || !text::IsDashLike(s[i])) continue;
    size_t end = i + 1;
    if (s[i] == '-' && s[end] == '-') ++end;  // "--"
    if (end >= s.size() || s[end] != ' ') continue;
    const char32_t before = s[i - 2], after = end + 1 < s.size() ? s[end + 1] : 0;
    if (text::IsDigit(before) && text::IsDigit(after)) continue;  // "10 - 15"
    if (after == 0) continue;
    if (end - i == 1 && s[i] == dash_) continue;
    s.replace(i, end - i, 1, dash_);
    stats->Count(Rule::kDash);
  }
  // A dash opening a line of dialogue (kk, ru): "- Иә, - деді ол."
  if (lang_ != "en" && s.size() > 2 && text::IsDashLike(s[0]) && s[0] != dash_ && s[1] == ' ' &&
      text::IsLetter(s[2])) {
    s[0] = dash_;
    stats->Count(Rule::kDash);
  }
}

bool Punctuation::IsSymbolGuillemet(const std::u32string& s, size_t i) {
  const char32_t g = s[i];
  if (g != kLeftGuillemet && g != kRightGuillemet) return false;
  // A run of them standing alone: "Перейти »»", "«« Артқа" (after a word,
  // "»»" closes two quotations).
  size_t first = i, last = i;
  while (first > 0 && s[first - 1] == g) --first;
  while (last + 1 < s.size() && s[last + 1] == g) ++last;
  if (last > first && (first == 0 || s[first - 1] == ' ') &&
      (last + 1 == s.size() || s[last + 1] == ' ')) {
    return true;
  }
  const bool space_before = i > 0 && s[i - 1] == ' ';
  const bool space_after = i + 1 < s.size() && s[i + 1] == ' ';
  if (!space_before || !space_after) return false;
  if (!space_before || !space_after) return false;
  // Spaced on both sides: an arrow or a separator ("Главная » Новости")
  // unless a quotation mark of any kind stands before it (for ») or after it
  // (for «): "«Челси » голом" is a quotation typed with a space. Any kind,
  // because the quote pass turns one kind into another and a second pass
  // must decide the same.
  // (Marks spaced on both sides do not count: "Главная » Новости » Спорт".)
  auto quote_at = [&s](size_t k) {
    const bool spaced = k > 0 && s[k - 1] == ' ' && k + 1 < s.size() && s[k + 1] == ' ';
    return IsAnyDoubleQuote(s[k]) && !spaced;
  };
  if (g == kRightGuillemet) {
    for (size_t k = 0; k < i; ++k) {
      if (quote_at(k)) return false;
    }
    return true;
  }
  for (size_t k = i + 1; k < s.size(); ++k) {
    if (quote_at(k)) return false;
  }
  return true;
}

bool Punctuation::FixQuotes(std::u32string* s_ptr, bool protect, NormalizerStats* stats) const {
  std::u32string& s = *s_ptr;
  if (quote_style_ == QuoteStyle::kKeep) return false;
  std::vector<bool> locked = protect ? text::ProtectedMask(s) : std::vector<bool>();
  // ",,Word" after a space is a low opening quote typed with two commas.
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] == ',' && s[i + 1] == ',' && (i == 0 || s[i - 1] == ' ') && text::IsLetter(s[i + 2]) &&
        !text::Locked(locked, i)) {
      s.replace(i, 2, 1, kLowDouble);
      if (!locked.empty()) locked.erase(locked.begin() + static_cast<long>(i));
      stats->Count(Rule::kQuotes);
    }
  }
  // Quotes in or next to a URL, address, handle or tag: leave the line's
  // quotes as they are (the token's own quotes must not change, and its
  // edges are not a word boundary to pair by).
  if (!locked.empty()) {
    for (size_t i = 0; i < s.size(); ++i) {
      if (IsAnyDoubleQuote(s[i]) &&
          (text::Locked(locked, i) || (i > 0 && text::Locked(locked, i - 1)) ||
           (i + 1 < s.size() && text::Locked(locked, i + 1)))) {
        return false;
      }
    }
  }
  std::vector<size_t> positions;
  std::vector<Role> roles;
  bool standard_only = true;
  auto is_space = [&](size_t k) { return k >= s.size() || s[k] == ' '; };
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsAnyDoubleQuote(s[i]) || text::Locked(locked, i) || IsSymbolGuillemet(s, i)) continue;
    const bool space_before =
        i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == '[' ||
        text::IsDashLike(s[i - 1]) ||
        (!roles.empty() && positions.back() == i - 1 && roles.back() == Role::kOpen);
    const bool space_after = is_space(i + 1) || IsCloser(s[i + 1], false);
    const bool quote_after = i + 1 < s.size() && IsAnyDoubleQuote(s[i + 1]);
    Role role = Role::kUnknown;
    if (space_before && !space_after) role = Role::kOpen;  // also ""Word: both open
    if (!space_before && (space_after || quote_after)) role = Role::kClose;
    if (role == Role::kUnknown) {
      // The mark's own direction: « „ and the language's openers open.
      if (s[i] == kLeftGuillemet || s[i] == kLowDouble || s[i] == outer_open_ ||
          s[i] == inner_open_) {
        role = Role::kOpen;
      } else if (s[i] == kRightGuillemet || s[i] == outer_close_ || s[i] == inner_close_) {
        role = Role::kClose;
      }
    }
    if (role == Role::kUnknown) return false;  // cannot pair this line's quotes
    // Standard when the mark is the language's mark for its role ("“Олар"
    // opens with the Kazakh inner closing mark: not standard).
    standard_only &= role == Role::kOpen ? (s[i] == outer_open_ || s[i] == inner_open_)
                                         : (s[i] == outer_close_ || s[i] == inner_close_);
    positions.push_back(i);
    roles.push_back(role);
  }
  // Nesting depth of each mark; a closing mark whose opener is on another
  // line (a quotation spanning segments) has no partner here.
  std::vector<int> depth(roles.size(), 0);
  int d = 0;
  bool balanced = true;
  for (size_t k = 0; k < roles.size(); ++k) {
    if (roles[k] == Role::kOpen) {
      depth[k] = ++d;
    } else if (d > 0) {
      depth[k] = d--;
    } else {
      balanced = false;
      // A lone closing mark after a digit is more likely an inch sign.
      const size_t i = positions[k];
      if (i > 0 && text::IsDigit(s[i - 1]) && s[i] != kRightGuillemet) return false;
    }
  }
  balanced &= d == 0;
  // Quotes already in the language's marks that do not pair up are the
  // author's ("АО «НК «КазМунайГаз»" closes two quotations with one mark):
  // leave them. Two or more ASCII marks left open ("западноберлинца "ни)
  // mean the roles are guesses: leave the line too.
  if (!balanced && standard_only) return true;  // roles known: spacing may use them
  if (d >= 2) {
    int open_ascii = 0;
    for (size_t k = 0; k < roles.size(); ++k) {
      open_ascii += roles[k] == Role::kOpen && s[positions[k]] == '"' ? 1 : 0;
    }
    if (open_ascii >= 2) return false;
  }
  // Unpaired closing marks: in a run of them ("!“»") the last is the outermost.
  for (size_t k = 0; k < roles.size(); ++k) {
    if (roles[k] != Role::kClose || depth[k] != 0) continue;
    size_t end = k;
    while (end + 1 < roles.size() && roles[end + 1] == Role::kClose && depth[end + 1] == 0 &&
           positions[end + 1] == positions[end] + 1) {
      ++end;
    }
    for (size_t j = k; j <= end; ++j) depth[j] = static_cast<int>(end - j + 1);
    k = end;
  }
  for (size_t k = 0; k < positions.size(); ++k) {
    char32_t want;
    if (quote_style_ == QuoteStyle::kAscii) {
      want = '"';
    } else if (depth[k] == 1) {
      want = roles[k] == Role::kOpen ? outer_open_ : outer_close_;
    } else {
      want = roles[k] == Role::kOpen ? inner_open_ : inner_close_;
    }
    if (s[positions[k]] != want) {
      s[positions[k]] = want;
      stats->Count(Rule::kQuotes);
    }
  }
  return true;
}

bool Punctuation::FixRepeated(std::u32string* s_ptr, bool protect, NormalizerStats* stats) const {
  std::u32string& s = *s_ptr;
  const std::vector<bool> locked = protect ? text::ProtectedMask(s) : std::vector<bool>();
  std::u32string out;
  out.reserve(s.size());
  bool changed = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t cp = s[i];
    // ",," and ", ," after a word; ",,Word" after a space is a low quote, kept.
    if (cp == ',' && !text::Locked(locked, i) && !out.empty() && out.back() == ',' &&
        !(i + 1 < s.size() && text::IsLetter(s[i + 1]) && out.size() >= 2 &&
          out[out.size() - 2] == ' ')) {
      changed = true;
      stats->Count(Rule::kRepeatedPunct);
      continue;
    }
    if (cp == ',' && !text::Locked(locked, i) && out.size() >= 2 && out.back() == ' ' &&
        out[out.size() - 2] == ',') {
      out.pop_back();  // ", ," -> ","
      changed = true;
      stats->Count(Rule::kRepeatedPunct);
      continue;
    }
    // A stray dot after a full stop: "сөз. . Келесі" -> "сөз. Келесі".
    const bool spaced_ellipsis =
        (i + 2 < s.size() && s[i + 1] == ' ' && s[i + 2] == '.') ||
        (out.size() >= 4 && out[out.size() - 3] == ' ' && out[out.size() - 4] == '.');  // ". . ."
    if (cp == '.' && !text::Locked(locked, i) && out.size() >= 2 && out.back() == ' ' &&
        out[out.size() - 2] == '.' && (out.size() < 3 || out[out.size() - 3] != '.') &&
        (i + 1 >= s.size() || s[i + 1] == ' ') && !spaced_ellipsis) {
      out.pop_back();
      changed = true;
      stats->Count(Rule::kRepeatedPunct);
      continue;
    }
    out.push_back(cp);
  }
  if (changed) s.swap(out);
  return changed;
}

bool Punctuation::RemoveSpaces(std::u32string* s_ptr, bool quotes_paired, bool protect,
                               NormalizerStats* stats) const {
  std::u32string& s = *s_ptr;
  const std::vector<bool> locked = protect ? text::ProtectedMask(s) : std::vector<bool>();
  std::u32string out;
  out.reserve(s.size());
  bool changed = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' && i > 0 && i + 1 < s.size()) {
      const char32_t prev = s[i - 1], next = s[i + 1];
      // The character after the closer, and the first non-space one.
      const char32_t after = i + 2 < s.size() ? s[i + 2] : 0;
      size_t a = i + 2;
      while (a < s.size() && s[a] == ' ') ++a;
      const char32_t after_word = a < s.size() ? s[a] : 0;
      // Emoticons and smiley brackets keep their space: " :)", " ;-)", " )))".
      const bool emoticon =
          ((next == ':' || next == ';') && (after == ')' || after == '(' || after == 'D' ||
                                            after == 'P' || after == '-' || after == 'p')) ||
          ((next == ')' || next == '(') && after == next);
      // A spaced guillemet keeps the spaces on both its sides.
      const bool symbol = IsSymbolGuillemet(s, i + 1) || IsSymbolGuillemet(s, i - 1);
      // No space before a closer: "сөз , сөз", "( мәтін )", "Иә !".
      if (IsCloser(next, quotes_paired) && !text::Locked(locked, i + 1) &&
          !IsOpener(prev, quotes_paired) && !text::IsDashLike(prev) && prev != ' ' && prev != ',' &&
          prev != ';') {
        const bool dots = next == '.' && after == '.';  // "сөз ..." keeps its space
        const bool number = text::IsDigit(prev) && text::IsDigit(after_word);
        const bool sentence_dot = next == '.' && prev == '.';  // handled by FixRepeated
        // A closing quote moves next to text only ("продаже »." but not "“ “").
        const bool quote_after_text = !IsAnyDoubleQuote(next) || text::IsLetter(prev) ||
                                      text::IsDigit(prev) || prev == '.' || prev == ',' ||
                                      prev == '!' || prev == '?' || prev == ')' || prev == ']';
        if (!dots && !number && !sentence_dot && !emoticon && !symbol && quote_after_text) {
          changed = true;
          stats->Count(Rule::kPunctSpace);
          continue;
        }
      }
      // No space after an opener: "« мәтін»", "( мәтін)".
      if (IsOpener(prev, quotes_paired) && !text::Locked(locked, i - 1) &&
          (text::IsLetter(next) || text::IsDigit(next)) && !IsSymbolGuillemet(s, i - 1) &&
          !(prev == '(' && i >= 2 && s[i - 2] == '(')) {
        changed = true;
        stats->Count(Rule::kPunctSpace);
        continue;
      }
    }
    out.push_back(s[i]);
  }
  if (changed) s.swap(out);
  return changed;
}

bool Punctuation::InsertSpaces(std::u32string* s_ptr, bool protect, NormalizerStats* stats) const {
  std::u32string& s = *s_ptr;
  const std::vector<bool> locked = protect ? text::ProtectedMask(s) : std::vector<bool>();
  std::u32string out;
  out.reserve(s.size() + 8);
  bool changed = false;
  for (size_t i = 0; i < s.size(); ++i) {
    out.push_back(s[i]);
    if (text::Locked(locked, i) || i == 0 || i + 1 >= s.size()) continue;
    const char32_t cp = s[i], prev = s[i - 1], next = s[i + 1];
    bool insert = false;
    if (cp == ',' || cp == ';') {
      // "сөз,сөз" -> "сөз, сөз"; never "3,5".
      insert = text::IsLetter(prev) && text::IsLetter(next);
    } else if (cp == ':') {
      insert = text::IsCyrillicLetter(prev) && text::IsCyrillicLetter(next);
    } else if (cp == '.' || cp == '!' || cp == '?') {
      // Two sentences glued: "келді.Ол кетті". Never "т.б.", "Н.Ә.", "kazinform.kz".
      const char32_t after = i + 2 < s.size() ? s[i + 2] : 0;
      insert = i >= 2 && text::IsCyrillicLetter(prev) && text::IsLower(prev) &&
               text::IsLetter(s[i - 2]) && text::IsCyrillicLetter(next) && text::IsUpper(next) &&
               text::IsLower(after);
    }
    if (insert && !text::Locked(locked, i + 1)) {
      out.push_back(' ');
      changed = true;
      stats->Count(Rule::kPunctSpace);
    }
  }
  if (changed) s.swap(out);
  return changed;
}

bool Punctuation::NeedsSpacing(const std::u32string& s, bool quotes_paired) const {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const char32_t cp = s[i], next = s[i + 1];
    if (cp == ' ') {
      if (i > 0 && IsCloser(next, quotes_paired)) return true;
    } else if (cp == ',' || cp == ';' || cp == ':' || cp == '.' || cp == '!' || cp == '?') {
      if (text::IsLetter(next) || (cp == ',' && next == ',')) return true;
    } else if (next == ' ' && IsOpener(cp, quotes_paired)) {
      return true;
    }
  }
  return false;
}

void Punctuation::RepairOnce(std::u32string* s, NormalizerStats* stats) const {
  // Which passes the line needs.
  const bool protect = text::MayHaveProtected(*s);
  bool ellipsis = false, dash = false, quotes = false;
  const std::u32string& t = *s;
  for (size_t k = 0; k < t.size(); ++k) {
    const char32_t cp = t[k];
    if (cp < 0x80) {
      if (cp == '.' && !ellipsis_is_dots_ && k + 2 < t.size() && t[k + 1] == '.') {
        ellipsis = true;
      } else if (cp == '-') {
        dash = true;
      } else if (cp == '"') {
        quotes = true;
      }
    } else if (cp == kEllipsis) {
      ellipsis |= ellipsis_is_dots_;
    } else if (text::IsDashLike(cp)) {
      dash = true;
    } else if (IsAnyDoubleQuote(cp)) {
      quotes = true;
    }
  }
  if (ellipsis) FixEllipses(s, stats);
  if (dash) FixDashes(s, stats);
  // Runs of commas first: ",,,,Word" is a low quote typed with commas too.
  if (s->find(U",,") != std::u32string::npos) FixRepeated(s, protect, stats);
  const bool quotes_paired = quotes ? FixQuotes(s, protect, stats) : true;
  if (!NeedsSpacing(*s, quotes_paired)) return;
  // Spacing rules feed each other ("сөз ,сөз"); a few rounds reach the fixed point.
  for (int round = 0; round < 4; ++round) {
    bool changed = FixRepeated(s, protect, stats);
    changed |= RemoveSpaces(s, quotes_paired, protect, stats);
    changed |= InsertSpaces(s, protect, stats);
    if (!changed) break;
  }
}

void Punctuation::Repair(std::u32string* s, NormalizerStats* stats) const {
  // A repair can change what decides another (a space removed next to a
  // quote makes it part of a pair): repeat until nothing changes, so that a
  // second pass over the output finds nothing to do.
  // Only quotes decide on context that other repairs change; lines without
  // them reach the fixed point in one round (the spacing rules iterate inside).
  bool has_quotes = false;
  for (const char32_t c : *s) has_quotes |= IsAnyDoubleQuote(c);
  if (!has_quotes) {
    RepairOnce(s, stats);
    return;
  }
  for (int round = 0; round < 4; ++round) {
    const std::u32string before = *s;
    RepairOnce(s, stats);
    if (*s == before) break;
  }
}

}  // namespace kazprep
