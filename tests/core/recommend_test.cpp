// The suggested next scenario and its reason follow the learner's own history.
#include "recommend.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace rapport {
namespace {

const std::vector<const Scenario*>& library() {
  static const std::vector<Scenario> loaded = [] {
    std::vector<Scenario> out;
    for (const char* id : {"questioned-advice", "medication-change", "price-objection", "missed-deadlines"})
      out.push_back(testing::load_shipped(id));
    return out;
  }();
  static const std::vector<const Scenario*> pointers = [] {
    std::vector<const Scenario*> out;
    for (const Scenario& s : loaded) out.push_back(&s);
    return out;
  }();
  return pointers;
}

SessionRecord session(const std::string& scenario, int score, double rq, double complex) {
  SessionRecord r;
  r.id = scenario + std::to_string(score);
  r.scenario = scenario;
  r.score = score;
  r.rq_ratio = rq;
  r.percent_complex = complex;
  return r;
}

TEST(Recommend, NoHistoryStartsWithTheGentlestScenario) {
  const auto& lib = library();
  const Suggestion s = suggest_next(lib, ProgressRecord{});
  ASSERT_NE(s.scenario, nullptr);
  EXPECT_EQ(s.scenario->id, "missed-deadlines");
  EXPECT_EQ(s.reason, "A gentle place to start.");
}

TEST(Recommend, FewReflectionsPointAtAListeningScenarioAndSaySo) {
  const auto& lib = library();
  ProgressRecord p;
  p.sessions.push_back(session("price-objection", 70, 0.5, 60));
  const Suggestion s = suggest_next(lib, p);
  ASSERT_NE(s.scenario, nullptr);
  EXPECT_EQ(s.scenario->challenge, "questioned_advice");
  EXPECT_NE(s.reason.find("0.5 reflections per question"), std::string::npos) << s.reason;
}

TEST(Recommend, AnUnplayedScenarioIsNeverCalledYourLowestBest) {
  const auto& lib = library();
  ProgressRecord p;
  p.sessions.push_back(session("questioned-advice", 90, 2.0, 60));
  const Suggestion s = suggest_next(lib, p);
  ASSERT_NE(s.scenario, nullptr);
  EXPECT_EQ(p.completed(s.scenario->id), 0);
  EXPECT_EQ(s.reason, "You have not met this client yet.");
}

TEST(Recommend, WhenAllArePlayedTheLowestBestIsNamedWithItsScore) {
  const auto& lib = library();
  ProgressRecord p;
  p.sessions.push_back(session("questioned-advice", 90, 2.0, 60));
  p.sessions.push_back(session("medication-change", 55, 2.0, 60));
  p.sessions.push_back(session("price-objection", 80, 2.0, 60));
  p.sessions.push_back(session("missed-deadlines", 75, 2.0, 60));
  const Suggestion s = suggest_next(lib, p);
  ASSERT_NE(s.scenario, nullptr);
  EXPECT_EQ(s.scenario->id, "medication-change");
  EXPECT_NE(s.reason.find("(55)"), std::string::npos) << s.reason;
}

}  // namespace
}  // namespace rapport
