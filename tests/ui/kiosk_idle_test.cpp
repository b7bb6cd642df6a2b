// A walk-up kiosk warns before it forgets its visitor: "Still there?" counts down over the screen
// for the last seconds of the idle limit, a touch on it keeps the session and chooses nothing, and
// without one the attract screen comes back. Reviewer W found the reset silent.
#include "kiosk.h"
#include "ui_test.h"

namespace rapport::ui {
namespace {

TEST(KioskIdle, WarnsForTheLastSecondsThenForgets) {
  EXPECT_EQ(kiosk_idle(0, 90).seconds_left, 0);
  EXPECT_EQ(kiosk_idle(74.9, 90).seconds_left, 0);
  EXPECT_EQ(kiosk_idle(75, 90).seconds_left, 15);
  EXPECT_EQ(kiosk_idle(88.2, 90).seconds_left, 2);
  EXPECT_FALSE(kiosk_idle(89.9, 90).forget);
  EXPECT_TRUE(kiosk_idle(90, 90).forget);
  // A short limit warns for its last third.
  EXPECT_EQ(kiosk_idle(13, 20).seconds_left, 0);
  EXPECT_EQ(kiosk_idle(14, 20).seconds_left, 6);
  EXPECT_EQ(kiosk_warning(1),
            "Still there? In 1 second this conversation ends and Rapport starts again for the next "
            "visitor.");
  EXPECT_EQ(kiosk_duration({8, 7, 0, 8}), "About 7 to 8 minutes.");
  EXPECT_EQ(kiosk_duration({6}), "About 6 minutes.");
}

class Kiosk : public testing::UiTest {
 protected:
  void SetUp() override {
    options_.kiosk = true;
    options_.idle_seconds = 30;
    start(1920, 1080, 1.0f);
    click("button:Start");
    to_conversation();
  }

  ImVec2 card_centre_;
};

TEST_F(Kiosk, AWarningCountsDownAndATouchKeepsTheVisitor) {
  app_->note_input(100);
  frames(2);
  ASSERT_NE(find("reply:1"), nullptr);
  card_centre_ = ImVec2((find("reply:1")->min.x + find("reply:1")->max.x) / 2,
                        (find("reply:1")->min.y + find("reply:1")->max.y) / 2);
  EXPECT_FALSE(app_->tick(100));
  EXPECT_FALSE(app_->tick(119)) << "no warning before the last 10 seconds of 30";
  frames(2);
  EXPECT_EQ(find("kiosk:still-there"), nullptr);
  EXPECT_TRUE(app_->tick(121)) << "the warning appears";
  frames(2);
  ASSERT_NE(find("kiosk:still-there"), nullptr);
  EXPECT_EQ(find("kiosk:still-there")->text, kiosk_warning(9));
  EXPECT_EQ(find("reply:1"), nullptr) << "the replies under it cannot be reached";
  EXPECT_FALSE(app_->tick(121.5)) << "the same second: nothing to draw";
  EXPECT_TRUE(app_->tick(122)) << "the count goes down";
  app_->note_input(122.5);
  EXPECT_FALSE(app_->tick(122.6)) << "input that did not answer the warning leaves it";
  const size_t turns = app_->dialogue()->transcript().size();
  // A touch where the first reply card is, under the warning: it answers the warning only.
  click_at(card_centre_);
  EXPECT_EQ(app_->idle_warning(), 0);
  EXPECT_EQ(find("kiosk:still-there"), nullptr);
  EXPECT_NE(find("reply:1"), nullptr);
  EXPECT_EQ(app_->screen(), Screen::Conversation);
  EXPECT_EQ(app_->dialogue()->transcript().size(), turns) << "the touch chose no reply";
  EXPECT_FALSE(app_->tick(140)) << "the idle time started again";
}

TEST_F(Kiosk, WithoutATouchTheNextVisitorStartsAfresh) {
  app_->note_input(100);
  EXPECT_TRUE(app_->tick(125));
  EXPECT_TRUE(app_->tick(130));
  frames(2);
  EXPECT_EQ(app_->screen(), Screen::Attract);
  EXPECT_EQ(app_->idle_warning(), 0);
  EXPECT_EQ(find("kiosk:still-there"), nullptr);
  EXPECT_EQ(app_->dialogue(), nullptr);
}

}  // namespace
}  // namespace rapport::ui
