#include "preprocess/text_util.h"

#include <unicode/uchar.h>

#include <charconv>

#include "common/utf8.h"

namespace kazprep::text {

std::u32string Decode(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  size_t i = 0;
  bool invalid = false;
  while (i < utf8.size()) out.push_back(utf8::Next(utf8, &i, &invalid));
  return out;
}

std::string Encode(const std::u32string& text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (const char32_t cp : text) utf8::Append(cp, &out);
  return out;
}

namespace {

bool StartsWith(const std::u32string& s, size_t pos, std::u32string_view prefix) {
  return s.compare(pos, prefix.size(), prefix) == 0;
}

// Punctuation that may wrap a protected token without being part of it.
bool IsWrapper(char32_t cp) {
  switch (cp) {
    case '(':
    case ')':
    case '[':
    case ']':
    case '"':
    case '\'':
    case ',':
    case ';':
    case '.':
    case '!':
    case '?':
    case ':':
    case 0x00AB:
    case 0x00BB:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2018:
    case 0x2019:
      return true;
    default:
      return false;
  }
}

bool IsProtectedToken(const std::u32string& s, size_t begin, size_t end) {
  const std::u32string_view token(s.data() + begin, end - begin);
  if (token.find(U"://") != std::u32string_view::npos) return true;
  if (StartsWith(s, begin, U"www.") || StartsWith(s, begin, U"WWW.")) return true;
  if (token.front() == '@' || token.front() == '#') return token.size() > 1;
  const size_t at = token.find('@');
  return at != std::u32string_view::npos && at > 0 &&
         token.find('.', at) != std::u32string_view::npos;
}

}  // namespace

std::vector<bool> ProtectedMask(const std::u32string& text) {
  std::vector<bool> mask(text.size(), false);
  // Most lines hold no URL, address, handle or tag: check for their marks first.
  bool candidate = false;
  for (size_t k = 0; k < text.size() && !candidate; ++k) {
    const char32_t cp = text[k];
    candidate = cp == '@' || cp == '#' ||
                (cp == ':' && k + 2 < text.size() && text[k + 1] == '/') ||
                ((cp == 'w' || cp == 'W') && k + 3 < text.size() && text[k + 3] == '.');
  }
  if (!candidate) return mask;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t begin = i;
    while (i < text.size() && text[i] != ' ') ++i;
    size_t end = i;
    while (begin < end && IsWrapper(text[begin])) ++begin;
    while (end > begin && IsWrapper(text[end - 1])) --end;
    if (begin < end && IsProtectedToken(text, begin, end)) {
      for (size_t k = begin; k < end; ++k) mask[k] = true;
    }
  }
  return mask;
}

Status ParseCodePoint(std::string_view hex, char32_t* cp) {
  uint32_t value = 0;
  const auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
  if (ec != std::errc() || end != hex.data() + hex.size() || hex.empty() || value > 0x10FFFF) {
    return Status::Error("expected a hex code point, got '" + std::string(hex) + "'");
  }
  *cp = value;
  return Status::Ok();
}

bool LangListHas(std::string_view langs, std::string_view lang) {
  size_t pos = 0;
  while (pos <= langs.size()) {
    size_t comma = langs.find(',', pos);
    if (comma == std::string_view::npos) comma = langs.size();
    if (langs.substr(pos, comma - pos) == lang) return true;
    pos = comma + 1;
  }
  return false;
}

bool IsLetter(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }
bool IsUpper(char32_t cp) {
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}
bool IsLower(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }
bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool IsSpace(char32_t cp) { return cp == ' '; }

}  // namespace kazprep::text
