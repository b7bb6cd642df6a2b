// How a scenario plays when the learner does not read: the breakthrough rate of always taking the
// first thing offered (in each session's shuffled order), always the longest or the shortest text,
// or anything but the longest (or the shortest), against uniformly random play. Printed
// by `rapport lint --stats`; the library test holds every scenario to it.
#pragma once

#include <cstdint>
#include <string>

#include "scenario.h"

namespace rapport {

struct PlayRates {
  int first_choice_plays = 0;
  double first_choice_breakthrough = 0;  // share of plays ending in a breakthrough
  int random_plays = 0;
  double random_breakthrough = 0;
  double random_mean_turns = 0;      // learner turns per random play
  int random_inconsistent_wins = 0;  // random plays that won with a persuade or confront reply
  // Always the longest (most characters) preparation option and reply, or always the shortest:
  // the shuffle cannot hide length, so the best option must not be the longest one by habit.
  bool longest_breakthrough = false;
  bool shortest_breakthrough = false;
  std::string longest_ending, shortest_ending;  // the ending each reaches ("" when none)
  // Random play that never takes the longest text on offer (or never the shortest), over the same
  // number of plays as random_breakthrough: "the long one is the pushy one" must not pay. Filled by
  // play_avoiding_length (0 until then).
  double not_longest_breakthrough = 0;
  double not_shortest_breakthrough = 0;
};

/// Plays `seeds` sessions (seeds 1..N) taking the first preparation option and the first offered
/// reply every time, and `random_plays` sessions choosing uniformly at random (deterministic
/// pseudo-random numbers, so the figures are reproducible), and one session each always taking
/// the longest and the shortest text on offer (ties: the first in authored order).
PlayRates play_rates(const Scenario& scenario, int seeds = 20, int random_plays = 1000);

/// Fills `rates`' not_longest_breakthrough and not_shortest_breakthrough: rates.random_plays
/// sessions each choosing at random among all but the longest text on offer, and as many among all
/// but the shortest. For lint and the library test; the studio's statistics, recounted after every
/// edit, leave it out.
void play_avoiding_length(const Scenario& scenario, PlayRates& rates);

/// The difficulty a breakthrough rate under random play earns: 1 gentle (at least 20%),
/// 2 challenging (8% to under 20%), 3 hard (under 8%).
int measured_difficulty(double random_breakthrough);
/// "gentle", "challenging" or "hard".
const char* difficulty_name(int difficulty);
/// Empty when the scenario's label matches its measured difficulty, else a warning naming both.
std::string difficulty_warning(const Scenario& scenario, const PlayRates& rates);

/// How much more often than random play a learner who never chooses the longest (or the shortest)
/// text may break through: the margin the library also allows first-offered play.
constexpr double kLengthTellMargin = 0.05;
/// Empty when avoiding the longest or the shortest text pays no more than kLengthTellMargin over
/// random play; else what each strategy reaches, against random play.
std::string length_tell_warning(const PlayRates& rates);

}  // namespace rapport
