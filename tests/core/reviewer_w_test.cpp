// Reviewer W's typed replies: advice the client asked for, sarcasm that opens with a cheer, leave
// asked "all right", and an open question that followed a typed-only closed one on two shared words.
#include <gtest/gtest.h>

#include "coaching.h"
#include "coder_checks.h"
#include "dialogue.h"
#include "reply_coder.h"
#include "reply_match.h"
#include "test_support.h"

namespace rapport {
namespace {

TEST(ReviewerW, AdviceTheClientAskedForIsAdviceWithPermission) {
  const CodedReply chair =
      classify_reply("You should run the numbers past your depot managers before the board meeting.",
                     "So convince me, then. What would you say if you were in my chair?");
  EXPECT_EQ(chair.code, MiCode::PersuadeWithPermission) << describe(chair);
  EXPECT_EQ(chair.cues.front(), "advice they asked for ('what would you say if')") << describe(chair);
  EXPECT_EQ(code_of("You need to stop checking the app every morning and leave the money invested.",
                    "So what would you do, if you were me? Honestly."),
            MiCode::PersuadeWithPermission);
  // Unasked, it stays advice without permission.
  EXPECT_EQ(code_of("You should run the numbers past your depot managers before the board meeting.",
                    "I don't know what the board will make of it."),
            MiCode::Persuade);
}

TEST(ReviewerW, SarcasmThatOpensWithACheerIsAConfrontation) {
  const std::string mock = "Oh great, so the board gets to decide and you just get to complain about it.";
  const CodedReply board = classify_reply(mock, "The board wants it by Friday.");
  EXPECT_EQ(board.code, MiCode::Confront) << describe(board);
  EXPECT_FALSE(should_ask_which(board, mock, "The board wants it by Friday.", true))
      << "it was offered as a reflection or information";
  EXPECT_EQ(code_of("Brilliant, so I'll just magic up eight hundred extra leads then, shall I?",
                    "I need twelve hundred leads by the launch."),
            MiCode::Confront);
  // A cheer that opens a plain summary is no sarcasm.
  EXPECT_NE(code_of("Great, so we're agreed on Thursday then.", "Thursday works."), MiCode::Confront);
  EXPECT_NE(code_of("Brilliant, so I'll send the plan over tonight.", "Send it when you can."), MiCode::Confront);
}

// "Wow, six years and you still can't write a proper reply." was a complex reflection.
TEST(ReviewerW, AStillCantPutDownIsAConfrontation) {
  const CodedReply wow = classify_reply("Wow, six years and you still can't write a proper reply.",
                                        "I've been writing these reports for six years.");
  EXPECT_EQ(wow.code, MiCode::Confront) << describe(wow);
  EXPECT_EQ(code_of("Three drafts and you still cannot get the dates right.", ""), MiCode::Confront);
  // A reflection of what the client still lacks is not one.
  EXPECT_NE(code_of("Six hundred pounds, and you still don't have the service you're paying for.",
                    "I've paid six hundred pounds and I've got nothing."),
            MiCode::Confront);
  EXPECT_NE(code_of("You still can't sleep, even now.", "I still can't sleep."), MiCode::Confront);
}

// Reviewer U's collecting summary was a closed question by its check-in, and information without it.
TEST(ReviewerW, ACheckedSummaryIsAReflection) {
  const std::string context = "With respect, you haven't sat in a community hall with forty angry tenants.";
  for (const char* summary :
       {"So let me check I've got it: repairs and rent are most of the calls, the budget is now ninety thousand, and "
        "you'd rather launch less than launch something tenants hate. Did I miss anything?",
        "So let me check I've got it: repairs and rent are most of the calls, the budget is now ninety thousand, and "
        "you'd rather launch less than launch something tenants hate."}) {
    const CodedReply c = classify_reply(summary, context);
    EXPECT_EQ(c.code, MiCode::ComplexReflection) << describe(c);
  }
  // A summary that closes on a real question is the question.
  EXPECT_EQ(code_class(code_of("Let me sum up, and tell me what I missed. What matters most to you here?", context)),
            MiClass::Question);
}

// Reviewer V: an apology and a reflection in one sentence was `other`.
TEST(ReviewerW, AnApologyThenAReflectionInOneSentenceIsAReflection) {
  const CodedReply sorry = classify_reply("I'm sorry, that must be really hard.", "My dad died of this.");
  EXPECT_EQ(sorry.code, MiCode::ComplexReflection) << describe(sorry);
  EXPECT_NE(code_class(code_of("I'm sorry, but you should have read the terms.", "Nobody told me.")),
            MiClass::Reflection);
  EXPECT_NE(code_class(code_of("Sorry, you're right.", "You said Tuesday.")), MiClass::Reflection);
}

TEST(ReviewerW, LeaveAskedAllRightSeeksCollaboration) {
  const CodedReply leave =
      classify_reply("Would it be all right if I shared what other clients in your position have done?",
                     "I don't know what to do with any of it.");
  EXPECT_EQ(leave.code, MiCode::SeekCollaboration) << describe(leave);
  EXPECT_TRUE(leave.asks_permission);
}

TEST(ReviewerW, AnOpenQuestionDoesNotFollowATypedOnlyClosedOne) {
  const Scenario s = testing::load_shipped("lead-target");
  const Node* origin = s.find_node("origin");
  ASSERT_NE(origin, nullptr);
  std::vector<std::size_t> all(origin->replies.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  const auto closed = std::find_if(origin->replies.begin(), origin->replies.end(),
                                   [](const Reply& r) { return r.typed_only && r.code == MiCode::ClosedQuestion; });
  ASSERT_NE(closed, origin->replies.end());
  EXPECT_EQ(closest_reply(*origin, all, "What's riding on the twelve hundred for you?", MiCode::OpenQuestion),
            std::nullopt);
  EXPECT_EQ(
      closest_reply(*origin, all, "Could you ask the board to lower the twelve hundred a bit?", MiCode::ClosedQuestion),
      static_cast<std::size_t>(closed - origin->replies.begin()));
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

// Reviewer W asked leave at questioned-advice ("Go on. I'll hear it."), then gave one idea "since you
// asked": it cost 3 points, was named the worst reply, and Dana asked for the view just given.
TEST(ReviewerW, AdviceGivenWithLeaveCostsNothingAndIsNotAskedForAgain) {
  const Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d(s, 7);
  while (d.phase() == Phase::Prepare) d.choose_prep(0);
  // The kindest authored reply each turn, up to Dana's fear for the sixty people at Wakefield.
  while (d.phase() == Phase::Conversation && d.node()->id != "fear") {
    const std::vector<size_t> offer = d.offered();
    size_t best = 0;
    for (size_t i = 0; i < offer.size(); ++i)
      if (d.node()->replies[offer[i]].effects.at("trust") > d.node()->replies[offer[best]].effects.at("trust"))
        best = i;
    ASSERT_TRUE(d.choose(best));
  }
  ASSERT_EQ(d.node()->id, "fear");
  ASSERT_TRUE(d.submit_typed("Would it be okay if I shared one idea that has worked for other depots?",
                             MiCode::SeekCollaboration));
  ASSERT_EQ(d.node()->id, "fear") << "answered in place";
  ASSERT_EQ(d.transcript().back().tip, kPermissionTip) << d.client_line();
  const std::string advice =
      "Since you asked, one option is to move a single account to Leeds first and see if it holds.";
  ASSERT_EQ(classify_reply(advice, d.client_line()).code, MiCode::PersuadeWithPermission);
  const int trust = d.value("trust");
  ASSERT_TRUE(d.submit_typed(advice, MiCode::PersuadeWithPermission));
  EXPECT_GE(d.value("trust"), trust) << "advice she agreed to hear cost trust";
  ASSERT_EQ(d.node()->id, "evidence");
  // Her line that asks for the learner's view would show at this trust.
  ASSERT_GE(d.value("trust"), 55);
  EXPECT_FALSE(asks_for_advice(d.client_line())) << d.client_line();
  // Unasked, the same idea is charged as the node's reaction to information says.
  Dialogue unasked(s, 7);
  while (unasked.phase() == Phase::Prepare) unasked.choose_prep(0);
  for (const Turn& t : d.transcript()) {
    if (t.typed) break;
    ASSERT_TRUE(unasked.choose(static_cast<size_t>(t.choice)));
  }
  const int before = unasked.value("trust");
  ASSERT_TRUE(unasked.submit_typed("One option is to move a single account to Leeds first and see if it holds.",
                                   MiCode::GivingInformation));
  EXPECT_LT(unasked.value("trust"), before);
}

}  // namespace
}  // namespace rapport
