// Helpers for the libFuzzer targets in tests/fuzz/: each checks invariants,
// not only crashes; a broken invariant aborts with what was expected.
#ifndef KAZPREP_TESTS_FUZZ_FUZZ_UTIL_H_
#define KAZPREP_TESTS_FUZZ_FUZZ_UTIL_H_

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

namespace kazprep::fuzz {

// Aborts (a finding) with `what` and the text it is about.
[[noreturn]] inline void Fail(const char* what, std::string_view text) {
  std::fprintf(stderr, "invariant broken: %s\n  text: [%.*s]\n", what,
               static_cast<int>(text.size() > 2000 ? 2000 : text.size()), text.data());
  std::abort();
}

inline void Check(bool ok, const char* what, std::string_view text) {
  if (!ok) Fail(what, text);
}

// The first byte chooses a variant (language, option); the rest is the text.
inline std::string_view Text(const uint8_t* data, size_t size) {
  return size == 0 ? std::string_view()
                   : std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1);
}
inline int Choice(const uint8_t* data, size_t size, int n) { return size == 0 ? 0 : data[0] % n; }
inline const char* Lang(int k) { return k == 0 ? "kk" : k == 1 ? "ru" : "en"; }

// A T (Normalizer, SentenceSplitter, Cleaner) loaded once per language k
// with default Options but for the language.
template <typename T, typename Options>
const T& PerLanguage(int k) {
  static std::unique_ptr<T> objects[3];
  if (!objects[k]) {
    Options options;
    options.lang = Lang(k);
    if (!T::Load(options, &objects[k]).ok()) std::abort();
  }
  return *objects[k];
}

// A file holding `content` in the temporary folder, removed at destruction.
class TempFile {
 public:
  explicit TempFile(std::string_view content, const char* suffix = "") {
    char name[] = "/tmp/kazprep-fuzz-XXXXXX";
    const int fd = ::mkstemp(name);
    if (fd < 0) std::abort();
    size_t done = 0;
    while (done < content.size()) {
      const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
      if (n <= 0) std::abort();
      done += static_cast<size_t>(n);
    }
    ::close(fd);
    path_ = name;
    if (*suffix != '\0') {
      const std::string renamed = path_ + suffix;
      if (std::rename(path_.c_str(), renamed.c_str()) != 0) std::abort();
      path_ = renamed;
    }
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace kazprep::fuzz

#endif  // KAZPREP_TESTS_FUZZ_FUZZ_UTIL_H_
