// How a scenario plays when the learner does not read: the breakthrough rate of always taking the
// first thing offered (in each session's shuffled order) against uniformly random play. Printed
// by `rapport lint --stats`; the library test holds every scenario to it.
#pragma once

#include <cstdint>

#include "scenario.h"

namespace rapport {

struct PlayRates {
  int first_choice_plays = 0;
  double first_choice_breakthrough = 0;  // share of plays ending in a breakthrough
  int random_plays = 0;
  double random_breakthrough = 0;
};

/// Plays `seeds` sessions (seeds 1..N) taking the first preparation option and the first offered
/// reply every time, and `random_plays` sessions choosing uniformly at random (deterministic
/// pseudo-random numbers, so the figures are reproducible).
PlayRates play_rates(const Scenario& scenario, int seeds = 20, int random_plays = 1000);

}  // namespace rapport
