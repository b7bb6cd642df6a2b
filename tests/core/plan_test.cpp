// Playthrough plans (tests/plans/*.plan): each plan lists the client lines expected, the replies
// chosen and the ending. One parameterised test runs every plan straight through and again in
// save-reload-continue mode; another checks what the scores of a scenario's plans must say about
// each other (the better conversation scores higher; the main path passes, a rupture does not),
// rather than bands drawn around the scores they happen to get.
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialogue.h"
#include "scoring.h"
#include "plan_format.h"
#include "test_support.h"

namespace rapport {
namespace {

using testing::read_text;
using testing::source_path;

using testing::parse_plan;
using testing::ParseResult;
using testing::plan_files;
using testing::PlanSpec;
using testing::PlanStep;

/// Serialises the dialogue to text and restores it into a fresh engine, as a saved session would.
void save_reload(const Scenario& s, Dialogue& d) {
  std::string saved = d.to_json().dump();
  Dialogue fresh(s);
  std::string err = fresh.restore(nlohmann::json::parse(saved));
  ASSERT_EQ(err, "");
  ASSERT_EQ(fresh.to_json(), d.to_json());
  d = std::move(fresh);
}

/// Plays `plan`; sets `total` to the session's score when it ends.
void run_plan(const PlanSpec& plan, bool reload, int* total = nullptr) {
  const std::string& f = plan.file;
  Scenario s;
  try {
    s = testing::load_shipped(plan.scenario);
  } catch (const std::exception& e) {
    FAIL() << f << ": scenario '" << plan.scenario << "' does not load: " << e.what();
  }
  Dialogue d(s);
  for (size_t step = 0; d.phase() == Phase::Prepare; ++step) {
    if (reload) ASSERT_NO_FATAL_FAILURE(save_reload(s, d));
    const PrepStep* ps = d.prep_step();
    size_t pick = 0;
    if (step < plan.prep.size()) {
      pick = static_cast<size_t>(plan.prep[step] - 1);
    } else {
      for (size_t o = 0; o < ps->options.size(); ++o)
        if (ps->options[o].recommended) pick = o;
    }
    ASSERT_TRUE(d.choose_prep(pick)) << f << ": prep step " << step + 1 << " has no option " << pick + 1;
  }
  ASSERT_LE(plan.prep.size(), s.prep.size()) << f << ": more prep choices than prep steps";
  for (const auto& st : plan.steps) {
    if (reload) ASSERT_NO_FATAL_FAILURE(save_reload(s, d));
    // A client line may follow the last reply: the client's last words (the ending's client_says).
    if (st.kind != PlanStep::Kind::Client || d.phase() != Phase::Ended)
      ASSERT_EQ(d.phase(), Phase::Conversation) << f << ":" << st.line << ": the conversation already ended at '"
                                                << (d.ending() ? d.ending()->id : "?") << "'";
    if (st.kind == PlanStep::Kind::Client) {
      EXPECT_NE(d.client_line().find(st.text), std::string::npos)
          << f << ":" << st.line << ": expected the client to say \"" << st.text << "\" at '"
          << (d.node() ? d.node()->id : d.ending()->id) << "', got: " << d.client_line();
    } else {
      size_t offered = d.offered().size();
      ASSERT_TRUE(st.choice >= 1 && static_cast<size_t>(st.choice) <= offered)
          << f << ":" << st.line << ": choice " << st.choice << " is not one of the " << offered
          << " replies offered at node '" << d.node()->id << "'";
      ASSERT_TRUE(d.choose(static_cast<size_t>(st.choice - 1))) << f << ":" << st.line;
    }
  }
  if (reload) ASSERT_NO_FATAL_FAILURE(save_reload(s, d));
  ASSERT_EQ(d.phase(), Phase::Ended) << f << ":" << plan.ending_line << ": not ended, still at node '"
                                     << (d.node() ? d.node()->id : "?") << "'";
  EXPECT_EQ(d.ending()->kind, plan.ending) << f << ":" << plan.ending_line << ": ended at '" << d.ending()->id << "'";
  SessionScore score = score_session(d);
  if (total) *total = score.total;
  for (const auto& b : plan.scores) {
    if (b.at_least)
      EXPECT_GE(score.total, b.value) << f << ":" << b.line;
    else
      EXPECT_LE(score.total, b.value) << f << ":" << b.line;
  }
}

class Plan : public ::testing::TestWithParam<std::tuple<std::string, bool>> {};

TEST_P(Plan, PlaysAsWritten) {
  const auto& [path, reload] = GetParam();
  ParseResult parsed = parse_plan(read_text(path), path);
  ASSERT_TRUE(parsed.plan.has_value()) << parsed.error;
  run_plan(*parsed.plan, reload);
}

std::string plan_test_name(const ::testing::TestParamInfo<Plan::ParamType>& info) {
  std::string name = std::filesystem::path(std::get<0>(info.param)).stem().string();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name + (std::get<1>(info.param) ? "_reloaded" : "_straight");
}

INSTANTIATE_TEST_SUITE_P(Plans, Plan, ::testing::Combine(::testing::ValuesIn(plan_files()), ::testing::Bool()),
                         plan_test_name);

// The plans of one scenario: "<id>.plan" is the main path (a breakthrough with the recommended
// preparation), "<id>.partial" and "<id>.rupture" the canonical other endings, "<id>.weak-prep"
// the main path after weaker preparation, any other suffix a variant ending as its plan says.
TEST(Plans, BetterConversationsScoreHigherAndTheMainPathPasses) {
  std::map<std::string, std::map<std::string, std::pair<int, std::string>>>
      by_scenario;  // id -> variant -> score, ending
  for (const std::string& path : plan_files()) {
    ParseResult parsed = parse_plan(read_text(path), path);
    ASSERT_TRUE(parsed.plan.has_value()) << parsed.error;
    int total = -1;
    ASSERT_NO_FATAL_FAILURE(run_plan(*parsed.plan, false, &total));
    const std::string stem = std::filesystem::path(path).stem().string();
    const size_t dot = stem.find('.');
    const std::string variant = dot == std::string::npos ? "" : stem.substr(dot + 1);
    by_scenario[parsed.plan->scenario][variant] = {total, parsed.plan->ending};
  }
  ASSERT_GE(by_scenario.size(), 12u);
  for (const auto& [id, plans] : by_scenario) {
    ASSERT_TRUE(plans.count("")) << id << " has no main plan";
    ASSERT_TRUE(plans.count("partial") && plans.count("rupture")) << id << " needs a .partial and a .rupture plan";
    const int main = plans.at("").first;
    EXPECT_GE(main, kDefaultMasteryScore) << id << ": the main path must pass";
    EXPECT_GT(plans.at("partial").first, plans.at("rupture").first) << id << ": a partial ending beats a rupture";
    for (const auto& [variant, result] : plans) {
      if (variant.empty()) continue;
      const auto& [score, ending] = result;
      if (ending == "breakthrough" && variant != "weak-prep")
        EXPECT_GE(score, kDefaultMasteryScore) << id << "." << variant << ": a breakthrough passes";
      else
        EXPECT_LT(score, main) << id << "." << variant << " scores no less than the main path";
      if (ending == "rupture") EXPECT_LT(score, kDefaultMasteryScore) << id << "." << variant << ": a rupture passes";
    }
  }
}

TEST(PlanFormat, MalformedLineNamesFileAndLine) {
  ParseResult r = parse_plan("scenario questioned-advice\n# fine\nchoose two\n", "bad.plan");
  EXPECT_FALSE(r.plan.has_value());
  EXPECT_EQ(r.error.rfind("bad.plan:3: ", 0), 0u) << r.error;

  r = parse_plan("scenario questioned-advice\nclient unquoted text\nending breakthrough\n", "bad.plan");
  EXPECT_EQ(r.error.rfind("bad.plan:2: ", 0), 0u) << r.error;

  r = parse_plan("scenario questioned-advice\nending breakthrough\nscore > 70\n", "bad.plan");
  EXPECT_EQ(r.error.rfind("bad.plan:3: ", 0), 0u) << r.error;

  r = parse_plan("scenario questioned-advice\nwibble 3\n", "bad.plan");
  EXPECT_EQ(r.error.rfind("bad.plan:2: unknown directive", 0), 0u) << r.error;

  r = parse_plan("scenario questioned-advice\nchoose 1\n", "bad.plan");
  EXPECT_NE(r.error.find("no expected ending"), std::string::npos) << r.error;
}

TEST(PlanFormat, CommentsAndQuotedHashesAreHandled) {
  ParseResult r = parse_plan(
      "# a comment\nscenario questioned-advice   # trailing\nprep 1,1,1,1\nclient \"room #4\"  # note\n"
      "choose 2 # why\nending partial\nscore >= 10\nscore <= 90\n",
      "ok.plan");
  ASSERT_TRUE(r.plan.has_value()) << r.error;
  EXPECT_EQ(r.plan->steps.size(), 2u);
  EXPECT_EQ(r.plan->steps[0].text, "room #4");
  EXPECT_EQ(r.plan->steps[1].choice, 2);
  EXPECT_EQ(r.plan->prep, (std::vector<int>{1, 1, 1, 1}));
  EXPECT_EQ(r.plan->scores.size(), 2u);
}

TEST(PlanFormat, AWrongExpectationIsCaught) {
  ParseResult r =
      parse_plan("scenario questioned-advice\nclient \"nothing like this\"\nchoose 1\nending rupture\n", "wrong.plan");
  ASSERT_TRUE(r.plan.has_value()) << r.error;
  ::testing::TestPartResultArray failures;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
    run_plan(*r.plan, false);
  }
  ASSERT_GE(failures.size(), 1);
  EXPECT_NE(std::string(failures.GetTestPartResult(0).message()).find("wrong.plan:2:"), std::string::npos)
      << failures.GetTestPartResult(0).message();
}

TEST(PlanFormat, EveryScenarioHasABreakthroughPlan) {
  for (const auto& path : testing::scenario_paths()) {
    std::string id = std::filesystem::path(path).stem().string();
    std::string plan_path = source_path("tests/plans/" + id + ".plan");
    ASSERT_TRUE(std::filesystem::exists(plan_path)) << "no plan for " << id;
    ParseResult r = parse_plan(read_text(plan_path), plan_path);
    ASSERT_TRUE(r.plan.has_value()) << r.error;
    EXPECT_EQ(r.plan->scenario, id);
    EXPECT_EQ(r.plan->ending, "breakthrough") << plan_path;
  }
}

}  // namespace
}  // namespace rapport
