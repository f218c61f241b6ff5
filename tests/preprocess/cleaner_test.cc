#include "preprocess/cleaner.h"

#include <gtest/gtest.h>

#include "common/utf8.h"

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
