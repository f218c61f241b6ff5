#include "segment/sentence_splitter.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <map>

#include "common/line_io.h"
#include "common/resources.h"
#include "common/utf8.h"
#include "tests/test_util.h"

namespace kazprep {
namespace {

std::unique_ptr<SentenceSplitter> Make(const std::string& lang) {
  SplitterOptions options;
  options.lang = lang;
  std::unique_ptr<SentenceSplitter> s;
  const Status status = SentenceSplitter::Load(options, &s);
  EXPECT_TRUE(status.ok()) << status.message();
  return s;
}

std::vector<std::string> Split(const SentenceSplitter& s, std::string_view text) {
  std::vector<std::string_view> spans;
  s.Split(text, &spans);
  return std::vector<std::string>(spans.begin(), spans.end());
}

using Sentences = std::vector<std::string>;

struct Case {
  const char* comment;
  const char* lang;
  std::string input;
  Sentences expected;
};

TEST(SentenceSplitterTest, SplitsWhereSentencesEnd) {
  const Case cases[] = {
      {"two plain sentences", "kk", "Күн ашық. Жел жоқ.", {"Күн ашық.", "Жел жоқ."}},
      {"question and exclamation",
       "kk",
       "Келесің бе? Әрине! Жақсы.",
       {"Келесің бе?", "Әрине!", "Жақсы."}},
      {"Kazakh initial", "kk", "Бүгін Қ. Тоқаев сөз сөйледі.", {"Бүгін Қ. Тоқаев сөз сөйледі."}},
      {"double initials",
       "kk",
       "Н.Ә. Назарбаев келді. Жиын басталды.",
       {"Н.Ә. Назарбаев келді.", "Жиын басталды."}},
      {"year abbreviation before a date",
       "kk",
       "Ол 2024 ж. 15 наурызда ашылды.",
       {"Ол 2024 ж. 15 наурызда ашылды."}},
      {"year abbreviation before a capital (Kazakh is verb-final)",
       "kk",
       "Ол 330 ж. Александр заманында салынды.",
       {"Ол 330 ж. Александр заманында салынды."}},
      {"a sentence starter after an abbreviation or initial ends the sentence",
       "kk",
       "Ол 2024 ж. Бұл жаңалық. Ол 2024 ж. 15 наурызда келді. Ал 1939 ж. Қ. Жұмалиев келді. "
       "Витамин А. Бұл пайдалы.",
       {"Ол 2024 ж.", "Бұл жаңалық.", "Ол 2024 ж. 15 наурызда келді.",
        "Ал 1939 ж. Қ. Жұмалиев келді.", "Витамин А.", "Бұл пайдалы."}},
      {"Russian and English starters",
       "ru",
       "Выпуск им. Это было давно. Живу в г. Алматы.",
       {"Выпуск им.", "Это было давно.", "Живу в г. Алматы."}},
      {"English starter after an initialism",
       "en",
       "He lives in the U.S. He works there.",
       {"He lives in the U.S.", "He works there."}},
      {"an after-number abbreviation before an acronym or after a bare date continues",
       "ru",
       "Выделить 37 млрд. долл. США на это. В 1960-х гг. Бжезинский занимал пост. Он родился в "
       "1916 г. Потом уехал.",
       {"Выделить 37 млрд. долл. США на это.", "В 1960-х гг. Бжезинский занимал пост.",
        "Он родился в 1916 г.", "Потом уехал."}},
      {"Latin abbreviations in Kazakh text, and Дж.",
       "kk",
       "Revlon және Dr. PawPaw брендтері. Мерфи Дж. Поул хабарлады. Visa Inc. (V.N.) компаниясы.",
       {"Revlon және Dr. PawPaw брендтері.", "Мерфи Дж. Поул хабарлады.",
        "Visa Inc. (V.N.) компаниясы."}},
      {"Russian-style addresses and a date typed with a space in Kazakh text",
       "kk",
       "Камалжан 25. 05.1977 жылы туған. Павлодар қ., Ак. Сәтбаев көшесі, 49. Талас ауданы (г. "
       "Каратау) 10. Оның саны 12. 2013 жылы өсті.",
       {"Камалжан 25. 05.1977 жылы туған.", "Павлодар қ., Ак. Сәтбаев көшесі, 49.",
        "Талас ауданы (г. Каратау) 10.", "Оның саны 12.", "2013 жылы өсті."}},
      {"after-number abbreviations: a number after №, a dash after the date",
       "ru",
       "КГП «Поликлиника № 5 г. Павлодара» работает. С июня 2002 г. — Посол РК. Адрес: ул. Ак. "
       "Сатпаева, 49.",
       {"КГП «Поликлиника № 5 г. Павлодара» работает.", "С июня 2002 г. — Посол РК.",
        "Адрес: ул. Ак. Сатпаева, 49."}},
      // Found in review:
      {"a lone dot before an after-number abbreviation",
       "ru",
       "Итого . руб. Москва.",
       {"Итого . руб. Москва."}},
      {"an abbreviation glued to the next word",
       "ru",
       "Офис в мкр.Самал, дом 5. Иди к проф.Иванову.",
       {"Офис в мкр.Самал, дом 5.", "Иди к проф.Иванову."}},
      {"units that end sentences",
       "ru",
       "Рост 180 см. Вес 80 кг. Возраст 30 лет.",
       {"Рост 180 см.", "Вес 80 кг.", "Возраст 30 лет."}},
      {"an acronym that starts a sentence",
       "ru",
       "Прибыль составила 5 млрд руб. ЦБ РФ снизил ставку.",
       {"Прибыль составила 5 млрд руб.", "ЦБ РФ снизил ставку."}},
      {"a spaced abbreviation after a bracket",
       "ru",
       "Автор (т. е. Иванов) пришёл.",
       {"Автор (т. е. Иванов) пришёл."}},
      {"8) numbers a list item",
       "ru",
       "Пункт семь. 8) Пункт восемь.",
       {"Пункт семь.", "8) Пункт восемь."}},
      {"formal English keeps lower-case words after unlisted abbreviations",
       "en",
       "We sell apples, pears, etc. and other fruit. Smith et al. found it. The temp. was high.",
       {"We sell apples, pears, etc. and other fruit.", "Smith et al. found it.",
        "The temp. was high."}},
      {"Roman numeral century",
       "ru",
       "Храм построен в XIX в. Он сохранился.",
       {"Храм построен в XIX в.", "Он сохранился."}},
      {"no split before a lower-case word",
       "kk",
       "Кітаптар, дәптерлер т.б. заттар алынды.",
       {"Кітаптар, дәптерлер т.б. заттар алынды."}},
      {"decimal and time",
       "kk",
       "Өсім 3.5 пайыз болды. Сағат 10.30-да.",
       {"Өсім 3.5 пайыз болды.", "Сағат 10.30-да."}},
      {"closing quote belongs to the sentence",
       "kk",
       "Ол «Келемін!» деді. «Жақсы». Бітті.",
       {"Ол «Келемін!» деді.", "«Жақсы».", "Бітті."}},
      {"speech attribution continues",
       "kk",
       "«Келдің бе?» — деді ол. Иә.",
       {"«Келдің бе?» — деді ол.", "Иә."}},
      {"URL is not split",
       "kk",
       "Толығы kazinform.kz сайтында. Оқыңыз.",
       {"Толығы kazinform.kz сайтында.", "Оқыңыз."}},
      {"ellipsis", "ru", "Он ждал… Потом ушёл.", {"Он ждал…", "Потом ушёл."}},
      {"Russian city abbreviation",
       "ru",
       "Встреча прошла в г. Алматы. Все пришли.",
       {"Встреча прошла в г. Алматы.", "Все пришли."}},
      {"English title",
       "en",
       "Mr. Smith arrived. He sat down.",
       {"Mr. Smith arrived.", "He sat down."}},
      {"English ?!", "en", "Really?! Yes.", {"Really?!", "Yes."}},
      {"white space only", "en", " \t ", {}},
      {"no final punctuation", "kk", "Шанхайда орталық ашылды", {"Шанхайда орталық ашылды"}},
      {"abbreviation written with spaces",
       "ru",
       "Ставка 3%, т. е. 360 фунтов. И т. д. Потом.",
       {"Ставка 3%, т. е. 360 фунтов.", "И т. д.", "Потом."}},
      {"a full stop after the bracket ends the sentence",
       "ru",
       "Правил Моймир I (в 830—846 гг.). Людовик пришёл.",
       {"Правил Моймир I (в 830—846 гг.).", "Людовик пришёл."}},
      {"decade before an after-number abbreviation",
       "ru",
       "Записано в 1970-х гг. Рафферти вернулся.",
       {"Записано в 1970-х гг.", "Рафферти вернулся."}},
      {"units between the number and the abbreviation",
       "ru",
       "Цена 5 млн руб. Это много. Доход 5 тыс. руб. в месяц.",
       {"Цена 5 млн руб.", "Это много.", "Доход 5 тыс. руб. в месяц."}},
      {"a list number opens the sentence",
       "kk",
       "1. Кіріспе бөлім. 2. Негізгі бөлім.",
       {"1. Кіріспе бөлім.", "2. Негізгі бөлім."}},
      {"a number that ends a sentence",
       "kk",
       "Оның саны 12. Мұнан кейін келді.",
       {"Оның саны 12.", "Мұнан кейін келді."}},
      {"smileys belong to the sentence before",
       "ru",
       "Кофе! :) Входящим привет. Тролль! ))) Вот я о чём. Песни! 👍👍 Всё.",
       {"Кофе! :)", "Входящим привет.", "Тролль! )))", "Вот я о чём.", "Песни! 👍👍", "Всё."}},
      {"a closing bracket after white space stays",
       "kk",
       "Бұл жақсы! ) Иә.",
       {"Бұл жақсы! )", "Иә."}},
      {"informal English starts sentences in lower case",
       "en",
       "i am out of town. i am in portland. so see e.g. this. em... no... ok?! fine",
       {"i am out of town.", "i am in portland.", "so see e.g. this. em... no... ok?! fine"}},
      {"sentences glued together (Cyrillic only)",
       "kk",
       "Көш жүре түзеледі.Ақсақ қой маңырайды. Жағдайы.XVIII ғасыр. Сайт kazinform.kz.Оқы site.Com",
       {"Көш жүре түзеледі.", "Ақсақ қой маңырайды.", "Жағдайы.", "XVIII ғасыр.",
        "Сайт kazinform.kz.Оқы site.Com"}},
      {"a bracket opening on a lower-case word continues",
       "kk",
       "т (тонна), т. б. (тағы басқа) белгілер. (Суретте) Иә.",
       {"т (тонна), т. б. (тағы басқа) белгілер.", "(Суретте) Иә."}},
      {"Kazakh and Russian do not", "ru", "Он ушёл. потом вернулся.", {"Он ушёл. потом вернулся."}},
  };
  for (const auto& c : cases) {
    const auto s = Make(c.lang);
    EXPECT_EQ(Split(*s, c.input), c.expected) << c.comment;
  }
}

// The shipped lists are in one script each: a Latin `a` hidden in a Kazakh
// entry (as in one public list, `aбб`) would never match Kazakh text.
TEST(SentenceSplitterTest, ShippedListsAreInTheScriptOfTheirLanguage) {
  for (const char* lang : {"kk", "ru", "en"}) {
    for (const std::string& file : {std::string("abbreviations/") + lang + ".txt",
                                    std::string("abbreviations/") + lang + ".starters.txt"}) {
      std::string content, origin;
      ASSERT_TRUE(resources::LoadModelFile(file, "", &content, &origin).ok()) << file;
      int entries = 0;
      const Status status =
          resources::ForEachDataLine(content, origin, [&](std::string_view line) -> Status {
            line = line.substr(0, line.find(' '));  // without the marker
            ++entries;
            for (size_t i = 0; i < line.size();) {
              bool invalid = false;
              const char32_t cp = utf8::Next(line, &i, &invalid);
              if (cp == '.' || cp == '-' || cp == '\'') continue;
              const UScriptCode expected =
                  std::string(lang) == "en" ? USCRIPT_LATIN : USCRIPT_CYRILLIC;
              UErrorCode error = U_ZERO_ERROR;
              if (uscript_getScript(static_cast<UChar32>(cp), &error) != expected) {
                return Status::Error("letter of another script in '" + std::string(line) + "'");
              }
            }
            return Status::Ok();
          });
      EXPECT_TRUE(status.ok()) << status.message();
      EXPECT_GT(entries, 15) << file;
    }
  }
}

TEST(SentenceSplitterTest, SpansPointIntoTheParagraph) {
  const auto s = Make("kk");
  const std::string text = "  Бір. Екі.  ";
  std::vector<std::string_view> spans;
  s->Split(text, &spans);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].data(), text.data() + 2);
  EXPECT_EQ(spans[1].data() + spans[1].size(), text.data() + text.size() - 2);
}

TEST(SentenceSplitterTest, BadAbbreviationFileIsReportedWithFileAndLine) {
  testing::TempDir dir;
  testing::Spit(dir.File("abbr.txt"), "# comment\nпроф\nж. \n");
  SplitterOptions options;
  options.abbreviations_file = dir.File("abbr.txt");
  std::unique_ptr<SentenceSplitter> s;
  const Status status = SentenceSplitter::Load(options, &s);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("abbr.txt:3:"), std::string::npos) << status.message();
}

// `s` without any Unicode white space.
std::string NonSpace(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = i;
    bool invalid = false;
    const char32_t cp = utf8::Next(s, &i, &invalid);
    if (!u_isUWhiteSpace(static_cast<UChar32>(cp))) out.append(s.substr(start, i - start));
  }
  return out;
}

// The Kazakh and Russian cases of pragmatic_segmenter's test suite and
// kaznlp's README (../shared/data/segmentation_tests): all pass but these,
// where we disagree on purpose.
TEST(SentenceSplitterTest, PassesTheSegmentationTestSuites) {
  const std::string data = testing::SharedData();
  KAZPREP_SKIP_WITHOUT_SHARED_DATA(data);
  const std::map<std::string, std::string> disagreements = {
      // "кім? не?": a lower-case word after `?` continues the sentence.
      {"Question mark to end sentence #002", "kk"},
      // "2012 жыл. №590-591);" is split: `жыл.` ends on a full word.
      {"Dates within sentence #007", "kk"},
      // "– спросила мама. – Завтра ведь выходной»": no quote tracking.
      {"correctly segments text #003", "ru"},
      // "Дом, где родился Л.Н.Толстой, 1898 г. В 1854 году ...": after a
      // number, г. before a capital ends the sentence (as in "... в 1916 г.").
      {"correctly segments text #039", "ru"},
  };
  int cases = 0;
  for (const auto& [file, lang] :
       {std::pair<std::string, std::string>{"pragmatic_segmenter.kk_spec.tsv", "kk"},
        {"pragmatic_segmenter.ru_spec.tsv", "ru"},
        {"kaznlp_readme.kk_seg.tsv", "kk"}}) {
    const auto s = Make(lang);
    LineReader reader;
    ASSERT_TRUE(reader.Open(data + "/segmentation_tests/" + file).ok()) << file;
    std::string_view line;
    while (reader.Next(&line)) {
      std::vector<std::string> fields;
      for (const auto field : resources::SplitTabs(line)) fields.emplace_back(field);
      ASSERT_GE(fields.size(), 3u) << file << ":" << reader.line_number();
      Sentences expected;
      for (size_t k = 2; k < fields.size(); ++k) {
        const std::string_view e = utf8::TrimSpace(fields[k]);
        if (!e.empty()) expected.emplace_back(e);
      }
      const bool disagree =
          disagreements.count(fields[0]) > 0 && disagreements.at(fields[0]) == lang;
      ++cases;
      if (disagree) {
        EXPECT_NE(Split(*s, fields[1]), expected)
            << fields[0] << " now passes: drop it from the list";
      } else {
        EXPECT_EQ(Split(*s, fields[1]), expected) << file << ": " << fields[0];
      }
    }
  }
  EXPECT_EQ(cases, 56);
}

// Property: the scan for terminators works 16 bytes at a time; where the
// text sits against that block does not change the sentences. Random
// paragraphs of words, terminators (incl. "…", whose 3 bytes may straddle a
// block) and spaces, shifted by 0..31 leading spaces.
TEST(SentenceSplitterTest, PropertyAlignmentDoesNotMatter) {
  const auto s = Make("kk");
  const std::vector<std::string> pieces = {"Ол", "келді", "Қ.", "т.б.", "2024", "ж.", ".",
                                           "!",  "?",     "…",  "...",  " ",    "«",  "»"};
  uint64_t state = 12345;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const size_t count = 5 + next() % 40;
    for (size_t k = 0; k < count; ++k) {
      text += pieces[next() % pieces.size()];
      if (next() % 2) text += ' ';
    }
    const Sentences expected = Split(*s, text);
    for (size_t shift = 1; shift < 32; ++shift) {
      ASSERT_EQ(Split(*s, std::string(shift, ' ') + text), expected) << text << " shift " << shift;
    }
  }
}

// Property: splitting keeps every character but white space, in order, on
// every line of every file under ../shared/data, in each language.
TEST(SentenceSplitterTest, PropertyKeepsEveryNonSpaceCharacterOnSharedData) {
  const std::string data = testing::SharedData();
  KAZPREP_SKIP_WITHOUT_SHARED_DATA(data);
  for (const char* lang : {"kk", "ru", "en"}) {
    const auto s = Make(lang);
    for (const auto& path : testing::FilesUnder(data)) {
      LineReader reader;
      ASSERT_TRUE(reader.Open(path).ok());
      std::string_view line;
      std::vector<std::string_view> spans;
      while (reader.Next(&line)) {
        s->Split(line, &spans);
        std::string joined;
        for (const auto span : spans) {
          ASSERT_EQ(span, utf8::TrimSpace(span));
          ASSERT_FALSE(span.empty());
          joined += span;
        }
        ASSERT_EQ(NonSpace(joined), NonSpace(utf8::TrimSpace(line)))
            << path << ":" << reader.line_number();
      }
    }
  }
}

}  // namespace
}  // namespace kazprep
