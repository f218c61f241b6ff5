#include "preprocess/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <charconv>

#include "common/resources.h"
#include "common/utf8.h"

namespace kazprep {
namespace {

Status ParseCodePoint(std::string_view hex, char32_t* cp) {
  uint32_t value = 0;
  const auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
  if (ec != std::errc() || end != hex.data() + hex.size() || hex.empty() || value > 0x10FFFF) {
    return Status::Error("expected a hex code point, got '" + std::string(hex) + "'");
  }
  *cp = value;
  return Status::Ok();
}

bool IsPictographic(char32_t cp) {
  return cp != 0 && u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC);
}

// What may stand before a zero width joiner in an emoji sequence.
bool IsEmojiBeforeJoiner(char32_t cp) {
  return IsPictographic(cp) || cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

}  // namespace

void NormalizerStats::Add(const NormalizerStats& o) {
  lines += o.lines;
  lines_changed += o.lines_changed;
  invalid_utf8 += o.invalid_utf8;
  invisible_deleted += o.invisible_deleted;
  controls_deleted += o.controls_deleted;
  spaces_normalized += o.spaces_normalized;
  nfc_lines += o.nfc_lines;
}

std::string NormalizerStats::ToJson() const {
  std::string s = "{";
  auto field = [&s](const char* name, uint64_t v, bool last = false) {
    s += "\"";
    s += name;
    s += "\": " + std::to_string(v) + (last ? "" : ", ");
  };
  field("lines", lines);
  field("lines_changed", lines_changed);
  field("invalid_utf8", invalid_utf8);
  field("invisible_deleted", invisible_deleted);
  field("controls_deleted", controls_deleted);
  field("spaces_normalized", spaces_normalized);
  field("nfc_lines", nfc_lines, true);
  return s + "}";
}

Status Normalizer::Load(const NormalizerOptions& options, std::unique_ptr<Normalizer>* normalizer) {
  if (options.lang != "kk" && options.lang != "ru" && options.lang != "en") {
    return Status::Error("unsupported language '" + options.lang + "' (expected kk, ru or en)");
  }
  std::unique_ptr<Normalizer> n(new Normalizer());
  n->options_ = options;
  n->bmp_class_.assign(0x10000, kKeep);
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    const auto c = static_cast<UChar32>(cp);
    if (u_isUWhiteSpace(c)) {
      n->bmp_class_[cp] = kSpace;
    } else if (u_charType(c) == U_CONTROL_CHAR) {
      n->bmp_class_[cp] = kControl;
    }
  }
  n->bmp_class_[0x200D] = kJoiner;

  std::string content, origin;
  KAZPREP_RETURN_IF_ERROR(
      resources::LoadModelFile("normalize/invisible.tsv", options.rules_dir, &content, &origin));
  Normalizer* raw = n.get();
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [raw](std::string_view line) -> Status {
        const auto fields = resources::SplitTabs(line);
        if (fields.size() != 2) return Status::Error("expected 2 tab-separated fields");
        char32_t first = 0, last = 0;
        const size_t dots = fields[0].find("..");
        if (dots == std::string_view::npos) {
          KAZPREP_RETURN_IF_ERROR(ParseCodePoint(fields[0], &first));
          last = first;
        } else {
          KAZPREP_RETURN_IF_ERROR(ParseCodePoint(fields[0].substr(0, dots), &first));
          KAZPREP_RETURN_IF_ERROR(ParseCodePoint(fields[0].substr(dots + 2), &last));
          if (last < first) return Status::Error("range ends before it starts");
        }
        for (char32_t cp = first; cp <= last && cp < 0x10000; ++cp) raw->bmp_class_[cp] = kDelete;
        if (last >= 0x10000)
          raw->supplementary_delete_.emplace_back(std::max(first, char32_t{0x10000}), last);
        return Status::Ok();
      }));

  UErrorCode error = U_ZERO_ERROR;
  n->nfc_ = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) {
    return Status::Error(std::string("ICU: cannot load NFC data: ") + u_errorName(error));
  }
  *normalizer = std::move(n);
  return Status::Ok();
}

void Normalizer::CleanCharacters(std::string_view line, std::string* out,
                                 NormalizerStats* stats) const {
  bool pending_space = false;  // a white-space run waits to be written
  bool run_is_plain = true;    // the pending run is exactly one ASCII space
  char32_t previous = 0;       // last code point written
  size_t i = 0;
  const size_t n = line.size();
  while (i < n) {
    const unsigned char byte = static_cast<unsigned char>(line[i]);
    char32_t cp;
    size_t start = i;
    bool invalid = false;
    if (byte < 0x80) {
      cp = byte;
      ++i;
    } else {
      cp = utf8::Next(line, &i, &invalid);
      if (invalid) ++stats->invalid_utf8;
    }
    switch (Classify(cp)) {
      case kKeep:
        break;
      case kSpace:
        if (pending_space || cp != ' ') run_is_plain = false;
        pending_space = true;
        continue;
      case kDelete:
        ++stats->invisible_deleted;
        continue;
      case kControl:
        ++stats->controls_deleted;
        continue;
      case kJoiner: {
        // Kept only inside an emoji sequence (👨‍👩‍👧): after a pictograph, VS16
        // or skin-tone modifier already written, and before a pictograph. Both
        // neighbours stay in the output, so a second pass decides the same.
        char32_t next = 0;
        if (i < n) {
          size_t j = i;
          bool ignored = false;
          next = utf8::Next(line, &j, &ignored);
        }
        if (pending_space || !IsEmojiBeforeJoiner(previous) || !IsPictographic(next)) {
          ++stats->invisible_deleted;
          continue;
        }
        break;
      }
    }
    if (pending_space) {
      if (!out->empty()) {
        out->push_back(' ');
        if (!run_is_plain) ++stats->spaces_normalized;
      } else {
        ++stats->spaces_normalized;  // leading white space trimmed
      }
      pending_space = false;
      run_is_plain = true;
    }
    if (invalid) {
      utf8::Append(cp, out);
    } else {
      out->append(line.data() + start, i - start);
    }
    previous = cp;
  }
  if (pending_space) ++stats->spaces_normalized;  // trailing white space trimmed
}

void Normalizer::Normalize(std::string_view line, std::string* out, NormalizerStats* stats) const {
  ++stats->lines;
  out->clear();
  CleanCharacters(line, out, stats);
  if (!utf8::IsAscii(*out)) {
    UErrorCode error = U_ZERO_ERROR;
    const icu::StringPiece piece(out->data(), static_cast<int32_t>(out->size()));
    if (!nfc_->isNormalizedUTF8(piece, error) && U_SUCCESS(error)) {
      std::string composed;
      composed.reserve(out->size());
      icu::StringByteSink<std::string> sink(&composed);
      nfc_->normalizeUTF8(0, piece, sink, nullptr, error);
      if (U_SUCCESS(error) && composed != *out) {
        out->swap(composed);
        ++stats->nfc_lines;
      }
    }
  }
  if (*out != line) ++stats->lines_changed;
}

}  // namespace kazprep
