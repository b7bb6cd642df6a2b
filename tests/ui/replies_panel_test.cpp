// The reply cards' panel takes at most 60% of the screen; cards that do not fit are counted on
// its lower edge ("↓ 2 more replies below"), as a kiosk visitor at 1920x1080 saw three of four
// replies with no sign of the fourth (reviewer W) and a phone at the largest text shows two.
#include "ui_test.h"

namespace rapport::ui {
namespace {

class RepliesPanel : public testing::UiTest {
 protected:
  /// The offered replies not wholly on screen, from the hit table's clipped and drawn rectangles.
  int cut_off() {
    int n = 0;
    for (size_t k = 1; k <= app_->dialogue()->offered().size(); ++k) {
      const HitItem* h = find("reply:" + std::to_string(k));
      if (!h || h->drawn_max.y > h->max.y + 1) ++n;
    }
    return n;
  }
};

TEST_F(RepliesPanel, CardsBelowTheEdgeAreCountedThere) {
  start(390 * 3, 844 * 3, 3.0f * 1.5f);  // a phone at the largest text
  to_conversation();
  const int hidden = cut_off();
  ASSERT_GT(hidden, 0) << "the phone at the largest text cannot show every card";
  const HitItem* more = find("replies:more");
  ASSERT_NE(more, nullptr);
  EXPECT_EQ(more->text,
            "\xE2\x86\x93 " + std::to_string(hidden) + (hidden == 1 ? " more reply" : " more replies") + " below");
  EXPECT_GE(more->min.y, find("reply:1")->max.y) << "under the first card";
}

TEST_F(RepliesPanel, NoCountWhenEveryCardShows) {
  start(1280, 800, 1.0f);
  to_conversation();
  ASSERT_EQ(cut_off(), 0);
  EXPECT_EQ(find("replies:more"), nullptr);
}

}  // namespace
}  // namespace rapport::ui
