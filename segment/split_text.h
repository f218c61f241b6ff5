// Character and token classes shared by the sentence splitter and the
// abbreviation learner (segment/abbreviation_learner.h), so both read text
// the same way.
#ifndef KAZPREP_SEGMENT_SPLIT_TEXT_H_
#define KAZPREP_SEGMENT_SPLIT_TEXT_H_

#include <string_view>

namespace kazprep::split_text {

// The code point at byte `i` (U+FFFD for bad bytes) and its length in bytes.
char32_t At(std::string_view s, size_t i, size_t* len);
// « " ( [ „ “ ' ‘ ‹
bool IsOpener(char32_t cp);
// » " ' ) ] ” ’ “ ›
bool IsCloser(char32_t cp);
// . ! ? …
bool IsTerminator(char32_t cp);
// "2024", "12.03.2024", "1950-53", "2015–2016", "2,8", "1980-х", "XIX".
bool IsNumber(std::string_view token);
// "Қ", "Н.Ә", "J.R.R": single capital letters joined by dots.
bool IsInitials(std::string_view word);

}  // namespace kazprep::split_text

#endif  // KAZPREP_SEGMENT_SPLIT_TEXT_H_
