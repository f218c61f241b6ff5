// Reading one string field of a JSON object on one line (JSON Lines input).
#ifndef KAZPREP_COMMON_JSON_H_
#define KAZPREP_COMMON_JSON_H_

#include <string>
#include <string_view>

namespace kazprep::json {

// Finds the top-level key `field` of the JSON object `line` and decodes its
// string value (escapes, \uXXXX and surrogate pairs) into `*value`. Returns
// false with a message in `*error` when the line is not an object, the field
// is missing or not a string, or the JSON is malformed.
bool StringField(std::string_view line, std::string_view field, std::string* value,
                 std::string* error);

}  // namespace kazprep::json

#endif  // KAZPREP_COMMON_JSON_H_
