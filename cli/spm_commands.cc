// kazprep spm-train, spm-encode and spm-decode.
#include <iostream>

#include "cli/command.h"
#include "common/batch.h"
#include "common/hash.h"
#include "common/line_io.h"
#include "segment/subword.h"
#include "segment/vocab_export.h"

namespace kazprep::cli {
namespace {

enum class Direction { kEncode, kDecode };

int RunCodec(const std::vector<std::string>& args, Direction direction) {
  const CommandInfo& info =
      FindCommand(direction == Direction::kEncode ? "spm-encode" : "spm-decode");
  std::string model, format, output;
  int threads = 0, nbest = 0;
  float alpha = 0.1F;
  uint64_t seed = 1;
  po::options_description desc("Options");
  desc.add_options()("model,m", po::value(&model)->required(), "PREFIX.model from spm-train");
  if (direction == Direction::kEncode) {
    desc.add_options()("output-format", po::value(&format)->default_value("piece"), "piece or id")(
        "nbest-size", po::value(&nbest)->default_value(0),
        "subword sampling: draw each line's segmentation from its N best (N >= 2; unigram "
        "models); 0: the best one")("alpha", po::value(&alpha)->default_value(0.1F, "0.1"),
                                    "sampling: probabilities proportional to exp(alpha * score)")(
        "seed", po::value(&seed)->default_value(1),
        "sampling: the same seed, file and line give the same sample (any --threads)");
  } else {
    desc.add_options()("input-format", po::value(&format)->default_value("piece"), "piece or id");
  }
  AddOutputOptions(desc, &output, &threads);
  po::variables_map vm;
  std::vector<std::string> inputs;
  if (!ParseArgs(info, args, desc, &vm, &inputs)) return kExitOk;
  if (format != "piece" && format != "id") {
    throw UsageError("the format must be piece or id, not '" + format + "'");
  }
  threads = ResolveThreads(threads);
  std::unique_ptr<SubwordEncoder> encoder;
  Status status = SubwordEncoder::Load(model, &encoder);
  if (!status.ok()) return DataError(info.name, status.message());
  using Method = void (SubwordEncoder::*)(std::string_view, std::string*, SubwordStats*) const;
  Method method =
      direction == Direction::kEncode
          ? (format == "id" ? &SubwordEncoder::EncodeIds : &SubwordEncoder::EncodePieces)
          : (format == "id" ? &SubwordEncoder::DecodeIds : &SubwordEncoder::DecodePieces);
  if (nbest == 1 || nbest < 0) {
    throw UsageError("--nbest-size must be 0 (no sampling) or 2 or more");
  }
  if (nbest >= 2 && !encoder->supports_sampling()) {
    return DataError(info.name, model + ": sampling needs a unigram model (this one is not)");
  }
  const SubwordEncoder& e = *encoder;
  const bool ids = format == "id";
  std::function<void(const LineBatch&, std::string*, SubwordStats*)> fn =
      [&e, method, nbest, alpha, seed, ids](const LineBatch& batch, std::string* text,
                                            SubwordStats* stats) {
        std::string line;
        for (size_t i = 0; i < batch.size(); ++i) {
          if (nbest >= 2) {
            // Each line's own seed: the run's seed, the file, the line number.
            const uint64_t line_seed =
                FnvAdd(FnvAdd(FnvAdd(kFnvOffset, seed), batch.file_index), batch.first_line + i);
            e.Sample(batch.line(i), nbest, alpha, line_seed, ids, &line, stats);
          } else {
            (e.*method)(batch.line(i), &line, stats);
          }
          text->append(line);
          text->push_back('\n');
        }
      };
  SubwordStats total;
  ReadTotals read;
  status = RunOrderedToFile(inputs, threads, output, fn, &total, &read);
  if (!status.ok()) return DataError(info.name, status.message());
  if (total.unknown > 0) {
    std::cerr << "kazprep " << info.name << ": " << total.unknown
              << (direction == Direction::kEncode ? " unknown pieces" : " unknown pieces or ids")
              << " in " << total.lines << " lines\n";
  }
  return kExitOk;
}

}  // namespace

int RunSpmExport(const std::vector<std::string>& args) {
  const CommandInfo& info = FindCommand("spm-export");
  std::string model, format, output;
  int threads = 0;
  po::options_description desc("Options");
  desc.add_options()("model,m", po::value(&model)->required(), "PREFIX.model from spm-train")(
      "format", po::value(&format)->required(), "marian, fairseq or opennmt");
  AddOutputOptions(desc, &output, &threads);
  po::variables_map vm;
  std::vector<std::string> inputs;
  if (!ParseArgs(info, args, desc, &vm, &inputs)) return kExitOk;
  if (format != "marian" && format != "fairseq" && format != "opennmt") {
    throw UsageError("--format must be marian, fairseq or opennmt, not '" + format + "'");
  }
  if (vm.count("input-file") == 0) inputs.clear();  // no text: every count is 1
  threads = ResolveThreads(threads);
  std::unique_ptr<SubwordEncoder> encoder;
  Status status = SubwordEncoder::Load(model, &encoder);
  if (!status.ok()) return DataError(info.name, status.message());
  struct Counts {
    std::vector<uint64_t> counts;
    void Add(const Counts& o) {
      if (counts.empty()) counts.resize(o.counts.size(), 0);
      for (size_t i = 0; i < o.counts.size(); ++i) counts[i] += o.counts[i];
    }
  };
  const SubwordEncoder& e = *encoder;
  std::function<void(const LineBatch&, std::string*, Counts*)> fn = [&e](const LineBatch& batch,
                                                                         std::string*, Counts* c) {
    for (size_t i = 0; i < batch.size(); ++i) CountPieces(e, batch.line(i), &c->counts);
  };
  Counts total;
  ReadTotals read;
  if (!inputs.empty()) {
    status = RunOrdered(inputs, threads, /*output=*/nullptr, fn, &total, &read);
    if (!status.ok()) return DataError(info.name, status.message());
  }
  std::string text;
  size_t skipped = 0;
  status = ExportVocabulary(e, format, total.counts, &text, &skipped);
  if (status.ok()) status = WriteFileAtomically(output, text);
  if (!status.ok()) return DataError(info.name, status.message());
  if (skipped > 0) {
    std::cerr << "kazprep spm-export: " << skipped << " pieces holding white space left out ("
              << format << " splits at white space; train on normalized text)\n";
  }
  return kExitOk;
}

int RunSpmTrain(const std::vector<std::string>& args) {
  const CommandInfo& info = FindCommand("spm-train");
  SubwordTrainOptions options;
  std::string symbols;
  po::options_description desc("Options");
  desc.add_options()("input,i", po::value(&options.inputs)->composing(),
                     "training text, one sentence per line (repeatable)")(
      "model-prefix", po::value(&options.model_prefix)->required(),
      "writes PREFIX.model, PREFIX.vocab")(
      "vocab-size", po::value(&options.vocab_size)->default_value(8000), "vocabulary size")(
      "model-type", po::value(&options.model_type)->default_value("unigram"), "unigram or bpe")(
      "input-sentence-size", po::value(&options.input_sentence_size)->default_value(0),
      "sample this many lines for training (0: all)")("user-defined-symbols", po::value(&symbols),
                                                      "comma-separated pieces never split")(
      "seed", po::value(&options.seed)->default_value(1), "random seed")(
      "threads", po::value(&options.threads)->default_value(4),
      "training threads; the model depends on this number, so keep it fixed")(
      "verbose", po::bool_switch(&options.verbose), "print SentencePiece's training log");
  po::variables_map vm;
  std::vector<std::string> positional;
  if (!ParseArgs(info, args, desc, &vm, &positional, /*takes_inputs=*/true)) return kExitOk;
  for (const auto& p : positional) {
    if (p != "-") options.inputs.push_back(p);
  }
  if (options.inputs.empty()) throw UsageError("the option '--input' is required");
  if (options.vocab_size < 1) throw UsageError("--vocab-size must be positive");
  if (options.model_type != "unigram" && options.model_type != "bpe") {
    throw UsageError("--model-type must be unigram or bpe");
  }
  if (options.threads < 1) throw UsageError("--threads must be 1 or more");
  size_t pos = 0;
  while (pos < symbols.size()) {
    const size_t comma = symbols.find(',', pos);
    const size_t end = comma == std::string::npos ? symbols.size() : comma;
    if (end > pos) options.user_defined_symbols.push_back(symbols.substr(pos, end - pos));
    pos = end + 1;
  }
  const Status status = TrainSubwordModel(options);
  if (!status.ok()) return DataError(info.name, status.message());
  return kExitOk;
}

int RunSpmEncode(const std::vector<std::string>& args) {
  return RunCodec(args, Direction::kEncode);
}
int RunSpmDecode(const std::vector<std::string>& args) {
  return RunCodec(args, Direction::kDecode);
}

}  // namespace kazprep::cli
