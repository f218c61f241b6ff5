#include "preprocess/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "common/resources.h"
#include "common/utf8.h"
#include "preprocess/mojibake.h"
#include "preprocess/punctuation.h"
#include "preprocess/script_repair.h"
#include "preprocess/text_util.h"

namespace kazprep {
namespace {

constexpr const char* kRuleNames[kRuleCount] = {
    "invalid-utf8", "mojibake",    "invisible",      "control", "space",
    "nfc",          "codepoint",   "lookalike",      "quotes",  "dash",
    "ellipsis",     "punct-space", "repeated-punct",
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
bool NeedsPunctuationPass(char32_t previous, bool space_before, char32_t cp) {
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
      return space_before || previous == 0;  // a spaced dash, a dialogue dash
    default:
      break;
  }
  if (space_before) {
    return previous == '(' || previous == '[' || previous == 0x00AB || previous == 0x201E;
  }
  // Glued after punctuation: "сөз,сөз", "келді.Ол".
  return u_isalpha(static_cast<UChar32>(cp)) &&
         (previous == ',' || previous == ';' || previous == ':' || previous == '.' ||
          previous == '!' || previous == '?');
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

  n->action_.assign(0x10000, kKeep);
  n->flags_.assign(0x10000, 0);
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    const auto c = static_cast<UChar32>(cp);
    if (u_isUWhiteSpace(c)) {
      n->action_[cp] = kSpace;
    } else if (u_charType(c) == U_CONTROL_CHAR) {
      n->action_[cp] = kControl;
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
    n->flags_[cp] = f;
  }
  n->action_[0x200D] = kJoiner;

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
        for (char32_t cp = first; cp <= last && cp < 0x10000; ++cp) raw->action_[cp] = kDelete;
        if (last >= 0x10000) {
          raw->supplementary_delete_.emplace_back(std::max(first, char32_t{0x10000}), last);
        }
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
  bool pending_space = false;  // a white-space run waits to be written
  bool run_is_plain = true;    // the pending run is exactly one ASCII space
  char32_t previous = 0;       // last code point written
  const unsigned char* p = reinterpret_cast<const unsigned char*>(line.data());
  const size_t n = line.size();
  size_t i = 0;
  while (i < n) {
    const size_t start = i;
    char32_t cp;
    bool invalid = false;
    // Fast paths for ASCII and two-byte sequences (Cyrillic).
    if (p[i] < 0x80) {
      cp = p[i++];
    } else if (p[i] >= 0xC2 && p[i] <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      cp = (static_cast<char32_t>(p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F);
      i += 2;
    } else {
      cp = utf8::Next(line, &i, &invalid);
      if (invalid) stats->Count(Rule::kInvalidUtf8);
    }
    Action action;
    uint8_t f = 0;
    if (cp < 0x10000) {
      action = static_cast<Action>(action_[cp]);
      f = flags_[cp];
    } else {
      action = kKeep;
      for (const auto& [first, last] : supplementary_delete_) {
        if (cp >= first && cp <= last) action = kDelete;
      }
      if (u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
        f |= kNfcMaybe;
      }
    }
    switch (action) {
      case kKeep:
        break;
      case kSpace:
        if (pending_space || cp != ' ') run_is_plain = false;
        pending_space = true;
        continue;
      case kDelete:
        stats->Count(Rule::kInvisible);
        continue;
      case kControl:
        stats->Count(Rule::kControl);
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
          stats->Count(Rule::kInvisible);
          continue;
        }
        break;
      }
    }
    if ((f & kPunct) || (previous < 0x10000 && (flags_[previous] & kPunct))) {
      flags->punct_issue |= NeedsPunctuationPass(previous, pending_space, cp);
    }
    if (english_ && (cp == 0x00AB || cp == 0x00BB)) flags->punct_issue = true;
    if (f & kMojibakeLead) ++flags->mojibake_leads;
    flags->any |= f;
    if (pending_space) {
      if (!out->empty()) {
        out->push_back(' ');
        if (!run_is_plain) stats->Count(Rule::kSpace);
      } else {
        stats->Count(Rule::kSpace);  // leading white space trimmed
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
  if (pending_space) stats->Count(Rule::kSpace);  // trailing white space trimmed
}

void Normalizer::Normalize(std::string_view line, std::string* out, NormalizerStats* stats,
                           RuleSet* fired) const {
  NormalizerStats local;
  out->clear();
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
  if ((flags.any & kNfcMaybe) && nfc(out)) local.Count(Rule::kNfc);

  const bool mixed = (flags.any & kLatin) && (flags.any & kCyrillic);
  const bool codepoints = flags.any & kCodepoint;
  const bool punct = flags.punct_issue;
  if (mixed || codepoints || punct) {
    std::u32string text = text::Decode(*out);
    if (mixed || codepoints) {
      const uint64_t before = local.repaired(Rule::kLookalike) + local.repaired(Rule::kCodepoint);
      script_->Repair(&text, &local);
      // A look-alike turned Cyrillic may now compose with a following mark.
      if ((flags.any & kNfcMaybe) &&
          local.repaired(Rule::kLookalike) + local.repaired(Rule::kCodepoint) != before) {
        std::string composed = text::Encode(text);
        if (nfc(&composed)) text = text::Decode(composed);
      }
    }
    if (punct) punctuation_->Repair(&text, &local);
    *out = text::Encode(text);
  }

  RuleSet rules = 0;
  for (size_t r = 0; r < kRuleCount; ++r) {
    if (local.repairs[r] == 0) continue;
    rules |= RuleBit(static_cast<Rule>(r));
    local.lines_by_rule[r] = 1;
  }
  local.lines = 1;
  local.lines_changed = *out != line ? 1 : 0;
  stats->Add(local);
  if (fired != nullptr) *fired = rules;
}

}  // namespace kazprep
