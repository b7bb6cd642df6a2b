// The side panel beside the conversation on wide screens: the client's profile and live coaching
// from about 1400 px; narrower windows keep one column with the coaching note under the reply.
#include "ui_test.h"

namespace rapport::ui {
namespace {

class Panel : public testing::UiTest {
 protected:
  /// True when `a` lies wholly left of `b`.
  static bool left_of(const HitItem& a, const HitItem& b) { return a.max.x <= b.min.x; }
};

TEST_F(Panel, AWideScreenShowsTheClientAndLiveCoachingBesideTheChat) {
  start(1920, 1080, 1.0f);
  to_conversation();
  const Scenario& s = *app_->current();
  for (const char* label :
       {"panel:client", "panel:wants", "panel:fears", "panel:brief", "coach:figure:1", "coach:next"})
    ASSERT_NE(find(label), nullptr) << label;
  EXPECT_NE(find("panel:wants")->text.find(s.client.wants), std::string::npos);
  EXPECT_NE(find("panel:fears")->text.find(s.client.fears), std::string::npos);
  EXPECT_NE(find("panel:brief")->text.find(s.briefing), std::string::npos);
  EXPECT_EQ(find("coach:last"), nullptr) << "no reply yet";
  EXPECT_TRUE(left_of(*find("client:last"), *find("panel:client")));
  EXPECT_TRUE(left_of(*find("reply:1"), *find("panel:brief")));
  EXPECT_LE(find("panel:brief")->max.x, 1920.5f);

  click("reply:1");
  const Turn& turn = app_->dialogue()->transcript().back();
  const HitItem* last = find("coach:last");
  ASSERT_NE(last, nullptr) << "the newest reply's coaching is in the panel";
  EXPECT_EQ(last->text.rfind(std::string(code_label(turn.code)), 0), 0u) << last->text;
  EXPECT_TRUE(left_of(*find("learner:1"), *last));
  int notes = 0;
  for (const auto& h : hit_items()) notes += h.label == "coach:last" ? 1 : 0;
  EXPECT_EQ(notes, 1) << "one coaching element per reply: the panel's, not also one under the bubble";
  EXPECT_NE(find("coach:figure:3")->text.find("1 of 1"), std::string::npos) << find("coach:figure:3")->text;
}

TEST_F(Panel, ALaptopKeepsOneColumnWithTheNoteUnderTheReply) {
  start(1280, 800, 1.0f);
  to_conversation();
  EXPECT_EQ(find("panel:client"), nullptr);
  click("reply:1");
  const HitItem* last = find("coach:last");
  ASSERT_NE(last, nullptr);
  EXPECT_GT(last->min.y, find("learner:1")->min.y) << "under the reply";
  EXPECT_EQ(find("coach:next"), nullptr);
}

TEST_F(Panel, AssessmentModeShowsTheProfileWithoutCoaching) {
  options_.coaching = false;
  start(1920, 1080, 1.0f);
  to_conversation();
  click("reply:1");
  EXPECT_NE(find("panel:client"), nullptr);
  EXPECT_EQ(find("coach:last"), nullptr);
  EXPECT_EQ(find("coach:next"), nullptr);
}

}  // namespace
}  // namespace rapport::ui
