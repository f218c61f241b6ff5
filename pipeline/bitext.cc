#include "pipeline/bitext.h"

#include <algorithm>
#include <deque>
#include <future>
#include <memory>

#include "common/hash.h"
#include "common/line_io.h"
#include "common/progress.h"
#include "common/utf8.h"
#include "common/worker_pool.h"
#include "preprocess/language_id.h"
#include "segment/sentence_splitter.h"

namespace kazprep {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Length of the thousands separator at `i` ("," "." "'" " ", U+00A0 or
// U+202F), 0 if there is none.
size_t SeparatorAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if (c == ',' || c == '.' || c == '\'' || c == ' ') return 1;
  if (s.compare(i, 2, "\u00A0") == 0) return 2;
  if (s.compare(i, 3, "\u202F") == 0) return 3;
  return 0;
}

}  // namespace

std::vector<std::string> NumbersOf(std::string_view text) {
  std::vector<std::string> numbers;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsDigit(text[i])) {
      ++i;
      continue;
    }
    std::string number;
    while (true) {
      while (i < text.size() && IsDigit(text[i])) number.push_back(text[i++]);
      // A separator followed by exactly three digits joins a thousands group.
      const size_t sep = SeparatorAt(text, i);
      if (sep == 0) break;
      const size_t group = i + sep;
      size_t end = group;
      while (end < text.size() && IsDigit(text[end])) ++end;
      if (end - group != 3) break;
      i = group;
    }
    // Trailing zeros go: "75 мың" / "75,000", "3,5 млн" / "3.5 million".
    while (number.size() > 1 && number.back() == '0') number.pop_back();
    numbers.push_back(std::move(number));
  }
  return numbers;
}

bool BitextDeduplicator::FirstTime(const BitextPair& pair) {
  return seen_.insert(Fnv1a(pair.tgt, FnvAdd(Fnv1a(pair.src), '\t'))).second;
}

BitextFilter::BitextFilter() = default;
BitextFilter::~BitextFilter() = default;

Status BitextFilter::Load(const BitextOptions& options, std::unique_ptr<BitextFilter>* filter) {
  if (options.max_ratio < 1) return Status::Error("the length ratio must be at least 1");
  std::unique_ptr<BitextFilter> f(new BitextFilter());
  f->options_ = options;
  for (const auto& [lang, normalizer, splitter] :
       {std::tuple{options.src, &f->src_normalizer_, &f->src_splitter_},
        std::tuple{options.tgt, &f->tgt_normalizer_, &f->tgt_splitter_}}) {
    NormalizerOptions n;
    n.lang = lang;
    n.rules_dir = options.rules_dir;
    n.typos = lang == "kk" ? options.typos : TypoMode::kOff;
    n.lexicons = options.lexicons;
    KAZPREP_RETURN_IF_ERROR(Normalizer::Load(n, normalizer));
    SplitterOptions s;
    s.lang = lang;
    s.rules_dir = options.rules_dir;
    KAZPREP_RETURN_IF_ERROR(SentenceSplitter::Load(s, splitter));
  }
  KAZPREP_RETURN_IF_ERROR(LanguageIdentifier::Load(options.rules_dir, &f->language_id_));
  *filter = std::move(f);
  return Status::Ok();
}

bool BitextFilter::RatioOk(std::string_view a, std::string_view b) const {
  const double la = static_cast<double>(utf8::CodePoints(a)) + 5;
  const double lb = static_cast<double>(utf8::CodePoints(b)) + 5;
  return std::max(la, lb) <= options_.max_ratio * std::min(la, lb);
}

std::string BitextFilter::Process(std::string_view src_in, std::string_view tgt_in,
                                  std::vector<BitextPair>* out, BitextStats* stats) const {
  out->clear();
  ++stats->pairs_in;
  BitextPair pair;
  src_normalizer_->Normalize(src_in, &pair.src, &stats->normalizer);
  tgt_normalizer_->Normalize(tgt_in, &pair.tgt, &stats->normalizer);
  if (pair.src.empty()) return "empty source";
  if (pair.tgt.empty()) return "empty target";
  if (pair.src == pair.tgt) return "identical sides";
  if (utf8::CodePoints(pair.src) > options_.max_chars ||
      utf8::CodePoints(pair.tgt) > options_.max_chars) {
    return "overlong";
  }
  // Only kk, ru and en count as "another language": on sentences CLD2's
  // other guesses are mostly noise ("Кто слово не ценит, тот и себя не
  // ценит." is "ro" to it).
  const auto other_language = [this](const std::string& side, const std::string& lang) {
    const std::string other =
        language_id_->OtherLanguage(side, lang, options_.min_language_letters);
    return other == "kk" || other == "ru" || other == "en" ? other : std::string();
  };
  std::string other = other_language(pair.src, options_.src);
  if (!other.empty()) return "source language:" + other;
  other = other_language(pair.tgt, options_.tgt);
  if (!other.empty()) return "target language:" + other;
  if (!RatioOk(pair.src, pair.tgt)) return "length ratio";
  if (options_.check_numbers) {
    std::vector<std::string> a = NumbersOf(pair.src), b = NumbersOf(pair.tgt);
    if (!a.empty() && !b.empty()) {
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      if (a != b) return "numbers differ";
    }
  }
  if (options_.resplit) {
    std::vector<std::string_view> a, b;
    src_splitter_->Split(pair.src, &a);
    tgt_splitter_->Split(pair.tgt, &b);
    if (a.size() >= 2 && a.size() == b.size()) {
      bool consistent = true;
      for (size_t k = 0; k < a.size() && consistent; ++k) consistent = RatioOk(a[k], b[k]);
      if (consistent) {
        for (size_t k = 0; k < a.size(); ++k) {
          out->push_back(BitextPair{std::string(a[k]), std::string(b[k])});
        }
        ++stats->resplit;
        stats->pairs_out += out->size();
        return "";
      }
    }
  }
  out->push_back(std::move(pair));
  ++stats->pairs_out;
  return "";
}

}  // namespace kazprep

namespace kazprep {
namespace {

struct RawPair {
  size_t file = 0;
  uint64_t line = 0;
  std::string src, tgt;
  bool malformed = false;  // a TSV line without exactly one tab
};

struct Outcome {
  std::string reason;
  std::vector<BitextPair> pairs;
};

struct BatchResult {
  std::vector<Outcome> outcomes;
  BitextStats stats;
};

constexpr size_t kPairsPerBatch = 4096;

// Reads pairs, `kPairsPerBatch` at a time, from TSV files or two files.
class PairReader {
 public:
  explicit PairReader(const BitextInput& input) : input_(input) {}

  // Fills `batch`; false at the end (check status()).
  bool Next(std::vector<RawPair>* batch) {
    batch->clear();
    while (batch->size() < kPairsPerBatch && status_.ok()) {
      RawPair p;
      if (!ReadOne(&p)) break;
      batch->push_back(std::move(p));
    }
    return !batch->empty();
  }
  const Status& status() const { return status_; }
  const std::vector<std::string>& files() const { return files_; }
  uint64_t bytes() const { return bytes_; }
  // Bytes read so far, for progress.
  uint64_t bytes_so_far() const {
    if (input_.tsv.empty()) return src_.bytes_read() + tgt_.bytes_read();
    return bytes_ + (tsv_ ? tsv_->bytes_read() : 0);
  }

 private:
  bool ReadOne(RawPair* p) {
    std::string_view a, b;
    if (input_.tsv.empty()) {
      if (!opened_) {
        opened_ = true;
        files_ = {input_.src_file};
        status_ = src_.Open(input_.src_file, input_.shard);
        if (status_.ok()) status_ = tgt_.Open(input_.tgt_file);
        if (!status_.ok()) return false;
        // A shard of two files: the source file's shard, the same lines of
        // the target file.
        tgt_.SkipLines(src_.line_number());
      }
      const bool more_a = src_.Next(&a);
      if (more_a) p->src = a;  // a is invalidated by the next read of src_ only
      if (!more_a && src_.status().ok() && src_.stopped_at_shard_end()) {
        bytes_ = src_.bytes_read() + tgt_.bytes_read();
        return false;  // the target file goes on in the next shard
      }
      const bool more_b = tgt_.Next(&b);
      if (!src_.status().ok()) status_ = src_.status();
      if (!tgt_.status().ok()) status_ = tgt_.status();
      if (!status_.ok()) return false;
      if (more_a != more_b) {
        bytes_ = src_.bytes_read() + tgt_.bytes_read();
        status_ =
            Status::Error(input_.src_file + " and " + input_.tgt_file + " differ in length: " +
                          (more_a ? input_.tgt_file : input_.src_file) + " ends at line " +
                          std::to_string(more_a ? tgt_.line_number() : src_.line_number()) +
                          " (the files are not line-aligned)");
        return false;
      }
      if (!more_a) {
        bytes_ = src_.bytes_read() + tgt_.bytes_read();
        return false;
      }
      p->tgt = b;
      p->line = src_.line_number();
      return true;
    }
    while (true) {
      if (!tsv_) {
        if (next_file_ >= input_.tsv.size()) return false;
        files_.push_back(input_.tsv[next_file_]);
        tsv_ = std::make_unique<LineReader>();
        status_ = tsv_->Open(input_.tsv[next_file_++], input_.shard);
        if (!status_.ok()) return false;
      }
      if (tsv_->Next(&a)) {
        p->file = files_.size() - 1;
        p->line = tsv_->line_number();
        const size_t tab = a.find('\t');
        if (tab == std::string_view::npos || a.find('\t', tab + 1) != std::string_view::npos) {
          p->malformed = true;
          p->src = a;
        } else {
          p->src = a.substr(0, tab);
          p->tgt = a.substr(tab + 1);
        }
        return true;
      }
      if (!tsv_->status().ok()) {
        status_ = tsv_->status();
        return false;
      }
      bytes_ += tsv_->bytes_read();
      tsv_.reset();
    }
  }

  const BitextInput& input_;
  LineReader src_, tgt_;             // two files
  std::unique_ptr<LineReader> tsv_;  // the TSV file being read
  bool opened_ = false;
  size_t next_file_ = 0;
  std::vector<std::string> files_;
  uint64_t bytes_ = 0;
  Status status_;
};

BatchResult ProcessBatch(const BitextFilter& filter, const std::vector<RawPair>& batch) {
  BatchResult r;
  r.outcomes.resize(batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    if (batch[i].malformed) {
      ++r.stats.pairs_in;
      r.outcomes[i].reason = "not two tab-separated fields";
      continue;
    }
    r.outcomes[i].reason =
        filter.Process(batch[i].src, batch[i].tgt, &r.outcomes[i].pairs, &r.stats);
  }
  return r;
}

}  // namespace

// Not RunOrdered (common/batch.h): that reads one stream of lines, and a
// pair may come from two files read in lockstep. The ordering is the same:
// batches on the worker pool, consumed in input order on this thread.
Status RunBitext(const BitextFilter& filter, const BitextInput& input, int threads, bool dedup,
                 const BitextKeep& keep, const BitextReject& reject, BitextTotals* totals) {
  PairReader reader(input);
  Progress progress(
      "", Progress::TotalSize(input.tsv.empty()
                                  ? std::vector<std::string>{input.src_file, input.tgt_file}
                                  : input.tsv));
  BitextDeduplicator seen;
  auto consume = [&](const std::vector<RawPair>& batch, BatchResult result) {
    progress.Update(reader.bytes_so_far());
    totals->stats.Add(result.stats);
    for (size_t i = 0; i < batch.size(); ++i) {
      const Outcome& o = result.outcomes[i];
      const std::string& file = reader.files()[batch[i].file];
      if (!o.reason.empty()) {
        ++totals->dropped[o.reason];
        reject(file, batch[i].line, o.reason, batch[i].src, batch[i].tgt);
        continue;
      }
      for (const BitextPair& pair : o.pairs) {
        if (dedup && !seen.FirstTime(pair)) {
          ++totals->duplicates;
          reject(file, batch[i].line, "duplicate", pair.src, pair.tgt);
          continue;
        }
        keep(pair, file, batch[i].line);
      }
    }
  };
  std::vector<RawPair> batch;
  if (threads <= 1) {
    while (reader.Next(&batch)) consume(batch, ProcessBatch(filter, batch));
  } else {
    WorkerPool pool(threads);
    std::deque<std::pair<std::shared_ptr<std::vector<RawPair>>, std::future<BatchResult>>>
        in_flight;
    const size_t max_in_flight = static_cast<size_t>(threads) * 2;
    auto drain_one = [&]() {
      auto& front = in_flight.front();
      consume(*front.first, front.second.get());
      in_flight.pop_front();
    };
    while (reader.Next(&batch)) {
      auto shared = std::make_shared<std::vector<RawPair>>(std::move(batch));
      batch = {};
      if (in_flight.size() >= max_in_flight) drain_one();
      in_flight.emplace_back(
          shared, pool.Submit([&filter, shared] { return ProcessBatch(filter, *shared); }));
    }
    while (!in_flight.empty()) drain_one();
  }
  totals->bytes += reader.bytes();
  return reader.status();
}

void WriteRejectRow(OutputFile* out, const std::string& file, uint64_t line,
                    std::string_view reason, std::string_view src, std::string_view tgt) {
  // Piece by piece: GCC 12 warns (-Wrestrict) on operator+ chains.
  out->Write(EscapeTsvField(file));
  out->Write("\t");
  out->Write(std::to_string(line));
  out->Write("\t");
  out->Write(reason);
  out->Write("\t");
  out->Write(EscapeTsvField(src));
  out->Write("\t");
  out->WriteLine(EscapeTsvField(tgt));
}

}  // namespace kazprep
