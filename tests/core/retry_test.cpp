// "Retry from this turn" after a session ended: the run from there is kept as a retry (the reply
// it went back to), through the local record, the LMS resume data and an unfinished save, and the
// counts, best scores and skill trends are of runs from the start. Reviewer V saw "best 80 of 4
// runs" after one run and three retries.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "progress.h"
#include "progress_summary.h"
#include "recommend.h"
#include "session.h"
#include "session_review.h"
#include "suspend.h"
#include "test_support.h"

namespace rapport {
namespace {

using json = nlohmann::json;

SessionContext numbered(int* counter) {
  SessionContext c;
  c.now = [] { return std::string("2026-12-07T10:00:00.000Z"); };
  c.next_number = [counter] { return ++*counter; };
  return c;
}

/// Prepares with the first options and plays the first offered reply until the end.
void finish_session(Session& s) {
  for (int i = 0; i < 20 && s.dialogue().phase() == Phase::Prepare; ++i) ASSERT_TRUE(s.choose_prep(0));
  for (int i = 0; i < 60 && !s.finished(); ++i) ASSERT_TRUE(s.choose(0));
  ASSERT_TRUE(s.finished());
}

SessionRecord made(const std::string& scenario, int score, int retry_from, int n) {
  SessionRecord r;
  r.scenario = scenario;
  r.finished = "2026-12-0" + std::to_string(n) + "T10:00:00.000Z";
  r.id = r.finished + "-" + scenario + "-" + std::to_string(n);
  r.mode = "choice";
  r.outcome = "partial";
  r.ending_title = "Agreed to think";
  r.score = score;
  r.retry_from = retry_from;
  return r;
}

TEST(Retry, TheRunFromARetriedTurnIsKeptAsARetryOfThatReply) {
  const Scenario sc = testing::load_shipped("budget-cut");
  int counter = 0;
  Session s(sc, 3, numbered(&counter));
  finish_session(s);
  ASSERT_TRUE(s.record());
  EXPECT_EQ(s.record()->retry_from, 0) << "the first run is a run";
  EXPECT_TRUE(s.record()->counts_as_run());

  ASSERT_TRUE(s.retry_from(2));
  finish_session(s);
  EXPECT_EQ(s.record()->retry_from, 3) << "went back to the learner's third reply";
  EXPECT_FALSE(s.record()->counts_as_run());

  ASSERT_TRUE(s.retry_from(0));
  finish_session(s);
  EXPECT_EQ(s.record()->retry_from, 1) << "a retry of a retry is a retry from where it went back";
}

TEST(Retry, AnUnfinishedRetrySavedAndResumedStaysARetry) {
  const Scenario sc = testing::load_shipped("budget-cut");
  int counter = 0;
  Session s(sc, 3, numbered(&counter));
  finish_session(s);
  ASSERT_TRUE(s.retry_from(1));
  const json saved = s.saved_inputs();
  EXPECT_EQ(saved.value("retry_from", 0), 2);

  // Locally, and through the LMS's compact resume data.
  ProgressRecord kept;
  kept.unfinished = saved;
  std::string error;
  const auto lms = decode_suspend_data(encode_suspend_data(kept), &error);
  ASSERT_TRUE(lms) << error;
  for (const json& form : {saved, *lms->unfinished}) {
    auto resumed = Session::resume(sc, form, numbered(&counter), &error);
    ASSERT_TRUE(resumed) << error;
    finish_session(*resumed);
    EXPECT_EQ(resumed->record()->retry_from, 2) << form.dump();
  }

  // A fresh session saves no mark.
  Session fresh(sc, 3, numbered(&counter));
  ASSERT_TRUE(fresh.choose_prep(0));
  EXPECT_FALSE(fresh.saved_inputs().contains("retry_from"));
}

TEST(Retry, TheMarkSurvivesTheLocalRecordAndTheLmsCopy) {
  ProgressRecord p;
  p.sessions = {made("budget-cut", 63, 0, 1), made("budget-cut", 80, 4, 2)};
  const std::string text = progress_to_json(p).dump();
  std::string error;
  auto local = progress_from_json_text(text, &error);
  ASSERT_TRUE(local) << error;
  EXPECT_EQ(local->sessions[0].retry_from, 0);
  EXPECT_EQ(local->sessions[1].retry_from, 4);
  EXPECT_EQ(progress_to_json(p)["sessions"][0].count("retry_from"), 0u) << "a run writes no mark";

  auto lms = decode_suspend_data(encode_suspend_data(p), &error);
  ASSERT_TRUE(lms) << error;
  ASSERT_EQ(lms->sessions.size(), 2u);
  EXPECT_EQ(lms->sessions[0].retry_from, 0);
  EXPECT_EQ(lms->sessions[1].retry_from, 4);

  // A wrong-typed mark loses only itself.
  json doc = progress_to_json(p);
  doc["sessions"][1]["retry_from"] = "four";
  auto odd = progress_from_json_text(doc.dump(), &error);
  ASSERT_TRUE(odd) << error;
  EXPECT_EQ(odd->sessions.size(), 2u);
  EXPECT_EQ(odd->sessions[1].retry_from, 0);
}

TEST(Retry, CountsBestScoresAndTrendsAreOfRunsFromTheStart) {
  ProgressRecord p;
  p.sessions = {made("late-again", 63, 0, 1), made("late-again", 90, 6, 2), made("late-again", 76, 5, 3),
                made("late-again", 78, 7, 4), made("budget-cut", 55, 0, 5)};
  EXPECT_EQ(p.sessions_completed(), 2);
  EXPECT_EQ(p.retries(), 3);
  EXPECT_EQ(p.retries("late-again"), 3);
  EXPECT_EQ(p.completed("late-again"), 1);
  EXPECT_EQ(p.best_score("late-again"), 63);
  EXPECT_EQ(p.best_retry_score("late-again"), 90);
  EXPECT_EQ(p.best_score(), 63);
  EXPECT_EQ(p.last_score(), 55);

  EXPECT_EQ(progress_headline(p),
            "2 sessions completed  \xC2\xB7  3 retries  \xC2\xB7  last score 55  \xC2\xB7  best 63");
  EXPECT_EQ(scenario_record_line(p, "late-again"), "best 63 of 1 run  \xC2\xB7  3 retries, best 90");
  EXPECT_EQ(scenario_record_line(p, "budget-cut"), "best 55 of 1 run");
  EXPECT_EQ(scenario_record_line(p, "damp-flat"), "not played yet");

  const SkillTrend trend = skill_trend(p);
  EXPECT_EQ(trend.score, (std::vector<double>{63, 55}));
  EXPECT_EQ(trend.note,
            "3 retries are left out of these charts: a retry knew how its run went. The history lists them.");
  EXPECT_EQ(history_detail(p.sessions[1]), "Agreed to think  \xC2\xB7  score 90  \xC2\xB7  retry from your reply 6");
  EXPECT_EQ(history_detail(p.sessions[0]), "Agreed to think  \xC2\xB7  score 63");
  EXPECT_EQ(review_session(p.sessions[1], nullptr).retry, "Retry from your reply 6");

  // A history whose runs were dropped (an LMS keeps the newest it can fit) still shows the rest.
  ProgressRecord only_retries;
  only_retries.sessions = {made("late-again", 70, 2, 1)};
  EXPECT_EQ(only_retries.best_score("late-again"), 70);
  EXPECT_EQ(only_retries.best_score(), 70);
  EXPECT_EQ(skill_trend(only_retries).score, std::vector<double>{70});
  EXPECT_EQ(progress_headline(only_retries),
            "0 sessions completed  \xC2\xB7  1 retry  \xC2\xB7  last score 70  \xC2\xB7  best 70");
}

TEST(Retry, TheNextSuggestionReadsTheRunsNotTheRetries) {
  const Scenario a = testing::load_shipped("questioned-advice");
  ProgressRecord p;
  SessionRecord run = made(a.id, 60, 0, 1);
  run.rq_ratio = 2.0;
  run.percent_complex = 60;
  p.sessions.push_back(run);
  // Three retries that asked and never reflected would pull the average under 1 reflection per
  // question, and the suggestion would then be about asking too much.
  for (int i = 0; i < 3; ++i) {
    SessionRecord retry = made(a.id, 40, 5, 2 + i);
    retry.rq_ratio = 0.0;
    p.sessions.push_back(retry);
  }
  const Suggestion s = suggest_next({&a}, p);
  EXPECT_EQ(s.reason.find("You ask more than you reflect"), std::string::npos) << s.reason;
}

}  // namespace
}  // namespace rapport
