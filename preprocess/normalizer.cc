#include "preprocess/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <charconv>
#include <cstdio>

#include "common/resources.h"
#include "common/utf8.h"
#include "preprocess/lexicon.h"
#include "preprocess/mojibake.h"
#include "preprocess/punctuation.h"
#include "preprocess/script_repair.h"
#include "preprocess/text_util.h"
#include "preprocess/typo_corrector.h"

namespace kazprep {
namespace {

constexpr const char* kRuleNames[kRuleCount] = {
    "invalid-utf8", "html-entity", "mojibake",    "invisible",      "control",
    "space",        "nfc",         "codepoint",   "lookalike",      "quotes",
    "dash",         "ellipsis",    "punct-space", "repeated-punct", "typo",
};

bool IsPictographic(char32_t cp) {
  return cp != 0 && u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_EXTENDED_PICTOGRAPHIC);
}

// What may stand before a zero width joiner in an emoji sequence.
bool IsEmojiBeforeJoiner(char32_t cp) {
  return IsPictographic(cp) || cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

// True when `cp`, after `previous` (0 at the line start) and a space or not,
// forms a pattern the punctuation pass repairs. Clean text rarely does, so
// most lines skip that pass.
bool NeedsPunctuationPass(char32_t previous, bool space_before, char32_t cp, char32_t dash) {
  switch (cp) {
    case '"':
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2026:
      return true;  // quotes to pair, an ellipsis to rewrite
    case ',':
      return space_before || previous == ',';
    case '.':
    case ':':
    case ';':
    case '!':
    case '?':
    case ')':
    case ']':
    case 0x00BB:
      return space_before;
    case '-':
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      // A spaced or line-opening dash that is not the language's dash.
      return (space_before || previous == 0) && cp != dash;
    default:
      break;
  }
  if (space_before) {
    return previous == '(' || previous == '[' || previous == 0x00AB || previous == 0x201E;
  }
  // Glued after punctuation: "сөз,сөз", "келді.Ол" (not "т.б.", "kazinform.kz").
  if (previous == ',' || previous == ';' || previous == ':')
    return u_isalpha(static_cast<UChar32>(cp));
  if (previous == '.' || previous == '!' || previous == '?') {
    return u_isupper(static_cast<UChar32>(cp));
  }
  return false;
}

// Characters the punctuation pass may change or that call for it.
bool IsPunctuationTrigger(char32_t cp) {
  switch (cp) {
    case ',':
    case '.':
    case ':':
    case ';':
    case '!':
    case '?':
    case '(':
    case ')':
    case '[':
    case ']':
    case '"':
    case '-':
    case 0x00AB:
    case 0x00BB:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x2018:
    case 0x2026:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
      return true;
    default:
      return false;
  }
}

}  // namespace

const char* RuleName(Rule rule) { return kRuleNames[static_cast<size_t>(rule)]; }

std::string RuleNames(RuleSet rules) {
  std::string names;
  for (size_t r = 0; r < kRuleCount; ++r) {
    if ((rules & RuleBit(static_cast<Rule>(r))) == 0) continue;
    if (!names.empty()) names += ",";
    names += kRuleNames[r];
  }
  return names;
}

void NormalizerStats::Add(const NormalizerStats& o) {
  lines += o.lines;
  lines_changed += o.lines_changed;
  for (size_t r = 0; r < kRuleCount; ++r) {
    repairs[r] += o.repairs[r];
    lines_by_rule[r] += o.lines_by_rule[r];
  }
}

std::string NormalizerStats::ToJson() const {
  std::string s = "{\"lines\": " + std::to_string(lines) +
                  ", \"lines_changed\": " + std::to_string(lines_changed);
  for (const auto* table : {&repairs, &lines_by_rule}) {
    s += table == &repairs ? ", \"repairs\": {" : ", \"lines_by_rule\": {";
    for (size_t r = 0; r < kRuleCount; ++r) {
      s += std::string(r ? ", " : "") + "\"" + kRuleNames[r] + "\": " + std::to_string((*table)[r]);
    }
    s += "}";
  }
  return s + "}";
}

// What the character pass saw, to decide which later passes a line needs.
struct Normalizer::LineFlags {
  uint8_t any = 0;           // OR of the Flag bits of every character written
  bool punct_issue = false;  // a spacing or quote pattern the punctuation pass handles
  int mojibake_leads = 0;    // characters that may start a mojibake pair
  bool mixed_word = false;   // a word with Latin and Cyrillic letters
};

Normalizer::Normalizer() = default;
Normalizer::~Normalizer() = default;

Status Normalizer::Load(const NormalizerOptions& options, std::unique_ptr<Normalizer>* normalizer) {
  if (options.lang != "kk" && options.lang != "ru" && options.lang != "en") {
    return Status::Error("unsupported language '" + options.lang + "' (expected kk, ru or en)");
  }
  std::unique_ptr<Normalizer> n(new Normalizer());
  n->options_ = options;
  n->english_ = options.lang == "en";
  KAZPREP_RETURN_IF_ERROR(ScriptRepair::Load(options.lang, options.rules_dir, &n->script_));
  KAZPREP_RETURN_IF_ERROR(
      Punctuation::Load(options.lang, options.quotes, options.rules_dir, &n->punctuation_));
  KAZPREP_RETURN_IF_ERROR(Mojibake::Load(&n->mojibake_));
  if (options.typos == TypoMode::kSafe && options.lang == "kk") {
    TypoOptions typo_options;
    typo_options.rules_dir = options.rules_dir;
    typo_options.lexicons = options.lexicons;
    typo_options.threads = options.load_threads;
    KAZPREP_RETURN_IF_ERROR(TypoCorrector::LoadShared(typo_options, &n->typos_));
  }
  n->dash_ = n->punctuation_->dash();
  utf8::Append(n->dash_, &n->dash_utf8_);
  n->ellipsis_dots_ = n->punctuation_->ellipsis_is_dots();

  n->char_info_.assign(0x10000, kKeep);
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    const auto c = static_cast<UChar32>(cp);
    Action action = kKeep;
    if (u_isUWhiteSpace(c)) {
      action = kSpace;
    } else if (u_charType(c) == U_CONTROL_CHAR) {
      action = kControl;
    }
    uint8_t f = 0;
    if (u_isalpha(c)) {
      UErrorCode error = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(c, &error);
      if (script == USCRIPT_LATIN) f |= kLatin;
      if (script == USCRIPT_CYRILLIC) f |= kCyrillic;
    }
    if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) f |= kNfcMaybe;
    if (IsPunctuationTrigger(cp) || n->punctuation_->IsQuote(cp)) f |= kPunct;
    if (n->script_->HasCodepointRule(cp)) f |= kCodepoint;
    if (Mojibake::IsMarker(cp)) f |= kMojibakeLead;
    if (action == kKeep && (f & (kNfcMaybe | kPunct | kCodepoint | kMojibakeLead)) == 0)
      f |= kPlain;
    n->char_info_[cp] = static_cast<uint16_t>(action | (f << 8));
  }
  n->char_info_[0x200D] = (n->char_info_[0x200D] & 0xFF00 & ~(kPlain << 8)) | kJoiner;

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
          KAZPREP_RETURN_IF_ERROR(text::ParseCodePoint(fields[0], &first));
          last = first;
        } else {
          KAZPREP_RETURN_IF_ERROR(text::ParseCodePoint(fields[0].substr(0, dots), &first));
          KAZPREP_RETURN_IF_ERROR(text::ParseCodePoint(fields[0].substr(dots + 2), &last));
          if (last < first) return Status::Error("range ends before it starts");
        }
        for (char32_t cp = first; cp <= last && cp < 0x10000; ++cp) {
          raw->char_info_[cp] = (raw->char_info_[cp] & 0xFF00 & ~(kPlain << 8)) | kDelete;
        }
        if (last >= 0x10000) {
          raw->supplementary_delete_.emplace_back(std::max(first, char32_t{0x10000}), last);
        }
        return Status::Ok();
      }));

  KAZPREP_RETURN_IF_ERROR(resources::LoadModelFile("normalize/html_entities.tsv", options.rules_dir,
                                                   &content, &origin));
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [raw](std::string_view line) -> Status {
        const auto fields = resources::SplitTabs(line);
        if (fields.size() < 2 || fields[0].empty())
          return Status::Error("expected NAME, CODEPOINT");
        char32_t cp = 0;
        KAZPREP_RETURN_IF_ERROR(text::ParseCodePoint(fields[1], &cp));
        raw->entities_[std::string(fields[0])] = cp;
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

void Normalizer::CleanCharacters(std::string_view line, std::string* out, NormalizerStats* stats,
                                 LineFlags* flags) const {
  // Kept characters are copied in runs: the common line has nothing to
  // delete and single ASCII spaces, and is copied in one append.
  enum class Pending { kNone, kInRun, kSkipped, kLeading };
  Pending pending = Pending::kNone;
  size_t run_start = 0;  // first byte of the kept run not yet copied
  size_t space_pos = 0;  // where the single space of Pending::kInRun sits
  bool has_content = false;
  char32_t previous = 0;  // last code point kept
  uint8_t previous_flags = 0;
  uint8_t word_scripts = 0;  // kLatin | kCyrillic of the word being written
  const auto* p = reinterpret_cast<const unsigned char*>(line.data());
  const size_t n = line.size();
  const uint16_t* const table = char_info_.data();  // hoisted: `out` may alias members
  uint8_t any = 0;                                  // written to *flags at the end
  bool punct_issue = false, mixed_word = false;
  int mojibake_leads = 0;
  int guillemet_depth = 0;
  auto flush = [&](size_t end) {
    if (end > run_start) out->append(line.data() + run_start, end - run_start);
  };
  // Leaves the kept run before a deletion or replacement at `start`.
  auto cut = [&](size_t start) {
    if (pending == Pending::kInRun) {
      flush(space_pos);
      pending = Pending::kSkipped;
      stats->Count(Rule::kSpace);
    } else {
      flush(start);
    }
  };
  size_t i = 0;
  while (i < n) {
    const size_t start = i;
    char32_t cp;
    bool invalid = false;
    if (p[i] < 0x80) {
      cp = p[i++];
    } else if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      cp = (static_cast<char32_t>(p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F);
      i += 2;
    } else {
      cp = utf8::Next(line, &i, &invalid);
      if (invalid) stats->Count(Rule::kInvalidUtf8);
    }
    uint16_t info;
    if (cp < 0x10000) {
      info = table[cp];
    } else {
      info = kKeep;
      for (const auto& [first, last] : supplementary_delete_) {
        if (cp >= first && cp <= last) info = kDelete;
      }
      if (u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
        info |= kNfcMaybe << 8;
      }
    }
    switch (static_cast<Action>(info & 0xFF)) {
      case kKeep:
        break;
      case kSpace:
        if (pending == Pending::kNone) {
          if (cp == ' ' && has_content) {
            pending = Pending::kInRun;
            space_pos = start;
          } else {
            flush(start);
            run_start = i;
            pending = has_content ? Pending::kSkipped : Pending::kLeading;
            stats->Count(Rule::kSpace);
          }
        } else {
          if (pending == Pending::kInRun) {
            flush(space_pos);
            pending = Pending::kSkipped;
            stats->Count(Rule::kSpace);
          }
          run_start = i;
        }
        continue;
      case kDelete:
      case kControl:
        cut(start);
        run_start = i;
        stats->Count(static_cast<Action>(info & 0xFF) == kDelete ? Rule::kInvisible
                                                                 : Rule::kControl);
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
        if (pending != Pending::kNone || !IsEmojiBeforeJoiner(previous) || !IsPictographic(next)) {
          cut(start);
          run_start = i;
          stats->Count(Rule::kInvisible);
          continue;
        }
        break;
      }
    }
    const uint8_t f = static_cast<uint8_t>(info >> 8);
    const bool space_before = pending != Pending::kNone && pending != Pending::kLeading;
    // Dashes between words and ellipses are rewritten here, in UTF-8, so that
    // the many lines that need nothing else skip the punctuation pass.
    const char* replacement = nullptr;
    size_t replaced_end = i;
    if (cp == 0x2026 && ellipsis_dots_) {
      replacement = "...";
    } else if (space_before && text::IsDashLike(cp) && has_content) {
      size_t end = i;
      const bool double_hyphen = cp == '-' && end < n && p[end] == '-';
      if (double_hyphen) ++end;
      // A space after the dash, then a character; not between two numbers.
      size_t k = end;
      bool ignored = false, spaced_after = false;
      char32_t after = 0;
      while (k < n) {
        const char32_t c2 = utf8::Next(line, &k, &ignored);
        if (c2 < 0x10000 && (table[c2] & 0xFF) == kSpace) {
          spaced_after = true;
          continue;
        }
        after = c2;
        break;
      }
      const bool numbers = previous >= '0' && previous <= '9' && after >= '0' && after <= '9';
      if (spaced_after && after != 0 && !numbers && (cp != dash_ || double_hyphen)) {
        replacement = dash_utf8_.c_str();
        replaced_end = end;
      }
    }
    if (replacement != nullptr) {
      punct_issue |=
          NeedsPunctuationPass(previous, space_before, cp == 0x2026 ? U'.' : dash_, dash_);
      flush(start);
      if (pending == Pending::kSkipped) out->push_back(' ');
      pending = Pending::kNone;
      out->append(replacement);
      stats->Count(cp == 0x2026 ? Rule::kEllipsis : Rule::kDash);
      i = replaced_end;
      run_start = i;
      has_content = true;
      previous = cp == 0x2026 ? U'.' : dash_;
      previous_flags = static_cast<uint8_t>(table[previous] >> 8);
      any |= previous_flags;
      word_scripts = 0;
      continue;
    }
    if ((f | previous_flags) & kPunct) {
      punct_issue |= NeedsPunctuationPass(previous, space_before, cp, dash_);
    }
    if (cp == 0x00AB || cp == 0x00BB) {
      // English rewrites « »; kk and ru nest „ “ inside « ».
      // Nested or unbalanced guillemets go to the quote pass.
      if (english_ || (cp == 0x00AB) == (guillemet_depth > 0)) punct_issue = true;
      guillemet_depth = cp == 0x00AB ? guillemet_depth + 1 : std::max(0, guillemet_depth - 1);
    }
    if (f & kMojibakeLead) ++mojibake_leads;
    any |= f;
    // Scripts of the current word: only a word with both needs the look-alike pass.
    if (f & (kLatin | kCyrillic)) {
      word_scripts = pending != Pending::kNone ? f : word_scripts | f;
      if ((word_scripts & (kLatin | kCyrillic)) == (kLatin | kCyrillic)) mixed_word = true;
    } else if (!(f & kNfcMaybe)) {
      word_scripts = 0;
    }
    if (pending == Pending::kSkipped) out->push_back(' ');
    pending = Pending::kNone;
    if (invalid) {
      flush(start);
      utf8::Append(cp, out);
      run_start = i;
    }
    has_content = true;
    previous = cp;
    previous_flags = f;
    // Fast path: letters and digits that need nothing but their script noted
    // (not after punctuation, where "сөз,сөз" must be seen).
    while (i < n && (previous_flags & kPunct) == 0) {
      char32_t c;
      size_t len;
      if (p[i] < 0x80) {
        c = p[i];
        len = 1;
      } else if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
        c = (static_cast<char32_t>(p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F);
        len = 2;
      } else {
        break;
      }
      const uint8_t fc = static_cast<uint8_t>(table[c] >> 8);
      if ((fc & kPlain) == 0) break;
      word_scripts = (fc & (kLatin | kCyrillic)) ? static_cast<uint8_t>(word_scripts | fc) : 0;
      mixed_word |= (word_scripts & (kLatin | kCyrillic)) == (kLatin | kCyrillic);
      any |= fc;
      previous = c;
      previous_flags = fc;
      i += len;
    }
  }
  flags->any |= any;
  flags->punct_issue |= punct_issue;
  flags->mixed_word |= mixed_word;
  flags->mojibake_leads += mojibake_leads;
  if (pending == Pending::kInRun) {
    flush(space_pos);
    stats->Count(Rule::kSpace);  // trailing white space trimmed
  } else if (pending == Pending::kSkipped) {
    stats->Count(Rule::kSpace);
  } else if (pending == Pending::kNone) {
    flush(n);
  }
}

size_t Normalizer::DecodeEntities(std::string_view line, std::string* out) const {
  size_t decoded = 0;
  std::string current(line), next;
  for (;;) {
    size_t found = 0;
    next.clear();
    size_t i = 0;
    while (i < current.size()) {
      const size_t amp = current.find('&', i);
      if (amp == std::string::npos) break;
      const size_t semi = current.find(';', amp + 1);
      char32_t cp = 0;
      if (semi != std::string::npos && semi - amp >= 3 && semi - amp <= 10) {
        const std::string_view name(current.data() + amp + 1, semi - amp - 1);
        if (name[0] == '#') {
          const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
          const std::string_view digits = name.substr(hex ? 2 : 1);
          uint32_t value = 0;
          const auto [end, ec] =
              std::from_chars(digits.data(), digits.data() + digits.size(), value, hex ? 16 : 10);
          if (ec == std::errc() && end == digits.data() + digits.size() && !digits.empty() &&
              value > 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF)) {
            const auto it = entities_.find("num:" + std::to_string(value));
            cp = it != entities_.end() ? it->second : value;
          }
        } else {
          const auto it = entities_.find(std::string(name));
          if (it != entities_.end()) cp = it->second;
        }
      }
      if (cp == 0) {
        next.append(current, i, amp + 1 - i);
        i = amp + 1;
        continue;
      }
      next.append(current, i, amp - i);
      utf8::Append(cp, &next);
      i = semi + 1;
      ++found;
    }
    if (found == 0) break;
    next.append(current, i, std::string::npos);
    current.swap(next);
    decoded += found;
  }
  if (decoded > 0) out->swap(current);
  return decoded;
}

void Normalizer::Normalize(std::string_view input, std::string* out, NormalizerStats* stats,
                           RuleSet* fired, std::string* notes) const {
  NormalizerStats local;
  if (notes != nullptr) notes->clear();
  NormalizeInto(input, out, &local, /*depth=*/0, notes);
  RuleSet rules = 0;
  for (size_t r = 0; r < kRuleCount; ++r) {
    if (local.repairs[r] == 0) continue;
    rules |= RuleBit(static_cast<Rule>(r));
    local.lines_by_rule[r] = 1;
  }
  local.lines = 1;
  local.lines_changed = *out != input ? 1 : 0;
  stats->Add(local);
  if (fired != nullptr) *fired = rules;
}

void Normalizer::NormalizeInto(std::string_view input, std::string* out, NormalizerStats* stats,
                               int depth, std::string* notes) const {
  NormalizerStats& local = *stats;
  out->clear();
  // HTML references first: what they decode to (&nbsp;) is repaired below.
  std::string_view line = input;
  std::string decoded;
  if (line.find('&') != std::string_view::npos) {
    std::string valid;
    size_t invalid = 0;
    if (!utf8::IsValid(line)) {
      invalid = utf8::Repair(line, &valid);
      line = valid;
    }
    const size_t n = DecodeEntities(line, &decoded);
    if (n > 0) {
      local.Count(Rule::kHtmlEntity, n);
      local.Count(Rule::kInvalidUtf8, invalid);  // the repaired text goes on
      line = decoded;
    } else {
      line = input;
    }
  }
  LineFlags flags;
  CleanCharacters(line, out, &local, &flags);

  // Mojibake: decode the original line again, before spaces and controls
  // (NBSP and C1 bytes are part of the damage) were touched.
  if (flags.mojibake_leads >= 2) {
    std::string valid;
    std::string_view source = line;
    if (local.repaired(Rule::kInvalidUtf8) > 0) {
      utf8::Repair(line, &valid);
      source = valid;
    }
    std::string repaired;
    if (mojibake_->Repair(source, &repaired)) {
      NormalizerStats again;
      again.Count(Rule::kMojibake);
      again.Count(Rule::kInvalidUtf8, local.repaired(Rule::kInvalidUtf8));
      again.Count(Rule::kHtmlEntity, local.repaired(Rule::kHtmlEntity));
      out->clear();
      flags = LineFlags();
      CleanCharacters(repaired, out, &again, &flags);
      local = again;
    }
  }

  auto nfc = [&](std::string* s) {
    UErrorCode error = U_ZERO_ERROR;
    const icu::StringPiece piece(s->data(), static_cast<int32_t>(s->size()));
    if (nfc_->isNormalizedUTF8(piece, error) || U_FAILURE(error)) return false;
    std::string composed;
    composed.reserve(s->size());
    icu::StringByteSink<std::string> sink(&composed);
    nfc_->normalizeUTF8(0, piece, sink, nullptr, error);
    if (U_FAILURE(error) || composed == *s) return false;
    s->swap(composed);
    return true;
  };
  if ((flags.any & kNfcMaybe) && nfc(out)) {
    local.Count(Rule::kNfc);
    // What NFC made may need passes the flags did not choose (U+037E became
    // ';', which wants its spacing; found by fuzzing): scan the composed text
    // again.
    std::string composed;
    composed.swap(*out);
    flags = LineFlags();
    CleanCharacters(composed, out, &local, &flags);
  }

  const bool mixed = flags.mixed_word;
  const bool codepoints = flags.any & kCodepoint;
  const bool punct = flags.punct_issue;
  if (mixed || codepoints || punct) {
    auto word_repairs = [&local] {
      uint64_t n = 0;
      for (size_t r = static_cast<size_t>(Rule::kCodepoint); r < kRuleCount; ++r) {
        n += local.repairs[r];
      }
      return n;
    };
    const uint64_t repairs_before = word_repairs();
    std::u32string text = text::Decode(*out);
    if (mixed || codepoints) {
      const uint64_t before = local.repaired(Rule::kLookalike) + local.repaired(Rule::kCodepoint);
      script_->Repair(&text, &local);
      // A look-alike turned Cyrillic may now compose with a following mark
      // (y + breve -> у + breve -> ў), and the new letter may be one the word
      // pass judges: compose, then judge again.
      if ((flags.any & kNfcMaybe) &&
          local.repaired(Rule::kLookalike) + local.repaired(Rule::kCodepoint) != before) {
        std::string composed = text::Encode(text);
        if (nfc(&composed)) {
          text = text::Decode(composed);
          script_->Repair(&text, &local);
        }
      }
    }
    if (punct) {
      // Spacing changes where tokens (URLs, handles) begin and end, which the
      // word pass looked at: repeat both until the text stays the same.
      for (int round = 0; round < 3; ++round) {
        const std::u32string before = text;
        punctuation_->Repair(&text, &local);
        if (text == before || !(mixed || codepoints)) break;
        const uint64_t words_before =
            local.repaired(Rule::kLookalike) + local.repaired(Rule::kCodepoint);
        script_->Repair(&text, &local);
        if (local.repaired(Rule::kLookalike) + local.repaired(Rule::kCodepoint) == words_before) {
          break;
        }
      }
    }
    if (word_repairs() != repairs_before) *out = text::Encode(text);  // else unchanged
  }

  if (typos_ != nullptr && depth == 0) {
    // A correction changes its neighbours' context, which may decide a close
    // call next to it: the words are corrected again until none changes, so
    // that normalizing twice changes nothing. A place changes at most twice
    // (a context-free correction is the end of its chain; context then only
    // picks a known word, which never changes), so this ends; the bound is
    // a safety net.
    std::string text, corrected;
    // The word list is kept per thread: no allocation per line.
    thread_local std::vector<WordInContext> line_words;
    struct Round {
      std::string_view line;  // the text whose words are corrected
      std::vector<WordInContext>& words;
      size_t i = 0;  // the word being corrected
    } r{std::string_view(), line_words};
    r.line = *out;
    // One pointer captured: std::function keeps it without allocating.
    const std::function<TypoContext()> context = [&r] {
      return TypoContext{LeftNeighbour(r.line, r.words, r.i), RightNeighbour(r.line, r.words, r.i)};
    };
    bool any = false;
    for (size_t round = 0;; ++round) {
      WordsInContext(r.line, &r.words);
      if (round > 2 * r.words.size() + 2) break;
      corrected.clear();
      size_t copied = 0;
      TypoFix fix;
      for (r.i = 0; r.i < r.words.size(); ++r.i) {
        const WordInContext& w = r.words[r.i];
        const std::string_view word = r.line.substr(w.begin, w.end - w.begin);
        if (!typos_->Correct(word, &fix, &context)) continue;
        corrected.append(r.line, copied, w.begin - copied);
        corrected += fix.correction;
        copied = w.end;
        local.Count(Rule::kTypo);
        if (notes != nullptr) {
          char numbers[64];
          std::snprintf(numbers, sizeof numbers, ", cost %.2f, score %.2f)", fix.cost, fix.score);
          if (!notes->empty()) *notes += "; ";
          *notes += std::string(word) + ">" + fix.correction + " (" + fix.evidence + numbers;
        }
      }
      if (copied == 0) break;
      corrected.append(r.line.substr(copied));
      text.swap(corrected);
      r.line = text;
      any = true;
    }
    if (any) {
      // The corrected words may decide what the passes above do (a new ы
      // tells a legacy Kazakh layout from Serbian: Ћ -> Һ only on a second
      // normalize; found by fuzzing): run them again, without typos.
      NormalizeInto(text, out, &local, depth + 1, notes);
      return;
    }
  }
  // A line the repairs above turned into decodable mojibake (a soft hyphen
  // or an ellipsis was in the way) is decoded now, so that a second pass
  // finds nothing left to do.
  if (flags.mojibake_leads >= 2 && depth < 2) {
    std::string repaired;
    if (mojibake_->Repair(*out, &repaired)) {
      local.Count(Rule::kMojibake);
      NormalizeInto(repaired, out, &local, depth + 1, notes);
    }
  }
}

}  // namespace kazprep
