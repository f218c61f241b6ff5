// Google Benchmark of the sentence splitter next to ICU's sentence
// BreakIterator, on the same paragraphs: KAZPREP_BENCH_CORPUS (a file, e.g.
// one made by bench/make-corpus.sh; first 20 MB) or, without it, the embedded
// example news. Reports bytes per second of input. ICU gets UTF-16 (converted
// inside the loop, as any UTF-8 pipeline must) and returns boundaries only;
// kazprep returns spans into the UTF-8 paragraph.
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "bench/bench_corpus.h"
#include "segment/sentence_splitter.h"

namespace kazprep {
namespace {

using bench::CorpusLines;

void BM_KazprepSplit(benchmark::State& state) {
  const std::vector<std::string> lines = CorpusLines();
  std::unique_ptr<SentenceSplitter> splitter;
  if (!SentenceSplitter::Load(SplitterOptions(), &splitter).ok()) {
    state.SkipWithError("cannot load the splitter");
    return;
  }
  std::vector<std::string_view> sentences;
  size_t bytes = 0, count = 0;
  for (auto _ : state) {
    for (const auto& line : lines) {
      splitter->Split(line, &sentences);
      count += sentences.size();
      bytes += line.size() + 1;
    }
  }
  benchmark::DoNotOptimize(count);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_KazprepSplit)->Unit(benchmark::kMillisecond);

void BM_IcuBreakIterator(benchmark::State& state) {
  const std::vector<std::string> lines = CorpusLines();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("kk"), status));
  if (U_FAILURE(status)) {
    state.SkipWithError("cannot create ICU's sentence BreakIterator");
    return;
  }
  size_t bytes = 0, count = 0;
  for (auto _ : state) {
    for (const auto& line : lines) {
      const icu::UnicodeString u = icu::UnicodeString::fromUTF8(line);
      it->setText(u);
      for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next()) ++count;
      bytes += line.size() + 1;
    }
  }
  benchmark::DoNotOptimize(count);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_IcuBreakIterator)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kazprep

BENCHMARK_MAIN();
