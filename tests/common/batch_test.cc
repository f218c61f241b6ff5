#include "common/batch.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "tests/test_util.h"

namespace kazprep {
namespace {

struct CountStats {
  uint64_t lines = 0, crlf = 0, boms = 0;
  std::vector<uint64_t> first_lines;  // order in which batches were added
  void Add(const CountStats& o) {
    lines += o.lines;
    first_lines.insert(first_lines.end(), o.first_lines.begin(), o.first_lines.end());
  }
};

// Numbers each line with its file and line number, so order is checked exactly.
std::string RunBatches(const std::vector<std::string>& inputs, int threads,
                       const std::string& out_path, CountStats* stats) {
  OutputFile out;
  EXPECT_TRUE(out.Open(out_path).ok());
  std::function<void(const LineBatch&, std::string*, CountStats*)> fn =
      [](const LineBatch& batch, std::string* text, CountStats* s) {
        s->first_lines.push_back(batch.first_line);
        for (size_t i = 0; i < batch.size(); ++i) {
          *text += std::to_string(batch.file_index) + ":" + std::to_string(batch.first_line + i) +
                   ":" + std::string(batch.line(i)) + "\n";
          ++s->lines;
        }
      };
  ReadTotals read;
  EXPECT_TRUE(RunOrdered(inputs, threads, &out, fn, stats, &read).ok());
  EXPECT_TRUE(out.Commit().ok());
  EXPECT_EQ(read.lines, stats->lines);
  stats->crlf = read.crlf_lines;
  stats->boms = read.boms;
  return testing::Slurp(out_path);
}

TEST(BatchTest, OutputIsIdenticalForOneAndManyThreads) {
  testing::TempDir dir;
  // A BOM, CRLF line ends, a line longer than several batches, and a last
  // line without a newline.
  std::string a = "\xEF\xBB\xBF", b;
  for (int i = 0; i < 200000; ++i) {
    a += "line " + std::to_string(i);
    if (i == 100000) a += std::string(3 << 20, 'x');
    a += i % 7 == 0 ? "\r\n" : "\n";
  }
  for (int i = 0; i < 100; ++i) b += "second " + std::to_string(i) + (i < 99 ? "\n" : "");
  testing::Spit(dir.File("a"), a);
  testing::Spit(dir.File("b"), b);
  CountStats one, four;
  const std::string out1 = RunBatches({dir.File("a"), dir.File("b")}, 1, dir.File("o1"), &one);
  const std::string out4 = RunBatches({dir.File("a"), dir.File("b")}, 4, dir.File("o4"), &four);
  EXPECT_EQ(out1, out4);
  EXPECT_EQ(one.lines, 200100u);
  EXPECT_EQ(one.first_lines, four.first_lines);  // statistics added in input order
  EXPECT_GT(one.first_lines.size(), 2u);         // several batches were used
  const auto lines = testing::Lines(out1);
  EXPECT_EQ(lines.front(), "0:1:line 0");
  EXPECT_EQ(lines[7], "0:8:line 7");
  EXPECT_EQ(lines[100000], "0:100001:line 100000" + std::string(3 << 20, 'x'));
  EXPECT_EQ(lines[199999], "0:200000:line 199999");
  EXPECT_EQ(lines.back(), "1:100:second 99");
  EXPECT_EQ(out1.find('\r'), std::string::npos);
  EXPECT_EQ(one.crlf, 200000u / 7 + 1);
  EXPECT_EQ(four.crlf, one.crlf);
  EXPECT_EQ(one.boms, 1u);
}

// With N threads, N - 1 workers and the reading thread: when the workers
// fall behind, the reading thread takes batches itself, each in its place in
// the order. (A worker here takes 20 ms a batch.)
TEST(BatchTest, TheReadingThreadTakesBatchesWhenWorkersFallBehind) {
  testing::TempDir dir;
  std::string a;
  for (int i = 0; a.size() < 24u << 20; ++i) a += "line " + std::to_string(i) + "\n";
  testing::Spit(dir.File("a"), a);
  const std::thread::id reader = std::this_thread::get_id();
  std::atomic<int> by_reader{0}, by_workers{0};
  std::function<void(const LineBatch&, std::string*, CountStats*)> fn =
      [&](const LineBatch& batch, std::string* text, CountStats* s) {
        if (std::this_thread::get_id() == reader) {
          ++by_reader;
        } else {
          ++by_workers;
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        s->first_lines.push_back(batch.first_line);
        for (size_t i = 0; i < batch.size(); ++i) {
          *text += std::string(batch.line(i)) + "\n";
          ++s->lines;
        }
      };
  OutputFile out;
  ASSERT_TRUE(out.Open(dir.File("o")).ok());
  CountStats stats;
  ReadTotals read;
  ASSERT_TRUE(RunOrdered({dir.File("a")}, 2, &out, fn, &stats, &read).ok());
  ASSERT_TRUE(out.Commit().ok());
  EXPECT_EQ(testing::Slurp(dir.File("o")), a);  // every line, in order
  EXPECT_GT(by_reader.load(), 0);
  EXPECT_GT(by_workers.load(), 0);
  EXPECT_TRUE(std::is_sorted(stats.first_lines.begin(), stats.first_lines.end()));
  EXPECT_EQ(stats.first_lines.size(), static_cast<size_t>(by_reader + by_workers));
}

TEST(BatchTest, ReadErrorNamesTheFile) {
  testing::TempDir dir;
  OutputFile out;
  ASSERT_TRUE(out.Open(dir.File("o")).ok());
  CountStats stats;
  ReadTotals read;
  std::function<void(const LineBatch&, std::string*, CountStats*)> fn =
      [](const LineBatch&, std::string*, CountStats*) {};
  const Status status = RunOrdered({dir.File("missing")}, 2, &out, fn, &stats, &read);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("missing"), std::string::npos);
}

}  // namespace
}  // namespace kazprep
