#include "common/resources.h"

#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace kazprep::resources {
namespace {

TEST(ResourcesTest, EveryModelAndExampleFileIsEmbeddedByteForByte) {
  const std::string root = KAZPREP_SOURCE_DIR;
  size_t checked = 0;
  for (const char* folder : {"models", "examples"}) {
    for (const auto& path : testing::FilesUnder(root + "/" + folder)) {
      const std::string name = path.substr(root.size() + 1);
      const auto data = Find(name);
      ASSERT_TRUE(data.has_value()) << name << " is not embedded (re-run cmake?)";
      EXPECT_TRUE(*data == testing::Slurp(path)) << name << " differs from the embedded copy";
      ++checked;
    }
  }
  EXPECT_GT(checked, 3u);
  EXPECT_EQ(Names().size(), checked);
}

// Loading releases the binary's pages that hold the file (they were
// copied); read again, they are the same bytes.
TEST(ResourcesTest, AFileLoadedTwiceIsTheSame) {
  std::string first, second, origin;
  ASSERT_TRUE(LoadModelFile("typos/kk.lexicon.tsv", "", &first, &origin).ok());
  ASSERT_TRUE(LoadModelFile("typos/kk.lexicon.tsv", "", &second, &origin).ok());
  EXPECT_GT(first.size(), 1u << 20);
  EXPECT_EQ(first, second);
  EXPECT_EQ(*Find("models/typos/kk.lexicon.tsv"), first);
}

TEST(ResourcesTest, UnknownNameIsNotFound) { EXPECT_FALSE(Find("models/nope.tsv").has_value()); }

TEST(ResourcesTest, LoadModelFileReadsTheOverrideFolder) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir.File("normalize"));
  testing::Spit(dir.File("normalize/invisible.tsv"), "00AD\tSOFT HYPHEN\n");
  std::string content, origin;
  ASSERT_TRUE(LoadModelFile("normalize/invisible.tsv", dir.path(), &content, &origin).ok());
  EXPECT_EQ(content, "00AD\tSOFT HYPHEN\n");
  EXPECT_EQ(origin, dir.File("normalize/invisible.tsv"));
  const Status missing = LoadModelFile("normalize/none.tsv", dir.path(), &content, &origin);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("normalize/none.tsv"), std::string::npos);
}

TEST(ResourcesTest, ForEachDataLineSkipsCommentsAndNamesTheFailingLine) {
  std::vector<std::string> seen;
  const Status status = ForEachDataLine(
      "# header\n\na\tb\n  # indented comment\nbad\n", "t.tsv", [&seen](std::string_view line) {
        seen.emplace_back(line);
        return line == "bad" ? Status::Error("expected a tab") : Status::Ok();
      });
  EXPECT_EQ(seen, (std::vector<std::string>{"a\tb", "bad"}));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "t.tsv:5: expected a tab");
}

TEST(ResourcesTest, SplitTabsKeepsEmptyFields) {
  EXPECT_EQ(SplitTabs("a\t\tb").size(), 3u);
  EXPECT_EQ(SplitTabs("").size(), 1u);
}

}  // namespace
}  // namespace kazprep::resources
