#include "preprocess/mojibake.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>

#include "common/utf8.h"
#include "preprocess/text_util.h"

namespace kazprep {
namespace {

Status BuildPage(const char* name, std::unordered_map<char32_t, unsigned char>* page) {
  UErrorCode error = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(name, &error);
  if (U_FAILURE(error)) {
    return Status::Error(std::string("ICU: no converter ") + name + ": " + u_errorName(error));
  }
  for (int b = 0x80; b <= 0xFF; ++b) {
    const char byte = static_cast<char>(b);
    UChar out[4];
    error = U_ZERO_ERROR;
    const int32_t n = ucnv_toUChars(converter, out, 4, &byte, 1, &error);
    char32_t cp = static_cast<char32_t>(b);  // undefined bytes show as C1 controls
    if (U_SUCCESS(error) && n == 1 && out[0] != 0xFFFD && out[0] != 0x1A) cp = out[0];
    (*page)[cp] = static_cast<unsigned char>(b);
    // Latin-1 readers show 0x80-0x9F as C1 controls: accept those too.
    if (b < 0xA0) page->emplace(static_cast<char32_t>(b), static_cast<unsigned char>(b));
  }
  ucnv_close(converter);
  return Status::Ok();
}

}  // namespace

bool Mojibake::IsMarker(char32_t cp) {
  // Not Р С Т У or ё і № « »: they are common letters and punctuation.
  static const std::u32string_view kMarkers =
      U"\u00C2\u00C3\u00D0\u00D1\u00D2\u00D3\u00E2"
      U"°µ±¶·ЂЃ‚ѓ†‡€‰Љ‹ЊЌЋЏђ•™љ›њќћџЎўЈ¤Ґ¦§©Є¬®Їґєјѕї";
  if (cp >= 0x80 && cp < 0xA0) return true;  // C1 bytes shown by Latin-1 readers
  return kMarkers.find(cp) != std::u32string_view::npos;
}

Status Mojibake::Load(std::unique_ptr<Mojibake>* mojibake) {
  auto m = std::unique_ptr<Mojibake>(new Mojibake());
  KAZPREP_RETURN_IF_ERROR(BuildPage("windows-1251", &m->cp1251_));
  KAZPREP_RETURN_IF_ERROR(BuildPage("windows-1252", &m->cp1252_));
  *mojibake = std::move(m);
  return Status::Ok();
}

bool Mojibake::TryPage(const std::u32string& text,
                       const std::unordered_map<char32_t, unsigned char>& page,
                       std::string* out) const {
  std::string bytes;
  bytes.reserve(text.size());
  for (const char32_t cp : text) {
    if (cp < 0x80) {
      bytes.push_back(static_cast<char>(cp));
      continue;
    }
    const auto it = page.find(cp);
    if (it == page.end()) return false;
    bytes.push_back(static_cast<char>(it->second));
  }
  if (!utf8::IsValid(bytes)) return false;
  // The result must read better than the input: Cyrillic text (most letters
  // Cyrillic), or fewer non-ASCII characters and no C1 control ("â€™" -> "’").
  int cyrillic = 0, letters = 0, non_ascii = 0, c1 = 0;
  size_t i = 0;
  bool invalid = false;
  while (i < bytes.size()) {
    const char32_t cp = utf8::Next(bytes, &i, &invalid);
    if (cp >= 0x80) ++non_ascii;
    const int8_t type = u_charType(static_cast<UChar32>(cp));
    // C1 controls, private use, unassigned code points: not text.
    if ((cp >= 0x80 && cp < 0xA0) || type == U_PRIVATE_USE_CHAR || type == U_UNASSIGNED ||
        u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_NONCHARACTER_CODE_POINT)) {
      ++c1;
    }
    if (!text::IsLetter(cp)) continue;
    ++letters;
    UErrorCode error = U_ZERO_ERROR;
    if (cp >= 0x80 && uscript_getScript(static_cast<UChar32>(cp), &error) == USCRIPT_CYRILLIC) {
      ++cyrillic;
    }
  }
  int non_ascii_before = 0;
  for (const char32_t cp : text) non_ascii_before += cp >= 0x80 ? 1 : 0;
  const bool reads_cyrillic = cyrillic > 0 && cyrillic * 2 >= letters;
  const bool reads_better = non_ascii > 0 && non_ascii < non_ascii_before;
  if (c1 > 0 || !(reads_cyrillic || reads_better)) return false;
  out->swap(bytes);
  return true;
}

bool Mojibake::Repair(std::string_view line, std::string* out) const {
  const std::u32string text = text::Decode(line);
  // Count pairs "lead byte + continuation byte" as each page shows them.
  int pairs1251 = 0, pairs1252 = 0;
  auto is_pair = [](const std::unordered_map<char32_t, unsigned char>& page, char32_t lead,
                    char32_t next) {
    const auto a = page.find(lead), b = page.find(next);
    return a != page.end() && b != page.end() && a->second >= 0xC2 && a->second <= 0xF4 &&
           b->second >= 0x80 && b->second <= 0xBF;
  };
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    pairs1252 += is_pair(cp1252_, text[i], text[i + 1]) ? 1 : 0;
    pairs1251 += is_pair(cp1251_, text[i], text[i + 1]) ? 1 : 0;
  }
  if (pairs1252 >= 1 && TryPage(text, cp1252_, out)) return true;
  if (pairs1251 >= 1 && TryPage(text, cp1251_, out)) return true;
  return false;
}

}  // namespace kazprep
