#include "preprocess/language_id.h"

#include <gtest/gtest.h>

#include "common/line_io.h"
#include "tests/test_util.h"

namespace kazprep {
namespace {

std::unique_ptr<LanguageIdentifier> Make() {
  std::unique_ptr<LanguageIdentifier> id;
  const Status status = LanguageIdentifier::Load("", &id);
  EXPECT_TRUE(status.ok()) << status.message();
  return id;
}

TEST(LanguageIdTest, TellsKazakhFromItsNeighbours) {
  const auto id = Make();
  const struct {
    const char* comment;
    const char* line;
    const char* lang;
  } cases[] = {
      {"Kazakh", "Қазақстан Республикасының Президенті жаңа заңға қол қойды.", "kk"},
      {"Russian", "Президент России подписал новый закон о бюджете.", "ru"},
      {"English", "The president signed a new law on the budget.", "en"},
      {"Kyrgyz", "Кыргыз Республикасынын Президенти жаңы мыйзамга кол койду.", "ky"},
      {"Uzbek", "Ўзбекистон Республикаси Президенти янги қонунни имзолади.", "uz"},
      // CLD2 cannot tell; above all the Kazakh names do not make it Kazakh.
      {"Russian naming Kazakh places", "Встреча прошла в Қарағанды и Өскемене в среду вечером.",
       "und"},
      {"no letters", "12:30 — 15:00 !!!", "und"},
  };
  for (const auto& c : cases) EXPECT_EQ(id->Identify(c.line).lang, c.lang) << c.comment;
}

TEST(LanguageIdTest, ShortLinesAreNotReliable) {
  const auto id = Make();
  EXPECT_FALSE(id->Identify("Иә.").reliable);
  EXPECT_TRUE(id->Identify("Қазақстан Республикасының Президенті жаңа заңға қол қойды.").reliable);
}

// Issue 4, acceptance 3, as a regression test: FLORES devtest kk recall and
// ru/en lines labelled kk.
TEST(LanguageIdTest, FloresKazakhRecallAndFalseKazakh) {
  const std::string data = testing::SharedData();
  KAZPREP_SKIP_WITHOUT_SHARED_DATA(data);
  const auto id = Make();
  auto count = [&](const std::string& file, const char* lang) {
    LineReader reader;
    EXPECT_TRUE(reader.Open(data + "/flores200_devtest/" + file).ok());
    std::string_view line;
    size_t hits = 0, lines = 0;
    while (reader.Next(&line)) {
      ++lines;
      hits += id->Identify(line).lang == lang ? 1 : 0;
    }
    return std::pair<size_t, size_t>(hits, lines);
  };
  const auto [kk, kk_lines] = count("kaz_Cyrl.devtest", "kk");
  EXPECT_GE(kk * 1000, kk_lines * 995) << kk << " of " << kk_lines;
  for (const char* file : {"rus_Cyrl.devtest", "eng_Latn.devtest"}) {
    const auto [false_kk, lines] = count(file, "kk");
    EXPECT_LE(false_kk * 1000, lines * 2) << file << ": " << false_kk << " labelled kk";
  }
}

}  // namespace
}  // namespace kazprep
