// The fixture shared by the screen tests: an ImGui context with the real fonts and theme, no
// window (Dear ImGui's null backend), the App over an in-memory store, and clicks by label
// through the hit table, as a browser user would.
#pragma once

#include <cfloat>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app.h"
#include "imgui.h"
#include "scenario.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui::testing {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class UiTest : public ::testing::Test {
 protected:
  void TearDown() override {
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
  }

  /// A fresh context and app showing questioned-advice, at w x h device pixels and `scale`.
  void start(float w, float h, float scale, ProgressStore* store = nullptr, ThemeKind kind = ThemeKind::Light) {
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(w, h);
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    fonts_.regular = read_text(RAPPORT_FONT_REGULAR);
    fonts_.bold = read_text(RAPPORT_FONT_BOLD);
    ASSERT_FALSE(fonts_.regular.empty());
    apply_theme(theme_, fonts_, scale, kind);
    int tw = 0, th = 0;
    unsigned char* px = nullptr;
    io.Fonts->GetTexDataAsRGBA32(&px, &tw, &th);  // what a renderer backend would upload
    std::string path = std::string(RAPPORT_SOURCE_DIR) + "/scenarios/questioned-advice.json";
    LoadResult r = load_scenario(read_text(path), path);
    ASSERT_TRUE(r.ok());
    link_imgui_text_box();  // no page here: ImGui's own text box
    app_ = std::make_unique<App>();
    AppServices services;
    services.store = store ? store : &store_;
    services.now = [this] { return "2026-11-25T10:00:0" + std::to_string(clock_++ % 10) + "Z"; };
    services.announce = [this](const std::string& t) { announced_.push_back(t); };
    services.open_studio_page = [this] { ++studio_pages_; };
    services.session_rescored = [this](const Dialogue&, const SessionScore& s, const SessionRecord&) {
      rescored_.push_back(s.total);
    };
    if (cards_only_) {
      // As the web app's first frame: the library from read_scenario_card, completed later.
      std::optional<Scenario> card = read_scenario_card(read_text(path));
      ASSERT_TRUE(card.has_value());
      app_->init(services, {*card}, {}, options_);
    } else {
      app_->init(services, {*r.scenario}, {}, options_);
    }
  }

  void frame() {
    if (app_->next_requests().restyle) ++restyles_;  // as the platform reads it before a frame
    ImGui::GetIO().DeltaTime = 1.0f / 60;
    ImGui::NewFrame();
    app_->frame(1.0f / 60);
    ImGui::Render();
    ASSERT_NE(ImGui::GetDrawData(), nullptr);
  }

  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }

  const HitItem* find(const std::string& label) {
    for (const auto& h : hit_items())
      if (h.label == label) return &h;
    return nullptr;
  }

  /// From the library through the four preparation steps to the first turn of questioned-advice.
  void to_conversation() {
    click("scenario:questioned-advice");
    for (int i = 0; i < 4; ++i) {
      click("prep:1");
      click("button:Continue");
    }
    ASSERT_EQ(app_->screen(), Screen::Conversation);
  }

  /// Presses and releases `key` over two frames, then lets the app draw what it did.
  void press(ImGuiKey key) {
    ImGui::GetIO().AddKeyEvent(key, true);
    frame();
    ImGui::GetIO().AddKeyEvent(key, false);
    frames(3);
  }

  /// Moves the mouse to the widget's centre, presses and releases over two frames.
  void click(const std::string& label) {
    frames(2);
    const HitItem* h = find(label);
    ASSERT_NE(h, nullptr) << "no widget " << label;
    click_at(ImVec2((h->min.x + h->max.x) / 2, (h->min.y + h->max.y) / 2));
  }

  /// Moves the mouse to `c`, presses and releases over two frames, whatever is drawn there.
  void click_at(ImVec2 c) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(c.x, c.y);
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    frame();
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    frames(2);
  }

  int studio_pages_ = 0;     // times the app asked the platform for the studio's page
  int restyles_ = 0;         // frames the app asked to re-apply the theme and fonts before
  bool cards_only_ = false;  // set before start()
  // The author's order unless a test sets a seed: most tests click known replies. No typing
  // pause before client lines unless a test turns pacing on.
  AppOptions options_ = [] {
    AppOptions o;
    o.authored_order = true;
    o.pace = false;
    return o;
  }();
  std::vector<int> rescored_;  // scores passed to services.session_rescored
  Theme theme_;
  FontFiles fonts_;
  MemoryProgressStore store_;
  std::unique_ptr<App> app_;
  std::vector<std::string> announced_;
  int clock_ = 0;
};

}  // namespace rapport::ui::testing
