// Tests for matching typed replies to authored ones (core/reply_match.h) and for the client
// answering what was typed.
#include "reply_match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "coaching.h"
#include "dialogue.h"
#include "plan_format.h"
#include "reply_coder.h"
#include "test_support.h"

namespace rapport {
namespace {

TEST(ReplyMatch, SimilarityRanksCloseWordingAboveUnrelated) {
  const std::string authored = "So the depot move worries you because Leeds already misses its dispatch window.";
  EXPECT_DOUBLE_EQ(reply_similarity(authored, authored), 1.0);
  const double close =
      reply_similarity("You're worried Leeds keeps missing its dispatch window after the depot move", authored);
  const double far = reply_similarity("What matters most to the board in September?", authored);
  EXPECT_GE(close, kReplyMatchThreshold);
  EXPECT_LT(far, kReplyMatchThreshold);
  EXPECT_EQ(reply_similarity("", authored), 0.0);
  EXPECT_EQ(reply_similarity("\xF0\x9F\x98\x8A", authored), 0.0);
}

// A word's common forms meet: a scenario writer's typed paraphrases missed their reply on
// "drying" against "dry", "resubmitting" against "resubmit" and "14" against "14th".
TEST(ReplyMatch, AWordsCommonFormsMeet) {
  const std::pair<const char*, const char*> same[] = {
      {"Are you drying your washing indoors?", "Do you dry your washing indoors?"},
      {"Have you thought about resubmitting in September?", "Have you thought about resubmit in September?"},
      {"Can we aim for April 14?", "Can we aim for April 14th?"},
      {"She dried the clothes on the radiator", "She dries the clothes on the radiator"},
      {"Taking the report to the partners", "Take the report to the partners"}};
  for (const auto& [a, b] : same) EXPECT_DOUBLE_EQ(reply_similarity(a, b), 1.0) << a << " / " << b;
  // Words that only look alike stay apart ("here" is not "her", "called" not "cal").
  EXPECT_LT(reply_similarity("I called here", "I cal her"), 0.5);
}

TEST(ReplyMatch, TypedReplyCloseToAnAuthoredReplyFollowsItsBranch) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) d.choose_prep(0);
  const Node* start = d.node();
  const auto offer = d.offered();
  // Take each offered reply, reword it a little, and check the typed version lands where the
  // authored one does, with the client saying the same next line.
  int checked = 0;
  for (std::size_t k = 0; k < offer.size(); ++k) {
    const Reply& r = start->replies[offer[k]];
    Dialogue chosen(s), typed(s);
    for (Dialogue* x : {&chosen, &typed})
      while (x->phase() == Phase::Prepare) x->choose_prep(0);
    ASSERT_TRUE(chosen.choose(k));
    ASSERT_TRUE(typed.submit_typed("Okay, " + r.text, r.code));
    EXPECT_EQ(closest_reply(*start, offer, "Okay, " + r.text, r.code), offer[k]);
    EXPECT_EQ(typed.client_line(), chosen.client_line()) << r.text;
    EXPECT_EQ(typed.value("trust"), chosen.value("trust")) << r.text;
    ++checked;
  }
  EXPECT_GE(checked, 3);
}

// Reviewer R: "Our contractor's notes say it's condensation, and in 90% of cases that comes from drying
// clothes indoors... Have you been ventilating the room?" to a mother whose son is wheezing was a
// closed question, +1; it now follows damp-flat's authored blame, and costs trust.
TEST(ReplyMatch, TheContractorsVerdictIsHeardAsBlame) {
  const Scenario s = testing::load_shipped("damp-flat");
  const std::string text =
      "Our contractor's notes say it's condensation, and in 90% of cases that comes from drying clothes indoors and "
      "not opening windows. Have you been ventilating the room?";
  for (const char* id : {"vent", "fear"}) {
    const Node* n = s.find_node(id);
    ASSERT_NE(n, nullptr) << id;
    std::vector<std::size_t> all(n->replies.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    const CodedReply coded = classify_reply(text, n->client.front().text);
    const auto near = closest_reply(*n, all, text, coded.code);
    ASSERT_TRUE(near.has_value()) << id << ": " << code_id(coded.code);
    const Reply& r = n->replies[*near];
    EXPECT_TRUE(r.typed_only) << id << ": " << r.text;
    EXPECT_LT(r.effects.at("trust"), 0) << id << ": " << r.text;
    EXPECT_NE(r.text.find("contractor's notes"), std::string::npos) << id << ": " << r.text;
  }
}

TEST(ReplyMatch, NothingCloseFallsBackToTheClassReaction) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) d.choose_prep(0);
  EXPECT_FALSE(
      closest_reply(*d.node(), d.offered(), "How was the drive over here this morning?", MiCode::OpenQuestion));
}

TEST(ReplyMatch, AMonologueLosesTheClientWhateverItsCode) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue long_turn(s), aside(s), short_turn(s);
  for (Dialogue* x : {&long_turn, &aside, &short_turn})
    while (x->phase() == Phase::Prepare) x->choose_prep(0);
  std::string monologue = "So what I'm hearing is";
  for (int i = 0; i < 12; ++i) monologue += " that the depot plan worries you a lot,";
  ASSERT_TRUE(is_rambling(monologue));
  ASSERT_FALSE(is_rambling("So the depot plan worries you."));
  ASSERT_TRUE(long_turn.submit_typed(monologue, MiCode::ComplexReflection));
  ASSERT_TRUE(aside.submit_typed("Right, okay then.", MiCode::Other));
  ASSERT_TRUE(short_turn.submit_typed("So the depot plan worries you.", MiCode::ComplexReflection));
  EXPECT_EQ(long_turn.transcript()[0].tip, kRamblingTip);
  EXPECT_EQ(long_turn.transcript()[0].code, MiCode::ComplexReflection);  // still coded as written
  EXPECT_EQ(long_turn.client_line(), aside.client_line());
  EXPECT_EQ(long_turn.value("trust"), aside.value("trust"));
  EXPECT_LT(long_turn.value("trust"), short_turn.value("trust"));
}

TEST(ReplyMatch, AsksWhichOnlyWhenUnsureAboutCodesThatDiffer) {
  EXPECT_TRUE(should_ask_which(MiCode::SimpleReflection, 0.4f, MiCode::ClosedQuestion, true));
  EXPECT_FALSE(should_ask_which(MiCode::SimpleReflection, 0.4f, MiCode::ClosedQuestion, false));  // assessment
  EXPECT_FALSE(should_ask_which(MiCode::SimpleReflection, 0.8f, MiCode::ClosedQuestion, true));
  EXPECT_FALSE(should_ask_which(MiCode::OpenQuestion, 0.4f, MiCode::ClosedQuestion, true));  // same reaction
  // Whether a reply pushed is not the learner's to settle: advice or confrontation never asks.
  EXPECT_FALSE(should_ask_which(MiCode::Persuade, 0.4f, MiCode::SimpleReflection, true));
  EXPECT_FALSE(should_ask_which(MiCode::Affirm, 0.4f, MiCode::Persuade, true));
  EXPECT_FALSE(should_ask_which(MiCode::GivingInformation, 0.4f, MiCode::Confront, true));
  EXPECT_TRUE(should_ask_which(MiCode::GivingInformation, 0.4f, MiCode::SimpleReflection, true));
  EXPECT_NE(code_intent(MiCode::SimpleReflection), code_intent(MiCode::OpenQuestion));
  // Nor does advice dressed as a question: a trainer answered "recognising their effort" for one.
  const CodedReply unsure{MiCode::ClosedQuestion, 0.4f, {}, MiCode::Affirm, 0.3f};
  const std::string_view line = "Easter is our busiest fortnight. What am I supposed to tell the warehouse?";
  EXPECT_FALSE(
      should_ask_which(unsure, "Have you considered running dispatch on the old system over Easter?", line, true));
  EXPECT_TRUE(should_ask_which(unsure, "Have you told the warehouse manager yet?", line, true));
}

// A reviewer's reflection ("You have raised things twice now and felt brushed off each time") was
// offered only "recognising their effort" or "giving information". When neither likeliest code
// reflects and the reply asks nothing, reflecting is offered too.
TEST(ReplyMatch, WhichDidYouMeanOffersReflectingWhenNeitherCodeDoes) {
  const std::string brushed = "You have raised things twice now and felt brushed off each time.";
  EXPECT_EQ(which_options(MiCode::Affirm, MiCode::GivingInformation, brushed),
            (std::vector<MiCode>{MiCode::Affirm, MiCode::GivingInformation, MiCode::ComplexReflection}));
  EXPECT_EQ(which_options(MiCode::SimpleReflection, MiCode::GivingInformation, brushed).size(), 2u);
  EXPECT_EQ(which_options(MiCode::Affirm, MiCode::ComplexReflection, brushed).size(), 2u);
  EXPECT_EQ(which_options(MiCode::ClosedQuestion, MiCode::GivingInformation, "Was it the budget?").size(), 2u);
}

TEST(ReplyMatch, SelfCodedTurnsSurviveSaveAndRetry) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) d.choose_prep(0);
  ASSERT_TRUE(d.submit_typed("the depot, then", MiCode::SimpleReflection, "you said you meant it", true));
  Dialogue back(s);
  ASSERT_EQ(back.restore(d.to_json()), "");
  ASSERT_EQ(back.transcript().size(), 1u);
  EXPECT_TRUE(back.transcript()[0].self_coded);
  ASSERT_TRUE(d.choose(0));
  ASSERT_TRUE(d.retry_from(1));
  EXPECT_TRUE(d.transcript()[0].self_coded);
}

// The learner's answer to "which did you mean?" is the turn's code, but the client hears the
// words: a reviewer self-coded a promise as a reflection and gained 7 points of trust.
TEST(ReplyMatch, ASelfCodedReplyIsCodedAsChosenAndAnsweredAsWorded) {
  const Scenario s = testing::load_shipped("late-again");
  const std::string text = "Look, the rest of the project is on track and the team is working flat out on this.";
  Dialogue as_worded(s), as_chosen(s), self_coded(s);
  for (Dialogue* d : {&as_worded, &as_chosen, &self_coded})
    while (d->phase() == Phase::Prepare) d->choose_prep(0);
  const MiCode words = classify_reply(text, as_worded.client_line()).code;
  ASSERT_EQ(code_class(words), MiClass::Information);
  ASSERT_TRUE(as_worded.submit_typed(text, words));
  ASSERT_TRUE(as_chosen.submit_typed(text, MiCode::ComplexReflection));
  ASSERT_NE(as_chosen.value("trust"), as_worded.value("trust")) << "the two codes meet different reactions here";
  ASSERT_TRUE(self_coded.submit_typed(text, MiCode::ComplexReflection, "you said you meant it", true));
  EXPECT_EQ(self_coded.transcript()[0].code, MiCode::ComplexReflection);
  EXPECT_EQ(self_coded.value("trust"), as_worded.value("trust"));
  EXPECT_EQ(self_coded.client_line(), as_worded.client_line());
  // Nor do the scores take a reflection in words that are not one (self_code_counts), and the tip
  // says so: it had said "Your scores count it as you meant it" (reviewer V).
  EXPECT_EQ(self_coded.transcript()[0].tip,
            "Noted as you meant it. Your words read as giving information, and your scores count them so, as the "
            "client took them: to reflect, say back what they feel or mean (\"You're...\", \"So you...\").");
}

// Information that answers the question the client ended on is coached as the straight answer
// it is, not told to "ask what they already know" (a reviewer met that after the bad news a
// scenario asks for); information the client did not ask for keeps the usual tip.
TEST(ReplyMatch, AStraightAnswerToTheClientsQuestionIsCoachedAsOne) {
  EXPECT_TRUE(ends_on_a_question("Tell me straight: are we going live on the 24th or not?"));
  EXPECT_TRUE(ends_on_a_question("Is it the Lottery?\xE2\x80\x9D "));
  EXPECT_FALSE(ends_on_a_question("Is it the Lottery? I've checked my email every hour since Monday."));
  const Scenario late = testing::load_shipped("late-again");
  Dialogue asked(late);
  while (asked.phase() == Phase::Prepare) asked.choose_prep(0);
  ASSERT_TRUE(ends_on_a_question(asked.client_line())) << asked.client_line();
  ASSERT_TRUE(asked.submit_typed("No. Friday's test failed, so the 24th is off.", MiCode::GivingInformation));
  EXPECT_EQ(asked.transcript()[0].tip, kAnsweredTip);
  const Scenario told = testing::load_shipped("questioned-advice");
  Dialogue unasked(told);
  while (unasked.phase() == Phase::Prepare) unasked.choose_prep(0);
  ASSERT_FALSE(ends_on_a_question(unasked.client_line())) << unasked.client_line();
  ASSERT_TRUE(unasked.submit_typed("The model assumes two extra shifts at Leeds.", MiCode::GivingInformation));
  EXPECT_EQ(unasked.transcript()[0].tip, coaching_tip(MiCode::GivingInformation));
  // Reviewer P: a yes-or-no question before a closing remark asks too; a rhetorical one does not.
  EXPECT_TRUE(asks_to_be_told("So. Is it the Lottery? I've checked my email every hour since Monday."));
  EXPECT_FALSE(asks_to_be_told("What's the point of any of it? Nobody ever comes."));
  const Scenario grant = testing::load_shipped("grant-rejected");
  Dialogue news(grant, 1);
  while (news.phase() == Phase::Prepare) news.choose_prep(0);
  ASSERT_NE(news.client_line().find("Is it the Lottery?"), std::string::npos) << news.client_line();
  ASSERT_TRUE(news.submit_typed("It is, and I'm sorry, it's a no. The email came yesterday at four.",
                                MiCode::GivingInformation));
  EXPECT_EQ(news.transcript()[0].tip, kAnsweredTip) << news.client_line();
}

// A typed closing summary with owners and dates agrees the steps it names, as the authored
// closing replies do: a reviewer's summary left "0 next steps agreed".
TEST(ReplyMatch, ASummaryThatSaysWhenNamesTheNextSteps) {
  const Scenario s = testing::load_shipped("budget-cut");
  const std::string summary =
      "Just to sum up: you need repairs and rent working by September, and a costed plan you can show your "
      "director. Can I send you the three options by Wednesday so you have them before your board?";
  EXPECT_EQ(named_next_steps(s, summary), (std::vector<std::string>{"step_plan", "step_director"}));
  // No who or when: a remark about the plan, not a plan.
  EXPECT_TRUE(named_next_steps(s, "A costed plan you can show your director, and the three options.").empty());
  // One shared word is not a step ("the plan" alone names none of them).
  EXPECT_TRUE(named_next_steps(s, "I'll think about the plan tonight.").empty());
  EXPECT_TRUE(named_next_steps(s, "So what are the next steps for the phased plan and the director?").empty());
  // A reviewer's scope-mixup summary counted four steps: leaving the launch date open ("whether") and
  // calling the managers are not "launch on 3 April" or the practice manager's walk-through.
  const Scenario scope = testing::load_shipped("scope-mixup");
  EXPECT_EQ(
      named_next_steps(scope,
                       "I'll send you a one-page scope and cost by Friday. You decide by next Wednesday whether we "
                       "launch on 3 April with the booking link or hold the launch. And I'll call your clinic "
                       "managers with you on Thursday."),
      (std::vector<std::string>{"step_scope"}));
  EXPECT_TRUE(named_next_steps(s, "If it helps, I'll send the revised plan and costs on Tuesday.").empty());
  EXPECT_EQ(named_next_steps(s, "I\xE2\x80\x99ll send the revised plan and costs on Tuesday."),
            (std::vector<std::string>{"step_plan"}));

  // Played to the closing node ("What happens next?"), the summary settles both steps.
  testing::ParseResult plan =
      testing::parse_plan(testing::read_text(testing::source_path("tests/plans/budget-cut.plan")), "budget-cut.plan");
  ASSERT_TRUE(plan.plan) << plan.error;
  std::vector<size_t> to_close;
  for (const auto& st : plan.plan->steps)
    if (st.kind == testing::PlanStep::Kind::Choose) to_close.push_back(static_cast<size_t>(st.choice - 1));
  to_close.resize(6);
  Dialogue d = testing::play(s, to_close);
  ASSERT_TRUE(d.node() && d.node()->stage == "close") << (d.node() ? d.node()->id : "ended");
  const CodedReply code = classify_reply(summary, d.client_line());
  ASSERT_TRUE(d.submit_typed(summary, code.code));
  for (const char* id : {"step_plan", "step_director"})
    EXPECT_NE(std::find(d.points().begin(), d.points().end(), id), d.points().end()) << id;
  EXPECT_EQ(d.transcript().back().tip, kNamedStepsTip);

  // The same words before the closing stage settle nothing.
  Dialogue early = testing::play(s, {});
  ASSERT_NE(early.node()->stage, "close");
  ASSERT_TRUE(early.submit_typed(summary, classify_reply(summary, early.client_line()).code));
  EXPECT_TRUE(early.points().empty());
}

// A typed playback of the client's own plan is information to the coder and a summary to the
// client: a reviewer's "So let me check I've got it: you tell Kwame on Monday, you ask the trustees
// for a three-month bridge..." was answered as unasked information, with the partial ending and
// -3 trust, where the authored summary it echoes reaches the breakthrough.
TEST(ReplyMatch, ATypedPlaybackOfThePlanFollowsTheAuthoredSummary) {
  const Scenario s = testing::load_shipped("grant-rejected");
  testing::ParseResult plan = testing::parse_plan(
      testing::read_text(testing::source_path("tests/plans/grant-rejected.plan")), "grant-rejected.plan");
  ASSERT_TRUE(plan.plan) << plan.error;
  std::vector<size_t> to_plan;
  for (const auto& st : plan.plan->steps)
    if (st.kind == testing::PlanStep::Kind::Choose) to_plan.push_back(static_cast<size_t>(st.choice - 1));
  to_plan.pop_back();  // the authored summary: typed instead
  Dialogue d = testing::play(s, to_plan);
  ASSERT_TRUE(d.node() && d.node()->id == "plan") << (d.node() ? d.node()->id : "ended");
  const std::string playback =
      "Yes, happily. Got it: you tell Kwame on Monday, you ask the trustees for a three-month "
      "bridge from reserves on the 24th, and I help type up Marjorie's notebooks for a September bid. Have I got "
      "that right?";
  // Information to the coder ("So let me check I've got it: ..." is a summary, a reflection).
  const CodedReply code = classify_reply(playback, d.client_line());
  ASSERT_EQ(code_class(code.code), MiClass::Information);
  ASSERT_TRUE(d.submit_typed(playback, code.code));
  ASSERT_NE(d.ending(), nullptr);
  EXPECT_EQ(d.ending()->kind, "breakthrough");
  EXPECT_EQ(d.transcript().back().code, code.code);  // still coded as the coder read it
  // Information that does not play the plan back stays information.
  Dialogue other = testing::play(s, to_plan);
  ASSERT_TRUE(other.submit_typed("I'll send you a list of fifteen other funders tonight.", MiCode::GivingInformation));
  ASSERT_NE(other.ending(), nullptr);
  EXPECT_NE(other.ending()->kind, "breakthrough");
}

// A reviewer's "Done. I'll waive the exit fee for you right now, no questions asked." was coded
// information and gained +3: the promise only a manager can approve went unseen. The scenario's
// typed-only wording of it sets the flag that leads to "A waiver you couldn't promise"; its
// refusal, which shares its words, does not.
TEST(ReplyMatch, ATypedPromiseTheScenarioRemembersSetsItsFlagAndItsRefusalDoesNot) {
  const Scenario s = testing::load_shipped("repeat-complaint");
  const std::vector<size_t> to_offer = {0, 0, 1, 0, 0};  // the main path to the offer
  const auto at_offer = [&] {
    Dialogue d = testing::play(s, to_offer);
    EXPECT_TRUE(d.node() && d.node()->id == "offer") << (d.node() ? d.node()->id : "ended");
    return d;
  };
  for (const char* promise : {"Done. I'll waive the exit fee for you right now, no questions asked.",
                              "Don't worry about the exit fee, I'll make sure you don't pay it."}) {
    Dialogue d = at_offer();
    const CodedReply code = classify_reply(promise, d.client_line());
    ASSERT_TRUE(d.submit_typed(promise, code.code)) << promise;
    EXPECT_TRUE(d.flags().count("promised_waiver")) << promise << " coded " << code_id(code.code);
    EXPECT_EQ(d.value("trust"), at_offer().value("trust")) << "no trust for a promise: " << promise;
  }
  for (const char* refusal : {"I can't waive the exit fee for you, I'm afraid.",
                              "The exit fee isn't something I can waive myself, but I'll ask my manager."}) {
    Dialogue d = at_offer();
    ASSERT_TRUE(d.submit_typed(refusal, classify_reply(refusal, d.client_line()).code)) << refusal;
    EXPECT_FALSE(d.flags().count("promised_waiver")) << refusal;
  }
}

// Named steps stand only when the move does not end short of a breakthrough; what the move's own
// reaction settles stands as before (questioned-advice: information at the close ends in the
// partial ending, where Dana names the draft herself).
TEST(ReplyMatch, NamedStepsDoNotSurviveAnEndingShortOfABreakthrough) {
  const Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d = testing::play(s, {0, 0, 0, 1, 0, 0, 0});
  ASSERT_TRUE(d.node() && d.node()->id == "wrap") << (d.node() ? d.node()->id : "ended");
  const std::string text =
      "You'll review the plan with the Leeds and Wakefield depot managers by Tuesday, and I'll draft the pilot "
      "plan with your dispatch targets by Friday.";
  ASSERT_EQ(named_next_steps(s, text), (std::vector<std::string>{"step_draft", "step_managers"}));
  ASSERT_TRUE(d.submit_typed(text, MiCode::GivingInformation));
  ASSERT_TRUE(d.ending());
  EXPECT_EQ(d.ending()->kind, "partial");
  const auto has = [&](const char* id) {
    return std::find(d.points().begin(), d.points().end(), id) != d.points().end();
  };
  EXPECT_TRUE(has("step_draft")) << "the reaction's own point stands";
  EXPECT_FALSE(has("step_managers")) << "a step the learner named is not agreed in a partial ending";
}

// A reviewer set out "surveyor 10am tomorrow, call by 5pm Thursday" and Kerry-Ann answered "Right.
// So what happens now?". A typed reply that commits to something and says when sets kToldPlanFlag
// until the next reply, and the client's line answers the plan instead of asking for one.
TEST(ReplyMatch, APlanJustLaidOutIsAnsweredNotAskedFor) {
  for (const char* plan : {"I'll book the surveyor for 10am tomorrow and ring you by 5pm Thursday.",
                           "We will review it together next week.", "Let's meet again on Friday."})
    EXPECT_TRUE(lays_out_a_plan(plan)) << plan;
  for (const char* not_plan :
       {"I'll be honest with you.", "Tomorrow is another day.", "If you want, I'll call you tomorrow.",
        "You'll see the difference by Friday.", "I'll agree to that, then."})
    EXPECT_FALSE(lays_out_a_plan(not_plan)) << not_plan;
  const Scenario s = testing::load_shipped("damp-flat");
  const auto at_choice = [&] {
    Dialogue d = testing::play(s, {0, 0, 0, 0, 0, 0});
    EXPECT_TRUE(d.node() && d.node()->id == "choice") << (d.node() ? d.node()->id : "ended");
    return d;
  };
  Dialogue told = at_choice();
  ASSERT_TRUE(told.submit_typed("I'll book the surveyor for 10am tomorrow and ring you by 5pm Thursday.",
                                MiCode::GivingInformation));
  ASSERT_EQ(told.node()->id, "steps");
  EXPECT_TRUE(told.flags().count(std::string(kToldPlanFlag)));
  EXPECT_EQ(told.transcript().back().tip, kPlanTip) << "not 'Information lands better after you ask...'";
  // What the coach heard is the plan, not "mentions figures" (a reviewer's "tomorrow at 10").
  EXPECT_EQ(told.transcript().back().cue, kPlanCue);
  // A plan that ends on a check is not told "Check it with them" (a reviewer had just asked "Have I
  // got that right?").
  Dialogue checked = at_choice();
  ASSERT_TRUE(
      checked.submit_typed("I'll book the surveyor for 10am tomorrow and ring you by 5pm Thursday. Have I "
                           "got that right?",
                           MiCode::GivingInformation));
  EXPECT_EQ(checked.transcript().back().tip, kCheckedPlanTip);
  Dialogue early = testing::play(s, {});  // at the opening, a plan comes before she is heard
  ASSERT_TRUE(early.submit_typed("I'll book the surveyor for 10am tomorrow.", MiCode::GivingInformation));
  EXPECT_NE(early.transcript().back().tip, kPlanTip);
  EXPECT_EQ(told.client_line().find("what happens now"), std::string::npos) << told.client_line();
  EXPECT_NE(told.client_line().find("What do I do till then?"), std::string::npos) << told.client_line();
  ASSERT_TRUE(told.choose(1));
  EXPECT_FALSE(told.flags().count(std::string(kToldPlanFlag))) << "the flag answers one reply only";
  Dialogue asked = at_choice();
  ASSERT_TRUE(
      asked.submit_typed("The surveyor looks at the wall and the ventilation first.", MiCode::GivingInformation));
  ASSERT_EQ(asked.node()->id, "steps");
  EXPECT_NE(asked.client_line().find("what happens now"), std::string::npos) << asked.client_line();
}

// A promise with no day ("I'll look into it") is one the client cannot hold the learner to: at a
// solve node the coach asks for the when (reviewers Q and R typed such promises and heard nothing).
TEST(ReplyMatch, APromiseWithoutADayIsAskedForItsDay) {
  for (const char* undated : {"I'll look into it and get back to you.", "Okay. I will chase the surveyor for you.",
                              "Let me check with the contractor.", "I'll just sort it out for you."})
    EXPECT_TRUE(promises_without_a_day(undated)) << undated;
  for (const char* not_undated :
       {"I'll look into it and ring you by 5pm Thursday.", "I'll be honest with you.", "I'll tell you what worries me.",
        "If you want, I'll chase the surveyor.", "Shall I chase the surveyor?", "Let me ask you something.",
        "You'll get a call from the surveyor."})
    EXPECT_FALSE(promises_without_a_day(not_undated)) << not_undated;
  const Scenario s = testing::load_shipped("damp-flat");
  Dialogue d = testing::play(s, {0, 0, 0, 0, 0, 0});
  ASSERT_TRUE(d.node() && d.node()->stage == "solve") << (d.node() ? d.node()->stage : "ended");
  ASSERT_TRUE(d.submit_typed("I'll chase the surveyor and get back to you.", MiCode::GivingInformation));
  EXPECT_EQ(d.transcript().back().tip, kUndatedPromiseTip);
  EXPECT_EQ(d.transcript().back().cue, kUndatedCue);
  // At the opening, which asks nothing, the note is the one on information.
  Dialogue early = testing::play(s, {});
  ASSERT_FALSE(ends_on_a_question(early.client_line())) << early.client_line();
  ASSERT_TRUE(early.submit_typed("I'll chase the surveyor and get back to you.", MiCode::GivingInformation));
  EXPECT_NE(early.transcript().back().tip, kUndatedPromiseTip);
  // Asked a question, "I'll look into it" is not a straight answer (reviewer S's, praised as one).
  Scenario asking = s;
  asking.nodes[0].client = {asking.nodes[0].client.back()};
  asking.nodes[0].client[0].text = "Who decides whether it's fixed this time?";
  Dialogue asked = testing::play(asking, {});
  ASSERT_TRUE(asked.submit_typed("good question. ill look into it and get back to you", MiCode::GivingInformation));
  EXPECT_EQ(asked.transcript().back().tip, kUndatedPromiseTip);
  EXPECT_TRUE(promises_without_a_day("ill look into the options and get back to you"));
}

// A plan the client asked for ("So what happens tonight, then?") costs no trust, though the node's
// reaction to information does (it was written for explanation that comes too early): reviewer O
// answered the question with a question, the client insisted ("I'm asking you."), and the safety
// plan then typed cost 4 points and was named the session's worst reply.
TEST(ReplyMatch, APlanTheClientAskedForCostsNoTrust) {
  EXPECT_TRUE(asks_for_the_plan("Whatever. So what happens tonight, then?"));
  EXPECT_FALSE(asks_for_the_plan("Why should I trust your numbers?"));
  const Scenario s = testing::load_shipped("damp-flat");
  // The first offered replies to "tonight", where the client asks what happens tonight.
  std::vector<size_t> path;
  for (int step = 0; step < 4; ++step) {
    Dialogue d = testing::play(s, path);
    if (d.node() && d.node()->id == "tonight") break;
    path.push_back(0);
  }
  Dialogue at = testing::play(s, path);
  ASSERT_TRUE(at.node() && at.node()->id == "tonight") << (at.node() ? at.node()->id : "ended");
  ASSERT_TRUE(at.submit_typed("What would help most tonight?", MiCode::OpenQuestion));
  ASSERT_EQ(at.node()->id, "paintover");
  const int before = at.value("trust");
  const std::string plan =
      "Fair question. I'm logging it as an emergency hazard now, so a surveyor will be at the flat by 10am "
      "tomorrow, and I'll get a dehumidifier to you today.";
  Dialogue asked = at;
  ASSERT_TRUE(asked.submit_typed(plan, MiCode::GivingInformation));
  EXPECT_GE(asked.value("trust"), before) << "the plan she asked for";
  // Unasked, the same words are still explanation at this node.
  Dialogue unasked = at;
  ASSERT_TRUE(unasked.submit_typed("The contractor followed the guidance and the walls are fine by the survey.",
                                   MiCode::GivingInformation));
  EXPECT_LT(unasked.value("trust"), before);
}

// Reviewer P: Ama laid out her own plan and asked "Can you help with that bit?"; "Yes, like I said,
// I'll be in on Tuesday for that." cost 3 points and ended "the plan isn't hers". Said yes to, her
// plan stays hers: the breakthrough. Taking the paper over is still the partial ending.
TEST(ReplyMatch, HelpTheClientAskedForKeepsHerPlan) {
  EXPECT_TRUE(asks_for_the_plan("Then September, with Marjorie's notebooks typed up. Can you help with that bit?"));
  const Scenario s = testing::load_shipped("grant-rejected");
  const Dialogue at = testing::play(s, {3, 0, 0, 1, 2, 2, 0, 1});  // tests/plans/grant-rejected.plan
  ASSERT_TRUE(at.node() && at.node()->id == "plan") << (at.node() ? at.node()->id : "ended");
  ASSERT_NE(at.client_line().find("Can you help with that bit?"), std::string::npos) << at.client_line();
  const std::string yes = "Yes, like I said, I'll be in on Tuesday for that.";
  const CodedReply coded = classify_reply(yes, at.client_line());
  ASSERT_EQ(coded.code, MiCode::GivingInformation);
  Dialogue helped = at;
  const int before = helped.value("trust");
  ASSERT_TRUE(helped.submit_typed(yes, coded.code));
  EXPECT_GE(helped.value("trust"), before);
  ASSERT_NE(helped.ending(), nullptr);
  EXPECT_EQ(helped.ending()->kind, "breakthrough");
  const std::string takeover = "Good, I'll write the whole trustees' paper for you tonight.";
  const CodedReply took = classify_reply(takeover, at.client_line());
  EXPECT_NE(code_class(took.code), MiClass::Question) << "a commitment, not a question";
  Dialogue taken = at;
  ASSERT_TRUE(taken.submit_typed(takeover, took.code));
  ASSERT_NE(taken.ending(), nullptr);
  EXPECT_EQ(taken.ending()->kind, "partial");
}

}  // namespace
}  // namespace rapport

namespace rapport {

// A reviewer asked Sunita "Can you give me the ticket reference for the failed courier test...?"
// and it was the session's best reply (+3): the test was the learner's own team's. A typed-only
// reply in late-again's listening nodes costs trust and says why.
TEST(ReplyMatch, AskingSunitaForYourOwnTeamsTicketReferenceCostsTrust) {
  const Scenario s = testing::load_shipped("late-again");
  Dialogue d = testing::play(s, {0});
  ASSERT_TRUE(d.node() && d.node()->id == "impact") << (d.node() ? d.node()->id : "ended");
  const int before = d.value("trust");
  const std::string ask = "Can you give me the ticket reference for the failed courier test so I can look into it?";
  ASSERT_TRUE(d.submit_typed(ask, classify_reply(ask, d.client_line()).code));
  EXPECT_LT(d.value("trust"), before);
  EXPECT_NE(d.transcript().back().tip.find("admin of your mistake"), std::string::npos) << d.transcript().back().tip;
}

// A reviewer's "Are the notebooks any good though?" gained 5, as an open question would: a typed
// closed question answered as another kind of question earns half the trust and openness. The same
// words, coded open and then closed, at each scenario's first node and its node after one reply.
TEST(ReplyMatch, ATypedClosedQuestionEarnsHalfAnOpenOnesTrust) {
  int compared = 0;
  for (const char* id : {"grant-rejected", "budget-cut", "price-objection", "late-again", "damp-flat", "lead-target"})
    for (const std::vector<size_t>& before : {std::vector<size_t>{}, std::vector<size_t>{0}}) {
      const Scenario s = testing::load_shipped(id);
      const std::string text = "Is that the part that worries you most?";
      const auto gain = [&](MiCode code) {
        Dialogue d = testing::play(s, before);
        const int trust = d.value("trust"), openness = d.value("openness");
        EXPECT_TRUE(d.submit_typed(text, code));
        return std::pair{d.value("trust") - trust, d.value("openness") - openness};
      };
      const auto [open_trust, open_openness] = gain(MiCode::OpenQuestion);
      const auto [closed_trust, closed_openness] = gain(MiCode::ClosedQuestion);
      if (open_trust <= 1) continue;
      ++compared;
      EXPECT_EQ(closed_trust, open_trust / 2) << id;
      if (open_openness > 0) EXPECT_EQ(closed_openness, open_openness / 2) << id;
    }
  EXPECT_GE(compared, 3);
}

// Reviewer O's three-word echoes ("Your family, the move") gained +8 and +9, more than their
// two-sentence complex reflections: a typed simple reflection answered as an authored complex one
// earns two thirds of its trust. Each scenario's first authored complex reflection, typed, coded
// complex and then simple.
TEST(ReplyMatch, ABareEchoEarnsLessTrustThanTheComplexReflectionItIsAnsweredAs) {
  int compared = 0;
  for (const std::string& path : testing::scenario_paths()) {
    const LoadResult r = load_scenario(testing::read_text(path), path);
    ASSERT_TRUE(r.ok()) << path;
    const Scenario& s = *r.scenario;
    Dialogue probe = testing::play(s, {});
    const Node* n = probe.node();
    ASSERT_NE(n, nullptr);
    const auto complex = std::find_if(n->replies.begin(), n->replies.end(), [](const Reply& reply) {
      return reply.code == MiCode::ComplexReflection && !reply.typed_only;
    });
    if (complex == n->replies.end()) continue;
    const auto gain = [&](MiCode code) {
      Dialogue d = testing::play(s, {});
      const int trust = d.value("trust");
      EXPECT_TRUE(d.submit_typed(complex->text, code));
      return d.value("trust") - trust;
    };
    const int as_complex = gain(MiCode::ComplexReflection), as_simple = gain(MiCode::SimpleReflection);
    if (as_complex < 3) continue;
    ++compared;
    EXPECT_EQ(as_simple, as_complex * 2 / 3) << path;
  }
  EXPECT_GE(compared, 4);
}

// Reviewer N's "Why do you want to sell everything?" was praised as a good open question: a
// "why" asks the client to defend, and the coach says so.
TEST(ReplyMatch, AWhyQuestionIsToldItCanSoundLikeAChallenge) {
  const Scenario s = testing::load_shipped("market-drop");
  for (const auto& [text, why] :
       {std::pair{"Why do you want to sell everything?", true}, std::pair{"So why now, after all these years?", true},
        std::pair{"What makes you want to sell everything?", false}}) {
    Dialogue d = testing::play(s, {});
    ASSERT_TRUE(d.submit_typed(text, MiCode::OpenQuestion));
    EXPECT_EQ(d.transcript().back().tip == kWhyTip, why) << text << ": " << d.transcript().back().tip;
  }
}

// Reviewer M's "Shall I send you the revised plan by Thursday?" was told "Closed questions get
// facts": an offer of the next step is coached as one, however it opens (reviewer O's "Could we
// meet...?" was still coached as fact-finding).
TEST(ReplyMatch, AnOfferOfTheNextStepIsCoachedAsOne) {
  const Scenario s = testing::load_shipped("questioned-advice");
  for (const auto& [text, offer] :
       {std::pair{"Shall I send you the revised plan by Thursday?", true},
        std::pair{"So, how about I ring you on Monday at 4 to go through it?", true},
        std::pair{"Could we meet on Tuesday at 3 to go through it together?", true},
        std::pair{"Can I ring you on Thursday at 10 to see how it went?", true},
        std::pair{"Can I ask what the board said?", false}, std::pair{"Could I take your reference number?", false},
        std::pair{"Did the board see the plan?", false}}) {
    Dialogue d = testing::play(s, {});
    ASSERT_TRUE(d.submit_typed(text, MiCode::ClosedQuestion));
    EXPECT_EQ(d.transcript().back().tip == kOfferTip, offer) << text << ": " << d.transcript().back().tip;
  }
}

// Advice that warns is told what a warning does, not to ask permission first (reviewer O's "if you
// don't start something soon you could end up losing your sight" was).
TEST(ReplyMatch, AWarningIsToldWhatAWarningDoes) {
  const Scenario s = testing::load_shipped("medication-change");
  for (const auto& [text, warning] :
       {std::pair{"With a sugar of 71, if you don't start something soon you could end up losing your sight.", true},
        std::pair{"You should start the injections this month.", false}}) {
    Dialogue d = testing::play(s, {});
    ASSERT_TRUE(d.submit_typed(text, MiCode::Persuade));
    EXPECT_EQ(d.transcript().back().tip == kWarningTip, warning) << text << ": " << d.transcript().back().tip;
  }
}

}  // namespace rapport
