// Shared plumbing of the kazprep subcommands: option parsing with
// Boost.Program_options, usage errors, and summaries on stderr.
#ifndef KAZPREP_CLI_COMMAND_H_
#define KAZPREP_CLI_COMMAND_H_

#include <boost/program_options.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace kazprep::cli {

namespace po = boost::program_options;

// Thrown for a wrong command line; `main` prints it on one line and exits 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Exit codes; only `main` and the commands' entry points use them.
inline constexpr int kExitOk = 0;
inline constexpr int kExitDataError = 1;
inline constexpr int kExitUsage = 2;

struct CommandInfo {
  const char* name;
  const char* summary;   // one line for `kazprep --help`
  const char* usage;     // "kazprep normalize [options] [FILE...]"
  const char* contract;  // line contract and notes for `--help`
  int (*run)(const std::vector<std::string>& args);
};

// The commands, in the order `kazprep --help` lists them.
const std::vector<CommandInfo>& Commands();
// The command called `name` (a logic error if there is none).
const CommandInfo& FindCommand(const std::string& name);

// Parses `args` (without the command name) into `vm`. Adds --help; positional
// arguments go to `inputs` (default {"-"}). Returns false when --help was
// printed. Throws UsageError on a bad command line.
bool ParseArgs(const CommandInfo& info, const std::vector<std::string>& args,
               po::options_description& options, po::variables_map* vm,
               std::vector<std::string>* inputs, bool takes_inputs = true);

// Adds -o/--output and --threads.
void AddOutputOptions(po::options_description& options, std::string* output, int* threads);
// Validates --threads (0 = all cores).
int ResolveThreads(int threads);

// Prints "kazprep CMD: message" on stderr and returns kExitDataError.
int DataError(const char* command, const std::string& message);
// True when stderr is a terminal (progress and summaries are shown there).
bool StderrIsTerminal();

int RunNormalize(const std::vector<std::string>& args);
int RunClean(const std::vector<std::string>& args);
int RunLangid(const std::vector<std::string>& args);
int RunLexicon(const std::vector<std::string>& args);
int RunSplit(const std::vector<std::string>& args);
int RunBitextCommand(const std::vector<std::string>& args);
int RunSpmExport(const std::vector<std::string>& args);
int RunSpmTrain(const std::vector<std::string>& args);
int RunSpmEncode(const std::vector<std::string>& args);
int RunSpmDecode(const std::vector<std::string>& args);
int RunJobCommand(const std::vector<std::string>& args);

}  // namespace kazprep::cli

#endif  // KAZPREP_CLI_COMMAND_H_
