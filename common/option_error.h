// A message for a Boost.Program_options error that is safe to build.
//
// Boost's what() substitutes %placeholders% (%value%, %canonical_option%)
// until none is left, which never ends when the user's text holds one
// (`--threads %value%`, `vocab-size = %value%` in a config; found by
// fuzzing). This builds the message from the option's name instead; header
// only, for the code that links Boost.Program_options.
#ifndef KAZPREP_COMMON_OPTION_ERROR_H_
#define KAZPREP_COMMON_OPTION_ERROR_H_

#include <boost/program_options/errors.hpp>
#include <string>

namespace kazprep {

inline std::string OptionErrorMessage(const boost::program_options::error& error) {
  namespace po = boost::program_options;
  const auto* named = dynamic_cast<const po::error_with_option_name*>(&error);
  if (named == nullptr) return error.what();  // no placeholders in these
  std::string name = named->get_option_name();
  // The name itself comes from the user too.
  for (char& c : name) {
    if (c == '%') c = '?';
  }
  name = "'" + name + "'";
  if (dynamic_cast<const po::unknown_option*>(&error) != nullptr) return "unknown option " + name;
  if (dynamic_cast<const po::validation_error*>(&error) != nullptr) {
    return "invalid value for " + name;
  }
  if (dynamic_cast<const po::multiple_occurrences*>(&error) != nullptr) {
    return name + " is given more than once";
  }
  if (dynamic_cast<const po::required_option*>(&error) != nullptr) return name + " is required";
  if (dynamic_cast<const po::invalid_command_line_syntax*>(&error) != nullptr) {
    return "bad syntax near " + name;
  }
  return "cannot read the option " + name;
}

}  // namespace kazprep

#endif  // KAZPREP_COMMON_OPTION_ERROR_H_
