// Sentence splitter: the sentences are pieces of the paragraph, in order,
// non-empty, without surrounding spaces, and together they keep every
// non-space byte of it. The first byte picks the language.
#include <memory>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "segment/sentence_splitter.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

// The bytes of `s` without its white-space characters (as the splitter
// sees them; a stray byte is kept as it is).
std::string NonSpace(std::string_view s) {
  std::string out;
  for (size_t pos = 0; pos < s.size();) {
    const size_t start = pos;
    bool invalid = false;
    const char32_t c = kazprep::utf8::Next(s, &pos, &invalid);
    if (invalid || !kazprep::utf8::IsWhiteSpace(c)) out.append(s.substr(start, pos - start));
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using kazprep::fuzz::Check;
  const int k = kazprep::fuzz::Choice(data, size, 3);
  std::string_view paragraph = kazprep::fuzz::Text(data, size);
  paragraph = paragraph.substr(0, paragraph.find('\n'));
  std::vector<std::string_view> sentences;
  kazprep::fuzz::PerLanguage<kazprep::SentenceSplitter, kazprep::SplitterOptions>(k).Split(
      paragraph, &sentences);
  const char* previous_end = paragraph.data();
  std::string joined;
  for (const auto s : sentences) {
    Check(!s.empty(), "no empty sentence", paragraph);
    Check(s.data() >= previous_end && s.data() + s.size() <= paragraph.data() + paragraph.size(),
          "sentences are pieces of the paragraph, in order", paragraph);
    Check(kazprep::utf8::TrimSpace(s).size() == s.size(), "no space around a sentence", paragraph);
    previous_end = s.data() + s.size();
    joined += s;
  }
  Check(NonSpace(joined) == NonSpace(paragraph), "every non-space byte is kept", paragraph);
  return 0;
}
