// The page's URL options: what each one turns on, and what is refused.
#include <gtest/gtest.h>

#include "options.h"

namespace rapport::ui {
namespace {

TEST(AppOptionsQuery, PaceOffTurnsTheTypingPauseOff) {
  EXPECT_TRUE(parse_app_options("").pace);
  EXPECT_TRUE(parse_app_options("?kiosk=1").pace);
  EXPECT_FALSE(parse_app_options("?kiosk=1&pace=off").pace);
  EXPECT_FALSE(parse_app_options("pace=0").pace);
  EXPECT_TRUE(parse_app_options("pace=natural").pace);
}

TEST(AppOptionsQuery, OnlyAPlainOriginGetsMessages) {
  EXPECT_EQ(parse_app_options("?origin=https%3A%2F%2Flms.example.org").parent_origin, "https://lms.example.org");
  EXPECT_EQ(parse_app_options("?origin=*").parent_origin, "");
  EXPECT_EQ(parse_app_options("?origin=https://lms.example.org/course").parent_origin, "");
  EXPECT_EQ(parse_app_options("?origin=javascript:alert(1)").parent_origin, "");
}

TEST(AppOptionsQuery, SeedsAndOrdersAreRead) {
  EXPECT_EQ(parse_app_options("?seed=42").seed, 42u);
  EXPECT_EQ(parse_app_options("?seed=0").seed, 0u);
  EXPECT_EQ(parse_app_options("?seed=99999999999").seed, 0u) << "out of range is ignored";
  EXPECT_TRUE(parse_app_options("?order=authored").authored_order);
  EXPECT_FALSE(parse_app_options("?order=random").authored_order);
}

}  // namespace
}  // namespace rapport::ui
