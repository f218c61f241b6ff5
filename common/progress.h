// Progress on stderr for long jobs, only when stderr is a terminal: one line,
// redrawn at most five times a second, "kazprep normalize: 45% 51.2 of 114.0
// MB, 87.0 MB/s". Never written into pipes or logs.
#ifndef KAZPREP_COMMON_PROGRESS_H_
#define KAZPREP_COMMON_PROGRESS_H_

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace kazprep {

class Progress {
 public:
  // The label of progress lines when none is given ("kazprep normalize");
  // `main` sets it to the command being run.
  static std::string& DefaultLabel() {
    static std::string label = "kazprep";
    return label;
  }

  // `total_bytes` may be 0 (unknown: no percentage).
  Progress(std::string label, uint64_t total_bytes)
      : label_(label.empty() ? DefaultLabel() : std::move(label)),
        total_(total_bytes),
        enabled_(::isatty(STDERR_FILENO) == 1),
        start_(Clock::now()),
        last_(start_) {}
  ~Progress() { Finish(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // The sum of the sizes of regular files among `paths` ("-" and pipes: 0).
  static uint64_t TotalSize(const std::vector<std::string>& paths) {
    uint64_t total = 0;
    for (const auto& p : paths) {
      struct stat st;
      if (p != "-" && ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
        total += static_cast<uint64_t>(st.st_size);
      }
    }
    return total;
  }

  // `done` bytes of the input are processed.
  void Update(uint64_t done) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    drawn_ = true;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mb = static_cast<double>(done) / 1e6;
    if (total_ > 0) {
      std::fprintf(stderr, "\r%s: %3.0f%% %.1f of %.1f MB, %.1f MB/s   ", label_.c_str(),
                   100.0 * static_cast<double>(done) / static_cast<double>(total_), mb,
                   static_cast<double>(total_) / 1e6, seconds > 0 ? mb / seconds : 0.0);
    } else {
      std::fprintf(stderr, "\r%s: %.1f MB, %.1f MB/s   ", label_.c_str(), mb,
                   seconds > 0 ? mb / seconds : 0.0);
    }
    std::fflush(stderr);
  }

  // Clears the line (the summary follows).
  void Finish() {
    if (!drawn_) return;
    drawn_ = false;
    std::fprintf(stderr, "\r%*s\r", static_cast<int>(label_.size()) + 48, "");
    std::fflush(stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::string label_;
  uint64_t total_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_, last_;
};

}  // namespace kazprep

#endif  // KAZPREP_COMMON_PROGRESS_H_
