// Language ID on any line: a language code with a score in [0, 1], no more
// letters than bytes, shares in [0, 1], and OtherLanguage() never names the
// expected language. The first byte picks the expected language.
#include <memory>
#include <string>

#include "preprocess/language_id.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using kazprep::fuzz::Check;
  static std::unique_ptr<kazprep::LanguageIdentifier> id;
  if (!id && !kazprep::LanguageIdentifier::Load("", &id).ok()) std::abort();
  const char* expected = kazprep::fuzz::Lang(kazprep::fuzz::Choice(data, size, 3));
  std::string_view line = kazprep::fuzz::Text(data, size);
  line = line.substr(0, line.find('\n'));
  const kazprep::LanguageGuess guess = id->Identify(line);
  Check(!guess.lang.empty() && guess.lang.size() <= 8, "a language code", line);
  Check(guess.score >= 0 && guess.score <= 1, "a score in [0, 1]", line);
  Check(guess.letters >= 0 && static_cast<size_t>(guess.letters) <= line.size(),
        "no more letters than bytes", line);
  for (const char* lang : {"kk", "ru", "en"}) {
    const double share = guess.share(lang);
    Check(share >= 0 && share <= 1, "a share in [0, 1]", line);
  }
  const std::string other = id->OtherLanguage(line, expected, 20);
  Check(other != expected, "another language is another", line);
  return 0;
}
