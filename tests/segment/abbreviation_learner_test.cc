#include "segment/abbreviation_learner.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "common/line_io.h"
#include "segment/sentence_splitter.h"
#include "tests/test_util.h"

namespace kazprep {
namespace {

// A small corpus written for the test: "ж." after years, inside sentences
// and at their end, "млн." before lower-case words, "т.б." before a capital
// and a lower-case word, and words that often end sentences ("келді.").
std::vector<std::string> Corpus() {
  std::vector<std::string> out;
  const char* years[] = {"1991", "2001", "2015", "2020", "2024"};
  for (int i = 0; i < 40; ++i) {
    const std::string year = years[i % 5];
    out.push_back("Ол " + year + " ж. наурызда келді. Бюджет 5 млн. теңге болды.");
    out.push_back("Кітаптар, дәптерлер т.б. заттар алынды. Мектеп " + year + " ж. ашылды.");
    out.push_back("Қонақтар келді. Жиын " + year + " ж. Астанада өтті. Бәрі келді.");
    out.push_back("Ол бүгін келді және кетті.");
  }
  return out;
}

std::map<std::string, LearnedAbbreviation> Learn(const std::vector<std::string>& corpus,
                                                 const SentenceSplitter* known = nullptr) {
  AbbreviationLearner learner;
  for (const auto& p : corpus) learner.Add(p);
  std::map<std::string, LearnedAbbreviation> out;
  for (auto& a : learner.Candidates(LearnerOptions(), known)) out[a.entry] = a;
  return out;
}

TEST(AbbreviationLearnerTest, FindsAbbreviationsAndTheirMarkers) {
  const auto learned = Learn(Corpus());
  ASSERT_TRUE(learned.count("ж"));
  EXPECT_EQ(learned.at("ж").marker, "#AFTER_NUMBER#");
  EXPECT_EQ(learned.at("ж").with_stop, 120u);
  EXPECT_EQ(learned.at("ж").before_lower, 80u);
  EXPECT_EQ(learned.at("ж").before_capital, 40u);
  ASSERT_TRUE(learned.count("млн"));
  EXPECT_EQ(learned.at("млн").marker, "#AFTER_NUMBER#");
  ASSERT_TRUE(learned.count("т.б"));
  EXPECT_EQ(learned.at("т.б").marker, "");
  // Words that end sentences are no abbreviations: "келді" is written
  // without a full stop too, and "ашылды", "өтті" never inside a sentence.
  for (const char* word : {"келді", "ашылды", "өтті", "алынды", "болды"}) {
    EXPECT_EQ(learned.count(word), 0u) << word;
  }
  EXPECT_EQ(learned.size(), 3u);
}

TEST(AbbreviationLearnerTest, LeavesOutWhatTheSplitterKnowsAndInitials) {
  SplitterOptions options;
  std::unique_ptr<SentenceSplitter> kk;
  ASSERT_TRUE(SentenceSplitter::Load(options, &kk).ok());
  std::vector<std::string> corpus = Corpus();
  for (int i = 0; i < 20; ++i) corpus.push_back("Бүгін Қ. Тоқаев пен Н.Ә. Назарбаев сөйледі.");
  const auto learned = Learn(corpus, kk.get());
  EXPECT_EQ(learned.count("ж"), 0u);  // in models/abbreviations/kk.txt
  EXPECT_EQ(learned.count("Қ"), 0u);
  EXPECT_EQ(learned.count("Н.Ә"), 0u);
  EXPECT_EQ(learned.count("т.б"), 1u);  // deliberately not in kk.txt
}

// Found in review: a corpus where every token ends in a full stop gives no
// NaN scores (Punkt's test needs P < 1), and "xy.," counts as "xy.".
TEST(AbbreviationLearnerTest, CountsStopsBeforeCommasAndNeverScoresNaN) {
  AbbreviationLearner all_stops;
  all_stops.Add("абв. абв. абв. 5.");
  EXPECT_TRUE(all_stops.Candidates(LearnerOptions(), nullptr).empty());
  const auto learned = Learn({"xy., xy., xy., xy., xy., word xy. and more text here"});
  ASSERT_TRUE(learned.count("xy"));
  EXPECT_EQ(learned.at("xy").with_stop, 6u);
  EXPECT_FALSE(std::isnan(learned.at("xy").score));
}

// Property: learning the corpus in parts and merging them, in any order,
// gives the same file as learning it whole (so --threads does not matter).
TEST(AbbreviationLearnerTest, PropertyMergedPartsLearnTheSame) {
  const auto corpus = Corpus();
  AbbreviationLearner whole, a, b;
  for (size_t i = 0; i < corpus.size(); ++i) {
    whole.Add(corpus[i]);
    (i % 3 == 0 ? a : b).Add(corpus[i]);
  }
  AbbreviationLearner ab = a, ba = b;
  ab.Merge(b);
  ba.Merge(a);
  const LearnerOptions options;
  const std::string expected = whole.Format(whole.Candidates(options, nullptr), "x");
  EXPECT_EQ(ab.Format(ab.Candidates(options, nullptr), "x"), expected);
  EXPECT_EQ(ba.Format(ba.Candidates(options, nullptr), "x"), expected);
}

// The file it writes is an abbreviation list the splitter loads, and the
// learned entries change how it splits.
TEST(AbbreviationLearnerTest, WritesAFileTheSplitterLoads) {
  AbbreviationLearner learner;
  for (const auto& p : Corpus()) learner.Add(p);
  const std::string path = ::testing::TempDir() + "/learned.txt";
  ASSERT_TRUE(
      WriteFileAtomically(path, learner.Format(learner.Candidates({}, nullptr), "test")).ok());
  SplitterOptions options;
  options.abbreviations_file = path;
  std::unique_ptr<SentenceSplitter> s;
  const Status status = SentenceSplitter::Load(options, &s);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_TRUE(s->IsAbbreviation("т.б"));
  std::vector<std::string_view> spans;
  s->Split("Кітаптар т.б. Дәптерлер алынды.", &spans);
  EXPECT_EQ(spans.size(), 1u);
}

// On real text: from an empty list, Kazakh news gives the common
// abbreviations. Skipped without ../shared/data.
TEST(AbbreviationLearnerTest, LearnsKazakhAbbreviationsFromSharedData) {
  const std::string data = testing::SharedData();
  KAZPREP_SKIP_WITHOUT_SHARED_DATA(data);
  AbbreviationLearner learner;
  for (const auto& path : testing::FilesUnder(data + "/apertium_kaz_rus_corpus")) {
    if (path.find("-kaz") == std::string::npos) continue;
    LineReader reader;
    ASSERT_TRUE(reader.Open(path).ok());
    std::string_view line;
    while (reader.Next(&line)) learner.Add(line);
  }
  std::map<std::string, LearnedAbbreviation> learned;
  for (auto& a : learner.Candidates(LearnerOptions(), nullptr)) learned[a.entry] = a;
  for (const char* entry : {"ж", "жж", "млн"}) EXPECT_EQ(learned.count(entry), 1u) << entry;
  for (const char* word : {"және", "деді", "болды"}) EXPECT_EQ(learned.count(word), 0u) << word;
}

}  // namespace
}  // namespace kazprep
