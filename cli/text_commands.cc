// kazprep normalize and kazprep split.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "cli/command.h"
#include "common/batch.h"
#include "common/line_io.h"
#include "common/utf8.h"
#include "preprocess/normalizer.h"
#include "segment/abbreviation_learner.h"
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

// Replaces the file index that starts each audit row with the file's name.
std::string NameFiles(const std::string& rows, const std::vector<std::string>& inputs) {
  std::string out;
  size_t pos = 0;
  while (pos < rows.size()) {
    const size_t tab = rows.find('\t', pos);
    const size_t nl = rows.find('\n', tab);
    out += inputs[std::stoul(rows.substr(pos, tab - pos))];
    out.append(rows, tab, nl + 1 - tab);
    pos = nl + 1;
  }
  return out;
}

struct SplitStats {
  uint64_t paragraphs = 0;
  uint64_t sentences = 0;
  uint64_t lines_out = 0;
  uint64_t invalid = 0;  // invalid UTF-8 sequences replaced with U+FFFD
  void Add(const SplitStats& o) {
    paragraphs += o.paragraphs;
    sentences += o.sentences;
    lines_out += o.lines_out;
    invalid += o.invalid;
  }
};

}  // namespace

int RunNormalize(const std::vector<std::string>& args) {
  const CommandInfo& info = FindCommand("normalize");
  NormalizerOptions options;
  std::string output, stats_path, fixes_path, quotes, typos;
  int threads = 0;
  bool summary = false;
  po::options_description desc("Options");
  desc.add_options()("lang,l", po::value(&options.lang)->default_value("kk"), "kk, ru or en")(
      "quotes", po::value(&quotes)->default_value("standard"),
      "standard (kk, ru: « » and „ “; en: “ ” and ‘ ’), ascii (\") or keep")(
      "typos", po::value(&typos)->default_value("safe"),
      "Kazakh typo correction: safe (precision first) or off; only kk has it")(
      "rules", po::value(&options.rules_dir), "folder that replaces the embedded models/ tables")(
      "lexicon", po::value(&options.lexicons),
      "a lexicon of your own corpus (kazprep lexicon build) whose counts are added to the "
      "default lexicon's; may repeat")("stats", po::value(&stats_path),
                                       "write the repair counts as JSON to this file")(
      "fixes", po::value(&fixes_path),
      "write a TSV audit of every changed line: file, line, rules, before, after, typo "
      "corrections with their evidence, cost and score")(
      "summary", po::bool_switch(&summary), "print a summary on stderr (default: when a terminal)");
  AddOutputOptions(desc, &output, &threads);
  po::variables_map vm;
  std::vector<std::string> inputs;
  if (!ParseArgs(info, args, desc, &vm, &inputs)) return kExitOk;
  CheckLang(options.lang);
  threads = ResolveThreads(threads);
  if (quotes == "standard") {
    options.quotes = QuoteStyle::kStandard;
  } else if (quotes == "ascii") {
    options.quotes = QuoteStyle::kAscii;
  } else if (quotes == "keep") {
    options.quotes = QuoteStyle::kKeep;
  } else {
    throw UsageError("--quotes must be standard, ascii or keep, not '" + quotes + "'");
  }
  if (typos == "off") {
    options.typos = TypoMode::kOff;
  } else if (typos != "safe") {
    throw UsageError("--typos must be off or safe, not '" + typos + "'");
  }
  if (!options.lexicons.empty() && (options.lang != "kk" || options.typos == TypoMode::kOff)) {
    throw UsageError("--lexicon is for Kazakh typo correction (--lang kk, --typos safe)");
  }

  const auto start = Clock::now();
  options.load_threads = threads;
  std::unique_ptr<Normalizer> normalizer;
  Status status = Normalizer::Load(options, &normalizer);
  if (!status.ok()) return DataError(info.name, status.message());
  // The audit travels with the statistics so that it stays in input order.
  struct Stats {
    NormalizerStats counts;
    std::string fixes;
    void Add(const Stats& o) {
      counts.Add(o.counts);
      fixes += o.fixes;
    }
  };
  Stats total;
  ReadTotals read;
  const Normalizer& n = *normalizer;
  const bool audit = !fixes_path.empty();
  std::function<void(const LineBatch&, std::string*, Stats*)> fn =
      [&n, audit](const LineBatch& batch, std::string* text, Stats* stats) {
        std::string line, notes;
        RuleSet fired = 0;
        for (size_t i = 0; i < batch.size(); ++i) {
          const std::string_view input = batch.line(i);
          n.Normalize(input, &line, &stats->counts, &fired, audit ? &notes : nullptr);
          text->append(line);
          text->push_back('\n');
          if (audit && line != input) {
            stats->fixes += std::to_string(batch.file_index) + "\t" +
                            std::to_string(batch.first_line + i) + "\t" + RuleNames(fired) + "\t" +
                            EscapeTsvField(input) + "\t" + EscapeTsvField(line) + "\t" +
                            EscapeTsvField(notes) + "\n";
          }
        }
      };
  status = RunOrderedToFile(inputs, threads, output, fn, &total, &read);
  if (status.ok() && audit) {
    status = WriteFileAtomically(
        fixes_path, "file\tline\trules\tbefore\tafter\ttypos\n" + NameFiles(total.fixes, inputs));
  }
  if (status.ok() && !stats_path.empty())
    status = WriteFileAtomically(stats_path, total.counts.ToJson() + "\n");
  if (!status.ok()) return DataError(info.name, status.message());
  if (summary || StderrIsTerminal()) {
    PrintSummary(info.name, read, total.counts.lines,
                 std::to_string(total.counts.lines_changed) + " lines changed, " +
                     std::to_string(total.counts.repaired(Rule::kInvalidUtf8)) +
                     " invalid UTF-8 sequences replaced",
                 start);
  }
  return kExitOk;
}

// kazprep split --learn: counts the corpus (in parallel, merged in input
// order) and writes the candidates atomically.
int LearnAbbreviations(const CommandInfo& info, const std::vector<std::string>& inputs, int threads,
                       const std::string& output, const LearnerOptions& options,
                       const SentenceSplitter& known, bool summary, Clock::time_point start) {
  struct Counts {
    AbbreviationLearner learner;
    void Add(const Counts& o) { learner.Merge(o.learner); }
  };
  std::function<void(const LineBatch&, std::string*, Counts*)> fn =
      [](const LineBatch& batch, std::string*, Counts* counts) {
        for (size_t i = 0; i < batch.size(); ++i) counts->learner.Add(batch.line(i));
      };
  Counts total;
  ReadTotals read;
  Status status = RunOrdered(inputs, threads, /*output=*/nullptr, fn, &total, &read);
  if (!status.ok()) return DataError(info.name, status.message());
  std::string source;
  for (const auto& input : inputs) {
    if (!source.empty()) source += ' ';
    source += input.substr(input.find_last_of('/') + 1);
  }
  const auto candidates = total.learner.Candidates(options, &known);
  const std::string text = total.learner.Format(candidates, source);
  if (output.empty() || output == "-") {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
      return DataError(info.name, "cannot write to stdout");
  } else {
    status = WriteFileAtomically(output, text);
    if (!status.ok()) return DataError(info.name, status.message());
  }
  if (summary || StderrIsTerminal()) {
    PrintSummary(info.name, read, candidates.size(), "candidate abbreviations", start);
  }
  return kExitOk;
}

int RunSplit(const std::vector<std::string>& args) {
  const CommandInfo& info = FindCommand("split");
  SplitterOptions options;
  LearnerOptions learner_options;
  std::string output, learn;
  int threads = 0;
  bool summary = false;
  po::options_description desc("Options");
  desc.add_options()("lang,l", po::value(&options.lang)->default_value("kk"), "kk, ru or en")(
      "rules", po::value(&options.rules_dir), "folder that replaces the embedded models/ files")(
      "abbreviations", po::value(&options.abbreviations_file),
      "extra abbreviation list (format: models/abbreviations/README.md)")(
      "summary", po::bool_switch(&summary), "print a summary on stderr (default: when a terminal)")(
      "learn", po::value(&learn),
      "learn candidate abbreviations from the paragraphs of CORPUS (and FILEs) and write them "
      "for review to -o (default stdout), instead of splitting")(
      "min-count", po::value(&learner_options.min_count)->default_value(3),
      "--learn: fewest occurrences with a full stop")(
      "min-score", po::value(&learner_options.min_score)->default_value(0.3, "0.3"),
      "--learn: lowest Punkt score (or mostly before lower-case words)");
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
  if (!learn.empty()) {
    // CORPUS, then any FILEs (not the stdin ParseArgs adds when there are none).
    if (vm.count("input-file") == 0) inputs.clear();
    inputs.insert(inputs.begin(), learn);
    return LearnAbbreviations(info, inputs, threads, output, learner_options, *splitter, summary,
                              start);
  }
  SplitStats total;
  ReadTotals read;
  const SentenceSplitter& s = *splitter;
  std::function<void(const LineBatch&, std::string*, SplitStats*)> fn =
      [&s](const LineBatch& batch, std::string* text, SplitStats* stats) {
        std::vector<std::string_view> sentences;
        std::string repaired;
        // Valid UTF-8 as a whole means every line is (a newline is a
        // character of its own): one check per batch in the common case.
        const bool all_valid = utf8::IsValid(batch.text);
        for (size_t i = 0; i < batch.size(); ++i) {
          ++stats->paragraphs;
          std::string_view line = batch.line(i);
          if (!all_valid && !utf8::IsValid(line)) {  // bad bytes become U+FFFD (counted)
            repaired.clear();
            stats->invalid += utf8::Repair(line, &repaired);
            line = repaired;
          }
          s.Split(line, &sentences);
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
    PrintSummary(info.name, read, total.lines_out,
                 std::to_string(total.sentences) + " sentences, " + std::to_string(total.invalid) +
                     " invalid UTF-8 sequences replaced",
                 start);
  }
  return kExitOk;
}

}  // namespace kazprep::cli
