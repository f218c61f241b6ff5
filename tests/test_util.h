// Helpers shared by the tests: temporary folders, files, running the binary,
// and the optional ../shared data (tests skip with a message without it).
#ifndef KAZPREP_TESTS_TEST_UTIL_H_
#define KAZPREP_TESTS_TEST_UTIL_H_

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace kazprep::testing {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "kazprep-test-XXXXXX").string();
    path_ = ::mkdtemp(templ.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void Spit(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `kazprep ARGS` through /bin/sh, with `stdin_path` (or /dev/null) as
// standard input; captures stdout and stderr through files in `dir`.
inline CommandResult RunKazprep(const std::string& args, const std::string& dir,
                                const std::string& stdin_path = "/dev/null") {
  const std::string out = dir + "/.stdout", err = dir + "/.stderr";
  const std::string cmd = "cd '" + dir + "' && '" + std::string(KAZPREP_BINARY) + "' " + args +
                          " < '" + stdin_path + "' > '" + out + "' 2> '" + err + "'";
  const int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(out);
  r.err = Slurp(err);
  return r;
}

// The shared data folder (../shared/data beside the repository), or "" when
// it is absent, as in a user's fresh clone.
inline std::string SharedData() {
  const char* env = std::getenv("KAZPREP_SHARED_DATA");
  const std::string dir = env != nullptr ? env : std::string(KAZPREP_SHARED_DIR) + "/data";
  return fs::is_directory(dir) ? fs::canonical(dir).string() : "";
}

inline std::string SharedExamples() {
  const std::string dir = std::string(KAZPREP_SHARED_DIR) + "/examples";
  return fs::is_directory(dir) ? fs::canonical(dir).string() : "";
}

#define KAZPREP_SKIP_WITHOUT_SHARED_DATA(dir)                                      \
  if ((dir).empty()) {                                                             \
    GTEST_SKIP() << "../shared/data is not present (a fresh clone has none); set " \
                    "KAZPREP_SHARED_DATA to run this test on real text";           \
  }

// Every regular file under `dir`, sorted.
inline std::vector<std::string> FilesUnder(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace kazprep::testing

#endif  // KAZPREP_TESTS_TEST_UTIL_H_
