#include "common/hash.h"

#include <gtest/gtest.h>

namespace kazprep {
namespace {

// The published FNV-1a 64-bit test vectors.
TEST(HashTest, MatchesTheFnv1aReferenceValues) {
  EXPECT_EQ(Fnv1a(std::string_view("")), 0xcbf29ce484222325ULL);
  EXPECT_EQ(Fnv1a(std::string_view("a")), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(Fnv1a(std::string_view("foobar")), 0x85944171f73967e8ULL);
}

TEST(HashTest, CodePointsHashLikeBytesForAscii) {
  EXPECT_EQ(Fnv1a(std::u32string_view(U"foobar")), Fnv1a(std::string_view("foobar")));
  EXPECT_NE(Fnv1a(std::u32string_view(U"қазақ")), Fnv1a(std::u32string_view(U"казак")));
  EXPECT_NE(Fnv1a(std::string_view("a")), Fnv1a(std::string_view("b")));
}

TEST(HashTest, ASeedChangesTheHash) {
  EXPECT_NE(Fnv1a(std::u32string_view(U"аб"), kFnvOffset ^ 1), Fnv1a(std::u32string_view(U"аб")));
  EXPECT_EQ(FnvAdd(Fnv1a(std::string_view("a")), 'b'), Fnv1a(std::string_view("ab")));
}

}  // namespace
}  // namespace kazprep
