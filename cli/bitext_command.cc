// kazprep bitext: normalize and filter a parallel corpus, pair by pair.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "cli/command.h"
#include "common/line_io.h"
#include "pipeline/bitext.h"

namespace kazprep::cli {

int RunBitextCommand(const std::vector<std::string>& args) {
  const CommandInfo& info = FindCommand("bitext");
  const auto start = std::chrono::steady_clock::now();
  BitextOptions options;
  BitextInput input;
  std::string output, src_out, tgt_out, rejects_path, typos;
  int threads = 0;
  int64_t max_chars = 1000;
  bool summary = false, no_numbers = false, no_resplit = false, no_dedup = false;
  po::options_description desc("Options");
  desc.add_options()("src", po::value(&options.src)->default_value("kk"),
                     "language of the source side: kk, ru or en")(
      "tgt", po::value(&options.tgt)->default_value("ru"), "language of the target side")(
      "src-file", po::value(&input.src_file),
      "source side, one sentence per line (with --tgt-file)")(
      "tgt-file", po::value(&input.tgt_file), "target side, line-aligned with --src-file")(
      "src-out", po::value(&src_out), "write the source side here (with --tgt-out) instead of TSV")(
      "tgt-out", po::value(&tgt_out), "write the target side here (with --src-out)")(
      "rejects", po::value(&rejects_path),
      "write every dropped pair here: file, line, reason, source, target (TSV)")(
      "max-ratio", po::value(&options.max_ratio)->default_value(2.5, "2.5"),
      "largest (longer + 5) / (shorter + 5) length ratio, in characters")(
      "max-chars", po::value(&max_chars)->default_value(1000), "longest side, in characters")(
      "min-language-letters", po::value(&options.min_language_letters)->default_value(20),
      "fewest letters for a language check of a side")("no-numbers", po::bool_switch(&no_numbers),
                                                       "keep pairs whose numbers differ")(
      "no-resplit", po::bool_switch(&no_resplit), "never split a pair into sentence pairs")(
      "no-dedup", po::bool_switch(&no_dedup), "keep duplicate pairs")(
      "typos", po::value(&typos)->default_value("safe"), "typo correction of Kazakh: safe or off")(
      "rules", po::value(&options.rules_dir), "folder that replaces the embedded models/ files")(
      "lexicon", po::value(&options.lexicons),
      "a lexicon of your own Kazakh corpus (kazprep lexicon build) whose counts are added to the "
      "default lexicon's; may repeat")("summary", po::bool_switch(&summary),
                                       "print a summary on stderr (default: when a terminal)");
  AddOutputOptions(desc, &output, &threads);
  po::variables_map vm;
  if (!ParseArgs(info, args, desc, &vm, &input.tsv)) return kExitOk;
  for (const std::string& lang : {options.src, options.tgt}) {
    if (lang != "kk" && lang != "ru" && lang != "en") {
      throw UsageError("--src and --tgt must be kk, ru or en, not '" + lang + "'");
    }
  }
  if (input.src_file.empty() != input.tgt_file.empty()) {
    throw UsageError("--src-file and --tgt-file go together");
  }
  if (!input.src_file.empty()) {
    if (vm.count("input-file") != 0)
      throw UsageError("give TSV files or --src-file/--tgt-file, not both");
    input.tsv.clear();
  }
  if (src_out.empty() != tgt_out.empty()) throw UsageError("--src-out and --tgt-out go together");
  if (!src_out.empty() && vm.count("output") != 0 && !vm["output"].defaulted()) {
    throw UsageError("give -o or --src-out/--tgt-out, not both");
  }
  if (typos == "off") {
    options.typos = TypoMode::kOff;
  } else if (typos != "safe") {
    throw UsageError("--typos must be off or safe, not '" + typos + "'");
  }
  if (!options.lexicons.empty() &&
      ((options.src != "kk" && options.tgt != "kk") || options.typos == TypoMode::kOff)) {
    throw UsageError("--lexicon is for Kazakh typo correction (a kk side, --typos safe)");
  }
  if (!(options.max_ratio >= 1)) throw UsageError("--max-ratio must be a number, at least 1");
  if (max_chars < 1) throw UsageError("--max-chars must be positive");
  options.max_chars = static_cast<size_t>(max_chars);
  // Two outputs on one path would share a temporary file.
  std::vector<std::string> paths = {src_out, tgt_out, rejects_path};
  if (src_out.empty()) paths[0] = output;
  std::sort(paths.begin(), paths.end());
  for (size_t i = 1; i < paths.size(); ++i) {
    if (!paths[i].empty() && paths[i] != "-" && paths[i] == paths[i - 1]) {
      throw UsageError("two outputs go to " + paths[i]);
    }
  }
  options.check_numbers = !no_numbers;
  options.resplit = !no_resplit;
  threads = ResolveThreads(threads);

  std::unique_ptr<BitextFilter> filter;
  Status status = BitextFilter::Load(options, &filter);
  if (!status.ok()) return DataError(info.name, status.message());
  OutputFile tsv, src_file, tgt_file, rejects;
  const bool two_files = !src_out.empty();
  if (two_files) {
    status = src_file.Open(src_out);
    if (status.ok()) status = tgt_file.Open(tgt_out);
  } else {
    status = tsv.Open(output);
  }
  if (status.ok() && !rejects_path.empty()) status = rejects.Open(rejects_path);
  if (!status.ok()) return DataError(info.name, status.message());
  uint64_t written = 0;
  const BitextKeep keep = [&](const BitextPair& pair, const std::string&, uint64_t) {
    ++written;
    if (two_files) {
      src_file.WriteLine(pair.src);
      tgt_file.WriteLine(pair.tgt);
    } else {
      tsv.Write(pair.src);
      tsv.Write("\t");
      tsv.WriteLine(pair.tgt);
    }
  };
  const BitextReject reject = [&](const std::string& file, uint64_t line, std::string_view reason,
                                  std::string_view src, std::string_view tgt) {
    if (rejects_path.empty()) return;
    WriteRejectRow(&rejects, file, line, reason, src, tgt);
  };
  BitextTotals totals;
  status = RunBitext(*filter, input, threads, !no_dedup, keep, reject, &totals);
  if (!status.ok()) return DataError(info.name, status.message());
  // Committed only when everything was read: no half file looks complete.
  std::vector<OutputFile*> opened;
  if (two_files) {
    opened = {&src_file, &tgt_file};
  } else {
    opened = {&tsv};
  }
  if (!rejects_path.empty()) opened.push_back(&rejects);
  for (OutputFile* f : opened) {
    const Status s = f->Commit();
    if (!s.ok() && status.ok()) status = s;
  }
  if (!status.ok()) return DataError(info.name, status.message());
  if (summary || StderrIsTerminal()) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string dropped;
    for (const auto& [reason, n] : totals.dropped) {
      dropped += (dropped.empty() ? "" : ", ") + std::to_string(n) + " " + reason;
    }
    std::fprintf(
        stderr,
        "kazprep bitext: %llu pairs in, %llu pairs out (%llu split into sentence pairs), "
        "%llu duplicates dropped; dropped: %s; %llu invalid UTF-8 sequences replaced; "
        "%.1f MB in %.2f s\n",
        static_cast<unsigned long long>(totals.stats.pairs_in),
        static_cast<unsigned long long>(written),
        static_cast<unsigned long long>(totals.stats.resplit),
        static_cast<unsigned long long>(totals.duplicates),
        dropped.empty() ? "none" : dropped.c_str(),
        static_cast<unsigned long long>(totals.stats.normalizer.repaired(Rule::kInvalidUtf8)),
        totals.bytes / 1e6, seconds);
  }
  return kExitOk;
}

}  // namespace kazprep::cli
