#include "pipeline/job.h"

#include <gtest/gtest.h>

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
    EXPECT_GT(src.size(), 50u) << pair;
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
  // Kept plus dropped equals input, for every pair stage.
  for (const auto& stage : report.stages) {
    if (stage.stage.rfind("pairs", 0) != 0) continue;
    uint64_t dropped = 0;
    for (const auto& [reason, n] : stage.dropped) dropped += n;
    EXPECT_EQ(stage.out + dropped, stage.in) << stage.stage;
    EXPECT_GE(dropped, 1u) << stage.stage;  // the examples hold an empty side on purpose
  }
  const auto rejects = Lines(Slurp(out + "/rejects.kk-en.tsv"));
  EXPECT_GE(rejects.size(), 2u);  // an empty English side and identical sides
  EXPECT_NE(Slurp(out + "/report.json").find("\"stages\""), std::string::npos);
  EXPECT_FALSE(Lines(Slurp(out + "/mono.kk")).empty());
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

TEST(JobTest, ConfigErrorsNameTheFile) {
  testing::TempDir dir;
  testing::Spit(dir.File("unknown.ini"), "output-dir = x\ncolour = blue\n");
  testing::Spit(dir.File("missing.ini"), "output-dir = x\n[pair]\nkk-ru = nowhere.tsv\n");
  for (const char* name : {"unknown.ini", "missing.ini"}) {
    JobConfig config;
    const Status status = LoadJobConfig(dir.File(name), &config);
    ASSERT_FALSE(status.ok()) << name;
    EXPECT_NE(status.message().find(name), std::string::npos) << status.message();
  }
}

}  // namespace
}  // namespace kazprep
