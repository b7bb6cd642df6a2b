// Graph checks over a loaded scenario (reachability, dead ends, coding, balance of replies) and
// the per-scenario statistics printed by `rapport lint --stats`.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "scenario.h"

namespace rapport {

/// Problems with the scenario's graph, each "file: /json/pointer: message". Empty when sound.
std::vector<std::string> lint_scenario(const Scenario& scenario, std::string_view file);

struct ScenarioStats {
  std::string id;
  int nodes = 0;
  int replies = 0;
  int endings = 0;
  int longest_path_turns = 0;  // learner turns on the longest path from start to an ending
  std::map<std::string, int> codes;
};

ScenarioStats scenario_stats(const Scenario& scenario);
nlohmann::json stats_to_json(const ScenarioStats& stats);

}  // namespace rapport
