// The session controller: events in order, the record it builds, the replay form it saves and
// resumes from (valid by construction, refused when it no longer fits), the follow-up email's
// rescoring and retry after the end.
#include "session.h"
#include "session_review.h"

#include <nlohmann/json.hpp>

#include "coaching.h"
#include "progress.h"
#include "scoring.h"
#include "reply_coder.h"
#include "suspend.h"
#include "test_support.h"

namespace rapport {
namespace {

using testing::load_shipped;

std::vector<SessionEventKind> kinds(const std::vector<SessionEvent>& events) {
  std::vector<SessionEventKind> out;
  for (const auto& e : events) out.push_back(e.kind);
  return out;
}

SessionContext fixed_context(int* counter) {
  SessionContext c;
  c.now = [] { return std::string("2026-03-04T05:06:07.000Z"); };
  c.next_number = [counter] { return ++*counter; };
  c.learner_name = "Élodie";
  return c;
}

void prepare(Session& s) {
  while (s.dialogue().phase() == Phase::Prepare) ASSERT_TRUE(s.choose_prep(0));
}

/// Plays the first offered reply until the end (at most 60 turns).
void play_to_end(Session& s) {
  for (int i = 0; i < 60 && !s.finished(); ++i) ASSERT_TRUE(s.choose(0));
  ASSERT_TRUE(s.finished());
}

TEST(Session, EventsFollowTheSessionAndTheFinishedRecordIsBuilt) {
  const Scenario sc = load_shipped("budget-cut");
  int counter = 0;
  Session s(sc, 7, fixed_context(&counter));
  EXPECT_TRUE(s.take_events().empty()) << "nothing happens before the first input";
  const size_t steps = sc.prep.size();
  ASSERT_GE(steps, 2u);
  for (size_t i = 0; i + 1 < steps; ++i) ASSERT_TRUE(s.choose_prep(0));
  EXPECT_EQ(kinds(s.take_events()), std::vector<SessionEventKind>(steps - 1, SessionEventKind::PrepChosen));
  ASSERT_TRUE(s.choose_prep(0));
  auto started = s.take_events();
  ASSERT_EQ(kinds(started), std::vector<SessionEventKind>{SessionEventKind::Started});
  EXPECT_TRUE(started[0].save);
  EXPECT_FALSE(s.choose_prep(0)) << "no preparation once the conversation runs";
  ASSERT_TRUE(s.choose(1));
  auto played = s.take_events();
  ASSERT_EQ(kinds(played), std::vector<SessionEventKind>{SessionEventKind::TurnPlayed});
  EXPECT_TRUE(played[0].save);
  EXPECT_FALSE(s.record());
  play_to_end(s);
  auto end = s.take_events();
  ASSERT_FALSE(end.empty());
  EXPECT_EQ(end.back().kind, SessionEventKind::Finished);
  EXPECT_FALSE(end.back().save) << "a finished session is not saved as unfinished";
  EXPECT_EQ(end[end.size() - 2].kind, SessionEventKind::TurnPlayed);
  EXPECT_FALSE(end[end.size() - 2].save) << "the last reply finished the session";

  ASSERT_TRUE(s.score());
  ASSERT_TRUE(s.record());
  const SessionRecord& r = *s.record();
  EXPECT_EQ(r.id, "2026-03-04T05:06:07.000Z-budget-cut-1");
  EXPECT_EQ(r.scenario, "budget-cut");
  EXPECT_EQ(r.mode, "choice");
  EXPECT_EQ(r.score, s.score()->total);
  EXPECT_EQ(r.outcome, s.dialogue().ending()->kind);
  EXPECT_EQ(r.transcript->size(), s.dialogue().transcript().size());
  int coded = 0;
  for (const auto& [code, n] : r.codes) coded += n;
  EXPECT_EQ(coded, static_cast<int>(s.dialogue().transcript().size()));
  EXPECT_EQ(r.last_words, s.dialogue().client_line());
  EXPECT_NE(s.followup_draft().find("Élodie"), std::string::npos) << "the skeleton is signed";
  EXPECT_FALSE(s.followup_example().empty());
  EXPECT_EQ(s.stage_ratings().size(), 7u);
  EXPECT_FALSE(s.choose(0)) << "no replies after the end";
}

TEST(Session, TheReplayFormRestoresTheSameSessionIncludingTypedAndSelfCodedReplies) {
  const Scenario sc = load_shipped("late-again");
  Session s(sc, 12345);
  prepare(s);
  ASSERT_TRUE(s.choose(0));
  // As the app sends them: the learner's own choice of code, and the coder's code and first cue.
  ASSERT_TRUE(s.submit_typed("You’re worried the café launch slips again — £20k is at stake.",
                             MiCode::ComplexReflection,
                             "you said you meant: " + std::string(code_intent(MiCode::ComplexReflection)), true));
  const CodedReply coded = classify_reply("What would help most this week?", s.dialogue().client_line());
  ASSERT_FALSE(coded.cues.empty());
  ASSERT_TRUE(s.submit_typed("What would help most this week?", coded.code, coded.cues.front(), false));
  const nlohmann::json saved = s.saved_inputs();
  ASSERT_TRUE(is_replay_session(saved)) << saved.dump();
  EXPECT_EQ(saved["replay"]["seed"], 12345);
  EXPECT_EQ(saved["replay"]["turns"][1]["self"], true);
  EXPECT_FALSE(saved["replay"]["turns"][2].contains("self"));

  std::string error;
  auto back = Session::resume(sc, saved, {}, &error);
  ASSERT_TRUE(back) << error;
  const nlohmann::json a = s.dialogue().to_json(), b = back->dialogue().to_json();
  EXPECT_EQ(a["turns"], b["turns"]) << "every character, code and cue as played";
  EXPECT_EQ(a["state"], b["state"]);
  EXPECT_EQ(a["node"], b["node"]);
  EXPECT_EQ(back->dialogue().transcript()[1].reply, "You’re worried the café launch slips again — £20k is at stake.");
  EXPECT_TRUE(back->dialogue().transcript()[1].self_coded);
  EXPECT_TRUE(back->take_events().empty()) << "a resumed session reports nothing new";
}

TEST(Session, ResumeRefusesInputsThatNoLongerFitAndNeverHalfRestores) {
  const Scenario sc = load_shipped("late-again");
  Session s(sc, 3);
  prepare(s);
  ASSERT_TRUE(s.choose(0));
  nlohmann::json saved = s.saved_inputs();

  std::string error;
  nlohmann::json bad_prep = saved;
  bad_prep["replay"]["prep"][0] = "no-such-option";
  EXPECT_FALSE(Session::resume(sc, bad_prep, {}, &error));
  EXPECT_NE(error.find("no-such-option"), std::string::npos) << error;

  nlohmann::json bad_choice = saved;
  bad_choice["replay"]["turns"].push_back({{"choice", 99}});
  error.clear();
  EXPECT_FALSE(Session::resume(sc, bad_choice, {}, &error));
  EXPECT_NE(error.find("turn 2"), std::string::npos) << error;

  nlohmann::json moved = saved;
  moved["replay"]["node"] = "somewhere-else";
  error.clear();
  EXPECT_FALSE(Session::resume(sc, moved, {}, &error));
  EXPECT_FALSE(error.empty());

  error.clear();
  EXPECT_FALSE(Session::resume(load_shipped("budget-cut"), saved, {}, &error)) << "another scenario's save";
  EXPECT_FALSE(error.empty());

  // An older save (the whole Dialogue::to_json()) still resumes.
  error.clear();
  auto old = Session::resume(sc, s.dialogue().to_json(), {}, &error);
  ASSERT_TRUE(old) << error;
  EXPECT_EQ(old->dialogue().transcript().size(), 1u);
}

TEST(Session, ASessionSavedAfterItsLastLineComesBackFinishedWithItsRecord) {
  const Scenario sc = load_shipped("budget-cut");
  Session s(sc, 5);
  prepare(s);
  play_to_end(s);
  int counter = 40;
  std::string error;
  auto back = Session::resume(sc, s.saved_inputs(), fixed_context(&counter), &error);
  ASSERT_TRUE(back) << error;
  EXPECT_TRUE(back->finished());
  ASSERT_TRUE(back->record());
  EXPECT_EQ(back->record()->id, "2026-03-04T05:06:07.000Z-budget-cut-41");
  EXPECT_EQ(back->record()->score, s.record()->score);
}

TEST(Session, ACompleteFollowUpEmailRaisesTheScoreOnceAndRetryMakesANewRecord) {
  const Scenario sc = load_shipped("budget-cut");
  int counter = 0;
  Session s(sc, 9, fixed_context(&counter));
  prepare(s);
  play_to_end(s);
  s.take_events();
  const int before = s.score()->total;
  const int promised = s.score()->followup_points;  // what the results say the email will add
  EXPECT_GT(promised, 0);
  s.followup_sent();  // the bare skeleton covers little
  s.take_events();
  EXPECT_EQ(s.score()->total, before);
  s.followup_draft() = s.followup_example();  // the model email covers every item
  s.followup_edited();
  EXPECT_GT(s.followup_check().coverage, 0.9);
  s.followup_sent();
  auto events = s.take_events();
  ASSERT_EQ(kinds(events), std::vector<SessionEventKind>{SessionEventKind::Rescored});
  EXPECT_EQ(s.score()->total, before + promised) << "the email adds what the results said it would";
  EXPECT_EQ(s.score()->followup_points, promised) << "and the results then say what it added";
  EXPECT_EQ(s.record()->score, s.score()->total);
  EXPECT_DOUBLE_EQ(s.record()->followup_coverage, s.followup_check().coverage);
  s.followup_sent();
  EXPECT_TRUE(s.take_events().empty()) << "sending the same email again changes nothing";
  // Rewritten worse and left, the email's points go with it (reviewers W and Z kept them: "Counted
  // from an earlier version"), and the record holds the text with its own coverage.
  const std::string worse = "Hi Helen,\n\nThanks for today. Speak soon.\n";
  s.followup_draft() = worse;
  s.followup_edited();
  s.followup_left();
  EXPECT_EQ(kinds(s.take_events()), std::vector<SessionEventKind>{SessionEventKind::Rescored});
  EXPECT_EQ(s.score()->total, before) << "the worse email no longer adds its points";
  EXPECT_EQ(s.record()->followup_email, worse);
  EXPECT_DOUBLE_EQ(s.record()->followup_coverage, s.followup_check().coverage);
  EXPECT_EQ(s.record()->score, before);

  ASSERT_TRUE(s.retry_from(1));
  EXPECT_FALSE(s.finished());
  EXPECT_FALSE(s.record()) << "the run from turn 2 is a new session";
  EXPECT_EQ(kinds(s.take_events()), std::vector<SessionEventKind>{SessionEventKind::Rewound});
  EXPECT_EQ(s.dialogue().transcript().size(), 1u);
  play_to_end(s);
  ASSERT_TRUE(s.record());
  EXPECT_EQ(s.record()->id, "2026-03-04T05:06:07.000Z-budget-cut-2");
}

// A reviewer could not write a past session's follow-up email: the history showed the session but
// not the email screen. A finished record is played again from its start (prep and shuffle, kept
// since) and transcript, through the stored progress, and the email counts toward that record.
TEST(Session, AFinishedSessionReopensFromItsRecordToWriteItsEmail) {
  const Scenario sc = load_shipped("budget-cut");
  int counter = 0;
  Session s(sc, 9, fixed_context(&counter));
  prepare(s);
  ASSERT_TRUE(s.choose(1));
  ASSERT_TRUE(s.submit_typed("You’re weighing what the tenants lose — £450k is a lot.", MiCode::ComplexReflection,
                             "you said you meant: " + std::string(code_intent(MiCode::ComplexReflection)), true));
  play_to_end(s);
  s.take_events();
  ProgressRecord progress;
  progress.sessions.push_back(*s.record());
  std::string error;
  auto stored = progress_from_json_text(progress_to_json(progress).dump(), &error);
  ASSERT_TRUE(stored) << error;
  const SessionRecord& rec = stored->sessions.at(0);
  ASSERT_TRUE(rec.prep);
  EXPECT_EQ(*rec.prep, s.dialogue().prep_choices());
  EXPECT_EQ(rec.seed, 9u);

  auto again = Session::reopen(sc, rec, fixed_context(&counter), &error);
  ASSERT_TRUE(again) << error;
  EXPECT_TRUE(again->finished());
  EXPECT_TRUE(again->take_events().empty()) << "reopening adds nothing to the history";
  EXPECT_EQ(again->record()->id, s.record()->id);
  EXPECT_EQ(again->score()->total, s.score()->total);
  EXPECT_EQ(again->dialogue().to_json()["turns"], s.dialogue().to_json()["turns"]);
  EXPECT_EQ(again->followup_draft(), s.followup_draft()) << "no email yet: the skeleton";
  again->followup_draft() = again->followup_example();
  again->followup_edited();
  again->followup_sent();
  ASSERT_EQ(kinds(again->take_events()), std::vector<SessionEventKind>{SessionEventKind::Rescored});
  EXPECT_EQ(again->record()->id, s.record()->id);
  EXPECT_EQ(again->record()->score, s.score()->total + s.score()->followup_points);
  EXPECT_EQ(again->record()->followup_email, again->followup_example());

  // An email already written opens as written.
  SessionRecord written = rec;
  written.followup_email = "Hi Helen,\n\nThanks — à bientôt.\n";
  auto kept = Session::reopen(sc, written, {}, &error);
  ASSERT_TRUE(kept) << error;
  EXPECT_EQ(kept->followup_draft(), written.followup_email);

  // Records that cannot be played again say why and change nothing.
  SessionRecord old = rec;
  old.prep.reset();
  EXPECT_FALSE(Session::reopen(sc, old, {}, &error));
  EXPECT_NE(error.find("saved before"), std::string::npos) << error;
  SessionRecord trimmed = rec;
  trimmed.transcript = nlohmann::json();
  EXPECT_FALSE(Session::reopen(sc, trimmed, {}, &error));
  EXPECT_NE(error.find("transcript"), std::string::npos) << error;
  SessionRecord other_end = rec;
  other_end.ending_title = "Another ending";
  EXPECT_FALSE(Session::reopen(sc, other_end, {}, &error));
  EXPECT_NE(error.find("no longer ends"), std::string::npos) << error;
  SessionRecord unreadable = rec;
  unreadable.transcript = nlohmann::json::array({{{"typed", true}, {"reply", 3}}});
  EXPECT_FALSE(Session::reopen(sc, unreadable, {}, &error));
  EXPECT_EQ(error, "its transcript cannot be read");
  SessionRecord bad_start = rec;
  bad_start.prep = std::vector<std::string>{"no-such-option"};
  EXPECT_FALSE(Session::reopen(sc, bad_start, {}, &error));
  EXPECT_NE(error.find("changed since"), std::string::npos) << error;
}

// A malformed "start" in stored progress loses only itself: the session and its words stay.
TEST(Session, AMalformedStartInStoredProgressLosesOnlyItself) {
  const std::string text =
      R"({"format_version":2,"sessions":[{"id":"a","scenario":"budget-cut","score":50,"journal":"mine",)"
      R"("start":{"prep":[1],"seed":-4}}],"unfinished":null,"settings":{}})";
  std::string error;
  auto stored = progress_from_json_text(text, &error);
  ASSERT_TRUE(stored) << error;
  ASSERT_EQ(stored->sessions.size(), 1u);
  EXPECT_EQ(stored->sessions[0].journal, "mine");
  EXPECT_FALSE(stored->sessions[0].prep);
}

TEST(Session, ANewNameSignsTheExampleAndTheDraft) {
  const Scenario sc = load_shipped("budget-cut");
  int counter = 0;
  Session s(sc, 2, fixed_context(&counter));
  prepare(s);
  play_to_end(s);
  const int revision = s.followup_revision();
  s.set_learner_name("Zhang Wei");
  EXPECT_NE(s.followup_example().find("Zhang Wei"), std::string::npos);
  EXPECT_NE(s.followup_draft().find("Zhang Wei"), std::string::npos);
  EXPECT_EQ(s.followup_draft().find("Élodie"), std::string::npos);
  EXPECT_GT(s.followup_revision(), revision) << "the field reloads the re-signed draft";
}

namespace rapport {
namespace {

// The preparation tactic names what it counts: the setting is a tactic of its own, and a reviewer
// with four preparation steps read "3 of 3 preparation choices were strong" as a miscount.
TEST(Session, ThePreparationTacticNamesWhatItCounts) {
  const Scenario s = testing::load_shipped("late-again");
  size_t steps = 0, setting = 0;
  for (const PrepStep& step : s.prep) (step.topic == "setting" ? setting : steps)++;
  ASSERT_EQ(setting, 1u);
  const Dialogue d = testing::play(s, {});
  for (const auto& t : score_session(d, 0).tactics)
    if (t.id == "prepared")
      EXPECT_EQ(t.evidence, std::to_string(steps) + " of " + std::to_string(steps) +
                                " choices about the data, their view and the options were strong (the setting "
                                "counts on its own)");
}

// Shared problem-solving counts an open question asked while solutions or next steps are on the
// table ("What would you like to do first?"), not only permission and collaboration codes: a
// reviewer's results said "no shared problem-solving" beside "a plan he designed".
TEST(Session, AnOpenQuestionAtTheSolvingStageIsSharedProblemSolving) {
  const Scenario s = testing::load_shipped("budget-cut");
  const auto solutions = [](const Dialogue& d) {
    for (const auto& t : score_session(d, 0).tactics)
      if (t.id == "solutions") return t.done;
    return false;
  };
  Dialogue d = testing::play(s, {});
  for (int i = 0; i < 12 && d.node() && d.node()->stage != "solve" && d.node()->stage != "close"; ++i)
    ASSERT_TRUE(d.submit_typed("That sounds like a really hard week for you and the team.", MiCode::ComplexReflection));
  ASSERT_TRUE(d.node()) << "the conversation ended before the solving stage";
  EXPECT_FALSE(solutions(d));
  Dialogue early = testing::play(s, {});
  ASSERT_NE(early.node()->stage, "solve");
  ASSERT_TRUE(early.submit_typed("What would you like to do first?", MiCode::OpenQuestion));
  EXPECT_FALSE(solutions(early)) << "an open question before any solving is listening, not solving";
  ASSERT_TRUE(d.submit_typed("What would you like to do first?", MiCode::OpenQuestion));
  EXPECT_TRUE(solutions(d));
  // So is a reflection of the client's own idea there, or an offer put as a question (reviewer P:
  // "no shared problem-solving" beside a trial designed together); not a closed question that asks
  // for a yes.
  Dialogue base = testing::play(s, {});
  for (int i = 0; i < 12 && base.node() && base.node()->stage != "solve" && base.node()->stage != "close"; ++i)
    ASSERT_TRUE(
        base.submit_typed("That sounds like a really hard week for you and the team.", MiCode::ComplexReflection));
  ASSERT_TRUE(base.node());
  Dialogue reflected = base, offered = base, pressed = base;
  ASSERT_TRUE(
      reflected.submit_typed("You want repairs and rent first, and the rest next year.", MiCode::ComplexReflection));
  EXPECT_TRUE(solutions(reflected));
  ASSERT_TRUE(offered.submit_typed("Shall I cost the phased option for you by Tuesday?", MiCode::ClosedQuestion));
  EXPECT_TRUE(solutions(offered));
  ASSERT_TRUE(pressed.submit_typed("Are you ready to sign off the cut today?", MiCode::ClosedQuestion));
  EXPECT_FALSE(solutions(pressed));
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

// A reviewer answered "Which did you mean?" for a stock apology with the kinder "Reflecting what
// they meant or felt" (offered beside the coder's two likeliest readings): the transcript said
// "your choice", and the results counted a complex reflection and ticked "Showed empathy". A
// choice beyond the two likeliest counts as the words were read; one of them counts as chosen.
TEST(Scoring, ASelfCodedChoiceBeyondTheTwoLikeliestCountsAsTheWordsWereRead) {
  const Scenario s = testing::load_shipped("late-again");
  const std::string apology = "I do apologise for any inconvenience this may have caused, Sunita.";
  const auto after = [&](MiCode chosen) {
    Dialogue d = testing::play(s, {});
    EXPECT_TRUE(d.submit_typed(apology, chosen, "", true));
    return d;
  };
  Dialogue probe = testing::play(s, {});
  const CodedReply read = classify_reply(apology, probe.client_line());
  ASSERT_NE(code_class(read.code), MiClass::Reflection);
  ASSERT_NE(code_class(read.runner_up), MiClass::Reflection);
  Dialogue kinder = after(MiCode::ComplexReflection);
  EXPECT_EQ(kinder.transcript().back().code, MiCode::ComplexReflection) << "the transcript keeps the learner's code";
  const SessionScore k = score_session(kinder, 0.0);
  EXPECT_EQ(k.miti.complex_reflections, 0);
  for (const auto& tactic : k.tactics)
    if (tactic.id == "empathy") EXPECT_FALSE(tactic.done);
  Dialogue likely = after(read.runner_up);
  EXPECT_EQ(scored_code(likely.transcript().back()), read.runner_up);
}

// Reviewer V's textbook complex reflection was read as an affirmation or information; asked, they
// chose "Reflecting what they meant or felt", were told "Your scores count it as you meant it", and
// the figures counted an affirmation. A reflection in the words of one counts as chosen; the tip
// says which code counts when it does not.
TEST(Scoring, ASelfCodedReflectionInTheWordsOfOneCountsAsChosen) {
  const Scenario s = testing::load_shipped("damp-flat");
  const std::string reflection =
      "You are terrified for him, and exhausted from fighting for something that should have been fixed two winters "
      "ago.";
  Dialogue d = testing::play(s, {});
  const CodedReply read = classify_reply(reflection, d.client_line());
  ASSERT_NE(code_class(read.code), MiClass::Reflection) << "the coder reads it as a reflection now";
  ASSERT_NE(code_class(read.runner_up), MiClass::Reflection);
  ASSERT_TRUE(d.submit_typed(reflection, MiCode::ComplexReflection, "", true));
  EXPECT_EQ(scored_code(d.transcript().back()), MiCode::ComplexReflection);
  EXPECT_EQ(score_session(d, 0.0).miti.complex_reflections, 1);
  EXPECT_NE(d.transcript().back().tip.find("Your scores count it as you meant it"), std::string::npos)
      << d.transcript().back().tip;
  // Not a question, not advice, not the speaker's own statement: those count as the words read, and
  // the tip says so.
  for (const char* words : {"I do apologise for any inconvenience this may have caused.",
                            "You should ring the contractor again today.", "Are you worried about him?"}) {
    const CodedReply r = classify_reply(words, d.client_line());
    if (code_class(r.code) == MiClass::Reflection || code_class(r.runner_up) == MiClass::Reflection) continue;
    EXPECT_FALSE(self_code_counts(MiCode::ComplexReflection, r, words)) << words;
  }
  Dialogue apology = testing::play(s, {});
  const std::string sorry = "I do apologise for any inconvenience this may have caused.";
  ASSERT_TRUE(apology.submit_typed(sorry, MiCode::ComplexReflection, "", true));
  EXPECT_NE(scored_code(apology.transcript().back()), MiCode::ComplexReflection);
  EXPECT_NE(apology.transcript().back().tip.find("your scores count them so"), std::string::npos)
      << apology.transcript().back().tip;
}

}  // namespace
}  // namespace rapport

// Reviewers S and T: "It sounds like ... What would ...?" counted one question and no reflection,
// so the textbook move read "0 : 1" in the figures. MITI codes the reflection as well as the
// question; a typed question's reflective lead counts in the reflections (results, live coach and
// the stored record alike), not as a reply. An acknowledgement before a question does not.
TEST(Scoring, AReflectionBeforeATypedQuestionCountsAsAReflection) {
  const Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d = testing::play(s, {});
  ASSERT_TRUE(
      d.submit_typed("You're worried the board is moving faster than your depot can. What would a fair test "
                     "look like to you?",
                     MiCode::OpenQuestion));
  const SessionScore score = score_session(d, 0.0);
  EXPECT_EQ(score.miti.questions, 1);
  EXPECT_EQ(score.miti.reflections, 1);
  EXPECT_EQ(score.miti.replies, 1);
  EXPECT_EQ(reflection_ratio_text(score.miti.reflections, score.miti.questions), "1.0 : 1");
  const SessionRecord rec = make_session_record(d, score, "2026-12-07T10:00:00Z", 1);
  EXPECT_EQ(stored_reflection_ratio_text(rec.codes, rec.rq_ratio), "1.0 : 1");
  // The chip says what the figures count, in the chat and in the history (reviewer V saw "open
  // question" on a turn counted as a reflection too).
  const Turn& led = d.transcript().back();
  EXPECT_EQ(code_chip_text(led.code, false, false, false, reflection_leads(led)), "reflection, then open question");
  const SessionReview review = review_session(rec, &s);
  ASSERT_EQ(review.turns.size(), 1u);
  EXPECT_EQ(review.turns[0].code_label, "reflection, then open question");
  Dialogue thanks = testing::play(s, {});
  ASSERT_TRUE(thanks.submit_typed("Thanks for making the time today. What would a fair test look like to you?",
                                  MiCode::OpenQuestion));
  EXPECT_EQ(score_session(thanks, 0.0).miti.reflections, 0);
  EXPECT_FALSE(reflection_leads(thanks.transcript().back()));
  const SessionScore thanks_score = score_session(thanks, 0.0);
  EXPECT_EQ(
      review_session(make_session_record(thanks, thanks_score, "2026-12-07T10:00:00Z", 1), &s).turns[0].code_label,
      "open question");
}

TEST(Scoring, TheReflectionFigureReadsTheSameInTheResultsAndTheProgressTrend) {
  EXPECT_EQ(reflection_ratio_text(3, 2), "1.5 : 1");
  EXPECT_EQ(reflection_ratio_text(1, 0), "1 reflection");  // no question, no ratio: not "1.0 : 1" nor "1 : 0"
  EXPECT_EQ(reflection_ratio_text(3, 0), "3 reflections");
  EXPECT_EQ(reflection_ratio_text(0, 0), "none");
  EXPECT_EQ(reflection_ratio_text(0, 0), "none");
  // A stored session: counted from its codes, so one reflection and no question reads as the results did.
  const std::map<std::string, int> one_reflection{{"complex_reflection", 1}, {"giving_information", 2}};
  EXPECT_EQ(stored_reflection_ratio_text(one_reflection, 1.0), "1 reflection");
  const std::map<std::string, int> mixed{
      {"simple_reflection", 2}, {"complex_reflection", 2}, {"open_question", 1}, {"closed_question", 1}};
  EXPECT_EQ(stored_reflection_ratio_text(mixed, 2.0), "2.0 : 1");
  EXPECT_EQ(stored_reflection_ratio_text({}, 1.5), "1.5 : 1");  // an older record without counts keeps its ratio
}

// Reviewer S: "Counted: 3 points added to your score" stayed under drafts at 76%, 57% and 30%.
TEST(Scoring, TheFollowUpPointsLineSaysWhichVersionCounted) {
  EXPECT_EQ(followup_points_line(3, true, 1.0), "Counted: 3 points added to your score.");
  EXPECT_EQ(followup_points_line(3, true, 0.3),
            "Counted from an earlier version: 3 points are on your score. This one is below 75%.");
  EXPECT_EQ(followup_points_line(1, false, 0.5), "At 75% it adds 1 point to your score.");
  EXPECT_EQ(followup_points_line(3, false, 0.8).rfind("It covers the essentials: 3 points go on your score", 0), 0u);
}

}  // namespace
}  // namespace rapport
