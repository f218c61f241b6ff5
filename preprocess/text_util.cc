#include "preprocess/text_util.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <charconv>
#include <cstdint>

#include "common/utf8.h"

namespace kazprep::text {

std::u32string Decode(std::string_view utf8) {
  std::u32string out(utf8.size(), U'\0');
  char32_t* w = out.data();
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const size_t n = utf8.size();
  size_t i = 0;
  bool invalid = false;
  while (i < n) {
    if (p[i] < 0x80) {
      *w++ = p[i++];
    } else if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      *w++ = (static_cast<char32_t>(p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F);
      i += 2;
    } else {
      *w++ = utf8::Next(utf8, &i, &invalid);
    }
  }
  out.resize(static_cast<size_t>(w - out.data()));
  return out;
}

std::string Encode(const std::u32string& text) {
  std::string out(text.size() * 4, '\0');
  char* w = out.data();
  for (const char32_t cp : text) {
    if (cp < 0x80) {
      *w++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
      *w++ = static_cast<char>(0xC0 | (cp >> 6));
      *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *w++ = static_cast<char>(0xE0 | (cp >> 12));
      *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      *w++ = static_cast<char>(0xF0 | (cp >> 18));
      *w++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *w++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *w++ = static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  out.resize(static_cast<size_t>(w - out.data()));
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
  // A scheme ("https://", "ftp://"): letters, then "://".
  const size_t scheme = token.find(U"://");
  if (scheme != std::u32string_view::npos && scheme >= 2) {
    bool letters = true;
    for (size_t k = 0; k < scheme; ++k) {
      const char32_t c = token[k];
      letters &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    if (letters) return true;
  }
  if (StartsWith(s, begin, U"www.") || StartsWith(s, begin, U"WWW.")) return true;
  if (token.front() == '@' || token.front() == '#') {
    return token.size() > 1 && (IsLetter(token[1]) || IsDigit(token[1]) || token[1] == '_');
  }
  const size_t at = token.find('@');
  return at != std::u32string_view::npos && at > 0 &&
         token.find('.', at) != std::u32string_view::npos;
}

}  // namespace

bool MayHaveProtected(const std::u32string& text) {
  for (size_t k = 0; k < text.size(); ++k) {
    const char32_t cp = text[k];
    if (cp == '@' || cp == '#' || (cp == ':' && k + 2 < text.size() && text[k + 1] == '/') ||
        ((cp == 'w' || cp == 'W') && k + 3 < text.size() && text[k + 3] == '.')) {
      return true;
    }
  }
  return false;
}

std::vector<bool> ProtectedMask(const std::u32string& text) {
  std::vector<bool> mask;
  // Most lines hold no URL, address, handle or tag: check for their marks first.
  if (!MayHaveProtected(text)) return mask;
  mask.assign(text.size(), false);
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t begin = i;
    while (i < text.size() && text[i] != ' ') ++i;
    size_t end = i;
    while (begin < end && IsWrapper(text[begin])) ++begin;
    while (end > begin && IsWrapper(text[end - 1])) --end;
    // "сөз,@handle": a handle or tag after punctuation starts its own token.
    for (size_t k = begin + 1; k + 1 < end; ++k) {
      if ((text[k] == '@' || text[k] == '#') && !IsLetter(text[k - 1]) && !IsDigit(text[k - 1]) &&
          (IsLetter(text[k + 1]) || IsDigit(text[k + 1]) || text[k + 1] == '_')) {
        begin = k;
        break;
      }
    }
    if (begin < end && IsProtectedToken(text, begin, end)) {
      // A URL with a quote inside ("?q="Абай"") keeps its closing quote too.
      const std::u32string_view token(text.data() + begin, end - begin);
      if (end < i && text[end] == '"' && token.find('"') != std::u32string_view::npos) ++end;
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

namespace {

UScriptCode ScriptOf(char32_t cp) {
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &error);
  return U_FAILURE(error) ? USCRIPT_INVALID_CODE : script;
}

const std::vector<uint8_t> kLetterFlags = [] {
  std::vector<uint8_t> t(kLetterTableSize, 0);
  for (char32_t cp = 0; cp < kLetterTableSize; ++cp) {
    const auto c = static_cast<UChar32>(cp);
    if (!u_isalpha(c)) continue;
    t[cp] = kLetterBit | (u_isupper(c) || u_istitle(c) ? kUpperBit : 0) |
            (u_islower(c) ? kLowerBit : 0) | (ScriptOf(cp) == USCRIPT_LATIN ? kLatinBit : 0) |
            (ScriptOf(cp) == USCRIPT_CYRILLIC ? kCyrillicBit : 0);
  }
  return t;
}();

}  // namespace

const uint8_t* const kLetterTable = kLetterFlags.data();

bool IsLetterSlow(char32_t cp) { return u_isalpha(static_cast<UChar32>(cp)); }
bool IsUpperSlow(char32_t cp) {
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}
bool IsLowerSlow(char32_t cp) { return u_islower(static_cast<UChar32>(cp)); }
bool IsLatinLetterSlow(char32_t cp) { return IsLetterSlow(cp) && ScriptOf(cp) == USCRIPT_LATIN; }
bool IsCyrillicLetterSlow(char32_t cp) {
  return IsLetterSlow(cp) && ScriptOf(cp) == USCRIPT_CYRILLIC;
}

bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool IsSpace(char32_t cp) { return cp == ' '; }

}  // namespace kazprep::text
