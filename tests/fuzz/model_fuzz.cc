// SentencePiece model loading: a truncated or corrupted model file is an
// error naming the file, never a crash (nor an exception); a model that
// loads encodes probe lines into one line of its own pieces.
#include <memory>
#include <string>

#include "segment/subword.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using kazprep::fuzz::Check;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const kazprep::fuzz::TempFile file(bytes, ".model");
  std::unique_ptr<kazprep::SubwordEncoder> encoder;
  const kazprep::Status status = kazprep::SubwordEncoder::Load(file.path(), &encoder);
  if (!status.ok()) {
    Check(status.message().find(file.path()) != std::string::npos, "a model error names the file",
          status.message());
    return 0;
  }
  Check(encoder->vocab_size() > 0, "a loaded model has pieces", bytes.substr(0, 100));
  for (const char* line : {"Қазақстан Республикасы", "Hello, world 2024!", ""}) {
    std::string pieces;
    kazprep::SubwordStats stats;
    encoder->EncodePieces(line, &pieces, &stats);
    Check(pieces.find('\n') == std::string::npos, "one line of pieces", line);
    // Every piece written is one of the model's (the unknown piece included).
    for (size_t pos = 0; pos < pieces.size();) {
      size_t end = pieces.find(' ', pos);
      if (end == std::string::npos) end = pieces.size();
      const std::string piece = pieces.substr(pos, end - pos);
      Check(piece.empty() || encoder->Piece(encoder->PieceId(piece)) == piece ||
                encoder->PieceId(piece) == encoder->PieceId("\x01never a piece\x01"),
            "pieces are the model's", piece);
      pos = end + 1;
    }
  }
  return 0;
}
