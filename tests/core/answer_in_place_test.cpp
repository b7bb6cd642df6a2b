// Tests for the typed replies a client answers where the conversation stands
// (core/answer_in_place.h): requests for permission and scale questions.
#include "answer_in_place.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "coaching.h"
#include "dialogue.h"
#include "reply_coder.h"
#include "test_support.h"

namespace rapport {
namespace {

// A typed request for permission is answered before anything is shared, and the conversation
// waits for what the learner had in mind: a reviewer's "Would it be okay if I shared an idea?"
// met a client who went straight on to her priorities, and the idea was never heard.
TEST(AnswerInPlace, ARequestForPermissionIsAnsweredAndTheConversationWaits) {
  const Scenario s = testing::load_shipped("budget-cut");
  ASSERT_EQ(s.client.permission.size(), 4u);  // not yet (low trust, high tension), then two yeses
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) d.choose_prep(0);
  const std::string node = d.node()->id;
  const int trust = d.value("trust");
  ASSERT_GT(trust, 30);
  const std::string ask = "Would it be okay if I shared an idea that has worked for others?";
  const int support = s.typed_reaction(*d.node(), MiCode::SeekCollaboration)->effects.at("trust");
  ASSERT_GT(support, 0);
  ASSERT_TRUE(d.submit_typed(ask, MiCode::SeekCollaboration));
  EXPECT_EQ(d.node()->id, node);
  EXPECT_EQ(d.client_line(), s.client.permission[2].text);
  // Asking leave moves the client as the node's reaction to it does: reviewer V's requests gained
  // nothing, where the authored ones gain up to 14.
  EXPECT_EQ(d.value("trust"), trust + support);
  EXPECT_EQ(d.transcript().back().tip, kPermissionTip);
  // Information after the yes is what they agreed to hear: no "ask first" note (a reviewer met it).
  Dialogue informed = d;
  ASSERT_TRUE(informed.submit_typed("Repairs and rent are 62% of your calls.", MiCode::GivingInformation));
  EXPECT_EQ(informed.transcript().back().tip, kAfterPermissionTip);
  // What the learner says next is advice the client agreed to hear.
  EXPECT_EQ(classify_reply("I would suggest phasing it: repairs and rent first.", d.client_line()).code,
            MiCode::PersuadeWithPermission);
  // Saved and restored, the answered request is kept.
  Dialogue back(s);
  ASSERT_EQ(back.restore(d.to_json()), "");
  EXPECT_EQ(back.client_line(), d.client_line());
  EXPECT_EQ(back.transcript().size(), 1u);
  // Asked again straight away, it is a typed reply like any other, and the conversation moves on.
  ASSERT_TRUE(d.submit_typed(ask, MiCode::SeekCollaboration));
  EXPECT_NE(d.node()->id, node);
  // Asked again later, the yes is not word for word the first.
  ASSERT_TRUE(d.submit_typed(ask, MiCode::SeekCollaboration));
  EXPECT_EQ(d.client_line(), s.client.permission[3].text);
  // So is a question that invites the client's ideas without asking leave.
  Dialogue ideas(s);
  while (ideas.phase() == Phase::Prepare) ideas.choose_prep(0);
  ASSERT_TRUE(ideas.submit_typed("What would you like to see happen first?", MiCode::OpenQuestion));
  EXPECT_NE(ideas.node()->id, node);
}

// Leave to lay something out, typed without its '?' ("can I walk you through them"), is a request
// too: reviewer P's client recited the options herself instead of saying yes or no. A question that
// only mentions explaining is not one.
TEST(AnswerInPlace, LeaveToWalkThroughIsAskedWithOrWithoutItsQuestionMark) {
  const Scenario s = testing::load_shipped("budget-cut");
  for (const std::string ask :
       {"ok so there's two real options and I'd rather you pick than me. can I walk you through them",
        "There are two ways to do this. Could I take you through them?"}) {
    Dialogue d(s);
    while (d.phase() == Phase::Prepare) d.choose_prep(0);
    const std::string node = d.node()->id;
    ASSERT_TRUE(d.submit_typed(ask, classify_reply(ask, d.client_line()).code));
    EXPECT_EQ(d.node()->id, node) << ask;
    EXPECT_EQ(d.transcript().back().tip, kPermissionTip) << ask;
  }
  Dialogue other(s);
  while (other.phase() == Phase::Prepare) other.choose_prep(0);
  const std::string node = other.node()->id;
  ASSERT_TRUE(other.submit_typed("What would help me explain it to your director?", MiCode::OpenQuestion));
  EXPECT_NE(other.node()->id, node);
}

// A client who does not trust the learner yet says no, and the conversation still waits.
TEST(AnswerInPlace, ARequestForPermissionCanBeRefused) {
  const Scenario s = testing::load_shipped("damp-flat");
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) d.choose_prep(0);
  ASSERT_LE(d.value("trust"), 25);
  const std::string node = d.node()->id;
  ASSERT_TRUE(d.submit_typed("Would it be alright if I shared an idea?", MiCode::SeekCollaboration));
  EXPECT_EQ(d.node()->id, node);
  EXPECT_EQ(d.client_line(), s.client.permission.front().text);
  // The coach does not say "now say what you had in mind" to a "not yet" (a reviewer met it).
  EXPECT_EQ(d.transcript().back().tip, kPermissionDeclinedTip);
  // So does one who trusts them but is still too upset to hear ideas (tension 75 or more).
  const Scenario bc = testing::load_shipped("budget-cut");
  Dialogue upset(bc);
  while (upset.phase() == Phase::Prepare) upset.choose_prep(0);
  nlohmann::json saved = upset.to_json();
  saved["state"]["trust"] = 60;
  saved["state"]["tension"] = 80;
  ASSERT_EQ(upset.restore(saved), "");
  ASSERT_TRUE(upset.submit_typed("Would it be okay if I shared an idea?", MiCode::SeekCollaboration));
  EXPECT_EQ(upset.client_line(), bc.client.permission[1].text);
}

TEST(AnswerInPlace, ScaleQuestionsAreTold) {
  for (const char* q : {"On a scale of 0 to 10, how important is it to you?", "how confident are you, out of ten",
                        "From one to ten, where would you put it?",
                        "Where are you on a scale from 1\u2013"
                        "10?",
                        "If you had to score it between 0 and 10, what would you say?"})
    EXPECT_TRUE(asks_for_a_scale(q)) << q;
  for (const char* q : {"How important is it to you?", "The scale of the job is huge.",
                        "We scored it 1 to 10 last year.", "Last year's 20-100 rating, what was it?", ""})
    EXPECT_FALSE(asks_for_a_scale(q)) << q;
}

// A scale question gets a number, and the conversation waits for the learner to ask why that
// number: a reviewer's "on a scale of 0 to 10" got a line that answered something else.
TEST(AnswerInPlace, AScaleQuestionGetsANumberAndTheConversationWaits) {
  const Scenario s = testing::load_shipped("medication-change");
  ASSERT_EQ(s.client.scale.size(), 3u);
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) d.choose_prep(0);
  const std::string node = d.node()->id;
  const int trust = d.value("trust");
  ASSERT_GT(trust, 35);
  ASSERT_TRUE(d.submit_typed("On a scale of 0 to 10, how important is it to you to get your sugars down?",
                             MiCode::ClosedQuestion));
  EXPECT_EQ(d.node()->id, node);
  EXPECT_EQ(d.client_line(), s.client.scale.back().text);
  EXPECT_GT(d.value("trust"), trust) << "the node's reaction to a question";
  EXPECT_EQ(d.transcript().back().tip, kScaleTip);
  // "Why that number and not a lower one?" draws his own reasons: change talk.
  const int change = d.change_talk_evoked();
  ASSERT_TRUE(d.submit_typed("Why a five and not a two?", MiCode::OpenQuestion));
  EXPECT_EQ(d.node()->id, node);
  EXPECT_EQ(d.client_line(), s.client.scale_why.front().text);
  EXPECT_EQ(d.transcript().back().tip, kScaleWhyTip);
  EXPECT_EQ(d.change_talk_evoked(), change + 1);
  // Then the conversation goes on.
  ASSERT_TRUE(d.submit_typed("So your dad is part of why this matters to you.", MiCode::ComplexReflection));
  EXPECT_NE(d.node()->id, node);
  // A why-question with no number in it ("someone" holds no "one") is the node's own question.
  Dialogue other(s);
  while (other.phase() == Phase::Prepare) other.choose_prep(0);
  ASSERT_TRUE(other.submit_typed("On a scale of 0 to 10, how important is it to you?", MiCode::ClosedQuestion));
  ASSERT_TRUE(other.submit_typed("Why does someone like you end up here, do you think?", MiCode::OpenQuestion));
  EXPECT_NE(other.client_line(), s.client.scale_why.front().text);
  // "Why?" anywhere else is the node's own question.
  Dialogue plain(s);
  while (plain.phase() == Phase::Prepare) plain.choose_prep(0);
  ASSERT_TRUE(plain.submit_typed("Why a five and not a two?", MiCode::OpenQuestion));
  EXPECT_NE(plain.node()->id, node);
  // At low trust the number is a low one, or none.
  const Scenario damp = testing::load_shipped("damp-flat");
  Dialogue low(damp);
  while (low.phase() == Phase::Prepare) low.choose_prep(0);
  ASSERT_LE(low.value("trust"), 35);
  ASSERT_TRUE(low.submit_typed("How worried are you, on a scale of one to ten?", MiCode::ClosedQuestion));
  EXPECT_EQ(low.client_line(), damp.client.scale.front().text);
  // No number: the coach does not say to ask why it is that number, and "why that number?" is
  // not answered as if there were one (a reviewer met both in late-again).
  EXPECT_FALSE(names_a_number(low.client_line()));
  EXPECT_EQ(low.transcript().back().tip, kScaleDeclinedTip);
  ASSERT_TRUE(low.submit_typed("Why that number and not a lower one?", MiCode::OpenQuestion));
  EXPECT_NE(low.client_line(), damp.client.scale_why.front().text);
  EXPECT_NE(low.transcript().back().tip, kScaleWhyTip);
}

// A promise of an outcome is coded information, and the coach names it rather than praising "a
// straight answer" (a reviewer's "I guarantee this will be sorted this time").
TEST(AnswerInPlace, APromiseIsNamedByTheCoach) {
  const Scenario s = testing::load_shipped("late-again");
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) d.choose_prep(0);
  const std::string promise = "I guarantee we will be live before Easter, I promise.";
  ASSERT_EQ(classify_reply(promise, d.client_line()).code, MiCode::GivingInformation);
  ASSERT_TRUE(d.submit_typed(promise, MiCode::GivingInformation));
  EXPECT_EQ(d.transcript().back().tip, kPromiseTip);
  // A guarantee that sells is advice without permission now (reviewer Q), and the coach still names
  // the promise in it.
  const std::string sells = "I guarantee you'll see the difference in what we deliver.";
  ASSERT_EQ(classify_reply(sells, d.client_line()).code, MiCode::Persuade);
  ASSERT_TRUE(d.submit_typed(sells, MiCode::Persuade));
  EXPECT_EQ(d.transcript().back().tip, kPromiseTip);
  EXPECT_EQ(promise_in("Rest assured, it'll be fixed."), "rest assured");
  EXPECT_TRUE(promise_in("We'll send the plan on Friday.").empty());
  // A fix put as a question and then explained is information to the coder; the coach names it
  // as the advice it is, even after a question of the client's.
  const Scenario damp = testing::load_shipped("damp-flat");
  Dialogue fix(damp);
  while (fix.phase() == Phase::Prepare) fix.choose_prep(0);
  const std::string tried =
      "Have you tried opening the windows and not drying clothes indoors? That usually helps with condensation.";
  ASSERT_EQ(classify_reply(tried, "Can you spell your name for me?").code, MiCode::GivingInformation);
  ASSERT_TRUE(fix.submit_typed(tried, MiCode::GivingInformation));
  EXPECT_EQ(fix.transcript().back().tip, kSuggestedFixTip);
}

// A reviewer met 5-7 in every scenario, whatever the conversation had built. Trust of 70 or more
// gives a higher number (every shipped scenario has a line for it), restored saves included.
TEST(AnswerInPlace, HighTrustGivesAHigherNumber) {
  for (const char* id : {"medication-change", "repeat-complaint", "budget-cut"}) {
    const Scenario s = testing::load_shipped(id);
    ASSERT_EQ(s.client.scale.size(), 3u) << id;
    Dialogue d(s);
    while (d.phase() == Phase::Prepare) d.choose_prep(0);
    nlohmann::json saved = d.to_json();
    for (int trust : {50, 75}) {
      saved["state"]["trust"] = trust;
      Dialogue at(s);
      ASSERT_EQ(at.restore(saved), "") << id;
      ASSERT_TRUE(at.submit_typed("On a scale of 0 to 10, how ready are you to change this?", MiCode::ClosedQuestion));
      EXPECT_EQ(at.client_line(), s.client.scale[trust >= 70 ? 1 : 2].text) << id << " at trust " << trust;
    }
  }
}

}  // namespace
}  // namespace rapport
