// kazprep lexicon build.
#include <chrono>
#include <cstdio>

#include "cli/command.h"
#include "common/batch.h"
#include "common/line_io.h"
#include "preprocess/lexicon.h"
#include "preprocess/normalizer.h"

namespace kazprep::cli {

int RunLexicon(const std::vector<std::string>& args) {
  const CommandInfo& info = FindCommand("lexicon");
  if (args.empty() || (args[0] != "build" && args[0] != "--help" && args[0] != "-h")) {
    throw UsageError("expected 'kazprep lexicon build [options] FILE...'");
  }
  const std::vector<std::string> rest(args.begin() + (args[0] == "build" ? 1 : 0), args.end());
  std::string output, lang, rules;
  int threads = 0;
  uint32_t min_count = 1, min_bigram_count = 2;
  po::options_description desc("Options");
  desc.add_options()("lang,l", po::value(&lang)->default_value("kk"),
                     "language of the text (it is normalized first)")(
      "min-count", po::value(&min_count)->default_value(1), "keep words seen at least N times")(
      "min-bigram-count", po::value(&min_bigram_count)->default_value(2),
      "keep word bigrams seen at least N times (0: none; context for typo correction)")(
      "rules", po::value(&rules), "folder that replaces the embedded models/ tables");
  AddOutputOptions(desc, &output, &threads);
  po::variables_map vm;
  std::vector<std::string> inputs;
  if (!ParseArgs(info, rest, desc, &vm, &inputs)) return kExitOk;
  if (lang != "kk" && lang != "ru" && lang != "en") throw UsageError("--lang must be kk, ru or en");
  threads = ResolveThreads(threads);
  const auto start = std::chrono::steady_clock::now();
  NormalizerOptions options;
  options.typos =
      TypoMode::kOff;  // count the forms as written: the lexicon is the corrector's knowledge
  options.lang = lang;
  options.rules_dir = rules;
  std::unique_ptr<Normalizer> normalizer;
  Status status = Normalizer::Load(options, &normalizer);
  if (!status.ok()) return DataError(info.name, status.message());
  struct Counts {
    LexiconBuilder builder;
    void Add(const Counts& o) { builder.Merge(o.builder); }
  };
  const Normalizer& n = *normalizer;
  std::function<void(const LineBatch&, std::string*, Counts*)> fn =
      [&n](const LineBatch& batch, std::string*, Counts* counts) {
        std::string line;
        NormalizerStats stats;
        for (size_t i = 0; i < batch.size(); ++i) {
          n.Normalize(batch.line(i), &line, &stats);
          counts->builder.AddLine(line);
        }
      };
  Counts total;
  ReadTotals read;
  status = RunOrdered(inputs, threads, /*output=*/nullptr, fn, &total, &read);
  if (!status.ok()) return DataError(info.name, status.message());
  // Appended piece by piece: GCC 12 warns (-Wrestrict) on long operator+ chains.
  std::string header = "# kazprep lexicon (kazprep lexicon build --lang ";
  header.append(lang).append(" --min-count ").append(std::to_string(min_count));
  header.append(" --min-bigram-count ").append(std::to_string(min_bigram_count));
  header.append("): WORD<TAB>COUNT, then W1<TAB>W2<TAB>COUNT\n# ")
      .append(std::to_string(total.builder.tokens()));
  header.append(" words in ").append(std::to_string(read.lines)).append(" lines of:");
  for (const auto& input : inputs)
    header.append(" ").append(input.substr(input.find_last_of('/') + 1));
  header += "\n";
  status = WriteFileAtomically(output, total.builder.ToTsv(min_count, header, min_bigram_count));
  if (!status.ok()) return DataError(info.name, status.message());
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "kazprep lexicon: %llu words, %zu forms, %zu bigrams, %.1f MB in %.2f s\n",
               static_cast<unsigned long long>(total.builder.tokens()), total.builder.types(),
               total.builder.bigram_types(), read.bytes / 1e6, seconds);
  return kExitOk;
}

}  // namespace kazprep::cli
