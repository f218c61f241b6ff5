#include "segment/vocab_export.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

#include "common/utf8.h"

namespace kazprep {
namespace {

// A YAML double-quoted scalar.
std::string YamlQuoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (u < 0x20 || u == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", u);
      out += buf;
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

bool HasWhiteSpace(std::string_view piece) {
  size_t i = 0;
  while (i < piece.size()) {
    bool invalid = false;
    if (utf8::IsWhiteSpace(utf8::Next(piece, &i, &invalid))) return true;
  }
  return false;
}

}  // namespace

void CountPieces(const SubwordEncoder& encoder, std::string_view line,
                 std::vector<uint64_t>* counts) {
  if (counts->empty()) counts->resize(static_cast<size_t>(encoder.vocab_size()), 0);
  thread_local std::vector<int> ids;
  encoder.EncodeToIds(line, &ids);
  for (const int id : ids) {
    if (id >= 0 && static_cast<size_t>(id) < counts->size()) ++(*counts)[static_cast<size_t>(id)];
  }
}

void CountEncodedPieces(const SubwordEncoder& encoder, std::string_view pieces,
                        std::vector<uint64_t>* counts) {
  if (counts->empty()) counts->resize(static_cast<size_t>(encoder.vocab_size()), 0);
  size_t pos = 0;
  while (pos < pieces.size()) {
    size_t end = pieces.find(' ', pos);
    if (end == std::string_view::npos) end = pieces.size();
    if (end > pos) {
      const int id = encoder.PieceId(pieces.substr(pos, end - pos));
      if (id >= 0 && static_cast<size_t>(id) < counts->size()) ++(*counts)[static_cast<size_t>(id)];
    }
    pos = end + 1;
  }
}

Status ExportVocabulary(const SubwordEncoder& encoder, std::string_view format,
                        const std::vector<uint64_t>& counts, std::string* out, size_t* skipped) {
  out->clear();
  if (skipped != nullptr) *skipped = 0;
  const int n = encoder.vocab_size();
  if (!counts.empty() && counts.size() != static_cast<size_t>(n)) {
    return Status::Error("piece counts do not match the model");
  }
  if (format == "marian") {
    for (int id = 0; id < n; ++id) {
      out->append(YamlQuoted(encoder.Piece(id))).append(": ").append(std::to_string(id));
      out->push_back('\n');
    }
    return Status::Ok();
  }
  if (format != "fairseq" && format != "opennmt") {
    return Status::Error("unknown vocabulary format '" + std::string(format) +
                         "' (expected marian, fairseq or opennmt)");
  }
  // Most frequent first (ties: model order), the trainer's own specials left out.
  std::vector<int> ids;
  for (int id = 0; id < n; ++id) {
    if (encoder.IsSpecial(id)) continue;
    if (HasWhiteSpace(encoder.Piece(id))) {
      if (skipped != nullptr) ++*skipped;
      continue;
    }
    ids.push_back(id);
  }
  if (!counts.empty()) {
    std::stable_sort(ids.begin(), ids.end(), [&counts](int a, int b) {
      return counts[static_cast<size_t>(a)] > counts[static_cast<size_t>(b)];
    });
  }
  const char separator = format == "fairseq" ? ' ' : '\t';
  for (const int id : ids) {
    const uint64_t count = counts.empty() ? 1 : counts[static_cast<size_t>(id)];
    out->append(encoder.Piece(id)).push_back(separator);
    out->append(std::to_string(count)).push_back('\n');
  }
  return Status::Ok();
}

}  // namespace kazprep
