// The LMS resume policy (core/lms_store.h) with in-memory fakes for the browser's storage and the
// LMS's suspend_data: issue 15's bugs 1 (duplicates when local storage is blocked) and 2 (last
// writer wins across devices, reset brought back), review mode and kiosks.
#include "lms_store.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "suspend.h"

namespace rapport {
namespace {

/// Local storage as an LMS iframe with third-party storage blocked sees it: nothing reads back,
/// every write fails.
class BlockedStore : public ProgressStore {
 public:
  std::optional<std::string> read(std::string_view) override { return std::nullopt; }
  bool write(std::string_view, const std::string&) override { return false; }
  void remove(std::string_view) override {}
};

SessionRecord played(const std::string& scenario, int n, int score) {
  SessionRecord s;
  s.finished = "2026-11-0" + std::to_string(n) + "T10:00:00.250Z";
  s.id = s.finished + "-" + scenario + "-" + std::to_string(n);
  s.scenario = scenario;
  s.score = score;
  s.outcome = "partial";
  s.mode = "choice";
  s.transcript = nlohmann::json::array({{{"reply", "kept locally"}}});
  return s;
}

/// A saved unfinished session in the full form the app writes (only its shape matters here).
nlohmann::json unfinished(const std::string& scenario, int replies) {
  nlohmann::json turns = nlohmann::json::array();
  for (int i = 0; i < replies; ++i)
    turns.push_back({{"node", "n"},
                     {"client", "c"},
                     {"reply", "r"},
                     {"code", "open_question"},
                     {"typed", false},
                     {"choice", 0},
                     {"state", nlohmann::json::object()}});
  return {{"format_version", 1},
          {"scenario", scenario},
          {"phase", "conversation"},
          {"prep", {"a"}},
          {"state", nlohmann::json::object()},
          {"start_state", nlohmann::json::object()},
          {"flags", nlohmann::json::array()},
          {"node", "n"},
          {"ending", ""},
          {"client", "c"},
          {"points", nlohmann::json::array()},
          {"turns", turns}};
}

std::vector<std::string> ids(const ProgressRecord& r) {
  std::vector<std::string> out;
  for (const auto& s : r.sessions) out.push_back(s.id);
  return out;
}

/// One launch of the app on a device: a fresh book over the device's storage and the shared LMS.
ProgressRecord relaunch(ProgressStore& local, LmsResumeField& lms) {
  LmsProgressStore store(local, lms);
  ProgressBook book(store);
  book.load();
  return book.record();
}

// Bug 1: one finished session became six after five replies, because the LMS copy came back
// with made-up ids on every save and was added again.
TEST(LmsStore, BlockedLocalStorageNeverDuplicates) {
  BlockedStore local;
  MemoryResumeField lms;
  {
    LmsProgressStore store(local, lms);
    ProgressBook book(store);
    book.load();
    ASSERT_TRUE(book.add_session(played("budget-cut", 1, 40)));
    for (int reply = 1; reply <= 5; ++reply) ASSERT_TRUE(book.set_unfinished(unfinished("late-again", reply)));
    EXPECT_EQ(ids(book.record()), std::vector<std::string>{played("budget-cut", 1, 40).id});
    ASSERT_TRUE(book.add_session(played("late-again", 2, 70)));
    ASSERT_TRUE(book.set_unfinished(nullptr));
    EXPECT_EQ(book.record().sessions.size(), 2u);
  }
  ProgressRecord again = relaunch(local, lms);
  EXPECT_EQ(ids(again), (std::vector<std::string>{played("budget-cut", 1, 40).id, played("late-again", 2, 70).id}));
  EXPECT_TRUE(again.unfinished->is_null());
}

// The first LMS format kept no ids: its sessions match the local ones by scenario, time and score.
TEST(LmsStore, FirstFormatSessionsMatchTheLocalOnes) {
  MemoryProgressStore local;
  MemoryResumeField lms;
  SessionRecord s = played("budget-cut", 1, 40);
  {
    ProgressBook book(local);
    book.load();
    book.add_session(s);
  }
  lms.write("r1:budget-cut~partial|0*14*1*1a*c|");  // a different session
  ProgressRecord only_theirs = relaunch(local, lms);
  EXPECT_EQ(only_theirs.sessions.size(), 2u);

  // The same session as the first release wrote it: time in seconds, no id.
  lms.write("r1:budget-cut~partial|0*14*1*tntig0*c|");
  ProgressRecord merged = relaunch(local, lms);
  ASSERT_EQ(merged.sessions.size(), 1u);
  EXPECT_EQ(merged.sessions[0].id, s.id);
  EXPECT_FALSE(merged.sessions[0].transcript->is_null()) << "the local copy's full record is kept";
}

// Bug 2: reads preferred the local copy and every write replaced suspend_data, so computer A's
// write dropped what computer B had played.
TEST(LmsStore, TwoDevicesKeepEachOthersSessions) {
  MemoryProgressStore device_a, device_b;
  MemoryResumeField lms;
  {
    LmsProgressStore store(device_a, lms);
    ProgressBook book(store);
    book.load();
    book.add_session(played("budget-cut", 1, 40));
  }
  {
    LmsProgressStore store(device_b, lms);
    ProgressBook book(store);
    book.load();
    EXPECT_EQ(book.record().sessions.size(), 1u);
    book.add_session(played("late-again", 2, 60));
    book.add_session(played("late-again", 3, 80));
  }
  {
    LmsProgressStore store(device_a, lms);
    ProgressBook book(store);
    book.load();
    EXPECT_EQ(book.record().sessions.size(), 3u) << "A's local copy must not hide B's sessions";
    book.add_session(played("price-objection", 4, 90));
  }
  const std::vector<std::string> all = {played("budget-cut", 1, 40).id, played("late-again", 2, 60).id,
                                        played("late-again", 3, 80).id, played("price-objection", 4, 90).id};
  EXPECT_EQ(ids(relaunch(device_b, lms)), all);
  EXPECT_EQ(ids(relaunch(device_a, lms)), all);
}

// Bug 2, second half: reset removed only the local copy, and the next launch brought the history
// back from suspend_data; a second device's older local copy must not bring it back either.
TEST(LmsStore, ResetClearsBothCopiesOnEveryDevice) {
  MemoryProgressStore device_a, device_b;
  MemoryResumeField lms;
  {
    LmsProgressStore store(device_b, lms);
    ProgressBook book(store);
    book.load();
    book.add_session(played("late-again", 1, 60));
  }
  {
    LmsProgressStore store(device_a, lms);
    ProgressBook book(store);
    book.load();
    ASSERT_EQ(book.record().sessions.size(), 1u);
    book.set_unfinished(unfinished("budget-cut", 2));
    book.clear();
  }
  EXPECT_TRUE(relaunch(device_a, lms).sessions.empty());
  ProgressRecord b = relaunch(device_b, lms);
  EXPECT_TRUE(b.sessions.empty()) << "B's local copy predates the reset";
  EXPECT_TRUE(b.unfinished->is_null());
  // Practice after the reset counts, on both devices.
  {
    LmsProgressStore store(device_a, lms);
    ProgressBook book(store);
    book.load();
    book.add_session(played("budget-cut", 3, 75));
  }
  EXPECT_EQ(ids(relaunch(device_b, lms)), std::vector<std::string>{played("budget-cut", 3, 75).id});
  EXPECT_EQ(ids(relaunch(device_a, lms)), std::vector<std::string>{played("budget-cut", 3, 75).id});
}

TEST(LmsStore, TheLatestUnfinishedSessionWinsAcrossDevices) {
  MemoryProgressStore device_a, device_b;
  MemoryResumeField lms;
  {
    LmsProgressStore store(device_a, lms);
    ProgressBook book(store);
    book.load();
    book.set_unfinished(unfinished("budget-cut", 1));
  }
  {
    LmsProgressStore store(device_b, lms);
    ProgressBook book(store);
    book.load();
    book.set_unfinished(nullptr);  // B finished or left it
  }
  EXPECT_TRUE(relaunch(device_a, lms).unfinished->is_null()) << "A's stale unfinished session came back";
}

TEST(LmsStore, ReviewModeReadsButNeverWritesTheLms) {
  MemoryProgressStore local;
  MemoryResumeField lms;
  {
    LmsProgressStore store(local, lms);
    ProgressBook book(store);
    book.load();
    book.add_session(played("budget-cut", 1, 40));
  }
  const std::string before = lms.read();
  const int writes = lms.writes();
  ProgressStorage storage({.local = &local, .lms = &lms, .lms_review = true});
  ProgressBook book(storage.store());
  book.load();
  EXPECT_EQ(book.record().sessions.size(), 1u);
  EXPECT_TRUE(book.add_session(played("late-again", 2, 99))) << "local practice still works";
  book.clear();
  EXPECT_EQ(lms.writes(), writes);
  EXPECT_EQ(lms.read(), before);
}

TEST(LmsStore, KioskWritesNeitherCopy) {
  MemoryProgressStore local;
  MemoryResumeField lms;
  ProgressStorage storage({.local = &local, .lms = &lms, .kiosk = true});
  ProgressBook book(storage.store());
  book.load();
  book.add_session(played("budget-cut", 1, 40));
  book.set_unfinished(unfinished("late-again", 1));
  book.set_settings({{"theme", "dark"}});
  EXPECT_TRUE(local.items().empty());
  EXPECT_EQ(lms.writes(), 0);
  EXPECT_EQ(lms.read(), "");
}

TEST(LmsStore, ANewerBuildsResumeDataIsNeverOverwritten) {
  MemoryProgressStore local;
  MemoryResumeField lms;
  lms.write("r9:whatever a newer Rapport wrote");
  LmsProgressStore store(local, lms);
  ProgressBook book(store);
  book.load();
  EXPECT_TRUE(book.add_session(played("budget-cut", 1, 40)));
  EXPECT_EQ(lms.read(), "r9:whatever a newer Rapport wrote");
  EXPECT_NE(store.lms_problem().find("r9"), std::string::npos) << store.lms_problem();
  EXPECT_EQ(relaunch(local, lms).sessions.size(), 1u);
}

TEST(LmsStore, ARefusedLmsWriteIsReported) {
  MemoryProgressStore local;
  MemoryResumeField lms;
  lms.refuse_writes = true;
  LmsProgressStore store(local, lms);
  ProgressBook book(store);
  book.load();
  EXPECT_TRUE(book.add_session(played("budget-cut", 1, 40)));
  EXPECT_EQ(store.lms_problem(), "the LMS refused the resume data");
}

}  // namespace
}  // namespace rapport
