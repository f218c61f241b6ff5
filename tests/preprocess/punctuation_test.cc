#include "preprocess/punctuation.h"

#include <gtest/gtest.h>

#include "preprocess/text_util.h"

namespace kazprep {
namespace {

std::string Fix(const std::string& lang, const std::string& input,
                QuoteStyle quotes = QuoteStyle::kStandard) {
  std::unique_ptr<Punctuation> p;
  const Status status = Punctuation::Load(lang, quotes, "", &p);
  EXPECT_TRUE(status.ok()) << status.message();
  NormalizerStats stats;
  std::u32string text = text::Decode(input);
  p->Repair(&text, &stats);
  return text::Encode(text);
}

struct Case {
  const char* comment;
  const char* lang;
  std::string input;
  std::string expected;
};

TEST(PunctuationTest, QuotesDashesEllipsesAndSpacing) {
  const Case cases[] = {
      {"ASCII quotes become guillemets", "kk", "\"Дунё\" АА-ның", "«Дунё» АА-ның"},
      {"nested quotes", "kk", "\"Ол \"Дала\" деді\"", "«Ол „Дала“ деді»"},
      {"NTREX-style “...“", "kk", "“қуыршақтар сияқты“ алаңдайды", "«қуыршақтар сияқты» алаңдайды"},
      {"a quote whose partner is in another line", "ru", "заявил: \"В рамках", "заявил: «В рамках"},
      {"inch marks are left alone", "en", "a 5\" screen", "a 5\" screen"},
      {"English quotes", "en", "\"It will grow,\" he said.", "“It will grow,” he said."},
      {"guillemets in English", "en", "the «Nur Otan» party", "the “Nur Otan” party"},
      {"Kazakh dash", "kk", "бірі - Қытай", "бірі – Қытай"},
      {"Russian dash", "ru", "Москва -- столица", "Москва — столица"},
      {"number ranges keep their hyphen", "kk", "10 - 15 адам", "10 - 15 адам"},
      {"hyphenated words stay", "kk", "сондай-ақ Өзбекстан-Қытай", "сондай-ақ Өзбекстан-Қытай"},
      {"dialogue dash", "kk", "- Иә, - деді ол.", "– Иә, – деді ол."},
      {"ellipsis", "kk", "Ол күтті…", "Ол күтті..."},
      {"no space before punctuation", "kk", "сөз , сөз ! ( мәтін )", "сөз, сөз! (мәтін)"},
      {"no space inside guillemets", "kk", "«Дала »", "«Дала»"},
      {"spaced guillemets are arrows", "ru", "Главная » Новости » , Перейти »»",
       "Главная » Новости » , Перейти »»"},
      {"space after a comma between words", "kk", "сөз,сөз;сөз", "сөз, сөз; сөз"},
      {"numbers are never touched", "kk", "3,5 пайыз, 12:30, 27.11.2026 ж.",
       "3,5 пайыз, 12:30, 27.11.2026 ж."},
      {"abbreviations are never touched", "kk", "т.б. Н.Ә.Назарбаев U.S.",
       "т.б. Н.Ә.Назарбаев U.S."},
      {"glued sentences", "kk", "келді.Ол кетті", "келді. Ол кетті"},
      {"domains are not sentences", "kk", "kazinform.kz сайты", "kazinform.kz сайты"},
      {"URLs keep their commas", "kk", "https://a.kz/x,y сөз", "https://a.kz/x,y сөз"},
      {"repeated commas", "kk", "сөз,, сөз", "сөз, сөз"},
      {"a stray spaced dot", "kk", "келді. . Ол", "келді. Ол"},
      {"an ellipsis after a space stays", "ru", "Он ... ушёл", "Он ... ушёл"},
  };
  for (const auto& c : cases) EXPECT_EQ(Fix(c.lang, c.input), c.expected) << c.comment;
}

TEST(PunctuationTest, QuoteStyles) {
  EXPECT_EQ(Fix("kk", "«Дала» \"Ел\"", QuoteStyle::kAscii), "\"Дала\" \"Ел\"");
  EXPECT_EQ(Fix("kk", "\"Дала\"", QuoteStyle::kKeep), "\"Дала\"");
}

TEST(PunctuationTest, PropertyRepairIsIdempotent) {
  const std::string inputs[] = {"\"a \"b\" c\" ,, d . . e", "« x » - y…", "сөз ,сөз.Ол",
                                "\"\"Клуб?\" деді.\""};
  for (const char* lang : {"kk", "ru", "en"}) {
    for (const auto& input : inputs) {
      const std::string once = Fix(lang, input);
      EXPECT_EQ(Fix(lang, once), once) << lang << ": " << input;
    }
  }
}

}  // namespace
}  // namespace kazprep
