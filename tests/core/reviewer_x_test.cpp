// Reviewer X's typed replies, typed as hurried, non-native and mixed learners type: a good move with
// a push in it, "come on" inside a sentence, a reflection checked with "yes?", and text-speak.
#include <algorithm>

#include <gtest/gtest.h>

#include "coder_checks.h"
#include "coaching.h"
#include "reply_coder.h"

namespace rapport {
namespace {

TEST(ReviewerX, APushInsideAGoodMoveIsThePush) {
  // Praise, then the verdict: "insists on what the client must do".
  EXPECT_EQ(code_of("you did well to come in today. now, the injection is the only option",
                    "I'm here because the nurse made me."),
            MiCode::Persuade);
  // A feeling, then a fix put as a question with "just".
  const CodedReply just = classify_reply("That sounds scary, have you tried just eating less sugar",
                                         "My dad went on insulin and lost his foot.");
  EXPECT_EQ(just.code, MiCode::Persuade) << describe(just);
  EXPECT_EQ(just.cues.front(), "advice put as a question ('have you tried just')") << describe(just);
  // An answer, then blame for what the client should have done.
  EXPECT_EQ(code_of("if they dont show up again u can call me directly, im ur case owner now. but honestly u "
                    "shouldve complained sooner",
                    "And if the engineer doesn't show up again?"),
            MiCode::Confront);
  // Praise of the question, then blame for a habit.
  EXPECT_EQ(code_of("Good question. Why do you always leave it so late?", "What happens if I don't do anything?"),
            MiCode::Confront);
  // Not: an apology that the client should have been told, and a question that explores.
  EXPECT_NE(code_of("I'm sorry, you should have been told before the visit.", "Nobody told me anything."),
            MiCode::Confront);
  EXPECT_NE(code_of("Have you tried anything that helped before?", "Nothing works."), MiCode::Persuade);
}

TEST(ReviewerX, ComeOnInsideASentenceIsNoChallenge) {
  const CodedReply thursday =
      classify_reply("I apologise. I guarantee the engineer will come on Thursday.", "And if he doesn't show up?");
  EXPECT_NE(thursday.code, MiCode::Confront) << describe(thursday);
  // Said as an interjection, it still challenges.
  EXPECT_EQ(code_of("Oh come on, that's not what happened.", "You never told me about the fee."), MiCode::Confront);
  EXPECT_EQ(code_of("Come on, you knew the deadline.", "Nobody told me it was Friday."), MiCode::Confront);
}

TEST(ReviewerX, AReflectionCheckedWithATagIsAReflection) {
  for (const char* tagged : {"You are feeling that the price is too much for you, yes?",
                             "You are worried about the board, is it?", "You're tired of chasing us, no?"}) {
    const CodedReply r = classify_reply(tagged, "It's too expensive and the board will kill me.");
    EXPECT_EQ(code_class(r.code), MiClass::Reflection) << tagged << ": " << describe(r);
  }
  // A fact checked with a tag stays a closed question.
  EXPECT_EQ(code_of("And it's a prepayment meter, is it?", "The meter's in the hall."), MiCode::ClosedQuestion);
  EXPECT_EQ(code_class(code_of("Your manager referred you for sleep problems, is that right?", "I can't sleep.")),
            MiClass::Question);
}

TEST(ReviewerX, TextSpeakReadsAsTheWordsItStandsFor) {
  EXPECT_EQ(code_of("how r u managing the sugar on the road rn", "I'm on the road all day."), MiCode::OpenQuestion);
  EXPECT_EQ(code_of("what wud make the eating easier on delivery days", "I'm on the road all day."),
            MiCode::OpenQuestion);
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

// "Which did you mean?" offered "Reflecting what they meant or felt" for every reply that neither
// likeliest code reflected, so a learner's "i understand ur frustrated" became a complex reflection,
// praised as "Strong" and named the session's best reply. The kind offered is the coder's likelier one.
TEST(ReviewerX, ReflectingOffersTheKindOfReflectionTheWordsAre) {
  const std::string_view rang = "You rang three times about the internet.";
  const CodedReply plain = classify_reply(rang, "This is the third time I've rung about the internet!");
  EXPECT_EQ(plain.reflection, MiCode::SimpleReflection) << describe(plain);
  EXPECT_EQ(which_options(MiCode::Affirm, MiCode::GivingInformation, rang, plain.reflection),
            (std::vector<MiCode>{MiCode::Affirm, MiCode::GivingInformation, MiCode::SimpleReflection}));
  const CodedReply deeper = classify_reply("Part of you wants to stay, and part of you is already gone.",
                                           "I don't know if I can keep doing this job.");
  EXPECT_EQ(deeper.reflection, MiCode::ComplexReflection) << describe(deeper);
}

TEST(ReviewerX, ThatsNotTrueContradictsTheClient) {
  EXPECT_EQ(code_of("thats not true", "You never told me about the fee."), MiCode::Confront);
  EXPECT_EQ(code_of("That's simply not true, we sent the letter in March.", "Nobody wrote to me."), MiCode::Confront);
  // The learner's own words taken back are no contradiction.
  EXPECT_NE(code_of("No, sorry. That's not true, actually. I shouldn't have said that.", "Nobody's ever done it."),
            MiCode::Confront);
}

TEST(ReviewerX, LetsBeforeAVerbIsAnInvitation) {
  const CodedReply lets =
      classify_reply("ok lets do that, can we check in next tuesday", "Fine. I'll try the mornings.");
  EXPECT_NE(lets.code, MiCode::Persuade) << describe(lets);
}

}  // namespace
}  // namespace rapport
