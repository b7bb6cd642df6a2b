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

/// Model replies a learner may type as written and be heard pushing: an MI-consistent authored reply,
/// or a `better` written as words to say (not a hint such as "Reflect what she has noticed"), that
/// the reply coder codes persuade or confront with one of its node's client lines. Typed, such a
/// reply gets the node's reaction to pushing: reviewer Y found late-again's "Every slip lands on
/// your floor: ...", a simple reflection and the `better` of two other replies, coded persuasion,
/// which would cost a learner who copied it 8 points of trust. Each "file: /pointer: message";
/// `rapport lint` prints them as warnings (a scenario loaded at run time is not refused for them).
std::vector<std::string> model_replies_heard_as_pushing(const Scenario& scenario, std::string_view file);

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
