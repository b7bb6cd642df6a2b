// The conversation screen as a learner meets it, drawn with Dear ImGui's null backend: an unsent
// typed reply kept across a reload, a monologue's chip, and the client's last line kept in view.
#include "coaching.h"
#include "reply_coder.h"
#include "session.h"
#include "ui_test.h"

#include <nlohmann/json.hpp>

namespace rapport::ui {
namespace {

class Conversation : public testing::UiTest {
 protected:
  void SetUp() override { start(1280, 800, 1.0f); }
};

// Both reviewers typed a reply, reloaded before sending it and found an empty box in "Choose a
// reply" mode. A draft that has stood changed for kReplyDraftSaveSeconds goes into the unfinished
// save; a reload (a new app over the same store) resumes with it, exactly, in the text box.
TEST_F(Conversation, AnUnsentTypedReplyComesBackAfterAReload) {
  to_conversation();
  click("reply:1");
  click("mode:text");
  const std::string typed =
      "So the caf\xC3\xA9 pays \xC2\xA3"
      "20 \xE2\x80\x98on trust\xE2\x80\x99 \xF0\x9F\x98\x8A";
  app_->reply_draft() = typed;
  app_->tick(100.0);
  EXPECT_FALSE(app_->progress().unfinished->contains("draft")) << "saved before it stood a second";
  app_->tick(100.0 + kReplyDraftSaveSeconds);
  ASSERT_TRUE(app_->progress().unfinished->contains("draft"));
  const size_t turns = app_->dialogue()->transcript().size();
  start(1280, 800, 1.0f, &store_);  // the page reloaded
  frames(2);
  click("button:Continue");
  ASSERT_EQ(app_->screen(), Screen::Conversation);
  EXPECT_EQ(app_->dialogue()->transcript().size(), turns);
  EXPECT_EQ(app_->reply_mode(), ReplyMode::Text);
  EXPECT_EQ(app_->reply_draft(), typed);
  // Sent, it leaves the save: a second reload has no draft to give back.
  click("input:reply");
  press(ImGuiKey_Enter);
  EXPECT_EQ(app_->dialogue()->transcript().size(), turns + 1);
  EXPECT_FALSE(app_->progress().unfinished->contains("draft"));
  EXPECT_EQ(app_->dialogue()->transcript().back().reply, typed);
}

// A 93-word reflection is coded a reflection, but the client heard a monologue: the chip said
// "complex reflection" in green beside "the client lost the thread". It now says "too long" first,
// in the fair colour.
TEST_F(Conversation, AMonologueIsNotShownAsAGoodReply) {
  to_conversation();
  click("mode:text");
  click("input:reply");
  ImGuiIO& io = ImGui::GetIO();
  io.AddInputCharactersUTF8(
      "So what you are telling me is that the depot plan worries you because Leeds already misses its dispatch "
      "window on a normal week, and adding the Wakefield volume on top of that feels like asking a team that is "
      "already stretched to carry twice the load, and you have been here before with promises that the extra shifts "
      "would sort it out, and they did not, so now you have to explain to the board why deliveries are late again, "
      "and that is a lot to carry on your own this quarter");
  frame();
  press(ImGuiKey_Enter);
  ASSERT_EQ(app_->dialogue()->transcript().size(), 1u);
  EXPECT_EQ(app_->dialogue()->transcript()[0].code, MiCode::ComplexReflection);
  const HitItem* chip = find("code:last");
  ASSERT_NE(chip, nullptr);
  EXPECT_EQ(chip->text, "too long \xC2\xB7 complex reflection");
  EXPECT_EQ(code_chip_color(MiCode::ComplexReflection, true), theme().colors.fair);
  EXPECT_NE(code_chip_color(MiCode::ComplexReflection, false), theme().colors.fair);
}

// Three reviewers met "Have you tried...?" chipped "closed question" beside a note that called it
// advice: the chip now says both, in the fair colour.
TEST_F(Conversation, AQuestionThatSuggestsAFixIsShownAsHeardAsAdvice) {
  to_conversation();
  click("mode:text");
  click("input:reply");
  ImGui::GetIO().AddInputCharactersUTF8("Have you tried running dispatch for Wakefield from Leeds at night?");
  frame();
  press(ImGuiKey_Enter);
  ASSERT_EQ(app_->dialogue()->transcript().size(), 1u);
  ASSERT_EQ(code_class(app_->dialogue()->transcript()[0].code), MiClass::Question);
  const HitItem* chip = find("code:last");
  ASSERT_NE(chip, nullptr);
  EXPECT_EQ(chip->text, std::string(code_label(app_->dialogue()->transcript()[0].code)) + " \xC2\xB7 heard as advice");
  EXPECT_EQ(code_chip_color(MiCode::ClosedQuestion, false, true), theme().colors.fair);
  // A question that explores is shown as it is.
  EXPECT_FALSE(heard_as_advice(true, MiCode::ClosedQuestion, "Have you tried anything else?", ""));
}

// A reviewer switched from "Type your own" to "Choose a reply": the taller reply panel covered the
// end of the client's last line, the one the choice answers. Switching mode scrolls it back in view.
TEST_F(Conversation, SwitchingReplyModeKeepsTheClientsLastLineInView) {
  start(390, 844, 1.0f);
  to_conversation();
  for (int i = 0; i < 3; ++i) click("reply:1");
  click("mode:text");
  frames(3);
  click("mode:choice");
  frames(3);
  const HitItem* line = find("client:last");
  const HitItem* pill = find("mode:choice");
  ASSERT_NE(line, nullptr);
  ASSERT_NE(pill, nullptr);
  EXPECT_LE(line->max.y, pill->min.y) << "the client's last line ends under the reply panel";
}

// The trust meter keeps its word: at the largest text on a phone the header had room for the
// number and the bar, not for "Trust", and "58" alone told a new learner nothing. There the bar
// gives way and the words stay; at the default size and on a laptop both are shown.
TEST_F(Conversation, TheTrustMeterAlwaysSaysTrust) {
  for (const auto& [w, h, scale] :
       {std::tuple{390.f, 844.f, 1.4f}, std::tuple{390.f, 844.f, 1.0f}, std::tuple{1280.f, 800.f, 1.4f}}) {
    start(w, h, scale);
    to_conversation();
    click("reply:1");  // a change ("+8") beside the meter takes its share of the room
    frames(3);
    ASSERT_NE(find("trust:change"), nullptr);
    const HitItem* label = find("trust:label");
    ASSERT_NE(label, nullptr) << w << " at " << scale;
    EXPECT_EQ(label->text.rfind("Trust ", 0), 0u) << "\"" << label->text << "\" at " << w << "x" << h << ", " << scale;
    EXPECT_LE(label->max.x, find("button:Reference")->min.x) << "the meter runs into Reference";
  }
}

// The client's name stays in the top bar at every size: at the largest text on a phone it had
// no room beside the meter and was dropped (reviewer O, L6); now it sits above the meter.
TEST_F(Conversation, TheTopBarKeepsTheClientsName) {
  for (const auto& [w, h, scale] :
       {std::tuple{390.f, 844.f, 1.4f}, std::tuple{390.f, 844.f, 1.0f}, std::tuple{1280.f, 800.f, 1.4f}}) {
    start(w, h, scale);
    to_conversation();
    click("reply:1");
    frames(3);
    const std::string name = app_->current()->client.name;
    const HitItem* title = find("top:title");
    ASSERT_NE(title, nullptr) << w << "x" << h << " at " << scale;
    EXPECT_NE(title->text.find(name.substr(0, name.find(' '))), std::string::npos) << title->text;
    const HitItem* label = find("trust:label");
    ASSERT_NE(label, nullptr);
    const bool apart = title->drawn_max.x <= label->min.x || title->drawn_max.y <= label->min.y;
    EXPECT_TRUE(apart) << "the name runs into the meter at " << w << "x" << h << ", " << scale;
    EXPECT_LE(label->max.y, find("button:Reference")->max.y + 8) << "the meter drops out of the bar";
  }
}

// A scenario left half-way says so on its library card: it read "Not played yet" beside a
// "Continue where you left off" button for the same conversation.
TEST_F(Conversation, ALibraryCardShowsAConversationInProgress) {
  start(1280, 800, 1.0f);
  frames(2);
  ASSERT_NE(find("card:questioned-advice:best"), nullptr);
  EXPECT_EQ(find("card:questioned-advice:best")->text, "Not played yet");
  to_conversation();
  click("reply:1");
  ASSERT_EQ(app_->progress().unfinished_scenario(), "questioned-advice");
  app_->open_home();
  frames(3);
  ASSERT_NE(find("button:Continue"), nullptr);
  ASSERT_NE(find("card:questioned-advice:best"), nullptr);
  EXPECT_EQ(find("card:questioned-advice:best")->text, "In progress");
}

// A keyboard user lands on the content: Enter on a new turn chose "Library" (the first control
// of the screen, in the top bar) and left the conversation; now it chooses the first reply, opens
// the results, and there the first of the results' buttons.
TEST_F(Conversation, AKeyboardUserLandsOnTheRepliesAndTheResults) {
  start(1280, 800, 1.0f);
  frames(2);
  for (int i = 0; i < 4; ++i) press(ImGuiKey_Tab);  // Progress, Reference, Settings, the card
  press(ImGuiKey_Enter);
  ASSERT_EQ(app_->screen(), Screen::Prepare);
  for (int i = 0; i < 4; ++i) {
    press(ImGuiKey_1);
    press(ImGuiKey_Enter);
  }
  ASSERT_EQ(app_->screen(), Screen::Conversation);
  for (size_t turn = 0; turn < 20 && app_->dialogue()->phase() != Phase::Ended; ++turn) {
    ASSERT_EQ(app_->dialogue()->transcript().size(), turn);
    press(ImGuiKey_Enter);
    ASSERT_EQ(app_->screen(), Screen::Conversation) << "Enter left the conversation at turn " << turn + 1;
  }
  ASSERT_EQ(app_->dialogue()->phase(), Phase::Ended);
  press(ImGuiKey_Enter);
  ASSERT_EQ(app_->screen(), Screen::End);
  press(ImGuiKey_Enter);
  EXPECT_EQ(app_->screen(), Screen::FollowUp) << "Enter on the results acted on something else";
}

// Typed conversations ended after seven to nine replies with no warning (reviewer U): the last
// exchange says so under the client's line, and only the last.
TEST_F(Conversation, TheLastExchangeIsAnnounced) {
  to_conversation();
  const Scenario& s = app_->dialogue()->scenario();
  int announced = 0;
  for (size_t turn = 0; turn < 20 && app_->dialogue()->phase() != Phase::Ended; ++turn) {
    frames(2);
    const bool last = s.last_exchange(*app_->dialogue()->node());
    const HitItem* notice = find("notice:closing");
    EXPECT_EQ(notice != nullptr, last) << "turn " << turn + 1 << " at " << app_->dialogue()->node()->id;
    if (notice) {
      ++announced;
      EXPECT_NE(notice->text.find("closes after what you say next"), std::string::npos) << notice->text;
    }
    click("reply:1");
  }
  EXPECT_EQ(announced, 1);
  EXPECT_EQ(find("notice:closing"), nullptr) << "still shown after the end";
}

// "Which did you mean?" fits above the bottom of a phone at the largest text: its third answer,
// "Edit my reply", was cut in half (33 of 48 px visible, reviewer).
TEST_F(Conversation, TheWhichPromptFitsOnAPhoneAtTheLargestText) {
  start(390, 844, 1.4f);
  to_conversation();
  app_->set_reply_mode(ReplyMode::Text);
  frames(3);
  const std::string context = app_->dialogue()->client_line();
  std::string unsure;
  for (const char* text : {"Okay, the budget then", "Leeds and the dispatch window", "So the depot", "Right, fine then",
                           "The board in September", "That plan again", "The quote", "Yeah, the costs"}) {
    const CodedReply c = classify_reply(text, context);
    if (should_ask_which(c, text, context, true)) {
      unsure = text;
      break;
    }
  }
  ASSERT_FALSE(unsure.empty()) << "no reply the coder is unsure about";
  app_->submit_text(unsure);
  frames(4);
  ASSERT_NE(find("which:prompt"), nullptr);
  for (const char* label : {"which:1", "which:2", "which:edit"}) {
    const HitItem* h = find(label);
    ASSERT_NE(h, nullptr) << label;
    EXPECT_EQ(h->max.y, h->drawn_max.y) << label << " is cut off at the bottom";
  }
}

}  // namespace
}  // namespace rapport::ui
