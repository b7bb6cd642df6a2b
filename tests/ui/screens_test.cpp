// Draws every screen with Dear ImGui's null backend (no window, no GPU) and plays a scenario by
// clicking widgets found in the hit table, as a browser user would.
#include <nlohmann/json.hpp>

#include "pacing.h"
#include "ui_test.h"

namespace rapport::ui {
namespace {

class Screens : public testing::UiTest {
 protected:
  void SetUp() override { start(1280, 800, 1.0f); }

  /// questioned-advice opened and prepared with each step's first option: its first node.
  void prepare_questioned_advice() {
    click("scenario:questioned-advice");
    for (int i = 0; i < 4; ++i) {
      click("prep:1");
      click("button:Continue");
    }
  }

  void play_breakthrough() {
    click("scenario:questioned-advice");
    ASSERT_EQ(app_->screen(), Screen::Prepare);
    for (int i = 0; i < 4; ++i) {
      click("prep:1");
      click("button:Continue");
    }
    ASSERT_EQ(app_->screen(), Screen::Conversation);
    for (int choice : {1, 1, 1, 2, 1, 1, 1, 1}) click("reply:" + std::to_string(choice));
    // The client has the last word on the conversation screen; the results open on request.
    ASSERT_EQ(app_->screen(), Screen::Conversation);
    ASSERT_EQ(app_->dialogue()->phase(), Phase::Ended);
    EXPECT_EQ(find("reply:1"), nullptr);
    ASSERT_NE(find("client:final"), nullptr);
    EXPECT_EQ(find("client:final")->text, app_->dialogue()->client_line());
    EXPECT_NE(find("client:final")->text.find(app_->dialogue()->ending()->client_says), std::string::npos);
    click("button:Results");
  }
};

TEST_F(Screens, PlaysToTheEndByClicking) {
  frames(3);
  ASSERT_NE(find("scenario:questioned-advice"), nullptr);
  play_breakthrough();
  ASSERT_EQ(app_->screen(), Screen::End);
  const HitItem* outcome = find("outcome");
  ASSERT_NE(outcome, nullptr);
  EXPECT_EQ(outcome->text, "Dana owns the plan");
  ASSERT_TRUE(app_->score().has_value());
  EXPECT_EQ(find("score")->text, std::to_string(app_->score()->total));
  EXPECT_EQ(app_->progress().sessions_completed(), 1);
  ASSERT_TRUE(store_.read(kProgressKey).has_value());
  // The client's last words are in the stored history, as shown after the last reply.
  auto stored = nlohmann::json::parse(*store_.read(kProgressKey));
  ASSERT_TRUE(app_->dialogue() != nullptr);
  EXPECT_EQ(stored["sessions"][0].value("last_words", ""), app_->dialogue()->client_line());
  EXPECT_NE(stored["sessions"][0].value("last_words", "").find(app_->dialogue()->ending()->client_says),
            std::string::npos);
  EXPECT_FALSE(announced_.empty());
  click("button:Back to library");
  EXPECT_EQ(app_->screen(), Screen::Home);
  EXPECT_NE(find("progress")->text.find("1 session completed"), std::string::npos);
}

TEST_F(Screens, LibraryDrawnFromCardsThenCompletedPlaysNormally) {
  cards_only_ = true;
  start(1280, 800, 1.0f);
  frames(2);
  const HitItem* card = find("scenario:questioned-advice");
  ASSERT_NE(card, nullptr);
  const std::string card_text = card->text;
  ASSERT_TRUE(app_->scenarios().front().nodes.empty());
  std::string path = std::string(RAPPORT_SOURCE_DIR) + "/scenarios/questioned-advice.json";
  LoadResult full = load_scenario(testing::read_text(path), path);
  ASSERT_TRUE(full.ok());
  app_->complete_library({*full.scenario}, {"later.json: /nodes/0: broken on purpose"});
  frames(2);
  ASSERT_NE(find("scenario:questioned-advice"), nullptr);
  EXPECT_EQ(find("scenario:questioned-advice")->text, card_text) << "the card looks the same before and after";
  EXPECT_NE(find("error:1"), nullptr) << "a file that failed the full load is shown";
  ASSERT_FALSE(app_->scenarios().front().nodes.empty());
  play_breakthrough();
  EXPECT_EQ(app_->screen(), Screen::End);
}

TEST_F(Screens, NumberKeysChooseReplies) {
  click("scenario:questioned-advice");
  for (int i = 0; i < 4; ++i) {
    click("prep:1");
    click("button:Continue");
  }
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiKey_3, true);
  frame();
  io.AddKeyEvent(ImGuiKey_3, false);
  frames(2);
  ASSERT_EQ(app_->dialogue()->transcript().size(), 1u);
  EXPECT_EQ(app_->dialogue()->transcript()[0].code, MiCode::Persuade);
}

void expect_inside_display(float w, const std::string& where) {
  for (const auto& hit : hit_items()) {
    EXPECT_GE(hit.drawn_min.x, -0.5f) << hit.label << " on the " << where << " at width " << w;
    EXPECT_LE(hit.drawn_max.x, w + 0.5f) << hit.label << " on the " << where << " at width " << w;
  }
}

TEST_F(Screens, EveryScreenDrawsAtPhoneAndKioskSizes) {
  for (auto [w, h, s] :
       {std::tuple{390.f * 3, 844.f * 3, 3.0f}, std::tuple{1920.f, 1080.f, 1.0f}, std::tuple{800.f, 600.f, 1.0f}}) {
    start(w, h, s);
    frames(2);
    // Every visible widget lies wholly inside the display (its whole rectangle, not only the part
    // inside the clip rectangle, which is all a click can reach).
    expect_inside_display(w, "library");
    play_breakthrough();
    EXPECT_EQ(app_->screen(), Screen::End) << w << "x" << h;
    frames(2);
    // The results' actions wrap onto a second row rather than run off a narrow screen.
    for (const char* action : {"button:Follow-up", "button:Roadmap", "button:Try again", "button:Back to library"})
      EXPECT_NE(find(action), nullptr) << action << " at " << w << "x" << h;
    expect_inside_display(w, "results");
  }
}

// Arrow keys move the keyboard focus between widgets; the top bar never moves with them.
TEST_F(Screens, ArrowKeysMoveFocusAndTheTopBarStays) {
  click("scenario:questioned-advice");
  for (int i = 0; i < 4; ++i) {
    click("prep:1");
    click("button:Continue");
  }
  for (int choice : {1, 1, 1}) click("reply:" + std::to_string(choice));
  const HitItem* bar = find("button:Library");
  ASSERT_NE(bar, nullptr);
  const ImVec2 at = bar->min;
  ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < 12; ++i) {
    io.AddKeyEvent(ImGuiKey_DownArrow, true);
    frame();
    io.AddKeyEvent(ImGuiKey_DownArrow, false);
    frames(2);
    ASSERT_NE(find("button:Library"), nullptr) << "after " << i + 1 << " presses";
    EXPECT_EQ(find("button:Library")->min.y, at.y) << "after " << i + 1 << " presses";
  }
  EXPECT_TRUE(io.NavActive && io.NavVisible) << "the keys moved the focus";
  EXPECT_EQ(app_->screen(), Screen::Conversation);
}

TEST_F(Screens, TheTrustBarShowsItsNumberAndTheLastChange) {
  click("scenario:questioned-advice");
  for (int i = 0; i < 4; ++i) {
    click("prep:1");
    click("button:Continue");
  }
  EXPECT_EQ(find("trust:change"), nullptr) << "no change before the first reply";
  click("reply:1");
  frames(30);  // let the bar settle
  const int change = app_->dialogue()->last_trust_change();
  ASSERT_NE(change, 0);
  ASSERT_NE(find("trust:change"), nullptr);
  EXPECT_EQ(find("trust:change")->text, (change > 0 ? "+" : "") + std::to_string(change));
  EXPECT_EQ(find("meter:trust")->text, std::to_string(app_->dialogue()->value("trust")));
}

// Reviewer O: only the newest reply kept its coach's note; the earlier ones vanished from the chat.
TEST_F(Screens, EveryReplyKeepsItsCoachsNote) {
  prepare_questioned_advice();
  click("reply:1");
  click("reply:1");
  frames(30);
  const auto& turns = app_->dialogue()->transcript();
  ASSERT_EQ(turns.size(), 2u);
  ASSERT_FALSE(turns[0].tip.empty());
  const HitItem* first = find("coach:turn:1");
  ASSERT_NE(first, nullptr) << "the first reply's note is still in the chat";
  EXPECT_NE(first->text.find(turns[0].tip), std::string::npos) << first->text;
  ASSERT_NE(find("coach:last"), nullptr);
  EXPECT_NE(find("coach:last")->text.find(turns[1].tip), std::string::npos) << find("coach:last")->text;
}

// Preparation moves the starting trust (questioned-advice: 35, +5 for the cost model, -5 for
// "Nothing new"); a reviewer met 50, 35, 25, 40 and 25 with no reason given. Each choice's
// feedback says what it did to trust, and the conversation opens with where trust starts.
TEST_F(Screens, PreparationSaysWhatItDidToTrust) {
  click("scenario:questioned-advice");
  click("prep:1");  // the cost model: trust +5
  click("button:Continue");
  ASSERT_NE(find("feedback:prep"), nullptr);
  EXPECT_TRUE(find("feedback:prep")->text.ends_with(" Trust +5.")) << find("feedback:prep")->text;
  click("prep:2");  // "she hasn't followed the analysis": tension only
  click("button:Continue");
  ASSERT_NE(find("feedback:prep"), nullptr);
  EXPECT_EQ(find("feedback:prep")->text.find("Trust"), std::string::npos) << find("feedback:prep")->text;
  // ...and says so: the learner sees tension nowhere else.
  EXPECT_TRUE(find("feedback:prep")->text.ends_with(" Dana starts more on edge.")) << find("feedback:prep")->text;
  click("prep:1");
  click("button:Continue");
  click("prep:3");  // answer by email tonight: trust -5
  click("button:Continue");
  ASSERT_EQ(app_->screen(), Screen::Conversation);
  ASSERT_NE(find("feedback:prep"), nullptr);
  EXPECT_TRUE(find("feedback:prep")
                  ->text.ends_with(" Trust \xE2\x88\x92"
                                   "5."))
      << find("feedback:prep")->text;
  ASSERT_EQ(app_->dialogue()->value("trust"), 35);
  EXPECT_EQ(find("trust:start"), nullptr) << "+5 and -5: trust starts where the scenario does";
  click("button:Library");
  click("scenario:questioned-advice");
  for (const char* pick : {"prep:3", "prep:1", "prep:1", "prep:1"}) {
    click(pick);
    click("button:Continue");
  }
  ASSERT_NE(find("trust:start"), nullptr);
  EXPECT_EQ(find("trust:start")->text, "Trust starts at 30 after your preparation (35 without it).");
}

// The client "types" before each line: the dots show, the line and the replies follow after the
// pause (core/pacing.h), and Enter shows the line at once. Off under reduced motion or ?pace=off.
TEST_F(Screens, TheClientTypesBeforeEachLine) {
  options_.pace = true;
  start(1280, 800, 1.0f);
  click("scenario:questioned-advice");
  for (int i = 0; i < 4; ++i) {
    click("prep:1");
    click("button:Continue");
  }
  click("reply:1");
  ASSERT_NE(find("client:typing"), nullptr) << "a reply is not answered in an instant";
  EXPECT_EQ(find("client:last"), nullptr);
  EXPECT_EQ(find("reply:1"), nullptr) << "nothing to answer while the client types";
  ASSERT_NE(find("button:Show now"), nullptr);
  const float pause = typing_seconds(app_->dialogue()->client_line());
  frames(static_cast<int>(pause * 60) + 2);
  ASSERT_EQ(find("client:typing"), nullptr) << "the line shows after " << pause << " s";
  ASSERT_NE(find("client:last"), nullptr);
  EXPECT_EQ(find("client:last")->text, app_->dialogue()->client_line());
  ASSERT_NE(find("reply:1"), nullptr);

  click("reply:1");
  ASSERT_NE(find("client:typing"), nullptr);
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Enter, true);
  frame();
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Enter, false);
  frames(2);
  EXPECT_EQ(find("client:typing"), nullptr) << "Enter skips the pause";
  EXPECT_NE(find("client:last"), nullptr);
  EXPECT_EQ(app_->dialogue()->transcript().size(), 2u) << "and chooses nothing";
}

TEST_F(Screens, NoTypingPauseUnderReducedMotion) {
  options_.pace = true;
  options_.reduced_motion = true;
  start(1280, 800, 1.0f);
  click("scenario:questioned-advice");
  for (int i = 0; i < 4; ++i) {
    click("prep:1");
    click("button:Continue");
  }
  click("reply:1");
  EXPECT_EQ(find("client:typing"), nullptr);
  EXPECT_NE(find("client:last"), nullptr);
}

TEST_F(Screens, UnfinishedSessionResumesAfterRestart) {
  prepare_questioned_advice();
  click("reply:1");
  click("reply:1");
  // A new app over the same storage: a "continue" card brings the session back.
  start(1280, 800, 1.0f, &store_);
  frames(2);
  click("button:Continue");
  ASSERT_EQ(app_->screen(), Screen::Conversation);
  EXPECT_EQ(app_->dialogue()->transcript().size(), 2u);
  EXPECT_EQ(app_->dialogue()->node()->id, "history");
}

TEST_F(Screens, CorruptProgressShowsNoticeAndKeepsBytes) {
  MemoryProgressStore corrupt;
  corrupt.write(kProgressKey, "{not json");
  start(1280, 800, 1.0f, &corrupt);
  frames(2);
  ASSERT_FALSE(app_->notices().empty());
  EXPECT_EQ(corrupt.read(kProgressBackupKey).value_or(""), "{not json");
  EXPECT_NE(find("scenario:questioned-advice"), nullptr);
}

}  // namespace
}  // namespace rapport::ui

namespace rapport::ui {
namespace {

// The page's fields reload their text when the follow-up revision changes: it must never come
// back to a value it had, across a retry, a new session and the end of each.
TEST_F(Screens, TheFollowUpRevisionOnlyGrowsAcrossSessions) {
  auto play_out = [&] {
    for (int i = 0; i < 40 && app_->dialogue()->phase() != Phase::Ended; ++i) app_->choose_reply(0);
    ASSERT_EQ(app_->dialogue()->phase(), Phase::Ended);
    frames(2);
  };
  std::vector<int> seen{app_->followup_revision()};
  auto expect_new = [&](const char* when) {
    EXPECT_GT(app_->followup_revision(), seen.back()) << when;
    seen.push_back(app_->followup_revision());
  };
  play_breakthrough();
  expect_new("the first session ended");
  app_->retry_from(3);
  frames(3);
  play_out();
  expect_new("the retried session ended");
  app_->start_scenario(0);
  frames(2);
  expect_new("a new session began");
  for (int i = 0; i < 8 && app_->dialogue()->phase() == Phase::Prepare; ++i) {
    app_->choose_prep(0);
    app_->confirm_prep();
  }
  play_out();
  expect_new("the new session ended");
}

TEST_F(Screens, TryAgainStartsAFreshSession) {
  play_breakthrough();
  ASSERT_EQ(app_->screen(), Screen::End);
  click("button:Try again");
  EXPECT_EQ(app_->screen(), Screen::Prepare);
  EXPECT_TRUE(app_->dialogue()->transcript().empty());
  frames(3);
}

}  // namespace
}  // namespace rapport::ui

namespace rapport::ui {
namespace {

TEST_F(Screens, TypedRepliesAreCodedAndCoached) {
  click("scenario:questioned-advice");
  for (int i = 0; i < 4; ++i) {
    click("prep:1");
    click("button:Continue");
  }
  click("mode:text");
  ASSERT_EQ(app_->reply_mode(), ReplyMode::Text);
  click("input:reply");
  ImGuiIO& io = ImGui::GetIO();
  io.AddInputCharactersUTF8("What worries you most about the plan?");
  frame();
  io.AddKeyEvent(ImGuiKey_Enter, true);
  frame();
  io.AddKeyEvent(ImGuiKey_Enter, false);
  frames(3);
  ASSERT_EQ(app_->dialogue()->transcript().size(), 1u);
  const Turn& turn = app_->dialogue()->transcript()[0];
  EXPECT_TRUE(turn.typed);
  EXPECT_EQ(turn.code, MiCode::OpenQuestion);
  EXPECT_EQ(app_->dialogue()->node()->id, "concern");
  const HitItem* code = find("code:last");
  ASSERT_NE(code, nullptr);
  EXPECT_NE(code->text.find("open question"), std::string::npos);
  ASSERT_NE(find("coach:last"), nullptr);
  EXPECT_NE(find("coach:last")->text.rfind("open question", 0), 0u) << "the note does not open by repeating the chip";
  EXPECT_EQ(app_->reply_draft(), "");
}

TEST_F(Screens, RetryFromATurnInTheDebrief) {
  play_breakthrough();
  ASSERT_EQ(app_->screen(), Screen::End);
  app_->retry_from(3);
  frames(3);
  EXPECT_EQ(app_->screen(), Screen::Conversation);
  EXPECT_EQ(app_->dialogue()->transcript().size(), 3u);
  EXPECT_EQ(app_->dialogue()->node()->id, "fear");

  // The run from there is kept as a retry: the counts and the trends are of the first run.
  for (int i = 0; i < 20 && app_->dialogue()->phase() != Phase::Ended; ++i) click("reply:1");
  ASSERT_EQ(app_->dialogue()->phase(), Phase::Ended);
  ASSERT_EQ(app_->progress().sessions.size(), 2u);
  EXPECT_EQ(app_->progress().sessions[1].retry_from, 4);
  click("button:Results");
  click("button:Back to library");
  ASSERT_NE(find("progress"), nullptr);
  EXPECT_EQ(find("progress")->text.find("1 session completed  \xC2\xB7  1 retry"), 0u) << find("progress")->text;
  app_->open_screen(Screen::Progress);
  frames(3);
  ASSERT_NE(find("best:questioned-advice"), nullptr);
  EXPECT_NE(find("best:questioned-advice")->text.find(" of 1 run  \xC2\xB7  1 retry, best "), std::string::npos)
      << find("best:questioned-advice")->text;
  ASSERT_NE(find("trend:note"), nullptr);
  ASSERT_NE(find("trend:score"), nullptr);
  EXPECT_EQ(find("trend:score")->text, "Session score: " + std::to_string(app_->progress().sessions[0].score));
  ASSERT_NE(find("history:1"), nullptr);  // newest first
  EXPECT_NE(find("history:1")->text.find("retry from your reply 4"), std::string::npos) << find("history:1")->text;
  click("history:1");
  ASSERT_EQ(app_->screen(), Screen::History);
  EXPECT_EQ(app_->history_review().retry, "Retry from your reply 4");
  ASSERT_NE(find("history:score"), nullptr);
}

}  // namespace
}  // namespace rapport::ui

namespace rapport::ui {
namespace {

TEST_F(Screens, KeyboardOnlyPlaythrough) {
  frames(2);
  ImGuiIO& io = ImGui::GetIO();
  auto press = [&](ImGuiKey key) {
    io.AddKeyEvent(key, true);
    frame();
    io.AddKeyEvent(key, false);
    frames(2);
  };
  for (const char* item : {"Progress", "Reference", "Settings", "the first scenario card"}) {
    (void)item;
    press(ImGuiKey_Tab);
  }
  press(ImGuiKey_Enter);
  ASSERT_EQ(app_->screen(), Screen::Prepare);
  for (int step = 0; step < 4; ++step) {
    press(ImGuiKey_1);      // choose the first option; focus moves to Continue
    press(ImGuiKey_Enter);  // continue
  }
  ASSERT_EQ(app_->screen(), Screen::Conversation);
  for (int turn = 0; turn < 20 && app_->dialogue()->phase() == Phase::Conversation; ++turn) press(ImGuiKey_1);
  ASSERT_EQ(app_->screen(), Screen::Conversation);
  press(ImGuiKey_Enter);  // see how it went
  ASSERT_EQ(app_->screen(), Screen::End);
  EXPECT_EQ(app_->dialogue()->ending()->kind, "breakthrough");
  press(ImGuiKey_Escape);
  EXPECT_EQ(app_->screen(), Screen::Home);
  EXPECT_EQ(app_->progress().sessions_completed(), 1);
}

}  // namespace
}  // namespace rapport::ui

namespace rapport::ui {
namespace {

TEST_F(Screens, FollowUpProgressAndSettingsDraw) {
  play_breakthrough();
  ASSERT_EQ(app_->screen(), Screen::End);
  click("button:Follow-up");
  ASSERT_EQ(app_->screen(), Screen::FollowUp);
  const HitItem* coverage = find("followup:coverage");
  ASSERT_NE(coverage, nullptr);
  // Issue 16: the draft opens as a skeleton for the learner to fill, covering nothing.
  EXPECT_EQ(coverage->text, "Your email covers 0%");
  ASSERT_NE(find("field:followup"), nullptr);  // without a platform field: ImGui's own box
  EXPECT_EQ(app_->followup_draft().find("Hi Dana,"), app_->followup_draft().find('\n') + 2);
  EXPECT_NE(find("reminder:1"), nullptr) << "no name set: the checklist says to sign the email";
  // The example is shown on request, read-only, and never counts: copying the untouched draft
  // with the example on screen raises nothing and records a coverage of 0.
  EXPECT_EQ(find("field:followup-example"), nullptr);
  click("button:Show an example");
  ASSERT_NE(find("field:followup-example"), nullptr);
  EXPECT_EQ(find("field:followup-example")->text, app_->followup_example());
  EXPECT_NE(app_->followup_example().find("You said you would"), std::string::npos);
  EXPECT_EQ(app_->followup_check().coverage, 0.0);
  const int before = app_->score()->total;
  click("button:Copy email");
  EXPECT_TRUE(rescored_.empty());
  EXPECT_EQ(app_->progress().sessions.back().followup_coverage, 0.0);
  // The learner writes (here: copies the whole example into the draft): now it counts.
  app_->followup_draft() = app_->followup_example();
  app_->followup_edited();
  frames(2);
  EXPECT_EQ(app_->followup_check().coverage, 1.0);
  click("button:Hide the example");
  EXPECT_EQ(find("field:followup-example"), nullptr);
  // Copying the complete draft raises the score, and the platform (LMS, embedding page) hears it
  // once; copying again changes nothing and reports nothing.
  click("button:Copy email");
  ASSERT_EQ(rescored_.size(), 1u);
  EXPECT_EQ(app_->progress().sessions.back().followup_coverage, 1.0);
  EXPECT_GT(rescored_[0], before);
  EXPECT_EQ(rescored_[0], app_->score()->total);
  click("button:Copy email");
  EXPECT_EQ(rescored_.size(), 1u);
  app_->followup_draft() = "Hi Dana, thanks.";
  app_->followup_edited();
  frames(2);
  ASSERT_NE(find("followup:coverage"), nullptr);
  EXPECT_EQ(find("followup:coverage")->text.find("100%"), std::string::npos);
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
  frame();
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
  frames(2);
  EXPECT_EQ(app_->screen(), Screen::End);
  app_->open_screen(Screen::Progress);
  frames(3);
  ASSERT_NE(find("history:1"), nullptr);
  ASSERT_NE(find("suggest:next"), nullptr);
  // A history row opens that session's results and transcript, and Escape goes back.
  click("history:1");
  ASSERT_EQ(app_->screen(), Screen::History);
  ASSERT_NE(find("history:outcome"), nullptr);
  EXPECT_EQ(find("history:outcome")->text, app_->dialogue()->ending()->title);
  ASSERT_NE(find("history:reply:1"), nullptr);
  EXPECT_EQ(find("history:reply:1")->text, app_->dialogue()->transcript()[0].reply);
  // Each reply keeps the coach's note it had (a reviewer found the history "a thinner record").
  ASSERT_FALSE(app_->dialogue()->transcript()[0].tip.empty());
  ASSERT_NE(find("history:coach:1"), nullptr);
  EXPECT_NE(find("history:coach:1")->text.find(app_->dialogue()->transcript()[0].tip), std::string::npos);
  EXPECT_EQ(app_->history_review().last_words, app_->dialogue()->client_line());
  EXPECT_EQ(app_->history_review().turns.size(), app_->dialogue()->transcript().size());
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, true);
  frame();
  ImGui::GetIO().AddKeyEvent(ImGuiKey_Escape, false);
  frames(2);
  EXPECT_EQ(app_->screen(), Screen::Progress);
  app_->open_settings(true);
  frames(3);
  const int restyles = restyles_;
  click("theme:dark");
  EXPECT_EQ(app_->settings().theme, "dark");
  EXPECT_EQ(restyles_, restyles + 1) << "one frame re-applies the theme";
  click("button:Done");
  EXPECT_FALSE(app_->settings_open());
}

// Issue 16: the name set once in Settings signs the skeleton and the example; a draft still
// holding the placeholder is signed when the name is set later; the name is kept across a reload.
TEST_F(Screens, SettingsNameSignsTheFollowUpEmail) {
  play_breakthrough();
  click("button:Follow-up");
  ASSERT_NE(app_->followup_draft().find("[your name]"), std::string::npos);
  app_->open_settings(true);
  frames(3);
  ASSERT_NE(find("field:name"), nullptr);
  const std::string name = "Zo\xC3\xAB \xE6\x9D\x8E";
  app_->name_draft() = name;
  app_->name_edited();
  click("button:Done");
  EXPECT_EQ(app_->settings().learner_name, name);
  EXPECT_NE(app_->followup_draft().find("Best regards,\n" + name + "\n"), std::string::npos) << app_->followup_draft();
  EXPECT_NE(app_->followup_example().find("\n" + name + "\n"), std::string::npos);
  EXPECT_EQ(find("reminder:1"), nullptr);
  auto stored = nlohmann::json::parse(*store_.read(kProgressKey));
  EXPECT_EQ(stored["settings"]["learner_name"], name);
  start(1280, 800, 1.0f);  // a new visit reads the name back
  EXPECT_EQ(app_->settings().learner_name, name);
  EXPECT_EQ(app_->name_draft(), name);
}

}  // namespace
}  // namespace rapport::ui

namespace rapport::ui {
namespace {

class RuntimeScenarios : public testing::UiTest {
 protected:
  void SetUp() override { start(1280, 800, 1.0f); }
};

// Issue 15, bug 7: a scenario an author loads at run time skipped lint, so a graph with a node no
// path reaches (or a dead end) was added to the library.
TEST_F(RuntimeScenarios, AreLintedLikeTheLibrary) {
  nlohmann::json doc =
      nlohmann::json::parse(testing::read_text(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/questioned-advice.json"));
  doc["id"] = "authored";
  nlohmann::json orphan = doc["nodes"][1];
  orphan["id"] = "orphan";
  doc["nodes"].push_back(orphan);
  const size_t before = app_->scenarios().size();
  EXPECT_FALSE(app_->add_scenario_text("authored.json", doc.dump()));
  EXPECT_EQ(app_->scenarios().size(), before);
  ASSERT_FALSE(app_->load_errors().empty());
  EXPECT_NE(app_->load_errors().back().find("authored.json: /nodes/"), std::string::npos) << app_->load_errors().back();
  EXPECT_NE(app_->load_errors().back().find("cannot be reached"), std::string::npos) << app_->load_errors().back();
  doc["nodes"].erase(doc["nodes"].size() - 1);
  EXPECT_TRUE(app_->add_scenario_text("authored.json", doc.dump()));
  EXPECT_EQ(app_->scenarios().size(), before + 1);
}

}  // namespace
}  // namespace rapport::ui
