// Playthrough plans (tests/plans/*.plan): each plan lists the client lines expected, the replies
// chosen, the ending and a score bound. One parameterised test runs every plan straight through
// and again in save-reload-continue mode.
#include <cctype>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialogue.h"
#include "scoring.h"
#include "test_support.h"

namespace rapport {
namespace {

using testing::read_text;
using testing::source_path;

struct PlanStep {
  enum class Kind { Client, Choose } kind;
  std::string text;  // expected substring of the client's line
  int choice = 0;    // 1-based position among the offered replies
  int line = 0;
};

struct ScoreBound {
  bool at_least = true;  // ">=" when true, "<=" otherwise
  int value = 0;
  int line = 0;
};

struct PlanSpec {
  std::string file;
  std::string scenario;
  std::vector<int> prep;  // 1-based option per prep step; empty: recommended options
  std::vector<PlanStep> steps;
  std::string ending;
  int ending_line = 0;
  std::vector<ScoreBound> scores;
};

struct ParseResult {
  std::optional<PlanSpec> plan;
  std::string error;  // "file:line: message"
};

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

/// Drops a trailing "# comment" (outside quotes).
std::string strip_comment(const std::string& s) {
  bool in_quotes = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') in_quotes = !in_quotes;
    if (s[i] == '#' && !in_quotes) return s.substr(0, i);
  }
  return s;
}

bool parse_positive(const std::string& s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  out = std::stoi(s);
  return out >= 1;
}

/// Parses a plan's text; the first problem is reported as "file:line: message".
ParseResult parse_plan(const std::string& text, const std::string& file) {
  ParseResult result;
  PlanSpec plan;
  plan.file = file;
  auto fail = [&](int line, const std::string& message) {
    result.error = file + ":" + std::to_string(line) + ": " + message;
    return result;
  };
  std::istringstream in(text);
  std::string raw;
  int line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    std::string line = trim(strip_comment(raw));
    if (line.empty()) continue;
    size_t space = line.find_first_of(" \t");
    std::string word = line.substr(0, space);
    std::string rest = space == std::string::npos ? "" : trim(line.substr(space));
    if (word == "scenario") {
      if (rest.empty() || rest.find(' ') != std::string::npos) return fail(line_no, "expected 'scenario <id>'");
      if (!plan.scenario.empty()) return fail(line_no, "a plan names one scenario");
      plan.scenario = rest;
    } else if (word == "prep") {
      std::stringstream items(rest);
      std::string item;
      plan.prep.clear();
      while (std::getline(items, item, ',')) {
        int v = 0;
        if (!parse_positive(trim(item), v)) return fail(line_no, "expected 'prep 1,2,1,1' (1-based options)");
        plan.prep.push_back(v);
      }
      if (plan.prep.empty()) return fail(line_no, "expected 'prep 1,2,1,1' (1-based options)");
    } else if (word == "client") {
      if (rest.size() < 3 || rest.front() != '"' || rest.back() != '"')
        return fail(line_no, "expected 'client \"text the client says\"'");
      plan.steps.push_back({PlanStep::Kind::Client, rest.substr(1, rest.size() - 2), 0, line_no});
    } else if (word == "choose") {
      int v = 0;
      if (!parse_positive(rest, v)) return fail(line_no, "expected 'choose <n>' with n counted from 1");
      plan.steps.push_back({PlanStep::Kind::Choose, {}, v, line_no});
    } else if (word == "ending") {
      if (rest != "breakthrough" && rest != "partial" && rest != "rupture")
        return fail(line_no, "expected 'ending breakthrough|partial|rupture'");
      plan.ending = rest;
      plan.ending_line = line_no;
    } else if (word == "score") {
      ScoreBound bound;
      bound.line = line_no;
      if (rest.rfind(">=", 0) == 0) bound.at_least = true;
      else if (rest.rfind("<=", 0) == 0) bound.at_least = false;
      else return fail(line_no, "expected 'score >= <n>' or 'score <= <n>'");
      std::string number = trim(rest.substr(2));
      if (number.empty() || number.size() > 3 || number.find_first_not_of("0123456789") != std::string::npos)
        return fail(line_no, "expected a score from 0 to 100");
      bound.value = std::stoi(number);
      if (bound.value > 100) return fail(line_no, "expected a score from 0 to 100");
      plan.scores.push_back(bound);
    } else {
      return fail(line_no, "unknown directive '" + word + "'");
    }
  }
  if (plan.scenario.empty()) return fail(line_no, "the plan names no scenario");
  if (plan.ending.empty()) return fail(line_no, "the plan names no expected ending");
  result.plan = std::move(plan);
  return result;
}

std::vector<std::string> plan_files() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(source_path("tests/plans"), ec))
    if (e.path().extension() == ".plan") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

/// Serialises the dialogue to text and restores it into a fresh engine, as a saved session would.
void save_reload(const Scenario& s, Dialogue& d) {
  std::string saved = d.to_json().dump();
  Dialogue fresh(s);
  std::string err = fresh.restore(nlohmann::json::parse(saved));
  ASSERT_EQ(err, "");
  ASSERT_EQ(fresh.to_json(), d.to_json());
  d = std::move(fresh);
}

void run_plan(const PlanSpec& plan, bool reload) {
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
      ASSERT_EQ(d.phase(), Phase::Conversation)
          << f << ":" << st.line << ": the conversation already ended at '" << (d.ending() ? d.ending()->id : "?") << "'";
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
  for (const auto& b : plan.scores) {
    if (b.at_least) EXPECT_GE(score.total, b.value) << f << ":" << b.line;
    else EXPECT_LE(score.total, b.value) << f << ":" << b.line;
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
  ParseResult r = parse_plan("scenario questioned-advice\nclient \"nothing like this\"\nchoose 1\nending rupture\n",
                             "wrong.plan");
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
