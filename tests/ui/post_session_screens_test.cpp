// The screens after a session, drawn with Dear ImGui's null backend: the roadmap (conversation
// map and stage ratings) and the reference sheet, at laptop and phone sizes.
#include "ui_test.h"

namespace rapport::ui {
namespace {

class PostSession : public testing::UiTest {
 protected:
  void start(float w, float h, float scale, ThemeKind kind = ThemeKind::Light) {
    UiTest::start(w, h, scale, nullptr, kind);
  }

  /// Turns the mouse wheel at `at` (wheel_x < 0 scrolls right, wheel_y < 0 scrolls down) until
  /// `label` is on screen; returns it or nullptr.
  const HitItem* scroll_to(const std::string& label, ImVec2 at, float wheel_x, float wheel_y) {
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < 40 && !find(label); ++i) {
      io.AddMousePosEvent(at.x, at.y);
      io.AddMouseWheelEvent(wheel_x, wheel_y);
      frames(2);
    }
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    frames(2);
    return find(label);
  }

  /// Starts questioned-advice and answers each preparation step with its recommended option.
  void prepare() {
    frames(2);
    app_->start_scenario(0);
    frames(2);
    ASSERT_EQ(app_->screen(), Screen::Prepare);
    while (app_->dialogue()->phase() == Phase::Prepare) {
      const PrepStep* step = app_->dialogue()->prep_step();
      size_t pick = 0;
      for (size_t i = 0; i < step->options.size(); ++i)
        if (step->options[i].recommended) pick = i;
      app_->choose_prep(pick);
      frame();
      app_->confirm_prep();
      frames(2);
    }
    ASSERT_EQ(app_->screen(), Screen::Conversation);
  }

  /// Plays the questioned-advice scenario to its breakthrough through the App's own actions.
  void play_breakthrough() {
    prepare();
    for (size_t k : {0, 0, 0, 1, 0, 0, 0, 0}) {
      app_->choose_reply(k);
      frames(2);
    }
    ASSERT_EQ(app_->screen(), Screen::Conversation) << "the client's last line comes before the results";
    app_->open_screen(Screen::End);
    frames(2);
    ASSERT_EQ(app_->screen(), Screen::End);
    ASSERT_EQ(app_->dialogue()->ending()->kind, "breakthrough");
  }

  /// The roadmap's checks, shared by every size.
  void check_roadmap(float w, float h) {
    app_->open_screen(Screen::Roadmap);
    frames(3);
    ASSERT_EQ(app_->screen(), Screen::Roadmap);
    const HitItem* open = find("map:node:open");
    ASSERT_NE(open, nullptr);
    EXPECT_NE(open->text.find("(your path)"), std::string::npos) << open->text;
    EXPECT_NE(open->text.find("open stage"), std::string::npos) << open->text;
    const HitItem* defensive = find("map:node:defensive");
    ASSERT_NE(defensive, nullptr) << "a node not taken, one column from the start";
    EXPECT_EQ(defensive->text.find("(your path)"), std::string::npos) << defensive->text;
    ASSERT_NE(find("button:Back to results"), nullptr);
    for (const auto& hit : hit_items()) {
      EXPECT_GE(hit.min.x, 0) << hit.label;
      EXPECT_LE(hit.max.x, w + 0.5f) << hit.label;
      EXPECT_LE(hit.max.y, h + 0.5f) << hit.label;
    }

    // Hovering a box shows what the client said there.
    ImVec2 c((open->min.x + open->max.x) / 2, (open->min.y + open->max.y) / 2);
    ImGui::GetIO().AddMousePosEvent(c.x, c.y);
    frames(3);
    const HitItem* tip = find("map:tooltip");
    ASSERT_NE(tip, nullptr);
    EXPECT_NE(tip->text.find(app_->dialogue()->transcript()[0].client_line), std::string::npos) << tip->text;

    // The outcomes sit in the last column: scroll the map sideways to reach them when it is wider
    // than the window.
    const HitItem* ending = scroll_to("map:ending:breakthrough", c, -10.0f, 0.0f);
    ASSERT_NE(ending, nullptr);
    EXPECT_NE(ending->text.find("Breakthrough"), std::string::npos) << ending->text;
    EXPECT_NE(ending->text.find("(your path)"), std::string::npos) << ending->text;
    const HitItem* rupture = find("map:ending:rupture");
    if (rupture) {
      EXPECT_EQ(rupture->text.find("(your path)"), std::string::npos) << rupture->text;
    }

    const HitItem* listen = scroll_to("roadmap:listen", ImVec2(w / 2, h * 0.75f), 0.0f, -3.0f);
    ASSERT_NE(listen, nullptr);
    EXPECT_EQ(listen->text, "Listen: strong");
    const HitItem* follow = scroll_to("roadmap:follow_up", ImVec2(w / 2, h * 0.75f), 0.0f, -3.0f);
    ASSERT_NE(follow, nullptr);
    EXPECT_EQ(follow->text, "Follow up: to work on");
  }
};

TEST_F(PostSession, RoadmapAtLaptopSize) {
  start(1280, 800, 1.0f);
  play_breakthrough();
  check_roadmap(1280, 800);
  ASSERT_NE(scroll_to("button:Back to results", ImVec2(640, 400), 0, 3.0f), nullptr);
  click("button:Back to results");
  EXPECT_EQ(app_->screen(), Screen::End);
}

TEST_F(PostSession, RoadmapAtPhoneSize) {
  start(390 * 3, 844 * 3, 3.0f);
  play_breakthrough();
  check_roadmap(390 * 3, 844 * 3);
  // The phone lays the stages out as a column: each step sits below the one before.
  const HitItem* listen = find("roadmap:listen");
  const HitItem* follow = find("roadmap:follow_up");
  ASSERT_NE(listen, nullptr);
  ASSERT_NE(follow, nullptr);
  EXPECT_GT(follow->min.y, listen->max.y);
}

TEST_F(PostSession, RoadmapAtKioskSizeFitsWithoutScrolling) {
  start(1920, 1080, 1.0f);
  play_breakthrough();
  app_->open_screen(Screen::Roadmap);
  frames(3);
  ASSERT_NE(find("map:ending:breakthrough"), nullptr);
  EXPECT_EQ(find("map:scroll-hint"), nullptr);
  const HitItem* listen = find("roadmap:listen");
  const HitItem* solve = find("roadmap:solve");
  ASSERT_NE(listen, nullptr);
  ASSERT_NE(solve, nullptr);
  EXPECT_GT(solve->min.x, listen->min.x) << "stages in a row on wide screens";
}

TEST_F(PostSession, ReferenceSheetOpensAndCloses) {
  start(1280, 800, 1.0f);
  play_breakthrough();
  app_->open_screen(Screen::Roadmap);
  frames(2);
  app_->open_reference(true);
  frames(3);
  ASSERT_NE(find("button:Close reference"), nullptr);
  const HitItem* row = find("reference:challenge:unrealistic_expectations");
  ASSERT_NE(row, nullptr);
  EXPECT_NE(row->text.find("Unrealistic expectations"), std::string::npos);
  const HitItem* here = scroll_to("reference:challenge:questioned_advice", ImVec2(640, 400), 0, -2.0f);
  ASSERT_NE(here, nullptr);
  EXPECT_NE(here->text.find("(this scenario)"), std::string::npos) << here->text;
  const HitItem* card = scroll_to("reference:card:reflections", ImVec2(640, 400), 0, -2.0f);
  ASSERT_NE(card, nullptr);
  EXPECT_NE(card->text.find("Reflections"), std::string::npos);
  ASSERT_NE(scroll_to("reference:card:permission", ImVec2(640, 400), 0, -2.0f), nullptr);
  click("button:Close reference");
  EXPECT_FALSE(app_->reference_open());
  frames(2);
  EXPECT_EQ(find("reference:card:reflections"), nullptr);
  EXPECT_EQ(find("button:Close reference"), nullptr);
  EXPECT_EQ(app_->screen(), Screen::Roadmap);
  ASSERT_NE(find("button:Back to results"), nullptr);

  // Escape closes it too, and leaves the screen beneath as it was.
  app_->open_reference(true);
  frames(3);
  ASSERT_NE(find("button:Close reference"), nullptr);
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiKey_Escape, true);
  frame();
  io.AddKeyEvent(ImGuiKey_Escape, false);
  frames(2);
  EXPECT_FALSE(app_->reference_open());
  EXPECT_EQ(find("button:Close reference"), nullptr);
  EXPECT_EQ(app_->screen(), Screen::Roadmap);
  // The screen underneath takes clicks again.
  click("button:Back to results");
  EXPECT_EQ(app_->screen(), Screen::End);
}

TEST_F(PostSession, ReferenceSheetFitsAPhoneInEveryTheme) {
  for (ThemeKind kind : {ThemeKind::Light, ThemeKind::Dark, ThemeKind::HighContrast}) {
    start(390 * 3, 844 * 3, 3.0f, kind);
    frames(2);
    app_->open_reference(true);
    frames(3);
    const HitItem* close = find("button:Close reference");
    ASSERT_NE(close, nullptr);
    for (const auto& hit : hit_items()) {
      EXPECT_GE(hit.min.x, 0) << hit.label;
      EXPECT_LE(hit.max.x, 390 * 3 + 0.5f) << hit.label;
    }
    const HitItem* row = find("reference:challenge:unrealistic_expectations");
    ASSERT_NE(row, nullptr);
    // The sheet keeps a margin: 92% of the width at most.
    EXPECT_GE(row->min.x, 390 * 3 * 0.04f - 1);
    ASSERT_NE(scroll_to("reference:card:autonomy", ImVec2(390 * 1.5f, 844 * 1.5f), 0, -2.0f), nullptr);
    click("button:Close reference");
    EXPECT_FALSE(app_->reference_open());
  }
}

TEST_F(PostSession, ANewResultsPageOpensAtTheTop) {
  start(1280, 800, 1.0f);
  play_breakthrough();
  ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < 30; ++i) {
    io.AddMousePosEvent(640, 500);
    io.AddMouseWheelEvent(0, -5);
    frames(2);
  }
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  frames(2);
  ASSERT_EQ(find("outcome"), nullptr) << "the first results page was scrolled past its outcome";
  play_breakthrough();
  ASSERT_NE(find("outcome"), nullptr);
  EXPECT_GE(find("outcome")->min.y, 0);
  EXPECT_LT(find("outcome")->max.y, 400) << "the outcome and score are in view";
}

// A reviewer wrote a complete email, saw "Your email covers 100%", went back to the results and
// read "no complete follow-up email yet": leaving the screen now counts the draft, as Copy does.
// A later, shorter draft left the same way counts as it stands, and takes the points with it
// (reviewers W and Z kept them: "Counted from an earlier version").
TEST_F(PostSession, AnEmailWrittenAndLeftCounts) {
  start(1280, 800, 1.0f);
  play_breakthrough();
  click("button:Follow-up");
  ASSERT_EQ(app_->screen(), Screen::FollowUp);
  const int before = app_->score()->total;
  app_->followup_draft() = app_->followup_example();
  app_->followup_edited();
  frames(2);
  ASSERT_EQ(app_->followup_check().coverage, 1.0);
  EXPECT_EQ(app_->progress().sessions.back().followup_coverage, 0.0) << "not yet left: nothing counted";
  click("button:Back to results");
  ASSERT_EQ(app_->screen(), Screen::End);
  EXPECT_EQ(app_->progress().sessions.back().followup_coverage, 1.0);
  ASSERT_EQ(rescored_.size(), 1u);
  EXPECT_GT(app_->score()->total, before);
  click("button:Follow-up");
  app_->followup_draft() = "Hi Dana, thanks.";
  app_->followup_edited();
  frames(2);
  app_->open_home();
  frames(2);
  EXPECT_LT(app_->progress().sessions.back().followup_coverage, 0.75);
  EXPECT_EQ(rescored_.size(), 2u);
  EXPECT_EQ(app_->progress().sessions.back().score, before);
}

// The email a learner wrote is theirs to read again: the record keeps it exactly as written once
// they leave the email screen (a later, shorter version too, with its own coverage), the stored
// record has it, and the history shows it.
TEST_F(PostSession, TheEmailAsWrittenIsKeptAndShownInTheHistory) {
  start(1280, 800, 1.0f);
  play_breakthrough();
  click("button:Follow-up");
  ASSERT_EQ(app_->screen(), Screen::FollowUp);
  press(ImGuiKey_Escape);  // back to the results
  ASSERT_EQ(app_->screen(), Screen::End);
  EXPECT_EQ(app_->progress().sessions.back().followup_email, "") << "the untouched skeleton is not the learner's";
  click("button:Follow-up");
  const std::string full = app_->followup_example() +
                           "\n\nP.S. \xC3\x87"
                           "a va? \xC2\xA3"
                           "20 \xE2\x80\x98quoted\xE2\x80\x99";
  app_->followup_draft() = full;
  app_->followup_edited();
  frames(2);
  press(ImGuiKey_Escape);  // back to the results
  ASSERT_EQ(app_->screen(), Screen::End);
  EXPECT_EQ(app_->progress().sessions.back().followup_email, full);
  EXPECT_EQ(app_->progress().sessions.back().followup_coverage, 1.0);
  click("button:Follow-up");
  const std::string shorter = "Hi Dana, thanks. \xF0\x9F\x98\x8A";
  app_->followup_draft() = shorter;
  app_->followup_edited();
  frames(2);
  app_->open_screen(Screen::Progress);
  frames(3);
  EXPECT_EQ(app_->progress().sessions.back().followup_email, shorter);
  EXPECT_LT(app_->progress().sessions.back().followup_coverage, 0.75);
  std::optional<std::string> stored = store_.read(kProgressKey);
  ASSERT_TRUE(stored.has_value());
  std::string error;
  std::optional<ProgressRecord> read = progress_from_json_text(*stored, &error);
  ASSERT_TRUE(read.has_value()) << error;
  EXPECT_EQ(read->sessions.back().followup_email, shorter);
  click("history:1");
  ASSERT_EQ(app_->screen(), Screen::History);
  const HitItem* email = scroll_to("history:followup", ImVec2(640, 400), 0, -3.0f);
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(email->text, shorter);
}

// With no reflection in the conversation the share of complex ones is not "0%" (a division by
// zero read as a score): the card says there were none.
TEST_F(PostSession, NoReflectionsIsNotZeroPercent) {
  start(1280, 800, 1.0f);
  prepare();
  for (int turn = 0; turn < 30 && app_->dialogue()->phase() != Phase::Ended; ++turn) {
    const Dialogue& d = *app_->dialogue();
    size_t pick = 0;  // the first offered reply that is no reflection
    for (size_t k = 0; k < d.offered().size(); ++k)
      if (code_class(d.node()->replies[d.offered()[k]].code) != MiClass::Reflection) {
        pick = k;
        break;
      }
    app_->choose_reply(pick);
    frames(3);
  }
  ASSERT_EQ(app_->dialogue()->phase(), Phase::Ended);
  ASSERT_EQ(app_->score()->miti.reflections, 0);
  app_->open_screen(Screen::End);
  frames(3);
  const HitItem* card = find("figure:Complex reflections");
  ASSERT_NE(card, nullptr);
  EXPECT_EQ(card->text, "none");
}

// At the largest text on a phone the results title sat in the column beside the score ring, one
// word per line; there it goes below the ring, at the full width. At 1280 it stays beside it.
TEST_F(PostSession, TheResultsTitleIsNeverSqueezedBesideTheScore) {
  for (const bool phone : {true, false}) {
    start(phone ? 390.0f : 1280.0f, phone ? 844.0f : 800.0f, phone ? 1.4f : 1.0f);
    play_breakthrough();
    ASSERT_EQ(app_->screen(), Screen::End);
    frames(2);
    const HitItem* title = find("outcome");
    const HitItem* score = find("score");
    ASSERT_NE(title, nullptr);
    ASSERT_NE(score, nullptr);
    if (phone)
      EXPECT_GE(title->min.y, score->max.y) << "the title is beside the ring";
    else
      EXPECT_LT(title->min.y, score->max.y) << "at 1280 the title stays beside the ring";
  }
}

}  // namespace
}  // namespace rapport::ui
