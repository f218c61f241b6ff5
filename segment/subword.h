// The SentencePiece stage: training and applying subword models through the
// SentencePiece library.
//
// kazprep normalizes exactly once, in the Normalizer, so models are trained
// with identity normalization, no removal of extra white space, character
// coverage 1.0 and byte fallback: decode(encode(x)) == x for every line x
// that contains no U+2581 (the piece boundary mark). SubwordEncoder::Load
// checks that round trip on a probe and rejects models that fail it.
//
// Line contract of Encode/Decode: 1:1, never fails; malformed ids or unknown
// pieces are counted.
//
// Thread safety: a loaded SubwordEncoder is immutable and safe for concurrent
// use (SentencePieceProcessor's encode and decode are const).
#ifndef KAZPREP_SEGMENT_SUBWORD_H_
#define KAZPREP_SEGMENT_SUBWORD_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sentencepiece {
class SentencePieceProcessor;
}

namespace kazprep {

struct SubwordTrainOptions {
  // Text files, one sentence per line.                        Required.
  std::vector<std::string> inputs;
  // Writes PREFIX.model and PREFIX.vocab (atomically).        Required.
  std::string model_prefix;
  // Vocabulary size (a soft limit on tiny corpora).            Default: 8000.
  int vocab_size = 8000;
  // "unigram" or "bpe".                                        Default: "unigram".
  std::string model_type = "unigram";
  // Lines sampled for training, 0 for all.                     Default: 0.
  uint64_t input_sentence_size = 0;
  // Pieces that are never split ("<sep>", "@@").               Default: none.
  std::vector<std::string> user_defined_symbols;
  // Training threads. SentencePiece sums scores per thread, so the model's
  // scores depend on this number: it is fixed, not "all cores", so that the
  // same text gives the same model on every machine.           Default: 4.
  int threads = 4;
  // Seed of SentencePiece's random generator.                  Default: 1.
  uint32_t seed = 1;
  // Print SentencePiece's training log.                        Default: false.
  bool verbose = false;
};

// Trains a model; the message of a failed Status names the input or prefix.
Status TrainSubwordModel(const SubwordTrainOptions& options);

struct SubwordStats {
  uint64_t lines = 0;
  uint64_t pieces = 0;
  uint64_t unknown = 0;  // unknown pieces or malformed ids (decode), unknown pieces (encode)
  void Add(const SubwordStats& o) {
    lines += o.lines;
    pieces += o.pieces;
    unknown += o.unknown;
  }
};

class SubwordEncoder {
 public:
  ~SubwordEncoder();
  // Loads PREFIX.model; fails with the path in the message on a missing,
  // truncated or corrupt file, or a model that does not round-trip a probe.
  static Status Load(const std::string& model_path, std::unique_ptr<SubwordEncoder>* encoder);

  // Pieces separated by single spaces ("▁Қазақ стан").
  void EncodePieces(std::string_view line, std::string* out, SubwordStats* stats) const;
  // Ids separated by single spaces ("412 27").
  void EncodeIds(std::string_view line, std::string* out, SubwordStats* stats) const;
  // Subword regularization: one of the `nbest` best segmentations, drawn
  // with probability proportional to exp(alpha * score) as SentencePiece's
  // SampleEncode does for nbest_size > 1, but from a generator seeded with
  // `seed` alone, so a line's sample does not depend on threads or on the
  // lines before it. Pieces (or ids when `ids`). Unigram models only (the
  // caller checks supports_sampling()).
  void Sample(std::string_view line, int nbest, float alpha, uint64_t seed, bool ids,
              std::string* out, SubwordStats* stats) const;
  bool supports_sampling() const;
  // Inverse of EncodePieces.
  void DecodePieces(std::string_view line, std::string* out, SubwordStats* stats) const;
  // Inverse of EncodeIds.
  void DecodeIds(std::string_view line, std::string* out, SubwordStats* stats) const;

  int vocab_size() const;
  // The piece with this id ("▁Қазақ", "<unk>", "<0x0A>").
  const std::string& Piece(int id) const;
  // The id of `piece` (the unknown piece's id when it is none).
  int PieceId(std::string_view piece) const;
  // True for the pieces a trainer adds itself (<unk>, <s>, </s>, unused).
  bool IsSpecial(int id) const;
  // Ids of the pieces of `line`, for counting.
  void EncodeToIds(std::string_view line, std::vector<int>* ids) const;

 private:
  SubwordEncoder();
  std::unique_ptr<sentencepiece::SentencePieceProcessor> processor_;
};

}  // namespace kazprep

#endif  // KAZPREP_SEGMENT_SUBWORD_H_
