// The one string hash of kazprep: 64-bit FNV-1a, over bytes (UTF-8) or code
// points (UTF-32). Used for line deduplication, the lexicon index, the typo
// corrector's indexes and the letter model. Fast and well spread for short
// keys; not for security.
#ifndef KAZPREP_COMMON_HASH_H_
#define KAZPREP_COMMON_HASH_H_

#include <cstdint>
#include <string_view>

namespace kazprep {

inline constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;  // 14695981039346656037

// Folds one more unit (a byte, a code point, a tag) into hash `h`.
inline constexpr uint64_t FnvAdd(uint64_t h, uint64_t unit) {
  return (h ^ unit) * 1099511628211ULL;
}

inline constexpr uint64_t Fnv1a(std::string_view s, uint64_t h = kFnvOffset) {
  for (const char c : s) h = FnvAdd(h, static_cast<unsigned char>(c));
  return h;
}

inline constexpr uint64_t Fnv1a(std::u32string_view s, uint64_t h = kFnvOffset) {
  for (const char32_t c : s) h = FnvAdd(h, c);
  return h;
}

}  // namespace kazprep

#endif  // KAZPREP_COMMON_HASH_H_
