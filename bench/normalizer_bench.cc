// Google Benchmark of the Normalizer on real lines: KAZPREP_BENCH_CORPUS (a
// file, e.g. one made by bench/make-corpus.sh; first 20 MB) or, without it,
// the embedded example news. Reports bytes per second of input.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "common/line_io.h"
#include "common/resources.h"
#include "preprocess/normalizer.h"

namespace kazprep {
namespace {

std::vector<std::string> CorpusLines() {
  std::vector<std::string> lines;
  const char* path = std::getenv("KAZPREP_BENCH_CORPUS");
  size_t bytes = 0;
  if (path != nullptr) {
    LineReader reader;
    if (reader.Open(path).ok()) {
      std::string_view line;
      while (bytes < (20u << 20) && reader.Next(&line)) {
        lines.emplace_back(line);
        bytes += line.size() + 1;
      }
    }
  }
  if (lines.empty()) {
    const std::string_view news = *resources::Find("examples/news.kk.raw.txt");
    size_t pos = 0;
    while (pos < news.size()) {
      const size_t nl = news.find('\n', pos);
      lines.emplace_back(news.substr(pos, nl - pos));
      pos = nl == std::string_view::npos ? news.size() : nl + 1;
    }
  }
  return lines;
}

void BM_Normalize(benchmark::State& state, const char* lang) {
  const std::vector<std::string> lines = CorpusLines();
  NormalizerOptions options;
  options.lang = lang;
  std::unique_ptr<Normalizer> normalizer;
  if (!Normalizer::Load(options, &normalizer).ok()) {
    state.SkipWithError("cannot load the normalizer");
    return;
  }
  std::string out;
  NormalizerStats stats;
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& line : lines) {
      normalizer->Normalize(line, &out, &stats);
      benchmark::DoNotOptimize(out.data());
      bytes += line.size() + 1;
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK_CAPTURE(BM_Normalize, kk, "kk")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kazprep

BENCHMARK_MAIN();
