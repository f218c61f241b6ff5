#include "segment/sentence_splitter.h"

#include <gtest/gtest.h>
#include <unicode/uchar.h>

#include "common/line_io.h"
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
  };
  for (const auto& c : cases) {
    const auto s = Make(c.lang);
    EXPECT_EQ(Split(*s, c.input), c.expected) << c.comment;
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
