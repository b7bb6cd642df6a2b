// Reviewer W's typed replies: advice the client asked for, sarcasm that opens with a cheer, leave
// asked "all right", and an open question that followed a typed-only closed one on two shared words.
#include <gtest/gtest.h>

#include "coder_checks.h"
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
