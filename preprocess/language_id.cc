#include "preprocess/language_id.h"

#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdio>  // compact_lang_det.h needs FILE
#include <string>

#include "common/resources.h"
#include "common/utf8.h"
#include "preprocess/text_util.h"

namespace kazprep {
namespace {

// Below this many letters a line is too short to judge.
constexpr int kMinReliableLetters = 15;

}  // namespace

double LanguageGuess::share(std::string_view language) const {
  for (int k = 0; k < 3; ++k) {
    if (top3[k] == language) return percent3[k] / 100.0;
  }
  return 0;
}

Status LanguageIdentifier::Load(const std::string& rules_dir,
                                std::unique_ptr<LanguageIdentifier>* id) {
  auto l = std::unique_ptr<LanguageIdentifier>(new LanguageIdentifier());
  std::string content, origin;
  KAZPREP_RETURN_IF_ERROR(
      resources::LoadModelFile("langid/letters.tsv", rules_dir, &content, &origin));
  std::unordered_map<std::string, std::u32string> letters;
  KAZPREP_RETURN_IF_ERROR(
      resources::ForEachDataLine(content, origin, [&letters](std::string_view line) -> Status {
        const auto f = resources::SplitTabs(line);
        if (f.size() < 2 || f[0].empty() || f[1].empty())
          return Status::Error("expected LANG, LETTERS");
        letters[std::string(f[0])] = f[1] == "-" ? std::u32string() : text::Decode(f[1]);
        return Status::Ok();
      }));
  if (letters.count("kk") == 0) return Status::Error(origin + ": no row for kk");
  l->kazakh_letters_ = letters["kk"];
  for (const char* slavic : {"sr", "mk", "bg", "be", "uk"}) {
    const auto it = letters.find(slavic);
    if (it != letters.end()) l->slavic_letters_[slavic] = it->second;
  }
  for (const auto& [lang, set] : letters) {
    if (lang == "kk") continue;
    std::u32string own, shared;
    for (const char32_t c : set) {
      (l->kazakh_letters_.find(c) == std::u32string::npos ? own : shared).push_back(c);
    }
    l->own_letters_[lang] = own;
    l->shared_letters_[lang] = shared;
  }
  *id = std::move(l);
  return Status::Ok();
}

LanguageGuess LanguageIdentifier::Identify(std::string_view line) const {
  LanguageGuess guess;
  // Letters: how many, how many Cyrillic, and which special ones.
  int cyrillic = 0, kazakh = 0;
  std::u32string specials;
  size_t i = 0;
  bool invalid = false;
  while (i < line.size()) {
    const char32_t cp = utf8::Next(line, &i, &invalid);
    if (!text::IsLetter(cp)) continue;
    ++guess.letters;
    if (!text::IsCyrillicLetter(cp)) continue;
    ++cyrillic;
    const char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
    if (kazakh_letters_.find(lower) != std::u32string::npos) ++kazakh;
    if (lower >= 0x450) specials.push_back(lower);  // beyond the Russian alphabet
  }
  if (guess.letters == 0) return guess;

  CLD2::Language language3[3];
  int percent3[3];
  double normalized3[3];
  int text_bytes = 0;
  bool reliable = false;
  // CLD2 reads out of bounds on ill-formed UTF-8 (found with binary input):
  // it gets a repaired copy, of at most the first 1 MiB (its length is an
  // int, and a megabyte decides).
  std::string_view text = line.substr(0, std::min<size_t>(line.size(), 1 << 20));
  std::string repaired;
  if (!utf8::IsValid(text)) {
    utf8::Repair(text, &repaired);
    text = repaired;
  }
  const CLD2::Language top = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, nullptr, 0,
      CLD2::UNKNOWN_LANGUAGE, language3, percent3, normalized3, &text_bytes, &reliable);
  for (int k = 0; k < 3; ++k) {
    guess.top3[k] = CLD2::LanguageCode(language3[k]);
    guess.percent3[k] = percent3[k];
  }
  guess.lang = CLD2::LanguageCode(top);
  if (guess.lang == "un" || guess.lang == "xxx") guess.lang = "und";
  guess.score = percent3[0] / 100.0;
  guess.reliable = reliable && guess.letters >= kMinReliableLetters;

  // Russian that CLD2 calls a Slavic neighbour: none of that language's own
  // letters (the Kazakh check below still applies).
  if (guess.lang == "sr" || guess.lang == "mk" || guess.lang == "bg" || guess.lang == "be" ||
      guess.lang == "uk") {
    const auto letters = slavic_letters_.find(guess.lang);
    bool own = false;
    if (letters != slavic_letters_.end()) {
      for (const char32_t c : specials) own |= letters->second.find(c) != std::u32string::npos;
    }
    if (!own && cyrillic * 2 > guess.letters) {
      guess.lang = "ru";
      guess.score = std::max(guess.score, guess.share("ru"));
    }
  }
  // Kazakh against its neighbours: letters only Kazakh has of the two, and
  // none of the neighbour's own.
  if (kazakh > 0 && guess.lang != "kk") {
    const auto own = own_letters_.find(guess.lang);
    const auto shared = shared_letters_.find(guess.lang);
    bool foreign = false;
    int distinct = 0;  // Kazakh letters the other language does not have
    for (const char32_t c : specials) {
      if (own != own_letters_.end() && own->second.find(c) != std::u32string::npos) foreign = true;
      // Letters no Kazakh text has at all (ў, ҡ, ї, ...).
      if (kazakh_letters_.find(c) == std::u32string::npos && c != U'ё') foreign = true;
      if (kazakh_letters_.find(c) != std::u32string::npos &&
          (shared == shared_letters_.end() || shared->second.find(c) == std::u32string::npos)) {
        ++distinct;
      }
    }
    const bool neighbour = own != own_letters_.end();
    // Russian (or undetermined Cyrillic) text names Kazakh places and people;
    // only the rate of Kazakh letters of Kazakh text (1 in 12 Cyrillic
    // letters: the 5th percentile of FLORES and NTREX Kazakh lines; Russian
    // lines have none) overrules CLD2 there.
    const bool other_cyrillic = guess.lang == "ru" || guess.lang == "und" || guess.lang == "bg" ||
                                guess.lang == "sr" || guess.lang == "mk";
    const bool rate = kazakh * 12 >= cyrillic && kazakh >= 2;
    if (!foreign && ((neighbour && distinct >= 1) || (other_cyrillic && rate))) {
      guess.lang = "kk";
      guess.score = std::max(guess.score, std::min(0.99, 0.5 + 3.0 * kazakh / cyrillic));
      guess.reliable = guess.letters >= kMinReliableLetters;
    }
  }
  return guess;
}

}  // namespace kazprep

namespace kazprep {

std::string LanguageIdentifier::OtherLanguage(std::string_view line, std::string_view expected,
                                              int min_letters) const {
  const LanguageGuess guess = Identify(line);
  if (guess.letters < min_letters) return "";
  if (guess.reliable && guess.lang != expected && guess.lang != "und" &&
      guess.share(expected) < 0.2) {
    return guess.lang;
  }
  return "";
}

}  // namespace kazprep
