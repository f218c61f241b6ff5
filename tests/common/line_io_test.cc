#include "common/line_io.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

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
