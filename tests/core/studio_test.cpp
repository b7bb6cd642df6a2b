// The studio controller (core/studio.h): every edit is saved at once, a run of typing in one field
// is one undo step, problems take the author to their node and reply, and the graph puts what the
// start cannot reach apart from the rest.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "studio.h"
#include "test_support.h"

namespace rapport::authoring {
namespace {

std::vector<BuiltIn> shipped_advice() {
  return {BuiltIn{"questioned-advice", "Why should we trust your numbers?",
                  testing::read_text(testing::source_path("scenarios/questioned-advice.json"))}};
}

TEST(Studio, EveryEditIsSavedAtOnceAndANewDraftTakesAFreeId) {
  MemoryProgressStore store;
  {
    Studio studio(store, shipped_advice(), [] { return std::string("2026-12-03T22:00:00Z"); });
    studio.new_draft();
    ASSERT_TRUE(studio.editing());
    EXPECT_EQ(studio.doc().id(), "my-scenario");
    ASSERT_TRUE(studio.apply(edit::SetField{"/title", "Late again"}));
    studio.close();
    studio.new_draft();
    EXPECT_EQ(studio.doc().id(), "my-scenario-2") << "the first draft keeps its id";
  }
  Studio again(store, shipped_advice());
  ASSERT_EQ(again.drafts().size(), 2u);
  ASSERT_TRUE(again.open_draft("my-scenario"));
  EXPECT_EQ(again.doc().json()["title"], "Late again");
  EXPECT_EQ(again.drafts()[0].saved, "2026-12-03T22:00:00Z");
}

TEST(Studio, ABuiltInOpensOnlyAsACopyUnderAFreeId) {
  MemoryProgressStore store;
  Studio studio(store, shipped_advice());
  ASSERT_TRUE(studio.duplicate_built_in("questioned-advice"));
  EXPECT_EQ(studio.doc().id(), "questioned-advice-2");
  EXPECT_FALSE(studio.doc().can_undo()) << "the copy's new id is not an edit to undo";
  EXPECT_EQ(studio.doc().json()["nodes"], nlohmann::ordered_json::parse(shipped_advice()[0].text)["nodes"]);
  auto notices = studio.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("questioned-advice-2"), std::string::npos) << notices[0];
  ASSERT_TRUE(studio.duplicate_built_in("questioned-advice"));
  EXPECT_EQ(studio.doc().id(), "questioned-advice-3");
  EXPECT_FALSE(studio.duplicate_built_in("no-such-scenario"));
  ASSERT_TRUE(studio.delete_draft("questioned-advice-3"));
  EXPECT_FALSE(studio.editing()) << "deleting the open draft closes it";
  EXPECT_EQ(studio.drafts().size(), 1u);
}

TEST(Studio, ARunOfTypingInOneFieldIsOneUndoStepAndKeepsTheForm) {
  MemoryProgressStore store;
  Studio studio(store, {});
  studio.new_draft();
  const int form = studio.form_revision();
  for (const char* text : {"L", "La", "Late", "Late again"})
    ASSERT_TRUE(studio.apply(edit::SetField{"/title", text}, nullptr, true));
  EXPECT_EQ(studio.form_revision(), form) << "typing does not reload the fields being typed in";
  ASSERT_TRUE(studio.apply(edit::SetField{"/summary", "S"}, nullptr, true));
  ASSERT_TRUE(studio.undo());
  EXPECT_EQ(studio.doc().json()["title"], "Late again");
  EXPECT_NE(studio.form_revision(), form) << "undo shows the restored text";
  ASSERT_TRUE(studio.undo());
  EXPECT_EQ(studio.doc().json()["title"], "") << "one undo takes back the whole run";
  EXPECT_FALSE(studio.doc().can_undo());
  // The stored draft follows undo too.
  Studio again(store, {});
  ASSERT_TRUE(again.open_draft("my-scenario"));
  EXPECT_EQ(again.doc().json()["title"], "");
}

TEST(Studio, AProblemTakesTheAuthorToItsReplyAndTheSelectionSurvivesDeletes) {
  MemoryProgressStore store;
  Studio studio(store, shipped_advice());
  ASSERT_TRUE(studio.duplicate_built_in("questioned-advice"));
  const size_t before = studio.problems().size();
  ASSERT_TRUE(studio.apply(edit::Relink{"concern", 1, "nowhere"}));
  const auto& problems = studio.problems();
  ASSERT_EQ(problems.size(), before + 1);
  size_t broken = problems.size();
  for (size_t i = 0; i < problems.size(); ++i)
    if (problems[i].message.find("nowhere") != std::string::npos) broken = i;
  ASSERT_LT(broken, problems.size());
  studio.go_to_problem(broken);
  EXPECT_EQ(studio.selection(), (Selection{Selection::Kind::Node, "concern", 1}));
  const int pinned = studio.graph().boxes[static_cast<size_t>(studio.graph().find("concern"))].problems;
  EXPECT_GE(pinned, 1);
  ASSERT_TRUE(studio.apply(edit::DeleteNode{"concern"}));
  EXPECT_EQ(studio.selection(), Selection{}) << "a deleted node is no longer selected";
  ASSERT_TRUE(studio.undo());
  ASSERT_TRUE(studio.undo());
  EXPECT_EQ(studio.problems().size(), before);
  EXPECT_EQ(studio.graph().boxes[static_cast<size_t>(studio.graph().find("concern"))].problems, pinned - 1);
}

TEST(Studio, TheGraphSetsUnreachableNodesApartAndEndingsLast) {
  ScenarioDoc doc = ScenarioDoc::blank("g");
  ASSERT_TRUE(doc.apply(edit::AddNode{"second", "listen", "Go on."}));
  ASSERT_TRUE(doc.apply(edit::AddNode{"stray", "listen", "Nobody gets here."}));
  ASSERT_TRUE(doc.apply(edit::AddEnding{"done", "breakthrough", "Agreed"}));
  ASSERT_TRUE(doc.apply(edit::AddReply{"start", "What happened?", MiCode::OpenQuestion, "second"}));
  ASSERT_TRUE(doc.apply(edit::AddReply{"second", "So it matters.", MiCode::SimpleReflection, "done"}));
  ASSERT_TRUE(doc.apply(edit::AddReply{"stray", "Fine.", MiCode::Other, "done"}));
  StudioGraph g = studio_graph(doc.json());
  ASSERT_EQ(g.boxes.size(), 4u);
  auto at = [&](const char* id) { return g.boxes[static_cast<size_t>(g.find(id))]; };
  EXPECT_EQ(at("start").column, 0);
  EXPECT_EQ(at("second").column, 1);
  EXPECT_EQ(at("stray").column, 2);
  EXPECT_FALSE(at("stray").reachable);
  EXPECT_EQ(at("done").column, 3);
  EXPECT_TRUE(at("done").ending);
  EXPECT_EQ(at("done").label, "Agreed");
  EXPECT_EQ(g.columns, 4);
  EXPECT_EQ(g.edges.size(), 3u);
}

TEST(Studio, APackageCarriesTheDraftAndTheChosenLibraryAndRefusesADraftWithErrors) {
  MemoryProgressStore store;
  Studio studio(store, shipped_advice());
  studio.new_draft();
  std::string error;
  EXPECT_FALSE(studio.package_request("2004", {}, &error));
  EXPECT_NE(error.find("problem(s) to fix first"), std::string::npos) << error;
  ASSERT_TRUE(studio.duplicate_built_in("questioned-advice"));
  auto request = studio.package_request("2004", {"questioned-advice"}, &error);
  ASSERT_TRUE(request) << error;
  const nlohmann::json r = nlohmann::json::parse(*request);
  EXPECT_EQ(r["scorm"], "2004");
  EXPECT_EQ(r["file"], "questioned-advice-2-scorm2004.zip");
  EXPECT_EQ(r["authored"]["library"], nlohmann::json::array({"questioned-advice-2", "questioned-advice"}));
  ASSERT_EQ(r["authored"]["scenarios"].size(), 1u);
  EXPECT_EQ(r["authored"]["scenarios"][0]["id"], "questioned-advice-2");
  EXPECT_EQ(r["authored"]["scenarios"][0]["nodes"], nlohmann::json::parse(shipped_advice()[0].text)["nodes"]);
  EXPECT_FALSE(studio.package_request("3", {}, &error));
  EXPECT_FALSE(studio.package_request("1.2", {"no-such"}, &error));
  EXPECT_NE(error.find("no-such"), std::string::npos) << error;
}

}  // namespace
}  // namespace rapport::authoring
