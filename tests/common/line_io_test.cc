#include "common/line_io.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/test_util.h"

namespace kazprep {
namespace {

using testing::Slurp;
using testing::Spit;
using testing::TempDir;

std::vector<std::string> ReadAll(const std::string& path, LineReader* reader) {
  std::vector<std::string> lines;
  EXPECT_TRUE(reader->Open(path).ok());
  std::string_view line;
  while (reader->Next(&line)) lines.emplace_back(line);
  EXPECT_TRUE(reader->status().ok());
  return lines;
}

TEST(LineReaderTest, StripsCrlfAndBomAndKeepsLastLine) {
  TempDir dir;
  Spit(dir.File("in"), "\xEF\xBB\xBFone\r\ntwo\n\nthree");
  LineReader reader;
  const auto lines = ReadAll(dir.File("in"), &reader);
  EXPECT_EQ(lines, (std::vector<std::string>{"one", "two", "", "three"}));
  EXPECT_EQ(reader.crlf_lines(), 1u);
  EXPECT_TRUE(reader.had_bom());
  EXPECT_EQ(reader.line_number(), 4u);
}

// Property: for random files (long and empty lines, CRLF, a BOM, with and
// without a final newline) and any shard count, the shards in order give
// every line exactly once, with the whole file's line numbers.
TEST(LineReaderTest, ShardsInOrderAreTheWholeFile) {
  TempDir dir;
  uint64_t state = 7;
  const auto next = [&state](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  for (int round = 0; round < 60; ++round) {
    std::string text = round % 7 == 0 ? "\xEF\xBB\xBF" : "";
    const uint64_t lines = next(40);
    for (uint64_t i = 0; i < lines; ++i) {
      const uint64_t len = next(4) == 0 ? 0 : next(round % 5 == 0 ? 400000 : 30);
      text.append(len, static_cast<char>('a' + next(26)));
      text += next(5) == 0 ? "\r\n" : "\n";
    }
    if (next(2) == 0) text += "tail";
    Spit(dir.File("in"), text);
    LineReader whole;
    const auto expected = ReadAll(dir.File("in"), &whole);
    for (const int count : {1, 2, 3, 7, 64}) {
      std::vector<std::string> got;
      for (int k = 0; k < count; ++k) {
        LineReader reader;
        ASSERT_TRUE(reader.Open(dir.File("in"), Shard{k, count}).ok());
        std::string_view line;
        uint64_t number = reader.line_number();
        EXPECT_EQ(number, got.size()) << "shard " << k << "/" << count;
        while (reader.Next(&line)) {
          got.emplace_back(line);
          EXPECT_EQ(reader.line_number(), ++number);
        }
        ASSERT_TRUE(reader.status().ok());
        EXPECT_EQ(reader.stopped_at_shard_end(), k + 1 < count && got.size() < expected.size())
            << "shard " << k << "/" << count;
      }
      ASSERT_EQ(got, expected) << "round " << round << ", " << count << " shards";
    }
  }
}

// Found in review: the BOM of a file that holds nothing else was counted as
// a line by the shards after the first.
TEST(LineReaderTest, ShardsOfABomOnlyFileHaveNoLines) {
  TempDir dir;
  Spit(dir.File("in"), "\xEF\xBB\xBF");
  for (int k = 0; k < 3; ++k) {
    LineReader reader;
    ASSERT_TRUE(reader.Open(dir.File("in"), Shard{k, 3}).ok());
    EXPECT_EQ(reader.line_number(), 0u) << k;
    std::string_view line;
    EXPECT_FALSE(reader.Next(&line)) << k;
  }
}

TEST(LineReaderTest, SkipLinesStopsAtTheEnd) {
  TempDir dir;
  Spit(dir.File("in"), "a\nb\nc\n");
  LineReader reader;
  ASSERT_TRUE(reader.Open(dir.File("in")).ok());
  reader.SkipLines(2);
  std::string_view line;
  ASSERT_TRUE(reader.Next(&line));
  EXPECT_EQ(line, "c");
  reader.SkipLines(5);
  EXPECT_FALSE(reader.Next(&line));
  EXPECT_EQ(reader.line_number(), 3u);
}

TEST(ShardTest, ParsesKOfN) {
  Shard s;
  ASSERT_TRUE(ParseShard("2/5", &s).ok());
  EXPECT_EQ(s.index, 2);
  EXPECT_EQ(s.count, 5);
  for (const char* bad : {"5/5", "1", "-1/3", "a/b", "1/0", "", "1/", "/3", "1/3/4"}) {
    const Status st = ParseShard(bad, &s);
    EXPECT_FALSE(st.ok()) << bad;
    EXPECT_NE(st.message().find("K/N"), std::string::npos) << st.message();
  }
  LineReader stdin_reader;
  EXPECT_FALSE(stdin_reader.Open("-", Shard{0, 2}).ok());
}

TEST(LineReaderTest, EmptyFileHasNoLines) {
  TempDir dir;
  Spit(dir.File("in"), "");
  LineReader reader;
  EXPECT_TRUE(ReadAll(dir.File("in"), &reader).empty());
}

TEST(LineReaderTest, LinesLongerThanTheBufferArriveWhole) {
  TempDir dir;
  const std::string long_line(3 * (1 << 20) + 17, 'x');
  Spit(dir.File("in"), "a\n" + long_line + "\nb\n");
  LineReader reader;
  const auto lines = ReadAll(dir.File("in"), &reader);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1], long_line);
  EXPECT_EQ(lines[2], "b");
}

TEST(LineReaderTest, NulBytesPassThrough) {
  TempDir dir;
  Spit(dir.File("in"), std::string("a\0b\n", 4));
  LineReader reader;
  const auto lines = ReadAll(dir.File("in"), &reader);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0], std::string("a\0b", 3));
}

TEST(LineReaderTest, MissingFileNamesThePath) {
  LineReader reader;
  const Status status = reader.Open("/nonexistent/kazprep-input.txt");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent/kazprep-input.txt"), std::string::npos);
}

TEST(OutputFileTest, NothingAppearsUnderTheFinalNameBeforeCommit) {
  TempDir dir;
  const std::string path = dir.File("out.txt");
  {
    OutputFile out;
    ASSERT_TRUE(out.Open(path).ok());
    out.WriteLine("half");
    EXPECT_FALSE(std::filesystem::exists(path));
    // Destroyed without Commit(): an interrupted job.
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
  OutputFile out;
  ASSERT_TRUE(out.Open(path).ok());
  out.WriteLine("whole");
  ASSERT_TRUE(out.Commit().ok());
  EXPECT_EQ(Slurp(path), "whole\n");
}

TEST(OutputFileTest, UncreatableFileIsAnErrorNamingThePath) {
  TempDir dir;
  const std::string path = dir.File("no/such/folder/out.txt");
  OutputFile out;
  const Status status = out.Open(path);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find(path), std::string::npos);
}

}  // namespace
}  // namespace kazprep

namespace kazprep {
namespace {

// Writing to a device (or pipe) writes in place: renaming a temporary file
// over /dev/null would replace the device with a regular file.
TEST(OutputFileTest, DevicesAreWrittenInPlace) {
  OutputFile out;
  ASSERT_TRUE(out.Open("/dev/null").ok());
  out.WriteLine("discarded");
  ASSERT_TRUE(out.Commit().ok());
  struct stat st;
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  OutputFile folder;
  EXPECT_FALSE(folder.Open("/tmp").ok());
}

}  // namespace
}  // namespace kazprep

namespace kazprep {
namespace {

// `--fixes /dev/stderr` with stderr redirected to a file: /dev/stderr is a
// link to /proc/self/fd/2, which points to a regular file, and the temporary
// file was renamed over the /dev/stderr link itself. Then (found in review)
// a link to /dev/stderr, or a name with doubled slashes, went on through
// realpath() to the redirected file and replaced it. A descriptor's name,
// directly or through links followed one at a time, is written through the
// descriptor: the file stays the same file. Tested with /dev/fd/N of a file
// this test opens.
TEST(OutputFileTest, DescriptorNamesAreWrittenThroughTheDescriptor) {
  TempDir dir;
  const std::string log = dir.File("log.txt");
  Spit(log, "earlier line\n");
  const int fd = ::open(log.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  struct stat before, after;
  ASSERT_EQ(::stat(log.c_str(), &before), 0);
  const std::string link = dir.File("errlink"), chain = dir.File("chain");
  std::filesystem::create_symlink("/dev/fd/" + std::to_string(fd), link);
  std::filesystem::create_symlink("errlink", chain);  // relative, two links
  const std::string direct = "/dev/fd/" + std::to_string(fd);
  for (const std::string& name : {direct, link, chain, "//dev//fd/" + std::to_string(fd)}) {
    OutputFile out;
    ASSERT_TRUE(out.Open(name).ok()) << name;
    out.WriteLine(name);
    ASSERT_TRUE(out.Commit().ok());
  }
  ::close(fd);
  ASSERT_EQ(::stat(log.c_str(), &after), 0);
  EXPECT_EQ(before.st_ino, after.st_ino);
  EXPECT_EQ(Slurp(log), "earlier line\n" + direct + "\n" + link + "\n" + chain + "\n//dev//fd/" +
                            std::to_string(fd) + "\n");
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  OutputFile closed;
  EXPECT_FALSE(closed.Open("/dev/fd/987").ok());  // no such descriptor: an error
}

// A dangling link gets the file it names; the link stays.
TEST(OutputFileTest, ADanglingLinkGetsItsFile) {
  TempDir dir;
  const std::string target = dir.File("new.txt"), link = dir.File("dangling");
  std::filesystem::create_symlink(target, link);
  OutputFile out;
  ASSERT_TRUE(out.Open(link).ok());
  out.WriteLine("made");
  ASSERT_TRUE(out.Commit().ok());
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  EXPECT_EQ(Slurp(target), "made\n");
}

// Through a symbolic link, the file it points to is replaced atomically and
// the link stays a link.
TEST(OutputFileTest, SymbolicLinksKeepPointingToTheNewFile) {
  TempDir dir;
  const std::string target = dir.File("real.txt"), link = dir.File("link.txt");
  Spit(target, "old\n");
  std::filesystem::create_symlink(target, link);
  OutputFile out;
  ASSERT_TRUE(out.Open(link).ok());
  out.WriteLine("new");
  EXPECT_EQ(Slurp(target), "old\n");  // nothing changes before Commit()
  ASSERT_TRUE(out.Commit().ok());
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  EXPECT_EQ(Slurp(target), "new\n");
  EXPECT_EQ(Slurp(link), "new\n");
}

}  // namespace
}  // namespace kazprep
