// The main job (`kazprep run`): from raw monolingual news and parallel TSV
// corpora to normalized, sentence-split, SentencePiece-encoded, line-aligned
// training files.
//
// Flow (one way): read -> clean -> normalize -> split (monolingual) / pair filter
// (parallel) -> train one joint SentencePiece model -> encode -> write.
// Every output is written atomically into the output folder:
//   text/mono.<lang>              normalized sentences, one per line
//   text/{train,dev,test}.<src>-<tgt>.<lang>
//                                 normalized, line-aligned pair sides; no
//                                 dev or test sentence occurs in train
//   spm.model, spm.vocab          the joint subword model
//   mono.<lang>, {train,dev,test}.<src>-<tgt>.<lang>   the same files as pieces
//   vocab.marian.yml, dict.txt (fairseq), vocab.opennmt.txt
//                                 the vocabulary, counted on the training text
//   rejects.<src>-<tgt>.tsv       dropped pairs: line, reason, source, target
//   report.json, report.md        counts per stage and reason, lengths, time
#ifndef KAZPREP_PIPELINE_JOB_H_
#define KAZPREP_PIPELINE_JOB_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "common/line_io.h"
#include "common/status.h"

namespace kazprep {

struct JobConfig {
  struct Mono {
    std::string lang;
    std::string path;
  };
  struct Pair {
    std::string src;       // language of the first TSV column (or source file)
    std::string tgt;       // language of the second TSV column (or target file)
    std::string path;      // TSV: source<TAB>target, or the source side
    std::string tgt_path;  // the target side, line-aligned with `path`; "" for TSV
  };
  std::string output_dir;
  std::vector<Mono> mono;
  std::vector<Pair> pairs;
  // Pairs per language pair held out (the smallest hashes of the normalized
  // source side, seeded): test first, then dev.       Default: 0 and 0.
  uint64_t dev_size = 0;
  uint64_t test_size = 0;
  // One SentencePiece model for all languages, or one per language.
  bool joint_model = true;
  int vocab_size = 8000;
  std::string model_type = "unigram";
  uint32_t seed = 1;
  // Training lines SentencePiece samples (seeded) from the training text; 0
  // for all.                                        Default: 10,000,000.
  uint64_t spm_sample = 10'000'000;
  // Lexicons of the user's own Kazakh corpus added to the default one for
  // typo correction (`kazprep lexicon build`).                Default: none.
  std::vector<std::string> lexicons;
  int threads = 1;
};

// Reads a Boost.Program_options config file:
//   output-dir = out          (relative paths are relative to the config file)
//   vocab-size = 8000
//   model-type = unigram
//   seed = 1
//   dev-size = 500            (pairs held out per language pair)
//   test-size = 500
//   joint-model = true        (false: one model per language, spm.<lang>.model)
//   spm-sample = 10000000     (training lines SentencePiece samples; 0: all)
//   lexicon = my.lexicon.tsv  (may repeat: added to the default Kazakh lexicon)
//   [mono]
//   kk = news.kk.txt          (may repeat; also ru, en)
//   [pair]
//   kk-ru = corpus.kk-ru.tsv  (may repeat; also kk-en, ru-en)
//   kk-ru = flores.kk | flores.ru   (two line-aligned files)
// Unknown keys and missing files are errors naming the file.
Status LoadJobConfig(const std::string& path, JobConfig* config);

// The embedded example (examples/ in the source tree), written out under
// `output_dir`/input so the user can see what went in.
Status PrepareExampleJob(const std::string& output_dir, JobConfig* config);

struct StageCount {
  std::string stage;  // "normalize kk", "split kk", "pairs kk-ru", "encode"
  uint64_t in = 0;
  uint64_t out = 0;
  std::map<std::string, uint64_t> dropped;  // reason -> lines
  double seconds = 0;
};

// Length statistics of one output file (its text and its pieces).
struct FileStats {
  std::string file;  // relative to the output folder, e.g. "train.kk-ru.kk"
  uint64_t lines = 0;
  double chars_per_line = 0;
  double pieces_per_line = 0;
  uint64_t max_pieces = 0;
  // Share of pieces that are vocabulary pieces, not byte fallbacks (<0xNN>).
  double coverage = 1;
};

struct JobReport {
  std::vector<StageCount> stages;
  std::vector<FileStats> files;
  std::vector<std::string> outputs;  // files written, relative to the output folder
  double seconds = 0;
  std::string ToJson() const;
  std::string ToText() const;
  std::string ToMarkdown() const;
};

// One step of a job, for running it in pieces (the Snakemake workflow,
// scripts/Snakefile); the steps in order give the same files as "all":
//   all                 everything in this process (kazprep run)
//   text  (shard K/N)   shard K of every input filtered, into shards/K-of-N/
//   merge (shards N)    the N shards merged: duplicates, dev/test -> text/
//   train               the SentencePiece model(s)
//   encode (shard K/N)  shard K of every text file encoded, into shards/K-of-N/
//   finish (shards N)   encoded shards concatenated, vocabularies, report
// A step whose inputs are missing or stale (another config, changed inputs)
// is an error naming the step to run.
struct JobStep {
  std::string name = "all";
  Shard shard;  // text, encode: this shard; merge, finish: shard.count shards
};

Status RunJob(const JobConfig& config, JobReport* report, const JobStep& step = {});

}  // namespace kazprep

#endif  // KAZPREP_PIPELINE_JOB_H_
