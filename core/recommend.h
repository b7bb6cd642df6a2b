// Which scenario to practise next, and a reason that is true for this learner's history.
#pragma once

#include <string>
#include <vector>

#include "progress.h"
#include "scenario.h"

namespace rapport {

struct Suggestion {
  const Scenario* scenario = nullptr;  // nullptr when the library is empty
  std::string reason;
};

/// No history: the gentlest unplayed scenario. With history: few reflections per question points
/// at scenarios that reward listening, few complex reflections at emotional ones (the one with the
/// lowest best score among them); otherwise an unplayed scenario, else the lowest best score. The
/// reason names the figure or fact that decided it.
Suggestion suggest_next(const std::vector<const Scenario*>& library, const ProgressRecord& progress);

}  // namespace rapport
