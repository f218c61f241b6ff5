// kazprep clean and kazprep langid.
#include <chrono>
#include <cstdio>
#include <future>
#include <iostream>

#include "cli/command.h"
#include "common/batch.h"
#include "common/json.h"
#include "common/line_io.h"
#include "common/utf8.h"
#include "preprocess/cleaner.h"

namespace kazprep::cli {
namespace {

using Clock = std::chrono::steady_clock;

struct Line {
  std::string text;
  uint64_t number = 0;  // 1-based line number in its file
};

struct Document {
  size_t file_index = 0;
  uint64_t number = 0;  // 1-based document number in its file
  std::vector<Line> lines;
};

// Reads documents: in text, a document ends at an empty line (which belongs
// to it, as its last line) or at the end of a file; in JSON Lines, each
// line is a document whose `field` holds its text.
class DocumentReader {
 public:
  DocumentReader(const std::vector<std::string>& inputs, bool jsonl, std::string field)
      : inputs_(inputs), jsonl_(jsonl), field_(std::move(field)) {}

  // False at the end or on an error (see status()).
  bool Next(Document* doc) {
    doc->lines.clear();
    for (;;) {
      if (!reader_) {
        if (file_ >= inputs_.size()) return false;
        reader_ = std::make_unique<LineReader>();
        status_ = reader_->Open(inputs_[file_]);
        if (!status_.ok()) return false;
        document_ = 0;
      }
      std::string_view line;
      bool any = false;
      while (reader_->Next(&line)) {
        any = true;
        if (jsonl_) {
          std::string text, error;
          if (!json::StringField(line, field_, &text, &error)) {
            status_ = Status::Error(reader_->path() + ":" + std::to_string(reader_->line_number()) +
                                    ": " + error);
            return false;
          }
          doc->file_index = file_;
          doc->number = ++document_;
          size_t pos = 0;
          for (;;) {
            const size_t nl = text.find('\n', pos);
            doc->lines.push_back({text.substr(pos, nl - pos), reader_->line_number()});
            if (nl == std::string::npos) break;
            pos = nl + 1;
          }
          return true;
        }
        if (doc->lines.empty()) {
          doc->file_index = file_;
          doc->number = document_ + 1;
        }
        doc->lines.push_back({std::string(line), reader_->line_number()});
        if (utf8::TrimSpace(line).empty()) break;  // the document ends here
      }
      if (!reader_->status().ok()) {
        status_ = reader_->status();
        return false;
      }
      if (!doc->lines.empty()) {
        ++document_;
        return true;
      }
      if (!any) {
        reader_.reset();
        ++file_;
      }
    }
  }
  const Status& status() const { return status_; }

 private:
  const std::vector<std::string>& inputs_;
  bool jsonl_;
  std::string field_;
  size_t file_ = 0;
  uint64_t document_ = 0;
  std::unique_ptr<LineReader> reader_;
  Status status_;
};

}  // namespace

int RunClean(const std::vector<std::string>& args) {
  const CommandInfo& info = FindCommand("clean");
  CleanerOptions options;
  std::string output, rejects_path, stats_path, field, boundaries;
  int threads = 0;
  bool jsonl = false, dedup = false, no_repeated = false, summary = false;
  po::options_description desc("Options");
  desc.add_options()("lang,l", po::value(&options.lang)->default_value("kk"), "kk, ru or en")(
      "rejects", po::value(&rejects_path),
      "write every dropped line as TSV: file, document, line, reason, text")(
      "dedup", po::bool_switch(&dedup), "drop exact and near duplicates of kept lines")(
      "jsonl", po::bool_switch(&jsonl), "read JSON Lines: one document per line")(
      "field", po::value(&field)->default_value("text"), "the JSON field that holds the text")(
      "boundaries", po::value(&boundaries)->default_value("none"),
      "none: write kept lines only; empty: one empty line between documents")(
      "no-repeated", po::bool_switch(&no_repeated),
      "do not drop lines repeated across documents (the first pass over the files)")(
      "min-language-letters", po::value(&options.min_language_letters)->default_value(20),
      "shorter lines are never dropped for their language")(
      "rules", po::value(&options.rules_dir), "folder that replaces the embedded models/ tables")(
      "stats", po::value(&stats_path), "write the counts per reason as JSON to this file")(
      "summary", po::bool_switch(&summary), "print a summary on stderr (default: when a terminal)");
  AddOutputOptions(desc, &output, &threads);
  po::variables_map vm;
  std::vector<std::string> inputs;
  if (!ParseArgs(info, args, desc, &vm, &inputs)) return kExitOk;
  if (options.lang != "kk" && options.lang != "ru" && options.lang != "en") {
    throw UsageError("--lang must be kk, ru or en, not '" + options.lang + "'");
  }
  if (boundaries != "none" && boundaries != "empty") {
    throw UsageError("--boundaries must be none or empty, not '" + boundaries + "'");
  }
  threads = ResolveThreads(threads);
  const auto start = Clock::now();

  std::unique_ptr<Cleaner> cleaner;
  Status status = Cleaner::Load(options, &cleaner);
  if (!status.ok()) return DataError(info.name, status.message());

  // First pass: in how many documents each line occurs (files only: stdin
  // cannot be read twice).
  DocumentFrequency frequency;
  const bool stdin_input =
      std::find(inputs.begin(), inputs.end(), std::string("-")) != inputs.end();
  const bool repeated = !no_repeated && !stdin_input;
  if (repeated) {
    DocumentReader reader(inputs, jsonl, field);
    Document doc;
    std::vector<std::string_view> views;
    while (reader.Next(&doc)) {
      views.clear();
      for (const auto& l : doc.lines) views.emplace_back(l.text);
      frequency.AddDocument(views);
    }
    if (!reader.status().ok()) return DataError(info.name, reader.status().message());
  }

  OutputFile out, rejects;
  status = out.Open(output);
  if (status.ok() && !rejects_path.empty()) status = rejects.Open(rejects_path);
  if (!status.ok()) return DataError(info.name, status.message());
  if (!rejects_path.empty()) rejects.WriteLine("file\tdocument\tline\treason\ttext");

  Deduplicator deduplicator;
  CleanerStats stats;
  DocumentReader reader(inputs, jsonl, field);
  std::vector<Document> batch;
  auto process_batch = [&]() {
    // The per-line decisions in parallel, the order-dependent ones in order.
    std::vector<std::vector<std::string>> reasons(batch.size());
    std::vector<std::pair<size_t, size_t>> lines;  // (document, line) of the batch
    for (size_t d = 0; d < batch.size(); ++d) {
      reasons[d].resize(batch[d].lines.size());
      for (size_t k = 0; k < batch[d].lines.size(); ++k) lines.emplace_back(d, k);
    }
    auto classify = [&](size_t begin, size_t end) {
      const auto matchers = cleaner->NewMatchers();
      for (size_t j = begin; j < end; ++j) {
        const auto [d, k] = lines[j];
        reasons[d][k] = cleaner->Classify(batch[d].lines[k].text, matchers.get());
      }
    };
    if (threads <= 1 || lines.size() < 64) {
      classify(0, lines.size());
    } else {
      std::vector<std::future<void>> jobs;
      const size_t per = (lines.size() + threads - 1) / threads;
      for (size_t b = 0; b < lines.size(); b += per) {
        jobs.push_back(
            std::async(std::launch::async, classify, b, std::min(lines.size(), b + per)));
      }
      for (auto& j : jobs) j.get();
    }
    for (size_t d = 0; d < batch.size(); ++d) {
      const Document& doc = batch[d];
      ++stats.documents;
      // With --boundaries empty every document with kept lines is followed by
      // exactly one empty line: its own closing empty line (kept), or one
      // written for it (JSON Lines, a file's last document).
      bool kept_here = false, closed = false;
      for (size_t k = 0; k < doc.lines.size(); ++k) {
        const Line& line = doc.lines[k];
        std::string reason = std::move(reasons[d][k]);
        if (reason.empty() && repeated && frequency.Count(line.text) > frequency.Threshold()) {
          reason = "repeated";
        }
        if (reason.empty() && dedup) reason = deduplicator.Check(line.text);
        if (reason == "empty" && boundaries == "empty" && kept_here && !closed) {
          reason.clear();  // the document's boundary
          closed = true;
        }
        ++stats.lines;
        if (reason.empty()) {
          out.WriteLine(closed ? std::string_view() : std::string_view(line.text));
          ++stats.kept;
          kept_here = true;
          continue;
        }
        ++stats.dropped[reason];
        if (!rejects_path.empty()) {
          rejects.WriteLine(inputs[doc.file_index] + "\t" + std::to_string(doc.number) + "\t" +
                            std::to_string(line.number) + "\t" + reason + "\t" +
                            EscapeTsvField(line.text));
        }
      }
      if (boundaries == "empty" && kept_here && !closed) out.Write("\n");
    }
    batch.clear();
  };
  Document doc;
  size_t batch_bytes = 0;
  while (reader.Next(&doc)) {
    for (const auto& l : doc.lines) batch_bytes += l.text.size();
    batch.push_back(std::move(doc));
    doc = Document();
    if (batch_bytes > kBatchBytes) {
      process_batch();
      batch_bytes = 0;
    }
  }
  if (!reader.status().ok()) return DataError(info.name, reader.status().message());
  process_batch();
  status = out.Commit();
  if (status.ok() && !rejects_path.empty()) status = rejects.Commit();
  if (status.ok() && !stats_path.empty()) {
    status = WriteFileAtomically(stats_path, stats.ToJson() + "\n");
  }
  if (!status.ok()) return DataError(info.name, status.message());
  if (summary || StderrIsTerminal()) {
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::string reasons;
    for (const auto& [reason, n] : stats.dropped) {
      reasons += (reasons.empty() ? "" : ", ") + reason + " " + std::to_string(n);
    }
    std::fprintf(
        stderr,
        "kazprep clean: %llu lines in %llu documents, %llu kept, %llu dropped (%s); "
        "repeated lines: %s; %.2f s\n",
        static_cast<unsigned long long>(stats.lines),
        static_cast<unsigned long long>(stats.documents),
        static_cast<unsigned long long>(stats.kept),
        static_cast<unsigned long long>(stats.dropped_total()), reasons.c_str(),
        repeated ? ("in more than " + std::to_string(frequency.Threshold()) + " documents").c_str()
                 : (stdin_input ? "off (stdin is read once)" : "off"),
        seconds);
  }
  return kExitOk;
}

int RunLangid(const std::vector<std::string>& args) {
  const CommandInfo& info = FindCommand("langid");
  std::string output, rules;
  int threads = 0;
  po::options_description desc("Options");
  desc.add_options()("rules", po::value(&rules),
                     "folder that replaces the embedded models/ tables");
  AddOutputOptions(desc, &output, &threads);
  po::variables_map vm;
  std::vector<std::string> inputs;
  if (!ParseArgs(info, args, desc, &vm, &inputs)) return kExitOk;
  threads = ResolveThreads(threads);
  std::unique_ptr<LanguageIdentifier> id;
  Status status = LanguageIdentifier::Load(rules, &id);
  if (!status.ok()) return DataError(info.name, status.message());
  struct Counts {
    uint64_t lines = 0;
    void Add(const Counts& o) { lines += o.lines; }
  };
  const LanguageIdentifier& identifier = *id;
  std::function<void(const LineBatch&, std::string*, Counts*)> fn =
      [&identifier](const LineBatch& batch, std::string* text, Counts* counts) {
        char buf[32];
        for (size_t i = 0; i < batch.size(); ++i) {
          const LanguageGuess g = identifier.Identify(batch.line(i));
          std::snprintf(buf, sizeof(buf), " %.2f\n", g.score);
          text->append(g.lang);
          text->append(buf);
          ++counts->lines;
        }
      };
  Counts total;
  ReadTotals read;
  status = RunOrderedToFile(inputs, threads, output, fn, &total, &read);
  if (!status.ok()) return DataError(info.name, status.message());
  return kExitOk;
}

}  // namespace kazprep::cli
