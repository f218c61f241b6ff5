// kazprep run: the main job.
#include <iostream>

#include "cli/command.h"
#include "pipeline/job.h"

namespace kazprep::cli {

int RunJobCommand(const std::vector<std::string>& args) {
  const CommandInfo& info = FindCommand("run");
  std::string config_path, output_dir;
  int threads = 0;
  po::options_description desc("Options");
  desc.add_options()("config,c", po::value(&config_path), "job config file (see README)")(
      "output-dir", po::value(&output_dir), "output folder (overrides the config's output-dir)")(
      "threads", po::value(&threads)->default_value(0), "worker threads (0: all cores)");
  po::variables_map vm;
  std::vector<std::string> unused;
  if (!ParseArgs(info, args, desc, &vm, &unused, /*takes_inputs=*/false)) return kExitOk;
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
  status = RunJob(config, &report);
  if (!status.ok()) return DataError(info.name, status.message());
  std::cout << "kazprep run: " << (config_path.empty() ? "embedded example" : config_path) << " -> "
            << config.output_dir << "\n"
            << report.ToText();
  return kExitOk;
}

}  // namespace kazprep::cli
