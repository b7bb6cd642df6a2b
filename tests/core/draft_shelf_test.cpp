// The author's drafts in browser storage (core/draft_shelf.h): kept exactly, never lost when the
// stored bytes are unreadable or the storage is full, imported without clashing ids; and the
// scenario a play-test runs from a chosen node with chosen state values.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialogue.h"
#include "draft_shelf.h"
#include "test_support.h"

namespace rapport::authoring {
namespace {

ScenarioDoc advice_doc() { return testing::open_shipped_draft("questioned-advice"); }

// A kiosk link reads a draft without the editor: the same scenario, and nothing for ids or
// shelves it cannot read (the studio is where unreadable shelves are reported and kept).
TEST(DraftShelf, AKioskLinkReadsAStoredDraftsScenario) {
  MemoryProgressStore store;
  EXPECT_FALSE(stored_draft_text(store, "questioned-advice"));
  DraftShelf shelf(store);
  shelf.load();
  ASSERT_TRUE(shelf.save(advice_doc(), "2026-12-03T19:01:00Z"));
  const std::optional<std::string> text = stored_draft_text(store, "questioned-advice");
  ASSERT_TRUE(text);
  EXPECT_EQ(nlohmann::json::parse(*text), nlohmann::json::parse(advice_doc().text()));
  EXPECT_TRUE(load_scenario(*text, "questioned-advice.json").ok());
  EXPECT_FALSE(stored_draft_text(store, "questioned"));
  for (const char* raw : {"{broken", "{\"format_version\": 9, \"drafts\": []}", "{\"format_version\": 1}"}) {
    ASSERT_TRUE(store.write(kDraftsKey, raw));
    EXPECT_FALSE(stored_draft_text(store, "questioned-advice")) << raw;
    EXPECT_EQ(store.read(kDraftsKey), raw) << "read only";
  }
}

TEST(DraftShelf, DraftsAreKeptExactlyAcrossAReload) {
  MemoryProgressStore store;
  ScenarioDoc doc = ScenarioDoc::blank("café-draft");
  ASSERT_TRUE(doc.apply(edit::SetField{"/title", "Ça va? 你好 😊 £20 ‘quoted’"}));
  {
    DraftShelf shelf(store);
    shelf.load();
    ASSERT_TRUE(shelf.save(doc, "2026-12-03T19:00:00Z"));
    ASSERT_TRUE(shelf.save(advice_doc(), "2026-12-03T19:01:00Z"));
  }
  DraftShelf again(store);
  again.load();
  EXPECT_TRUE(again.take_notices().empty());
  ASSERT_EQ(again.drafts().size(), 2u);
  const Draft* d = again.find("café-draft");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->saved, "2026-12-03T19:00:00Z");
  EXPECT_EQ(d->scenario.dump(2), doc.json().dump(2)) << "same JSON, keys in the same order";
  EXPECT_EQ(d->scenario["title"], "Ça va? 你好 😊 £20 ‘quoted’");
  // A second save of the same id replaces it; removing drops it.
  ASSERT_TRUE(doc.apply(edit::SetField{"/summary", "Second save."}));
  ASSERT_TRUE(again.save(doc, "2026-12-03T19:05:00Z"));
  EXPECT_EQ(again.drafts().size(), 2u);
  EXPECT_EQ(again.find("café-draft")->scenario["summary"], "Second save.");
  ASSERT_TRUE(again.remove("café-draft"));
  DraftShelf third(store);
  third.load();
  ASSERT_EQ(third.drafts().size(), 1u);
  EXPECT_EQ(third.drafts()[0].id, "questioned-advice");
}

TEST(DraftShelf, UnreadableDraftsAreSetAsideBeforeAnythingIsSavedOverThem) {
  for (const std::string raw : {std::string("{\"format_version\": 1, \"drafts\": [{\"id\": 7}]}"),
                                std::string("{\"format_version\": 9, \"drafts\": []}"), std::string("{broken")}) {
    MemoryProgressStore store;
    store.write(kDraftsKey, raw);
    DraftShelf shelf(store);
    shelf.load();
    auto notices = shelf.take_notices();
    ASSERT_EQ(notices.size(), 1u) << raw;
    EXPECT_NE(notices[0].find("kept aside under 'rapport.drafts.backup'"), std::string::npos) << notices[0];
    EXPECT_EQ(store.read(kDraftsBackupKey), raw);
    EXPECT_TRUE(shelf.save(ScenarioDoc::blank("new"), "2026-12-03T19:00:00Z"));
    EXPECT_EQ(store.read(kDraftsBackupKey), raw) << "the copy outlives the next save";
  }
}

TEST(DraftShelf, WhenTheCopyCannotBeKeptNothingIsSavedOverTheOriginal) {
  const std::string raw = "{\"format_version\": 9, \"drafts\": []}";
  MemoryProgressStore store(std::string(kDraftsKey).size() + raw.size() + 4);  // no room for a copy
  ASSERT_TRUE(store.write(kDraftsKey, raw));
  DraftShelf shelf(store);
  shelf.load();
  auto notices = shelf.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("refused to keep a copy"), std::string::npos) << notices[0];
  EXPECT_FALSE(shelf.save(ScenarioDoc::blank("new"), "2026-12-03T19:00:00Z"));
  EXPECT_EQ(store.read(kDraftsKey), raw);
  notices = shelf.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("Export this draft"), std::string::npos) << notices[0];
}

TEST(DraftShelf, AFullStorageRefusesTheSaveAndSaysSo) {
  MemoryProgressStore store(2000);
  DraftShelf shelf(store);
  shelf.load();
  ASSERT_TRUE(shelf.save(ScenarioDoc::blank("small"), "2026-12-03T19:00:00Z"));
  const auto before = store.read(kDraftsKey);
  EXPECT_FALSE(shelf.save(advice_doc(), "2026-12-03T19:01:00Z")) << "a whole scenario does not fit in 2,000 bytes";
  auto notices = shelf.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("storage is full"), std::string::npos) << notices[0];
  EXPECT_EQ(store.read(kDraftsKey), before) << "the stored drafts are unchanged";
  EXPECT_NE(shelf.find("questioned-advice"), nullptr) << "the open draft is kept in memory";
}

TEST(DraftShelf, AnImportedScenarioWhoseIdIsTakenGetsAFreeOne) {
  const std::string text = testing::read_text(testing::source_path("scenarios/questioned-advice.json"));
  std::string error, renamed;
  auto same = import_draft(text, {"budget-cut"}, &error, &renamed);
  ASSERT_TRUE(same) << error;
  EXPECT_EQ(same->id(), "questioned-advice");
  EXPECT_TRUE(renamed.empty());
  auto copy = import_draft(text, {"questioned-advice", "questioned-advice-2"}, &error, &renamed);
  ASSERT_TRUE(copy) << error;
  EXPECT_EQ(copy->id(), "questioned-advice-3");
  EXPECT_NE(renamed.find("'questioned-advice-3'"), std::string::npos) << renamed;
  EXPECT_FALSE(import_draft("[1, 2]", {}, &error));
  EXPECT_EQ(error, "a scenario is a JSON object");
  EXPECT_FALSE(import_draft("{\"title\": \"no id\"}", {}, &error));
  EXPECT_EQ(error, "/id: a scenario needs an id");

  MemoryProgressStore store;
  DraftShelf shelf(store);
  ASSERT_TRUE(shelf.save(*same, "2026-12-03T19:00:00Z"));
  EXPECT_EQ(shelf.free_id("questioned-advice"), "questioned-advice-copy");
  EXPECT_EQ(shelf.free_id("questioned-advice", {"questioned-advice-copy"}), "questioned-advice-copy-2");
}

TEST(PlayTest, StartsAtTheChosenNodeWithTheChosenStateValues) {
  ScenarioDoc doc = advice_doc();
  std::string error;
  auto from_start = playtest_scenario(doc, {}, &error);
  ASSERT_TRUE(from_start) << error;
  EXPECT_EQ(Dialogue(*from_start).phase(), Phase::Prepare) << "from the start the preparation comes first";

  auto s = playtest_scenario(doc, {"concern", {{"trust", 80}, {"tension", 5}}}, &error);
  ASSERT_TRUE(s) << error;
  Dialogue d(*s);
  EXPECT_EQ(d.phase(), Phase::Conversation);
  ASSERT_NE(d.node(), nullptr);
  EXPECT_EQ(d.node()->id, "concern");
  EXPECT_EQ(d.value("trust"), 80);
  EXPECT_EQ(d.value("tension"), 5);
  EXPECT_EQ(d.value("openness"), 40) << "a value not chosen keeps its initial one";

  EXPECT_FALSE(playtest_scenario(doc, {"nowhere", {}}, &error));
  EXPECT_EQ(error, "no node 'nowhere' to start from");
  EXPECT_FALSE(playtest_scenario(doc, {"concern", {{"mood", 10}}}, &error));
  EXPECT_EQ(error, "no state variable 'mood'");
  EXPECT_FALSE(playtest_scenario(doc, {"concern", {{"trust", 101}}}, &error));
  EXPECT_EQ(error, "'trust' starts between 0 and 100, not 101");
  EXPECT_FALSE(playtest_scenario(ScenarioDoc::blank("empty"), {}, &error));
  EXPECT_NE(error.find("draft: /title: must not be empty"), std::string::npos) << error;
}

}  // namespace
}  // namespace rapport::authoring
