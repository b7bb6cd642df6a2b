// The shipped library as a page loads it: every scenario file, easiest first, the first frame's
// cards in the same order as the full load, and a broken file reported by name without losing the
// others.
#include "library.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace rapport {
namespace {

using testing::source_path;

std::vector<std::string> ids(const std::vector<Scenario>& scenarios) {
  std::vector<std::string> out;
  for (const auto& s : scenarios) out.push_back(s.id);
  return out;
}

TEST(Library, LoadsEveryShippedScenarioEasiestFirstAndCardsInTheSameOrder) {
  const Library full = load_library(source_path("scenarios"));
  EXPECT_TRUE(full.errors.empty()) << full.errors.front();
  ASSERT_EQ(full.scenarios.size(), testing::scenario_paths().size()) << "every file but the schema";
  for (size_t i = 1; i < full.scenarios.size(); ++i)
    EXPECT_LE(full.scenarios[i - 1].difficulty, full.scenarios[i].difficulty) << full.scenarios[i].id;
  EXPECT_LT(full.scenarios.front().difficulty, full.scenarios.back().difficulty) << "the library spans difficulties";
  const Library cards = load_library(source_path("scenarios"), true);
  EXPECT_EQ(ids(cards.scenarios), ids(full.scenarios)) << "the first frame lists what the full load lists";
}

TEST(Library, EqualDifficultyKeepsFileOrder) {
  std::vector<Scenario> v(4);
  const int difficulty[] = {2, 1, 2, 1};
  for (int i = 0; i < 4; ++i) {
    v[i].id = "s" + std::to_string(i);
    v[i].difficulty = difficulty[i];
  }
  sort_library(v);
  EXPECT_EQ(ids(v), (std::vector<std::string>{"s1", "s3", "s0", "s2"}));
}

TEST(Library, ABrokenFileIsNamedAndTheOthersStillLoad) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "rapport-library-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::filesystem::copy_file(source_path("scenarios/budget-cut.json"), dir / "budget-cut.json");
  std::ofstream(dir / "broken.json") << "{\"format_version\": 1, \"id\": ";
  std::ofstream(dir / "notes.txt") << "not a scenario";
  const Library lib = load_library(dir.string());
  EXPECT_EQ(ids(lib.scenarios), std::vector<std::string>{"budget-cut"});
  ASSERT_EQ(lib.errors.size(), 1u);
  EXPECT_NE(lib.errors[0].find("broken.json"), std::string::npos) << lib.errors[0];
  std::filesystem::remove_all(dir);

  const Library none = load_library((dir / "missing").string());
  EXPECT_TRUE(none.scenarios.empty());
  ASSERT_EQ(none.errors.size(), 1u);
  EXPECT_NE(none.errors[0].find("cannot be read"), std::string::npos);
}

}  // namespace
}  // namespace rapport
