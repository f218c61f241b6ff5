#include "common/line_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstring>

namespace kazprep {
namespace {

constexpr size_t kReadChunk = 1 << 20;
constexpr size_t kWriteChunk = 1 << 20;

std::string ErrnoText(int err) { return std::strerror(err); }

// Number of '\n' in [p, p + n): 16 bytes a step with byte counters summed
// every 255 steps (std::count widens every byte to 64 bits: 5x slower).
uint64_t CountNewlines(const char* p, size_t n) {
  uint64_t total = 0;
#ifdef __SSE2__
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i zero = _mm_setzero_si128();
  while (n >= 16) {
    __m128i counts = zero;
    const size_t steps = std::min<size_t>(n / 16, 255);
    for (size_t i = 0; i < steps; ++i, p += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(block, newline));  // -1 per match
    }
    n -= steps * 16;
    const __m128i sums = _mm_sad_epu8(counts, zero);
    total += static_cast<uint64_t>(_mm_cvtsi128_si64(sums)) +
             static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (size_t i = 0; i < n; ++i) total += p[i] == '\n' ? 1 : 0;
  return total;
}

}  // namespace

LineReader::~LineReader() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

Status LineReader::Open(const std::string& path) {
  path_ = path;
  if (path == "-") {
    path_ = "<stdin>";
    fd_ = STDIN_FILENO;
    owns_fd_ = false;
  } else {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) return Status::Error(path + ": cannot open: " + ErrnoText(errno));
    owns_fd_ = true;
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  }
  buffer_.resize(kReadChunk);
  return Status::Ok();
}

Status ParseShard(const std::string& text, Shard* shard) {
  const size_t slash = text.find('/');
  const auto number = [](const std::string& s, int* value) {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) {
      return false;
    }
    *value = std::stoi(s);
    return true;
  };
  Shard s;
  if (slash == std::string::npos || !number(text.substr(0, slash), &s.index) ||
      !number(text.substr(slash + 1), &s.count) || s.count < 1 || s.index >= s.count) {
    return Status::Error("shard '" + text + "': expected K/N with 0 <= K < N, e.g. 0/4");
  }
  *shard = s;
  return Status::Ok();
}

Status LineReader::Open(const std::string& path, const Shard& shard) {
  if (shard.whole()) return Open(path);
  if (path == "-") return Status::Error("<stdin>: cannot be read in shards; give a file");
  KAZPREP_RETURN_IF_ERROR(Open(path));
  struct stat st;
  if (::fstat(fd_, &st) != 0) return Status::Error(path + ": cannot stat: " + ErrnoText(errno));
  // floor(size * k / n) without overflow: size = q * n + r.
  const auto size = static_cast<uint64_t>(st.st_size);
  const auto n = static_cast<uint64_t>(shard.count);
  const auto offset = [&](int k) {
    const auto kk = static_cast<uint64_t>(k);
    return size / n * kk + size % n * kk / n;
  };
  const uint64_t begin = offset(shard.index);
  if (shard.index + 1 < shard.count) limit_ = offset(shard.index + 1);
  if (begin == 0) return Status::Ok();
  // The first line starts after the first newline at or after begin - 1;
  // the newlines before it are counted for the line numbers.
  uint64_t newlines = 0;
  char last = '\n';  // the last byte passed
  for (;;) {
    if (begin_ == end_ && !Fill()) {
      // No line starts in this shard; a last line without a newline counts.
      if (last != '\n') ++newlines;
      break;
    }
    const uint64_t buffer_start = bytes_read_ - end_;
    size_t from = begin_;
    if (end_ > begin_) last = buffer_[end_ - 1];  // not a BOM that Fill() skipped
    if (buffer_start + end_ <= begin - 1) {
      newlines += CountNewlines(buffer_.data() + begin_, end_ - begin_);
      begin_ = end_;
      continue;
    }
    if (buffer_start + from < begin - 1) {
      const size_t target = static_cast<size_t>(begin - 1 - buffer_start);
      newlines += CountNewlines(buffer_.data() + from, target - from);
      from = target;
    }
    const void* nl = std::memchr(buffer_.data() + from, '\n', end_ - from);
    if (nl != nullptr) {
      begin_ = static_cast<size_t>(static_cast<const char*>(nl) - buffer_.data()) + 1;
      ++newlines;
      break;
    }
    begin_ = end_;
  }
  line_number_ = newlines;
  had_bom_ = false;  // the BOM, if any, belongs to shard 0
  return status_;
}

void LineReader::SkipLines(uint64_t lines) {
  std::string_view line;
  for (uint64_t i = 0; i < lines && Next(&line); ++i) {
  }
}

uint64_t LineReader::ReadLines(std::string* out, size_t max_bytes) {
  if (fd_ < 0) return 0;
  const size_t start = out->size();
  uint64_t lines = 0;
  if (limit_ != UINT64_MAX) {
    // A shard: line by line, since the shard's end is checked per line.
    std::string_view line;
    while (out->size() - start < max_bytes) {
      const uint64_t crlf = crlf_lines_;
      if (!Next(&line)) break;
      out->append(line);
      out->append(crlf_lines_ != crlf ? "\r\n" : "\n");
      ++lines;
    }
    return lines;
  }
  // What the buffer holds first, then reads straight into `out`.
  out->append(buffer_.data() + begin_, end_ - begin_);
  begin_ = end_ = 0;
  size_t unsearched = start;  // no newline in out[start, unsearched) past max_bytes
  while (!eof_) {
    const size_t old = out->size();
    // Up to max_bytes (no reallocation when the caller reserved them), then
    // a chunk at a time while the last line goes on.
    const size_t want = start + max_bytes > old ? start + max_bytes - old : kReadChunk;
    out->resize(old + want);
    const ssize_t got = ::read(fd_, out->data() + old, want);
    if (got < 0) {
      out->resize(old);
      if (errno == EINTR) continue;
      status_ = Status::Error(path_ + ": read error after line " + std::to_string(line_number_) +
                              ": " + ErrnoText(errno));
      eof_ = true;
      break;
    }
    out->resize(old + static_cast<size_t>(got));
    bytes_read_ += static_cast<uint64_t>(got);
    if (got == 0) {
      eof_ = true;
      break;
    }
    if (at_start_) {
      at_start_ = false;
      if (out->size() - start >= 3 && out->compare(start, 3, "\xEF\xBB\xBF") == 0) {
        out->erase(start, 3);
        had_bom_ = true;
      }
    }
    if (out->size() - start < max_bytes) continue;
    // Enough: up to the last newline; the rest waits in the buffer.
    const void* nl = ::memrchr(out->data() + unsearched, '\n', out->size() - unsearched);
    if (nl == nullptr) {  // one long line so far
      unsearched = out->size();
      continue;
    }
    const size_t cut = static_cast<size_t>(static_cast<const char*>(nl) - out->data()) + 1;
    const size_t tail = out->size() - cut;
    if (buffer_.size() < tail) buffer_.resize(tail);
    std::memcpy(buffer_.data(), out->data() + cut, tail);
    end_ = tail;
    out->resize(cut);
    break;
  }
  if (eof_ && out->size() > start && out->back() != '\n') out->push_back('\n');
  lines = CountNewlines(out->data() + start, out->size() - start);
  line_number_ += lines;
  return lines;
}

bool LineReader::Fill() {
  if (eof_) return false;
  for (;;) {
    const ssize_t got = ::read(fd_, buffer_.data(), buffer_.size());
    if (got < 0) {
      if (errno == EINTR) continue;
      status_ = Status::Error(path_ + ": read error after line " + std::to_string(line_number_) +
                              ": " + ErrnoText(errno));
      eof_ = true;
      return false;
    }
    if (got == 0) {
      eof_ = true;
      return false;
    }
    begin_ = 0;
    end_ = static_cast<size_t>(got);
    bytes_read_ += end_;
    if (at_start_) {
      at_start_ = false;
      // A BOM split over two reads is not worth handling: reads are 1 MiB.
      if (end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) {
        begin_ = 3;
        had_bom_ = true;
      }
    }
    return true;
  }
}

bool LineReader::Next(std::string_view* line) {
  if (fd_ < 0) return false;
  if (limit_ != UINT64_MAX && Offset() >= limit_) {
    // A line starting at the limit belongs to the next shard; at the end of
    // the file there is none.
    if (begin_ == end_ && !Fill()) return false;
    stopped_at_limit_ = true;
    return false;
  }
  carry_.clear();
  bool have_carry = false;
  for (;;) {
    if (begin_ == end_ && !Fill()) {
      if (!have_carry) return false;
      // Last line without a final newline.
      break;
    }
    const char* start = buffer_.data() + begin_;
    const void* nl = std::memchr(start, '\n', end_ - begin_);
    if (nl != nullptr) {
      const size_t len = static_cast<const char*>(nl) - start;
      if (!have_carry) {
        *line = std::string_view(start, len);
        begin_ += len + 1;
        ++line_number_;
        if (!line->empty() && line->back() == '\r') {
          line->remove_suffix(1);
          ++crlf_lines_;
        }
        return true;
      }
      carry_.append(start, len);
      begin_ += len + 1;
      break;
    }
    if (end_ > begin_) {  // (a buffer holding only a BOM adds no line)
      carry_.append(start, end_ - begin_);
      have_carry = true;
    }
    begin_ = end_;
  }
  ++line_number_;
  *line = carry_;
  if (!line->empty() && line->back() == '\r') {
    line->remove_suffix(1);
    ++crlf_lines_;
  }
  return true;
}

OutputFile::~OutputFile() {
  if (!is_stdout_ && fd_ >= 0) {
    ::close(fd_);
    if (!committed_ && !direct_) ::unlink(temp_path_.c_str());
  }
}

namespace {

// The descriptor that /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N
// or /proc/PID/fd/N (this process's PID) names, or -1. Repeated slashes
// count as one.
int NamedDescriptor(const std::string& raw) {
  std::string path;
  for (const char c : raw) {
    if (c != '/' || path.empty() || path.back() != '/') path += c;
  }
  if (path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  const std::string own = "/proc/" + std::to_string(::getpid()) + "/fd/";
  for (const std::string_view prefix :
       {std::string_view("/dev/fd/"), std::string_view("/proc/self/fd/"), std::string_view(own)}) {
    if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) continue;
    int fd = -1;
    const char* begin = path.data() + prefix.size();
    const auto [end, ec] = std::from_chars(begin, path.data() + path.size(), fd);
    if (ec == std::errc() && end == path.data() + path.size()) return fd;
  }
  return -1;
}

// Follows symbolic links from `path` one at a time (not through
// realpath(), which would go on through /dev/stderr's /proc link to the
// file stderr is redirected to): *target is the last name, which is no link
// (it may not exist yet), or *descriptor the descriptor a name on the way
// stands for.
void FollowLinks(const std::string& path, std::string* target, int* descriptor) {
  *target = path;
  *descriptor = -1;
  for (int hops = 0; hops < 40; ++hops) {
    *descriptor = NamedDescriptor(*target);
    if (*descriptor >= 0) return;
    struct stat st;
    if (::lstat(target->c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return;
    char link[PATH_MAX];
    const ssize_t n = ::readlink(target->c_str(), link, sizeof link - 1);
    if (n <= 0) return;
    const std::string next(link, static_cast<size_t>(n));
    if (next[0] == '/') {
      *target = next;
    } else {
      const size_t slash = target->rfind('/');
      *target = (slash == std::string::npos ? std::string() : target->substr(0, slash + 1)) + next;
    }
  }
}

}  // namespace

Status OutputFile::Open(const std::string& path) {
  buffer_.reserve(kWriteChunk + 4096);
  if (path.empty() || path == "-") {
    path_ = "<stdout>";
    fd_ = STDOUT_FILENO;
    is_stdout_ = true;
    return Status::Ok();
  }
  path_ = path;
  // /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N name a
  // descriptor this process has, also through links: written through a copy
  // of it (as shells do). Renaming a temporary file over such a name would
  // replace the /dev/stderr link itself, or the file stderr is redirected to.
  // Through any other symbolic link, the file it points to is replaced (the
  // link stays a link; a dangling link gets its file).
  int named = -1;
  FollowLinks(path, &target_path_, &named);
  if (named >= 0) {
    fd_ = ::fcntl(named, F_DUPFD_CLOEXEC, 0);
    if (fd_ < 0) return Status::Error(path + ": cannot open: " + ErrnoText(errno));
    direct_ = true;
    return Status::Ok();
  }
  if (target_path_ == path) target_path_.clear();
  const std::string& target = target_path_.empty() ? path : target_path_;
  struct stat st;
  // A device or pipe (/dev/null, a FIFO) is written in place: renaming a
  // temporary file over it would replace the device.
  if (::stat(target.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) return Status::Error(path + ": is a folder");
    fd_ = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) return Status::Error(path + ": cannot open: " + ErrnoText(errno));
    direct_ = true;
    return Status::Ok();
  }
  temp_path_ = target + ".tmp." + std::to_string(::getpid());
  fd_ = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd_ < 0) return Status::Error(path + ": cannot create: " + ErrnoText(errno));
  return Status::Ok();
}

void OutputFile::FlushBuffer() {
  WriteDirect(buffer_);
  buffer_.clear();
}

void OutputFile::WriteDirect(std::string_view data) {
  size_t done = 0;
  while (done < data.size() && error_ == 0) {
    const ssize_t n = ::write(fd_, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      break;
    }
    done += static_cast<size_t>(n);
  }
  bytes_written_ += done;
}

void OutputFile::Write(std::string_view data) {
  if (fd_ < 0 || error_ != 0) return;
  // A large block (a batch's output, usually just under kWriteChunk) is
  // written as it is, not copied into the buffer first (a copy of every
  // byte split writes).
  if (data.size() >= kWriteChunk / 8) {
    FlushBuffer();
    WriteDirect(data);
    return;
  }
  if (buffer_.size() + data.size() > kWriteChunk) FlushBuffer();
  buffer_.append(data);
}

Status OutputFile::Commit() {
  if (fd_ < 0) return Status::Error(path_ + ": not open");
  FlushBuffer();
  if (error_ != 0) return Status::Error(path_ + ": write error: " + ErrnoText(error_));
  if (is_stdout_) return Status::Ok();
  if (direct_) {
    const int result = ::close(fd_);
    fd_ = -1;
    committed_ = true;
    if (result != 0) return Status::Error(path_ + ": write error: " + ErrnoText(errno));
    return Status::Ok();
  }
  if (::fsync(fd_) != 0 && errno != EINVAL) {
    return Status::Error(path_ + ": write error: " + ErrnoText(errno));
  }
  if (::close(fd_) != 0) {
    fd_ = -1;
    ::unlink(temp_path_.c_str());
    return Status::Error(path_ + ": write error: " + ErrnoText(errno));
  }
  fd_ = -1;
  const std::string& target = target_path_.empty() ? path_ : target_path_;
  if (::rename(temp_path_.c_str(), target.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp_path_.c_str());
    return Status::Error(path_ + ": cannot rename into place: " + ErrnoText(err));
  }
  committed_ = true;
  return Status::Ok();
}

std::string EscapeTsvField(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string UnescapeTsvField(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 == s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char c = s[++i];
    out.push_back(c == 't' ? '\t' : c == 'r' ? '\r' : c == 'n' ? '\n' : c);
  }
  return out;
}

Status ReadFile(const std::string& path, std::string* content) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::Error(path + ": cannot open: " + ErrnoText(errno));
  content->clear();
  char chunk[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof(chunk));
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      return Status::Error(path + ": read error: " + ErrnoText(err));
    }
    if (n == 0) break;
    content->append(chunk, static_cast<size_t>(n));
  }
  ::close(fd);
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view content) {
  OutputFile out;
  KAZPREP_RETURN_IF_ERROR(out.Open(path));
  out.Write(content);
  return out.Commit();
}

}  // namespace kazprep
