// The progress record: round trip, migration from version 1, import merge, the corrupt-data
// path, a full quota and two tabs writing at once.
#include "progress.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rapport {
namespace {

SessionRecord session(const std::string& id, const std::string& scenario, int score, const std::string& when) {
  SessionRecord s;
  s.id = id;
  s.scenario = scenario;
  s.score = score;
  s.finished = when;
  s.outcome = "partial";
  s.codes = {{"open_question", 2}};
  s.transcript = nlohmann::json::array({{{"reply", std::string(400, 'x')}}});
  return s;
}

TEST(Progress, RoundTripsThroughTheStore) {
  MemoryProgressStore store;
  ProgressBook book(store);
  book.load();
  ASSERT_TRUE(book.add_session(session("a", "questioned-advice", 61, "2026-11-01T10:00:00Z")));
  ASSERT_TRUE(book.add_session(session("b", "budget-cut", 80, "2026-11-02T10:00:00Z")));
  ASSERT_TRUE(book.set_journal("a", "Ask before advising."));
  ProgressBook again(store);
  again.load();
  EXPECT_EQ(again.record().sessions_completed(), 2);
  EXPECT_EQ(again.record().last_score(), 80);
  EXPECT_EQ(again.record().best_score(), 80);
  EXPECT_EQ(again.record().best_score("questioned-advice"), 61);
  EXPECT_EQ(again.record().sessions[0].journal, "Ask before advising.");
  EXPECT_TRUE(again.take_notices().empty());
}

TEST(Progress, MigratesVersionOne) {
  // What the first release wrote: no followup_coverage.
  const char* v1 = R"({"format_version":1,"sessions":[{"id":"s1","scenario":"questioned-advice",
    "finished":"2026-10-01T09:00:00Z","mode":"choice","outcome":"breakthrough","ending_title":"Dana owns the plan",
    "score":88,"rq_ratio":2.5,"percent_complex":60,"codes":{"open_question":3},"journal":""}],
    "unfinished":null,"settings":{}})";
  MemoryProgressStore store;
  store.write(kProgressKey, v1);
  ProgressBook book(store);
  book.load();
  ASSERT_EQ(book.record().sessions_completed(), 1);
  EXPECT_EQ(book.record().sessions[0].score, 88);
  EXPECT_EQ(book.record().sessions[0].followup_coverage, 0.0);
  EXPECT_TRUE(book.take_notices().empty());
  book.add_session(session("s2", "budget-cut", 70, "2026-11-01T09:00:00Z"));
  nlohmann::json saved = nlohmann::json::parse(*store.read(kProgressKey));
  EXPECT_EQ(saved["format_version"], kProgressFormatVersion);
  EXPECT_EQ(saved["sessions"].size(), 2u);
}

TEST(Progress, NewerVersionIsKeptAsideNotOverwritten) {
  MemoryProgressStore store;
  std::string future = R"({"format_version":99,"sessions":[]})";
  store.write(kProgressKey, future);
  ProgressBook book(store);
  book.load();
  std::vector<std::string> notices = book.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("format_version 99"), std::string::npos);
  EXPECT_EQ(store.read(kProgressBackupKey), future);
}

TEST(Progress, CorruptDataIsBackedUpWithANotice) {
  MemoryProgressStore store;
  store.write(kProgressKey, "{\"format_version\":2,\"sessions\":[{\"id\":");
  ProgressBook book(store);
  book.load();
  EXPECT_EQ(book.record().sessions_completed(), 0);
  EXPECT_EQ(store.read(kProgressBackupKey), "{\"format_version\":2,\"sessions\":[{\"id\":");
  EXPECT_EQ(book.take_notices().size(), 1u);
  // The next save writes a fresh record; the backup stays.
  book.add_session(session("n", "budget-cut", 50, "2026-11-03T00:00:00Z"));
  EXPECT_TRUE(progress_from_json_text(*store.read(kProgressKey), nullptr).has_value());
  EXPECT_EQ(store.read(kProgressBackupKey), "{\"format_version\":2,\"sessions\":[{\"id\":");
}

TEST(Progress, FullQuotaTrimsOldTranscriptsAndSaysSo) {
  MemoryProgressStore store(2600);
  ProgressBook book(store);
  book.load();
  for (int i = 0; i < 4; ++i)
    book.add_session(session("s" + std::to_string(i), "x", 50 + i, "2026-11-0" + std::to_string(i + 1)));
  std::vector<std::string> notices = book.take_notices();
  ASSERT_FALSE(notices.empty());
  EXPECT_NE(notices[0].find("transcripts of older sessions were removed"), std::string::npos);
  ProgressBook again(store);
  again.load();
  EXPECT_EQ(again.record().sessions_completed(), 4);  // every summary kept
  EXPECT_TRUE(again.record().sessions[0].transcript->is_null());
  EXPECT_FALSE(again.record().sessions[3].transcript->is_null());
}

TEST(Progress, TwoTabsDoNotOverwriteEachOther) {
  MemoryProgressStore store;
  ProgressBook tab1(store), tab2(store);
  tab1.load();
  tab2.load();
  tab1.add_session(session("from-tab-1", "a", 40, "2026-11-01"));
  tab2.add_session(session("from-tab-2", "b", 60, "2026-11-02"));
  ProgressBook fresh(store);
  fresh.load();
  ASSERT_EQ(fresh.record().sessions_completed(), 2);
  EXPECT_EQ(fresh.record().sessions[0].id, "from-tab-1");
  EXPECT_EQ(fresh.record().sessions[1].id, "from-tab-2");
}

TEST(Progress, ImportMergesWithoutDuplicates) {
  MemoryProgressStore store;
  ProgressBook book(store);
  book.load();
  book.add_session(session("shared", "a", 40, "2026-11-01"));
  ProgressRecord other;
  other.sessions = {session("shared", "a", 40, "2026-11-01"), session("only-there", "b", 75, "2026-10-01")};
  std::string error;
  EXPECT_EQ(book.import_record(progress_to_json(other).dump(), &error), 1);
  EXPECT_EQ(book.record().sessions_completed(), 2);
  EXPECT_EQ(book.record().sessions[0].id, "only-there");  // kept in date order
  EXPECT_EQ(book.import_record(progress_to_json(other).dump(), &error), 0);
  EXPECT_EQ(book.import_record("not json", &error), -1);
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(book.record().sessions_completed(), 2);
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

// Issue 15, bug 3: load() ignored a failed backup write but said the data "was kept aside", and
// the next save overwrote the only copy. Trigger: a record from a newer version near the quota.
TEST(Progress, FailedBackupNeverOverwritesTheOriginal) {
  const std::string future = R"({"format_version":99,"sessions":[)" + std::string(300, ' ') + "]}";
  MemoryProgressStore store(future.size() + std::string(kProgressKey).size() + 200);
  ASSERT_TRUE(store.write(kProgressKey, future));
  ProgressBook book(store);
  book.load();
  std::vector<std::string> notices = book.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].find("kept aside under"), std::string::npos) << "it was not kept aside: " << notices[0];
  EXPECT_NE(notices[0].find("will not save over the original"), std::string::npos) << notices[0];
  EXPECT_TRUE(book.holding_original());
  EXPECT_FALSE(
      book.add_session(SessionRecord{.id = "n", .scenario = "budget-cut", .finished = "2026-11-03T00:00:00Z"}));
  EXPECT_EQ(store.read(kProgressKey), future) << "the only copy was overwritten";
  EXPECT_FALSE(book.take_notices().empty());
  // Once there is room for the copy, saving goes ahead with the original kept aside.
  MemoryProgressStore roomy;
  roomy.write(kProgressKey, future);
  ProgressBook fine(roomy);
  fine.load();
  EXPECT_FALSE(fine.holding_original());
  EXPECT_TRUE(fine.add_session(SessionRecord{.id = "n", .scenario = "budget-cut", .finished = "2026-11-03T00:00:00Z"}));
  EXPECT_EQ(roomy.read(kProgressBackupKey), future);
}

// Issue 15, bug 4: `settings` and `unfinished` were never validated, and .value() threw on a
// wrong type every frame. A wrong-typed field is now a readable problem; the history stays, the
// original bytes are set aside, and nothing throws.
TEST(Progress, WrongTypedSettingsAndUnfinishedAreSetAsideNotThrown) {
  const std::string stored = R"({"format_version":2,"sessions":[{"id":"a","scenario":"budget-cut","score":70,)"
                             R"("finished":"2026-11-01T10:00:00Z"}],"unfinished":"resume me","settings":{"theme":3}})";
  std::vector<std::string> problems;
  std::string error;
  auto r = progress_from_json_text(stored, &error, &problems);
  ASSERT_TRUE(r) << error;
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find("unfinished session"), std::string::npos) << problems[0];
  EXPECT_NE(problems[0].find("found a string"), std::string::npos) << problems[0];
  EXPECT_NE(problems[1].find("\"theme\" should be a string, found a number"), std::string::npos) << problems[1];
  EXPECT_EQ(r->sessions.size(), 1u);
  EXPECT_TRUE(r->unfinished->is_null());

  MemoryProgressStore store;
  store.write(kProgressKey, stored);
  ProgressBook book(store);
  book.load();
  EXPECT_EQ(book.record().sessions.size(), 1u) << "the history survives a bad settings field";
  std::vector<std::string> notices = book.take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("settings"), std::string::npos) << notices[0];
  EXPECT_EQ(store.read(kProgressBackupKey), stored);
  EXPECT_EQ(read_learner_settings(book.record().settings).theme, "light");
}

TEST(Progress, UnfinishedSessionsOfTheWrongShapeAreRefusedAtLoad) {
  for (const char* unfinished : {R"({"scenario":"x","phase":"prepare"})",
                                 R"({"format_version":1,"scenario":"x",)"
                                 R"("phase":"talking","prep":[],"state":{},"start_state":{},"flags":[],"node":"",)"
                                 R"("ending":"","client":"","points":[],"turns":[]})",
                                 R"({"scenario":"x","replay":{"turns":[{"choice":"one"}]}})", "[1,2]", "7"}) {
    std::string stored = std::string(R"({"format_version":2,"sessions":[],"unfinished":)") + unfinished + "}";
    std::vector<std::string> problems;
    auto r = progress_from_json_text(stored, nullptr, &problems);
    ASSERT_TRUE(r) << unfinished;
    EXPECT_TRUE(r->unfinished->is_null()) << unfinished;
    EXPECT_EQ(problems.size(), 1u) << unfinished;
  }
}

TEST(Progress, WrongTypedSessionFieldsAreAnError) {
  std::string error;
  EXPECT_FALSE(progress_from_json_text(
      R"({"format_version":2,"sessions":[{"id":"a","scenario":"b","score":1,"journal":{"x":1}}]})", &error));
  EXPECT_NE(error.find("\"journal\" is an object"), std::string::npos) << error;
}

// Issue 15, bug 7: integers read with get<long long>() wrapped; 18446744073709551615 read as -1.
TEST(Progress, HugeIntegersAreRangeErrorsNotWrapped) {
  std::string error;
  EXPECT_FALSE(progress_from_json_text(R"({"format_version":18446744073709551617,"sessions":[]})", &error));
  EXPECT_FALSE(progress_from_json_text(R"({"format_version":2,"sessions":[{"id":"a","scenario":"b",)"
                                       R"("score":18446744073709551615}]})",
                                       &error));
  EXPECT_NE(error.find("score outside 0 to 100"), std::string::npos) << error;
}

}  // namespace
}  // namespace rapport
