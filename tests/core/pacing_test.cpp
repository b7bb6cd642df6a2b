// The typing pause before a client line: longer for longer lines, bounded, and counted in
// characters so every script paces alike.
#include <gtest/gtest.h>

#include "pacing.h"

namespace rapport {
namespace {

TEST(Pacing, LongerLinesTakeLongerWithinBounds) {
  EXPECT_EQ(typing_seconds(""), 0.0f);
  EXPECT_FLOAT_EQ(typing_seconds("Ok."), kTypingMinSeconds + 3.0f / 120.0f);
  EXPECT_LT(typing_seconds("Fine."), typing_seconds("Fine. Put it in writing and I will read it tonight."));
  EXPECT_FLOAT_EQ(typing_seconds(std::string(2000, 'a')), kTypingMaxSeconds);
}

TEST(Pacing, CountsCharactersNotBytes) {
  // Three characters in nine bytes pace like three ASCII letters.
  EXPECT_FLOAT_EQ(typing_seconds("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E"), typing_seconds("abc"));
}

}  // namespace
}  // namespace rapport
