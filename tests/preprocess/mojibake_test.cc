#include "preprocess/mojibake.h"

#include <gtest/gtest.h>

namespace kazprep {
namespace {

// The UTF-8 bytes of `s`, each read as one Latin-1 character (what a CP1252
// reader does, but for 0x80-0x9F, which Latin-1 shows as C1 controls).
std::string AsLatin1(const std::string& s) {
  std::string out;
  for (const unsigned char b : s) {
    if (b < 0x80) {
      out.push_back(static_cast<char>(b));
    } else {
      out.push_back(static_cast<char>(0xC0 | (b >> 6)));
      out.push_back(static_cast<char>(0x80 | (b & 0x3F)));
    }
  }
  return out;
}

TEST(MojibakeTest, RepairsUtf8ReadAsLatin1OrCp1252) {
  std::unique_ptr<Mojibake> m;
  ASSERT_TRUE(Mojibake::Load(&m).ok());
  const std::string original = "Қазақстан Республикасы, 2024 ж.";
  std::string repaired;
  ASSERT_TRUE(m->Repair(AsLatin1(original), &repaired));
  EXPECT_EQ(repaired, original);
}

TEST(MojibakeTest, RepairsUtf8ReadAsCp1251) {
  std::unique_ptr<Mojibake> m;
  ASSERT_TRUE(Mojibake::Load(&m).ok());
  std::string repaired;
  // "Қазақ" as UTF-8 bytes D2 9A D0 B0 D0 B7 D0 B0 D2 9B shown through CP1251.
  ASSERT_TRUE(m->Repair("ТљР°Р·Р°Т›", &repaired));
  EXPECT_EQ(repaired, "Қазақ");
  ASSERT_TRUE(m->Repair("the EarthвЂ™s atmosphere", &repaired));
  EXPECT_EQ(repaired, "the Earth’s atmosphere");
}

TEST(MojibakeTest, LeavesRealTextAlone) {
  std::unique_ptr<Mojibake> m;
  ASSERT_TRUE(Mojibake::Load(&m).ok());
  std::string repaired;
  for (const char* text : {"Москва — столица России.", "Café au lait à Paris",
                           "Республика Татарстан, РСФСР", "Ð is a letter of Icelandic: Ðórr"}) {
    EXPECT_FALSE(m->Repair(text, &repaired)) << text;
  }
}

}  // namespace
}  // namespace kazprep
