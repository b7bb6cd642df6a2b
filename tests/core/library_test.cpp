// The shipped library as a page loads it: every scenario file, easiest first, the first frame's
// cards in the same order as the full load, and a broken file reported by name without losing the
// others; and its model replies, typed as written, are not heard as pushing.
#include "library.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "lint.h"
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

namespace rapport {
namespace {

// A model reply typed as written is not heard as pushing (reviewer Y: late-again's "Every slip
// lands on your floor: rotas rebuilt, agency staff paid for, and now the date is drifting into
// your busiest fortnight.", a reflection and the better reply of two others, was persuasion to the
// coder, and a learner who typed it lost 8 points of trust).
TEST(Library, ModelRepliesAreNotHeardAsPushing) {
  for (const std::string& path : testing::scenario_paths()) {
    const Scenario s = testing::load_shipped(std::filesystem::path(path).stem().string());
    for (const std::string& w : model_replies_heard_as_pushing(s, path)) ADD_FAILURE() << w;
  }
}

TEST(Library, AModelReplyHeardAsPushingIsNamedAndAHintIsNot) {
  Scenario s = testing::load_shipped("late-again");
  ASSERT_FALSE(s.nodes.empty());
  Node& n = s.nodes.front();
  n.replies.resize(1);
  n.replies[0].code = MiCode::ComplexReflection;
  n.replies[0].text = "You're worried Easter goes the same way.";
  n.replies[0].better = "Reflect what the slips have cost her floor.";
  EXPECT_TRUE(model_replies_heard_as_pushing(s, "late-again.json").empty());

  n.replies[0].better = "You should just accept the new date and move on.";
  std::vector<std::string> found = model_replies_heard_as_pushing(s, "late-again.json");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("/nodes/0/replies/0/better"), std::string::npos) << found[0];
  EXPECT_NE(found[0].find("heard as advice without permission"), std::string::npos) << found[0];

  n.replies[0].text = n.replies[0].better;  // an MI-consistent code on a push
  found = model_replies_heard_as_pushing(s, "late-again.json");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_NE(found[0].find("/nodes/0/replies/0/text: this MI-consistent reply"), std::string::npos) << found[0];

  n.replies[0].code = MiCode::Persuade;  // authored as the push it is
  EXPECT_EQ(model_replies_heard_as_pushing(s, "late-again.json").size(), 1u);
}

}  // namespace
}  // namespace rapport
