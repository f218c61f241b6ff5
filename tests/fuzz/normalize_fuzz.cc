// Normalizer: one line in, one valid UTF-8 line out (no line break), and
// normalizing the output again changes nothing. The first byte picks the
// language (kk with typo correction, ru, en).
#include <memory>
#include <string>

#include "common/utf8.h"
#include "preprocess/normalizer.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using kazprep::fuzz::Check;
  const int k = kazprep::fuzz::Choice(data, size, 3);
  std::string_view line = kazprep::fuzz::Text(data, size);
  line = line.substr(0, line.find('\n'));  // the contract is per line
  const kazprep::Normalizer& n =
      kazprep::fuzz::PerLanguage<kazprep::Normalizer, kazprep::NormalizerOptions>(k);
  std::string once, twice;
  kazprep::NormalizerStats stats;
  n.Normalize(line, &once, &stats);
  Check(kazprep::utf8::IsValid(once), "output is valid UTF-8", line);
  Check(once.find('\n') == std::string::npos && once.find('\r') == std::string::npos,
        "one line out (no line break)", line);
  n.Normalize(once, &twice, &stats);
  if (twice != once) {
    kazprep::fuzz::Fail(
        ("idempotent: normalizing again changed [" + once + "] into [" + twice + "]").c_str(),
        line);
  }
  return 0;
}
