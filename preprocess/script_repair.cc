#include "preprocess/script_repair.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "common/resources.h"
#include "preprocess/text_util.h"

namespace kazprep {

struct ScriptRepair::WordInfo {
  int cyrillic_fixed = 0;  // Cyrillic letters with no Latin look-alike
  int latin_fixed = 0;     // Latin letters with no Cyrillic look-alike
  int cyrillic_alike = 0;  // Cyrillic letters that have a Latin look-alike
  int latin_alike = 0;     // Latin letters that have a Cyrillic look-alike
  int other = 0;           // letters of other scripts

  bool mixed() const {
    return (cyrillic_fixed + cyrillic_alike) > 0 && (latin_fixed + latin_alike) > 0;
  }
  // The script a neighbour reads as, for a word of look-alikes only.
  Script script() const {
    if (other > 0) return Script::kOther;
    if (latin_fixed + latin_alike == 0 && cyrillic_fixed + cyrillic_alike > 0) {
      return Script::kCyrillic;
    }
    if (cyrillic_fixed + cyrillic_alike == 0 && latin_fixed + latin_alike > 0) {
      return Script::kLatin;
    }
    if (cyrillic_fixed > 0 && latin_fixed == 0) return Script::kCyrillic;
    if (latin_fixed > 0 && cyrillic_fixed == 0) return Script::kLatin;
    return Script::kOther;
  }
};

Status ScriptRepair::Load(const std::string& lang, const std::string& rules_dir,
                          std::unique_ptr<ScriptRepair>* repair) {
  auto r = std::unique_ptr<ScriptRepair>(new ScriptRepair());
  std::string content, origin;
  KAZPREP_RETURN_IF_ERROR(
      resources::LoadModelFile("normalize/lookalikes.tsv", rules_dir, &content, &origin));
  ScriptRepair* raw = r.get();
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [raw, &lang](std::string_view line) -> Status {
        const auto f = resources::SplitTabs(line);
        if (f.size() < 4) return Status::Error("expected LANGS, DIRECTION, FROM, TO");
        char32_t from = 0, to = 0;
        KAZPREP_RETURN_IF_ERROR(text::ParseCodePoint(f[2], &from));
        KAZPREP_RETURN_IF_ERROR(text::ParseCodePoint(f[3], &to));
        if (from >= kTableSize || to >= kTableSize) {
          return Status::Error("code points above U+052F are not supported here");
        }
        if (f[1] == "lat2cyr") {
          if (ScriptOf(from) != Script::kLatin || ScriptOf(to) != Script::kCyrillic) {
            return Status::Error("lat2cyr maps a Latin letter to a Cyrillic one");
          }
          if (text::LangListHas(f[0], lang)) raw->lat2cyr_[from] = to;
        } else if (f[1] == "cyr2lat") {
          if (ScriptOf(from) != Script::kCyrillic || ScriptOf(to) != Script::kLatin) {
            return Status::Error("cyr2lat maps a Cyrillic letter to a Latin one");
          }
          if (text::LangListHas(f[0], lang)) raw->cyr2lat_[from] = to;
        } else {
          return Status::Error("DIRECTION must be lat2cyr or cyr2lat");
        }
        return Status::Ok();
      }));
  KAZPREP_RETURN_IF_ERROR(
      resources::LoadModelFile("normalize/codepoints.tsv", rules_dir, &content, &origin));
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [raw, &lang](std::string_view line) -> Status {
        const auto f = resources::SplitTabs(line);
        if (f.size() < 4) return Status::Error("expected LANGS, CONTEXT, FROM, TO");
        char32_t from = 0, to = 0;
        KAZPREP_RETURN_IF_ERROR(text::ParseCodePoint(f[2], &from));
        KAZPREP_RETURN_IF_ERROR(text::ParseCodePoint(f[3], &to));
        Context context;
        if (f[1] == "any") {
          context = Context::kAny;
        } else if (f[1] == "cyrillic") {
          context = Context::kCyrillicWord;
        } else {
          return Status::Error("CONTEXT must be any or cyrillic");
        }
        if (from >= kTableSize) return Status::Error("code points above U+052F are not supported");
        if (text::LangListHas(f[0], lang)) {
          raw->codepoint_[from] = {to, context};
          raw->has_codepoints_ = true;
        }
        return Status::Ok();
      }));
  KAZPREP_RETURN_IF_ERROR(
      resources::LoadModelFile("normalize/legacy_fonts.tsv", rules_dir, &content, &origin));
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [raw, &lang](std::string_view line) -> Status {
        const auto f = resources::SplitTabs(line);
        if (f.size() < 4) return Status::Error("expected LANGS, LAYOUTS, FROM, TO");
        char32_t from = 0, to = 0;
        KAZPREP_RETURN_IF_ERROR(text::ParseCodePoint(f[2], &from));
        KAZPREP_RETURN_IF_ERROR(text::ParseCodePoint(f[3], &to));
        unsigned layouts = 0;
        for (const auto& [name, bit] : {std::pair<std::string_view, unsigned>{"kz1048", kKz1048},
                                        {"pt154", kPt154},
                                        {"fontc", kFontC}}) {
          if (text::LangListHas(f[1], name)) layouts |= bit;
        }
        if (layouts == 0) return Status::Error("LAYOUTS must name kz1048, pt154 or fontc");
        if (from >= kTableSize) return Status::Error("code points above U+052F are not supported");
        if (text::LangListHas(f[0], lang)) {
          raw->legacy_[from].push_back({layouts, to});
          raw->has_legacy_ = true;
        }
        return Status::Ok();
      }));
  *repair = std::move(r);
  return Status::Ok();
}

namespace {

// Letters of Roman numerals, Latin and their Cyrillic look-alikes.
bool IsRomanLetter(char32_t cp) {
  return std::u32string_view(U"IVXLCDMІХСМ").find(cp) != std::u32string_view::npos;
}

}  // namespace

bool ScriptRepair::IsRomanNumeral(const std::u32string& s, size_t begin, size_t end) {
  for (size_t k = begin; k < end; ++k) {
    if (!IsRomanLetter(s[k])) return false;
  }
  return end > begin;
}

bool ScriptRepair::IsAcronymWithSuffix(const std::u32string& s, size_t begin, size_t end) {
  size_t k = begin;
  while (k < end && ScriptOf(s[k]) == Script::kLatin && text::IsUpper(s[k])) ++k;
  if (k - begin < 2 || k == end) return false;
  for (; k < end; ++k) {
    if (ScriptOf(s[k]) != Script::kCyrillic || !text::IsLower(s[k])) return false;
  }
  return true;
}

namespace {

bool IsKazakhVowel(char32_t cp) {
  static const std::u32string_view kVowels = U"аәеёиоөуұүыіэюяАӘЕЁИОӨУҰҮЫІЭЮЯ";
  return kVowels.find(cp) != std::u32string_view::npos;
}

// Letters that only Kazakh text (or Russian for ы) holds: the line gate.
bool IsKazakhEvidence(char32_t cp) {
  static const std::u32string_view kLetters = U"ыЫіІәӘғҒқҚңҢөӨұҰүҮһҺ";
  return kLetters.find(cp) != std::u32string_view::npos;
}

}  // namespace

void ScriptRepair::RepairLegacy(std::u32string* text_ptr, NormalizerStats* stats) const {
  std::u32string& s = *text_ptr;
  bool suspect = false;
  for (const char32_t cp : s) suspect |= cp < kTableSize && !legacy_[cp].empty();
  if (!suspect) return;
  unsigned consistent = kKz1048 | kPt154 | kFontC;  // layouts that explain every suspect
  bool evidence = false, has_y = false, has_i_ru = false, only_ukrainian = true,
       only_belarusian = true, any = false;
  for (const char32_t cp : s) {
    evidence |= IsKazakhEvidence(cp);
    has_y |= cp == U'ы' || cp == U'Ы';
    has_i_ru |= cp == U'и' || cp == U'И';
    if (cp >= kTableSize || legacy_[cp].empty()) continue;
    any = true;
    unsigned layouts = 0;
    for (const auto& t : legacy_[cp]) layouts |= t.layouts;
    consistent &= layouts;
    const std::u32string_view ukrainian = U"єЄїЇґҐ", belarusian = U"ўЎ";
    only_ukrainian &= ukrainian.find(cp) != std::u32string_view::npos;
    only_belarusian &= belarusian.find(cp) != std::u32string_view::npos;
  }
  if (!any || !evidence) return;
  // Two words at least: one word with such a letter is more likely a foreign
  // name (Ђоковић, Київ, Скопје) than a line typed in a legacy layout.
  {
    int words = 0;
    bool in_word = false, counted = false;
    for (const char32_t cp : s) {
      if (!text::IsLetter(cp)) {
        in_word = counted = false;
        continue;
      }
      if (!in_word) in_word = true;
      if (!counted && cp < kTableSize && !legacy_[cp].empty()) {
        ++words;
        counted = true;
      }
    }
    if (words < 2) return;
  }
  if (only_ukrainian && !has_y) return;                // Ukrainian has є ї ґ, no ы
  if (only_belarusian && !has_i_ru && !has_y) return;  // Belarusian has ў, no и
  const std::vector<bool> locked = text::ProtectedMask(s);
  size_t i = 0;
  while (i < s.size()) {
    if (!text::IsLetter(s[i]) || text::Locked(locked, i)) {
      ++i;
      continue;
    }
    const size_t begin = i;
    bool latin = false;
    while (i < s.size() && text::IsLetter(s[i]) && !text::Locked(locked, i)) {
      latin |= ScriptOf(s[i]) == Script::kLatin;
      ++i;
    }
    if (latin) continue;
    for (size_t k = begin; k < i; ++k) {
      if (s[k] >= kTableSize || legacy_[s[k]].empty()) continue;
      const std::vector<LegacyTarget>& targets = legacy_[s[k]];
      // The targets of the layouts that explain the whole line.
      char32_t to = 0;
      bool agree = true;
      for (const auto& t : targets) {
        if ((t.layouts & consistent) == 0 && consistent != 0) continue;
        if (to != 0 && to != t.to) agree = false;
        to = t.to;
      }
      if (!agree) {
        // є and ѕ with no layout evidence: ң and ғ follow vowels, ә does not.
        const bool after_vowel = k > begin && IsKazakhVowel(s[k - 1]);
        to = 0;
        for (const auto& t : targets) {
          const bool nasal_or_ghayn = t.to == U'ң' || t.to == U'Ң' || t.to == U'ғ' || t.to == U'Ғ';
          if (after_vowel == nasal_or_ghayn) to = t.to;
        }
        if (!after_vowel && (s[k] == U'є' || s[k] == U'Є')) to = 0;  // too close to call
      }
      if (to == 0) continue;
      s[k] = to;
      stats->Count(Rule::kCodepoint);
    }
  }
}

void ScriptRepair::Repair(std::u32string* text, NormalizerStats* stats) const {
  // Legacy repairs make new Kazakh letters that decide other words' script,
  // and a look-alike put right makes a word Cyrillic, which a context code
  // point needs (xxxсекӃнды: Ӄ became Қ only on a second run; found by
  // fuzzing): repeat the whole pass while either changes something.
  for (int round = 0; round < 3; ++round) {
    const uint64_t codepoints = stats->repaired(Rule::kCodepoint);
    const uint64_t lookalikes = stats->repaired(Rule::kLookalike);
    RepairOnce(text, stats);
    const bool codepoint_changed = stats->repaired(Rule::kCodepoint) != codepoints;
    const bool lookalike_changed = stats->repaired(Rule::kLookalike) != lookalikes;
    if (!(codepoint_changed && has_legacy_) && !(lookalike_changed && has_codepoints_)) break;
  }
}

ScriptRepair::Script ScriptRepair::ScriptOf(char32_t cp) {
  if (cp < text::kLetterTableSize) {
    const uint8_t f = text::kLetterTable[cp];
    return (f & text::kLatinBit)      ? Script::kLatin
           : (f & text::kCyrillicBit) ? Script::kCyrillic
                                      : Script::kOther;
  }
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &error);
  if (U_FAILURE(error)) return Script::kOther;
  if (script == USCRIPT_LATIN) return Script::kLatin;
  if (script == USCRIPT_CYRILLIC) return Script::kCyrillic;
  return Script::kOther;
}

ScriptRepair::WordInfo ScriptRepair::Inspect(const std::u32string& text, size_t begin,
                                             size_t end) const {
  WordInfo info;
  for (size_t i = begin; i < end; ++i) {
    const char32_t cp = text[i];
    if (!text::IsLetter(cp)) continue;  // combining marks
    switch (ScriptOf(cp)) {
      case Script::kLatin:
        ++(Lookup(lat2cyr_, cp) != 0 ? info.latin_alike : info.latin_fixed);
        break;
      case Script::kCyrillic:
        ++(Lookup(cyr2lat_, cp) != 0 ? info.cyrillic_alike : info.cyrillic_fixed);
        break;
      case Script::kOther:
        ++info.other;
        break;
    }
  }
  return info;
}

void ScriptRepair::RepairOnce(std::u32string* text_ptr, NormalizerStats* stats) const {
  std::u32string& s = *text_ptr;
  const std::vector<bool> locked = text::ProtectedMask(s);
  // Words: runs of letters and combining marks.
  struct Word {
    size_t begin, end;
    WordInfo info;
  };
  std::vector<Word> words;
  size_t i = 0;
  while (i < s.size()) {
    const auto is_word_char = [&](char32_t cp) {
      return text::IsLetter(cp) || (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
    };
    if (!is_word_char(s[i]) || text::Locked(locked, i)) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < s.size() && is_word_char(s[i]) && !text::Locked(locked, i)) ++i;
    words.push_back({begin, i, {}});
  }

  // Code points first: they make a word's script clearer (ӊ is Cyrillic).
  auto listed = [this](char32_t cp) { return cp < kTableSize && codepoint_[cp].to != 0; };
  for (auto& w : words) {
    if (!has_codepoints_) break;
    bool any_listed = false;
    for (size_t k = w.begin; k < w.end; ++k) any_listed |= listed(s[k]);
    if (!any_listed) continue;
    bool others_cyrillic = true;
    for (size_t k = w.begin; k < w.end; ++k) {
      if (!listed(s[k]) && text::IsLetter(s[k]) && ScriptOf(s[k]) != Script::kCyrillic) {
        others_cyrillic = false;
      }
    }
    for (size_t k = w.begin; k < w.end; ++k) {
      if (!listed(s[k])) continue;
      const CodepointTarget& target = codepoint_[s[k]];
      if (target.context == Context::kCyrillicWord && !others_cyrillic) continue;
      s[k] = target.to;
      stats->Count(Rule::kCodepoint);
    }
  }
  // Decisions depend on neighbouring words, which change as words are
  // repaired: repeat until nothing changes, so a second pass finds nothing.
  for (int round = 0; round < 4; ++round) {
    const uint64_t before = stats->repaired(Rule::kLookalike);
    bool follower = false;  // a word of look-alikes only, decided by its neighbours
    for (auto& w : words) w.info = Inspect(s, w.begin, w.end);

    auto convert = [&](const Word& w, const std::vector<char32_t>& map) {
      for (size_t k = w.begin; k < w.end; ++k) {
        const char32_t to = Lookup(map, s[k]);
        if (to == 0) continue;
        s[k] = to;
        stats->Count(Rule::kLookalike);
      }
    };
    // The script of the nearest word in direction `step` that has one.
    auto neighbour = [&](size_t index, int step) {
      for (long j = static_cast<long>(index) + step; j >= 0 && j < static_cast<long>(words.size());
           j += step) {
        const WordInfo& info = words[static_cast<size_t>(j)].info;
        if (info.mixed() && info.cyrillic_fixed == 0 && info.latin_fixed == 0) continue;
        return info.script();
      }
      return Script::kOther;
    };
    for (size_t index = 0; index < words.size(); ++index) {
      const Word& w = words[index];
      const WordInfo& info = w.info;
      if (!info.mixed() || info.other > 0) continue;
      // Roman numerals typed with Cyrillic Х І С М ("ХIII", "ХVI") are Latin.
      if (IsRomanNumeral(s, w.begin, w.end)) {
        convert(w, cyr2lat_);
        continue;
      }
      // An acronym with a Kazakh ending ("ITсы", "CEOсы") is a true mixed token.
      if (IsAcronymWithSuffix(s, w.begin, w.end)) continue;
      // Only letters that have a look-alike in the map may change.
      if (info.cyrillic_fixed > 0 && info.latin_fixed == 0) {
        convert(w, lat2cyr_);
      } else if (info.latin_fixed > 0 && info.cyrillic_fixed == 0) {
        convert(w, cyr2lat_);
      } else if (info.latin_fixed == 0 && info.cyrillic_fixed == 0) {
        follower = true;
        const Script left = neighbour(index, -1), right = neighbour(index, +1);
        Script target = Script::kOther;
        if (left == right || right == Script::kOther) target = left;
        if (left == Script::kOther) target = right;
        if (target == Script::kCyrillic) convert(w, lat2cyr_);
        if (target == Script::kLatin) convert(w, cyr2lat_);
      }
    }

    // Only followers can decide differently once their neighbours changed.
    if (stats->repaired(Rule::kLookalike) == before || !follower) break;
  }
  // Legacy layouts last: a word is judged once its look-alikes are repaired.
  // Repeated to a fixed point: the layout is decided by the letters left.
  if (has_legacy_) {
    for (int round = 0; round < 4; ++round) {
      const uint64_t before = stats->repaired(Rule::kCodepoint);
      RepairLegacy(&s, stats);
      if (stats->repaired(Rule::kCodepoint) == before) break;
    }
  }
}

}  // namespace kazprep
