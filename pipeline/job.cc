#include "pipeline/job.h"

#include <sys/stat.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "common/batch.h"
#include "common/line_io.h"
#include "common/resources.h"
#include "preprocess/cleaner.h"
#include "preprocess/normalizer.h"
#include "segment/sentence_splitter.h"
#include "segment/subword.h"

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

bool KnownLang(const std::string& lang) { return lang == "kk" || lang == "ru" || lang == "en"; }

struct Tools {
  std::map<std::string, std::unique_ptr<Cleaner>> cleaners;
  std::map<std::string, std::unique_ptr<Normalizer>> normalizers;
  std::map<std::string, std::unique_ptr<SentenceSplitter>> splitters;

  Status Load(const std::string& lang) {
    if (normalizers.count(lang) != 0) return Status::Ok();
    CleanerOptions c;
    c.lang = lang;
    KAZPREP_RETURN_IF_ERROR(Cleaner::Load(c, &cleaners[lang]));
    NormalizerOptions n;
    n.lang = lang;
    KAZPREP_RETURN_IF_ERROR(Normalizer::Load(n, &normalizers[lang]));
    SplitterOptions s;
    s.lang = lang;
    return SentenceSplitter::Load(s, &splitters[lang]);
  }
};

// Monolingual: raw paragraphs -> clean, normalized sentences, one per line.
// The cleaner judges each line on its own here (boilerplate, no letters,
// language); `kazprep clean` adds the across-document checks.
Status RunMono(const JobConfig::Mono& mono, Tools& tools, OutputFile* out, JobReport* report) {
  const auto start = Clock::now();
  const Cleaner& cleaner = *tools.cleaners.at(mono.lang);
  const Normalizer& normalizer = *tools.normalizers.at(mono.lang);
  const SentenceSplitter& splitter = *tools.splitters.at(mono.lang);
  StageCount clean{"clean " + mono.lang + " " + mono.path};
  StageCount norm{"normalize " + mono.lang + " " + mono.path};
  StageCount split{"split " + mono.lang + " " + mono.path};
  LineReader reader;
  KAZPREP_RETURN_IF_ERROR(reader.Open(mono.path));
  std::string_view line;
  std::string normalized;
  std::vector<std::string_view> sentences;
  NormalizerStats stats;
  const auto matchers = cleaner.NewMatchers();
  while (reader.Next(&line)) {
    ++clean.in;
    const std::string reason = cleaner.Classify(line, matchers.get());
    if (!reason.empty()) {
      ++clean.dropped[reason];
      continue;
    }
    ++clean.out;
    ++norm.in;
    normalizer.Normalize(line, &normalized, &stats);
    ++norm.out;
    ++split.in;
    if (normalized.empty()) {
      ++split.dropped["empty line"];
      continue;
    }
    splitter.Split(normalized, &sentences);
    for (const auto s : sentences) out->WriteLine(s);
    split.out += sentences.size();
  }
  KAZPREP_RETURN_IF_ERROR(reader.status());
  clean.seconds = norm.seconds = split.seconds = SecondsSince(start);
  report->stages.push_back(clean);
  report->stages.push_back(norm);
  report->stages.push_back(split);
  return Status::Ok();
}

// Parallel: TSV pairs -> normalized pairs; dropped pairs go to `rejects`.
Status RunPair(const JobConfig::Pair& pair, Tools& tools, OutputFile* src_out, OutputFile* tgt_out,
               OutputFile* rejects, JobReport* report) {
  const auto start = Clock::now();
  const Normalizer& src_norm = *tools.normalizers.at(pair.src);
  const Normalizer& tgt_norm = *tools.normalizers.at(pair.tgt);
  StageCount stage{"pairs " + pair.src + "-" + pair.tgt + " " + pair.path};
  LineReader reader;
  KAZPREP_RETURN_IF_ERROR(reader.Open(pair.path));
  std::string_view line;
  std::string src, tgt;
  NormalizerStats stats;
  auto reject = [&](const char* reason, std::string_view a, std::string_view b) {
    ++stage.dropped[reason];
    rejects->Write(std::to_string(reader.line_number()) + "\t" + reason + "\t");
    rejects->Write(a);
    rejects->Write("\t");
    rejects->WriteLine(b);
  };
  while (reader.Next(&line)) {
    ++stage.in;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos) {
      reject("not two tab-separated fields", line, "");
      continue;
    }
    src_norm.Normalize(line.substr(0, tab), &src, &stats);
    tgt_norm.Normalize(line.substr(tab + 1), &tgt, &stats);
    if (src.empty()) {
      reject("empty source", src, tgt);
    } else if (tgt.empty()) {
      reject("empty target", src, tgt);
    } else if (src == tgt) {
      reject("identical sides", src, tgt);
    } else {
      src_out->WriteLine(src);
      tgt_out->WriteLine(tgt);
      ++stage.out;
    }
  }
  KAZPREP_RETURN_IF_ERROR(reader.status());
  stage.seconds = SecondsSince(start);
  report->stages.push_back(stage);
  return Status::Ok();
}

Status EncodeFile(const SubwordEncoder& encoder, const std::string& in_path,
                  const std::string& out_path, int threads, StageCount* stage) {
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
  KAZPREP_RETURN_IF_ERROR(RunOrderedToFile({in_path}, threads, out_path, fn, &total, &read));
  stage->in += read.lines;
  stage->out += total.lines;
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
      "seed", po::value(&config->seed)->default_value(1));
  for (int i = 0; i < 3; ++i) {
    desc.add_options()((std::string("mono.") + langs[i]).c_str(), po::value(&mono[i])->composing());
    desc.add_options()((std::string("pair.") + pair_names[i]).c_str(),
                       po::value(&pairs[i])->composing());
  }
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot open");
  po::variables_map vm;
  try {
    po::store(po::parse_config_file(in, desc, /*allow_unregistered=*/false), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return Status::Error(path + ": " + e.what());
  }
  const fs::path base = fs::path(path).parent_path();
  auto resolve = [&base](const std::string& p) {
    return fs::path(p).is_absolute() ? p : (base / p).lexically_normal().string();
  };
  config->output_dir = resolve(output_dir);
  for (int i = 0; i < 3; ++i) {
    for (const auto& p : mono[i]) config->mono.push_back({langs[i], resolve(p)});
    for (const auto& p : pairs[i]) {
      const std::string name = pair_names[i];
      config->pairs.push_back({name.substr(0, 2), name.substr(3), resolve(p)});
    }
  }
  for (const auto& m : config->mono) {
    if (!fs::exists(m.path))
      return Status::Error(path + ": mono." + m.lang + ": " + m.path + ": no such file");
  }
  for (const auto& p : config->pairs) {
    if (!fs::exists(p.path)) {
      return Status::Error(path + ": pair." + p.src + "-" + p.tgt + ": " + p.path +
                           ": no such file");
    }
  }
  if (config->mono.empty() && config->pairs.empty()) {
    return Status::Error(path + ": no input (set mono.<lang> or pair.<src>-<tgt>)");
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
    KAZPREP_RETURN_IF_ERROR(WriteFileAtomically(input_dir + "/" + file, *data));
  }
  config->output_dir = output_dir;
  config->mono = {{"kk", input_dir + "/news.kk.raw.txt"}};
  config->pairs = {{"kk", "ru", input_dir + "/parallel.kk-ru.tsv"},
                   {"kk", "en", input_dir + "/parallel.kk-en.tsv"}};
  config->vocab_size = 600;
  return Status::Ok();
}

Status RunJob(const JobConfig& config, JobReport* report) {
  const auto start = Clock::now();
  const std::string& dir = config.output_dir;
  KAZPREP_RETURN_IF_ERROR(MakeDirs(dir + "/text"));
  Tools tools;
  for (const auto& m : config.mono) {
    if (!KnownLang(m.lang)) return Status::Error("unsupported language " + m.lang);
    KAZPREP_RETURN_IF_ERROR(tools.Load(m.lang));
  }
  for (const auto& p : config.pairs) {
    if (!KnownLang(p.src) || !KnownLang(p.tgt) || p.src == p.tgt) {
      return Status::Error("unsupported language pair " + p.src + "-" + p.tgt);
    }
    KAZPREP_RETURN_IF_ERROR(tools.Load(p.src));
    KAZPREP_RETURN_IF_ERROR(tools.Load(p.tgt));
  }

  // Text stage: one plain-text file per (corpus, language).
  std::vector<std::string> text_files;  // relative to dir, without "text/"
  std::map<std::string, std::vector<const JobConfig::Mono*>> mono_by_lang;
  for (const auto& m : config.mono) mono_by_lang[m.lang].push_back(&m);
  for (const auto& [lang, inputs] : mono_by_lang) {
    const std::string name = "mono." + lang;
    OutputFile out;
    KAZPREP_RETURN_IF_ERROR(out.Open(dir + "/text/" + name));
    for (const auto* m : inputs) KAZPREP_RETURN_IF_ERROR(RunMono(*m, tools, &out, report));
    KAZPREP_RETURN_IF_ERROR(out.Commit());
    text_files.push_back(name);
  }
  std::map<std::string, std::vector<const JobConfig::Pair*>> pairs_by_name;
  for (const auto& p : config.pairs) pairs_by_name[p.src + "-" + p.tgt].push_back(&p);
  for (const auto& [name, inputs] : pairs_by_name) {
    const std::string src_name = "train." + name + "." + inputs.front()->src;
    const std::string tgt_name = "train." + name + "." + inputs.front()->tgt;
    OutputFile src_out, tgt_out, rejects;
    KAZPREP_RETURN_IF_ERROR(src_out.Open(dir + "/text/" + src_name));
    KAZPREP_RETURN_IF_ERROR(tgt_out.Open(dir + "/text/" + tgt_name));
    KAZPREP_RETURN_IF_ERROR(rejects.Open(dir + "/rejects." + name + ".tsv"));
    for (const auto* p : inputs) {
      KAZPREP_RETURN_IF_ERROR(RunPair(*p, tools, &src_out, &tgt_out, &rejects, report));
    }
    KAZPREP_RETURN_IF_ERROR(src_out.Commit());
    KAZPREP_RETURN_IF_ERROR(tgt_out.Commit());
    KAZPREP_RETURN_IF_ERROR(rejects.Commit());
    text_files.push_back(src_name);
    text_files.push_back(tgt_name);
    report->outputs.push_back("rejects." + name + ".tsv");
  }

  // One joint subword model over every text file.
  auto stage_start = Clock::now();
  SubwordTrainOptions train;
  for (const auto& f : text_files) train.inputs.push_back(dir + "/text/" + f);
  train.model_prefix = dir + "/spm";
  train.vocab_size = config.vocab_size;
  train.model_type = config.model_type;
  train.seed = config.seed;
  // train.threads keeps its fixed default: the model must not depend on --threads.
  KAZPREP_RETURN_IF_ERROR(TrainSubwordModel(train));
  std::unique_ptr<SubwordEncoder> encoder;
  KAZPREP_RETURN_IF_ERROR(SubwordEncoder::Load(dir + "/spm.model", &encoder));
  StageCount train_stage{"spm-train"};
  train_stage.out = static_cast<uint64_t>(encoder->vocab_size());
  train_stage.seconds = SecondsSince(stage_start);
  report->stages.push_back(train_stage);
  report->outputs.insert(report->outputs.end(), {"spm.model", "spm.vocab"});

  stage_start = Clock::now();
  StageCount encode_stage{"spm-encode"};
  for (const auto& f : text_files) {
    KAZPREP_RETURN_IF_ERROR(
        EncodeFile(*encoder, dir + "/text/" + f, dir + "/" + f, config.threads, &encode_stage));
    report->outputs.push_back("text/" + f);
    report->outputs.push_back(f);
  }
  encode_stage.seconds = SecondsSince(stage_start);
  report->stages.push_back(encode_stage);

  report->seconds = SecondsSince(start);
  report->outputs.push_back("report.json");
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
    const size_t space = st.stage.find(' ');
    const std::string name = st.stage.substr(0, st.stage.find(' ', space + 1));
    std::string where = space == std::string::npos ? "" : st.stage.substr(space + 1);
    if (st.stage == "spm-train") {
      detail = "vocabulary " + std::to_string(st.out);
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

}  // namespace kazprep
