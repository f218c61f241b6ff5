// The lines the Google Benchmark programs run on: KAZPREP_BENCH_CORPUS (a
// file, e.g. one made by bench/make-corpus.sh; its first 20 MB) or, without
// it, the embedded example news.
#ifndef KAZPREP_BENCH_BENCH_CORPUS_H_
#define KAZPREP_BENCH_BENCH_CORPUS_H_

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "common/line_io.h"
#include "common/resources.h"

namespace kazprep::bench {

inline std::vector<std::string> CorpusLines() {
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

}  // namespace kazprep::bench

#endif  // KAZPREP_BENCH_BENCH_CORPUS_H_
