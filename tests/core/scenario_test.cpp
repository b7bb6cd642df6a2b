// Scenario library and loader: every shipped scenario loads and lints clean, the library meets its
// content counts, broken files are rejected naming file and JSON pointer, the schema's enums agree
// with the loader, and `rapport lint` behaves the same end to end.
#include "scenario.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "lint.h"
#include "test_support.h"

namespace rapport {
namespace {

using nlohmann::json;
using testing::read_text;
using testing::scenario_paths;
using testing::source_path;

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

bool names_pointer(const std::vector<std::string>& errors, const std::string& file, const std::string& pointer) {
  const std::string prefix = file + ": " + pointer + ": ";
  for (const auto& e : errors)
    if (e.rfind(prefix, 0) == 0 && e.size() > prefix.size()) return true;
  return false;
}

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

/// Runs a shell command and captures its standard output (redirect inside the command as needed).
CommandResult run(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

/// A fresh, empty directory under the system temp folder, removed when the guard goes.
struct TempDir {
  std::filesystem::path path;
  explicit TempDir(const std::string& tag) {
    path = std::filesystem::temp_directory_path() /
           ("rapport-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};

/// questioned-advice with the first reply's `next` renamed to a node that does not exist.
std::string broken_questioned_advice() {
  json doc = json::parse(read_text(source_path("scenarios/questioned-advice.json")));
  doc["nodes"][0]["replies"][0]["next"] = "no-such-node";
  return doc.dump(2);
}

std::vector<std::string> bad_files() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(source_path("tests/data/bad-scenarios")))
    if (e.path().extension() == ".json" && e.path().filename() != "expected.json")
      out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

json expected_pointers() { return json::parse(read_text(source_path("tests/data/bad-scenarios/expected.json"))); }

TEST(Scenario, EveryShippedScenarioLoadsAndPassesLint) {
  auto paths = scenario_paths();
  ASSERT_FALSE(paths.empty());
  for (const auto& path : paths) {
    LoadResult r = load_scenario(read_text(path), path);
    ASSERT_TRUE(r.ok()) << join(r.errors);
    EXPECT_EQ(lint_scenario(*r.scenario, path), std::vector<std::string>{}) << path;
    std::string stem = std::filesystem::path(path).stem().string();
    EXPECT_EQ(r.scenario->id, stem) << "a scenario's id should match its file name";
    json doc = json::parse(read_text(path));
    EXPECT_EQ(doc.value("$schema", ""), "./schema.json") << path;
  }
}

// The close is announced: a node whose every route (replies, typed reactions, their branches)
// ends is the last exchange, in every shipped scenario; the start never is, and one branch that goes
// on to a node is enough to make a node not the last.
TEST(Scenario, TheLastExchangeIsTheNodeWhoseEveryRouteEnds) {
  for (const auto& path : scenario_paths()) {
    LoadResult r = load_scenario(read_text(path), path);
    ASSERT_TRUE(r.ok()) << join(r.errors);
    Scenario& s = *r.scenario;
    EXPECT_FALSE(s.last_exchange(*s.find_node(s.start))) << path;
    const auto last = std::find_if(s.nodes.begin(), s.nodes.end(), [&](const Node& n) { return s.last_exchange(n); });
    ASSERT_NE(last, s.nodes.end()) << path << ": no node closes the conversation";
    EXPECT_EQ(last->stage, "close") << path << ": " << last->id;
    ASSERT_FALSE(last->replies.empty());
    Node changed = *last;
    changed.replies.back().route.branches.push_back(Branch{{}, s.start});
    EXPECT_FALSE(s.last_exchange(changed)) << path << ": a branch back to the start";
    changed = *last;
    for (auto& [reaction, typed] : changed.typed) typed.route.next = s.start;
    if (!changed.typed.empty()) EXPECT_FALSE(s.last_exchange(changed)) << path << ": a typed reaction goes on";
  }
}

TEST(Scenario, LibraryMeetsContentCounts) {
  auto paths = scenario_paths();
  EXPECT_GE(paths.size(), 8u);
  std::set<std::string> codes_used, challenges, domains;
  for (const auto& path : paths) {
    LoadResult r = load_scenario(read_text(path), path);
    ASSERT_TRUE(r.ok()) << join(r.errors);
    const Scenario& s = *r.scenario;
    ScenarioStats st = scenario_stats(s);
    EXPECT_GE(st.longest_path_turns, 8) << s.id;
    EXPECT_GE(st.endings, 3) << s.id;
    for (const auto& n : s.nodes) EXPECT_GE(n.replies.size(), 3u) << s.id << " node " << n.id;
    std::set<std::string> kinds;
    for (const auto& e : s.endings) kinds.insert(e.kind);
    EXPECT_EQ(kinds, (std::set<std::string>{"breakthrough", "partial", "rupture"})) << s.id;
    std::set<std::string> topics;
    for (const auto& step : s.prep) {
      topics.insert(step.topic);
      int recommended = 0;
      for (const auto& o : step.options) recommended += o.recommended ? 1 : 0;
      EXPECT_EQ(recommended, 1) << s.id << " prep " << step.id;
      EXPECT_GE(step.options.size(), 3u) << s.id << " prep " << step.id;
    }
    EXPECT_EQ(topics, (std::set<std::string>{"data", "perspective", "solutions", "setting"})) << s.id;
    bool has_next_step = false;
    for (const auto& p : s.points) has_next_step = has_next_step || p.kind == "next_step";
    EXPECT_TRUE(has_next_step) << s.id;
    for (const auto& [code, count] : st.codes) codes_used.insert(code);
    challenges.insert(s.challenge);
    domains.insert(s.domain);
  }
  EXPECT_EQ(codes_used.size(), static_cast<size_t>(kMiCodeCount)) << "the library should use every MI code";
  for (const char* c : {"questioned_advice", "unrealistic_expectations", "budget_constraints", "project_delays",
                        "miscommunication", "price_objection", "complaint"})
    EXPECT_TRUE(challenges.count(c)) << "no scenario for challenge " << c;
  for (const char* d : {"sales", "customer_service", "financial_advice"})
    EXPECT_TRUE(domains.count(d)) << "no scenario in domain " << d;
}

TEST(Scenario, BadFilesAreRejectedNamingThePointer) {
  json expected = expected_pointers();
  auto files = bad_files();
  EXPECT_GE(files.size(), 10u);
  for (const auto& name : files) {
    ASSERT_TRUE(expected.contains(name) && expected[name].is_string()) << name << " is missing from expected.json";
    std::string path = source_path("tests/data/bad-scenarios/" + name);
    LoadResult r = load_scenario(read_text(path), path);
    EXPECT_FALSE(r.ok()) << name << " was accepted";
    EXPECT_FALSE(r.scenario.has_value()) << name;
    std::string pointer = expected[name].get<std::string>();
    EXPECT_TRUE(names_pointer(r.errors, path, pointer)) << name << " should be rejected at " << pointer << "; got:\n"
                                                        << join(r.errors);
  }
  for (const auto& [key, value] : expected.items())
    if (key.size() > 5 && key.substr(key.size() - 5) == ".json")
      EXPECT_TRUE(std::filesystem::exists(source_path("tests/data/bad-scenarios/" + key))) << key;
}

TEST(Scenario, OneBadFileDoesNotStopTheOthersLoading) {
  std::vector<std::string> mixed = scenario_paths();
  mixed.insert(mixed.begin() + 1, source_path("tests/data/bad-scenarios/unknown-code.json"));
  mixed.insert(mixed.begin() + 3, source_path("tests/data/bad-scenarios/invalid-json.json"));
  size_t loaded = 0, rejected = 0;
  for (const auto& path : mixed) {
    LoadResult r = load_scenario(read_text(path), path);
    (r.ok() ? loaded : rejected)++;
  }
  EXPECT_EQ(loaded, scenario_paths().size());
  EXPECT_EQ(rejected, 2u);
}

TEST(Scenario, BrokenCopyOfQuestionedAdviceIsRejectedNamingFileAndPointer) {
  LoadResult r = load_scenario(broken_questioned_advice(), "questioned-advice-broken.json");
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(names_pointer(r.errors, "questioned-advice-broken.json", "/nodes/0/replies/0/next")) << join(r.errors);
  ASSERT_EQ(r.errors.size(), 1u) << join(r.errors);
  EXPECT_NE(r.errors[0].find("no-such-node"), std::string::npos);
}

// The web app's first frame draws library cards from read_scenario_card, then loads in full.
TEST(ScenarioCard, AgreesWithTheFullLoadForEveryShippedScenario) {
  for (const auto& path : scenario_paths()) {
    const std::string text = read_text(path);
    LoadResult full = load_scenario(text, path);
    ASSERT_TRUE(full.ok()) << path;
    std::optional<Scenario> card = read_scenario_card(text);
    ASSERT_TRUE(card.has_value()) << path;
    const Scenario& s = *full.scenario;
    EXPECT_EQ(card->id, s.id);
    EXPECT_EQ(card->title, s.title);
    EXPECT_EQ(card->summary, s.summary);
    EXPECT_EQ(card->domain, s.domain);
    EXPECT_EQ(card->challenge, s.challenge);
    EXPECT_EQ(card->difficulty, s.difficulty);
    EXPECT_EQ(card->minutes, s.minutes);
    EXPECT_EQ(card->briefing, s.briefing);
    EXPECT_EQ(card->client.name, s.client.name);
    EXPECT_EQ(card->client.role, s.client.role);
    EXPECT_EQ(card->client.organisation, s.client.organisation);
    EXPECT_TRUE(card->nodes.empty()) << "a card holds no conversation";
  }
}

TEST(ScenarioCard, StopsReadingOnceTheCardFieldsAreIn) {
  // Everything after the client object is cut off mid-value: the card is still read, because the
  // reader never gets that far; the full load rejects the same text.
  const std::string text = read_text(source_path("scenarios/questioned-advice.json"));
  size_t cut = text.find("\"state\"");
  ASSERT_NE(cut, std::string::npos);
  const std::string truncated = text.substr(0, cut) + "\"state\": {\"trust\": [[[";
  std::optional<Scenario> card = read_scenario_card(truncated);
  ASSERT_TRUE(card.has_value());
  EXPECT_EQ(card->id, "questioned-advice");
  EXPECT_FALSE(load_scenario(truncated, "cut.json").ok());
}

TEST(ScenarioCard, IsEmptyWhenACardFieldIsMissingOrWrong) {
  const std::string good = read_text(source_path("scenarios/questioned-advice.json"));
  json doc = json::parse(good);
  auto without = [&](const std::function<void(json&)>& change) {
    json d = doc;
    change(d);
    return read_scenario_card(d.dump());
  };
  EXPECT_FALSE(without([](json& d) { d.erase("title"); }).has_value());
  EXPECT_FALSE(without([](json& d) { d["difficulty"] = "hard"; }).has_value());
  EXPECT_FALSE(without([](json& d) { d["difficulty"] = 7; }).has_value());
  EXPECT_FALSE(without([](json& d) { d["client"] = json::array(); }).has_value());
  EXPECT_FALSE(without([](json& d) { d["client"].erase("name"); }).has_value());
  EXPECT_FALSE(without([](json& d) { d["format_version"] = 99; }).has_value());
  EXPECT_TRUE(without([](json& d) { d["client"].erase("organisation"); }).has_value());
  EXPECT_FALSE(read_scenario_card("").has_value());
  EXPECT_FALSE(read_scenario_card("[1, 2]").has_value());
  EXPECT_FALSE(read_scenario_card(good.substr(0, good.size() / 50)).has_value());
  EXPECT_FALSE(read_scenario_card(std::string(100000, '[')).has_value());
  for (const auto& name : bad_files())
    (void)read_scenario_card(read_text(source_path("tests/data/bad-scenarios/" + name)));
}

TEST(Scenario, SchemaEnumsAgreeWithTheLoader) {
  json schema = json::parse(read_text(source_path("scenarios/schema.json")));
  ASSERT_TRUE(schema.contains("$defs"));
  const json& defs = schema["$defs"];
  EXPECT_EQ(defs.at("domain").at("enum").get<std::vector<std::string>>(), known_domains());
  EXPECT_EQ(defs.at("challenge").at("enum").get<std::vector<std::string>>(), known_challenges());
  EXPECT_EQ(defs.at("stage").at("enum").get<std::vector<std::string>>(), known_stages());
  std::vector<std::string> codes;
  for (MiCode c : all_mi_codes()) codes.emplace_back(code_id(c));
  EXPECT_EQ(defs.at("code").at("enum").get<std::vector<std::string>>(), codes);
  std::vector<std::string> keys;
  for (int c = 0; c < kReactionClassCount; ++c) keys.emplace_back(reaction_class_id(static_cast<ReactionClass>(c)));
  keys.emplace_back("default");
  keys.insert(keys.end(), codes.begin(), codes.end());
  EXPECT_EQ(defs.at("typedKey").at("enum").get<std::vector<std::string>>(), keys);
  EXPECT_EQ(schema.at("properties").at("format_version").at("minimum").get<int>(), kScenarioFormatMin);
  EXPECT_EQ(schema.at("properties").at("format_version").at("maximum").get<int>(), kScenarioFormatMax);
}

TEST(Scenario, LintCliAcceptsTheShippedLibrary) {
  CommandResult r = run(std::string(RAPPORT_CLI) + " lint " + quoted(source_path("scenarios")) + " 2>&1");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("0 with errors"), std::string::npos) << r.output;
}

TEST(Scenario, LintCliRejectsABrokenCopyNamingFileAndPointer) {
  TempDir dir("lint");
  std::string broken = (dir.path / "questioned-advice.json").string();
  std::ofstream(broken) << broken_questioned_advice();
  // stderr only: the errors and the summary line.
  CommandResult r = run(std::string(RAPPORT_CLI) + " lint " + quoted(dir.path.string()) + " 2>&1 1>/dev/null");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find(broken + ": /nodes/0/replies/0/next: "), std::string::npos) << r.output;
}

TEST(Scenario, LintCliKeepsGoingPastABadFile) {
  TempDir dir("mixed");
  std::filesystem::copy_file(source_path("scenarios/questioned-advice.json"), dir.path / "a-good.json");
  std::filesystem::copy_file(source_path("tests/data/bad-scenarios/unknown-code.json"), dir.path / "b-bad.json");
  std::filesystem::copy_file(source_path("scenarios/lead-target.json"), dir.path / "c-good.json");
  CommandResult out = run(std::string(RAPPORT_CLI) + " lint --stats " + quoted(dir.path.string()) + " 2>/dev/null");
  EXPECT_EQ(out.exit_code, 1);
  EXPECT_NE(out.output.find("\"id\":\"questioned-advice\""), std::string::npos) << out.output;
  EXPECT_NE(out.output.find("\"id\":\"lead-target\""), std::string::npos) << out.output;
  CommandResult err = run(std::string(RAPPORT_CLI) + " lint " + quoted(dir.path.string()) + " 2>&1 1>/dev/null");
  EXPECT_NE(err.output.find("b-bad.json: /nodes/0/replies/1/code: "), std::string::npos) << err.output;
  EXPECT_NE(err.output.find("3 file(s), 1 with errors"), std::string::npos) << err.output;
}

}  // namespace
}  // namespace rapport
