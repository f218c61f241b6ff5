#include "segment/sentence_splitter.h"

#include <unicode/uchar.h>

#include <algorithm>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "common/line_io.h"
#include "common/resources.h"
#include "common/utf8.h"
#include "segment/split_text.h"

namespace kazprep {
namespace {

// Code point at `i` (U+FFFD for bad bytes) and its length in bytes.
char32_t At(std::string_view s, size_t i, size_t* len) {
  size_t j = i;
  bool invalid = false;
  const char32_t cp = utf8::Next(s, &j, &invalid);
  *len = j - i;
  return cp;
}

// Code point that ends just before `i`, and its start.
char32_t Before(std::string_view s, size_t i, size_t* start) {
  size_t j = i;
  while (j > 0) {
    --j;
    if ((static_cast<unsigned char>(s[j]) & 0xC0) != 0x80) break;
  }
  size_t len = 0;
  const char32_t cp = At(s, j, &len);
  if (j + len != i) {  // a stray continuation byte: itself a (bad) character
    *start = i - 1;
    return 0xFFFD;
  }
  *start = j;
  return cp;
}

bool IsSpace(char32_t cp) { return utf8::IsWhiteSpace(cp); }
bool IsTerminator(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026; }
bool IsCloser(char32_t cp) {
  switch (cp) {
    case 0x00BB:  // »
    case '"':
    case '\'':
    case ')':
    case ']':
    case 0x201D:  // ”
    case 0x2019:  // ’
    case 0x201C:  // “ (closing quote in kk/ru nesting „...“)
    case 0x203A:  // ›
      return true;
    default:
      return false;
  }
}
bool IsOpener(char32_t cp) {
  return cp == 0x00AB || cp == '"' || cp == '(' || cp == '[' || cp == 0x201E || cp == 0x201C ||
         cp == '\'' || cp == 0x2018 || cp == 0x2039;
}
bool IsDash(char32_t cp) { return cp == '-' || cp == 0x2013 || cp == 0x2014 || cp == 0x2012; }
bool IsLower(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }
bool IsUpper(char32_t cp) {
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}
bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

// First character after `i` that is not a space, dash or opening bracket or
// quote; 0 if none.
char32_t FirstLetterAfter(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t len = 0;
    const char32_t cp = At(s, i, &len);
    if (!IsSpace(cp) && !IsDash(cp) && !IsOpener(cp)) return cp;
    i += len;
  }
  return 0;
}

// End of the smiley token at `i` (":)", ";-)", ":D", ")))", "😃", "👍👍"), or
// `i` when the token there is something else.
size_t SmileyEnd(std::string_view s, size_t i) {
  size_t j = i, len = 0, count = 0;
  bool pictographic = true, brackets = true;
  while (j < s.size()) {
    const char32_t cp = At(s, j, &len);
    if (IsSpace(cp)) break;
    // A word or number is no smiley (the common case, decided at once).
    if (count == 0 && cp != '8' && u_isalnum(static_cast<UChar32>(cp))) return i;
    pictographic &= u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC) ||
                    u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EMOJI_MODIFIER) ||
                    cp == 0x200D || cp == 0xFE0F;
    brackets &= cp == ')' || cp == '(';
    j += len;
    ++count;
    if (!pictographic && !brackets && count > 4) return i;  // too long for ":-)"
  }
  if (count == 0) return i;
  if (pictographic || brackets) return j;
  // ASCII: eyes, an optional nose, a mouth.
  const std::string_view t = s.substr(i, j - i);
  if (t.size() < 2 || t.size() > 4 || std::string_view(":;=8").find(t[0]) == std::string_view::npos)
    return i;
  size_t mouth = 1;
  if (t[mouth] == '-' || t[mouth] == '\'') ++mouth;
  if (mouth >= t.size()) return i;
  if (t[0] == '8' && mouth == 1) return i;  // "8)" numbers a list item; "8-)" is a smiley
  for (size_t k = mouth; k < t.size(); ++k) {
    if (std::string_view(")(DPpOo3|/*]").find(t[k]) == std::string_view::npos) return i;
  }
  return j;
}

bool IsCyrillicLetter(char32_t cp) {
  return cp >= 0x0400 && cp <= 0x04FF && u_isalpha(static_cast<UChar32>(cp));
}

// True when the terminator at `term` (one character), with no space after the
// closers that end at `next`, still ends a sentence: a Cyrillic word of three
// or more lower-case letters before it and a capitalised Cyrillic word
// ("түзеледі.Ақсақ") or a Roman numeral and a space ("жағдайы.XVIII ғасыр")
// after it. Never in Latin text (file.Name, example.Com).
bool GluedSentences(std::string_view s, size_t term, size_t next) {
  size_t pos = term, letters = 0;
  while (pos > 0 && letters < 3) {
    size_t start = 0;
    const char32_t cp = Before(s, pos, &start);
    if (!IsCyrillicLetter(cp) || !IsLower(cp)) return false;
    pos = start;
    ++letters;
  }
  if (letters < 3) return false;
  size_t len = 0;
  const char32_t first = At(s, next, &len);
  if (IsCyrillicLetter(first) && IsUpper(first)) {
    if (next + len >= s.size()) return false;
    size_t second_len = 0;
    const char32_t second = At(s, next + len, &second_len);
    return IsCyrillicLetter(second) && IsLower(second);
  }
  size_t j = next;
  while (j < s.size() && std::string_view("IVXLCDM").find(s[j]) != std::string_view::npos) ++j;
  return j > next && j < s.size() && s[j] == ' ';
}

// `token` without the opening brackets, quotes and dashes before its first
// letter: "(т." -> "т.", "—шақ" -> "шақ".
std::string_view StripOpeners(std::string_view token) {
  size_t len = 0;
  while (!token.empty()) {
    const char32_t cp = At(token, 0, &len);
    if (!IsOpener(cp) && !IsDash(cp)) break;
    token.remove_prefix(len);
  }
  return token;
}

// English words that start sentences in informal text written in lower case.
bool IsLowerCaseStarter(std::string_view token) {
  while (!token.empty() &&
         std::string_view(",.;:!?").find(token.back()) != std::string_view::npos) {
    token.remove_suffix(1);
  }
  static const std::string_view kStarters[] = {
      "i",      "i'm",   "i've",   "i'll", "i'd",  "im",     "we",    "you",   "he",   "she",
      "it",     "it's",  "they",   "the",  "this", "that",   "these", "there", "what", "why",
      "how",    "when",  "where",  "who",  "my",   "your",   "our",   "their", "his",  "her",
      "so",     "but",   "also",   "if",   "yes",  "no",     "ok",    "okay",  "oh",   "well",
      "thanks", "thank", "please", "lol",  "hope", "anyway", "maybe", "sorry", "hi",   "hello"};
  for (const std::string_view w : kStarters) {
    if (token == w) return true;
  }
  return false;
}

// After an amount or a time, these name the currency's country or the time
// zone ("37 млрд. долл. США", "7 p.m. ET") and continue the sentence.
bool IsUnitQualifier(std::string_view token) {
  while (!token.empty() && std::string_view(",.;:)").find(token.back()) != std::string_view::npos) {
    token.remove_suffix(1);
  }
  static const std::string_view kQualifiers[] = {"\u0421\u0428\u0410",
                                                 "\u0410\u049A\u0428",
                                                 "ET",
                                                 "EST",
                                                 "EDT",
                                                 "CT",
                                                 "CST",
                                                 "CDT",
                                                 "MT",
                                                 "PT",
                                                 "PST",
                                                 "PDT",
                                                 "GMT",
                                                 "UTC",
                                                 "\u041C\u0421\u041A"};
  for (const std::string_view q : kQualifiers) {
    if (token == q) return true;
  }
  return false;
}

// True for the rest of a date after its day: "05.1977", "05.1977ж", "12.2024,".
bool IsDate(std::string_view token) {
  size_t i = 0;
  while (i < token.size() && IsDigit(static_cast<unsigned char>(token[i]))) ++i;
  if (i == 0 || i > 2 || i >= token.size() || token[i] != '.') return false;
  const size_t year = ++i;
  while (i < token.size() && IsDigit(static_cast<unsigned char>(token[i]))) ++i;
  return i - year == 4 || i - year == 2;
}

// True when [begin, end) is a number and an abbreviation ("2024 ж."), or a
// word of at most two letters (a preposition), a number and an abbreviation
// ("В 1960-х гг.", "С 2010 г."): no sentence, but its opening phrase.
bool OnlyADate(std::string_view s, size_t begin, size_t end) {
  std::vector<std::string_view> tokens;
  size_t len = 0, token_begin = std::string_view::npos;
  for (size_t i = begin; i <= end && tokens.size() <= 3; i += len) {
    const bool space = i == end || IsSpace(At(s, i, &len));
    if (i == end) len = 1;
    if (!space && token_begin == std::string_view::npos) token_begin = i;
    if (space && token_begin != std::string_view::npos) {
      tokens.push_back(s.substr(token_begin, i - token_begin));
      token_begin = std::string_view::npos;
    }
  }
  if (tokens.size() == 2) return true;
  if (tokens.size() != 3) return false;
  size_t letters = 0;
  for (size_t i = 0; i < tokens[0].size(); i += len) {
    if (!u_isalpha(static_cast<UChar32>(At(tokens[0], i, &len)))) return false;
    ++letters;
  }
  return letters <= 2;
}

// The first byte at or after `i` that may start a terminator: `.` `!` `?`
// or the lead byte of `…` (E2 80 A6); no byte inside another UTF-8 sequence
// equals these. Most of the time of splitting is spent here.
size_t NextTerminatorByte(std::string_view s, size_t i) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
#ifdef __SSE2__
  // 16 bytes at a time (SSE2 is part of x86-64).
  const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), question = _mm_set1_epi8('?'),
                lead = _mm_set1_epi8(static_cast<char>(0xE2));
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i hit =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, question), _mm_cmpeq_epi8(v, lead)));
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i < n; ++i) {
    const unsigned char b = p[i];
    if (b == '.' || b == '!' || b == '?' || b == 0xE2) return i;
  }
  return n;
}

// True for "Қ", "Н.Ә", "J.R.R": single capital letters joined by dots.
bool IsInitials(std::string_view word) {
  size_t i = 0;
  bool letter_expected = true;
  int letters = 0;
  while (i < word.size()) {
    size_t len = 0;
    const char32_t cp = At(word, i, &len);
    if (letter_expected) {
      if (!IsUpper(cp)) return false;
      ++letters;
    } else if (cp != '.') {
      return false;
    }
    letter_expected = !letter_expected;
    i += len;
  }
  return letters > 0 && !letter_expected;
}

// "2024", "12.03.2024", "1950-53", "2015–2016", "2,8", a decade or ordinal
// with its ending ("1980-х", "30-е", "2024-ші"), or a Roman numeral ("XIX",
// "XV-XVI").
bool IsNumber(std::string_view word) {
  if (word.empty()) return false;
  if (!IsDigit(static_cast<unsigned char>(word.front()))) {
    for (char c : word) {
      if (std::string_view("IVXLCDM-").find(c) == std::string_view::npos) return false;
    }
    return word.front() != '-';
  }
  size_t i = 0;
  while (i < word.size()) {
    const char c = word[i];
    if (IsDigit(static_cast<unsigned char>(c)) || c == '.' || c == ',' || c == ':' || c == '/') {
      ++i;
    } else if (c == '-' || word.compare(i, 3, "\u2013") == 0 || word.compare(i, 3, "\u2014") == 0) {
      const size_t after = i + (c == '-' ? 1 : 3);
      if (after < word.size() && !IsDigit(static_cast<unsigned char>(word[after]))) {
        // An ending after the hyphen: letters only, at most 4 of them.
        size_t letters = 0, j = after;
        while (j < word.size()) {
          size_t len = 0;
          if (!u_isalpha(static_cast<UChar32>(At(word, j, &len)))) return false;
          j += len;
          ++letters;
        }
        return c == '-' && letters <= 4;
      }
      i = after;
    } else {
      return false;
    }
  }
  return true;
}

// Lower-cases the first letter (for an abbreviation written at sentence start).
std::string LowerFirst(std::string_view word) {
  size_t len = 0;
  const char32_t cp = At(word, 0, &len);
  std::string out;
  utf8::Append(static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp))), &out);
  out.append(word.substr(len));
  return out;
}

}  // namespace

Status SentenceSplitter::AddAbbreviations(std::string_view content, std::string_view origin,
                                          Abbreviations* to) {
  return resources::ForEachDataLine(content, origin, [to](std::string_view line) -> Status {
    line = utf8::TrimSpace(line);
    AbbreviationKind kind = AbbreviationKind::kAlways;
    const size_t space = line.find(' ');
    if (space != std::string_view::npos) {
      const std::string_view marker = utf8::TrimSpace(line.substr(space + 1));
      if (marker == "#NUMERIC_ONLY#") {
        kind = AbbreviationKind::kNumericOnly;
      } else if (marker == "#AFTER_NUMBER#") {
        kind = AbbreviationKind::kAfterNumber;
      } else {
        return Status::Error("expected ENTRY, ENTRY #NUMERIC_ONLY# or ENTRY #AFTER_NUMBER#");
      }
      line = line.substr(0, space);
    }
    if (line.empty() || line.back() == '.') {
      return Status::Error("an entry is written without its final dot");
    }
    (*to)[std::string(line)] = kind;
    return Status::Ok();
  });
}

Status SentenceSplitter::Load(const SplitterOptions& options,
                              std::unique_ptr<SentenceSplitter>* splitter) {
  if (options.lang != "kk" && options.lang != "ru" && options.lang != "en") {
    return Status::Error("unsupported language '" + options.lang + "' (expected kk, ru or en)");
  }
  std::unique_ptr<SentenceSplitter> s(new SentenceSplitter());
  s->options_ = options;
  s->lower_case_starts_ = options.lang == "en";
  std::string content, origin;
  KAZPREP_RETURN_IF_ERROR(resources::LoadModelFile("abbreviations/" + options.lang + ".txt",
                                                   options.rules_dir, &content, &origin));
  KAZPREP_RETURN_IF_ERROR(s->AddAbbreviations(content, origin, &s->abbreviations_));
  if (options.lang != "en") {
    // Latin words in Kazakh and Russian text are mostly English names and
    // titles: "Dr. PawPaw", "Visa Inc. (V.N.)".
    KAZPREP_RETURN_IF_ERROR(
        resources::LoadModelFile("abbreviations/en.txt", options.rules_dir, &content, &origin));
    KAZPREP_RETURN_IF_ERROR(s->AddAbbreviations(content, origin, &s->latin_abbreviations_));
  }
  KAZPREP_RETURN_IF_ERROR(resources::LoadModelFile(
      "abbreviations/" + options.lang + ".starters.txt", options.rules_dir, &content, &origin));
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [&s](std::string_view line) -> Status {
        line = utf8::TrimSpace(line);
        if (line.find(' ') != std::string_view::npos) return Status::Error("one word per line");
        s->starters_.emplace(line);
        return Status::Ok();
      }));
  if (!options.abbreviations_file.empty()) {
    KAZPREP_RETURN_IF_ERROR(ReadFile(options.abbreviations_file, &content));
    KAZPREP_RETURN_IF_ERROR(
        s->AddAbbreviations(content, options.abbreviations_file, &s->abbreviations_));
  }
  *splitter = std::move(s);
  return Status::Ok();
}

// The token that ends just before `end` (white space delimits tokens), from
// no earlier than `floor`.
std::string_view SentenceSplitter::TokenBefore(std::string_view text, size_t floor, size_t end) {
  size_t begin = end;
  while (begin > floor) {
    size_t start = 0;
    if (IsSpace(Before(text, begin, &start))) break;
    begin = start;
  }
  return text.substr(begin, end - begin);
}

// The token that starts at `begin` (white space delimits tokens).
std::string_view SentenceSplitter::TokenAfter(std::string_view text, size_t begin) {
  size_t end = begin, len = 0;
  while (end < text.size() && !IsSpace(At(text, end, &len))) end += len;
  return text.substr(begin, end - begin);
}

const SentenceSplitter::AbbreviationKind* SentenceSplitter::FindAbbreviation(
    std::string_view word) const {
  if (word.empty()) return nullptr;
  for (const Abbreviations* list : {&abbreviations_, &latin_abbreviations_}) {
    if (list->empty()) continue;
    if (list == &latin_abbreviations_) {
      size_t len = 0;
      const char32_t first = At(word, 0, &len);
      if (first >= 0x250 || !u_isalpha(static_cast<UChar32>(first))) break;  // not Latin
    }
    auto found = list->find(std::string(word));
    if (found == list->end()) found = list->find(LowerFirst(word));
    if (found != list->end()) return &found->second;
  }
  return nullptr;
}

bool SentenceSplitter::StartsSentence(std::string_view text, size_t next) const {
  if (starters_.empty()) return false;
  std::string_view word = TokenAfter(text, next);
  while (!word.empty() &&
         std::string_view(",.;:!?\"'").find(word.back()) != std::string_view::npos) {
    word.remove_suffix(1);
  }
  return starters_.count(std::string(word)) > 0;
}

bool SentenceSplitter::ShouldSplit(std::string_view text, size_t sentence_start, size_t term_begin,
                                   size_t term_end, size_t closers_end, size_t next) const {
  size_t len = 0;
  const char32_t first = At(text, next, &len);
  // "тролль! )))": closing brackets and quotes belong to the sentence before.
  if (first == ')' || first == ']' || first == 0x00BB || first == 0x201D) return false;
  // "?» — деді ол": a dash and a lower-case word continue the sentence, and
  // so does a bracket or quote that opens on a lower-case word ("т. б. (тағы
  // басқа), ...").
  if ((IsDash(first) || IsOpener(first)) && IsLower(FirstLetterAfter(text, next))) return false;
  const bool lower = IsLower(first);
  // Lower-case starts (informal English) only after a lone `.`, `?` or `!`:
  // "em... no...", "(spelling??) brothers" continue.
  if (lower && (!lower_case_starts_ || term_end - term_begin != 1 || closers_end != term_end)) {
    return false;
  }

  const bool single_dot = term_end - term_begin == 1 && text[term_begin] == '.';
  // "(в 830—846 гг.)." : a terminator after the closers ends the sentence,
  // whatever came before.
  const bool terminated_again = closers_end > term_end && [&] {
    size_t start = 0;
    return IsTerminator(Before(text, closers_end, &start));
  }();
  if (!single_dot || terminated_again) return true;
  // The word before the dot, without opening punctuation.
  const std::string_view token = TokenBefore(text, sentence_start, term_begin);
  const size_t word_begin = term_begin - token.size();
  const std::string_view word = StripOpeners(token);
  if (word.empty()) return true;
  // An initial or abbreviation continues the sentence, unless a word that
  // only starts sentences follows ("... 2024 ж. Бұл ...").
  // (Worked out only where it decides: most full stops end ordinary words.)
  const auto starter = [&] { return IsUpper(first) && StartsSentence(text, next); };
  if (IsInitials(word)) return starter();
  // "25. 05.1977": a date typed with a space after the day.
  if (word.size() <= 2 && IsDigit(static_cast<unsigned char>(word[0])) && IsNumber(word) &&
      IsDate(TokenAfter(text, next))) {
    return false;
  }
  // "1. Кіріспе": a number opening the sentence numbers a list item.
  if (word_begin == sentence_start && word.size() <= 3 &&
      std::all_of(word.begin(), word.end(), [](char c) { return IsDigit(c); })) {
    return false;
  }
  const AbbreviationKind* kind = FindAbbreviation(word);
  // "т. е.", "б. з. б.": the parts of an abbreviation written with spaces.
  std::string joined;
  for (size_t end = word_begin, parts = 0; kind == nullptr && word.size() <= 4 && parts < 2;
       ++parts) {
    size_t start = 0;
    while (end > sentence_start && IsSpace(Before(text, end, &start))) end = start;
    const std::string_view token_part = TokenBefore(text, sentence_start, end);
    end -= token_part.size();
    const std::string_view part = StripOpeners(token_part);  // "(т. е." -> "т."
    if (part.size() < 2 || part.size() > 6 || part.back() != '.') break;
    if (joined.empty()) joined = word;
    joined.insert(0, part);
    kind = FindAbbreviation(joined);
    if (part.size() != token_part.size()) break;  // the bracket opens the abbreviation
  }
  if (kind == nullptr) {
    // An ordinary word: a capital starts a sentence; a lower-case word does
    // only where lower_case_starts_ (informal English: "i am out of town.
    // i am in portland."), when it is one that starts sentences (a pronoun,
    // determiner, question word or interjection: not "etc. and", "et al.
    // found", "temp. was"), and the word before is a word, not a token with
    // inner dots ("e.g.", "a.m." unlisted).
    if (!lower) return true;
    if (!IsLowerCaseStarter(TokenAfter(text, next))) return false;
    size_t letters = 0;
    for (size_t i = 0; i < word.size();) {
      const char32_t cp = At(word, i, &len);
      if (!u_isalpha(static_cast<UChar32>(cp)) && cp != '\'') return false;
      letters += u_isalpha(static_cast<UChar32>(cp)) ? 1 : 0;
      i += len;
    }
    return letters >= 2;
  }
  if (lower) return false;
  switch (*kind) {
    case AbbreviationKind::kAlways:
      return starter();
    case AbbreviationKind::kNumericOnly:
      return !IsDigit(first);
    case AbbreviationKind::kAfterNumber: {
      // After a number: "2024 ж. 15 наурызда" continues, "... 2024 ж. Ертеңіне"
      // ends. Elsewhere ("г. Алматы") the abbreviation never ends a sentence.
      // Units in between count with the number: "5 млн руб.", "5 тыс. руб.".
      size_t end = word_begin;
      for (int step = 0; step < 3; ++step) {
        size_t start = 0;
        while (end > sentence_start && IsSpace(Before(text, end, &start))) end = start;
        std::string_view previous = TokenBefore(text, sentence_start, end);
        if (previous.empty()) return starter();
        if (IsNumber(previous)) {
          // Not before a digit, nor before an acronym ("37 млрд. долл. США",
          // "7 p.m. ET"), nor when the sentence so far is only a preposition,
          // the number and the abbreviation ("В 1960-х гг. Бжезинский ...").
          if (IsDigit(first) || IsDash(first) || IsUnitQualifier(TokenAfter(text, next))) {
            return false;
          }
          // "№ 5 г. Павлодара": a number after № is no year.
          size_t before_number = end - previous.size();
          while (before_number > sentence_start && IsSpace(Before(text, before_number, &start))) {
            before_number = start;
          }
          if (TokenBefore(text, sentence_start, before_number) == "\u2116") return false;
          return !OnlyADate(text, sentence_start, term_end) || starter();
        }
        end -= previous.size();
        if (previous.back() == '.') previous.remove_suffix(1);
        if (FindAbbreviation(previous) == nullptr) return starter();
      }
      return starter();
    }
  }
  return true;
}

void SentenceSplitter::Split(std::string_view text,
                             std::vector<std::string_view>* sentences) const {
  sentences->clear();
  size_t sentence_start = 0;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    i = NextTerminatorByte(text, i);
    if (i >= n) break;
    size_t len = 0;
    if (!IsTerminator(At(text, i, &len))) {
      i += len;
      continue;
    }
    const size_t term_begin = i;
    size_t term_end = i + len;
    while (term_end < n) {
      const char32_t c = At(text, term_end, &len);
      if (!IsTerminator(c)) break;
      term_end += len;
    }
    size_t k = term_end;
    while (k < n) {
      const char32_t c = At(text, k, &len);
      if (!IsCloser(c) && !IsTerminator(c)) break;
      k += len;
    }
    if (k >= n) break;
    size_t m = k;
    while (m < n) {
      const char32_t c = At(text, m, &len);
      if (!IsSpace(c)) break;
      m += len;
    }
    if (m == k) {  // no space after the terminator: "3.5", "e.g.", "kazinform.kz"
      if (term_end - term_begin == 1 && GluedSentences(text, term_begin, k) &&
          !FindAbbreviation(StripOpeners(TokenBefore(text, sentence_start, term_begin)))) {
        // "түзеледі.Ақсақ": sentences glued together.
        sentences->push_back(utf8::TrimSpace(text.substr(sentence_start, k - sentence_start)));
        sentence_start = k;
      }
      i = k;
      continue;
    }
    if (m >= n) break;
    // "Кофе! :) Входящим", "тролль! ))) Вот": a smiley after the terminator
    // belongs to the sentence it ends.
    const size_t smiley_end = SmileyEnd(text, m);
    if (smiley_end > m) {
      k = smiley_end;
      for (m = k; m < n && IsSpace(At(text, m, &len));) m += len;
      if (m == k) {
        i = k;
        continue;
      }
      if (m >= n) break;
    }
    if (ShouldSplit(text, sentence_start, term_begin, term_end, k, m)) {
      const std::string_view sentence =
          utf8::TrimSpace(text.substr(sentence_start, k - sentence_start));
      if (!sentence.empty()) sentences->push_back(sentence);
      sentence_start = m;
    }
    i = m;
  }
  const std::string_view rest = utf8::TrimSpace(text.substr(sentence_start));
  if (!rest.empty()) sentences->push_back(rest);
}

}  // namespace kazprep

namespace kazprep::split_text {
char32_t At(std::string_view s, size_t i, size_t* len) { return kazprep::At(s, i, len); }
bool IsOpener(char32_t cp) { return kazprep::IsOpener(cp); }
bool IsCloser(char32_t cp) { return kazprep::IsCloser(cp); }
bool IsTerminator(char32_t cp) { return kazprep::IsTerminator(cp); }
bool IsNumber(std::string_view token) { return kazprep::IsNumber(token); }
bool IsInitials(std::string_view word) { return kazprep::IsInitials(word); }
}  // namespace kazprep::split_text
