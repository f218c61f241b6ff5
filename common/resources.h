// Data files embedded in the binary at build time (everything under models/
// and examples/), so kazprep works alone; an override folder given by the user
// (`--rules DIR`) replaces them.
#ifndef KAZPREP_COMMON_RESOURCES_H_
#define KAZPREP_COMMON_RESOURCES_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace kazprep::resources {

// The embedded file at `name`, a path relative to the source tree
// ("models/normalize/invisible.tsv"), or nullopt.
std::optional<std::string_view> Find(std::string_view name);
// Every embedded file name, sorted.
std::vector<std::string_view> Names();

// Loads the data file `name` (a path under models/, e.g.
// "normalize/invisible.tsv"). With an empty `override_dir` the embedded copy
// is used; otherwise `override_dir/name` is read from disk. `*origin` receives
// the name to use in messages ("models/normalize/invisible.tsv" or the path).
Status LoadModelFile(std::string_view name, const std::string& override_dir, std::string* content,
                     std::string* origin);

// Calls `fn(line_number, line)` for each line of `content` that is neither
// empty nor a comment (first non-space character '#'); stops at the first
// failed Status, whose message is prefixed with "origin:line: ".
Status ForEachDataLine(std::string_view content, std::string_view origin,
                       const std::function<Status(std::string_view line)>& fn);

// Splits `line` at tabs.
std::vector<std::string_view> SplitTabs(std::string_view line);

}  // namespace kazprep::resources

#endif  // KAZPREP_COMMON_RESOURCES_H_
