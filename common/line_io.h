// Line input and atomic file output.
//
// LineReader reads a file (or stdin for "-") line by line with no limit on
// line length. Line ends are LF; a CR before the LF (CRLF files) is removed
// and counted, and a UTF-8 byte order mark at the start of the input is
// removed and counted. Bytes are passed on unchanged otherwise: checking
// UTF-8 is the job of the filters (they replace bad bytes with U+FFFD).
//
// OutputFile writes to "-" (stdout) or to a temporary file beside the target
// that Commit() renames into place, so an interrupted job never leaves a file
// under its final name that looks complete.
#ifndef KAZPREP_COMMON_LINE_IO_H_
#define KAZPREP_COMMON_LINE_IO_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace kazprep {

// Shard `index` of `count` of a file: the lines that start in its byte range
// [size * index / count, size * (index + 1) / count). Every line belongs to
// exactly one shard, the shards in order are the file, and line numbers stay
// those of the whole file. {0, 1} is the whole file.
struct Shard {
  int index = 0;
  int count = 1;
  bool whole() const { return count <= 1; }
};

// Parses "K/N" (0 <= K < N); the message says what is wrong.
Status ParseShard(const std::string& text, Shard* shard);

class LineReader {
 public:
  LineReader() = default;
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Opens `path` ("-" is stdin).
  Status Open(const std::string& path);
  // Opens shard `shard` of the file `path` (not stdin): positioned at the
  // shard's first line, line_number() counting the lines before it; Next()
  // stops after the shard's last line (see stopped_at_shard_end()).
  Status Open(const std::string& path, const Shard& shard);
  // Reads past the next `lines` lines (fewer at the end of input).
  void SkipLines(uint64_t lines);
  // Appends whole lines to `*out`, each with its '\n' (one is added to a last
  // line without it) and CRs left in, about `max_bytes` of them (more when a
  // line is longer); returns how many, 0 at the end of the input (check
  // status()). For batches of lines that workers split themselves: the
  // bytes are read straight into `*out`. A BOM is still removed.
  uint64_t ReadLines(std::string* out, size_t max_bytes);
  // Reads the next line (without its line end) into `*line`, valid until the
  // next call. Returns false at the end of input or on a read error; check
  // status() afterwards.
  bool Next(std::string_view* line);

  const Status& status() const { return status_; }
  const std::string& path() const { return path_; }
  // Number of lines returned so far (the 1-based number of the last line).
  uint64_t line_number() const { return line_number_; }
  uint64_t bytes_read() const { return bytes_read_; }
  uint64_t crlf_lines() const { return crlf_lines_; }
  bool had_bom() const { return had_bom_; }
  // True when Next() returned false because the shard ended (the file goes
  // on), not at the end of the file.
  bool stopped_at_shard_end() const { return stopped_at_limit_; }

 private:
  bool Fill();
  // File offset of the next unread byte.
  uint64_t Offset() const { return bytes_read_ - (end_ - begin_); }

  int fd_ = -1;
  bool owns_fd_ = false;
  bool eof_ = false;
  std::string path_;
  std::string buffer_;
  size_t begin_ = 0;  // unread part of buffer_ is [begin_, end_)
  size_t end_ = 0;
  std::string carry_;  // a line that crosses the buffer end
  Status status_;
  uint64_t line_number_ = 0;
  uint64_t bytes_read_ = 0;
  uint64_t crlf_lines_ = 0;
  bool had_bom_ = false;
  bool at_start_ = true;
  uint64_t limit_ = UINT64_MAX;  // no line starting at or after this offset is read
  bool stopped_at_limit_ = false;
};

class OutputFile {
 public:
  OutputFile() = default;
  ~OutputFile();  // removes the temporary file unless committed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Opens `path` ("-" or "" is stdout) for writing through a temporary file
  // (renamed over the file a symbolic link points to); a device, a pipe,
  // /dev/stdout, /dev/stderr and /dev/fd/N are written in place.
  Status Open(const std::string& path);
  void Write(std::string_view data);
  void WriteLine(std::string_view line) {
    Write(line);
    Write("\n");
  }
  // Flushes; for a file, syncs and renames the temporary file into place.
  Status Commit();
  const std::string& path() const { return path_; }
  uint64_t bytes_written() const { return bytes_written_; }

 private:
  void FlushBuffer();
  void WriteDirect(std::string_view data);

  int fd_ = -1;
  bool is_stdout_ = false;
  bool direct_ = false;  // a device or pipe, written in place
  bool committed_ = false;
  std::string path_;
  std::string temp_path_;
  std::string target_path_;  // what a symbolic link `path_` points to, else ""
  std::string buffer_;
  int error_ = 0;  // first errno seen while writing
  uint64_t bytes_written_ = 0;
};

// A field of a TSV file: tab, CR, LF and backslash escaped as \t \r \n \\.
std::string EscapeTsvField(std::string_view s);
// The inverse of EscapeTsvField.
std::string UnescapeTsvField(std::string_view s);

// Reads a whole (small) file into `*content`; the message names the file.
Status ReadFile(const std::string& path, std::string* content);
// Writes `content` to `path` atomically.
Status WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace kazprep

#endif  // KAZPREP_COMMON_LINE_IO_H_
