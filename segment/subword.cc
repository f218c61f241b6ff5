#include "segment/subword.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <random>
#include <sstream>
#include <unordered_map>

#include "common/line_io.h"

// Exported by libsentencepiece but not declared in its public headers.
namespace sentencepiece::logging {
void SetMinLogLevel(int v);
}  // namespace sentencepiece::logging

namespace kazprep {
namespace {

std::string Join(const std::vector<std::string>& items, char sep) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(sep);
    out += items[i];
  }
  return out;
}

void SplitSpaces(std::string_view line, std::vector<std::string_view>* tokens) {
  tokens->clear();
  size_t pos = 0;
  while (pos < line.size()) {
    const size_t space = line.find(' ', pos);
    const size_t end = space == std::string_view::npos ? line.size() : space;
    if (end > pos) tokens->push_back(line.substr(pos, end - pos));
    pos = end + 1;
  }
}

// Feeds the training files to SentencePiece line by line, so that the model
// records no file names (the same text gives the same model bytes wherever
// it lives) and CRLF/BOM are handled as everywhere else in kazprep.
class FileSentenceIterator : public sentencepiece::SentenceIterator {
 public:
  explicit FileSentenceIterator(const std::vector<std::string>& paths) : paths_(paths) { Next(); }
  bool done() const override { return done_; }
  void Next() override {
    std::string_view line;
    while (!done_) {
      if (reader_ != nullptr && reader_->Next(&line)) {
        value_.assign(line);
        return;
      }
      if (reader_ != nullptr && !reader_->status().ok()) {
        status_ = sentencepiece::util::Status(sentencepiece::util::StatusCode::kInternal,
                                              reader_->status().message());
        done_ = true;
        return;
      }
      if (next_path_ == paths_.size()) {
        done_ = true;
        return;
      }
      reader_ = std::make_unique<LineReader>();
      const Status opened = reader_->Open(paths_[next_path_++]);
      if (!opened.ok()) {
        status_ = sentencepiece::util::Status(sentencepiece::util::StatusCode::kNotFound,
                                              opened.message());
        done_ = true;
      }
    }
  }
  const std::string& value() const override { return value_; }
  sentencepiece::util::Status status() const override { return status_; }

 private:
  const std::vector<std::string>& paths_;
  size_t next_path_ = 0;
  std::unique_ptr<LineReader> reader_;
  std::string value_;
  bool done_ = false;
  sentencepiece::util::Status status_;
};

// The probe covers Cyrillic, Kazakh letters, Latin, digits and punctuation.
constexpr std::string_view kProbe = "Қазақстан 2024 ж. «Shanghai» — 3,5% өсті.";

}  // namespace

Status TrainSubwordModel(const SubwordTrainOptions& o) {
  if (o.inputs.empty()) return Status::Error("spm-train: no input files");
  if (o.model_prefix.empty()) return Status::Error("spm-train: no model prefix");
  for (const auto& input : o.inputs) {
    if (::access(input.c_str(), R_OK) != 0) return Status::Error(input + ": cannot read");
  }
  if (o.model_type != "unigram" && o.model_type != "bpe") {
    return Status::Error("spm-train: model type must be unigram or bpe, not " + o.model_type);
  }
  std::unordered_map<std::string, std::string> args = {
      {"vocab_size", std::to_string(o.vocab_size)},
      {"model_type", o.model_type},
      {"character_coverage", "1.0"},
      {"byte_fallback", "true"},
      {"normalization_rule_name", "identity"},
      {"remove_extra_whitespaces", "false"},
      {"split_digits", "true"},
      {"hard_vocab_limit", "false"},
      {"num_threads", std::to_string(std::max(1, o.threads))},
      {"input_sentence_size", std::to_string(o.input_sentence_size)},
      {"shuffle_input_sentence", "true"},
  };
  if (!o.user_defined_symbols.empty()) {
    args["user_defined_symbols"] = Join(o.user_defined_symbols, ',');
  }
  sentencepiece::logging::SetMinLogLevel(o.verbose ? 0 : 2);
  sentencepiece::SetRandomGeneratorSeed(o.seed);
  FileSentenceIterator sentences(o.inputs);
  std::string model;
  const auto status = sentencepiece::SentencePieceTrainer::Train(args, &sentences, &model);
  if (!sentences.status().ok()) return Status::Error(sentences.status().ToString());
  if (!status.ok()) return Status::Error("spm-train " + o.model_prefix + ": " + status.ToString());

  // The vocabulary as spm_train writes it: piece<TAB>score, in id order.
  sentencepiece::SentencePieceProcessor processor;
  if (!processor.LoadFromSerializedProto(model).ok()) {
    return Status::Error("spm-train " + o.model_prefix + ": the trained model does not load");
  }
  std::string vocab;
  for (int id = 0; id < processor.GetPieceSize(); ++id) {
    std::ostringstream line;
    line << processor.IdToPiece(id) << "\t" << processor.GetScore(id) << "\n";
    vocab += line.str();
  }
  KAZPREP_RETURN_IF_ERROR(WriteFileAtomically(o.model_prefix + ".vocab", vocab));
  return WriteFileAtomically(o.model_prefix + ".model", model);
}

SubwordEncoder::SubwordEncoder() = default;
SubwordEncoder::~SubwordEncoder() = default;

Status SubwordEncoder::Load(const std::string& model_path,
                            std::unique_ptr<SubwordEncoder>* encoder) {
  std::string serialized;
  KAZPREP_RETURN_IF_ERROR(ReadFile(model_path, &serialized));
  // SentencePiece logs to stderr (n-best search on long lines warns per
  // line): errors only.
  sentencepiece::logging::SetMinLogLevel(2);
  std::unique_ptr<SubwordEncoder> e(new SubwordEncoder());
  e->processor_ = std::make_unique<sentencepiece::SentencePieceProcessor>();
  sentencepiece::util::Status status;
  try {
    status = e->processor_->LoadFromSerializedProto(serialized);
  } catch (const std::exception& error) {
    // Its trie builder throws on some corrupt models (an empty piece; found
    // by fuzzing).
    return Status::Error(model_path +
                         ": not a valid SentencePiece model (corrupt?): " + error.what());
  }
  if (!status.ok()) {
    return Status::Error(
        model_path +
        ": not a valid SentencePiece model (truncated or corrupt?): " + status.ToString());
  }
  std::vector<std::string> pieces;
  std::string decoded;
  if (!e->processor_->Encode(kProbe, &pieces).ok() ||
      !e->processor_->Decode(pieces, &decoded).ok() || decoded != kProbe) {
    return Status::Error(model_path +
                         ": the model does not reproduce its input (decode(encode(x)) != x); "
                         "train it with kazprep spm-train (identity normalization, byte fallback)");
  }
  *encoder = std::move(e);
  return Status::Ok();
}

int SubwordEncoder::vocab_size() const { return processor_->GetPieceSize(); }

const std::string& SubwordEncoder::Piece(int id) const { return processor_->IdToPiece(id); }

int SubwordEncoder::PieceId(std::string_view piece) const { return processor_->PieceToId(piece); }

bool SubwordEncoder::IsSpecial(int id) const {
  return processor_->IsControl(id) || processor_->IsUnknown(id) || processor_->IsUnused(id);
}

void SubwordEncoder::EncodeToIds(std::string_view line, std::vector<int>* ids) const {
  ids->clear();
  processor_->Encode(line, ids).IgnoreError();
}

void SubwordEncoder::EncodePieces(std::string_view line, std::string* out,
                                  SubwordStats* stats) const {
  ++stats->lines;
  out->clear();
  std::vector<std::string> pieces;
  processor_->Encode(line, &pieces).IgnoreError();
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) out->push_back(' ');
    out->append(pieces[i]);
  }
  stats->pieces += pieces.size();
}

bool SubwordEncoder::supports_sampling() const {
  // NBestEncode exists for unigram models only.
  const auto result = processor_->NBestEncodeAsImmutableProto(kProbe, 2);
  return result.nbests_size() > 0;
}

void SubwordEncoder::Sample(std::string_view line, int nbest, float alpha, uint64_t seed, bool ids,
                            std::string* out, SubwordStats* stats) const {
  ++stats->lines;
  out->clear();
  // `result` owns what the views in `nbests` point into: it must outlive them.
  const auto result = processor_->NBestEncodeAsImmutableProto(line, nbest);
  const auto nbests = result.nbests();
  if (nbests.empty()) return;
  // Softmax of alpha * score, then the inverse of the cumulative sum at u.
  double top = nbests[0].score();
  for (const auto& n : nbests) top = std::max<double>(top, n.score());
  std::vector<double> weights;
  double total = 0;
  for (const auto& n : nbests) {
    weights.push_back(std::exp(static_cast<double>(alpha) * (n.score() - top)));
    total += weights.back();
  }
  std::mt19937_64 generator(seed);
  const double u = static_cast<double>(generator() >> 11) * 0x1.0p-53 * total;
  size_t chosen = 0;
  for (double sum = weights[0]; chosen + 1 < weights.size() && sum <= u;) sum += weights[++chosen];
  const auto pieces = nbests[chosen].pieces();
  for (size_t i = 0; i < pieces.size(); ++i) {
    if (i > 0) out->push_back(' ');
    out->append(ids ? std::to_string(pieces[i].id()) : pieces[i].piece());
  }
  stats->pieces += pieces.size();
}

void SubwordEncoder::EncodeIds(std::string_view line, std::string* out, SubwordStats* stats) const {
  ++stats->lines;
  out->clear();
  std::vector<int> ids;
  processor_->Encode(line, &ids).IgnoreError();
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out->push_back(' ');
    out->append(std::to_string(ids[i]));
    if (processor_->IsUnknown(ids[i])) ++stats->unknown;
  }
  stats->pieces += ids.size();
}

void SubwordEncoder::DecodePieces(std::string_view line, std::string* out,
                                  SubwordStats* stats) const {
  ++stats->lines;
  out->clear();
  std::vector<std::string_view> tokens;
  SplitSpaces(line, &tokens);
  std::vector<std::string> pieces(tokens.begin(), tokens.end());
  for (const auto& p : pieces) {
    if (processor_->IsUnknown(processor_->PieceToId(p))) ++stats->unknown;
  }
  stats->pieces += pieces.size();
  processor_->Decode(pieces, out).IgnoreError();
}

void SubwordEncoder::DecodeIds(std::string_view line, std::string* out, SubwordStats* stats) const {
  ++stats->lines;
  out->clear();
  std::vector<std::string_view> tokens;
  SplitSpaces(line, &tokens);
  std::vector<int> ids;
  ids.reserve(tokens.size());
  const int size = processor_->GetPieceSize();
  for (const auto token : tokens) {
    int id = -1;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), id);
    if (ec != std::errc() || end != token.data() + token.size() || id < 0 || id >= size) {
      ++stats->unknown;
      id = processor_->unk_id();
    }
    ids.push_back(id);
  }
  stats->pieces += ids.size();
  processor_->Decode(ids, out).IgnoreError();
}

}  // namespace kazprep
