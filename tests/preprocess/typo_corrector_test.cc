#include "preprocess/typo_corrector.h"

#include <gtest/gtest.h>
#include <unistd.h>

namespace kazprep {
namespace {

std::unique_ptr<TypoCorrector> Make(bool with_hunspell) {
  TypoOptions options;
  if (!with_hunspell) options.hunspell.clear();
  std::unique_ptr<TypoCorrector> t;
  const Status status = TypoCorrector::Load(options, &t);
  EXPECT_TRUE(status.ok()) << status.message();
  return t;
}

std::string Fix(const TypoCorrector& t, const std::string& word) {
  std::string out;
  double cost = 0;
  return t.Correct(word, &out, &cost) ? out : word;
}

TEST(TypoCorrectorTest, CorrectsFromTheLexicon) {
  const auto t = Make(false);
  EXPECT_EQ(Fix(*t, "техологиялары"), "технологиялары");  // a letter left out
  EXPECT_EQ(Fix(*t, "кейейтуге"), "кеңейтуге");           // a wrong letter
  EXPECT_EQ(Fix(*t, "казакстан"), "қазақстан");           // typed on a Russian keyboard
}

TEST(TypoCorrectorTest, LeavesKnownShortNamedAndForeignWordsAlone) {
  const auto t = Make(false);
  for (const char* word : {"және", "ниетті", "тел", "Шерматов", "Техологиялары", "iPhone",
                           "экотуризмдері", "архитектурасын", "серіктестермен"}) {
    EXPECT_EQ(Fix(*t, word), word) << word;
  }
}

TEST(TypoCorrectorTest, HunspellPutsBackAMissingLetter) {
  if (::access("/usr/share/hunspell/kk_KZ.dic", R_OK) != 0) {
    GTEST_SKIP() << "hunspell-kk is not installed";
  }
  const auto t = Make(true);
  EXPECT_EQ(Fix(*t, "тұсаукесерері"), "тұсаукесерлері");
}

TEST(TypoCorrectorTest, MissingHunspellDictionaryIsAnError) {
  TypoOptions options;
  options.hunspell = "/nonexistent/kk_KZ";
  std::unique_ptr<TypoCorrector> t;
  const Status status = TypoCorrector::Load(options, &t);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent/kk_KZ"), std::string::npos);
}

}  // namespace
}  // namespace kazprep
