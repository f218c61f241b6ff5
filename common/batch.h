// Ordered parallel processing of a line stream.
//
// Input files are read in order and cut into batches of whole lines (a batch
// never crosses a file boundary). Each batch is processed by `fn` on one of
// `threads` threads (threads - 1 workers, and the reading thread when the
// workers are behind); outputs are written back in input order and the
// per-batch statistics are added up in input order, so the output and the
// statistics are byte-identical whatever the number of threads.
#ifndef KAZPREP_COMMON_BATCH_H_
#define KAZPREP_COMMON_BATCH_H_

#include <chrono>
#include <cstdint>
#include <cstring>
#include <deque>
#include <functional>
#include <future>
#include <string>
#include <string_view>
#include <vector>

#include "common/line_io.h"
#include "common/progress.h"
#include "common/status.h"
#include "common/worker_pool.h"

namespace kazprep {

struct LineBatch {
  size_t file_index = 0;    // index into the input list
  uint64_t first_line = 0;  // 1-based line number of line 0 in its file
  std::string text;  // the lines, each followed by '\n' (a CR before it is not part of the line)
  std::vector<size_t> ends;  // offset of each line's '\n' in `text` (see Index())

  size_t size() const { return ends.size(); }
  std::string_view line(size_t i) const {
    const size_t begin = i == 0 ? 0 : ends[i - 1] + 1;
    size_t end = ends[i];
    if (end > begin && text[end - 1] == '\r') --end;
    return std::string_view(text.data() + begin, end - begin);
  }
  // Finds the line ends of `text`; returns the number of CRLF line ends.
  uint64_t Index() {
    ends.clear();
    uint64_t crlf = 0;
    const char* data = text.data();
    for (size_t pos = 0; pos < text.size();) {
      const void* nl = std::memchr(data + pos, '\n', text.size() - pos);
      const size_t end =
          nl == nullptr ? text.size() : static_cast<size_t>(static_cast<const char*>(nl) - data);
      ends.push_back(end);
      if (end > pos && data[end - 1] == '\r') ++crlf;
      pos = end + 1;
    }
    return crlf;
  }
};

struct ReadTotals {
  uint64_t lines = 0;
  uint64_t bytes = 0;
  uint64_t crlf_lines = 0;
  uint64_t boms = 0;
};

inline constexpr size_t kBatchBytes = 1 << 20;

// Runs `fn(batch, &out, &stats)` over every line of `inputs` ("-" is stdin)
// and writes each batch's `out` to `output` in order (`output` may be null
// for a pass that only gathers statistics); `Stats` needs
// `void Add(const Stats&)`. Returns the first read error (naming the file and
// line); the output is not committed by this function. With `shard`, only
// that shard of each input is read (line numbers stay the whole file's).
template <typename Stats>
Status RunOrdered(const std::vector<std::string>& inputs, int threads, OutputFile* output,
                  const std::function<void(const LineBatch&, std::string*, Stats*)>& fn,
                  Stats* total, ReadTotals* read_totals, const Shard& shard = {}) {
  // Progress on stderr when it is a terminal (never in pipes or logs).
  Progress progress("", Progress::TotalSize(inputs));
  uint64_t bytes_before = 0;  // of the files already read
  struct Result {
    std::string out;
    Stats stats;
    uint64_t crlf = 0;
  };
  // The reading thread only reads blocks of whole lines; the workers find
  // the line ends.
  auto process = [&fn](LineBatch batch) {
    Result r;
    r.crlf = batch.Index();
    r.out.reserve(batch.text.size() + batch.text.size() / 8);
    fn(batch, &r.out, &r.stats);
    return r;
  };
  std::deque<std::future<Result>> in_flight;
  // With N threads, N - 1 workers and this thread, which reads and writes
  // and, while the batches in flight are at the limit, runs the oldest
  // batch no worker has started (so the next result to write comes soonest):
  // N busy threads, not N + 1 competing for N cores (split gained 1.55x from
  // 2 threads with 2 workers beside the reading thread). Two batches a
  // thread in flight: more took normalize's peak with the typo tables over
  // 100 MB.
  const size_t max_in_flight = threads > 1 ? static_cast<size_t>(threads) * 2 : 0;
  // Persistent workers: per-thread caches live across batches. Destroyed
  // (joined, after finishing queued batches) before anything they use.
  std::unique_ptr<WorkerPool> pool;
  if (max_in_flight > 0) pool = std::make_unique<WorkerPool>(threads - 1);
  auto take = [&](Result r) {
    if (output != nullptr) output->Write(r.out);
    total->Add(r.stats);
    read_totals->crlf_lines += r.crlf;
  };
  auto drain_one = [&]() {
    Result r = in_flight.front().get();
    in_flight.pop_front();
    take(std::move(r));
  };
  // Writes the oldest result if it is ready; else runs a batch no worker has
  // started; else waits for the oldest result.
  auto help_or_drain = [&]() {
    if (in_flight.front().wait_for(std::chrono::seconds(0)) == std::future_status::ready ||
        !pool->RunOnePending()) {
      drain_one();
    }
  };
  for (size_t file_index = 0; file_index < inputs.size(); ++file_index) {
    LineReader reader;
    KAZPREP_RETURN_IF_ERROR(reader.Open(inputs[file_index], shard));
    const uint64_t lines_before = reader.line_number();
    for (;;) {
      LineBatch batch;
      batch.file_index = file_index;
      batch.first_line = reader.line_number() + 1;
      batch.text.reserve(kBatchBytes + 4096);
      if (reader.ReadLines(&batch.text, kBatchBytes) == 0) break;
      progress.Update(bytes_before + reader.bytes_read());
      if (max_in_flight == 0) {
        take(process(std::move(batch)));
        continue;
      }
      in_flight.push_back(pool->Submit(
          [&process, b = std::move(batch)]() mutable { return process(std::move(b)); }));
      while (in_flight.size() >= max_in_flight) help_or_drain();
    }
    while (!in_flight.empty()) help_or_drain();
    KAZPREP_RETURN_IF_ERROR(reader.status());
    read_totals->lines += reader.line_number() - lines_before;
    read_totals->bytes += reader.bytes_read();
    bytes_before += reader.bytes_read();
    read_totals->boms += reader.had_bom() ? 1 : 0;
  }
  return Status::Ok();
}

// RunOrdered into `output_path` ("-" is stdout), committed (renamed into
// place) only when every input was read and every byte written.
template <typename Stats>
Status RunOrderedToFile(const std::vector<std::string>& inputs, int threads,
                        const std::string& output_path,
                        const std::function<void(const LineBatch&, std::string*, Stats*)>& fn,
                        Stats* total, ReadTotals* read_totals, const Shard& shard = {}) {
  OutputFile output;
  KAZPREP_RETURN_IF_ERROR(output.Open(output_path));
  KAZPREP_RETURN_IF_ERROR(RunOrdered(inputs, threads, &output, fn, total, read_totals, shard));
  return output.Commit();
}

}  // namespace kazprep

#endif  // KAZPREP_COMMON_BATCH_H_
