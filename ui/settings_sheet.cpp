// The settings sheet: the learner's name (it signs the follow-up email), theme (light, dark, high
// contrast), text size and coaching.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

struct Choice {
  const char* label;
  const char* text;
};

}  // namespace

void draw_settings(App& app) {
  const Theme& t = theme();
  constexpr const char* kPopup = "##settings";
  if (!ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.dp(24), t.dp(24)));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, t.dp(14));
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;
  if (ImGui::BeginPopupModal(kPopup, nullptr, flags)) {
    Settings s = app.settings();
    bool changed = false;
    // As wide as the screen allows, up to 420 px: every row below wraps inside it.
    const float width = std::max(t.dp(200), std::min(t.dp(420), vp->WorkSize.x - t.dp(80)));
    // Done sits on the heading row, so it is in view however tall large text makes the sheet.
    const ImVec2 head = ImGui::GetCursorScreenPos();
    const float done_w = pill_width("Done");
    bool done = false;
    ImGui::SetCursorScreenPos(ImVec2(head.x + width - done_w, head.y));
    done = pill_button("button:Done", "Done");
    const float done_bottom = ImGui::GetItemRectMax().y;
    ImGui::SetCursorScreenPos(ImVec2(head.x, head.y + (done_bottom - head.y - t.fonts.heading->FontSize) / 2));
    wrapped_text(t.fonts.heading, t.colors.text, "Settings", width - done_w - t.dp(12));
    ImGui::SetCursorScreenPos(ImVec2(head.x, std::max(ImGui::GetCursorScreenPos().y, done_bottom + t.dp(8))));

    if (!app.options().kiosk) {
      wrapped_text(t.fonts.small, t.colors.text_muted, "Your name, to sign your follow-up emails", width);
      float field_h = t.fonts.body->FontSize * 1.4f + t.dp(24);
      if (app.text_field("name", {width, field_h}, app.name_draft(), "Your name", app.name_draft_revision(), true,
                         "field:name"))
        app.name_edited();
    }

    wrapped_text(t.fonts.small, t.colors.text_muted, "Colours", width);
    const Choice themes[] = {
        {"theme:light", "Light"}, {"theme:dark", "Dark"}, {"theme:high-contrast", "High contrast"}};
    PillRow colours(ImGui::GetCursorScreenPos().x, width);
    for (size_t i = 0; i < 3; ++i) {
      std::string id = themes[i].label + 6;
      if (colours.button(themes[i].label, themes[i].text, s.theme == id)) {
        s.theme = id;
        changed = true;
      }
    }

    wrapped_text(t.fonts.small, t.colors.text_muted, "Text size", width);
    const float sizes[] = {0.9f, 1.0f, 1.2f, 1.4f};
    const char* size_text[] = {"Smaller", "Default", "Larger", "Largest"};
    PillRow text_sizes(ImGui::GetCursorScreenPos().x, width);
    for (size_t i = 0; i < 4; ++i) {
      char label[16];
      std::snprintf(label, sizeof label, "text:%.1f", sizes[i]);
      bool on = s.text_scale > sizes[i] - 0.05f && s.text_scale < sizes[i] + 0.05f;
      if (text_sizes.button(label, size_text[i], on)) {
        s.text_scale = sizes[i];
        changed = true;
      }
    }

    wrapped_text(t.fonts.small, t.colors.text_muted, "Coaching after each reply", width);
    PillRow coaching(ImGui::GetCursorScreenPos().x, width);
    if (coaching.button("coach:on", "On", app.coaching())) app.set_coaching(true);
    if (coaching.button("coach:off", "Off (assessment)", !app.coaching())) app.set_coaching(false);

    if (app.can_pick_files() && !app.options().kiosk) {
      wrapped_text(t.fonts.small, t.colors.text_muted, "For scenario authors", width);
      PillRow authoring(ImGui::GetCursorScreenPos().x, width);
      if (authoring.button("author:tools", app.options().author ? "Authoring tools are on" : "Show authoring tools",
                           app.options().author))
        app.set_author_tools(!app.options().author);
      if (app.options().author && app.screen() != Screen::Studio && app.can_open_studio()) {
        if (authoring.button("author:studio", "Open the authoring studio")) {
          app.open_studio();
          done = true;
        }
      }
    }

    ImGui::Dummy(ImVec2(0, t.dp(4)));
    if (done) {
      app.open_settings(false);
      ImGui::CloseCurrentPopup();
    }
    if (!app.settings_open()) ImGui::CloseCurrentPopup();
    if (changed) app.set_settings(s);
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar(2);
}

}  // namespace rapport::ui
