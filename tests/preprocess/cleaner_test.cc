#include "preprocess/cleaner.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "common/utf8.h"
#include "tests/test_util.h"

namespace kazprep {
namespace {

std::unique_ptr<Cleaner> Make(const std::string& lang = "kk") {
  CleanerOptions options;
  options.lang = lang;
  std::unique_ptr<Cleaner> c;
  const Status status = Cleaner::Load(options, &c);
  EXPECT_TRUE(status.ok()) << status.message();
  return c;
}

TEST(CleanerTest, ClassifiesBoilerplateAndForeignLines) {
  const auto c = Make();
  const struct {
    const char* line;
    const char* reason;
  } cases[] = {
      {"Шанхайда Өзбекстанның цифрлық технологиялар орталығы ашылды", ""},
      {"    Дүние жүзіндегі ең ірі инновациялық мегаполистердің бірі – Шанхай.", ""},
      {"", "empty"},
      {"   \t", "empty"},
      {"***", "no-letters"},
      {"1 2 3 4 5", "no-letters"},
      {"😀😀", "no-letters"},
      {"No date selected", "calendar"},
      {"Use cursor keys to navigate calendar dates", "calendar"},
      {"December 2025", "calendar"},  // the month heading of a calendar widget
      {"Бөлісу:", "share"},
      {"Оқи отырыңыз: Астанада жаңа мектеп ашылды", "read-also"},
      {"Қаралды: 1 245", "counter"},
      {"Президент России подписал новый закон о бюджете на следующий год.", "language:ru"},
      {"The president signed a new law on the budget for next year.", "language:en"},
      {"Иә, солай.", ""},  // too short to judge its language
  };
  for (const auto& k : cases) EXPECT_EQ(c->Classify(k.line), k.reason) << k.line;
}

// Property: the pattern prefilter (only the patterns that can match a line
// starting as this one does, and digit-gated patterns only on lines with a
// digit) decides exactly as trying every pattern does: on the project's
// example, on the real text of ../shared/data when present, and on every
// line cut short at random places (a line that is its own prefix).
TEST(CleanerTest, PropertyPatternPrefilterDecidesAsEveryPattern) {
  std::vector<std::string> lines;
  const auto add_file = [&lines](const std::string& path, size_t max_lines) {
    size_t n = 0;
    for (const auto& line : testing::Lines(testing::Slurp(path))) {
      if (line.size() <= 700 && n++ < max_lines) lines.push_back(line);
    }
  };
  add_file(KAZPREP_SOURCE_DIR "/examples/news.kk.raw.txt", 100000);
  const std::string shared = testing::SharedData();
  if (!shared.empty()) {
    for (const auto& file : testing::FilesUnder(shared)) {
      if (file.find(".conllu") == std::string::npos) add_file(file, 50);
    }
  }
  std::mt19937 rng(11);
  const size_t whole = lines.size();
  for (size_t k = 0; k < whole; ++k) {
    const std::string& line = lines[k];
    size_t cut = std::uniform_int_distribution<size_t>(0, line.size())(rng);
    while (cut < line.size() && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) ++cut;
    lines.push_back(line.substr(0, cut));
  }
  size_t boilerplate = 0;
  for (const char* lang : {"kk", "ru", "en"}) {
    CleanerOptions options;
    options.lang = lang;
    std::unique_ptr<Cleaner> fast, every;
    ASSERT_TRUE(Cleaner::Load(options, &fast).ok());
    options.pattern_prefilter = false;
    ASSERT_TRUE(Cleaner::Load(options, &every).ok());
    const auto fast_matchers = fast->NewMatchers();
    const auto every_matchers = every->NewMatchers();
    for (const auto& line : lines) {
      const std::string reason = every->Classify(line, every_matchers.get());
      ASSERT_EQ(fast->Classify(line, fast_matchers.get()), reason) << lang << ": " << line;
      if (!reason.empty() && reason != "empty" && reason != "no-letters" &&
          reason.rfind("language:", 0) != 0) {
        ++boilerplate;
      }
    }
  }
  // Not vacuous: the example's widgets, menus and dates are among them.
  EXPECT_GT(boilerplate, 20u);
}

// Patterns a line's first characters cannot rule out: word boundaries (ICU
// finds them with a break iterator that reads ahead: Chinese is split by a
// dictionary) and a (?=.*\d) pattern with another branch that needs no digit.
TEST(CleanerTest, PrefilterKeepsPatternsAPrefixCannotRuleOut) {
  testing::TempDir dir;
  std::filesystem::copy(KAZPREP_SOURCE_DIR "/models", dir.path(),
                        std::filesystem::copy_options::recursive);
  const struct {
    const char* regex;
    const char* line;
    const char* reason;
  } cases[] = {
      {"\\p{L}{3}\\b.*", "北京市政府", "p"},         {"\\p{L}{3}\\b.*", "乒乓球拍卖完了", "p"},
      {"\\p{L}\\b.*", "东京都庁舎に行く", "p"},      {"abc\\B\\.def", "abc.def", "p"},
      {"(?=.*\\d)foo \\d+|bar baz", "bar baz", "p"}, {"(?=.*\\d)foo \\d+|bar baz", "foo 12", "p"},
      {"(?=.*\\d)foo \\d+|bar baz", "foo bar", ""},
  };
  for (const auto& k : cases) {
    testing::Spit(dir.File("clean/boilerplate.kk.tsv"), std::string("p\t") + k.regex + "\n");
    for (const bool prefilter : {true, false}) {
      CleanerOptions options;
      options.rules_dir = dir.path();
      options.pattern_prefilter = prefilter;
      std::unique_ptr<Cleaner> c;
      const Status status = Cleaner::Load(options, &c);
      ASSERT_TRUE(status.ok()) << status.message();
      EXPECT_EQ(c->Classify(k.line), k.reason)
          << k.regex << " on " << k.line << (prefilter ? "" : " (every pattern)");
    }
  }
}

TEST(CleanerTest, DocumentFrequencyCountsDocumentsNotOccurrences) {
  DocumentFrequency df;
  df.AddDocument({"Басты бет", "Басты бет", "Бірінші мақала."});
  df.AddDocument({"  Басты бет ", "Екінші мақала."});
  EXPECT_EQ(df.Count("Басты бет"), 2u);
  EXPECT_EQ(df.Count("Бірінші мақала."), 1u);
  EXPECT_EQ(df.Count("жоқ"), 0u);
  EXPECT_EQ(df.Threshold(), 5u);
  for (int i = 0; i < 10000; ++i) df.AddDocument({});
  EXPECT_EQ(df.Threshold(), 10u);
}

TEST(CleanerTest, DeduplicatorFoldsKazakhLettersCaseDigitsAndPunctuation) {
  Deduplicator d;
  EXPECT_STREQ(d.Check("Қазақстан 2024 жылы өсті."), "");
  EXPECT_STREQ(d.Check("Қазақстан 2024 жылы өсті."), "duplicate");
  EXPECT_STREQ(d.Check("КАЗАКСТАН 2025 жылы ости!"), "near-duplicate");
  EXPECT_STREQ(d.Check("Ресей 2024 жылы өсті."), "");
  EXPECT_EQ(Deduplicator::Fold("Қазақстан, 2024!"), "казакстан");
}

TEST(CleanerTest, TrimsUnicodeSpace) { EXPECT_EQ(utf8::TrimSpace("\u00A0 мәтін\t"), "мәтін"); }

TEST(CleanerTest, BadPatternIsReportedWithFileAndLine) {
  CleanerOptions options;
  options.rules_dir = "/nonexistent-rules";
  std::unique_ptr<Cleaner> c;
  const Status status = Cleaner::Load(options, &c);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent-rules/"), std::string::npos);
}

}  // namespace
}  // namespace kazprep
