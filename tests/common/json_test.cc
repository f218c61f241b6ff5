#include "common/json.h"

#include <gtest/gtest.h>

namespace kazprep::json {
namespace {

TEST(JsonTest, ReadsAStringFieldWithEscapes) {
  std::string value, error;
  ASSERT_TRUE(StringField(
      R"({"id": 7, "meta": {"text": "no"}, "text": "Бір\nекі \"үш\" \u0410\ud83d\ude00"})", "text",
      &value, &error))
      << error;
  EXPECT_EQ(value, "Бір\nекі \"үш\" А😀");
}

TEST(JsonTest, ReportsWhatIsWrong) {
  const struct {
    const char* line;
    const char* error;
  } cases[] = {
      {"[1, 2]", "not a JSON object"},
      {R"({"title": "x"})", "no field \"text\""},
      {R"({"text": 5})", "field \"text\" is not a string"},
      {R"({"text": "open)", "malformed JSON string"},
      {R"({"text" "x"})", "malformed JSON"},
  };
  for (const auto& c : cases) {
    std::string value, error;
    EXPECT_FALSE(StringField(c.line, "text", &value, &error)) << c.line;
    EXPECT_EQ(error, c.error) << c.line;
  }
}

TEST(JsonTest, LoneSurrogateBecomesReplacementCharacter) {
  std::string value, error;
  ASSERT_TRUE(StringField(R"({"text": "a\ud800b"})", "text", &value, &error));
  EXPECT_EQ(value, "a\uFFFDb");
}

}  // namespace
}  // namespace kazprep::json
