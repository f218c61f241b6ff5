// Hostile input, through the kazprep binary: each test is one row of the
// table "Hostile input" in the README (what kazprep does, the message a user
// sees). Line contracts hold, nothing is lost silently, and a failed output
// never appears under its final name.
#include <gtest/gtest.h>
#include <sys/mount.h>

#include <algorithm>
#include <filesystem>

#include "common/utf8.h"
#include "tests/test_util.h"

namespace kazprep {
namespace {

using testing::Lines;
using testing::RunKazprep;
using testing::Slurp;
using testing::Spit;
using testing::TempDir;

namespace fs = std::filesystem;

size_t Count(const std::string& s, char c) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), c));
}

// A model trained on the embedded example's Kazakh text.
std::string TrainModel(const TempDir& dir) {
  std::string text;
  for (const auto& line :
       Lines(Slurp(std::string(KAZPREP_SOURCE_DIR) + "/examples/news.kk.raw.txt"))) {
    if (!line.empty()) text += line + "\n";
  }
  Spit(dir.File("train.txt"), text);
  const auto r =
      RunKazprep("spm-train --input train.txt --model-prefix m --vocab-size 500", dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return dir.File("m.model");
}

TEST(HostileInputTest, InvalidUtf8IsReplacedAndCounted) {
  TempDir dir;
  // An overlong '/', a surrogate, a truncated sequence, a stray continuation
  // byte, and a code point above U+10FFFF.
  Spit(dir.File("in"),
       "over \xC0\xAF long\nsur \xED\xA0\x80 rogate\ntrunc \xD2\nstray \x80 byte\nbig "
       "\xF4\x90\x80\x80\n");
  for (const char* command : {"normalize", "split"}) {
    const auto r = RunKazprep(std::string(command) + " --summary in", dir.path());
    ASSERT_EQ(r.exit_code, 0) << command << ": " << r.err;
    const auto lines = Lines(r.out);
    EXPECT_EQ(lines.size(), 5u) << command;
    EXPECT_TRUE(utf8::IsValid(r.out)) << command;
    EXPECT_NE(r.out.find("\uFFFD"), std::string::npos) << command;
    EXPECT_NE(r.err.find("invalid UTF-8 sequences replaced"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(" 0 invalid UTF-8"), std::string::npos) << command << ": " << r.err;
  }
  Spit(dir.File("pairs"), "over \xC0\xAF long\tа \xED\xA0\x80 б\n");
  const auto r = RunKazprep("bitext --src kk --tgt ru --summary pairs", dir.path());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(utf8::IsValid(r.out));
  EXPECT_EQ(Count(r.out, '\n'), 1u);
  EXPECT_NE(r.err.find("5 invalid UTF-8 sequences replaced"), std::string::npos) << r.err;
}

TEST(HostileInputTest, NulBytesAreRemovedByNormalizeAndKeepTheLineCount) {
  TempDir dir;
  Spit(dir.File("in"), std::string("a\0b\n\0\0\0\nc\n", 10));
  auto r = RunKazprep("normalize in", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "ab\n\nc\n");
  r = RunKazprep("split in", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Count(r.out, '\n'), 3u);
}

TEST(HostileInputTest, AHundredMegabyteLineIsOneLine) {
  TempDir dir;
  std::string line;
  line.reserve(100u << 20);
  while (line.size() < (100u << 20)) line += "Бұл сөйлем ұзын. ";
  line.pop_back();
  Spit(dir.File("in"), "before\n" + line + "\nafter\n");
  line.clear();
  line.shrink_to_fit();
  auto r = RunKazprep("normalize --typos off --threads 2 -o out in", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string out = Slurp(dir.File("out"));
  EXPECT_EQ(Count(out, '\n'), 3u);  // one line per line
  EXPECT_GT(out.size(), 100u << 20);
  r = RunKazprep("split --threads 2 -o sentences out", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  out = Slurp(dir.File("sentences"));
  EXPECT_GT(Count(out, '\n'), 3'000'000u);  // every sentence of it on its own line
  EXPECT_EQ(out.substr(0, 7), "before\n");
  EXPECT_EQ(out.substr(out.size() - 6), "after\n");
}

TEST(HostileInputTest, AMillionEmptyLinesStayAMillionLines) {
  TempDir dir;
  Spit(dir.File("in"), std::string(1'000'000, '\n'));
  for (const char* command : {"normalize", "split", "langid"}) {
    const auto r = RunKazprep(std::string(command) + " --threads 2 in", dir.path());
    ASSERT_EQ(r.exit_code, 0) << command << ": " << r.err;
    EXPECT_EQ(Count(r.out, '\n'), 1'000'000u) << command;
  }
  const auto r = RunKazprep("clean --summary in", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("1000000"), std::string::npos) << r.err;  // every drop accounted for
}

TEST(HostileInputTest, CrlfEndsAreRemovedAndBareCrsAreSpaces) {
  TempDir dir;
  Spit(dir.File("in"), "бір\r\nекі\r\nүш\rтөрт\n");
  auto r = RunKazprep("normalize --summary in", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // CRLF is a line end; a bare CR is not (splitting there would break the
  // alignment of a parallel corpus): it becomes a space.
  EXPECT_EQ(r.out, "бір\nекі\nүш төрт\n");
  // split takes CRLF as line ends too and leaves a bare CR inside its line.
  r = RunKazprep("split in", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "бір\nекі\nүш\rтөрт\n");
}

TEST(HostileInputTest, AByteOrderMarkIsRemoved) {
  TempDir dir;
  Spit(dir.File("in"), "\xEF\xBB\xBFҚазақстан\n");
  for (const char* command : {"normalize", "split"}) {
    const auto r = RunKazprep(std::string(command) + " in", dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "Қазақстан\n") << command;
  }
}

TEST(HostileInputTest, BinaryGarbageGivesValidUtf8LineForLine) {
  TempDir dir;
  std::string garbage;
  uint64_t state = 42;
  for (int i = 0; i < (2 << 20); ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    garbage.push_back(static_cast<char>(state >> 56));
  }
  Spit(dir.File("in"), garbage);
  const size_t lines = Count(garbage, '\n') + (garbage.back() != '\n' ? 1 : 0);
  for (const char* command : {"normalize --threads 2", "langid"}) {
    const auto r = RunKazprep(std::string(command) + " in", dir.path());
    ASSERT_EQ(r.exit_code, 0) << command << ": " << r.err;
    EXPECT_EQ(Count(r.out, '\n'), lines) << command;
    EXPECT_TRUE(utf8::IsValid(r.out)) << command;
  }
  const auto r = RunKazprep("split in", dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(utf8::IsValid(r.out));
  EXPECT_GE(Count(r.out, '\n'), lines);
}

TEST(HostileInputTest, EmptyInputGivesEmptyOutput) {
  TempDir dir;
  Spit(dir.File("empty"), "");
  const std::string model = TrainModel(dir);
  const std::string commands[] = {"normalize empty",
                                  "split empty",
                                  "clean empty",
                                  "langid empty",
                                  "bitext --src kk --tgt ru empty",
                                  "spm-encode --model " + model + " empty"};
  for (const std::string& command : commands) {
    const auto r = RunKazprep(command, dir.path());
    EXPECT_EQ(r.exit_code, 0) << command << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << command;
  }
}

TEST(HostileInputTest, TruncatedOrCorruptedModelIsAnErrorNamingTheFile) {
  TempDir dir;
  const std::string model = Slurp(TrainModel(dir));
  ASSERT_GT(model.size(), 1000u);
  Spit(dir.File("truncated.model"), model.substr(0, model.size() / 2));
  std::string corrupted = model;
  for (size_t i = 100; i < corrupted.size(); i += 97)
    corrupted[i] = static_cast<char>(~corrupted[i]);
  Spit(dir.File("corrupted.model"), corrupted);
  Spit(dir.File("empty.model"), "");
  Spit(dir.File("in"), "Қазақстан\n");
  for (const char* name : {"truncated.model", "corrupted.model", "empty.model", "missing.model"}) {
    for (const char* command : {"spm-encode", "spm-decode"}) {
      const auto r = RunKazprep(std::string(command) + " --model " + name + " in", dir.path());
      EXPECT_EQ(r.exit_code, 1) << command << " " << name << ": " << r.err;
      EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
      EXPECT_EQ(Count(r.err, '\n'), 1u) << r.err;
      EXPECT_TRUE(r.out.empty());
    }
  }
}

TEST(HostileInputTest, ConfigWithUnknownKeyOrMissingPathNamesIt) {
  TempDir dir;
  Spit(dir.File("news.kk"), "Бір.\n");
  Spit(dir.File("unknown.ini"), "output-dir = out\nvocab-sise = 100\n[mono]\nkk = news.kk\n");
  Spit(dir.File("missing.ini"), "output-dir = out\n[mono]\nkk = nowhere.kk\n");
  Spit(dir.File("no-input.ini"), "output-dir = out\n");
  const struct {
    const char* file;
    const char* names;
  } cases[] = {
      {"unknown.ini", "vocab-sise"}, {"missing.ini", "nowhere.kk"}, {"no-input.ini", "no input"}};
  for (const auto& c : cases) {
    const auto r = RunKazprep(std::string("run --config ") + c.file, dir.path());
    EXPECT_EQ(r.exit_code, 1) << c.file;
    EXPECT_NE(r.err.find(c.file), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(c.names), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir.File("out"))) << c.file;  // nothing started
  }
}

TEST(HostileInputTest, FullDiskIsAnErrorAndLeavesNoFinalFile) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "Бұл сөйлем. Ол да сөйлем.\n";
  Spit(dir.File("in"), text);
  // A device that is always full.
  auto r = RunKazprep("split in -o /dev/full", dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("/dev/full"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  // Standard output on a full device.
  const int status = std::system(
      ("cd '" + dir.path() + "' && '" + KAZPREP_BINARY + "' split in > /dev/full 2> err").c_str());
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << status;
  EXPECT_NE(Slurp(dir.File("err")).find("<stdout>: write error: No space left on device"),
            std::string::npos)
      << Slurp(dir.File("err"));
  // A small file system that fills up while writing (needs mount rights).
  const std::string small = dir.File("small");
  fs::create_directory(small);
  if (::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=64k") != 0) {
    GTEST_SKIP() << "the tmpfs half needs mount rights (root); /dev/full was tested";
  }
  r = RunKazprep("split in -o small/out.txt", dir.path());
  const auto r2 = RunKazprep("run --output-dir small/job", dir.path());
  std::vector<std::string> left;
  for (const auto& e : fs::recursive_directory_iterator(small)) left.push_back(e.path().string());
  ::umount(small.c_str());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
  EXPECT_EQ(r2.exit_code, 1) << r2.err;
  for (const auto& path : left) {
    EXPECT_EQ(path.find("out.txt"), std::string::npos) << "left behind: " << path;
    EXPECT_EQ(path.find("report.json"), std::string::npos) << "left behind: " << path;
    EXPECT_EQ(path.find(".tmp."), std::string::npos) << "left behind: " << path;
  }
}

TEST(HostileInputTest, AClosedPipeEndsQuietly) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 200000; ++i) text += "Бұл сөйлем. Ол да сөйлем.\n";
  Spit(dir.File("in"), text);
  for (const char* command : {"normalize --typos off", "split", "langid"}) {
    const std::string cmd = "cd '" + dir.path() + "' && '" + KAZPREP_BINARY + "' " + command +
                            " in 2> err | head -n 1 > /dev/null";
    const int status = std::system(("bash -c \"set -o pipefail; " + cmd + "\"").c_str());
    // Killed by SIGPIPE (141 from bash) or a clean exit; never an error message.
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    EXPECT_TRUE(code == 0 || code == 141) << command << ": " << code;
    EXPECT_EQ(Slurp(dir.File("err")), "") << command;
  }
}

}  // namespace
}  // namespace kazprep
