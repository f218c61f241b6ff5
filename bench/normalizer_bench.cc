// Google Benchmark of the Normalizer on real lines: KAZPREP_BENCH_CORPUS (a
// file, e.g. one made by bench/make-corpus.sh; first 20 MB) or, without it,
// the embedded example news. Reports bytes per second of input.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "bench/bench_corpus.h"
#include "preprocess/normalizer.h"

namespace kazprep {
namespace {

using bench::CorpusLines;

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
