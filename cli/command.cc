#include "cli/command.h"

#include <unistd.h>

#include <iostream>
#include <thread>

#include "common/option_error.h"

namespace kazprep::cli {

const std::vector<CommandInfo>& Commands() {
  static const std::vector<CommandInfo> commands = {
      {"clean", "drop boilerplate, repeated, wrong-language and duplicate lines of documents",
       "kazprep clean [--lang kk|ru|en] [--rejects FILE] [--dedup] [options] [FILE...]",
       "Line contract: 1:(0|1). A document ends at an empty line (or is one JSON line with\n"
       "--jsonl). Kept lines are written unchanged, in order; every dropped line goes to\n"
       "--rejects with its reason, so kept + dropped == input. With FILE input a first\n"
       "pass finds lines repeated across documents (site templates).",
       RunClean},
      {"lexicon", "build a lexicon of word forms and counts (for typo correction)",
       "kazprep lexicon build [--lang kk] [--min-count N] [--min-bigram-count N] -o LEXICON.tsv "
       "FILE...",
       "Normalizes the text (typo correction off) and counts lower-cased word forms and\n"
       "word bigrams; writes WORD<TAB>COUNT sorted by count, then W1<TAB>W2<TAB>COUNT,\n"
       "the format of models/typos/kk.lexicon.tsv.",
       RunLexicon},
      {"normalize", "repair one line at a time (Unicode, invisible characters, spacing)",
       "kazprep normalize [--lang kk|ru|en] [options] [FILE...]",
       "Line contract: 1:1, exactly one output line per input line.\n"
       "Ill-formed UTF-8 becomes U+FFFD; invisible and control characters are deleted;\n"
       "every white-space run becomes one space and lines are trimmed; then NFC.",
       RunNormalize},
      {"langid", "print the language of each line and a score (\"kk 0.98\")",
       "kazprep langid [FILE...]",
       "Line contract: 1:1, one \"LANG SCORE\" line per input line (\"und 0.00\" without "
       "letters).\n"
       "CLD2, corrected for Kazakh by the letters only Kazakh has.",
       RunLangid},
      {"split", "split paragraphs (one per line) into sentences (one per line)",
       "kazprep split [--lang kk|ru|en] [options] [FILE...]\n"
       "       kazprep split --lang kk|ru|en --learn CORPUS [FILE...] [-o FILE]",
       "Line contract: 1:k. Each input line is a paragraph; each sentence is written on its\n"
       "own line; an empty input line gives one empty output line. Only white space changes.\n"
       "--learn writes candidate abbreviations (Punkt-style) for review instead; pass the\n"
       "reviewed file back with --abbreviations FILE.",
       RunSplit},
      {"bitext", "normalize and filter a parallel corpus, pair by pair",
       "kazprep bitext --src kk|ru|en --tgt kk|ru|en [options] [TSV...]\n"
       "       kazprep bitext --src L --tgt L --src-file FILE --tgt-file FILE [options]",
       "Line contract: 1 pair in, 0..k pairs out; output line i of the source always belongs\n"
       "with line i of the target. Input: TSV (source<TAB>target) or two line-aligned files.\n"
       "Each side is normalized in its own language; pairs are dropped (reason in --rejects)\n"
       "when a side is empty, the sides are identical, a side is overlong or in another\n"
       "language, the length ratio is off, the numbers differ, or the pair was seen before.\n"
       "A pair whose sides split into the same number of sentences of consistent lengths\n"
       "becomes that many sentence pairs.",
       RunBitextCommand},
      {"spm-train", "train a SentencePiece model (identity normalization, byte fallback)",
       "kazprep spm-train --input FILE [--input FILE...] --model-prefix PREFIX --vocab-size N",
       "Writes PREFIX.model and PREFIX.vocab atomically. Train on normalized text: the model\n"
       "does no normalization of its own, so decode(encode(x)) == x.",
       RunSpmTrain},
      {"spm-encode", "encode lines into subword pieces or ids",
       "kazprep spm-encode --model PREFIX.model [--output-format piece|id] [FILE...]",
       "Line contract: 1:1, one line of space-separated pieces (or ids) per input line.",
       RunSpmEncode},
      {"spm-decode", "decode pieces or ids back into text",
       "kazprep spm-decode --model PREFIX.model [--input-format piece|id] [FILE...]",
       "Line contract: 1:1, one line of text per line of pieces (or ids).", RunSpmDecode},
      {"spm-export", "write a model's vocabulary for Marian, fairseq or OpenNMT-py",
       "kazprep spm-export --model PREFIX.model --format marian|fairseq|opennmt [-o FILE] "
       "[TEXT...]",
       "marian: YAML \"piece\": id for every piece in id order. fairseq: dict.txt, \"piece "
       "count\".\nopennmt: \"piece<TAB>count\". fairseq and opennmt leave out <unk> <s> </s> "
       "(the\ntoolkits add them) and list the most frequent pieces first; the counts come "
       "from\nencoding TEXT (all 1 without it).",
       RunSpmExport},
      {"run", "the main job: raw news and parallel corpora to encoded training files",
       "kazprep run [--config FILE] [--output-dir DIR] [--threads N] [--step S --shard K/N]",
       "Without --config, runs on the embedded example (examples/ in the source tree) and\n"
       "writes into --output-dir (default: kazprep-example). Prints a summary on stdout and\n"
       "writes report.json. See the README for the config file format.\n"
       "--step runs one step, for workflow engines (scripts/Snakefile): text --shard K/N for\n"
       "each K, merge --shards N, train, encode --shard K/N for each K, finish --shards N\n"
       "give the same files as one run; shards/ then holds the intermediate files.",
       RunJobCommand},
  };
  return commands;
}

const CommandInfo& FindCommand(const std::string& name) {
  for (const auto& c : Commands()) {
    if (name == c.name) return c;
  }
  throw std::logic_error("unknown command " + name);
}

bool ParseArgs(const CommandInfo& info, const std::vector<std::string>& args,
               po::options_description& options, po::variables_map* vm,
               std::vector<std::string>* inputs, bool takes_inputs) {
  options.add_options()("help,h", "show this help");
  po::options_description hidden;
  po::positional_options_description positional;
  if (takes_inputs) {
    hidden.add_options()("input-file", po::value(inputs));
    positional.add("input-file", -1);
  }
  po::options_description all;
  all.add(options).add(hidden);
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), *vm);
    if (vm->count("help") != 0) {
      std::cout << "Usage: " << info.usage << "\n\n"
                << info.summary << ".\n"
                << info.contract << "\n\n"
                << options << "\n";
      if (takes_inputs) std::cout << "Input: FILE arguments read in order; none or '-' is stdin.\n";
      return false;
    }
    po::notify(*vm);
  } catch (const po::error& e) {
    throw UsageError(OptionErrorMessage(e));
  }
  if (takes_inputs && inputs->empty()) inputs->push_back("-");
  return true;
}

void AddOutputOptions(po::options_description& options, std::string* output, int* threads) {
  options.add_options()("output,o", po::value(output)->default_value("-"),
                        "output file, written atomically ('-' is stdout)")(
      "threads", po::value(threads)->default_value(0),
      "worker threads; 0 means all cores (output is identical for any number)");
}

int ResolveThreads(int threads) {
  if (threads < 0) throw UsageError("--threads must be 0 (all cores) or more");
  if (threads == 0) {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : static_cast<int>(cores);
  }
  return threads;
}

int DataError(const char* command, const std::string& message) {
  std::cerr << "kazprep " << command << ": " << message << "\n";
  return kExitDataError;
}

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

}  // namespace kazprep::cli
