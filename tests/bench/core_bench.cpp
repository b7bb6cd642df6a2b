// Benchmarks of the core: loading and linting every shipped scenario, one engine step, a whole
// playthrough, the progress record at 1,000 sessions, and saving / restoring a session.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "dialogue.h"
#include "lint.h"
#include "progress.h"
#include "scenario.h"

namespace {

using rapport::Dialogue;
using rapport::Phase;
using rapport::Scenario;

struct ScenarioFile {
  std::string name;
  std::string text;
};

/// scenarios/*.json (not the schema), read once.
const std::vector<ScenarioFile>& scenario_files() {
  static const std::vector<ScenarioFile> files = [] {
    std::vector<ScenarioFile> out;
    for (const auto& e : std::filesystem::directory_iterator(std::string(RAPPORT_SOURCE_DIR) + "/scenarios")) {
      if (e.path().extension() != ".json" || e.path().filename() == "schema.json") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      out.push_back({e.path().filename().string(), ss.str()});
    }
    std::sort(out.begin(), out.end(), [](const ScenarioFile& a, const ScenarioFile& b) { return a.name < b.name; });
    return out;
  }();
  return files;
}

const Scenario& questioned_advice() {
  static const Scenario scenario = [] {
    for (const auto& f : scenario_files())
      if (f.name == "questioned-advice.json") {
        rapport::LoadResult r = rapport::load_scenario(f.text, f.name);
        if (r.ok()) return *r.scenario;
      }
    throw std::runtime_error("scenarios/questioned-advice.json does not load");
  }();
  return scenario;
}

/// Prepares with the recommended options, leaving the dialogue at the first client line.
Dialogue prepared(const Scenario& s) {
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) {
    const rapport::PrepStep* step = d.prep_step();
    size_t pick = 0;
    for (size_t i = 0; i < step->options.size(); ++i)
      if (step->options[i].recommended) pick = i;
    d.choose_prep(pick);
  }
  return d;
}

/// The breakthrough path through questioned-advice (offered positions), then first replies.
constexpr size_t kPath[] = {0, 0, 0, 1, 0, 0, 0, 0};

void play_to_end(Dialogue& d) {
  for (size_t i = 0; d.phase() == Phase::Conversation && i < 64; ++i) {
    size_t offered = d.offered().size();
    size_t want = i < std::size(kPath) ? kPath[i] : 0;
    d.choose(want < offered ? want : 0);
  }
}

void BM_Scenario_LoadAndLintAll(benchmark::State& state) {
  const auto& files = scenario_files();
  size_t bytes = 0;
  for (const auto& f : files) bytes += f.text.size();
  for (auto _ : state) {
    for (const auto& f : files) {
      rapport::LoadResult r = rapport::load_scenario(f.text, f.name);
      if (r.ok()) benchmark::DoNotOptimize(rapport::lint_scenario(*r.scenario, f.name));
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * files.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["scenarios"] = static_cast<double>(files.size());
}
BENCHMARK(BM_Scenario_LoadAndLintAll)->Unit(benchmark::kMicrosecond);

/// What the web app's first frame reads instead (read_scenario_card), and the full load alone.
template <bool kCardsOnly>
void BM_Scenario_ReadAll(benchmark::State& state) {
  const auto& files = scenario_files();
  for (auto _ : state)
    for (const auto& f : files) {
      if constexpr (kCardsOnly)
        benchmark::DoNotOptimize(rapport::read_scenario_card(f.text));
      else
        benchmark::DoNotOptimize(rapport::load_scenario(f.text, f.name));
    }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * files.size()));
}
void BM_Scenario_LoadAll(benchmark::State& state) { BM_Scenario_ReadAll<false>(state); }
void BM_Scenario_CardsAll(benchmark::State& state) { BM_Scenario_ReadAll<true>(state); }
BENCHMARK(BM_Scenario_LoadAll)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Scenario_CardsAll)->Unit(benchmark::kMicrosecond);

// One learner turn: choose an offered reply, apply its effects and advance to the next node.
// Only the choose() call is timed; restarting a finished dialogue is not.
void BM_Dialogue_Step(benchmark::State& state) {
  const Scenario& s = questioned_advice();
  const Dialogue start = prepared(s);
  Dialogue d = start;
  size_t turn = 0;
  for (auto _ : state) {
    if (d.phase() != Phase::Conversation) {
      d = start;
      turn = 0;
    }
    size_t offered = d.offered().size();
    size_t want = turn < std::size(kPath) ? kPath[turn] : 0;
    auto t0 = std::chrono::steady_clock::now();
    bool ok = d.choose(want < offered ? want : 0);
    auto t1 = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(ok);
    state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
    turn++;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_Dialogue_Step)->UseManualTime()->Unit(benchmark::kNanosecond);

// A whole session: preparation with the recommended options and eight replies to the breakthrough.
void BM_Dialogue_Playthrough(benchmark::State& state) {
  const Scenario& s = questioned_advice();
  size_t turns = 0;
  for (auto _ : state) {
    Dialogue d = prepared(s);
    play_to_end(d);
    turns = d.transcript().size();
    benchmark::DoNotOptimize(d);
  }
  state.counters["turns"] = static_cast<double>(turns);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_Dialogue_Playthrough)->Unit(benchmark::kMicrosecond);

/// A realistic record: `sessions` finished sessions with compact transcripts, an unfinished one.
rapport::ProgressRecord big_record(int sessions) {
  const Scenario& s = questioned_advice();
  Dialogue d = prepared(s);
  play_to_end(d);
  nlohmann::json transcript = nlohmann::json::array();
  for (const auto& t : d.transcript())
    transcript.push_back({{"client", t.client_line},
                          {"reply", t.reply},
                          {"code", std::string(rapport::code_id(t.code))},
                          {"tip", t.tip},
                          {"trust", t.state_after.count("trust") ? t.state_after.at("trust") : 0}});
  rapport::ProgressRecord record;
  for (int i = 0; i < sessions; ++i) {
    rapport::SessionRecord r;
    char when[32];
    std::snprintf(when, sizeof when, "2030-%02d-%02dT%02d:%02d:00Z", 1 + i / 280 % 12, 1 + i / 10 % 28, 8 + i % 10,
                  i % 60);
    r.id = std::string(when) + "-" + s.id + "-" + std::to_string(i);
    r.scenario = s.id;
    r.finished = when;
    r.mode = i % 3 ? "choice" : "text";
    r.outcome = d.ending()->kind;
    r.ending_title = d.ending()->title;
    r.score = 40 + i * 37 % 60;
    r.rq_ratio = 1.5;
    r.percent_complex = 50;
    for (const auto& t : d.transcript()) r.codes[std::string(rapport::code_id(t.code))]++;
    r.journal = i % 4 ? "" : "Next time I will ask what she has already tried before offering the pilot.";
    r.transcript = transcript;
    record.sessions.push_back(std::move(r));
  }
  Dialogue unfinished = prepared(s);
  unfinished.choose(0);
  record.unfinished = unfinished.to_json();
  record.settings = nlohmann::json{{"text_mode", true}, {"learner_name", "Sam"}};
  return record;
}

void BM_Progress_Serialise1000(benchmark::State& state) {
  const rapport::ProgressRecord record = big_record(1000);
  size_t bytes = 0;
  for (auto _ : state) {
    std::string text = rapport::progress_to_json(record).dump();
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["record_bytes"] = static_cast<double>(bytes);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_Progress_Serialise1000)->Unit(benchmark::kMillisecond);

void BM_Progress_Parse1000(benchmark::State& state) {
  const std::string text = rapport::progress_to_json(big_record(1000)).dump();
  for (auto _ : state) {
    std::string error;
    auto record = rapport::progress_from_json_text(text, &error);
    if (!record || record->sessions.size() != 1000) state.SkipWithError("the record did not parse");
    benchmark::DoNotOptimize(record);
  }
  state.counters["record_bytes"] = static_cast<double>(text.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Progress_Parse1000)->Unit(benchmark::kMillisecond);

/// A finished session: the largest state a save holds.
Dialogue finished_session() {
  Dialogue d = prepared(questioned_advice());
  play_to_end(d);
  return d;
}

void BM_Dialogue_ToJson(benchmark::State& state) {
  const Dialogue d = finished_session();
  for (auto _ : state) benchmark::DoNotOptimize(d.to_json());
}
BENCHMARK(BM_Dialogue_ToJson)->Unit(benchmark::kMicrosecond);

void BM_Dialogue_Restore(benchmark::State& state) {
  const Dialogue d = finished_session();
  const nlohmann::json saved = d.to_json();
  for (auto _ : state) {
    Dialogue again(questioned_advice());
    std::string error = again.restore(saved);
    if (!error.empty()) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(again);
  }
}
BENCHMARK(BM_Dialogue_Restore)->Unit(benchmark::kMicrosecond);

// What the app does on a save and a reload: to_json, dump to text, parse the text, restore.
void BM_Dialogue_SaveRestoreText(benchmark::State& state) {
  const Dialogue d = finished_session();
  size_t bytes = 0;
  for (auto _ : state) {
    std::string text = d.to_json().dump();
    bytes = text.size();
    Dialogue again(questioned_advice());
    std::string error = again.restore(nlohmann::json::parse(text));
    if (!error.empty()) state.SkipWithError(error.c_str());
    benchmark::DoNotOptimize(again);
  }
  state.counters["save_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Dialogue_SaveRestoreText)->Unit(benchmark::kMicrosecond);

}  // namespace
