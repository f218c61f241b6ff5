// kazprep: the command-line front end. Parses the command name, dispatches,
// and is the only place that chooses exit codes (0 ok, 1 data or I/O error,
// 2 usage error).
#include <malloc.h>

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "common/option_error.h"
#include "common/progress.h"

#ifndef KAZPREP_VERSION
#define KAZPREP_VERSION "unknown"
#endif

namespace {

void PrintHelp() {
  std::cout << "Usage: kazprep <command> [options] [FILE...]\n\n"
               "Prepares Kazakh, Russian and English text for machine translation.\n\n"
               "Commands:\n";
  for (const auto& c : kazprep::cli::Commands()) {
    std::string name = c.name;
    name.resize(12, ' ');
    std::cout << "  " << name << c.summary << "\n";
  }
  std::cout << "\nRun 'kazprep <command> --help' for the options of a command.\n"
               "Options: --help, --version.\n";
}

}  // namespace

int main(int argc, char** argv) {
  using kazprep::cli::kExitUsage;
  std::ios::sync_with_stdio(false);
  // Batches are ~1 MiB strings made and freed hundreds of times a second:
  // with glibc's adaptive thresholds they were mapped or trimmed back to the
  // system and faulted in again each time (a third of split's time). Keep
  // them in the heap; peak memory is unchanged.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  if (argc < 2) {
    std::cerr << "kazprep: missing command (see 'kazprep --help')\n";
    return kExitUsage;
  }
  const std::string first = argv[1];
  if (first == "--help" || first == "-h" || first == "help") {
    PrintHelp();
    return 0;
  }
  if (first == "--version") {
    std::cout << "kazprep " << KAZPREP_VERSION << "\n";
    return 0;
  }
  for (const auto& command : kazprep::cli::Commands()) {
    if (first != command.name) continue;
    const std::vector<std::string> args(argv + 2, argv + argc);
    kazprep::Progress::DefaultLabel() = std::string("kazprep ") + command.name;
    try {
      return command.run(args);
    } catch (const kazprep::cli::UsageError& e) {
      std::cerr << "kazprep " << command.name << ": " << e.what() << " (see 'kazprep "
                << command.name << " --help')\n";
      return kExitUsage;
    } catch (const boost::program_options::error& e) {
      std::cerr << "kazprep " << command.name << ": " << kazprep::OptionErrorMessage(e)
                << " (see 'kazprep " << command.name << " --help')\n";
      return kExitUsage;
    } catch (const std::exception& e) {
      std::cerr << "kazprep " << command.name << ": " << e.what() << "\n";
      return kazprep::cli::kExitDataError;
    }
  }
  std::cerr << "kazprep: unknown command '" << first << "' (see 'kazprep --help')\n";
  return kExitUsage;
}
