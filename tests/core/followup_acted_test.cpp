// Reviewer W's follow-up emails: an action claimed on the client's behalf that the conversation
// never agreed ("I've also already moved £60,000 to the lower-risk fund") is flagged, and a month
// the preparation named ("the pod's breach league table for May") is not a wrong date.
#include <gtest/gtest.h>

#include "dialogue.h"
#include "followup.h"
#include "played_plans.h"

namespace rapport {
namespace {

const testing::Played& played(const std::string& plan) {
  for (const testing::Played& p : testing::every_plan())
    if (p.plan == plan) return p;
  throw std::runtime_error("no plan " + plan);
}

std::string example_with(const Dialogue& d, const std::string& extra) {
  std::string email = followup_example(d, "Sam Lee").text;
  const size_t sign = email.rfind("\n\n");
  return email.substr(0, sign) + "\n\n" + extra + email.substr(sign);
}

TEST(FollowUpActed, AnActionTakenForTheClientIsFlagged) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"market-drop.plan",
       "I've also already moved \xC2\xA3"
       "60,000 to the lower-risk fund to save time."},
      {"questioned-advice.plan",
       "I've also let the board know that, if the pilot goes well, you're happy to close Wakefield by the end of the "
       "quarter."},
      {"missed-deadlines.plan",
       "I've also spoken to ops and you'll be back on the payroll queue full-time from next month."}};
  for (const auto& [plan, extra] : cases) {
    const Dialogue& d = *played(plan).dialogue;
    EXPECT_TRUE(check_followup(d, followup_example(d, "Sam Lee").text).flags.empty()) << plan;
    const FollowUpCheck check = check_followup(d, example_with(d, extra));
    ASSERT_EQ(check.flags.size(), 1u) << plan;
    EXPECT_EQ(check.flags[0].rfind("Check you were asked to: ", 0), 0u) << check.flags[0];
    EXPECT_NE(check.flags[0].find("the conversation agreed no such step"), std::string::npos) << check.flags[0];
  }
  // Said to the client, not done behind them.
  const Dialogue& d = *played("market-drop.plan").dialogue;
  EXPECT_TRUE(
      check_followup(d, example_with(d, "I know I've let you down before, and I've told you why.")).flags.empty());
}

TEST(FollowUpActed, AMonthThePreparationNamedIsNoWrongDate) {
  const Dialogue& d = *played("missed-deadlines.plan").dialogue;
  const FollowUpCheck check = check_followup(
      d,
      example_with(
          d,
          "I'll make sure your review looks at the whole year, and that your bonus isn't affected by May's breaches."));
  for (const std::string& flag : check.flags) EXPECT_EQ(flag.find("Check the date"), std::string::npos) << flag;
}

}  // namespace
}  // namespace rapport
