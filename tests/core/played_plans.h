// Every shipped playthrough plan (tests/plans/*.plan) played to its end, once per test binary:
// shared by the follow-up and debrief tests.
#pragma once
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "dialogue.h"
#include "plan_format.h"
#include "test_support.h"

namespace rapport::testing {

/// A shipped playthrough plan played to its end (the scenario outlives the dialogue).
struct Played {
  std::string plan;
  std::unique_ptr<Scenario> scenario;
  std::unique_ptr<Dialogue> dialogue;
};

inline Played play_plan(const std::string& path) {
  ParseResult parsed = parse_plan(read_text(path), path);
  if (!parsed.plan) throw std::runtime_error(parsed.error);
  Played p{std::filesystem::path(path).filename().string(),
           std::make_unique<Scenario>(load_shipped(parsed.plan->scenario)), nullptr};
  p.dialogue = std::make_unique<Dialogue>(*p.scenario);
  Dialogue& d = *p.dialogue;
  for (size_t step = 0; d.phase() == Phase::Prepare; ++step) {
    size_t pick = 0;
    for (size_t o = 0; o < d.prep_step()->options.size(); ++o)
      if (d.prep_step()->options[o].recommended) pick = o;
    if (step < parsed.plan->prep.size()) pick = static_cast<size_t>(parsed.plan->prep[step] - 1);
    d.choose_prep(pick);
  }
  for (const auto& st : parsed.plan->steps)
    if (st.kind == PlanStep::Kind::Choose) d.choose(static_cast<size_t>(st.choice - 1));
  return p;
}

/// Every shipped plan played through: each scenario and each of its endings.
inline const std::vector<Played>& every_plan() {
  static const std::vector<Played> played = [] {
    std::vector<Played> out;
    for (const auto& path : plan_files()) out.push_back(play_plan(path));
    return out;
  }();
  return played;
}

}  // namespace rapport::testing
