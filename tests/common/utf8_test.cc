#include "common/utf8.h"

#include <gtest/gtest.h>

#include <random>

namespace kazprep::utf8 {
namespace {

struct RepairCase {
  const char* comment;
  std::string input;
  std::string expected;
  size_t replaced;
};

TEST(Utf8Test, RepairReplacesEachMaximalSubpart) {
  const RepairCase cases[] = {
      {"ASCII passes", "abc", "abc", 0},
      {"Kazakh passes", "Қазақ ә", "Қазақ ә", 0},
      {"lone continuation byte", "a\x80z", "a\xEF\xBF\xBDz", 1},
      {"overlong slash", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},
      {"surrogate half", "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
      {"truncated 3-byte sequence at end", "x\xE2\x82", "x\xEF\xBF\xBD", 1},
      {"truncated sequence then ASCII", "\xE2\x82z", "\xEF\xBF\xBDz", 1},
      {"above U+10FFFF", "\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},
      {"emoji passes", "\xF0\x9F\x87\xB0", "\xF0\x9F\x87\xB0", 0},
  };
  for (const auto& c : cases) {
    std::string out;
    const size_t replaced = Repair(c.input, &out);
    EXPECT_EQ(replaced, c.replaced) << c.comment;
    EXPECT_EQ(out, c.expected) << c.comment;
    EXPECT_TRUE(IsValid(out)) << c.comment;
  }
}

TEST(Utf8Test, NextDecodesCodePoints) {
  const std::string s = "aҚ€😀";
  size_t pos = 0;
  bool invalid = false;
  EXPECT_EQ(Next(s, &pos, &invalid), U'a');
  EXPECT_EQ(Next(s, &pos, &invalid), U'Қ');
  EXPECT_EQ(Next(s, &pos, &invalid), U'€');
  EXPECT_EQ(Next(s, &pos, &invalid), U'😀');
  EXPECT_EQ(pos, s.size());
  EXPECT_FALSE(invalid);
}

TEST(Utf8Test, AppendRoundTripsEveryScalarValue) {
  for (char32_t cp = 0; cp <= 0x10FFFF; cp += (cp < 0x800 ? 1 : 97)) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string s;
    Append(cp, &s);
    size_t pos = 0;
    bool invalid = false;
    ASSERT_EQ(Next(s, &pos, &invalid), cp);
    ASSERT_FALSE(invalid);
    ASSERT_EQ(pos, s.size());
  }
}

// A stray continuation byte after a space is text: trimming keeps it.
TEST(Utf8Test, TrimSpaceKeepsBadBytesAfterSpaces) {
  EXPECT_EQ(utf8::TrimSpace("Hello \x80"), "Hello \x80");
  EXPECT_EQ(utf8::TrimSpace(" \xb0 "), "\xb0");
  EXPECT_EQ(utf8::TrimSpace("\u00A0 a\u2003 "), "a");
  EXPECT_EQ(utf8::TrimSpace(" \t "), "");
}

TEST(Utf8Test, IsAsciiLooksAtEveryByte) {
  EXPECT_TRUE(IsAscii(""));
  EXPECT_TRUE(IsAscii("0123456789abcdefghij"));
  EXPECT_FALSE(IsAscii("0123456789abcdefghi\xC3\xA9"));
  EXPECT_FALSE(IsAscii("\xC3\xA9"));
}

}  // namespace
}  // namespace kazprep::utf8

namespace kazprep::utf8 {
namespace {

// Property: IsValid (ASCII 16 bytes at a time, 2-byte sequences inline)
// agrees with decoding code point by code point, on random mixes of ASCII
// runs, Cyrillic, 3- and 4-byte sequences and broken pieces, at every
// length and alignment.
TEST(Utf8Test, PropertyIsValidAgreesWithDecoding) {
  // Valid pieces: ASCII runs, 2-, 3- and 4-byte sequences, the special
  // leads E0 and ED with valid second bytes; and broken ones, one piece in 20.
  const std::vector<std::string> valid = {
      "a",
      "0123456789abcdefghij",
      " ",
      "қ",
      "Ж",
      "\xE2\x80\x93",
      "…",
      "😀",
      "\xED\x9F\xBF",  // the last code point before the surrogates
      "\xE0\xA4\x85",
      "\xC2\xA0",
      "\xEF\xBB\xBF"};
  const std::vector<std::string> broken = {"\xC0\xAF",          // overlong
                                           "\xED\xA0\x80",      // surrogate
                                           "\xE0\x80\x80",      // overlong
                                           "\xF4\x90\x80\x80",  // above U+10FFFF
                                           "\xD0",              // a lead alone
                                           "\x80",              // a continuation alone
                                           "\xE2\x80",          // a sequence cut short
                                           "\xFF"};
  std::mt19937 rng(11);
  int good = 0, bad = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const size_t n = rng() % 40;
    for (size_t k = 0; k < n; ++k) {
      s += rng() % 20 == 0 ? broken[rng() % broken.size()] : valid[rng() % valid.size()];
    }
    size_t i = 0;
    bool invalid = false;
    while (i < s.size() && !invalid) Next(s, &i, &invalid);
    ASSERT_EQ(IsValid(s), !invalid) << ::testing::PrintToString(s);
    ++(invalid ? bad : good);
  }
  EXPECT_GT(good, 2000);  // both answers are tested
  EXPECT_GT(bad, 2000);
}

}  // namespace
}  // namespace kazprep::utf8
