#include "pipeline/job.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "segment/subword.h"
#include "tests/test_util.h"

namespace kazprep {
namespace {

using testing::Lines;
using testing::Slurp;

TEST(JobTest, ExampleJobWritesAlignedDecodableOutputs) {
  testing::TempDir dir;
  const std::string out = dir.File("out");
  JobConfig config;
  ASSERT_TRUE(PrepareExampleJob(out, &config).ok());
  JobReport report;
  const Status status = RunJob(config, &report);
  ASSERT_TRUE(status.ok()) << status.message();

  std::unique_ptr<SubwordEncoder> encoder;
  ASSERT_TRUE(SubwordEncoder::Load(out + "/spm.model", &encoder).ok());
  for (const char* pair : {"kk-ru", "kk-en"}) {
    const std::string p = pair;
    const auto src = Lines(Slurp(out + "/text/train." + p + ".kk"));
    const auto tgt = Lines(Slurp(out + "/text/train." + p + "." + p.substr(3)));
    EXPECT_EQ(src.size(), tgt.size()) << pair;
    EXPECT_GT(src.size(), 40u) << pair;
    EXPECT_EQ(Lines(Slurp(out + "/train." + p + ".kk")).size(), src.size());
    // Every encoded line decodes to the normalized line it came from.
    const auto pieces = Lines(Slurp(out + "/train." + p + "." + p.substr(3)));
    ASSERT_EQ(pieces.size(), tgt.size());
    for (size_t i = 0; i < pieces.size(); ++i) {
      SubwordStats stats;
      std::string back;
      encoder->DecodePieces(pieces[i], &back, &stats);
      EXPECT_EQ(back, tgt[i]);
    }
  }
  // Dev and test: 5 pairs each, aligned, and no sentence of theirs in train.
  for (const char* pair : {"kk-ru", "kk-en"}) {
    const std::string p = pair;
    for (const std::string& lang : {std::string("kk"), p.substr(3)}) {
      std::set<std::string> train;
      for (const auto& l : Lines(Slurp(out + "/text/train." + p + "." + lang))) train.insert(l);
      for (const char* part : {"dev.", "test."}) {
        const auto held = Lines(Slurp(out + "/text/" + part + p + "." + lang));
        EXPECT_EQ(held.size(), 5u) << part << p << "." << lang;
        EXPECT_EQ(Lines(Slurp(out + "/" + part + p + "." + lang)).size(), 5u);
        for (const auto& l : held) EXPECT_EQ(train.count(l), 0u) << l;
      }
    }
  }
  for (const char* f : {"vocab.marian.yml", "dict.txt", "vocab.opennmt.txt", "report.md"}) {
    EXPECT_FALSE(Slurp(out + "/" + f).empty()) << f;
  }
  size_t stages = 0;
  // Kept plus dropped equals input, for every pair stage.
  for (const auto& stage : report.stages) {
    if (stage.stage.rfind("bitext", 0) != 0) continue;
    ++stages;
    uint64_t dropped = 0;
    for (const auto& [reason, n] : stage.dropped) dropped += n;
    EXPECT_EQ(stage.out + dropped, stage.in) << stage.stage;
    EXPECT_GE(dropped, 1u) << stage.stage;  // the examples hold an empty side on purpose
  }
  EXPECT_EQ(stages, 2u);
  const auto rejects = Lines(Slurp(out + "/rejects.kk-en.tsv"));
  EXPECT_GE(rejects.size(), 2u);  // an empty English side and identical sides
  EXPECT_NE(Slurp(out + "/report.json").find("\"stages\""), std::string::npos);
  EXPECT_FALSE(Lines(Slurp(out + "/mono.kk")).empty());
}

// Acceptance 2 of issue 7: runs with 1 and 2 threads give byte-identical
// models and outputs (everything but the timings in report.*).
TEST(JobTest, OutputsDoNotDependOnThreads) {
  testing::TempDir dir;
  std::vector<std::string> names;
  std::map<std::string, std::string> first;
  for (const int threads : {1, 2}) {
    const std::string out = dir.File("out" + std::to_string(threads));
    JobConfig config;
    ASSERT_TRUE(PrepareExampleJob(out, &config).ok());
    config.threads = threads;
    JobReport report;
    ASSERT_TRUE(RunJob(config, &report).ok());
    size_t compared = 0;
    for (const auto& f : report.outputs) {
      if (f.rfind("report.", 0) == 0) continue;
      std::string content = Slurp(out + "/" + f);
      // rejects.*.tsv name the input files, which live in each output folder.
      for (size_t at; (at = content.find(out)) != std::string::npos;)
        content.replace(at, out.size(), "OUT");
      if (threads == 1) {
        first[f] = content;
      } else {
        EXPECT_EQ(content, first[f]) << f;
        ++compared;
      }
    }
    if (threads == 2) {
      EXPECT_GT(compared, 30u);
    }
  }
}

// A re-run after a finished (or interrupted) run skips the stages whose
// stamps match, with the same outputs; a changed input redoes them.
// The steps of scripts/Snakefile (text and encode per shard, merge, train,
// finish) give the files of one run, for several shard counts; a step whose
// inputs are missing says which step to run.
TEST(JobTest, ShardedStepsGiveTheFilesOfOneRun) {
  testing::TempDir dir;
  JobConfig whole;
  ASSERT_TRUE(PrepareExampleJob(dir.File("whole"), &whole).ok());
  // Two copies of each file: duplicates across shards.
  for (auto* inputs : {&whole.pairs}) {
    const auto copy = *inputs;
    inputs->insert(inputs->end(), copy.begin(), copy.end());
  }
  whole.mono.push_back(whole.mono.front());
  whole.spm_sample = 120;
  JobReport whole_report;
  ASSERT_TRUE(RunJob(whole, &whole_report).ok());
  EXPECT_FALSE(std::filesystem::exists(dir.File("whole/shards")));
  for (const int n : {1, 3}) {
    JobConfig config = whole;
    config.output_dir = dir.File("sharded" + std::to_string(n));
    JobReport report;
    const auto step = [&](const std::string& name, int k, int count) {
      JobStep s;
      s.name = name;
      s.shard = {k, count};
      report = JobReport();
      const Status st = RunJob(config, &report, s);
      EXPECT_TRUE(st.ok()) << name << " " << k << "/" << count << ": " << st.message();
    };
    {
      JobStep early;
      early.name = "train";
      const Status st = RunJob(config, &report, early);
      ASSERT_FALSE(st.ok());
      EXPECT_NE(st.message().find("merge step"), std::string::npos) << st.message();
    }
    for (int k = 0; k < n; ++k) step("text", k, n);
    {
      JobStep wrong{"merge", {0, n + 1}};  // not the shards that were made
      const Status st = RunJob(config, &report, wrong);
      ASSERT_FALSE(st.ok());
      EXPECT_NE(st.message().find("--step text --shard 0/" + std::to_string(n + 1)),
                std::string::npos)
          << st.message();
    }
    step("merge", 0, n);
    step("train", 0, 1);
    {
      JobStep early{"finish", {0, n}};  // before any encode step: which step to run
      const Status st = RunJob(config, &report, early);
      ASSERT_FALSE(st.ok());
      EXPECT_NE(st.message().find("--step encode --shard 0/" + std::to_string(n)),
                std::string::npos)
          << st.message();
    }
    for (int k = n - 1; k >= 0; --k) step("encode", k, n);  // any order
    step("finish", 0, n);
    size_t compared = 0;
    for (const auto& f : whole_report.outputs) {
      if (f.rfind("report.", 0) == 0) continue;
      EXPECT_EQ(Slurp(config.output_dir + "/" + f), Slurp(whole.output_dir + "/" + f))
          << f << " with " << n << " shards";
      ++compared;
    }
    EXPECT_GT(compared, 30u);
    // The counts of the report are those of one run.
    ASSERT_EQ(report.stages.size(), whole_report.stages.size());
    for (size_t i = 0; i < report.stages.size(); ++i) {
      const auto& a = whole_report.stages[i];
      const auto& b = report.stages[i];
      EXPECT_EQ(a.stage, b.stage);
      EXPECT_EQ(a.in, b.in) << a.stage;
      EXPECT_EQ(a.out, b.out) << a.stage;
      EXPECT_EQ(a.dropped, b.dropped) << a.stage;
    }
  }
}

// Found in review: a tab in an input's name broke the stamps (stage names
// hold the path), and a whole run then stopped after its own text stage.
TEST(JobTest, InputNamesWithTabsAndNewlines) {
  testing::TempDir dir;
  JobConfig config;
  ASSERT_TRUE(PrepareExampleJob(dir.File("out"), &config).ok());
  const std::string odd = dir.File("news\tof\nthe day.kk");
  std::filesystem::copy_file(config.mono.front().path, odd);
  config.mono.front().path = odd;
  JobReport report;
  Status st = RunJob(config, &report);
  ASSERT_TRUE(st.ok()) << st.message();
  JobReport again;
  st = RunJob(config, &again);
  ASSERT_TRUE(st.ok()) << st.message();
  size_t resumed = 0;
  for (const auto& stage : again.stages) {
    if (stage.stage.find("(done before)") != std::string::npos) ++resumed;
    if (stage.stage.find("clean kk") == 0) {
      EXPECT_NE(stage.stage.find(odd), std::string::npos);
    }
  }
  EXPECT_GT(resumed, 5u);
}

TEST(JobTest, ReRunSkipsFinishedStages) {
  testing::TempDir dir;
  const std::string out = dir.File("out");
  std::map<std::string, std::string> first;
  for (int run = 0; run < 3; ++run) {
    JobConfig config;
    ASSERT_TRUE(PrepareExampleJob(out, &config).ok());
    if (run == 2) {
      std::string tsv = Slurp(config.pairs[0].path);
      testing::Spit(config.pairs[0].path,
                    tsv + "Жаңа сөйлем қосылды.\tНовое предложение добавлено.\n");
    }
    JobReport report;
    ASSERT_TRUE(RunJob(config, &report).ok());
    size_t done_before = 0;
    for (const auto& st : report.stages) {
      done_before += st.stage.find("(done before)") != std::string::npos;
    }
    if (run == 0) {
      EXPECT_EQ(done_before, 0u);
      for (const auto& f : report.outputs) first[f] = Slurp(out + "/" + f);
    } else if (run == 1) {
      EXPECT_EQ(done_before, report.stages.size());
      for (const auto& f : report.outputs) {
        if (f.rfind("report.", 0) != 0) {
          EXPECT_EQ(Slurp(out + "/" + f), first[f]) << f;
        }
      }
      EXPECT_EQ(report.outputs.size(), first.size());
    } else {
      EXPECT_EQ(done_before, 0u);  // a new input: everything again
    }
  }
}

// joint-model = false: one model per language; each file is encoded with
// the model of its language and decodes back with it.
TEST(JobTest, OneModelPerLanguage) {
  testing::TempDir dir;
  const std::string out = dir.File("out");
  JobConfig config;
  ASSERT_TRUE(PrepareExampleJob(out, &config).ok());
  config.joint_model = false;
  JobReport report;
  const Status status = RunJob(config, &report);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_FALSE(std::filesystem::exists(out + "/spm.model"));
  for (const std::string lang : {"kk", "ru", "en"}) {  // NOLINT(performance-for-range-copy)
    std::unique_ptr<SubwordEncoder> encoder;
    ASSERT_TRUE(SubwordEncoder::Load(out + "/spm." + lang + ".model", &encoder).ok()) << lang;
    EXPECT_FALSE(Slurp(out + "/dict." + lang + ".txt").empty());
    const std::string pair = lang == "ru" ? "kk-ru" : "kk-en";
    const auto text = Lines(Slurp(out + "/text/train." + pair + "." + lang));
    const auto pieces = Lines(Slurp(out + "/train." + pair + "." + lang));
    ASSERT_EQ(text.size(), pieces.size());
    for (size_t i = 0; i < text.size(); ++i) {
      SubwordStats stats;
      std::string back;
      encoder->DecodePieces(pieces[i], &back, &stats);
      EXPECT_EQ(back, text[i]) << lang;
    }
  }
}

// Found in review: a held-out sentence must not reach training inside a
// two-sentence line of another language pair; an output changed after a run
// makes its stage run again; duplicates and held-out drops are in the rejects.
TEST(JobTest, HeldOutSentencesStayOutAndResumingChecksOutputs) {
  testing::TempDir dir;
  const std::string held = "Бұл сөйлем тек тестке арналған және ұзын.";
  testing::Spit(dir.File("a.kk"), held + "\nЕкінші бөлек сөйлем мұнда тұр.\n");
  testing::Spit(
      dir.File("a.ru"),
      "Это предложение только для теста и длинное.\nВторое отдельное предложение стоит здесь.\n");
  std::string kk, en;
  for (int i = 0; i < 30; ++i) {
    kk += "Мектеп " + std::to_string(i) + " оқушыны қабылдады.\n";
    en += "The school admitted " + std::to_string(i) + " pupils.\n";
  }
  kk += held + " Келесі сөйлем осында жазылған.\n";
  // One English sentence: the pair is not re-split, the Kazakh side keeps two.
  en += "This sentence is only meant for the test and long, and the next one is written here.\n";
  kk += "Мектеп 3 оқушыны қабылдады.\n";  // a duplicate
  en += "The school admitted 3 pupils.\n";
  testing::Spit(dir.File("b.kk"), kk);
  testing::Spit(dir.File("b.en"), en);
  testing::Spit(dir.File("job.ini"),
                // Seed 2 leaves the two-sentence kk-en line out of kk-en's own test set.
                "output-dir = out\nseed = 2\nvocab-size = 400\ntest-size = 2\n[pair]\n"
                "kk-ru = a.kk | a.ru\n"
                "kk-en = b.kk | b.en\n");
  JobConfig config;
  ASSERT_TRUE(LoadJobConfig(dir.File("job.ini"), &config).ok());
  JobReport report;
  Status status = RunJob(config, &report);
  ASSERT_TRUE(status.ok()) << status.message();
  const std::string out = dir.File("out");
  for (const auto& line : Lines(Slurp(out + "/text/train.kk-en.kk"))) {
    EXPECT_EQ(line.find(held), std::string::npos) << line;
  }
  const std::string rejects = Slurp(out + "/rejects.kk-en.tsv");
  EXPECT_NE(rejects.find("\tduplicate\t"), std::string::npos) << rejects;
  EXPECT_NE(rejects.find("\tin dev or test\t"), std::string::npos) << rejects;

  // Truncate an output: the stage that wrote it runs again.
  testing::Spit(out + "/train.kk-en.en", "");
  JobReport again;
  ASSERT_TRUE(RunJob(config, &again).ok());
  bool encoded_again = false;
  for (const auto& st : again.stages) {
    encoded_again |=
        st.stage.rfind("spm-encode", 0) == 0 && st.stage.find("(done before)") == std::string::npos;
  }
  EXPECT_TRUE(encoded_again);
  EXPECT_EQ(Lines(Slurp(out + "/train.kk-en.en")).size(),
            Lines(Slurp(out + "/text/train.kk-en.en")).size());

  // Temporary files of an interrupted run are removed.
  testing::Spit(out + "/text/train.kk-en.kk.tmp.12345", "half");
  JobReport third;
  ASSERT_TRUE(RunJob(config, &third).ok());
  EXPECT_FALSE(std::filesystem::exists(out + "/text/train.kk-en.kk.tmp.12345"));

  // An empty side of "a | b" is a config error.
  testing::Spit(dir.File("bad.ini"), "output-dir = out\n[pair]\nkk-ru = a.kk |\n");
  JobConfig bad;
  status = LoadJobConfig(dir.File("bad.ini"), &bad);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("SOURCE_FILE | TARGET_FILE"), std::string::npos);
}

TEST(JobTest, ConfigReadsTwoFilePairsAndHeldOutSizes) {
  testing::TempDir dir;
  testing::Spit(dir.File("a.kk"), "Бір.\nЕкі.\n");
  testing::Spit(dir.File("a.ru"), "Один.\nДва.\n");
  testing::Spit(dir.File("job.ini"),
                "output-dir = result\ndev-size = 7\ntest-size = 9\n[pair]\nkk-ru = a.kk | a.ru\n");
  JobConfig config;
  const Status status = LoadJobConfig(dir.File("job.ini"), &config);
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(config.pairs.size(), 1u);
  EXPECT_EQ(config.pairs[0].path, dir.File("a.kk"));
  EXPECT_EQ(config.pairs[0].tgt_path, dir.File("a.ru"));
  EXPECT_EQ(config.dev_size, 7u);
  EXPECT_EQ(config.test_size, 9u);
}

TEST(JobTest, ConfigPathsAreRelativeToTheConfigFile) {
  testing::TempDir dir;
  testing::Spit(dir.File("news.txt"), "Бір. Екі.\n");
  testing::Spit(dir.File("job.ini"),
                "output-dir = result\nvocab-size = 300\n[mono]\nkk = news.txt\n");
  JobConfig config;
  const Status status = LoadJobConfig(dir.File("job.ini"), &config);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(config.output_dir, dir.File("result"));
  ASSERT_EQ(config.mono.size(), 1u);
  EXPECT_EQ(config.mono[0].path, dir.File("news.txt"));
  EXPECT_EQ(config.vocab_size, 300);
}

TEST(JobTest, ConfigReadsTheUsersLexicons) {
  testing::TempDir dir;
  testing::Spit(dir.File("news.txt"), "Бір. Екі.\n");
  testing::Spit(dir.File("mine.tsv"), "блокчейн\t60\n");
  testing::Spit(dir.File("job.ini"),
                "output-dir = result\nlexicon = mine.tsv\n[mono]\nkk = news.txt\n");
  testing::Spit(dir.File("ru.txt"), "Раз. Два.\n");
  testing::Spit(dir.File("no-kazakh.ini"),
                "output-dir = result\nlexicon = mine.tsv\n[mono]\nru = ru.txt\n");
  testing::Spit(dir.File("missing-lexicon.ini"),
                "output-dir = result\nlexicon = nowhere.tsv\n[mono]\nkk = news.txt\n");
  JobConfig config;
  Status status = LoadJobConfig(dir.File("job.ini"), &config);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(config.lexicons, std::vector<std::string>{dir.File("mine.tsv")});
  // The text step corrects with it (and a changed lexicon redoes the step).
  JobStep text;
  text.name = "text";
  text.shard = {0, 1};
  JobReport report;
  testing::Spit(dir.File("news.txt"), "Біз блокчецнді зерттейміз.\n");
  config.lexicons.clear();
  status = RunJob(config, &report, text);
  ASSERT_TRUE(status.ok()) << status.message();
  const auto shard_file = [&](const std::string& name) {
    std::string all;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.File("result"))) {
      if (entry.is_regular_file() && entry.path().filename() == name) {
        all += testing::Slurp(entry.path().string());
      }
    }
    return all;
  };
  const auto shard_text = [&] { return shard_file("mono.0"); };
  EXPECT_EQ(shard_text(), "Біз блокчецнді зерттейміз.\n");
  const std::string stamp = shard_file("text");  // its first line is the inputs' fingerprint
  testing::Spit(dir.File("mine.tsv"), "блокчейнді\t40\nблокчейн\t60\n");
  config.lexicons = {dir.File("mine.tsv")};
  status = RunJob(config, &report, text);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(shard_text(), "Біз блокчейнді зерттейміз.\n");
  EXPECT_NE(testing::Lines(shard_file("text"))[0], testing::Lines(stamp)[0]);
  config = JobConfig();
  status = LoadJobConfig(dir.File("no-kazakh.ini"), &config);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("no Kazakh input"), std::string::npos) << status.message();
  status = LoadJobConfig(dir.File("missing-lexicon.ini"), &config);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("missing-lexicon.ini: lexicon: " + dir.File("nowhere.tsv")),
            std::string::npos)
      << status.message();
}

TEST(JobTest, ConfigErrorsNameTheFile) {
  testing::TempDir dir;
  testing::Spit(dir.File("unknown.ini"), "output-dir = x\ncolour = blue\n");
  testing::Spit(dir.File("missing.ini"), "output-dir = x\n[pair]\nkk-ru = nowhere.tsv\n");
  // Found by fuzzing: Boost's message for an unknown option holding its
  // %placeholders% never ended; NUL bytes and lines that are no setting are
  // errors with file:line.
  testing::Spit(dir.File("placeholder.ini"), "output-dir = x\nbad%option%name = 1\n");
  testing::Spit(dir.File("nul.ini"), std::string("output-dir = x\n[mo\0no]\n", 20));
  testing::Spit(dir.File("section.ini"), "output-dir = x\n[mono\n");
  testing::Spit(dir.File("no-equals.ini"), "output-dir = x\njust words\n");
  testing::Spit(dir.File("placeholder-value.ini"), "output-dir = x\nvocab-size = %value%\n");
  testing::Spit(dir.File("twice.ini"), "output-dir = x\nseed = 1\nseed = 2\n");
  testing::Spit(dir.File("no-output.ini"), "seed = 1\n");
  // Found by fuzzing: a name too long for the file system threw.
  testing::Spit(dir.File("long-name.ini"),
                "output-dir = x\n[mono]\nkk = " + std::string(300, 'a') + "\n");
  const std::pair<const char*, const char*> cases[] = {
      {"unknown.ini", "unknown option 'colour'"},
      {"placeholder-value.ini", "invalid value for 'vocab-size'"},
      {"twice.ini", "'seed' is given more than once"},
      {"no-output.ini", "'output-dir' is required"},
      {"long-name.ini", "File name too long"},
      {"missing.ini", "nowhere.tsv"},
      {"placeholder.ini", ":2: expected KEY = VALUE"},
      {"nul.ini", ":2: NUL byte"},
      {"section.ini", ":2: expected a section name"},
      {"no-equals.ini", ":2: expected KEY = VALUE"}};
  for (const auto& [name, says] : cases) {
    JobConfig config;
    const Status status = LoadJobConfig(dir.File(name), &config);
    ASSERT_FALSE(status.ok()) << name;
    EXPECT_NE(status.message().find(name), std::string::npos) << status.message();
    EXPECT_NE(status.message().find(says), std::string::npos) << status.message();
  }
}

}  // namespace
}  // namespace kazprep
