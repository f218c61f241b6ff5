#include "preprocess/script_repair.h"

#include <gtest/gtest.h>

#include "preprocess/text_util.h"

namespace kazprep {
namespace {

std::string Repair(const std::string& lang, const std::string& input,
                   NormalizerStats* stats = nullptr) {
  std::unique_ptr<ScriptRepair> repair;
  const Status status = ScriptRepair::Load(lang, "", &repair);
  EXPECT_TRUE(status.ok()) << status.message();
  NormalizerStats local;
  std::u32string text = text::Decode(input);
  repair->Repair(&text, stats != nullptr ? stats : &local);
  return text::Encode(text);
}

struct Case {
  const char* comment;
  const char* lang;
  std::string input;
  std::string expected;
};

TEST(ScriptRepairTest, RepairsWordsByTheirScript) {
  const Case cases[] = {
      {"Latin a inside a Cyrillic word", "kk", "Қaзақстан", "Қазақстан"},
      {"look-alikes put right, then a context code point (found by fuzzing)", "kk", "xxxсекӃнды",
       "хххсекҚнды"},
      {"Latin i for Kazakh і", "kk", "мемлекеттiк бiлiм", "мемлекеттік білім"},
      {"Latin schwa for ә", "kk", "жəне Ə", "және Ə"},
      {"capital Latin look-alikes", "kk", "KОМИТЕТ", "КОМИТЕТ"},
      {"Cyrillic о inside a Latin word", "en", "Tоyota", "Toyota"},
      {"wholly Latin words stay", "kk", "Shanghai Oriental Credits", "Shanghai Oriental Credits"},
      {"codes stay", "kk", "COVID-19 iPhone", "COVID-19 iPhone"},
      {"Kazakh Latin stays", "kk", "Qazaqstan Respublıkasy", "Qazaqstan Respublıkasy"},
      {"a true mixed token stays", "kk", "Windowsтың", "Windowsтың"},
      {"Azerbaijani ə in a Latin word stays", "kk", "Azərbaycan", "Azərbaycan"},
      {"all look-alikes: follows Cyrillic neighbours", "ru", "мы видим Caxa\u0440 сегодня",
       "мы видим Сахар сегодня"},
      {"all look-alikes: follows Latin neighbours", "en", "we saw \u0421axa\u0440 today",
       "we saw Caxap today"},
      {"ӊ for ң anywhere", "kk", "таӊ Ӊ", "таң Ң"},
      {"Bashkir ka only in a Cyrillic word", "kk", "ҡазаҡ", "қазақ"},
      {"h is not shha in Russian", "ru", "hорошо", "hорошо"},
      {"URLs are never changed", "kk", "www.kаzinform.kz мәтiн", "www.kаzinform.kz мәтін"},
      {"KZ-1048 read as CP1251", "kk", "Ќазаќстан Республикасыныѕ аумаєындаєы жјне",
       "Қазақстан Республикасының аумағындағы және"},
      {"family C layout", "kk", "Ќазаќ тілі їшін ђлттыќ", "Қазақ тілі үшін ұлттық"},
      {"legacy letters need a Kazakh line", "kk", "Она сказала: ќе дојдам",
       "Она сказала: ќе дојдам"},
      {"Ukrainian stays", "kk", "Її ґанок і сад", "Її ґанок і сад"},
      {"legacy repair is only for kk", "ru", "Ќазаќстан тілі", "Ќазаќстан тілі"},
  };
  for (const auto& c : cases) EXPECT_EQ(Repair(c.lang, c.input), c.expected) << c.comment;
}

TEST(ScriptRepairTest, CountsRepairsPerRule) {
  NormalizerStats stats;
  Repair("kk", "Қaзaқстан таӊ", &stats);
  EXPECT_EQ(stats.repaired(Rule::kLookalike), 2u);
  EXPECT_EQ(stats.repaired(Rule::kCodepoint), 1u);
}

TEST(ScriptRepairTest, BadTableIsReportedWithFileAndLine) {
  std::unique_ptr<ScriptRepair> repair;
  const Status status = ScriptRepair::Load("kk", "/nonexistent-rules", &repair);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("/nonexistent-rules/normalize/lookalikes.tsv"),
            std::string::npos);
}

}  // namespace
}  // namespace kazprep
