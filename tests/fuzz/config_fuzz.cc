// Job config parser: any file is read without a crash; it loads, or the
// error names the config file. A loaded config has an output folder and an
// input, each pair two different known languages.
#include <string>

#include "pipeline/job.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using kazprep::fuzz::Check;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const kazprep::fuzz::TempFile file(text, ".ini");
  kazprep::JobConfig config;
  const kazprep::Status status = kazprep::LoadJobConfig(file.path(), &config);
  if (!status.ok()) {
    Check(status.message().find(file.path()) != std::string::npos, "a config error names the file",
          status.message());
    return 0;
  }
  Check(!config.output_dir.empty(), "a config has an output folder", text);
  Check(!config.mono.empty() || !config.pairs.empty(), "a config has an input", text);
  for (const auto& p : config.pairs) {
    Check(p.src != p.tgt, "a pair has two languages", text);
  }
  return 0;
}
