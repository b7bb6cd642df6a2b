// LMS resume data: round trip, the 4,096-character limit, long typed replies, garbage, and the
// replay that rebuilds an unfinished session of a shipped scenario exactly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "dialogue.h"
#include "reply_coder.h"
#include "suspend.h"
#include "test_support.h"

namespace rapport {
namespace {

using json = nlohmann::json;

SessionRecord session(const std::string& scenario, int score, const std::string& outcome, const std::string& when,
                      const std::string& mode = "choice") {
  SessionRecord s;
  s.id = when + "-" + scenario + "-1";
  s.scenario = scenario;
  s.score = score;
  s.outcome = outcome;
  s.finished = when;
  s.mode = mode;
  s.ending_title = "An ending";
  s.transcript = json::array({{{"reply", "kept only locally"}}});
  return s;
}

std::string day(int i) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "2024-%02d-%02dT%02d:%02d:%02d.123Z", 1 + i / 28 % 12, 1 + i % 28, i % 24, i % 60,
                (i * 7) % 60);
  return buf;
}

/// The first option of every preparation step, which takes the dialogue into the conversation.
json original_prep_for_conversation(const Scenario& s) {
  json out = json::array();
  for (const auto& step : s.prep) out.push_back(step.options.front().id);
  return out;
}

/// Prepares and plays questioned-advice: three chosen replies and one typed reply coded by the
/// reply coder, as the app does.
Dialogue played(const Scenario& s) {
  Dialogue d(s);
  for (size_t i = 0; i < s.prep.size(); ++i) d.choose_prep(0);
  EXPECT_EQ(d.phase(), Phase::Conversation);
  d.choose(0);
  d.choose(0);
  const std::string typed = "So the worry is that Wakefield's people carry the risk if this goes wrong?";
  CodedReply coded = classify_reply(typed, d.client_line());
  EXPECT_TRUE(d.submit_typed(typed, coded.code, coded.cues.empty() ? "" : coded.cues.front()));
  d.choose(0);
  EXPECT_EQ(d.phase(), Phase::Conversation);
  return d;
}

TEST(Suspend, RoundTripKeepsSummariesAndInputs) {
  Scenario s = testing::load_shipped("questioned-advice");
  ProgressRecord r;
  r.sessions.push_back(session("questioned-advice", 88, "breakthrough", "2024-05-01T09:15:30.456Z"));
  r.sessions.push_back(session("budget-cut", 41, "rupture", "2024-05-02T10:00:00.000Z", "text"));
  r.sessions.push_back(session("questioned-advice", 63, "partial", "2024-05-03T23:59:59.999Z"));
  r.settings = nlohmann::json{{"coaching", false}, {"reply_mode", "text"}};
  Dialogue d = played(s);
  r.unfinished = d.to_json();

  std::string data = encode_suspend_data(r);
  ASSERT_EQ(data.rfind("r3:0:", 0), 0u) << data;
  for (char c : data) EXPECT_TRUE(c >= 0x20 && c < 0x7F && c != '"' && c != '<' && c != '&') << data;

  std::string error;
  auto back = decode_suspend_data(data, &error);
  ASSERT_TRUE(back) << error;
  ASSERT_EQ(back->sessions.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(back->sessions[i].scenario, r.sessions[i].scenario);
    EXPECT_EQ(back->sessions[i].score, r.sessions[i].score);
    EXPECT_EQ(back->sessions[i].outcome, r.sessions[i].outcome);
    EXPECT_EQ(back->sessions[i].mode, r.sessions[i].mode);
    EXPECT_EQ(back->sessions[i].finished, r.sessions[i].finished);
    EXPECT_EQ(back->sessions[i].id, r.sessions[i].id) << "ids survive the LMS copy, so copies merge by id";
    EXPECT_EQ(back->sessions[i].ending_title, r.sessions[i].ending_title) << "the history shows how it ended";
  }
  EXPECT_EQ(back->best_score(), 88);
  EXPECT_EQ(back->settings, r.settings);
  ASSERT_TRUE(is_replay_session(back->unfinished));
  EXPECT_EQ((*back->unfinished)["scenario"], "questioned-advice");
  EXPECT_EQ((*back->unfinished)["replay"]["prep"], (*r.unfinished)["prep"]);
  EXPECT_EQ((*back->unfinished)["replay"]["turns"].size(), 4u);

  // Decoding is deterministic (stable ids), and the decoded record survives the progress JSON.
  EXPECT_EQ(progress_to_json(*decode_suspend_data(data, nullptr)), progress_to_json(*back));
  auto via_json = progress_from_json_text(progress_to_json(*back).dump(), &error);
  ASSERT_TRUE(via_json) << error;
  // Re-encoding a decoded record (replay form) gives the same data.
  EXPECT_EQ(encode_suspend_data(*back), data);
}

// Issue 15, bug 1: the first format kept no ids, so its sessions came back with made-up ids that
// never matched the local ones. r2 keeps each session's own id, in two characters for the usual
// "<finished>-<scenario>-<n>" and whole for any other.
TEST(Suspend, SessionIdsSurviveExactly) {
  ProgressRecord r;
  r.sessions.push_back(session("budget-cut", 50, "partial", "2026-03-01T10:00:00.123Z"));
  r.sessions.push_back(session("budget-cut", 51, "partial", "2026-03-01T10:00:01.000Z"));
  r.sessions.back().id = "imported \xC3\xA9 7";
  r.sessions.push_back(session("late-again", 52, "partial", "2026-03-01T10:00:02Z"));  // no fraction
  r.reset_generation = 3;
  auto back = decode_suspend_data(encode_suspend_data(r), nullptr);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->sessions.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(back->sessions[i].id, r.sessions[i].id);
  EXPECT_EQ(back->reset_generation, 3);
}

TEST(Suspend, FirstFormatStillReads) {
  // What the first release wrote: one session, no generation, no id, time in seconds.
  auto back = decode_suspend_data("r1:budget-cut~partial|0*1e*1*1a2b3c*c|", nullptr);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->sessions.size(), 1u);
  EXPECT_EQ(back->sessions[0].scenario, "budget-cut");
  EXPECT_EQ(back->sessions[0].score, 50);
  EXPECT_EQ(back->reset_generation, 0);
}

// Issue 15: suspend data names a typed reply's code by its id, so data written by one build reads
// the same in a build whose MiCode enum grew; r2's positions (one digit) still read.
TEST(Suspend, TypedRepliesKeepTheirCodeByIdAndOlderPositionsStillRead) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) ASSERT_TRUE(d.choose_prep(0));
  ASSERT_TRUE(d.submit_typed("So you want it settled before the board meets?", MiCode::ComplexReflection));
  ProgressRecord r;
  r.unfinished = d.to_json();
  const std::string data = encode_suspend_data(r);
  EXPECT_NE(data.find("complex_reflection"), std::string::npos) << "the code id is in the data: " << data;
  auto back = decode_suspend_data(data, nullptr);
  ASSERT_TRUE(back);
  EXPECT_EQ((*back->unfinished)["replay"]["turns"][0]["code"], "complex_reflection");

  // What r2 wrote for the same turn: t<position 3><text index 2>.
  auto old = decode_suspend_data("r2:0:questioned-advice~open~Heard%20you||0**t32*1", nullptr);
  ASSERT_TRUE(old);
  ASSERT_EQ((*old->unfinished)["replay"]["turns"].size(), 1u);
  EXPECT_EQ((*old->unfinished)["replay"]["turns"][0]["code"], "complex_reflection");
  EXPECT_EQ((*old->unfinished)["replay"]["turns"][0]["typed"], "Heard you");
  // An unknown code id is damage, not a guess.
  std::string error;
  EXPECT_FALSE(decode_suspend_data("r3:0:questioned-advice~open~Heard%20you~shout||0**t3.2*1", &error));
  EXPECT_NE(error.find("bad turn"), std::string::npos) << error;
}

TEST(Suspend, EmptyRecordIsTiny) {
  std::string data = encode_suspend_data(ProgressRecord{});
  EXPECT_EQ(data, "r3:0:||");
  auto back = decode_suspend_data(data, nullptr);
  ASSERT_TRUE(back);
  EXPECT_TRUE(back->sessions.empty());
  EXPECT_TRUE(back->unfinished->is_null());
}

TEST(Suspend, TwoHundredSessionsStayUnderTheLimitNewestKept) {
  Scenario s = testing::load_shipped("questioned-advice");
  ProgressRecord r;
  const char* ids[] = {"questioned-advice", "budget-cut", "late-again", "price-objection", "scope-mixup"};
  const char* outcomes[] = {"breakthrough", "partial", "rupture"};
  for (int i = 0; i < 200; ++i) r.sessions.push_back(session(ids[i % 5], i % 101, outcomes[i % 3], day(i)));
  std::sort(r.sessions.begin(), r.sessions.end(),
            [](const SessionRecord& a, const SessionRecord& b) { return a.finished < b.finished; });
  r.unfinished = played(s).to_json();

  std::string data = encode_suspend_data(r);
  EXPECT_LE(data.size(), kSuspendDataLimit);
  auto back = decode_suspend_data(data, nullptr);
  ASSERT_TRUE(back);
  EXPECT_GT(back->sessions.size(), 100u) << "the summary should hold most of a long history";
  EXPECT_TRUE(back->unfinished->is_object());

  // Over a small limit the oldest sessions go first; the newest is always kept.
  std::string small = encode_suspend_data(r, 600);
  EXPECT_LE(small.size(), 600u);
  auto few = decode_suspend_data(small, nullptr);
  ASSERT_TRUE(few);
  ASSERT_FALSE(few->sessions.empty());
  EXPECT_LT(few->sessions.size(), r.sessions.size());
  EXPECT_EQ(few->sessions.back().finished.substr(0, 19), r.sessions.back().finished.substr(0, 19));
  EXPECT_EQ(few->sessions.back().score, r.sessions.back().score);
  EXPECT_TRUE(few->unfinished->is_object()) << "the session to resume outranks old summaries";

  // Any limit gives a valid string no longer than the limit.
  for (size_t limit : {0u, 2u, 5u, 40u, 120u, 300u, 1000u, 2000u}) {
    std::string d = encode_suspend_data(r, limit);
    EXPECT_LE(d.size(), limit);
    if (!d.empty()) EXPECT_TRUE(decode_suspend_data(d, nullptr)) << limit << ": " << d;
  }
}

TEST(Suspend, LongTypedReplyIsTruncatedNotFatal) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d(s);
  for (size_t i = 0; i < s.prep.size(); ++i) d.choose_prep(0);
  std::string long_text;
  while (long_text.size() < 5000)
    long_text += "I hear that Wakefield matters \xC3\xA9norm\xC3\xA9ment to you & your team. ";
  long_text.resize(5000);
  ASSERT_TRUE(d.submit_typed(long_text, MiCode::ComplexReflection));
  ProgressRecord r;
  r.unfinished = d.to_json();

  std::string data = encode_suspend_data(r);
  EXPECT_LE(data.size(), kSuspendDataLimit);
  std::string error;
  auto back = decode_suspend_data(data, &error);
  ASSERT_TRUE(back) << error;
  std::string kept = (*back->unfinished)["replay"]["turns"][0]["typed"];
  EXPECT_GT(kept.size(), 100u);
  EXPECT_LT(kept.size(), long_text.size());
  EXPECT_EQ(long_text.rfind(kept, 0), 0u) << "a prefix of the original, never a split character";
  EXPECT_TRUE(json(kept).dump().size() > 0);  // valid UTF-8, or dump() would throw

  auto rebuilt = replay_session(s, back->unfinished, &error);
  ASSERT_TRUE(rebuilt) << error;
  EXPECT_EQ((*rebuilt)["node"], (*r.unfinished)["node"]);
  EXPECT_EQ((*rebuilt)["state"], (*r.unfinished)["state"]);
  EXPECT_EQ((*rebuilt)["turns"][0]["code"], "complex_reflection");
}

TEST(Suspend, GarbageIsRejectedWithAMessage) {
  const char* bad[] = {"",
                       "hello",
                       "{\"format_version\":1}",
                       "r1",
                       "r1:",
                       "r9:||",
                       "rx:||",
                       "r1:a|b",
                       "r1:a|0*1*0*0*c|x|y|z",
                       "r1:a%G1|0*0*0**c|",
                       "r1:a%4|0*0*0**c|",
                       "r1:a\"b|0*0*0**c|",
                       "r1:a|0*0*0**x|",
                       "r1:a|5*0*0**c|",
                       "r1:a|0*zz*0**c|",
                       "r1:a|0*0*0*!*c|",
                       "r1:a|0*0*0|",
                       "r1:a||0*0*c1",
                       "r1:a||0**q1*",
                       "r1:a||0**tz0*",
                       "r1:a||0**c1*9",
                       "r1:a|||%7Bnot json",
                       "r1:a|||%5B1%5D",
                       "r1:a%FF|0*0*0**c|",
                       "r1:a%C3|0*0*0**c|",
                       "r1:a%ED%A0%80|0*0*0**c|",
                       "r2:a|0*0*0**c|",
                       "r2:0:a|0*0*0**c|",
                       "r2:0:a|0*0*0**c*.|",
                       "r2:0:a|0*0*0**c*5|",
                       "r2:0:a|0*0*0**c*.1|",
                       "r2:0:a|0*0*0**c*0|",
                       "r2:0:a|0*0*0**c*0*7|"};
  for (const char* b : bad) {
    std::string error;
    EXPECT_FALSE(decode_suspend_data(b, &error)) << b;
    EXPECT_FALSE(error.empty()) << b;
  }
  // Malformed replay data is reported, never thrown: the web build cannot catch exceptions.
  Scenario s = testing::load_shipped("questioned-advice");
  for (const json& weird : {json(nullptr), json(42), json::array(), json{{"replay", 1}}, json{{"scenario", 5}},
                            json{{"scenario", s.id}, {"replay", {{"prep", "model"}}}},
                            json{{"scenario", s.id}, {"replay", {{"turns", {{{"choice", "x"}}}}}}},
                            json{{"scenario", s.id}, {"replay", {{"turns", {{{"typed", 3}, {"code", "nope"}}}}}}}}) {
    std::string why;
    EXPECT_NO_THROW(EXPECT_FALSE(replay_session(s, weird, &why)) << weird.dump()) << weird.dump();
    EXPECT_FALSE(why.empty()) << weird.dump();
    ProgressRecord r;
    r.unfinished = weird;
    EXPECT_NO_THROW(encode_suspend_data(r)) << weird.dump();
  }

  std::string error;
  decode_suspend_data("r9:||", &error);
  EXPECT_NE(error.find("r9"), std::string::npos) << error;
  EXPECT_NE(error.find("r1"), std::string::npos) << error;
}

TEST(Suspend, ReplayRebuildsTheSameDialogueState) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue original = played(s);
  ProgressRecord r;
  r.unfinished = original.to_json();
  std::string error;
  auto back = decode_suspend_data(encode_suspend_data(r), &error);
  ASSERT_TRUE(back) << error;

  auto rebuilt = replay_session(s, back->unfinished, &error);
  ASSERT_TRUE(rebuilt) << error;
  EXPECT_EQ(*rebuilt, original.to_json());

  // The rebuilt JSON restores into a dialogue that continues like the original.
  Dialogue resumed(s);
  ASSERT_EQ(resumed.restore(*rebuilt), "");
  EXPECT_EQ(resumed.client_line(), original.client_line());
  EXPECT_EQ(resumed.offered(), original.offered());
  EXPECT_TRUE(resumed.choose(0));

  // The inner "replay" object alone works too.
  auto inner = replay_session(s, (*back->unfinished)["replay"], &error);
  ASSERT_TRUE(inner) << error;
  EXPECT_EQ(*inner, original.to_json());
}

TEST(Suspend, ReplayInPreparationAndMismatchesAreReported) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue preparing(s);
  preparing.choose_prep(1);
  ProgressRecord r;
  r.unfinished = preparing.to_json();
  auto back = decode_suspend_data(encode_suspend_data(r), nullptr);
  ASSERT_TRUE(back);
  auto rebuilt = replay_session(s, back->unfinished, nullptr);
  ASSERT_TRUE(rebuilt);
  EXPECT_EQ(*rebuilt, preparing.to_json());

  std::string error;
  json other = {{"format_version", 1},
                {"scenario", "budget-cut"},
                {"replay", {{"prep", json::array()}, {"turns", json::array()}}}};
  EXPECT_FALSE(replay_session(s, other, &error));
  EXPECT_NE(error.find("another scenario"), std::string::npos) << error;

  json missing = {{"scenario", s.id}, {"replay", {{"prep", {"no-such-option"}}, {"turns", json::array()}}}};
  EXPECT_FALSE(replay_session(s, missing, &error));
  EXPECT_NE(error.find("no-such-option"), std::string::npos) << error;

  json moved = back->unfinished;
  moved["replay"]["prep"] = original_prep_for_conversation(s);
  moved["replay"]["turns"] = {{{"choice", 0}}};
  moved["replay"]["node"] = "not-the-node";
  EXPECT_FALSE(replay_session(s, moved, &error));
  EXPECT_NE(error.find("changed"), std::string::npos) << error;

  json full = Dialogue(s).to_json();
  EXPECT_FALSE(is_replay_session(full));
  EXPECT_FALSE(replay_session(s, full, &error));
}

}  // namespace
}  // namespace rapport
