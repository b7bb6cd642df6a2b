// Playthrough plan files (tests/plans/*.plan): their format and parser, shared by the plan test
// and the main-path shape test.
#pragma once
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.h"

namespace rapport::testing {

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

inline std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

/// Drops a trailing "# comment" (outside quotes).
inline std::string strip_comment(const std::string& s) {
  bool in_quotes = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '"') in_quotes = !in_quotes;
    if (s[i] == '#' && !in_quotes) return s.substr(0, i);
  }
  return s;
}

inline bool parse_positive(const std::string& s, int& out) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  out = std::stoi(s);
  return out >= 1;
}

/// Parses a plan's text; the first problem is reported as "file:line: message".
inline ParseResult parse_plan(const std::string& text, const std::string& file) {
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
      if (rest.rfind(">=", 0) == 0)
        bound.at_least = true;
      else if (rest.rfind("<=", 0) == 0)
        bound.at_least = false;
      else
        return fail(line_no, "expected 'score >= <n>' or 'score <= <n>'");
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

inline std::vector<std::string> plan_files() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(source_path("tests/plans"), ec))
    if (e.path().extension() == ".plan") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace rapport::testing
