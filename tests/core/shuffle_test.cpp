// Choices in a fresh order every session: the order comes from a seed the session stores, so a
// save, the SCORM suspend data and retry-from-turn all show the same order again; old saves
// without a seed keep the authored order.
#include <algorithm>
#include <set>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialogue.h"
#include "play_stats.h"
#include "progress.h"
#include "suspend.h"
#include "test_support.h"

namespace rapport {
namespace {

using testing::load_shipped;

/// Takes the first preparation option shown at every step.
void prepare_first(Dialogue& d) {
  while (d.phase() == Phase::Prepare) ASSERT_TRUE(d.choose_prep(d.prep_order().front()));
}

std::vector<std::string> shown_texts(const Dialogue& d) {
  std::vector<std::string> out;
  for (size_t i : d.offered()) out.push_back(d.node()->replies[i].text);
  return out;
}

TEST(Shuffle, SeedsShowDifferentOrdersOfTheSameReplies) {
  const Scenario s = load_shipped("questioned-advice");
  Dialogue authored(s);
  prepare_first(authored);
  std::vector<size_t> base = authored.offered();
  ASSERT_GE(base.size(), 3u);
  EXPECT_TRUE(std::is_sorted(base.begin(), base.end())) << "seed 0 keeps the authored order";
  std::set<std::vector<size_t>> orders, first_prep;
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    Dialogue d(s, seed);
    const auto prep = d.prep_order();
    first_prep.insert(prep);
    prepare_first(d);
    std::vector<size_t> order = d.offered();
    std::vector<size_t> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, base) << "seed " << seed << " shows the same replies";
    orders.insert(order);
  }
  EXPECT_GE(orders.size(), 4u) << "twelve sessions show the replies in at least four different orders";
  EXPECT_GE(first_prep.size(), 2u) << "and the preparation options in more than one order";
}

TEST(Shuffle, ChoosingFollowsTheOrderShown) {
  const Scenario s = load_shipped("questioned-advice");
  Dialogue d(s, 99);
  prepare_first(d);
  const auto shown = shown_texts(d);
  ASSERT_TRUE(d.choose(0));
  EXPECT_EQ(d.transcript().back().reply, shown[0]) << "choice 1 is the first reply shown, not the first authored";
}

TEST(Shuffle, SaveRestoreAndRetryShowTheSameOrder) {
  const Scenario s = load_shipped("questioned-advice");
  Dialogue d(s, 4242);
  prepare_first(d);
  ASSERT_TRUE(d.choose(1));
  ASSERT_TRUE(d.choose(0));
  const auto before = shown_texts(d);
  const nlohmann::json saved = d.to_json();
  EXPECT_EQ(saved["seed"], 4242);

  Dialogue restored(s);
  ASSERT_EQ(restored.restore(saved), "");
  EXPECT_EQ(restored.seed(), 4242u);
  EXPECT_EQ(shown_texts(restored), before);

  Dialogue retried = d;
  ASSERT_TRUE(retried.retry_from(1));
  Dialogue again(s, 4242);
  prepare_first(again);
  ASSERT_TRUE(again.choose(1));
  EXPECT_EQ(shown_texts(retried), shown_texts(again)) << "retry replays the session's own order";
}

TEST(Shuffle, OldSavesWithoutASeedKeepTheAuthoredOrder) {
  const Scenario s = load_shipped("questioned-advice");
  Dialogue d(s, 7);
  prepare_first(d);
  nlohmann::json saved = d.to_json();
  saved.erase("seed");
  Dialogue restored(s);
  ASSERT_EQ(restored.restore(saved), "");
  EXPECT_EQ(restored.seed(), 0u);
  const auto order = restored.offered();
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
  saved["seed"] = -3;
  EXPECT_NE(Dialogue(s).restore(saved), "") << "a negative seed is refused";
}

TEST(Shuffle, SuspendDataCarriesTheSeed) {
  const Scenario s = load_shipped("questioned-advice");
  Dialogue d(s, 123456789);
  prepare_first(d);
  ASSERT_TRUE(d.choose(2));
  ASSERT_TRUE(d.choose(0));
  ProgressRecord record;
  record.unfinished = d.to_json();
  std::string error;
  auto decoded = decode_suspend_data(encode_suspend_data(record), &error);
  ASSERT_TRUE(decoded) << error;
  auto full = replay_session(s, decoded->unfinished, &error);
  ASSERT_TRUE(full) << error;
  Dialogue resumed(s);
  ASSERT_EQ(resumed.restore(*full), "");
  EXPECT_EQ(resumed.seed(), 123456789u);
  ASSERT_EQ(resumed.transcript().size(), 2u);
  EXPECT_EQ(resumed.transcript()[0].reply, d.transcript()[0].reply);
  EXPECT_EQ(shown_texts(resumed), shown_texts(d));
}

TEST(Shuffle, PlayRatesAreReproducible) {
  const Scenario s = load_shipped("questioned-advice");
  const PlayRates a = play_rates(s, 20, 200), b = play_rates(s, 20, 200);
  EXPECT_EQ(a.first_choice_breakthrough, b.first_choice_breakthrough);
  EXPECT_EQ(a.random_breakthrough, b.random_breakthrough);
  EXPECT_EQ(a.first_choice_plays, 20);
  EXPECT_EQ(a.random_plays, 200);
}

}  // namespace
}  // namespace rapport
