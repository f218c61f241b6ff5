// Bitext reader and filter: the input is a TSV file (first byte even) or,
// split at its first NUL byte, two line-aligned files. Every input pair is
// kept (possibly as several sentence pairs) or rejected with a reason, in
// input order; kept sides are valid UTF-8 lines; two files of different
// lengths are an error naming both.
#include <memory>
#include <string>

#include "common/utf8.h"
#include "pipeline/bitext.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

const kazprep::BitextFilter& Get() {
  static std::unique_ptr<kazprep::BitextFilter> filter;
  if (!filter) {
    kazprep::BitextOptions options;
    options.src = "kk";
    options.tgt = "ru";
    if (!kazprep::BitextFilter::Load(options, &filter).ok()) std::abort();
  }
  return *filter;
}

size_t Lines(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += c == '\n' ? 1 : 0;
  return n + (!s.empty() && s.back() != '\n' ? 1 : 0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using kazprep::fuzz::Check;
  const std::string_view text = kazprep::fuzz::Text(data, size);
  const bool two_files = kazprep::fuzz::Choice(data, size, 2) == 1;
  kazprep::BitextInput input;
  std::unique_ptr<kazprep::fuzz::TempFile> a, b;
  size_t pairs_expected = 0;
  bool aligned = true;
  if (two_files) {
    const size_t nul = text.find('\0');
    const std::string_view first = text.substr(0, nul);
    const std::string_view second = nul == std::string_view::npos ? "" : text.substr(nul + 1);
    a = std::make_unique<kazprep::fuzz::TempFile>(first);
    b = std::make_unique<kazprep::fuzz::TempFile>(second);
    input.src_file = a->path();
    input.tgt_file = b->path();
    aligned = Lines(first) == Lines(second);
    pairs_expected = Lines(first);
  } else {
    a = std::make_unique<kazprep::fuzz::TempFile>(text);
    input.tsv = {a->path()};
    pairs_expected = Lines(text);
  }
  uint64_t last_line = 0, rejected = 0;
  kazprep::BitextTotals totals;
  const auto keep = [&](const kazprep::BitextPair& p, const std::string&, uint64_t line) {
    Check(line >= last_line, "pairs come in input order", text);
    last_line = line;
    for (const std::string* side : {&p.src, &p.tgt}) {
      Check(kazprep::utf8::IsValid(*side), "kept sides are valid UTF-8", *side);
      Check(side->find('\n') == std::string::npos, "kept sides are one line", *side);
      Check(!side->empty(), "kept sides are not empty", text);
    }
  };
  const auto reject = [&](const std::string&, uint64_t line, std::string_view reason,
                          std::string_view, std::string_view) {
    Check(line > last_line || reason == "duplicate", "rejects come in input order", text);
    Check(!reason.empty(), "a reject has a reason", text);
    if (reason != "duplicate") ++rejected;
    last_line = line;
  };
  const kazprep::Status status =
      kazprep::RunBitext(Get(), input, 1, /*dedup=*/true, keep, reject, &totals);
  if (!aligned) {
    Check(!status.ok() && status.message().find("not line-aligned") != std::string::npos,
          "files of different lengths are an error", text);
    return 0;
  }
  Check(status.ok(), "a readable input is no error", text);
  Check(totals.stats.pairs_in == pairs_expected, "every input line is read as a pair", text);
  uint64_t dropped = 0;
  for (const auto& [reason, n] : totals.dropped) dropped += n;
  Check(dropped == rejected, "every drop is reported", text);
  Check(dropped <= totals.stats.pairs_in, "no more drops than pairs", text);
  return 0;
}
