#include "preprocess/text_util.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kazprep::text {
namespace {

TEST(TextUtilTest, DecodeEncodeRoundTrip) {
  const std::string s = "aҚ€😀 ә";
  EXPECT_EQ(Encode(Decode(s)), s);
  EXPECT_EQ(Decode(s).size(), 6u);
}

// Marks the tokens that must never change, not their wrapping punctuation.
TEST(TextUtilTest, ProtectedMaskCoversUrlsAddressesHandlesAndTags) {
  struct Case {
    const char* comment;
    std::u32string text;
    std::u32string protected_chars;
  };
  const Case cases[] = {
      {"URL with scheme", U"Сайт: https://kаzinform.kz/a,b.", U"https://kаzinform.kz/a,b"},
      {"www without scheme", U"(www.egov.kz)", U"www.egov.kz"},
      {"e-mail address", U"info@akorda.kz жазыңыз", U"info@akorda.kz"},
      {"handle and tag", U"@Akorda #Қазақстан", U"@Akorda#Қазақстан"},
      {"plain text", U"Қ. Тоқаев, т.б. 3,5", U""},
  };
  for (const auto& c : cases) {
    const auto mask = ProtectedMask(c.text);
    std::u32string got;
    for (size_t i = 0; i < c.text.size(); ++i) {
      if (Locked(mask, i) && c.text[i] != ' ') got.push_back(c.text[i]);
    }
    EXPECT_EQ(Encode(got), Encode(c.protected_chars)) << c.comment;
    EXPECT_EQ(MayHaveProtected(c.text), !c.protected_chars.empty()) << c.comment;
  }
}

TEST(TextUtilTest, ParsesCodePointsAndLanguageLists) {
  char32_t cp = 0;
  EXPECT_TRUE(ParseCodePoint("04D9", &cp).ok());
  EXPECT_EQ(cp, U'ә');
  EXPECT_FALSE(ParseCodePoint("XYZ", &cp).ok());
  EXPECT_FALSE(ParseCodePoint("110000", &cp).ok());
  EXPECT_TRUE(LangListHas("kk,ru", "ru"));
  EXPECT_FALSE(LangListHas("kk,ru", "en"));
}

TEST(TextUtilTest, LetterClassesMatchIcuInAndOutsideTheTable) {
  EXPECT_TRUE(IsLetter(U'ә'));
  EXPECT_TRUE(IsUpper(U'Қ'));
  EXPECT_TRUE(IsLower(U'ң'));
  EXPECT_TRUE(IsLetter(U'漢'));
  EXPECT_FALSE(IsLetter(U'5'));
  EXPECT_FALSE(IsLetter(U'«'));
}

// Unfolding a letter a Russian keyboard has gives back every letter that
// folds to it, and only those.
TEST(TextUtilTest, UnfoldKazakhLetterUndoesFoldKazakhLetter) {
  EXPECT_EQ(UnfoldKazakhLetter(U'у'), U"уұү");
  EXPECT_EQ(UnfoldKazakhLetter(U'и'), U"иі");
  EXPECT_EQ(UnfoldKazakhLetter(U'б'), U"б");
  const std::u32string alphabet = U"аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
  for (const char32_t folded : alphabet) {
    if (FoldKazakhLetter(folded) != folded) continue;  // a Kazakh-only letter is never typed
    std::u32string expected;
    for (const char32_t c : alphabet) {
      if (FoldKazakhLetter(c) == folded) expected.push_back(c);
    }
    std::u32string got = UnfoldKazakhLetter(folded);
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(got, expected) << static_cast<uint32_t>(folded);
  }
}

}  // namespace
}  // namespace kazprep::text
