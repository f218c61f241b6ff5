#include "pipeline/bitext.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/line_io.h"
#include "tests/test_util.h"

namespace kazprep {
namespace {

std::unique_ptr<BitextFilter> Make(const std::string& src, const std::string& tgt) {
  BitextOptions options;
  options.src = src;
  options.tgt = tgt;
  options.typos = TypoMode::kOff;
  std::unique_ptr<BitextFilter> f;
  const Status status = BitextFilter::Load(options, &f);
  EXPECT_TRUE(status.ok()) << status.message();
  return f;
}

TEST(BitextTest, NumbersJoinThousandsGroups) {
  using V = std::vector<std::string>;
  EXPECT_EQ(NumbersOf("1 000 теңге, 1,000 dollars, 1000 руб."), (V{"1", "1", "1"}));
  EXPECT_EQ(NumbersOf("3,5 % және 3.5%"), (V{"3", "5", "3", "5"}));
  EXPECT_EQ(NumbersOf("2 500,75 и 2,500.75"), (V{"25", "75", "25", "75"}));
  EXPECT_EQ(NumbersOf("12 345 678\u00A0000"), (V{"12345678"}));
  EXPECT_EQ(NumbersOf("10:30, 2024-ші, 5 мен 12, 0"), (V{"1", "3", "2024", "5", "12", "0"}));
  EXPECT_EQ(NumbersOf("75 мыңнан астам"), NumbersOf("more than 75,000"));
  EXPECT_TRUE(NumbersOf("сандар жоқ").empty());
}

TEST(BitextTest, DropsPairsWithTheirReasons) {
  const auto f = Make("kk", "ru");
  struct Case {
    const char* src;
    const char* tgt;
    const char* reason;
  };
  const std::string long_kk(1200, 'a');
  const Case cases[] = {
      {"", "Текст", "empty source"},
      {" \u200B ", "Текст", "empty source"},
      {"Мәтін", "", "empty target"},
      {"Kazakhstan", "Kazakhstan", "identical sides"},
      {"Біз 2024 жылы келдік.", "Мы приехали в 2023 году.", "numbers differ"},
      {"Иә.", "Да, это очень длинное предложение, которое никак не может быть переводом.",
       "length ratio"},
      {"This sentence is written in English, not in Kazakh at all.", "Это предложение.",
       "source language:en"},
      {"Бұл сөйлем қазақ тілінде жазылған, орыс тілінде емес.",
       "Бұл сөйлем де қазақ тілінде жазылған, орыс тілінде емес.", "target language:kk"},
  };
  std::vector<BitextPair> out;
  BitextStats stats;
  for (const auto& c : cases) {
    EXPECT_EQ(f->Process(c.src, c.tgt, &out, &stats), c.reason) << c.src;
    EXPECT_TRUE(out.empty());
  }
  EXPECT_EQ(f->Process(long_kk, long_kk + "b", &out, &stats), "overlong");
  // Kept, normalized per language; numbers in other notations agree; a side
  // without numbers is no evidence.
  EXPECT_EQ(f->Process("Біз 2024 жылы 1 000 теңге төледік.", "Мы заплатили 1000 тенге в 2024 году.",
                       &out, &stats),
            "");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(f->Process("Ол \"екі\" кітап алды.", "Он купил 2 книги.", &out, &stats), "");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].src, "Ол «екі» кітап алды.");
}

TEST(BitextTest, SplitsPairsIntoSentencePairsWhenBothSidesAgree) {
  const auto f = Make("kk", "en");
  std::vector<BitextPair> out;
  BitextStats stats;
  EXPECT_EQ(f->Process("Бірінші сөйлем осы. Екінші сөйлем мынау.",
                       "This is the first sentence. Here is the second one.", &out, &stats),
            "");
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].src, "Бірінші сөйлем осы.");
  EXPECT_EQ(out[1].tgt, "Here is the second one.");
  EXPECT_EQ(stats.resplit, 1u);
  // Different sentence counts, or inconsistent lengths: kept whole.
  EXPECT_EQ(f->Process("Бір. Екі сөйлем.", "One and two sentences.", &out, &stats), "");
  EXPECT_EQ(out.size(), 1u);
  EXPECT_EQ(f->Process("Иә. Бұл өте ұзақ екінші сөйлем, оны аудару керек болды.",
                       "Yes, this is a rather long first sentence here. Short.", &out, &stats),
            "");
  EXPECT_EQ(out.size(), 1u);
}

// RunBitext: the same output with 1 and 2 threads, duplicates dropped in
// input order, every input pair accounted for, and two files of different
// lengths an error.
TEST(BitextTest, RunIsOrderedAccountsForEveryPairAndChecksAlignment) {
  const auto f = Make("kk", "ru");
  testing::TempDir dir;
  std::string tsv;
  for (int i = 0; i < 9000; ++i) {
    tsv += "Мектеп " + std::to_string(i % 3000) + " оқушыны қабылдады.\tШкола приняла " +
           std::to_string(i % 3000) + " учеников.\n";
    if (i % 1000 == 0) tsv += "жарамсыз жол\n";
  }
  testing::Spit(dir.File("in.tsv"), tsv);
  std::string outputs[2];
  for (const int threads : {1, 2}) {
    BitextInput input;
    input.tsv = {dir.File("in.tsv")};
    std::string& kept = outputs[threads - 1];
    uint64_t rejected = 0;
    BitextTotals totals;
    const Status status = RunBitext(
        *f, input, threads, /*dedup=*/true,
        [&kept](const BitextPair& p, const std::string&, uint64_t) {
          kept += p.src + "\t" + p.tgt + "\n";
        },
        [&rejected](const std::string&, uint64_t, std::string_view, std::string_view,
                    std::string_view) { ++rejected; },
        &totals);
    ASSERT_TRUE(status.ok()) << status.message();
    EXPECT_EQ(totals.stats.pairs_in, 9009u);
    EXPECT_EQ(totals.duplicates, 6000u);
    EXPECT_EQ(totals.dropped.at("not two tab-separated fields"), 9u);
    EXPECT_EQ(rejected, 6009u);
  }
  EXPECT_EQ(outputs[0], outputs[1]);
  EXPECT_EQ(testing::Lines(outputs[0]).size(), 3000u);

  testing::Spit(dir.File("a"), "Бір.\nЕкі.\nҮш.\n");
  testing::Spit(dir.File("b"), "Один.\nДва.\n");
  BitextInput two;
  two.src_file = dir.File("a");
  two.tgt_file = dir.File("b");
  BitextTotals totals;
  const Status status = RunBitext(
      *f, two, 1, true, [](const BitextPair&, const std::string&, uint64_t) {},
      [](const std::string&, uint64_t, std::string_view, std::string_view, std::string_view) {},
      &totals);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("not line-aligned"), std::string::npos) << status.message();
}

// Shards of two line-aligned files (the source file's byte range, the same
// lines of the target file) put back in order give the whole run, with the
// whole file's line numbers; a target file too short is still an error, in
// the shard where it ends.
TEST(BitextTest, ShardsOfTwoFilesGiveTheWholeRun) {
  const auto f = Make("kk", "ru");
  testing::TempDir dir;
  std::string a, b;
  for (int i = 0; i < 500; ++i) {
    // Source lines of varying length: shard boundaries differ between files.
    a += std::string(static_cast<size_t>(i % 7), ' ') + "Мектеп " + std::to_string(i) +
         " оқушыны қабылдады.\n";
    b += "Школа приняла " + std::to_string(i) + " учеников.\n";
  }
  testing::Spit(dir.File("a"), a);
  testing::Spit(dir.File("b"), b);
  const auto run = [&](const std::string& tgt, const Shard& shard, std::string* out) {
    BitextInput input;
    input.src_file = dir.File("a");
    input.tgt_file = tgt;
    input.shard = shard;
    BitextTotals totals;
    return RunBitext(
        *f, input, 1, /*dedup=*/false,
        [out](const BitextPair& p, const std::string&, uint64_t line) {
          *out += std::to_string(line) + "\t" + p.src + "\t" + p.tgt + "\n";
        },
        [out](const std::string&, uint64_t line, std::string_view reason, std::string_view,
              std::string_view) {
          *out += std::to_string(line) + " " + std::string(reason) + "\n";
        },
        &totals);
  };
  std::string whole;
  ASSERT_TRUE(run(dir.File("b"), {}, &whole).ok());
  EXPECT_EQ(testing::Lines(whole).size(), 500u);
  for (const int n : {2, 3, 9}) {
    std::string joined;
    for (int k = 0; k < n; ++k) {
      const Status st = run(dir.File("b"), {k, n}, &joined);
      ASSERT_TRUE(st.ok()) << k << "/" << n << ": " << st.message();
    }
    EXPECT_EQ(joined, whole) << n << " shards";
  }
  testing::Spit(dir.File("short"), b.substr(0, b.size() / 2));
  std::string ignored;
  EXPECT_TRUE(run(dir.File("short"), {0, 3}, &ignored).ok());
  const Status st = run(dir.File("short"), {2, 3}, &ignored);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("not line-aligned"), std::string::npos) << st.message();
}

// On the parallel sets of ../shared/data: every pair is kept or dropped with
// a reason, and FLORES kk-ru keeps at least 97% of its pairs.
TEST(BitextTest, KeepsNearlyAllOfFloresOnSharedData) {
  const std::string data = testing::SharedData();
  KAZPREP_SKIP_WITHOUT_SHARED_DATA(data);
  const auto f = Make("kk", "ru");
  BitextInput input;
  input.src_file = data + "/flores200_devtest/kaz_Cyrl.devtest";
  input.tgt_file = data + "/flores200_devtest/rus_Cyrl.devtest";
  uint64_t kept = 0, rejected = 0;
  BitextTotals totals;
  ASSERT_TRUE(RunBitext(
                  *f, input, 2, true,
                  [&kept](const BitextPair&, const std::string&, uint64_t) { ++kept; },
                  [&rejected](const std::string&, uint64_t, std::string_view, std::string_view,
                              std::string_view) { ++rejected; },
                  &totals)
                  .ok());
  EXPECT_EQ(totals.stats.pairs_in, 1012u);
  uint64_t dropped = 0;
  for (const auto& [reason, n] : totals.dropped) dropped += n;
  EXPECT_EQ(dropped + totals.duplicates, rejected);
  EXPECT_GE(1012 - dropped, 0.97 * 1012);
  EXPECT_GE(kept, 1012 - dropped);  // re-split pairs add lines
}

}  // namespace
}  // namespace kazprep
