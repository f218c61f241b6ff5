// Status: the result of loading or I/O. Per-line functions never return one;
// only loading, opening and writing can fail, and only `main` turns a failed
// Status into an exit code.
#ifndef KAZPREP_COMMON_STATUS_H_
#define KAZPREP_COMMON_STATUS_H_

#include <string>
#include <utility>

namespace kazprep {

class Status {
 public:
  Status() = default;  // OK.
  static Status Ok() { return Status(); }
  // `message` names the file (and line, where there is one):
  // "models/normalize/invisible.tsv:12: expected a hex code point".
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }

 private:
  explicit Status(std::string message) : failed_(true), message_(std::move(message)) {}
  bool failed_ = false;
  std::string message_;
};

// Propagates a failed Status to the caller. The variable name is unique per
// use so that nested uses (in a lambda passed to a loader) do not shadow.
#define KAZPREP_STATUS_CONCAT_INNER_(a, b) a##b
#define KAZPREP_STATUS_CONCAT_(a, b) KAZPREP_STATUS_CONCAT_INNER_(a, b)
#define KAZPREP_RETURN_IF_ERROR(expr) \
  KAZPREP_RETURN_IF_ERROR_IMPL_(KAZPREP_STATUS_CONCAT_(kazprep_status_, __COUNTER__), expr)
#define KAZPREP_RETURN_IF_ERROR_IMPL_(var, expr) \
  do {                                           \
    ::kazprep::Status var = (expr);              \
    if (!var.ok()) return var;                   \
  } while (false)

}  // namespace kazprep

#endif  // KAZPREP_COMMON_STATUS_H_
