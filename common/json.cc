#include "common/json.h"

#include "common/utf8.h"

namespace kazprep::json {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  void SkipSpace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) {
      ++pos_;
    }
  }
  bool Eat(char c) {
    SkipSpace();
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool Peek(char c) {
    SkipSpace();
    return pos_ < s_.size() && s_[pos_] == c;
  }

  bool Hex4(uint32_t* v) {
    if (pos_ + 4 > s_.size()) return false;
    *v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = s_[pos_++];
      *v <<= 4;
      if (c >= '0' && c <= '9') {
        *v |= static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        *v |= static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        *v |= static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  }

  // Parses a string; appends its value to `out` when not null.
  bool String(std::string* out) {
    if (!Eat('"')) return false;
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        if (out) out->push_back(c);
        continue;
      }
      if (pos_ >= s_.size()) return false;
      const char e = s_[pos_++];
      char32_t cp = 0;
      switch (e) {
        case '"':
          cp = '"';
          break;
        case '\\':
          cp = '\\';
          break;
        case '/':
          cp = '/';
          break;
        case 'b':
          cp = '\b';
          break;
        case 'f':
          cp = '\f';
          break;
        case 'n':
          cp = '\n';
          break;
        case 'r':
          cp = '\r';
          break;
        case 't':
          cp = '\t';
          break;
        case 'u': {
          uint32_t v = 0;
          if (!Hex4(&v)) return false;
          if (v >= 0xD800 && v <= 0xDBFF && pos_ + 6 <= s_.size() && s_[pos_] == '\\' &&
              s_[pos_ + 1] == 'u') {
            const size_t save = pos_;
            pos_ += 2;
            uint32_t low = 0;
            if (Hex4(&low) && low >= 0xDC00 && low <= 0xDFFF) {
              v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
            } else {
              pos_ = save;
            }
          }
          cp = (v >= 0xD800 && v <= 0xDFFF) ? utf8::kReplacement : v;  // lone surrogate
          break;
        }
        default:
          return false;
      }
      if (out) utf8::Append(cp, out);
    }
    return false;
  }

  // Skips any JSON value.
  bool Value() {
    SkipSpace();
    if (pos_ >= s_.size()) return false;
    const char c = s_[pos_];
    if (c == '"') return String(nullptr);
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++pos_;
      if (Eat(close)) return true;
      for (;;) {
        if (c == '{') {
          if (!String(nullptr) || !Eat(':')) return false;
        }
        if (!Value()) return false;
        if (Eat(close)) return true;
        if (!Eat(',')) return false;
      }
    }
    // number, true, false, null
    const size_t start = pos_;
    while (pos_ < s_.size() &&
           std::string_view(",]} \t\r\n").find(s_[pos_]) == std::string_view::npos) {
      ++pos_;
    }
    return pos_ > start;
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

bool StringField(std::string_view line, std::string_view field, std::string* value,
                 std::string* error) {
  Parser p(line);
  if (!p.Eat('{')) {
    *error = "not a JSON object";
    return false;
  }
  if (p.Eat('}')) {
    *error = "no field \"" + std::string(field) + "\"";
    return false;
  }
  bool found = false;
  for (;;) {
    std::string key;
    if (!p.String(&key) || !p.Eat(':')) {
      *error = "malformed JSON";
      return false;
    }
    if (key == field && !found) {
      if (!p.Peek('"')) {
        *error = "field \"" + std::string(field) + "\" is not a string";
        return false;
      }
      value->clear();
      if (!p.String(value)) {
        *error = "malformed JSON string";
        return false;
      }
      found = true;
    } else if (!p.Value()) {
      *error = "malformed JSON";
      return false;
    }
    if (p.Eat('}')) break;
    if (!p.Eat(',')) {
      *error = "malformed JSON";
      return false;
    }
  }
  if (!found) *error = "no field \"" + std::string(field) + "\"";
  return found;
}

}  // namespace kazprep::json
