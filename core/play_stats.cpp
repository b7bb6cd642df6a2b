// Breakthrough rates of first-offered and random play (see play_stats.h).
#include "play_stats.h"

#include "dialogue.h"

#include <cstdio>
#include <string_view>
#include <vector>

namespace rapport {

namespace {

constexpr int kMaxTurns = 200;  // a guard against cycles; real sessions end far sooner

/// A small deterministic generator (xorshift64*), the same on every platform.
struct Rng {
  std::uint64_t s;
  std::uint64_t next() {
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    return s * 2685821657736338717ull;
  }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }
};

struct Play {
  bool breakthrough = false;
  int turns = 0;
  int inconsistent = 0;  // replies coded persuade or confront
};

/// Plays one session; `pick(texts)` chooses a position among the texts shown, in the order shown.
template <class Pick>
Play play_once(const Scenario& scenario, std::uint32_t seed, Pick pick, std::string* ending = nullptr) {
  Dialogue d(scenario, seed);
  std::vector<std::string_view> texts;
  while (d.phase() == Phase::Prepare) {
    const auto order = d.prep_order();
    texts.clear();
    for (size_t i : order) texts.push_back(d.prep_step()->options[i].text);
    if (order.empty() || !d.choose_prep(order[pick(texts)])) return {};
  }
  for (int turn = 0; turn < kMaxTurns && d.phase() == Phase::Conversation; ++turn) {
    const auto offer = d.offered();
    texts.clear();
    for (size_t i : offer) texts.push_back(d.node()->replies[i].text);
    if (offer.empty() || !d.choose(pick(texts))) return {};
  }
  if (ending && d.ending()) *ending = d.ending()->id;
  Play play;
  play.breakthrough = d.phase() == Phase::Ended && d.ending() && d.ending()->kind == "breakthrough";
  play.turns = static_cast<int>(d.transcript().size());
  play.inconsistent = d.mi_inconsistent_replies();
  return play;
}

/// Characters in UTF-8 text: the bytes that start one.
size_t chars(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

/// The position of the longest (or shortest) text in characters; the first of equals.
size_t by_length(const std::vector<std::string_view>& texts, bool longest) {
  size_t best = 0, best_len = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    const size_t len = chars(texts[i]);
    if (i == 0 || (longest ? len > best_len : len < best_len)) {
      best = i;
      best_len = len;
    }
  }
  return best;
}

/// A uniformly random position other than the longest (or shortest) text's; the only one when
/// there is one.
size_t random_but(const std::vector<std::string_view>& texts, bool longest, Rng& rng) {
  if (texts.size() < 2) return 0;
  const size_t skip = by_length(texts, longest);
  const size_t pick = rng.below(texts.size() - 1);
  return pick < skip ? pick : pick + 1;
}

/// Breakthrough share of `plays` sessions that never choose the longest (or shortest) text.
double not_by_length(const Scenario& scenario, int plays, bool longest) {
  if (plays <= 0) return 0;
  Rng rng{longest ? 0x10C0FFEEull : 0x5A17EDull};
  int wins = 0;
  for (int p = 0; p < plays; ++p) {
    const auto seed = static_cast<std::uint32_t>(rng.next() | 1u);
    wins += play_once(scenario, seed, [&](const std::vector<std::string_view>& t) {
              return random_but(t, longest, rng);
            }).breakthrough;
  }
  return static_cast<double>(wins) / plays;
}

}  // namespace

PlayRates play_rates(const Scenario& scenario, int seeds, int random_plays) {
  PlayRates r;
  int wins = 0;
  using Texts = std::vector<std::string_view>;
  for (int s = 1; s <= seeds; ++s)
    wins += play_once(scenario, static_cast<std::uint32_t>(s), [](const Texts&) { return size_t{0}; }).breakthrough;
  r.first_choice_plays = seeds;
  r.first_choice_breakthrough = seeds > 0 ? static_cast<double>(wins) / seeds : 0;
  Rng rng{0x5EEDF00DCAFEull};
  wins = 0;
  long long turns = 0;
  for (int p = 0; p < random_plays; ++p) {
    const auto seed = static_cast<std::uint32_t>(rng.next() | 1u);
    const Play play = play_once(scenario, seed, [&](const Texts& texts) { return rng.below(texts.size()); });
    wins += play.breakthrough;
    turns += play.turns;
    if (play.breakthrough && play.inconsistent > 0) ++r.random_inconsistent_wins;
  }
  r.random_plays = random_plays;
  r.random_breakthrough = random_plays > 0 ? static_cast<double>(wins) / random_plays : 0;
  r.random_mean_turns = random_plays > 0 ? static_cast<double>(turns) / random_plays : 0;
  // Length does not depend on the order shown, so one seed stands for all.
  r.longest_breakthrough = play_once(
                               scenario, 1, [](const Texts& t) { return by_length(t, true); }, &r.longest_ending)
                               .breakthrough;
  r.shortest_breakthrough = play_once(
                                scenario, 1, [](const Texts& t) { return by_length(t, false); }, &r.shortest_ending)
                                .breakthrough;
  return r;
}

void play_avoiding_length(const Scenario& scenario, PlayRates& rates) {
  rates.not_longest_breakthrough = not_by_length(scenario, rates.random_plays, true);
  rates.not_shortest_breakthrough = not_by_length(scenario, rates.random_plays, false);
}

int measured_difficulty(double random_breakthrough) {
  if (random_breakthrough >= 0.20) return 1;
  if (random_breakthrough >= 0.08) return 2;
  return 3;
}

const char* difficulty_name(int difficulty) {
  return difficulty <= 1 ? "gentle" : difficulty == 2 ? "challenging" : "hard";
}

std::string difficulty_warning(const Scenario& scenario, const PlayRates& rates) {
  const int measured = measured_difficulty(rates.random_breakthrough);
  if (measured == scenario.difficulty) return {};
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.1f%%", 100 * rates.random_breakthrough);
  return "/difficulty: labelled " + std::string(difficulty_name(scenario.difficulty)) + " (" +
         std::to_string(scenario.difficulty) + ") but random play reaches a breakthrough in " + rate + " of " +
         std::to_string(rates.random_plays) + " plays, which is " + difficulty_name(measured) + " (" +
         std::to_string(measured) + "; gentle >= 20%, challenging 8-20%, hard < 8%)";
}

std::string length_tell_warning(const PlayRates& rates) {
  if (rates.random_plays <= 0) return {};
  auto line = [&](double rate, const char* which) {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "never choosing the %s text reaches a breakthrough in %.1f%% of %d plays, against %.1f%% at random: "
                  "the %s option is a tell",
                  which, 100 * rate, rates.random_plays, 100 * rates.random_breakthrough, which);
    return std::string(buf);
  };
  std::string out;
  if (rates.not_longest_breakthrough > rates.random_breakthrough + kLengthTellMargin)
    out = line(rates.not_longest_breakthrough, "longest");
  if (rates.not_shortest_breakthrough > rates.random_breakthrough + kLengthTellMargin)
    out += (out.empty() ? "" : "; ") + line(rates.not_shortest_breakthrough, "shortest");
  return out;
}

}  // namespace rapport
