#include "pipeline/job.h"

#include <sys/stat.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <unordered_set>

#include "common/batch.h"
#include "common/hash.h"
#include "common/line_io.h"
#include "common/option_error.h"
#include "common/resources.h"
#include "common/utf8.h"
#include "pipeline/bitext.h"
#include "preprocess/cleaner.h"
#include "preprocess/normalizer.h"
#include "segment/sentence_splitter.h"
#include "segment/subword.h"
#include "segment/vocab_export.h"

namespace kazprep {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  return out + "\"";
}

Status MakeDirs(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::Error(dir + ": cannot create folder: " + ec.message());
  return Status::Ok();
}

// Appends the bytes of the file `path` to `out`.
Status CopyFileInto(const std::string& path, OutputFile* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open");
  std::string chunk(1 << 20, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    out->Write(std::string_view(chunk.data(), static_cast<size_t>(in.gcount())));
  }
  if (in.bad()) return Status::Error(path + ": read error");
  return Status::Ok();
}

bool KnownLang(const std::string& lang) { return lang == "kk" || lang == "ru" || lang == "en"; }

struct Tools {
  std::vector<std::string> lexicons;  // JobConfig::lexicons
  std::map<std::string, std::unique_ptr<Cleaner>> cleaners;
  std::map<std::string, std::unique_ptr<Normalizer>> normalizers;
  std::map<std::string, std::unique_ptr<SentenceSplitter>> splitters;

  std::map<std::string, std::unique_ptr<BitextFilter>> bitext;  // by "src-tgt"

  Status LoadPair(const std::string& src, const std::string& tgt) {
    const std::string name = src + "-" + tgt;
    if (bitext.count(name) != 0) return Status::Ok();
    for (const std::string& lang : {src, tgt}) {  // for the held-out sentences
      KAZPREP_RETURN_IF_ERROR(LoadSplitter(lang));
    }
    BitextOptions b;
    b.src = src;
    b.tgt = tgt;
    b.lexicons = lexicons;
    return BitextFilter::Load(b, &bitext[name]);
  }

  Status Load(const std::string& lang) {
    if (normalizers.count(lang) != 0) return Status::Ok();
    CleanerOptions c;
    c.lang = lang;
    KAZPREP_RETURN_IF_ERROR(Cleaner::Load(c, &cleaners[lang]));
    NormalizerOptions n;
    n.lang = lang;
    n.lexicons = lexicons;
    KAZPREP_RETURN_IF_ERROR(Normalizer::Load(n, &normalizers[lang]));
    return LoadSplitter(lang);
  }

  // Only the splitter (all that holding out needs).
  Status LoadSplitter(const std::string& lang) {
    if (splitters.count(lang) != 0) return Status::Ok();
    SplitterOptions s;
    s.lang = lang;
    return SentenceSplitter::Load(s, &splitters[lang]);
  }
};

// Resuming: each finished stage leaves a stamp in .stages/ with a
// fingerprint of what it was made from (the config, the inputs' sizes and
// times, the stamps before it), its report rows and the files it wrote. A
// re-run skips a stage whose stamp matches and whose files all exist.
struct Stamp {
  uint64_t fingerprint = 0;
  std::vector<StageCount> stages;
  std::vector<std::string> files;  // "kind path" lines, kind chosen by the stage
};

uint64_t InputFingerprint(const JobConfig& config) {
  uint64_t h = Fnv1a(std::string_view("kazprep run v2"));
  // The rules and models the binary carries: an upgraded kazprep redoes
  // everything.
  for (const auto name : resources::Names()) h = Fnv1a(*resources::Find(name), Fnv1a(name, h));
  const auto add = [&h](std::string_view s) { h = FnvAdd(Fnv1a(s, h), 0xFF); };
  const auto add_file = [&](const std::string& path) {
    add(path);
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    const auto time = fs::last_write_time(path, ec).time_since_epoch().count();
    h = FnvAdd(FnvAdd(h, ec ? 0 : size), static_cast<uint64_t>(time));
  };
  add(std::to_string(config.vocab_size) + " " + config.model_type + " " +
      std::to_string(config.seed) + " " + std::to_string(config.dev_size) + " " +
      std::to_string(config.test_size) + " " + std::to_string(config.spm_sample));
  for (const auto& lexicon : config.lexicons) add_file(lexicon);
  for (const auto& m : config.mono) {
    add(m.lang);
    add_file(m.path);
  }
  for (const auto& p : config.pairs) {
    add(p.src + "-" + p.tgt);
    add_file(p.path);
    if (!p.tgt_path.empty()) add_file(p.tgt_path);
  }
  return h;
}

// "size:mtime-in-ns" of a file, "missing" when there is none.
std::string FileState(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return "missing";
  return std::to_string(st.st_size) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

bool ParseNumber(const std::string& s, uint64_t* value) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && end == s.data() + s.size();
}

std::string StampPath(const std::string& dir, const std::string& stage) {
  return dir + "/.stages/" + stage;
}

// True when the stamp of `stage` exists, matches `fingerprint` and every file
// it lists (relative to `dir`) exists.
bool ReadStamp(const std::string& dir, const std::string& stage, uint64_t fingerprint,
               Stamp* stamp) {
  std::string content;
  if (!ReadFile(StampPath(dir, stage), &content).ok()) return false;
  *stamp = Stamp();
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    const std::string line = content.substr(pos, nl - pos);
    pos = nl + 1;
    std::vector<std::string> f;
    for (const auto field : resources::SplitTabs(line)) f.emplace_back(field);
    if (f[0] == "fingerprint" && f.size() == 2) {
      if (!ParseNumber(f[1], &stamp->fingerprint)) return false;  // a damaged stamp is stale
    } else if (f[0] == "stage" && f.size() >= 5) {
      StageCount st{UnescapeTsvField(f[1])};
      if (!ParseNumber(f[2], &st.in) || !ParseNumber(f[3], &st.out)) return false;
      st.seconds = std::strtod(f[4].c_str(), nullptr);
      for (size_t k = 5; k + 1 < f.size(); k += 2) {
        if (!ParseNumber(f[k + 1], &st.dropped[UnescapeTsvField(f[k])])) return false;
      }
      stamp->stages.push_back(st);
    } else if (f[0] == "file" && f.size() == 4) {
      // The file as the stage left it: same size and modification time.
      if (FileState(dir + "/" + f[2]) != f[3]) return false;
      stamp->files.push_back(f[1] + " " + f[2]);
    }
  }
  return stamp->fingerprint == fingerprint;
}

Status WriteStamp(const std::string& dir, const std::string& stage, const Stamp& stamp) {
  // Appended piece by piece: GCC 12 warns (-Wrestrict) on operator+ chains.
  std::string out = "fingerprint\t";
  out.append(std::to_string(stamp.fingerprint)).push_back('\n');
  for (const auto& st : stamp.stages) {
    out.append("stage\t").append(EscapeTsvField(st.stage)).push_back('\t');
    out.append(std::to_string(st.in)).push_back('\t');
    out.append(std::to_string(st.out)).push_back('\t');
    out.append(std::to_string(st.seconds));
    for (const auto& [reason, n] : st.dropped) {
      out.append("\t").append(EscapeTsvField(reason)).push_back('\t');
      out.append(std::to_string(n));
    }
    out.push_back('\n');
  }
  for (const auto& f : stamp.files) {
    const size_t space = f.find(' ');
    out.append("file\t").append(f, 0, space).push_back('\t');
    out.append(f, space + 1).push_back('\t');
    out.append(FileState(dir + "/" + f.substr(space + 1))).push_back('\n');
  }
  KAZPREP_RETURN_IF_ERROR(MakeDirs(dir + "/.stages"));
  return WriteFileAtomically(StampPath(dir, stage), out);
}

// Monolingual: raw paragraphs -> clean, normalized sentences, one per line.
// The cleaner judges each line on its own here (boilerplate, no letters,
// language); `kazprep clean` adds the across-document checks.
struct MonoStats {
  uint64_t in = 0, clean_out = 0, sentences = 0, empty = 0;
  std::map<std::string, uint64_t> dropped;  // by the cleaner, by reason
  void Add(const MonoStats& o) {
    in += o.in;
    clean_out += o.clean_out;
    sentences += o.sentences;
    empty += o.empty;
    for (const auto& [reason, n] : o.dropped) dropped[reason] += n;
  }
};

// Shard `shard` of one monolingual input into `out_path`: its sentences (the
// held-out ones still in) and three report rows (clean, normalize, split).
Status RunMonoShard(const JobConfig::Mono& mono, const Tools& tools, int threads,
                    const Shard& shard, const std::string& out_path,
                    std::vector<StageCount>* rows) {
  const auto start = Clock::now();
  const Cleaner& cleaner = *tools.cleaners.at(mono.lang);
  const Normalizer& normalizer = *tools.normalizers.at(mono.lang);
  const SentenceSplitter& splitter = *tools.splitters.at(mono.lang);
  std::function<void(const LineBatch&, std::string*, MonoStats*)> fn =
      [&](const LineBatch& batch, std::string* text, MonoStats* st) {
        const auto matchers = cleaner.NewMatchers();
        std::string normalized;
        std::vector<std::string_view> sentences;
        NormalizerStats stats;
        for (size_t i = 0; i < batch.size(); ++i) {
          const std::string_view line = batch.line(i);
          ++st->in;
          const std::string reason = cleaner.Classify(line, matchers.get());
          if (!reason.empty()) {
            ++st->dropped[reason];
            continue;
          }
          ++st->clean_out;
          normalizer.Normalize(line, &normalized, &stats);
          if (normalized.empty()) {
            ++st->empty;
            continue;
          }
          splitter.Split(normalized, &sentences);
          for (const auto s : sentences) {
            text->append(s);
            text->push_back('\n');
            ++st->sentences;
          }
        }
      };
  MonoStats total;
  ReadTotals read;
  KAZPREP_RETURN_IF_ERROR(
      RunOrderedToFile({mono.path}, threads, out_path, fn, &total, &read, shard));
  StageCount clean{"clean " + mono.lang + " " + mono.path, total.in, total.clean_out,
                   total.dropped};
  StageCount norm{"normalize " + mono.lang + " " + mono.path, total.clean_out, total.clean_out};
  StageCount split{"split " + mono.lang + " " + mono.path, total.clean_out, total.sentences};
  if (total.empty > 0) split.dropped["empty line"] = total.empty;
  clean.seconds = norm.seconds = split.seconds = SecondsSince(start);
  rows->insert(rows->end(), {clean, norm, split});
  return Status::Ok();
}

FileStats DescribeFile(const std::string& dir, const std::string& file) {
  FileStats f;
  f.file = file;
  uint64_t chars = 0, pieces = 0, bytes = 0;
  LineReader text, encoded;
  if (text.Open(dir + "/text/" + file).ok()) {
    std::string_view line;
    while (text.Next(&line)) {
      ++f.lines;
      chars += utf8::CodePoints(line);
    }
  }
  if (encoded.Open(dir + "/" + file).ok()) {
    std::string_view line;
    while (encoded.Next(&line)) {
      uint64_t n = 0;
      size_t pos = 0;
      while (pos < line.size()) {
        size_t end = line.find(' ', pos);
        if (end == std::string_view::npos) end = line.size();
        if (end > pos) {
          ++n;
          const std::string_view piece = line.substr(pos, end - pos);
          if (piece.size() == 6 && piece.substr(0, 3) == "<0x" && piece.back() == '>') ++bytes;
        }
        pos = end + 1;
      }
      pieces += n;
      f.max_pieces = std::max(f.max_pieces, n);
    }
  }
  if (f.lines > 0) {
    f.chars_per_line = static_cast<double>(chars) / static_cast<double>(f.lines);
    f.pieces_per_line = static_cast<double>(pieces) / static_cast<double>(f.lines);
  }
  if (pieces > 0) f.coverage = 1.0 - static_cast<double>(bytes) / static_cast<double>(pieces);
  return f;
}

// Parallel, shard `shard` of config.pairs[i] through the bitext filter (no
// duplicate check: that needs every shard before) into the shard folder:
//   pair.<i>.events  per input pair in order, "K<TAB>line" for each pair kept
//                    (re-split pairs give several) or "R<TAB>" + its rejects
//                    row (file, line, reason, sides as read)
//   pair.<i>.src, pair.<i>.tgt   the kept pairs, line-aligned
Status RunPairShard(size_t i, const Tools& tools, const JobConfig& config, const Shard& shard,
                    const std::string& shard_dir, std::vector<StageCount>* rows) {
  const auto start = Clock::now();
  const JobConfig::Pair& p = config.pairs[i];
  const std::string name = p.src + "-" + p.tgt;
  const std::string base = shard_dir + "/pair." + std::to_string(i);
  OutputFile src_out, tgt_out, events;
  KAZPREP_RETURN_IF_ERROR(src_out.Open(base + ".src"));
  KAZPREP_RETURN_IF_ERROR(tgt_out.Open(base + ".tgt"));
  KAZPREP_RETURN_IF_ERROR(events.Open(base + ".events"));
  BitextInput input;
  if (p.tgt_path.empty()) {
    input.tsv = {p.path};
  } else {
    input.src_file = p.path;
    input.tgt_file = p.tgt_path;
  }
  input.shard = shard;
  StageCount stage{"bitext " + name + " " + p.path};
  BitextTotals totals;
  const auto keep = [&](const BitextPair& pair, const std::string&, uint64_t line) {
    src_out.WriteLine(pair.src);
    tgt_out.WriteLine(pair.tgt);
    events.Write("K\t");
    events.WriteLine(std::to_string(line));
    ++stage.out;
  };
  const auto reject = [&events](const std::string& file, uint64_t line, std::string_view reason,
                                std::string_view a, std::string_view b) {
    events.Write("R\t");
    WriteRejectRow(&events, file, line, reason, a, b);
  };
  KAZPREP_RETURN_IF_ERROR(RunBitext(*tools.bitext.at(name), input, config.threads,
                                    /*dedup=*/false, keep, reject, &totals));
  stage.in = totals.stats.pairs_in;
  stage.dropped = totals.dropped;
  stage.seconds = SecondsSince(start);
  rows->push_back(stage);
  KAZPREP_RETURN_IF_ERROR(src_out.Commit());
  KAZPREP_RETURN_IF_ERROR(tgt_out.Commit());
  return events.Commit();
}

std::string ShardDir(const std::string& dir, const Shard& shard) {
  return dir + "/shards/" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count);
}

// Adds the counts of `from` to `to` (same stage).
void AddCounts(const StageCount& from, StageCount* to) {
  to->in += from.in;
  to->out += from.out;
  for (const auto& [reason, n] : from.dropped) to->dropped[reason] += n;
  to->seconds += from.seconds;
}

// One language pair from the shards, in input order: duplicates dropped
// (across all its inputs and shards) into text/all.<pair>.<lang>, dropped
// pairs to rejects.<pair>.tsv. Returns the seeded hash of each kept source
// sentence, for the held-out choice. `rows` holds each input's summed shard
// rows (by its index in config.pairs).
Status MergePairs(const std::string& name, const std::vector<size_t>& inputs,
                  const JobConfig& config, int shards, const std::vector<StageCount>& rows,
                  std::vector<uint64_t>* hashes, JobReport* report) {
  const std::string& dir = config.output_dir;
  const std::string src = config.pairs[inputs.front()].src;
  const std::string tgt = config.pairs[inputs.front()].tgt;
  OutputFile src_out, tgt_out, rejects;
  KAZPREP_RETURN_IF_ERROR(src_out.Open(dir + "/text/all." + name + "." + src));
  KAZPREP_RETURN_IF_ERROR(tgt_out.Open(dir + "/text/all." + name + "." + tgt));
  // The final rejects file is written once, by WriteSplits, with the
  // held-out drops added: an interrupted run never leaves a shorter one.
  KAZPREP_RETURN_IF_ERROR(rejects.Open(dir + "/text/all." + name + ".rejects"));
  BitextDeduplicator seen;  // across the files of this language pair
  const uint64_t seed_basis = FnvAdd(kFnvOffset, config.seed);
  for (const size_t i : inputs) {
    StageCount stage = rows[i];
    stage.out = 0;
    for (int k = 0; k < shards; ++k) {
      const std::string base = ShardDir(dir, {k, shards}) + "/pair." + std::to_string(i);
      LineReader events, a, b;
      KAZPREP_RETURN_IF_ERROR(events.Open(base + ".events"));
      KAZPREP_RETURN_IF_ERROR(a.Open(base + ".src"));
      KAZPREP_RETURN_IF_ERROR(b.Open(base + ".tgt"));
      std::string_view event, x, y;
      while (events.Next(&event)) {
        if (event.substr(0, 2) == "R\t") {
          rejects.WriteLine(event.substr(2));
          continue;
        }
        uint64_t line = 0;
        if (event.substr(0, 2) != "K\t" || !ParseNumber(std::string(event.substr(2)), &line) ||
            !a.Next(&x) || !b.Next(&y)) {
          return Status::Error(events.path() + ":" + std::to_string(events.line_number()) +
                               ": damaged shard file (run its text step again)");
        }
        const BitextPair pair{std::string(x), std::string(y)};
        if (!seen.FirstTime(pair)) {
          ++stage.dropped["duplicate"];
          WriteRejectRow(&rejects, config.pairs[i].path, line, "duplicate", pair.src, pair.tgt);
          continue;
        }
        src_out.WriteLine(pair.src);
        tgt_out.WriteLine(pair.tgt);
        hashes->push_back(Fnv1a(pair.src, seed_basis));
        ++stage.out;
      }
      KAZPREP_RETURN_IF_ERROR(events.status());
      KAZPREP_RETURN_IF_ERROR(a.status());
      KAZPREP_RETURN_IF_ERROR(b.status());
    }
    report->stages.push_back(stage);
  }
  KAZPREP_RETURN_IF_ERROR(src_out.Commit());
  KAZPREP_RETURN_IF_ERROR(tgt_out.Commit());
  KAZPREP_RETURN_IF_ERROR(rejects.Commit());
  report->outputs.push_back("rejects." + name + ".tsv");
  return Status::Ok();
}

// The held-out choice of one language pair: which lines of text/all.<pair>.*
// go to test (the test_size smallest hashes of the source side), dev (the
// next dev_size) and train.
struct HeldOut {
  std::string name, src, tgt;
  std::vector<uint8_t> part;  // per line: 0 train, 1 dev, 2 test
};

// Chooses the held-out lines and adds their sentences' hashes to `held` (by
// language, across every language pair: a Kazakh test sentence of kk-ru must
// not be trained on through kk-en either).
// The hashes of `line` and of each of its sentences: a held-out side of two
// sentences must also keep each sentence out of training (re-splitting
// differs between language pairs).
void AddSentenceHashes(const SentenceSplitter& splitter, std::string_view line,
                       std::unordered_set<uint64_t>* to) {
  to->insert(Fnv1a(line));
  std::vector<std::string_view> sentences;
  splitter.Split(line, &sentences);
  for (const auto s : sentences) to->insert(Fnv1a(s));
}

// True when `line` or one of its sentences is in `held`.
bool TouchesHeldOut(const SentenceSplitter& splitter, std::string_view line,
                    const std::unordered_set<uint64_t>& held) {
  if (held.empty()) return false;
  if (held.count(Fnv1a(line)) != 0) return true;
  std::vector<std::string_view> sentences;
  splitter.Split(line, &sentences);
  for (const auto s : sentences) {
    if (held.count(Fnv1a(s)) != 0) return true;
  }
  return false;
}

Status ChooseHeldOut(const std::vector<uint64_t>& hashes, const JobConfig& config,
                     const Tools& tools, HeldOut* h,
                     std::map<std::string, std::unordered_set<uint64_t>>* held) {
  std::vector<size_t> order(hashes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const size_t count =
      std::min<size_t>(order.size(), static_cast<size_t>(config.test_size + config.dev_size));
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count), order.end(),
                    [&hashes](size_t a, size_t b) {
                      return hashes[a] != hashes[b] ? hashes[a] < hashes[b] : a < b;
                    });
  h->part.assign(hashes.size(), 0);
  (*held)[h->src];  // present, if empty, for WriteSplits
  (*held)[h->tgt];
  for (size_t k = 0; k < count; ++k) h->part[order[k]] = k < config.test_size ? 2 : 1;
  const std::string text = config.output_dir + "/text/all." + h->name + ".";
  LineReader a, b;
  KAZPREP_RETURN_IF_ERROR(a.Open(text + h->src));
  KAZPREP_RETURN_IF_ERROR(b.Open(text + h->tgt));
  std::string_view x, y;
  for (size_t i = 0; a.Next(&x) && b.Next(&y); ++i) {
    if (h->part[i] == 0) continue;
    AddSentenceHashes(*tools.splitters.at(h->src), x, &(*held)[h->src]);
    AddSentenceHashes(*tools.splitters.at(h->tgt), y, &(*held)[h->tgt]);
  }
  KAZPREP_RETURN_IF_ERROR(a.status());
  return b.status();
}

// Writes text/{train,dev,test}.<pair>.*; a train pair with a side equal to
// any held-out sentence of its language is dropped.
Status WriteSplits(const HeldOut& h, const JobConfig& config, const Tools& tools,
                   const std::map<std::string, std::unordered_set<uint64_t>>& held,
                   std::vector<std::string>* files, JobReport* report) {
  const auto start = Clock::now();
  const std::string text = config.output_dir + "/text/";
  const char* names[3] = {"train.", "dev.", "test."};
  const bool used[3] = {true, config.dev_size > 0, config.test_size > 0};
  LineReader a, b;
  KAZPREP_RETURN_IF_ERROR(a.Open(text + "all." + h.name + "." + h.src));
  KAZPREP_RETURN_IF_ERROR(b.Open(text + "all." + h.name + "." + h.tgt));
  OutputFile out[3][2];
  for (int p = 0; p < 3; ++p) {
    if (!used[p]) continue;
    KAZPREP_RETURN_IF_ERROR(out[p][0].Open(text + names[p] + h.name + "." + h.src));
    KAZPREP_RETURN_IF_ERROR(out[p][1].Open(text + names[p] + h.name + "." + h.tgt));
  }
  // The pairs dropped here join the rejects of the bitext stage.
  OutputFile rejects;
  KAZPREP_RETURN_IF_ERROR(rejects.Open(config.output_dir + "/rejects." + h.name + ".tsv"));
  KAZPREP_RETURN_IF_ERROR(CopyFileInto(text + "all." + h.name + ".rejects", &rejects));
  const auto& held_src = held.at(h.src);
  const auto& held_tgt = held.at(h.tgt);
  StageCount stage{"held-out " + h.name};
  std::string_view x, y;
  for (size_t i = 0; a.Next(&x) && b.Next(&y); ++i) {
    ++stage.in;
    const uint8_t part = h.part[i];
    if (part == 0 && (TouchesHeldOut(*tools.splitters.at(h.src), x, held_src) ||
                      TouchesHeldOut(*tools.splitters.at(h.tgt), y, held_tgt))) {
      ++stage.dropped["in dev or test"];
      WriteRejectRow(&rejects, "text/all." + h.name, i + 1, "in dev or test", x, y);
      continue;
    }
    out[part][0].WriteLine(x);
    out[part][1].WriteLine(y);
    ++stage.out;
  }
  KAZPREP_RETURN_IF_ERROR(a.status());
  KAZPREP_RETURN_IF_ERROR(b.status());
  KAZPREP_RETURN_IF_ERROR(rejects.Commit());
  for (int p = 0; p < 3; ++p) {
    if (!used[p]) continue;
    KAZPREP_RETURN_IF_ERROR(out[p][0].Commit());
    KAZPREP_RETURN_IF_ERROR(out[p][1].Commit());
    files->push_back(names[p] + h.name + "." + h.src);
    files->push_back(names[p] + h.name + "." + h.tgt);
  }
  stage.seconds = SecondsSince(start);
  report->stages.push_back(stage);
  return Status::Ok();
}

Status EncodeFile(const SubwordEncoder& encoder, const std::string& in_path,
                  const std::string& out_path, int threads, StageCount* stage,
                  const Shard& shard = {}) {
  SubwordStats total;
  ReadTotals read;
  std::function<void(const LineBatch&, std::string*, SubwordStats*)> fn =
      [&encoder](const LineBatch& batch, std::string* text, SubwordStats* stats) {
        std::string pieces;
        for (size_t i = 0; i < batch.size(); ++i) {
          encoder.EncodePieces(batch.line(i), &pieces, stats);
          text->append(pieces);
          text->push_back('\n');
        }
      };
  KAZPREP_RETURN_IF_ERROR(RunOrderedToFile({in_path}, threads, out_path, fn, &total, &read, shard));
  stage->in += read.lines;
  stage->out += total.lines;
  return Status::Ok();
}

uint64_t ShardFingerprint(uint64_t fingerprint, const Shard& shard) {
  return FnvAdd(FnvAdd(fingerprint, static_cast<uint64_t>(shard.index)),
                static_cast<uint64_t>(shard.count));
}

// The text step of one shard: every input's lines of this shard through the
// bitext filter (pairs) or clean -> normalize -> split (mono), into the shard
// folder, with a stamp listing its report rows and files.
Status RunTextShard(const JobConfig& config, uint64_t text_print, const Shard& shard) {
  const std::string shard_dir = ShardDir(config.output_dir, shard);
  KAZPREP_RETURN_IF_ERROR(MakeDirs(shard_dir));
  Tools tools;
  tools.lexicons = config.lexicons;
  for (const auto& m : config.mono) KAZPREP_RETURN_IF_ERROR(tools.Load(m.lang));
  for (const auto& p : config.pairs) KAZPREP_RETURN_IF_ERROR(tools.LoadPair(p.src, p.tgt));
  Stamp stamp;
  stamp.fingerprint = ShardFingerprint(text_print, shard);
  for (size_t i = 0; i < config.pairs.size(); ++i) {
    KAZPREP_RETURN_IF_ERROR(RunPairShard(i, tools, config, shard, shard_dir, &stamp.stages));
    for (const char* ext : {".src", ".tgt", ".events"}) {
      stamp.files.push_back("shard pair." + std::to_string(i) + ext);
    }
  }
  for (size_t i = 0; i < config.mono.size(); ++i) {
    const std::string file = "mono." + std::to_string(i);
    KAZPREP_RETURN_IF_ERROR(RunMonoShard(config.mono[i], tools, config.threads, shard,
                                         shard_dir + "/" + file, &stamp.stages));
    stamp.files.push_back("shard " + file);
  }
  return WriteStamp(shard_dir, "text", stamp);
}

// The stamps `stamp` (of the step `step`) of every shard, in shard order;
// an error names the shard whose step is missing or stale.
Status ReadShardStamps(const JobConfig& config, uint64_t fingerprint, const std::string& stamp,
                       const std::string& step, int shards, std::vector<Stamp>* stamps) {
  stamps->assign(static_cast<size_t>(shards), Stamp());
  for (int k = 0; k < shards; ++k) {
    const Shard shard{k, shards};
    if (!ReadStamp(ShardDir(config.output_dir, shard), stamp, ShardFingerprint(fingerprint, shard),
                   &(*stamps)[static_cast<size_t>(k)])) {
      return Status::Error("shard " + std::to_string(k) + "/" + std::to_string(shards) +
                           " of the " + step + " step is missing or stale (" +
                           ShardDir(config.output_dir, shard) + "): run it again with --step " +
                           step + " --shard " + std::to_string(k) + "/" + std::to_string(shards));
    }
  }
  return Status::Ok();
}

// Merges the text steps of `shards` shards into text/: pairs deduplicated,
// dev and test held out, training pairs and monolingual sentences that touch
// a held-out sentence dropped. Lists the files written (relative to text/).
Status MergeText(const JobConfig& config, uint64_t text_print, int shards,
                 std::vector<std::string>* train_files, std::vector<std::string>* held_files,
                 JobReport* report) {
  const std::string& dir = config.output_dir;
  std::vector<Stamp> stamps;
  KAZPREP_RETURN_IF_ERROR(ReadShardStamps(config, text_print, "text", "text", shards, &stamps));
  // Rows per input: pairs first (one each), then mono (three each).
  const size_t rows_per_shard = config.pairs.size() + 3 * config.mono.size();
  std::vector<StageCount> rows(rows_per_shard);
  for (const Stamp& stamp : stamps) {
    if (stamp.stages.size() != rows_per_shard) {
      return Status::Error("shard stamps of " + dir + " do not match the config");
    }
    for (size_t r = 0; r < rows_per_shard; ++r) {
      rows[r].stage = stamp.stages[r].stage;
      AddCounts(stamp.stages[r], &rows[r]);
    }
  }
  // Holding out splits sentences; nothing here normalizes or filters (the
  // text step did): only the splitters are loaded, not the typo tables.
  Tools tools;
  for (const auto& p : config.pairs) {
    KAZPREP_RETURN_IF_ERROR(tools.LoadSplitter(p.src));
    KAZPREP_RETURN_IF_ERROR(tools.LoadSplitter(p.tgt));
  }
  std::map<std::string, std::unordered_set<uint64_t>> held;  // by language
  std::map<std::string, std::vector<size_t>> pairs_by_name;
  for (size_t i = 0; i < config.pairs.size(); ++i) {
    pairs_by_name[config.pairs[i].src + "-" + config.pairs[i].tgt].push_back(i);
  }
  std::vector<HeldOut> splits;
  for (const auto& [name, inputs] : pairs_by_name) {
    std::vector<uint64_t> hashes;
    KAZPREP_RETURN_IF_ERROR(MergePairs(name, inputs, config, shards, rows, &hashes, report));
    const auto& first = config.pairs[inputs.front()];
    splits.push_back({name, first.src, first.tgt, {}});
    KAZPREP_RETURN_IF_ERROR(ChooseHeldOut(hashes, config, tools, &splits.back(), &held));
  }
  for (const auto& h : splits) {
    std::vector<std::string> files;
    KAZPREP_RETURN_IF_ERROR(WriteSplits(h, config, tools, held, &files, report));
    for (const auto& f : files) {
      (f.rfind("train.", 0) == 0 ? *train_files : *held_files).push_back(f);
    }
  }
  std::map<std::string, std::vector<size_t>> mono_by_lang;
  for (size_t i = 0; i < config.mono.size(); ++i) mono_by_lang[config.mono[i].lang].push_back(i);
  for (const auto& [lang, inputs] : mono_by_lang) {
    const std::string name = "mono." + lang;
    const auto& held_lang = held[lang];
    OutputFile out;
    KAZPREP_RETURN_IF_ERROR(out.Open(dir + "/text/" + name));
    for (const size_t i : inputs) {
      const size_t row = config.pairs.size() + 3 * i;
      StageCount split = rows[row + 2];
      for (int k = 0; k < shards; ++k) {
        LineReader reader;
        KAZPREP_RETURN_IF_ERROR(
            reader.Open(ShardDir(dir, {k, shards}) + "/mono." + std::to_string(i)));
        std::string_view s;
        while (reader.Next(&s)) {
          if (held_lang.count(Fnv1a(s)) != 0) {
            ++split.dropped["in dev or test"];
            --split.out;
            continue;
          }
          out.WriteLine(s);
        }
        KAZPREP_RETURN_IF_ERROR(reader.status());
      }
      report->stages.insert(report->stages.end(), {rows[row], rows[row + 1], split});
    }
    KAZPREP_RETURN_IF_ERROR(out.Commit());
    train_files->push_back(name);
  }
  return Status::Ok();
}

// The encode step of one shard: the shard's lines of every file of `files`
// (relative to text/) as pieces into the shard folder's pieces/, with a stamp.
Status EncodeShard(const JobConfig& config, const SubwordEncoder& encoder,
                   const std::string& prefix, uint64_t encode_print,
                   const std::vector<std::string>& files, const Shard& shard) {
  const std::string shard_dir = ShardDir(config.output_dir, shard);
  KAZPREP_RETURN_IF_ERROR(MakeDirs(shard_dir + "/pieces"));
  Stamp stamp;
  stamp.fingerprint = ShardFingerprint(encode_print, shard);
  StageCount stage{"spm-encode " + prefix};
  const auto start = Clock::now();
  for (const auto& f : files) {
    KAZPREP_RETURN_IF_ERROR(EncodeFile(encoder, config.output_dir + "/text/" + f,
                                       shard_dir + "/pieces/" + f, config.threads, &stage, shard));
    stamp.files.push_back("pieces pieces/" + f);
  }
  stage.seconds = SecondsSince(start);
  stamp.stages.push_back(stage);
  return WriteStamp(shard_dir, "encode-" + prefix, stamp);
}

// The encoded files from the shards' pieces/, concatenated in shard order.
Status MergeEncoded(const JobConfig& config, const std::string& prefix, uint64_t encode_print,
                    const std::vector<std::string>& files, int shards, StageCount* stage) {
  std::vector<Stamp> stamps;
  KAZPREP_RETURN_IF_ERROR(
      ReadShardStamps(config, encode_print, "encode-" + prefix, "encode", shards, &stamps));
  for (const Stamp& stamp : stamps) {
    for (const auto& st : stamp.stages) AddCounts(st, stage);
  }
  for (const auto& f : files) {
    OutputFile out;
    KAZPREP_RETURN_IF_ERROR(out.Open(config.output_dir + "/" + f));
    for (int k = 0; k < shards; ++k) {
      KAZPREP_RETURN_IF_ERROR(
          CopyFileInto(ShardDir(config.output_dir, {k, shards}) + "/pieces/" + f, &out));
    }
    KAZPREP_RETURN_IF_ERROR(out.Commit());
  }
  return Status::Ok();
}

}  // namespace

Status LoadJobConfig(const std::string& path, JobConfig* config) {
  po::options_description desc;
  std::vector<std::string> mono[3], pairs[3];
  const char* langs[3] = {"kk", "ru", "en"};
  const char* pair_names[3] = {"kk-ru", "kk-en", "ru-en"};
  std::string output_dir;
  desc.add_options()("output-dir", po::value(&output_dir)->required())(
      "vocab-size", po::value(&config->vocab_size)->default_value(8000))(
      "model-type", po::value(&config->model_type)->default_value("unigram"))(
      "seed", po::value(&config->seed)->default_value(1))(
      "dev-size", po::value(&config->dev_size)->default_value(0))(
      "test-size", po::value(&config->test_size)->default_value(0))(
      "joint-model", po::value(&config->joint_model)->default_value(true))(
      "spm-sample", po::value(&config->spm_sample)->default_value(config->spm_sample))(
      "lexicon", po::value(&config->lexicons)->composing());
  for (int i = 0; i < 3; ++i) {
    desc.add_options()((std::string("mono.") + langs[i]).c_str(), po::value(&mono[i])->composing());
    desc.add_options()((std::string("pair.") + pair_names[i]).c_str(),
                       po::value(&pairs[i])->composing());
  }
  std::string content;
  KAZPREP_RETURN_IF_ERROR(ReadFile(path, &content));
  // Checked line by line before Boost sees it: Boost's message for an
  // unknown option loops forever on names holding its %placeholders% (found
  // by fuzzing), and a precise file:line helps more anyway.
  {
    size_t number = 0;
    for (size_t pos = 0; pos <= content.size();) {
      size_t end = content.find('\n', pos);
      if (end == std::string::npos) end = content.size();
      const std::string_view raw(content.data() + pos, end - pos);
      pos = end + 1;
      ++number;
      const std::string_view line = utf8::TrimSpace(raw.substr(0, raw.find('#')));
      const auto name_ok = [](std::string_view name) {
        return !name.empty() &&
               name.find_first_not_of(
                   "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._") ==
                   std::string_view::npos;
      };
      const auto where = [&]() { return path + ":" + std::to_string(number) + ": "; };
      if (raw.find('\0') != std::string_view::npos) return Status::Error(where() + "NUL byte");
      if (line.empty()) continue;
      if (line.front() == '[') {
        if (line.back() != ']' || !name_ok(line.substr(1, line.size() - 2))) {
          return Status::Error(where() + "expected a section name such as [mono] or [pair]");
        }
        continue;
      }
      const size_t eq = line.find('=');
      if (eq == std::string_view::npos || !name_ok(utf8::TrimSpace(line.substr(0, eq)))) {
        return Status::Error(where() + "expected KEY = VALUE (a KEY of letters, digits, - . _)");
      }
    }
  }
  std::istringstream in(content);
  po::variables_map vm;
  try {
    po::store(po::parse_config_file(in, desc, /*allow_unregistered=*/false), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Status::Error(path + ": " + OptionErrorMessage(e));
  }
  const fs::path base = fs::path(path).parent_path();
  auto resolve = [&base](const std::string& p) {
    return fs::path(p).is_absolute() ? p : (base / p).lexically_normal().string();
  };
  config->output_dir = resolve(output_dir);
  for (std::string& lexicon : config->lexicons) lexicon = resolve(lexicon);
  for (int i = 0; i < 3; ++i) {
    for (const auto& p : mono[i]) config->mono.push_back({langs[i], resolve(p)});
    for (const auto& p : pairs[i]) {
      const std::string name = pair_names[i];
      // "a.tsv", or "a.kk | b.ru" for two line-aligned files.
      const size_t bar = p.find('|');
      if (bar == std::string::npos) {
        config->pairs.push_back(
            {name.substr(0, 2), name.substr(3), resolve(std::string(utf8::TrimSpace(p))), ""});
      } else {
        const std::string a(utf8::TrimSpace(std::string_view(p).substr(0, bar)));
        const std::string b(utf8::TrimSpace(std::string_view(p).substr(bar + 1)));
        if (a.empty() || b.empty()) {
          return Status::Error(path + ": pair." + name + " = " + p +
                               ": expected SOURCE_FILE | TARGET_FILE");
        }
        config->pairs.push_back({name.substr(0, 2), name.substr(3), resolve(a), resolve(b)});
      }
    }
  }
  // (error_code overloads: a name too long for the file system is an error
  // to report, not an exception; found by fuzzing)
  const auto missing = [](const std::string& file, std::string* why) {
    std::error_code ec;
    if (fs::exists(file, ec)) return false;
    *why = ec ? ec.message() : "no such file";
    return true;
  };
  std::string why;
  for (const auto& lexicon : config->lexicons) {
    if (missing(lexicon, &why)) return Status::Error(path + ": lexicon: " + lexicon + ": " + why);
  }
  for (const auto& m : config->mono) {
    if (missing(m.path, &why)) {
      return Status::Error(path + ": mono." + m.lang + ": " + m.path + ": " + why);
    }
  }
  for (const auto& p : config->pairs) {
    for (const std::string& file : {p.path, p.tgt_path}) {
      if (!file.empty() && missing(file, &why)) {
        return Status::Error(path + ": pair." + p.src + "-" + p.tgt + ": " + file + ": " + why);
      }
    }
  }
  if (config->mono.empty() && config->pairs.empty()) {
    return Status::Error(path + ": no input (set mono.<lang> or pair.<src>-<tgt>)");
  }
  const bool kazakh = std::any_of(config->mono.begin(), config->mono.end(),
                                  [](const auto& m) { return m.lang == "kk"; }) ||
                      std::any_of(config->pairs.begin(), config->pairs.end(),
                                  [](const auto& p) { return p.src == "kk" || p.tgt == "kk"; });
  if (!config->lexicons.empty() && !kazakh) {
    return Status::Error(path +
                         ": lexicon: for Kazakh typo correction, but the job has no Kazakh input");
  }
  return Status::Ok();
}

Status PrepareExampleJob(const std::string& output_dir, JobConfig* config) {
  const std::string input_dir = output_dir + "/input";
  KAZPREP_RETURN_IF_ERROR(MakeDirs(input_dir));
  const std::pair<const char*, const char*> files[] = {
      {"examples/news.kk.raw.txt", "news.kk.raw.txt"},
      {"examples/parallel.kk-ru.tsv", "parallel.kk-ru.tsv"},
      {"examples/parallel.kk-en.tsv", "parallel.kk-en.tsv"},
  };
  for (const auto& [name, file] : files) {
    const auto data = resources::Find(name);
    if (!data) return Status::Error(std::string(name) + ": not embedded in this build");
    // Rewritten only when it differs: a re-run then finds its stages done.
    std::string existing;
    if (ReadFile(input_dir + "/" + file, &existing).ok() && existing == *data) continue;
    KAZPREP_RETURN_IF_ERROR(WriteFileAtomically(input_dir + "/" + file, *data));
  }
  config->output_dir = output_dir;
  config->mono = {{"kk", input_dir + "/news.kk.raw.txt"}};
  config->pairs = {{"kk", "ru", input_dir + "/parallel.kk-ru.tsv", ""},
                   {"kk", "en", input_dir + "/parallel.kk-en.tsv", ""}};
  config->dev_size = 5;
  config->test_size = 5;
  config->vocab_size = 600;
  return Status::Ok();
}

Status RunJob(const JobConfig& config, JobReport* report, const JobStep& step) {
  if (step.name != "all" && step.name != "text" && step.name != "merge" && step.name != "train" &&
      step.name != "encode" && step.name != "finish") {
    return Status::Error("unknown step '" + step.name +
                         "' (all, text, merge, train, encode, finish)");
  }
  const auto start = Clock::now();
  const std::string& dir = config.output_dir;
  KAZPREP_RETURN_IF_ERROR(MakeDirs(dir + "/text"));
  // Temporary files of an interrupted run (NAME.tmp.PID) are never complete:
  // they go. (Two runs into one folder at once are not supported.)
  // A shard step sweeps only its own shard folder: other shards' steps may
  // be running beside it.
  std::vector<std::string> folders = {dir, dir + "/text", dir + "/.stages"};
  {
    std::vector<std::string> shard_dirs;
    if (step.name == "text" || step.name == "encode") {
      shard_dirs.push_back(ShardDir(dir, step.shard));
    } else if (step.name == "all") {
      std::error_code ec;
      for (const auto& e : fs::directory_iterator(dir + "/shards", ec)) {
        shard_dirs.push_back(e.path().string());
      }
    }
    for (const auto& d : shard_dirs) {
      folders.insert(folders.end(), {d, d + "/pieces", d + "/.stages"});
    }
  }
  for (const std::string& folder : folders) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(folder, ec)) {
      const std::string name = e.path().filename().string();
      const size_t tmp = name.rfind(".tmp.");
      if (tmp != std::string::npos && e.is_regular_file(ec) &&
          name.find_first_not_of("0123456789", tmp + 5) == std::string::npos) {
        fs::remove(e.path(), ec);
      }
    }
  }
  for (const auto& m : config.mono) {
    if (!KnownLang(m.lang)) return Status::Error("unsupported language " + m.lang);
  }
  for (const auto& p : config.pairs) {
    if (!KnownLang(p.src) || !KnownLang(p.tgt) || p.src == p.tgt) {
      return Status::Error("unsupported language pair " + p.src + "-" + p.tgt);
    }
  }
  // A stage done before (same config, same inputs) is not done again.
  std::set<std::string> confirmed;  // stamps resumed or written in this run
  const auto resume = [&](const std::string& stage, uint64_t fingerprint, Stamp* stamp) {
    if (!ReadStamp(dir, stage, fingerprint, stamp)) {
      // This stage runs: no stamp of a later stage (from an earlier run) may
      // be trusted any more; they go before anything is written.
      std::error_code ec;
      for (const auto& e : fs::directory_iterator(dir + "/.stages", ec)) {
        if (confirmed.count(e.path().filename().string()) == 0) fs::remove(e.path(), ec);
      }
      return false;
    }
    confirmed.insert(stage);
    for (StageCount st : stamp->stages) {
      if (step.name == "all") st.stage += " (done before)";
      report->stages.push_back(st);
    }
    return true;
  };
  const auto finish = [&](const std::string& stage, uint64_t fingerprint, size_t first_row,
                          std::vector<std::string> files) {
    Stamp stamp;
    stamp.fingerprint = fingerprint;
    stamp.stages.assign(report->stages.begin() + static_cast<std::ptrdiff_t>(first_row),
                        report->stages.end());
    stamp.files = std::move(files);
    confirmed.insert(stage);
    return WriteStamp(dir, stage, stamp);
  };

  // Text: parallel first, since its dev and test sentences must stay out of
  // every training file, the monolingual ones included. Made of shards (one
  // for a whole run) merged in order, so a sharded run gives the same files.
  const uint64_t text_print = InputFingerprint(config);
  if (step.name == "text") return RunTextShard(config, text_print, step.shard);
  std::vector<std::string> train_files, held_files;  // relative to text/
  Stamp stamp;
  if (resume("text", text_print, &stamp)) {
    for (const auto& f : stamp.files) {
      if (f.rfind("rejects ", 0) == 0) {
        report->outputs.push_back(f.substr(8));
      } else {
        (f.rfind("train ", 0) == 0 ? train_files : held_files).push_back(f.substr(f.find('/') + 1));
      }
    }
  } else {
    if (step.name != "all" && step.name != "merge") {
      return Status::Error("the text of " + dir +
                           " is missing or stale: run the text step of every shard and the "
                           "merge step first");
    }
    const size_t first_row = report->stages.size();
    int shards = step.shard.count;
    if (step.name == "all") {
      shards = 1;
      KAZPREP_RETURN_IF_ERROR(RunTextShard(config, text_print, {0, 1}));
    }
    KAZPREP_RETURN_IF_ERROR(
        MergeText(config, text_print, shards, &train_files, &held_files, report));
    if (step.name == "all") {
      std::error_code ec;
      fs::remove_all(ShardDir(dir, {0, 1}), ec);
      fs::remove(dir + "/shards", ec);  // only when empty
    }
    std::vector<std::string> files;
    for (const auto& f : train_files) files.push_back("train text/" + f);
    for (const auto& f : held_files) files.push_back("held text/" + f);
    for (const auto& o : report->outputs) {
      if (o.rfind("rejects.", 0) == 0) files.push_back("rejects " + o);
    }
    KAZPREP_RETURN_IF_ERROR(finish("text", text_print, first_row, files));
  }
  if (step.name == "merge") return Status::Ok();
  std::vector<std::string> all_files = train_files;
  all_files.insert(all_files.end(), held_files.begin(), held_files.end());
  std::sort(all_files.begin(), all_files.end());

  // Subword models over the training text (never dev or test): one joint
  // model (spm.model), or one per language (spm.<lang>.model) with
  // joint-model = false. Each file is encoded with the model of its language.
  struct Model {
    std::string prefix;                     // "spm" or "spm.kk"
    std::string suffix;                     // "" or ".kk", for the vocabulary files
    std::vector<std::string> train, files;  // training text; files to encode
  };
  std::vector<Model> models;
  const auto lang_of = [](const std::string& f) { return f.substr(f.rfind('.') + 1); };
  if (config.joint_model) {
    models.push_back({"spm", "", train_files, all_files});
  } else {
    std::map<std::string, Model> by_lang;
    for (const auto& f : train_files) by_lang[lang_of(f)].train.push_back(f);
    for (const auto& f : all_files) by_lang[lang_of(f)].files.push_back(f);
    for (auto& [lang, m] : by_lang) {
      m.prefix = "spm." + lang;
      m.suffix = "." + lang;
      if (m.train.empty()) return Status::Error("no training text in " + lang);
      models.push_back(std::move(m));
    }
  }
  const std::pair<const char*, const char*> exports[] = {{"marian", "vocab%s.marian.yml"},
                                                         {"fairseq", "dict%s.txt"},
                                                         {"opennmt", "vocab%s.opennmt.txt"}};
  const auto export_name = [](const char* pattern, const std::string& suffix) {
    std::string name = pattern;
    return name.replace(name.find("%s"), 2, suffix);
  };
  for (const Model& model : models) {
    const std::string& prefix = model.prefix;
    const uint64_t spm_print = FnvAdd(Fnv1a(prefix, text_print), 1);
    if (!resume(prefix + "-train", spm_print, &stamp)) {
      if (step.name != "all" && step.name != "train") {
        return Status::Error(prefix + ": the model is missing or stale: run the train step first");
      }
      const size_t first_row = report->stages.size();
      const auto stage_start = Clock::now();
      SubwordTrainOptions train;
      uint64_t bytes = 0;
      for (const auto& f : model.train) {
        train.inputs.push_back(dir + "/text/" + f);
        std::error_code ec;
        bytes += fs::file_size(dir + "/text/" + f, ec);
      }
      if (bytes == 0) {
        return Status::Error(prefix +
                             ": no training text left: every pair and line was dropped "
                             "or held out (see rejects.*.tsv and the stages above)");
      }
      train.model_prefix = dir + "/" + prefix;
      train.vocab_size = config.vocab_size;
      train.model_type = config.model_type;
      train.seed = config.seed;
      train.input_sentence_size = config.spm_sample;
      // train.threads keeps its fixed default: the model must not depend on --threads.
      KAZPREP_RETURN_IF_ERROR(TrainSubwordModel(train));
      StageCount train_stage{"spm-train" + model.suffix};
      std::unique_ptr<SubwordEncoder> trained;
      KAZPREP_RETURN_IF_ERROR(SubwordEncoder::Load(dir + "/" + prefix + ".model", &trained));
      train_stage.out = static_cast<uint64_t>(trained->vocab_size());
      train_stage.seconds = SecondsSince(stage_start);
      report->stages.push_back(train_stage);
      KAZPREP_RETURN_IF_ERROR(finish(prefix + "-train", spm_print, first_row,
                                     {"model " + prefix + ".model", "model " + prefix + ".vocab"}));
    }
    if (step.name == "train") continue;
    report->outputs.insert(report->outputs.end(), {prefix + ".model", prefix + ".vocab"});
    std::unique_ptr<SubwordEncoder> encoder;
    KAZPREP_RETURN_IF_ERROR(SubwordEncoder::Load(dir + "/" + prefix + ".model", &encoder));

    // What follows depends on the model itself (a model trained again counts
    // as new, even if a stamp says the encoding was done).
    std::string model_bytes;
    KAZPREP_RETURN_IF_ERROR(ReadFile(dir + "/" + prefix + ".model", &model_bytes));
    const uint64_t encode_print = FnvAdd(Fnv1a(model_bytes, spm_print), 2);
    if (step.name == "encode") {
      KAZPREP_RETURN_IF_ERROR(
          EncodeShard(config, *encoder, prefix, encode_print, model.files, step.shard));
      continue;
    }
    if (!resume(prefix + "-encode", encode_print, &stamp)) {
      const size_t first_row = report->stages.size();
      const auto stage_start = Clock::now();
      StageCount encode_stage{"spm-encode" + model.suffix};
      std::vector<std::string> files;
      if (step.name == "finish") {
        // Files encoded shard by shard (the encode step), concatenated.
        KAZPREP_RETURN_IF_ERROR(MergeEncoded(config, prefix, encode_print, model.files,
                                             step.shard.count, &encode_stage));
      }
      for (const auto& f : model.files) {
        if (step.name == "all") {
          KAZPREP_RETURN_IF_ERROR(EncodeFile(*encoder, dir + "/text/" + f, dir + "/" + f,
                                             config.threads, &encode_stage));
        }
        files.push_back("pieces " + f);
      }
      encode_stage.seconds = SecondsSince(stage_start);
      report->stages.push_back(encode_stage);
      KAZPREP_RETURN_IF_ERROR(finish(prefix + "-encode", encode_print, first_row, files));
    }

    // Vocabularies for the toolkits, counted on the training text.
    const uint64_t export_print = FnvAdd(encode_print, 3);
    if (!resume(prefix + "-export", export_print, &stamp)) {
      const size_t first_row = report->stages.size();
      const auto stage_start = Clock::now();
      std::vector<uint64_t> counts;
      StageCount export_stage{"spm-export" + model.suffix};
      // Counted on the training files as encoded above, not encoded again.
      for (const auto& f : model.train) {
        LineReader reader;
        KAZPREP_RETURN_IF_ERROR(reader.Open(dir + "/" + f));
        std::string_view line;
        while (reader.Next(&line)) {
          CountEncodedPieces(*encoder, line, &counts);
          ++export_stage.in;
        }
        KAZPREP_RETURN_IF_ERROR(reader.status());
      }
      std::vector<std::string> files;
      for (const auto& [format, pattern] : exports) {
        std::string text;
        KAZPREP_RETURN_IF_ERROR(ExportVocabulary(*encoder, format, counts, &text));
        const std::string file = export_name(pattern, model.suffix);
        KAZPREP_RETURN_IF_ERROR(WriteFileAtomically(dir + "/" + file, text));
        files.push_back("vocabulary " + file);
        ++export_stage.out;
      }
      export_stage.seconds = SecondsSince(stage_start);
      report->stages.push_back(export_stage);
      KAZPREP_RETURN_IF_ERROR(finish(prefix + "-export", export_print, first_row, files));
    }
    for (const auto& [format, pattern] : exports) {
      report->outputs.push_back(export_name(pattern, model.suffix));
    }
  }
  if (step.name == "train" || step.name == "encode") return Status::Ok();
  for (const auto& f : all_files) {
    report->outputs.push_back("text/" + f);
    report->outputs.push_back(f);
    report->files.push_back(DescribeFile(dir, f));
  }

  report->seconds = SecondsSince(start);
  report->outputs.push_back("report.json");
  report->outputs.push_back("report.md");
  KAZPREP_RETURN_IF_ERROR(WriteFileAtomically(dir + "/report.md", report->ToMarkdown()));
  return WriteFileAtomically(dir + "/report.json", report->ToJson());
}

std::string JobReport::ToJson() const {
  std::string s = "{\n  \"stages\": [\n";
  for (size_t i = 0; i < stages.size(); ++i) {
    const auto& st = stages[i];
    s += "    {\"stage\": " + JsonString(st.stage) + ", \"in\": " + std::to_string(st.in) +
         ", \"out\": " + std::to_string(st.out) + ", \"dropped\": {";
    bool first = true;
    for (const auto& [reason, n] : st.dropped) {
      s += (first ? "" : ", ") + JsonString(reason) + ": " + std::to_string(n);
      first = false;
    }
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.3f", st.seconds);
    s += std::string("}, \"seconds\": ") + buf + "}" + (i + 1 < stages.size() ? ",\n" : "\n");
  }
  s += "  ],\n  \"files\": [\n";
  for (size_t i = 0; i < files.size(); ++i) {
    const auto& f = files[i];
    char buf[512];
    std::snprintf(buf, sizeof(buf),
                  "    {\"file\": %s, \"lines\": %llu, \"chars_per_line\": %.2f, "
                  "\"pieces_per_line\": %.2f, \"max_pieces\": %llu, \"coverage\": %.6f}%s\n",
                  JsonString(f.file).c_str(), static_cast<unsigned long long>(f.lines),
                  f.chars_per_line, f.pieces_per_line,
                  static_cast<unsigned long long>(f.max_pieces), f.coverage,
                  i + 1 < files.size() ? "," : "");
    s += buf;
  }
  s += "  ],\n  \"outputs\": [";
  for (size_t i = 0; i < outputs.size(); ++i) s += (i ? ", " : "") + JsonString(outputs[i]);
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.3f", seconds);
  s += std::string("],\n  \"seconds\": ") + buf + "\n}\n";
  return s;
}

std::string JobReport::ToText() const {
  std::string s;
  char buf[512];
  std::snprintf(buf, sizeof(buf), "%-12s %10s %10s %10s  %s\n", "stage", "lines in", "out",
                "dropped", "detail");
  s += buf;
  for (const auto& st : stages) {
    uint64_t dropped = 0;
    std::string detail;
    for (const auto& [reason, n] : st.dropped) {
      dropped += n;
      detail += (detail.empty() ? "" : ", ") + reason + ": " + std::to_string(n);
    }
    std::string stage_name = st.stage;
    const std::string kDone = " (done before)";
    const bool done =
        stage_name.size() > kDone.size() &&
        stage_name.compare(stage_name.size() - kDone.size(), kDone.size(), kDone) == 0;
    if (done) {
      stage_name.resize(stage_name.size() - kDone.size());
      detail = "done before" + std::string(detail.empty() ? "" : "; ") + detail;
    }
    const size_t space = stage_name.find(' ');
    const std::string name = stage_name.substr(0, stage_name.find(' ', space + 1));
    if (st.stage.rfind("spm-train", 0) == 0) {
      detail = (done ? "done before; vocabulary " : "vocabulary ") + std::to_string(st.out);
      std::snprintf(buf, sizeof(buf), "%-12s %10s %10s %10s  %s (%.2f s)\n", name.c_str(), "-", "-",
                    "-", detail.c_str(), st.seconds);
    } else {
      std::snprintf(buf, sizeof(buf), "%-12s %10llu %10llu %10llu  %s%s(%.2f s)\n", name.c_str(),
                    static_cast<unsigned long long>(st.in), static_cast<unsigned long long>(st.out),
                    static_cast<unsigned long long>(dropped), detail.c_str(),
                    detail.empty() ? "" : " ", st.seconds);
    }
    s += buf;
  }
  std::snprintf(buf, sizeof(buf), "total time %.2f s; %zu files written\n", seconds,
                outputs.size());
  return s + buf;
}

std::string JobReport::ToMarkdown() const {
  std::string s =
      "# kazprep run report\n\n## Stages\n\n| stage | in | out | dropped by reason | s "
      "|\n|---|---|---|---|---|\n";
  char buf[1024];
  for (const auto& st : stages) {
    std::string detail;
    for (const auto& [reason, n] : st.dropped) {
      detail += (detail.empty() ? "" : ", ") + reason + ": " + std::to_string(n);
    }
    std::snprintf(buf, sizeof(buf), "| %s | %llu | %llu | %s | %.2f |\n", st.stage.c_str(),
                  static_cast<unsigned long long>(st.in), static_cast<unsigned long long>(st.out),
                  detail.empty() ? "-" : detail.c_str(), st.seconds);
    s += buf;
  }
  s += "\n## Output files\n\n| file | lines | characters / line | pieces / line | most pieces | "
       "vocabulary coverage |\n|---|---|---|---|---|---|\n";
  for (const auto& f : files) {
    std::snprintf(buf, sizeof(buf), "| %s | %llu | %.1f | %.1f | %llu | %.4f%% |\n", f.file.c_str(),
                  static_cast<unsigned long long>(f.lines), f.chars_per_line, f.pieces_per_line,
                  static_cast<unsigned long long>(f.max_pieces), 100 * f.coverage);
    s += buf;
  }
  std::snprintf(buf, sizeof(buf),
                "\nVocabulary coverage: the share of pieces that are not byte fallbacks "
                "(`<0xNN>`).\nTotal time %.2f s; %zu files written.\n",
                seconds, outputs.size());
  return s + buf;
}

}  // namespace kazprep
