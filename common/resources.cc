#include "common/resources.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>

#include "common/line_io.h"

namespace kazprep::resources {

struct Embedded {
  const char* name;
  const char* begin;
  const char* end;
};
// Defined in the generated kazprep_resources_data.cc.
extern const Embedded kEmbedded[];
extern const size_t kEmbeddedCount;

std::optional<std::string_view> Find(std::string_view name) {
  for (size_t i = 0; i < kEmbeddedCount; ++i) {
    if (name == kEmbedded[i].name) {
      return std::string_view(kEmbedded[i].begin,
                              static_cast<size_t>(kEmbedded[i].end - kEmbedded[i].begin));
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> Names() {
  std::vector<std::string_view> names;
  for (size_t i = 0; i < kEmbeddedCount; ++i) names.emplace_back(kEmbedded[i].name);
  std::sort(names.begin(), names.end());
  return names;
}

Status LoadModelFile(std::string_view name, const std::string& override_dir, std::string* content,
                     std::string* origin) {
  if (!override_dir.empty()) {
    *origin = override_dir + "/" + std::string(name);
    return ReadFile(*origin, content);
  }
  *origin = "models/" + std::string(name);
  const auto data = Find(*origin);
  if (!data) return Status::Error(*origin + ": not embedded in this build");
  content->assign(*data);
  // The copy is what gets parsed: the binary's pages that hold the file
  // (7 MB for the Kazakh lexicon) need not stay in memory. They are read-only
  // pages of the executable, read again from it if ever touched again.
  const auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  const uintptr_t first = (reinterpret_cast<uintptr_t>(data->data()) + page - 1) & ~(page - 1);
  const uintptr_t last = reinterpret_cast<uintptr_t>(data->data() + data->size()) & ~(page - 1);
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_DONTNEED);
  return Status::Ok();
}

Status ForEachDataLine(std::string_view content, std::string_view origin,
                       const std::function<Status(std::string_view line)>& fn) {
  size_t line_number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    Status status = fn(line);
    if (!status.ok()) {
      return Status::Error(std::string(origin) + ":" + std::to_string(line_number) + ": " +
                           status.message());
    }
  }
  return Status::Ok();
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t pos = 0;
  for (;;) {
    const size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      fields.push_back(line.substr(pos));
      return fields;
    }
    fields.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

}  // namespace kazprep::resources
