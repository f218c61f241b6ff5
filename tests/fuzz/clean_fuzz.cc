// Cleaner on any line: the reason is "" (keep) or a one-field reason, the
// same with per-thread matchers. The first byte picks the language.
#include <memory>
#include <string>

#include "preprocess/cleaner.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using kazprep::fuzz::Check;
  const int k = kazprep::fuzz::Choice(data, size, 3);
  std::string_view line = kazprep::fuzz::Text(data, size);
  line = line.substr(0, line.find('\n'));
  const kazprep::Cleaner& cleaner =
      kazprep::fuzz::PerLanguage<kazprep::Cleaner, kazprep::CleanerOptions>(k);
  const std::string reason = cleaner.Classify(line);
  Check(reason.find_first_of("\n\t") == std::string::npos, "a reason is one field", line);
  const auto matchers = cleaner.NewMatchers();
  Check(cleaner.Classify(line, matchers.get()) == reason, "matchers give the same reason", line);
  return 0;
}
