// Tests of the kazprep binary: golden input/expected cases, exit codes and
// messages, line contracts, and identical output for any number of threads.
#include <gtest/gtest.h>

#include "tests/test_util.h"

namespace kazprep {
namespace {

using testing::Lines;
using testing::RunKazprep;
using testing::Slurp;
using testing::Spit;
using testing::TempDir;

std::string Trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// tests/golden/<case>/cmd holds the arguments, `input` the standard input and
// `expected` the standard output.
TEST(CliTest, GoldenCases) {
  const std::string golden = std::string(KAZPREP_SOURCE_DIR) + "/tests/golden";
  TempDir dir;
  size_t cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(golden)) {
    if (!entry.is_directory()) continue;
    const std::string d = entry.path().string();
    const auto r = RunKazprep(Trim(Slurp(d + "/cmd")), dir.path(), d + "/input");
    EXPECT_EQ(r.exit_code, 0) << d << ": " << r.err;
    EXPECT_EQ(r.out, Slurp(d + "/expected")) << "golden case " << d;
    ++cases;
  }
  EXPECT_GE(cases, 4u);
}

TEST(CliTest, VersionAndHelp) {
  TempDir dir;
  auto r = RunKazprep("--version", dir.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("kazprep ", 0), 0u);
  r = RunKazprep("--help", dir.path());
  EXPECT_EQ(r.exit_code, 0);
  for (const char* command :
       {"normalize", "split", "spm-train", "spm-encode", "spm-decode", "run"}) {
    EXPECT_NE(r.out.find(command), std::string::npos) << command;
    const auto h = RunKazprep(std::string(command) + " --help", dir.path());
    EXPECT_EQ(h.exit_code, 0) << command;
    EXPECT_NE(h.out.find("Usage: kazprep " + std::string(command)), std::string::npos) << command;
  }
}

TEST(CliTest, UsageErrorsExitTwoWithOneLine) {
  TempDir dir;
  const char* bad[] = {"",
                       "nonsense",
                       "normalize --bogus",
                       "normalize --lang xx",
                       "split --threads -1",
                       "spm-encode",
                       "spm-encode --model m --output-format x",
                       "run --config j.ini --step text",
                       "run --config j.ini --step encode --shard 3/3",
                       "run --config j.ini --step bogus",
                       "run --config j.ini --step merge --shard 0/2",
                       "run --config j.ini --step train --shards 2",
                       "run --step train",
                       "normalize --threads %value%",
                       "split --%option%"};
  for (const char* args : bad) {
    const auto r = RunKazprep(args, dir.path());
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << args << ": " << r.err;
    EXPECT_TRUE(r.out.empty()) << args;
  }
}

TEST(CliTest, DataErrorsExitOneAndNameTheFile) {
  TempDir dir;
  Spit(dir.File("bad.model"), "this is not a model");
  struct {
    std::string args;
    std::string names;
  } cases[] = {
      {"normalize " + dir.File("missing.txt"), "missing.txt"},
      {"split " + dir.File("missing.txt"), "missing.txt"},
      {"spm-encode --model " + dir.File("bad.model"), "bad.model"},
      {"normalize -o " + dir.File("no/such/dir/out.txt"), "no/such/dir/out.txt"},
      {"run --config " + dir.File("none.ini"), "none.ini"},
  };
  for (const auto& c : cases) {
    const auto r = RunKazprep(c.args, dir.path());
    EXPECT_EQ(r.exit_code, 1) << c.args;
    EXPECT_NE(r.err.find(c.names), std::string::npos) << c.args << ": " << r.err;
  }
}

TEST(CliTest, NormalizeKeepsOneLinePerLineOnHostileInput) {
  TempDir dir;
  std::string input =
      "\xEF\xBB\xBF"
      "first\r\n";
  input += std::string("nul\0byte\n", 9);
  input += "bad \xC0\xAF utf8\n\n  \n";
  input += std::string(3 << 20, 'x') + "\n";  // a 3 MB line
  input += "no final newline";
  Spit(dir.File("in"), input);
  const auto r = RunKazprep("normalize --threads 2 " + dir.File("in"), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0], "first");
  EXPECT_EQ(lines[1], "nulbyte");
  EXPECT_EQ(lines[2], "bad \uFFFD\uFFFD utf8");
  EXPECT_EQ(lines[3], "");
  EXPECT_EQ(lines[4], "");
  EXPECT_EQ(lines[5].size(), 3u << 20);
  EXPECT_EQ(lines[6], "no final newline");
}

TEST(CliTest, EmptyInputGivesEmptyOutput) {
  TempDir dir;
  Spit(dir.File("empty"), "");
  for (const char* command : {"normalize", "split"}) {
    const auto r = RunKazprep(std::string(command) + " " + dir.File("empty"), dir.path());
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_TRUE(r.out.empty()) << command;
  }
}

TEST(CliTest, SplitKeepsEmptyLinesAndReadsStdinAndFiles) {
  TempDir dir;
  Spit(dir.File("a"), "Бір. Екі.\n\nҮш!\n");
  const auto r = RunKazprep("split --lang kk - " + dir.File("a"), dir.path(), dir.File("a"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Бір.\nЕкі.\n\nҮш!\nБір.\nЕкі.\n\nҮш!\n");
}

TEST(CliTest, OutputFileIsWrittenAtomicallyAndStatsAsJson) {
  TempDir dir;
  Spit(dir.File("in"), "a\u00ADb\n");
  const auto r = RunKazprep(
      "normalize -o " + dir.File("out") + " --stats " + dir.File("s.json") + " " + dir.File("in"),
      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Slurp(dir.File("out")), "ab\n");
  EXPECT_NE(Slurp(dir.File("s.json")).find("\"invisible\": 1"), std::string::npos);
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << e.path();
  }
}

TEST(CliTest, FixesAuditListsEveryChangedLineWithItsRules) {
  TempDir dir;
  Spit(dir.File("in"), "clean line\nҚaзақ\tмәтін\n\u0430nother\n\"Дала\"\nкейейтуге дейін\n");
  const auto r =
      RunKazprep("normalize --fixes " + dir.File("fixes.tsv") + " " + dir.File("in"), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = Lines(Slurp(dir.File("fixes.tsv")));
  ASSERT_EQ(rows.size(), 5u);  // header and four changed lines
  EXPECT_EQ(rows[0], "file\tline\trules\tbefore\tafter\ttypos");
  EXPECT_EQ(rows[1], dir.File("in") + "\t2\tspace,lookalike\tҚaзақ\\tмәтін\tҚазақ мәтін\t");
  EXPECT_EQ(rows[3], dir.File("in") + "\t4\tquotes\t\"Дала\"\t«Дала»\t");
  // A typo correction names its evidence, cost and score.
  EXPECT_EQ(rows[4].rfind(dir.File("in") + "\t5\ttypo\tкейейтуге дейін\tкеңейтуге дейін\t"
                                           "кейейтуге>кеңейтуге (lexicon, cost 1.00, score ",
                          0),
            0u)
      << rows[4];
  const auto bad = RunKazprep("normalize --quotes fancy", dir.path());
  EXPECT_EQ(bad.exit_code, 2);
}

// split --learn writes reviewable candidates (atomically, the same with 1 or
// 2 threads) that --abbreviations then uses.
TEST(CliTest, SplitLearnsAbbreviationsForReview) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 30000; ++i) {
    text += "Тауарлар, қызметтер т.б. көп. Жыл " + std::to_string(1990 + i % 30) +
            " ж. аяқталды. Сондай-ақ тұрғ. үйлер т.б. Бұл жақсы.\n";
  }
  Spit(dir.File("corpus"), text);
  const auto one = RunKazprep(
      "split --learn " + dir.File("corpus") + " --threads 1 -o " + dir.File("one.txt"), dir.path());
  ASSERT_EQ(one.exit_code, 0) << one.err;
  const auto two = RunKazprep("split --learn " + dir.File("corpus") + " --threads 2", dir.path());
  ASSERT_EQ(two.exit_code, 0) << two.err;
  const std::string learned = Slurp(dir.File("one.txt"));
  EXPECT_EQ(learned, two.out);
  // ж. is in the shipped list; т.б. and тұрғ. are not.
  EXPECT_NE(learned.find("\nт.б\n"), std::string::npos) << learned;
  EXPECT_NE(learned.find("\nтұрғ\n"), std::string::npos) << learned;
  EXPECT_EQ(learned.find("\nж"), std::string::npos) << learned;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << e.path();
  }
  Spit(dir.File("in"), "Ол тұрғ. Үйлер салды. Үйлер т.б. Бітті.\n");
  const auto plain = RunKazprep("split " + dir.File("in"), dir.path());
  const auto taught =
      RunKazprep("split --abbreviations " + dir.File("one.txt") + " " + dir.File("in"), dir.path());
  EXPECT_EQ(plain.out, "Ол тұрғ.\nҮйлер салды.\nҮйлер т.б.\nБітті.\n");
  EXPECT_EQ(taught.out, "Ол тұрғ. Үйлер салды.\nҮйлер т.б. Бітті.\n");
  EXPECT_EQ(RunKazprep("split --learn " + dir.File("missing"), dir.path()).exit_code, 1);
}

// bitext keeps the two sides line-aligned, accounts for every input pair
// in --rejects, writes atomically, and refuses files of different lengths.
TEST(CliTest, BitextKeepsAlignmentAndAccountsForEveryPair) {
  TempDir dir;
  std::string src, tgt;
  for (int i = 0; i < 5000; ++i) {
    const std::string n = std::to_string(i % 2000);
    src += i % 500 == 0 ? "\n" : "Мектеп " + n + " оқушыны қабылдады. Бәрі келді.\n";
    tgt += i % 700 == 0 ? "Школа приняла 9999 учеников.\n"
                        : "Школа приняла " + n + " учеников. Все пришли.\n";
  }
  Spit(dir.File("src"), src);
  Spit(dir.File("tgt"), tgt);
  std::string outputs[2];
  for (const int threads : {1, 2}) {
    const auto r = RunKazprep(
        "bitext --src kk --tgt ru --threads " + std::to_string(threads) + " --src-file " +
            dir.File("src") + " --tgt-file " + dir.File("tgt") + " --src-out " + dir.File("o.kk") +
            " --tgt-out " + dir.File("o.ru") + " --rejects " + dir.File("rejects.tsv"),
        dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto kk = Lines(Slurp(dir.File("o.kk"))), ru = Lines(Slurp(dir.File("o.ru")));
    ASSERT_EQ(kk.size(), ru.size());
    for (size_t i = 0; i < kk.size(); ++i) {
      // Re-split sentence pairs stay together: the number on both sides agrees.
      ASSERT_EQ(kk[i].find("Бәрі") == std::string::npos, ru[i].find("Все") == std::string::npos)
          << i;
    }
    const auto rejects = Lines(Slurp(dir.File("rejects.tsv")));
    size_t duplicates = 0, dropped = 0;
    for (const auto& row : rejects)
      (row.find("\tduplicate\t") != std::string::npos ? duplicates : dropped)++;
    // 5000 input pairs: each kept (as 2 sentence pairs) or dropped.
    EXPECT_EQ((kk.size() + duplicates) / 2 + dropped, 5000u);
    outputs[threads - 1] =
        Slurp(dir.File("o.kk")) + Slurp(dir.File("o.ru")) + Slurp(dir.File("rejects.tsv"));
  }
  EXPECT_EQ(outputs[0], outputs[1]);
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
    EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << e.path();
  }
  Spit(dir.File("short"), "Бір.\n");
  const auto bad = RunKazprep("bitext --src-file " + dir.File("src") + " --tgt-file " +
                                  dir.File("short") + " -o " + dir.File("never"),
                              dir.path());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("not line-aligned"), std::string::npos) << bad.err;
  EXPECT_FALSE(std::filesystem::exists(dir.File("never")));
  EXPECT_EQ(RunKazprep("bitext --src-file " + dir.File("src"), dir.path()).exit_code, 2);
}

// The same input gives byte-identical output with 1 and 2 threads.
TEST(CliTest, ThreadsDoNotChangeOutput) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 60000; ++i) {
    text +=
        "  Жол №" + std::to_string(i) + " ашылды.\u00A0Қ. Тоқаев келді!  Ол 2024 ж. 15 наурызда.\n";
  }
  Spit(dir.File("in"), text);
  for (const char* command : {"normalize", "split"}) {
    const auto one =
        RunKazprep(std::string(command) + " --threads 1 " + dir.File("in"), dir.path());
    const auto two =
        RunKazprep(std::string(command) + " --threads 2 " + dir.File("in"), dir.path());
    ASSERT_EQ(one.exit_code, 0);
    EXPECT_EQ(one.out, two.out) << command;
    EXPECT_FALSE(one.out.empty());
  }
}

TEST(CliTest, SpmTrainEncodeDecodeRoundTrip) {
  TempDir dir;
  const std::string examples = std::string(KAZPREP_SOURCE_DIR) + "/examples/news.kk.raw.txt";
  auto r = RunKazprep("normalize " + examples + " -o " + dir.File("norm.txt"), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunKazprep("spm-train --input " + dir.File("norm.txt") + " --model-prefix " + dir.File("m") +
                     " --vocab-size 400",
                 dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* format : {"piece", "id"}) {
    const std::string f = format;
    r = RunKazprep("spm-encode --model " + dir.File("m.model") + " --output-format " + f + " " +
                       dir.File("norm.txt") + " -o " + dir.File("enc." + f),
                   dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = RunKazprep("spm-decode --model " + dir.File("m.model") + " --input-format " + f + " " +
                       dir.File("enc." + f),
                   dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, Slurp(dir.File("norm.txt"))) << format;
    EXPECT_EQ(Lines(Slurp(dir.File("enc." + f))).size(), Lines(r.out).size());
  }
  // Subword sampling: the same with 1 and 2 threads, decodes back, differs
  // from the best segmentation; --nbest-size 1 is a usage error.
  std::string samples[2];
  for (const int threads : {1, 2}) {
    r = RunKazprep("spm-encode --model " + dir.File("m.model") +
                       " --nbest-size 8 --alpha 0.2 --seed 5 --threads " + std::to_string(threads) +
                       " " + dir.File("norm.txt"),
                   dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    samples[threads - 1] = r.out;
  }
  EXPECT_EQ(samples[0], samples[1]);
  EXPECT_NE(samples[0], Slurp(dir.File("enc.piece")));
  Spit(dir.File("sampled"), samples[0]);
  r = RunKazprep("spm-decode --model " + dir.File("m.model") + " " + dir.File("sampled"),
                 dir.path());
  EXPECT_EQ(r.out, Slurp(dir.File("norm.txt")));
  EXPECT_EQ(RunKazprep("spm-encode --model " + dir.File("m.model") + " --nbest-size 1", dir.path())
                .exit_code,
            2);
}

// --lexicon adds the user's own lexicon to the default one; it needs Kazakh
// typo correction.
TEST(CliTest, NormalizeWithTheUsersLexicon) {
  TempDir dir;
  Spit(dir.File("mine.tsv"), "блокчейнді\t40\nблокчейн\t60\n");
  Spit(dir.File("in.txt"), "Біз блокчецнді зерттейміз.\nБіз блокчейнд зерттейміз.\n");
  auto r = RunKazprep("normalize --lang kk " + dir.File("in.txt"), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "Біз блокчецнді зерттейміз.\nБіз блокчейнд зерттейміз.\n");
  r = RunKazprep("normalize --lang kk --lexicon " + dir.File("mine.tsv") + " " + dir.File("in.txt"),
                 dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // блокчейнд: the user's блокчейнді is its only candidate (sole-candidate).
  EXPECT_EQ(r.out, "Біз блокчейнді зерттейміз.\nБіз блокчейнді зерттейміз.\n");
  EXPECT_EQ(RunKazprep("normalize --lang kk --typos off --lexicon " + dir.File("mine.tsv") + " " +
                           dir.File("in.txt"),
                       dir.path())
                .exit_code,
            2);
  r = RunKazprep("normalize --lang kk --lexicon " + dir.File("none.tsv") + " " + dir.File("in.txt"),
                 dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("none.tsv"), std::string::npos) << r.err;
}

// Issue 4, acceptance 1: clean | normalize turns the seed into the clean text.
TEST(CliTest, CleanThenNormalizeGivesTheSeedCleanText) {
  const std::string examples = testing::SharedExamples();
  if (examples.empty()) GTEST_SKIP() << "../shared/examples is not present";
  TempDir dir;
  auto r = RunKazprep("clean --lang kk --rejects " + dir.File("rejects.tsv") + " " + examples +
                          "/seed-news.kk.raw.txt -o " + dir.File("cleaned"),
                      dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunKazprep("normalize --lang kk --typos off " + dir.File("cleaned"), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, Slurp(examples + "/seed-news.kk.clean.txt"));
  const auto rejects = Lines(Slurp(dir.File("rejects.tsv")));
  const auto raw = Lines(Slurp(examples + "/seed-news.kk.raw.txt"));
  EXPECT_EQ(Lines(Slurp(dir.File("cleaned"))).size() + rejects.size() - 1, raw.size());
}

// Issue 5, acceptance 1: with typo correction, the three typos of the seed
// are fixed and nothing else changes.
TEST(CliTest, CleanThenNormalizeWithTyposGivesTheSeedNormalizedText) {
  const std::string examples = testing::SharedExamples();
  if (examples.empty()) GTEST_SKIP() << "../shared/examples is not present";
  if (!std::filesystem::exists("/usr/share/hunspell/kk_KZ.dic")) {
    GTEST_SKIP() << "hunspell-kk is not installed";
  }
  TempDir dir;
  auto r =
      RunKazprep("clean --lang kk " + examples + "/seed-news.kk.raw.txt -o " + dir.File("cleaned"),
                 dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = RunKazprep("normalize --lang kk --typos safe " + dir.File("cleaned"), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, Slurp(examples + "/seed-news.kk.normalized.txt"));
}

// Kept plus dropped equals input, for plain text and JSON Lines, with the
// repeated-line pass, dedup and boundaries.
TEST(CliTest, CleanAccountsForEveryLine) {
  TempDir dir;
  const char* topics[] = {"Астана",    "Алматы",   "Шымкент", "Ақтөбе",
                          "Қарағанды", "Павлодар", "Атырау",  "Тараз"};
  std::string text;
  for (const char* topic : topics) {
    // A template line in every document that no pattern knows.
    text += "Біздің сайттың тұрақты оқырмандарына алғыс айтамыз\n";
    text += std::string(topic) + " қаласында жаңа саябақ ашылып, тұрғындар оны жылы қабылдады.\n";
    text += "Президент России подписал новый закон о бюджете на следующий год.\n";
    text += "Қаралды: 1 245\n\n";
  }
  // A duplicate of the first article line.
  text += "Астана қаласында жаңа саябақ ашылып, тұрғындар оны жылы қабылдады.\n\n";
  Spit(dir.File("in.txt"), text);
  const size_t input_lines = Lines(text).size();
  for (const std::string options : {"", "--dedup", "--boundaries empty", "--no-repeated"}) {
    const auto r = RunKazprep("clean --threads 2 --rejects " + dir.File("rej.tsv") + " " + options +
                                  " " + dir.File("in.txt"),
                              dir.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto kept = Lines(r.out);
    const auto rejects = Lines(Slurp(dir.File("rej.tsv")));
    // With --boundaries empty each kept document's closing empty line is kept.
    EXPECT_EQ(kept.size() + rejects.size() - 1, input_lines) << options;
    const bool template_kept = r.out.find("тұрақты оқырмандарына") != std::string::npos;
    EXPECT_EQ(template_kept, options == "--no-repeated") << options;
    EXPECT_EQ(r.out.find("Президент России"), std::string::npos) << options;
    EXPECT_EQ(r.out.find("Қаралды"), std::string::npos) << options;
  }
  const auto dedup = RunKazprep("clean --dedup " + dir.File("in.txt"), dir.path());
  EXPECT_EQ(Lines(dedup.out).size(), 8u);
  const auto plain = RunKazprep("clean " + dir.File("in.txt"), dir.path());
  EXPECT_EQ(Lines(plain.out).size(), 9u);
}

TEST(CliTest, CleanReadsJsonLines) {
  TempDir dir;
  Spit(dir.File("in.jsonl"),
       "{\"id\": 1, \"text\": \"Бұл мақаланың бірінші сөйлемі, ол ұзақ әрі мазмұнды.\\nБөлісу:\"}\n"
       "{\"id\": 2, \"text\": \"Екінші мақала Астанада өткен жиын туралы айтады.\"}\n");
  const auto r = RunKazprep("clean --jsonl --boundaries empty --rejects " + dir.File("r.tsv") +
                                " " + dir.File("in.jsonl"),
                            dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Every document with kept lines is followed by one empty line.
  EXPECT_EQ(r.out,
            "Бұл мақаланың бірінші сөйлемі, ол ұзақ әрі мазмұнды.\n\n"
            "Екінші мақала Астанада өткен жиын туралы айтады.\n\n");
  EXPECT_NE(Slurp(dir.File("r.tsv")).find("\t1\t1\tshare\tБөлісу:"), std::string::npos);
  Spit(dir.File("bad.jsonl"), "{\"title\": \"x\"}\n");
  const auto bad = RunKazprep("clean --jsonl " + dir.File("bad.jsonl"), dir.path());
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("bad.jsonl:1: no field \"text\""), std::string::npos) << bad.err;
}

TEST(CliTest, LangidPrintsOneLinePerLine) {
  TempDir dir;
  Spit(dir.File("in"), "Қазақстан Республикасының Президенті жаңа заңға қол қойды.\n\n12:30\n");
  const auto r = RunKazprep("langid " + dir.File("in"), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].substr(0, 3), "kk ");
  EXPECT_EQ(lines[1], "und 0.00");
  EXPECT_EQ(lines[2], "und 0.00");
}

TEST(CliTest, RunWithoutArgumentsRunsTheExample) {
  TempDir dir;
  const auto r = RunKazprep("run --output-dir " + dir.File("job"), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("total time"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir.File("job/spm.model")));
  EXPECT_TRUE(std::filesystem::exists(dir.File("job/train.kk-ru.ru")));
  EXPECT_TRUE(std::filesystem::exists(dir.File("job/report.json")));
  // With no option at all it writes into ./kazprep-example.
  const auto bare = RunKazprep("run", dir.path());
  EXPECT_EQ(bare.exit_code, 0) << bare.err;
}

}  // namespace
}  // namespace kazprep
