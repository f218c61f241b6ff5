#include "preprocess/lexicon.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include <random>

#include "common/utf8.h"
#include "preprocess/text_util.h"

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
  EXPECT_EQ(tsv, "# test\nүш\t3\n</s>\t2\n<s>\t2\nбір\t2\nекі\t2\n");
  Lexicon lexicon;
  ASSERT_TRUE(lexicon.Parse(tsv, "t.tsv").ok());
  EXPECT_EQ(lexicon.Count("үш"), 3u);
  EXPECT_EQ(lexicon.Count("төрт"), 0u);
  EXPECT_EQ(lexicon.total(), 7u);
  EXPECT_EQ(builder.ToTsv(3, ""), "үш\t3\n");
}

TEST(LexiconTest, NeighboursAreWordsWithOnlySpacesBetweenOrSentenceEdges) {
  const std::string line = "Ол айтты, бірақ Бала  келді. Иә! «Жоқ»";
  std::vector<WordInContext> words;
  WordsInContext(line, &words);
  ASSERT_EQ(words.size(), 7u);
  std::vector<std::string> left, right;
  for (size_t i = 0; i < words.size(); ++i) {
    left.push_back(LeftNeighbour(line, words, i));
    right.push_back(RightNeighbour(line, words, i));
  }
  EXPECT_EQ(left, (std::vector<std::string>{"<s>", "ол", "", "бірақ", "бала", "<s>", "<s>"}));
  EXPECT_EQ(right,
            (std::vector<std::string>{"айтты", "", "бала", "келді", "</s>", "</s>", "</s>"}));
}

// Property: the words ForEachWord and WordsInContext find (one scan that
// classifies Cyrillic and ASCII from their bytes) are the runs of letters and
// combining marks found by decoding every character, on random mixes of
// letters, marks, digits, punctuation and bad bytes.
TEST(LexiconTest, PropertyWordsAreRunsOfLettersAndMarks) {
  // Cyrillic from each lead byte D0..D3 (with U+0482, a sign, and U+0483, a
  // combining mark), Latin, marks, digits, punctuation, bad bytes.
  const std::vector<std::string> pieces = {
      "а",  "Қ", "ѐ", "ҁ", "\xD2\x82", "\xD2\x83", "ӿ", "z", "É",    "\xCC\x81", "1", " ",
      "  ", ",", ".", "!", "-",        "'",        "«", "…", "\xFF", "\xD0",     "ß"};
  std::mt19937 rng(9);
  std::vector<WordInContext> words;
  size_t found = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string line;
    const size_t n = rng() % 30;
    for (size_t k = 0; k < n; ++k) line += pieces[rng() % pieces.size()];
    std::vector<std::pair<size_t, size_t>> expected, each, in_context;
    size_t i = 0, begin = std::string::npos;
    while (i < line.size()) {
      const size_t start = i;
      bool invalid = false;
      const char32_t cp = utf8::Next(line, &i, &invalid);
      const bool in_word =
          text::IsLetter(cp) || (U_GET_GC_MASK(static_cast<UChar32>(cp)) & U_GC_M_MASK) != 0;
      if (in_word && begin == std::string::npos) begin = start;
      if (!in_word && begin != std::string::npos) {
        expected.emplace_back(begin, start);
        begin = std::string::npos;
      }
    }
    if (begin != std::string::npos) expected.emplace_back(begin, line.size());
    ForEachWord(line, [&](std::string_view, size_t b, size_t e) { each.emplace_back(b, e); });
    WordsInContext(line, &words);
    for (const auto& w : words) in_context.emplace_back(w.begin, w.end);
    ASSERT_EQ(each, expected) << line;
    ASSERT_EQ(in_context, expected) << line;
    found += expected.size();
  }
  EXPECT_GT(found, 5000u);
}

TEST(LexiconTest, BuilderCountsBigramsAndParserReadsThem) {
  LexiconBuilder builder;
  builder.AddLine("Ол келді. Ол кетті");
  builder.AddLine("ол келді, сосын кетті");
  EXPECT_EQ(builder.tokens(), 8u);
  const std::string tsv = builder.ToTsv(1, "", 2);
  // Words (with the sentence edges counted), then bigrams seen twice.
  EXPECT_EQ(tsv,
            "</s>\t3\n<s>\t3\nол\t3\nкелді\t2\nкетті\t2\nсосын\t1\n"
            "<s>\tол\t3\nкетті\t</s>\t2\nол\tкелді\t2\n");
  Lexicon lexicon;
  ASSERT_TRUE(lexicon.Parse(tsv, "t.tsv").ok());
  EXPECT_EQ(lexicon.Count("кетті"), 2u);
  EXPECT_EQ(lexicon.total(), 8u);  // the edges are no words of the text
  EXPECT_EQ(lexicon.BigramCount("ол", "келді"), 2u);
  EXPECT_EQ(lexicon.BigramCount("кетті", "</s>"), 2u);
  EXPECT_EQ(lexicon.BigramCount("келді", "ол"), 0u);               // a sentence edge between
  EXPECT_EQ(lexicon.BigramCount("сосын", "кетті"), 0u);            // seen once, below the minimum
  EXPECT_EQ(builder.ToTsv(3, "", 0), "</s>\t3\n<s>\t3\nол\t3\n");  // no bigrams asked for
}

TEST(LexiconTest, AddSumsTheCountsOfTwoLexicons) {
  Lexicon base, mine;
  ASSERT_TRUE(base.Parse("ол\t5\nкелді\t3\nбір\t1\nол\tкелді\t2\n", "base.tsv").ok());
  // блокчейн listed twice in `mine`: its counts add up too.
  ASSERT_TRUE(mine.Parse("блокчейн\t3\nбір\t3\nол\t1\nблокчейн\t1\nол\tкелді\t1\n"
                         "бір\tблокчейн\t2\n",
                         "mine.tsv")
                  .ok());
  base.Add(mine);
  EXPECT_EQ(base.Count("ол"), 6u);
  EXPECT_EQ(base.Count("бір"), 4u);
  EXPECT_EQ(base.Count("блокчейн"), 4u);
  EXPECT_EQ(base.Count("келді"), 3u);
  EXPECT_EQ(base.total(), 17u);
  EXPECT_EQ(base.BigramCount("ол", "келді"), 3u);
  EXPECT_EQ(base.BigramCount("бір", "блокчейн"), 2u);
  // Sorted again by count, then word (the corrector prefers the first of
  // words with the same fold).
  std::vector<std::pair<std::string, uint32_t>> expected = {
      {"ол", 6}, {"блокчейн", 4}, {"бір", 4}, {"келді", 3}};
  EXPECT_EQ(base.words(), expected);
  Lexicon again;
  ASSERT_TRUE(again.Parse("ол\t5\n", "base.tsv").ok());
  again.Add(mine, 2);  // words `mine` has once are left out (блокчейн has 3 + 1)
  EXPECT_EQ(again.Count("ол"), 5u);
  EXPECT_EQ(again.Count("бір"), 3u);
  EXPECT_EQ(again.Count("блокчейн"), 4u);
}

TEST(LexiconTest, ParseErrorsNameFileAndLine) {
  Lexicon lexicon;
  const Status status = lexicon.Parse("# x\nбір\t2\nекі\tмного\n", "lex.tsv");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.message(), "lex.tsv:3: COUNT is not a number");
  EXPECT_EQ(lexicon.Parse("бір\t2\nбір\tекі\t1\nекі\t1\n", "lex.tsv").message(),
            "lex.tsv:3: a word after the bigrams");
  EXPECT_EQ(lexicon.Parse("бір\t\tекі\t1\n", "lex.tsv").message(),
            "lex.tsv:1: expected W1<TAB>W2<TAB>COUNT");
  EXPECT_EQ(lexicon.Parse("бір екі\n", "lex.tsv").message(),
            "lex.tsv:1: expected WORD<TAB>COUNT or W1<TAB>W2<TAB>COUNT");
}

}  // namespace
}  // namespace kazprep
