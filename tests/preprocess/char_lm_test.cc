#include "preprocess/char_lm.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "preprocess/text_util.h"

namespace kazprep {
namespace {

CharLm Train(const std::vector<const char*>& words) {
  CharLm lm;
  for (const char* w : words) lm.Add(text::Decode(w));
  lm.Train();
  return lm;
}

const std::vector<const char*> kWords = {
    "технологиялар", "технологиялары", "технологиялық", "қазақстан",       "қазақстанның",
    "кеңейту",       "кеңейтуге",      "ынтымақтастық", "ынтымақтастықты", "орталығы",
    "орталықтың",    "бағытталған",    "мемлекет",      "мемлекеттік",     "серіктестер"};

double Lp(const CharLm& lm, const char* w) { return lm.LogProb(text::Decode(w)); }

TEST(CharLmTest, SeenWordsScoreAboveTheirTypos) {
  const CharLm lm = Train(kWords);
  EXPECT_GT(Lp(lm, "технологиялары"), Lp(lm, "техологиялары"));  // a letter left out
  EXPECT_GT(Lp(lm, "кеңейтуге"), Lp(lm, "кейейтуге"));           // a wrong letter
  EXPECT_GT(Lp(lm, "орталығы"), Lp(lm, "орталыығы"));            // a letter typed twice
  // An unseen form made of seen pieces reads like the language.
  EXPECT_GT(Lp(lm, "мемлекеттің"), Lp(lm, "мемлкеттің"));
}

TEST(CharLmTest, UnseenLettersGetAFiniteFloor) {
  const CharLm lm = Train(kWords);
  for (const char* w : {"zebra", "日本", "ә", ""}) {
    const double lp = Lp(lm, w);
    EXPECT_TRUE(std::isfinite(lp)) << w;
    EXPECT_LT(lp, 0.0) << w;
  }
  // An untrained model is uniform, not a crash.
  CharLm empty;
  empty.Train();
  EXPECT_TRUE(std::isfinite(empty.LogProb(text::Decode("сөз"))));
}

// Property: on random strings, log P(word) <= 0 (a probability) and two
// models trained on the same words give the same values (deterministic).
TEST(CharLmTest, PropertyProbabilitiesAndDeterminism) {
  const CharLm a = Train(kWords), b = Train(kWords);
  std::mt19937 rng(7);
  const std::u32string letters = text::Decode("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә");
  for (int trial = 0; trial < 2000; ++trial) {
    std::u32string w;
    const int n = 1 + static_cast<int>(rng() % 15);
    for (int k = 0; k < n; ++k) w.push_back(letters[rng() % letters.size()]);
    const double lp = a.LogProb(w);
    ASSERT_LE(lp, 0.0);
    ASSERT_EQ(lp, b.LogProb(w));
  }
  EXPECT_GT(a.entries(), 100u);
}

}  // namespace
}  // namespace kazprep
