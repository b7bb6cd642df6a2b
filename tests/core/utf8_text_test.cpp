// UTF-8-safe cutting (core/utf8_text.h) and safe integers (core/json_guard.h): issue 15, bug 7.
#include "utf8_text.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "json_guard.h"
#include "scenario.h"
#include "test_support.h"

namespace rapport {
namespace {

// initials() took the first byte of each word: "Élodie" gave half of "É" and a broken avatar.
TEST(Utf8Text, InitialsTakeWholeCharacters) {
  EXPECT_EQ(utf8_initials("\xC3\x89lodie Martin"), "\xC3\x89M");
  EXPECT_EQ(utf8_initials("\xE7\x8E\x8B \xE5\xB0\x8F\xE6\x98\x8E"), "\xE7\x8E\x8B\xE5\xB0\x8F");
  EXPECT_EQ(utf8_initials("Dana  Whitfield Jones"), "DW");
  EXPECT_EQ(utf8_initials("\xF0\x9F\x98\x80x"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(utf8_initials(""), "");
}

// The progress screen cut dates at 10 bytes: "2026年3月..." lost half a character, and the hit
// table's strict dump() threw on it.
TEST(Utf8Text, PrefixNeverSplitsACharacter) {
  const std::string date =
      "2026\xE5\xB9\xB4"
      "3\xE6\x9C\x88"
      "5\xE6\x97\xA5";  // 2026年3月5日
  EXPECT_EQ(utf8_prefix(date, 10),
            "2026\xE5\xB9\xB4"
            "3");
  EXPECT_EQ(utf8_prefix(date, 7), "2026\xE5\xB9\xB4");
  EXPECT_EQ(utf8_prefix(date, 6), "2026");
  EXPECT_NO_THROW((void)nlohmann::json(std::string(utf8_prefix(date, 10))).dump());
  EXPECT_EQ(utf8_prefix("2026-03-05T10:00:00Z", 10), "2026-03-05");
  EXPECT_EQ(utf8_first_chars("\xC3\x89t\xC3\xA9", 2), "\xC3\x89t");
}

// Text from a file in another encoding: each byte that is not part of a well-formed character
// becomes U+FFFD, every well-formed one (any script, emoji) is kept, and JSON then accepts it.
TEST(Utf8Text, RepairReplacesOnlyWhatIsNotUtf8) {
  const std::string good =
      "Montr\xC3\xA9"
      "al \xE4\xBD\xA0\xE5\xA5\xBD \xF0\x9F\x98\x8A";
  EXPECT_TRUE(utf8_valid(good));
  EXPECT_EQ(utf8_repaired(good), good);
  EXPECT_FALSE(
      utf8_valid("Montr\xE9"
                 "al"));
  EXPECT_EQ(utf8_repaired("Montr\xE9"
                          "al"),
            "Montr\xEF\xBF\xBD"
            "al");
  EXPECT_EQ(utf8_repaired("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // an overlong '/'
  EXPECT_EQ(utf8_repaired("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  EXPECT_EQ(utf8_repaired("ab\xE4\xBD"), "ab\xEF\xBF\xBD\xEF\xBF\xBD");              // cut off at the end
  EXPECT_FALSE(nlohmann::json::parse("\"Montr\xE9"
                                     "al\"",
                                     nullptr, false)
                   .is_string());
  EXPECT_TRUE(nlohmann::json::parse("\"" +
                                        utf8_repaired("Montr\xE9"
                                                      "al") +
                                        "\"",
                                    nullptr, false)
                  .is_string());
}

TEST(Utf8Text, SafeIntegersRefuseWhatWouldWrap) {
  using nlohmann::json;
  EXPECT_EQ(json_safe_integer(json::parse("18446744073709551615")), std::nullopt);
  EXPECT_EQ(json_safe_integer(json::parse("9007199254740992")), std::nullopt);
  EXPECT_EQ(json_safe_integer(json::parse("9007199254740991")), 9007199254740991LL);
  EXPECT_EQ(json_safe_integer(json::parse("-5")), -5);
  EXPECT_EQ(json_safe_integer(json::parse("3.0")), 3);
  EXPECT_EQ(json_safe_integer(json::parse("3.5")), std::nullopt);
  EXPECT_EQ(json_int(json::parse("18446744073709551615"), -1, 100), std::nullopt);
}

// load_scenario read integers with get<long long>(): 18446744073709551615 loaded as -1, which
// passed any range that allowed -1.
TEST(Utf8Text, ScenarioIntegersAreRangeCheckedWithoutWrapping) {
  auto doc = nlohmann::json::parse(testing::read_text(testing::source_path("scenarios/questioned-advice.json")));
  std::string text = doc.dump();
  // An effect may be -100..100, so the wrapped -1 passed.
  const std::string key = "\"effects\":{\"trust\":5}";
  ASSERT_NE(text.find(key), std::string::npos);
  text.replace(text.find(key), key.size(), "\"effects\":{\"trust\":18446744073709551615}");
  LoadResult r = load_scenario(text, "huge.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors.front().find("/effects/trust: expected an integer between -100 and 100"), std::string::npos)
      << ::testing::PrintToString(r.errors);
  std::string version = doc.dump();
  version.replace(version.find("\"format_version\":1"), 18, "\"format_version\":18446744073709551615");
  r = load_scenario(version, "v.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.errors.front().find("unsupported version"), std::string::npos) << ::testing::PrintToString(r.errors);
}

}  // namespace
}  // namespace rapport
