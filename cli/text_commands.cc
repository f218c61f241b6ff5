// kazprep normalize and kazprep split.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "common/batch.h"
#include "common/line_io.h"
#include "preprocess/normalizer.h"
#include "segment/sentence_splitter.h"

namespace kazprep::cli {
namespace {

using Clock = std::chrono::steady_clock;

void CheckLang(const std::string& lang) {
  if (lang != "kk" && lang != "ru" && lang != "en") {
    throw UsageError("--lang must be kk, ru or en, not '" + lang + "'");
  }
}

void PrintSummary(const char* command, const ReadTotals& read, uint64_t lines_out,
                  const std::string& detail, Clock::time_point start) {
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::fprintf(
      stderr, "kazprep %s: %llu lines in, %llu lines out, %.1f MB in %.2f s (%.1f MB/s)%s%s\n",
      command, static_cast<unsigned long long>(read.lines),
      static_cast<unsigned long long>(lines_out), read.bytes / 1e6, seconds,
      seconds > 0 ? read.bytes / 1e6 / seconds : 0.0, detail.empty() ? "" : "; ", detail.c_str());
}

struct SplitStats {
  uint64_t paragraphs = 0;
  uint64_t sentences = 0;
  uint64_t lines_out = 0;
  void Add(const SplitStats& o) {
    paragraphs += o.paragraphs;
    sentences += o.sentences;
    lines_out += o.lines_out;
  }
};

}  // namespace

int RunNormalize(const std::vector<std::string>& args) {
  const CommandInfo& info = Commands()[0];
  NormalizerOptions options;
  std::string output, stats_path;
  int threads = 0;
  bool summary = false;
  po::options_description desc("Options");
  desc.add_options()("lang,l", po::value(&options.lang)->default_value("kk"), "kk, ru or en")(
      "rules", po::value(&options.rules_dir), "folder that replaces the embedded models/ tables")(
      "stats", po::value(&stats_path), "write the repair counts as JSON to this file")(
      "summary", po::bool_switch(&summary), "print a summary on stderr (default: when a terminal)");
  AddOutputOptions(desc, &output, &threads);
  po::variables_map vm;
  std::vector<std::string> inputs;
  if (!ParseArgs(info, args, desc, &vm, &inputs)) return kExitOk;
  CheckLang(options.lang);
  threads = ResolveThreads(threads);

  const auto start = Clock::now();
  std::unique_ptr<Normalizer> normalizer;
  Status status = Normalizer::Load(options, &normalizer);
  if (!status.ok()) return DataError(info.name, status.message());
  NormalizerStats total;
  ReadTotals read;
  const Normalizer& n = *normalizer;
  std::function<void(const LineBatch&, std::string*, NormalizerStats*)> fn =
      [&n](const LineBatch& batch, std::string* text, NormalizerStats* stats) {
        std::string line;
        for (size_t i = 0; i < batch.size(); ++i) {
          n.Normalize(batch.line(i), &line, stats);
          text->append(line);
          text->push_back('\n');
        }
      };
  status = RunOrderedToFile(inputs, threads, output, fn, &total, &read);
  if (status.ok() && !stats_path.empty())
    status = WriteFileAtomically(stats_path, total.ToJson() + "\n");
  if (!status.ok()) return DataError(info.name, status.message());
  if (summary || StderrIsTerminal()) {
    PrintSummary(info.name, read, total.lines,
                 std::to_string(total.lines_changed) + " lines changed, " +
                     std::to_string(total.invalid_utf8) + " invalid UTF-8 sequences replaced",
                 start);
  }
  return kExitOk;
}

int RunSplit(const std::vector<std::string>& args) {
  const CommandInfo& info = Commands()[1];
  SplitterOptions options;
  std::string output;
  int threads = 0;
  bool summary = false;
  po::options_description desc("Options");
  desc.add_options()("lang,l", po::value(&options.lang)->default_value("kk"), "kk, ru or en")(
      "rules", po::value(&options.rules_dir), "folder that replaces the embedded models/ files")(
      "abbreviations", po::value(&options.abbreviations_file),
      "extra abbreviation list (format: models/abbreviations/README.md)")(
      "summary", po::bool_switch(&summary), "print a summary on stderr (default: when a terminal)");
  AddOutputOptions(desc, &output, &threads);
  po::variables_map vm;
  std::vector<std::string> inputs;
  if (!ParseArgs(info, args, desc, &vm, &inputs)) return kExitOk;
  CheckLang(options.lang);
  threads = ResolveThreads(threads);

  const auto start = Clock::now();
  std::unique_ptr<SentenceSplitter> splitter;
  Status status = SentenceSplitter::Load(options, &splitter);
  if (!status.ok()) return DataError(info.name, status.message());
  SplitStats total;
  ReadTotals read;
  const SentenceSplitter& s = *splitter;
  std::function<void(const LineBatch&, std::string*, SplitStats*)> fn =
      [&s](const LineBatch& batch, std::string* text, SplitStats* stats) {
        std::vector<std::string_view> sentences;
        for (size_t i = 0; i < batch.size(); ++i) {
          ++stats->paragraphs;
          s.Split(batch.line(i), &sentences);
          if (sentences.empty()) {
            text->push_back('\n');  // an empty paragraph stays one empty line
            ++stats->lines_out;
            continue;
          }
          for (const auto sentence : sentences) {
            text->append(sentence);
            text->push_back('\n');
          }
          stats->sentences += sentences.size();
          stats->lines_out += sentences.size();
        }
      };
  status = RunOrderedToFile(inputs, threads, output, fn, &total, &read);
  if (!status.ok()) return DataError(info.name, status.message());
  if (summary || StderrIsTerminal()) {
    PrintSummary(info.name, read, total.lines_out, std::to_string(total.sentences) + " sentences",
                 start);
  }
  return kExitOk;
}

}  // namespace kazprep::cli
