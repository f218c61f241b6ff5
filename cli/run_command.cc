// kazprep run: the main job.
#include <iostream>

#include "cli/command.h"
#include "pipeline/job.h"

namespace kazprep::cli {

int RunJobCommand(const std::vector<std::string>& args) {
  const CommandInfo& info = FindCommand("run");
  std::string config_path, output_dir;
  int threads = 0;
  std::string step_name = "all", shard_text;
  int shards = 1;
  po::options_description desc("Options");
  desc.add_options()("config,c", po::value(&config_path), "job config file (see README)")(
      "output-dir", po::value(&output_dir), "output folder (overrides the config's output-dir)")(
      "threads", po::value(&threads)->default_value(0), "worker threads (0: all cores)")(
      "step", po::value(&step_name)->default_value("all"),
      "run one step of the job (for workflow engines, see scripts/Snakefile): all, text "
      "(--shard), merge (--shards), train, encode (--shard), finish (--shards)")(
      "shard", po::value(&shard_text), "K/N: the shard of the text or encode step (0 <= K < N)")(
      "shards", po::value(&shards)->default_value(1),
      "number of shards the merge and finish steps put together");
  po::variables_map vm;
  std::vector<std::string> unused;
  if (!ParseArgs(info, args, desc, &vm, &unused, /*takes_inputs=*/false)) return kExitOk;
  if (step_name != "all" && step_name != "text" && step_name != "merge" && step_name != "train" &&
      step_name != "encode" && step_name != "finish") {
    throw UsageError("unknown --step '" + step_name +
                     "' (all, text, merge, train, encode, finish)");
  }
  JobStep step;
  step.name = step_name;
  const bool sharded = step_name == "text" || step_name == "encode";
  if (sharded) {
    if (shard_text.empty()) throw UsageError("--step " + step_name + " needs --shard K/N");
    const Status parsed = ParseShard(shard_text, &step.shard);
    if (!parsed.ok()) throw UsageError(parsed.message());
  } else if (!shard_text.empty()) {
    throw UsageError("--shard is for the text and encode steps");
  }
  if (step_name == "merge" || step_name == "finish") {
    if (shards < 1) throw UsageError("--shards must be at least 1");
    step.shard = {0, shards};
  } else if (!vm["shards"].defaulted()) {
    throw UsageError("--shards is for the merge and finish steps");
  }
  if (step_name != "all" && config_path.empty()) {
    throw UsageError("--step needs --config (the same for every step)");
  }
  JobConfig config;
  Status status;
  if (config_path.empty()) {
    status = PrepareExampleJob(output_dir.empty() ? "kazprep-example" : output_dir, &config);
  } else {
    status = LoadJobConfig(config_path, &config);
    if (!output_dir.empty()) config.output_dir = output_dir;
  }
  if (!status.ok()) return DataError(info.name, status.message());
  config.threads = ResolveThreads(threads);
  JobReport report;
  status = RunJob(config, &report, step);
  if (!status.ok()) return DataError(info.name, status.message());
  if (step_name != "all" && step_name != "finish") return kExitOk;
  std::cout << "kazprep run: " << (config_path.empty() ? "embedded example" : config_path) << " -> "
            << config.output_dir << "\n"
            << report.ToText();
  return kExitOk;
}

}  // namespace kazprep::cli
