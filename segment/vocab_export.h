// Vocabularies of a SentencePiece model in the formats NMT toolkits read
// (`kazprep spm-export`):
//   marian    YAML, one `"piece": id` per line, every piece in id order (the
//             mapping Marian's DefaultVocab loads; </s> and <unk> included).
//   fairseq   dict.txt: `piece count` per line, without <unk> <s> </s>,
//             which fairseq's Dictionary adds itself; most frequent first.
//   opennmt   OpenNMT-py vocabulary: `piece<TAB>count` per line, without the
//             specials OpenNMT-py adds itself; most frequent first.
// Counts are how often each piece occurs when the counted text is encoded;
// without text every count is 1 and the order is the model's.
#ifndef KAZPREP_SEGMENT_VOCAB_EXPORT_H_
#define KAZPREP_SEGMENT_VOCAB_EXPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "segment/subword.h"

namespace kazprep {

// Adds the pieces of `line` to `counts` (indexed by id; resized to the
// vocabulary when empty).
void CountPieces(const SubwordEncoder& encoder, std::string_view line,
                 std::vector<uint64_t>* counts);

// Adds the pieces of an already encoded line ("▁Қазақ стан", as
// SubwordEncoder::EncodePieces writes it) to `counts`: no encoding again.
void CountEncodedPieces(const SubwordEncoder& encoder, std::string_view pieces,
                        std::vector<uint64_t>* counts);

// "marian", "fairseq" or "opennmt"; `counts` may be empty (all 1). fairseq
// and OpenNMT-py split their vocabulary lines and their text at white space:
// a piece holding white space (a model trained on unnormalized text with
// U+00A0 or U+202F) can never occur for them and would break their reader,
// so it is left out and counted in `*skipped` (when given).
Status ExportVocabulary(const SubwordEncoder& encoder, std::string_view format,
                        const std::vector<uint64_t>& counts, std::string* out,
                        size_t* skipped = nullptr);

}  // namespace kazprep

#endif  // KAZPREP_SEGMENT_VOCAB_EXPORT_H_
