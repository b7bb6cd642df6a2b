// A history entry opened again: its transcript as stored, in any script, and a clear note when the
// transcript is gone or unreadable (never a throw).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "coaching.h"
#include "session_review.h"
#include "test_support.h"

namespace rapport {
namespace {

SessionRecord stored(const nlohmann::json& transcript) {
  SessionRecord r;
  r.id = "2026-12-03T09:00:00Z-questioned-advice-1";
  r.scenario = "questioned-advice";
  r.finished = "2026-12-03T09:00:00Z";
  r.mode = "text";
  r.outcome = "breakthrough";
  r.ending_title = "Dana owns the plan";
  r.score = 88;
  r.transcript = transcript;
  r.last_words = "Bien. Send it by Friday.";
  return r;
}

TEST(SessionReview, ShowsTheStoredTranscriptExactly) {
  const Scenario s = testing::load_shipped("questioned-advice");
  auto t = nlohmann::json::array();
  t.push_back({{"client", "Why should I trust this?"},
               {"reply", "Vous doutez, et c'est normal \xE2\x80\x94 £20, 这个"},
               {"code", "complex_reflection"},
               {"typed", true}});
  t.push_back({{"client", "Hm."}, {"reply", "You signed up to it."}, {"code", "confront"}, {"typed", false}});
  SessionReview r = review_session(stored(t), &s);
  EXPECT_EQ(r.title, s.title);
  EXPECT_EQ(r.client, s.client.name);
  EXPECT_EQ(r.date, "2026-12-03");
  EXPECT_EQ(r.score, 88);
  EXPECT_TRUE(r.typed);
  ASSERT_EQ(r.turns.size(), 2u);
  EXPECT_EQ(r.turns[0].reply, "Vous doutez, et c'est normal \xE2\x80\x94 £20, 这个");
  EXPECT_EQ(r.turns[0].code_label, code_label(MiCode::ComplexReflection));
  EXPECT_TRUE(r.turns[0].consistent);
  EXPECT_TRUE(r.turns[1].inconsistent);
  EXPECT_EQ(r.last_words, "Bien. Send it by Friday.");
  EXPECT_EQ(r.note, "");
}

// A reviewer's "Have you tried...?" read "closed question · heard as advice" in the chat and only
// "closed question" in the turn-by-turn review: every screen shows the chat's chip.
TEST(SessionReview, ShowsTheChipTheConversationShowed) {
  const Scenario s = testing::load_shipped("questioned-advice");
  auto t = nlohmann::json::array();
  t.push_back({{"client", "My team has tried everything to speed up dispatch."},
               {"reply", "Have you tried moving the packing station closer to the loading bay?"},
               {"code", "closed_question"},
               {"typed", true}});
  t.push_back({{"client", "Hm."},
               {"reply", "So the rota is what worries you."},
               {"code", "simple_reflection"},
               {"typed", true},
               {"self_coded", true}});
  SessionReview r = review_session(stored(t), &s);
  ASSERT_EQ(r.turns.size(), 2u);
  EXPECT_TRUE(r.turns[0].heard_as_advice);
  EXPECT_EQ(r.turns[0].code_label, code_chip_text(MiCode::ClosedQuestion, false, false, true));
  EXPECT_NE(r.turns[0].code_label.find("heard as advice"), std::string::npos) << r.turns[0].code_label;
  EXPECT_NE(r.turns[1].code_label.find("(your choice)"), std::string::npos) << r.turns[1].code_label;
}

// Reviewer O read "typed" on a session where half the replies were chosen.
TEST(SessionReview, SaysHowManyRepliesWereTyped) {
  auto t = nlohmann::json::array();
  t.push_back({{"client", "Hm."}, {"reply", "So it worries you."}, {"code", "simple_reflection"}, {"typed", true}});
  t.push_back({{"client", "Hm."}, {"reply", "You signed up to it."}, {"code", "confront"}, {"typed", false}});
  t.push_back({{"client", "Hm."}, {"reply", "What matters most?"}, {"code", "open_question"}, {"typed", false}});
  EXPECT_EQ(review_session(stored(t), nullptr).replies, "1 of 3 typed");
  for (auto& turn : t) turn["typed"] = true;
  EXPECT_EQ(replies_given(stored(t)), "typed");
  EXPECT_EQ(review_session(stored(t), nullptr).replies, "typed replies");
  EXPECT_EQ(replies_given(stored(nullptr)), "some typed") << "no transcript: at least one reply was typed";
  SessionRecord chosen = stored(t);
  chosen.mode = "choice";
  EXPECT_EQ(replies_given(chosen), "chosen");
}

TEST(SessionReview, SaysWhyThereIsNoTranscript) {
  SessionReview r = review_session(stored(nullptr), nullptr);
  EXPECT_EQ(r.title, "questioned-advice") << "a scenario no longer in the library is named by its id";
  EXPECT_TRUE(r.turns.empty());
  EXPECT_NE(r.note.find("not kept"), std::string::npos) << r.note;
  EXPECT_EQ(r.score, 88);
}

TEST(SessionReview, WrongTypedTurnsAreSkippedAndCounted) {
  auto t = nlohmann::json::array({42, {{"reply", 7}}, {{"reply", "Fine."}, {"code", "no_such_code"}, {"client", 3}}});
  SessionReview r = review_session(stored(t), nullptr);
  ASSERT_EQ(r.turns.size(), 1u);
  EXPECT_EQ(r.turns[0].reply, "Fine.");
  EXPECT_EQ(r.turns[0].code_label, "") << "an unknown code shows no chip";
  EXPECT_EQ(r.turns[0].client, "");
  EXPECT_NE(r.note.find("2 turns"), std::string::npos) << r.note;
  EXPECT_NE(review_session(stored("text"), nullptr).note.find("could not be read"), std::string::npos);
}

}  // namespace
}  // namespace rapport
