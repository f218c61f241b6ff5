#include "preprocess/lexicon.h"

#include <gtest/gtest.h>

namespace kazprep {
namespace {

TEST(LexiconTest, WordsAreRunsOfLetters) {
  std::vector<std::string> words;
  ForEachWord("Қазақстан, 2024 ж. — «iPhone»-ды сатып-алды",
              [&](std::string_view w, size_t, size_t) { words.emplace_back(w); });
  EXPECT_EQ(words, (std::vector<std::string>{"Қазақстан", "ж", "iPhone", "ды", "сатып", "алды"}));
  EXPECT_EQ(LowerWord("ҚАЗАҚСТАН"), "қазақстан");
}

TEST(LexiconTest, BuilderWritesSortedCountsAndParserReadsThem) {
  LexiconBuilder builder;
  builder.AddLine("Бір екі екі үш үш үш");
  builder.AddLine("БІР");
  EXPECT_EQ(builder.tokens(), 7u);
  const std::string tsv = builder.ToTsv(1, "# test\n");
  EXPECT_EQ(tsv, "# test\nүш\t3\nбір\t2\nекі\t2\n");
  Lexicon lexicon;
  ASSERT_TRUE(lexicon.Parse(tsv, "t.tsv").ok());
  EXPECT_EQ(lexicon.Count("үш"), 3u);
  EXPECT_EQ(lexicon.Count("төрт"), 0u);
  EXPECT_EQ(lexicon.total(), 7u);
  EXPECT_EQ(builder.ToTsv(3, ""), "үш\t3\n");
}

TEST(LexiconTest, ParseErrorsNameFileAndLine) {
  Lexicon lexicon;
  const Status status = lexicon.Parse("# x\nбір\t2\nекі\tмного\n", "lex.tsv");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "lex.tsv:3: COUNT is not a number");
}

}  // namespace
}  // namespace kazprep
