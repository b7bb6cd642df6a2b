// An ending decided by an earlier promise is blamed on that promise, not on the closing reply:
// reviewer W's grant-rejected debrief said "This ending followed your last reply" of a good
// summary, and never named the turn-6 "...we'll walk it in September" that set it.
#include <gtest/gtest.h>

#include "debrief.h"
#include "dialogue.h"
#include "test_support.h"

namespace rapport {
namespace {

/// Plays with the recommended preparation, choosing at each node the reply that opens with one of
/// `wanted`, else the one that gains the most trust.
Dialogue play_choosing(const Scenario& s, const std::vector<std::string>& wanted) {
  Dialogue d = testing::play(s, {});
  for (int guard = 0; guard < 40 && d.phase() == Phase::Conversation; ++guard) {
    const auto offer = d.offered();
    size_t pick = 0;
    int best = -1000;
    bool found = false;
    for (size_t k = 0; k < offer.size() && !found; ++k) {
      const Reply& r = d.node()->replies[offer[k]];
      for (const std::string& w : wanted)
        if (r.text.rfind(w, 0) == 0) {
          pick = k;
          found = true;
        }
      const auto trust = r.effects.find("trust");
      const int gain = trust == r.effects.end() ? 0 : trust->second;
      if (!found && gain > best) {
        best = gain;
        pick = k;
      }
    }
    EXPECT_TRUE(d.choose(pick));
  }
  return d;
}

TEST(DebriefFlag, AnEndingSetByAnEarlierPromiseNamesThatPromise) {
  const Scenario s = testing::load_shipped("grant-rejected");
  const std::string promise = "It's one weak section, honestly. Fix that and we'll walk it in September.";
  const Dialogue d = play_choosing(s, {promise, "So: you tell Kwame on Monday"});
  ASSERT_EQ(d.phase(), Phase::Ended);
  ASSERT_EQ(d.ending()->id, "overpromised");
  ASSERT_EQ(d.transcript().back().reply.rfind("So: you tell Kwame on Monday", 0), 0u);
  size_t at = 0;
  while (at < d.transcript().size() && d.transcript()[at].reply != promise) ++at;
  ASSERT_LT(at, d.transcript().size());
  bool named = false;
  for (const DebriefLine& line : transcript_debrief(d)) {
    EXPECT_EQ(line.text.find("This ending followed your last reply"), std::string::npos) << line.text;
    if (line.kind == "decided") {
      named = true;
      EXPECT_EQ(line.quote, promise);
      EXPECT_EQ(line.text.rfind("This ending was set at turn " + std::to_string(at + 1) + ", by a reply Ama", 0), 0u)
          << line.text;
    }
  }
  EXPECT_TRUE(named);
}

}  // namespace
}  // namespace rapport
