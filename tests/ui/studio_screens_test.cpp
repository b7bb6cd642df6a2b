// The authoring studio's screens with Dear ImGui's null backend: every form draws inside the
// display at phone, laptop and kiosk sizes and at the largest text size; a click on the graph
// selects a node, on a problem goes to its reply, and a play-test returns to the editor.
#include <nlohmann/json.hpp>

#include "studio.h"
#include "ui_test.h"

namespace rapport::ui {
namespace {

class StudioScreens : public testing::UiTest {
 protected:
  void SetUp() override {
    options_.author = true;
    link_studio();
  }
  void TearDown() override {
    link_studio(false);
    UiTest::TearDown();
  }
};

// The learners' wasm leaves the studio out: ?author=1 there opens the library, and "Open the
// authoring studio" asks the platform for the studio's page (rapport-studio.wasm) instead.
TEST_F(StudioScreens, ABuildWithoutTheStudioAsksForItsPage) {
  link_studio(false);
  start(1280, 800, 1.0f);
  EXPECT_EQ(app_->screen(), Screen::Home);
  EXPECT_EQ(studio_pages_, 0);
  app_->open_studio();
  EXPECT_EQ(studio_pages_, 1);
  EXPECT_EQ(app_->screen(), Screen::Home);
  EXPECT_EQ(app_->studio(), nullptr);
  link_studio();
  app_->open_studio();
  EXPECT_EQ(studio_pages_, 1);
  EXPECT_EQ(app_->screen(), Screen::Studio);
}

TEST_F(StudioScreens, EveryFormShowsItsControlsAtEverySize) {
  using authoring::Selection;
  for (auto [w, h, s] : {std::tuple{390.f * 3, 844.f * 3, 3.0f}, std::tuple{1280.f, 800.f, 1.0f},
                         std::tuple{1920.f, 1080.f, 1.0f}, std::tuple{1280.f, 800.f, 1.4f}}) {
    const std::string size = std::to_string(static_cast<int>(w)) + "x" + std::to_string(static_cast<int>(h));
    start(w, h, s);
    ASSERT_EQ(app_->screen(), Screen::Studio) << "?author=1 opens the studio";
    click("button:New scenario");
    ASSERT_TRUE(app_->studio()->editing());
    for (const char* tool : {"button:Drafts", "button:Undo", "button:Play-test", "button:Ship", "graph:node:start"})
      EXPECT_NE(find(tool), nullptr) << tool << " at " << size;
    // Two columns (graph and problems beside the form) where the text leaves room for them; the
    // form is then in view from its top. One column otherwise: the form follows the problems.
    const bool beside = w / s >= 900 + 48;
    if (!beside) continue;
    app_->studio()->apply(authoring::edit::AddReply{"start", "What happened?", MiCode::OpenQuestion, ""});
    app_->studio()->apply(authoring::edit::AddEnding{"done", "partial", "Later"});
    for (const auto& [sel, control] : std::vector<std::pair<Selection, std::string>>{
             {Selection{}, "field:studio:/title"},
             {Selection{Selection::Kind::Node, "start", -1}, "node:stage"},
             {Selection{Selection::Kind::Node, "start", 0}, "reply:code"},
             {Selection{Selection::Kind::Ending, "done", -1}, "ending:kind"},
             {Selection{Selection::Kind::Prep, "", -1}, "button:Add step"},
             {Selection{Selection::Kind::Points, "", -1}, "button:Add point"},
             {Selection{Selection::Kind::Ship, "", -1}, "button:Export JSON"}}) {
      app_->studio()->select(sel);
      frames(3);
      EXPECT_NE(find(control), nullptr) << control << " at " << size;
    }
  }
}

TEST_F(StudioScreens, TheGraphSelectsAProblemGoesToItsReplyAndAPlayTestComesBack) {
  start(1920, 1080, 1.0f);
  authoring::Studio& s = *app_->studio();
  ASSERT_TRUE(s.import_file("questioned-advice.json",
                            testing::read_text(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/questioned-advice.json")));
  ASSERT_TRUE(s.apply(authoring::edit::Relink{"open", 1, "nowhere"}));
  frames(2);
  click("graph:node:concern");
  EXPECT_EQ(s.selection(), (authoring::Selection{authoring::Selection::Kind::Node, "concern", -1}));
  // The link to nowhere is listed; a click on it opens the reply that has it.
  const auto& problems = s.problems();
  size_t nowhere = problems.size();
  for (size_t i = 0; i < problems.size(); ++i)
    if (problems[i].message.find("nowhere") != std::string::npos) nowhere = i;
  ASSERT_LT(nowhere, problems.size());
  ASSERT_LT(nowhere, 6u) << "shown among the first six";
  click("problem:" + std::to_string(nowhere + 1));
  EXPECT_EQ(s.selection(), (authoring::Selection{authoring::Selection::Kind::Node, "open", 1}));
  // A draft that does not load cannot be played: a notice says why, the editor stays.
  click("button:Play-test");
  EXPECT_EQ(app_->screen(), Screen::Studio);
  EXPECT_FALSE(app_->notices().empty());
}

// An ending's example-email paragraphs (email_opening, email_next) are edited in its form, with
// the scenario's own text in them.
TEST_F(StudioScreens, AnEndingsFormHoldsItsExampleEmailParagraphs) {
  start(1920, 1080, 1.0f);
  authoring::Studio& s = *app_->studio();
  const std::string text = testing::read_text(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/questioned-advice.json");
  ASSERT_TRUE(s.import_file("questioned-advice.json", text));
  const nlohmann::json doc = nlohmann::json::parse(text);
  const auto& endings = doc.at("endings");
  ASSERT_FALSE(endings.empty());
  for (size_t e = 0; e < endings.size(); ++e) {
    s.select(authoring::Selection{authoring::Selection::Kind::Ending, endings[e].at("id").get<std::string>(), -1});
    frames(3);
    for (const char* key : {"email_opening", "email_next"}) {
      const std::string label = "field:studio:/endings/" + std::to_string(e) + "/" + key;
      const auto* field = find(label);
      ASSERT_NE(field, nullptr) << label;
      EXPECT_EQ(field->text, endings[e].at(key).get<std::string>()) << label;
    }
  }
}

// A phone at the largest text size: a form's row of buttons wraps rather than running off the
// screen ("<- Scenario and client" after "Delete ending" was cut off at the right edge).
TEST_F(StudioScreens, AFormsButtonsStayOnAPhoneAtTheLargestText) {
  const float width = 390.f * 3;
  start(width, 844.f * 3, 3.0f * 1.4f);
  click("button:New scenario");
  app_->studio()->apply(authoring::edit::AddEnding{"done", "partial", "Later"});
  app_->studio()->select(authoring::Selection{authoring::Selection::Kind::Ending, "done", -1});
  frames(3);
  // The form follows the graph and the problems on a phone: wheel down to its end.
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(width / 2, 844.f * 3 / 2);
  for (int i = 0; i < 80 && !find("button:Delete ending"); ++i) {
    io.AddMouseWheelEvent(0, -5);
    frames(2);
  }
  frames(3);
  for (const char* label : {"button:Delete ending", "button:Scenario"}) {
    const auto* button = find(label);
    ASSERT_NE(button, nullptr) << label;
    EXPECT_LE(button->drawn_max.x, width) << label << " runs off the screen";
  }
}

// "Back to editor" in the middle of a play-test, from the top bar of the conversation screen that
// is being drawn: the session and its scenario are let go only once the frame is drawn (the
// screen still reads them after the button). Freed mid-frame they were read after their end and
// the browser's studio test stopped drawing now and then. Caught by ci/sanitize.sh's ASan build.
TEST_F(StudioScreens, BackToTheEditorInTheMiddleOfAPlayTestComesBackAtTheNodeReached) {
  start(1280, 800, 1.0f);
  authoring::Studio& s = *app_->studio();
  ASSERT_TRUE(s.import_file("questioned-advice.json",
                            testing::read_text(std::string(RAPPORT_SOURCE_DIR) + "/scenarios/questioned-advice.json")));
  s.select(authoring::Selection{authoring::Selection::Kind::Node, "open", -1});
  frames(2);
  click("button:Play from here");
  ASSERT_EQ(app_->screen(), Screen::Conversation);
  ASSERT_TRUE(app_->playtesting());
  click("reply:1");
  frames(10);
  ASSERT_NE(app_->dialogue(), nullptr);
  ASSERT_NE(app_->dialogue()->node(), nullptr) << "the play-test goes on after one reply";
  const std::string reached = app_->dialogue()->node()->id;
  ASSERT_NE(reached, "open");
  click("button:Back to editor");
  EXPECT_EQ(app_->screen(), Screen::Studio);
  EXPECT_FALSE(app_->playtesting());
  EXPECT_EQ(s.selection(), (authoring::Selection{authoring::Selection::Kind::Node, reached, -1}));
}

}  // namespace
}  // namespace rapport::ui
