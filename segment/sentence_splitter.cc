#include "segment/sentence_splitter.h"

#include <unicode/uchar.h>

#include "common/line_io.h"
#include "common/resources.h"
#include "common/utf8.h"

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
  *start = j;
  size_t len = 0;
  return At(s, j, &len);
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

// First letter after `i`, skipping spaces and dashes; 0 if none.
char32_t FirstLetterAfter(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t len = 0;
    const char32_t cp = At(s, i, &len);
    if (!IsSpace(cp) && !IsDash(cp)) return cp;
    i += len;
  }
  return 0;
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

// "2024", "12.03.2024", "1950-53", "2,8", or a Roman numeral ("XIX", "XV-XVI").
bool IsNumber(std::string_view word) {
  if (word.empty()) return false;
  const bool arabic = IsDigit(static_cast<unsigned char>(word.front()));
  for (char c : word) {
    const bool ok = arabic ? (IsDigit(static_cast<unsigned char>(c)) || c == '.' || c == ',' ||
                              c == ':' || c == '-')
                           : (std::string_view("IVXLCDM-").find(c) != std::string_view::npos);
    if (!ok) return false;
  }
  return word.front() != '-';
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

Status SentenceSplitter::AddAbbreviations(std::string_view content, std::string_view origin) {
  return resources::ForEachDataLine(content, origin, [this](std::string_view line) -> Status {
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
    abbreviations_[std::string(line)] = kind;
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
  std::string content, origin;
  KAZPREP_RETURN_IF_ERROR(resources::LoadModelFile("abbreviations/" + options.lang + ".txt",
                                                   options.rules_dir, &content, &origin));
  KAZPREP_RETURN_IF_ERROR(s->AddAbbreviations(content, origin));
  if (!options.abbreviations_file.empty()) {
    KAZPREP_RETURN_IF_ERROR(ReadFile(options.abbreviations_file, &content));
    KAZPREP_RETURN_IF_ERROR(s->AddAbbreviations(content, options.abbreviations_file));
  }
  *splitter = std::move(s);
  return Status::Ok();
}

bool SentenceSplitter::ShouldSplit(std::string_view text, size_t sentence_start, size_t term_begin,
                                   size_t term_end, size_t next) const {
  size_t len = 0;
  const char32_t first = At(text, next, &len);
  if (IsLower(first)) return false;
  // "?» — деді ол": a dash and a lower-case word continue the sentence.
  if (IsDash(first) && IsLower(FirstLetterAfter(text, next))) return false;

  const bool single_dot = term_end - term_begin == 1 && text[term_begin] == '.';
  if (!single_dot) return true;
  // The word before the dot, without opening punctuation.
  size_t word_begin = term_begin;
  while (word_begin > sentence_start) {
    size_t start = 0;
    const char32_t cp = Before(text, word_begin, &start);
    if (IsSpace(cp)) break;
    word_begin = start;
  }
  std::string_view word = text.substr(word_begin, term_begin - word_begin);
  while (!word.empty()) {
    size_t l = 0;
    if (!IsOpener(At(word, 0, &l))) break;
    word.remove_prefix(l);
  }
  if (word.empty()) return true;
  if (IsInitials(word)) return false;

  auto found = abbreviations_.find(std::string(word));
  if (found == abbreviations_.end()) found = abbreviations_.find(LowerFirst(word));
  if (found == abbreviations_.end()) return true;
  switch (found->second) {
    case AbbreviationKind::kAlways:
      return false;
    case AbbreviationKind::kNumericOnly:
      return !IsDigit(first);
    case AbbreviationKind::kAfterNumber: {
      // After a number: "2024 ж. 15 наурызда" continues, "... 2024 ж. Ертеңіне"
      // ends. Elsewhere ("г. Алматы") the abbreviation never ends a sentence.
      const std::string_view before =
          utf8::TrimSpace(text.substr(sentence_start, word_begin - sentence_start));
      const size_t space = before.find_last_of(' ');
      const std::string_view previous =
          space == std::string_view::npos ? before : before.substr(space + 1);
      if (!IsNumber(previous)) return false;
      return !IsDigit(first);
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
    size_t len = 0;
    const char32_t cp = At(text, i, &len);
    if (!IsTerminator(cp)) {
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
      i = k;
      continue;
    }
    if (m >= n) break;
    if (ShouldSplit(text, sentence_start, term_begin, term_end, m)) {
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
