// The slim top bar of the session screens: library button, scenario title, trust meter.
#include <algorithm>

#include "app.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {

float draw_top_bar(App& app, bool show_trust, const char* title_override, bool show_change) {
  const Theme& t = theme();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x;
  bool compact = width < t.dp(640);
  float height = t.dp(64);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(origin, ImVec2(origin.x + width, origin.y + height), t.colors.surface);
  dl->AddLine(ImVec2(origin.x, origin.y + height), ImVec2(origin.x + width, origin.y + height), t.colors.border,
              t.dp(1));
  ImGui::SetCursorScreenPos(ImVec2(origin.x + t.dp(12), origin.y + t.dp(8)));
  float title_x = origin.x + t.dp(16);
  if (!app.options().embed) {
    // A play-test goes back to the studio's editor; everything else to the library.
    const bool editor = app.playtesting();
    if (pill_button(editor ? "button:Back to editor" : "button:Library",
                    compact  ? "\xE2\x86\x90"
                    : editor ? "\xE2\x86\x90 Editor"
                             : "\xE2\x86\x90 Library",
                    false))
      app.open_home();
    title_x = ImGui::GetItemRectMax().x + t.dp(16);
  }
  // Reference, reachable from every session screen.
  float ref_w = 0;
  if (!app.options().kiosk) {
    ImVec2 keep = ImGui::GetCursorScreenPos();
    const char* ref_text = compact ? "?" : "Reference";
    ref_w = t.fonts.body->CalcTextSizeA(t.fonts.body->FontSize, FLT_MAX, 0, ref_text).x + t.dp(40);
    ImGui::SetCursorScreenPos(ImVec2(origin.x + width - ref_w - t.dp(12), origin.y + t.dp(8)));
    if (pill_button("button:Reference", ref_text, false)) app.open_reference(true);
    ImGui::SetCursorScreenPos(keep);
    ref_w += t.dp(16);
  }
  if (title_override) {
    ImFont* f = compact ? t.fonts.small : t.fonts.body;
    ImVec4 clip(title_x, origin.y, origin.x + width - ref_w - t.dp(16), origin.y + height);
    dl->AddText(f, f->FontSize, ImVec2(title_x, origin.y + (height - f->FontSize) / 2), t.colors.text, title_override,
                nullptr, 0, &clip);
  } else if (const Scenario* s = app.current()) {
    // The trust bar with its number, and the last reply's change ("+8", "-7") beside it.
    const int trust_now = static_cast<int>(app.trust_shown() + 0.5f);
    const int change = show_change && app.dialogue() ? app.dialogue()->last_trust_change() : 0;
    const std::string change_text = change == 0 ? std::string() : (change > 0 ? "+" : "") + std::to_string(change);
    const float change_w =
        change_text.empty()
            ? 0
            : t.fonts.small->CalcTextSizeA(t.fonts.small->FontSize, FLT_MAX, 0, change_text.c_str()).x + t.dp(8);
    float meter_w = show_trust ? (compact ? t.dp(130) : t.dp(220)) + change_w : 0;
    // Never wider than the room between the back button and Reference (large text on a phone).
    meter_w = std::min(meter_w, std::max(0.0f, origin.x + width - title_x - ref_w - t.dp(24)));
    float title_w = origin.x + width - title_x - meter_w - ref_w - t.dp(24);
    ImFont* f = compact ? t.fonts.small : t.fonts.body;
    std::string title = compact ? s->client.name : s->title + "  \xC2\xB7  " + s->client.name;
    // Where the title does not fit beside the meter (the largest text), the client's name alone;
    // where the full name does not (phones), the first name.
    const auto fits = [&](const std::string& text) {
      return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str()).x <= title_w;
    };
    if (!fits(title)) title = s->client.name;
    if (!fits(title)) title = title.substr(0, title.find(' '));
    // Not even that beside the meter (a phone at the largest text): the name goes above the meter,
    // two rows in the bar's height, rather than being dropped (a reviewer lost who they were
    // talking to); no name at all only where a row has no room for the first name either.
    float row_y = origin.y + (height - f->FontSize) / 2, meter_y = origin.y + (height - t.fonts.small->FontSize) / 2;
    float meter_x = origin.x + width - meter_w - ref_w - t.dp(16);
    if (!fits(title)) {
      const float gap = t.dp(2), rows = f->FontSize + gap + t.fonts.small->FontSize;
      title_w = origin.x + width - title_x - ref_w - t.dp(16);
      title = s->client.name;
      if (!fits(title)) title = title.substr(0, title.find(' '));
      if (!fits(title) || (show_trust && rows > height - t.dp(8))) {
        title.clear();
      } else if (show_trust) {
        row_y = origin.y + (height - rows) / 2;
        meter_y = row_y + f->FontSize + gap;
        meter_x = title_x;
        meter_w = std::min(meter_w, title_w);
      }
    }
    ImVec4 clip(title_x, origin.y, title_x + title_w, origin.y + height);
    const ImVec2 title_at(title_x, row_y);
    dl->AddText(f, f->FontSize, title_at, t.colors.text, title.c_str(), nullptr, 0, &clip);
    // The title's whole width, clipped or not: the layout test finds a title that runs under the meter.
    const ImVec2 title_size = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, title.c_str());
    if (!title.empty())
      record_hit("top:title", title, title_at, ImVec2(title_at.x + title_size.x, title_at.y + title_size.y));
    if (show_trust) {
      ImGui::SetCursorScreenPos(ImVec2(meter_x, meter_y));
      // "Trust 62" and its bar where both fit. Where large text leaves no room for the bar, the
      // words alone in the bar's colour: a number without "Trust" says nothing to a new learner.
      std::string label = "Trust " + std::to_string(trust_now);
      const float label_w = t.fonts.small->CalcTextSizeA(t.fonts.small->FontSize, FLT_MAX, 0, label.c_str()).x;
      const float room = meter_w - change_w;
      if (label_w + t.dp(50) <= room) {
        meter(label, app.trust_shown(), room);
      } else {
        if (label_w > room) label = std::to_string(trust_now);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        dl->AddText(t.fonts.small, t.fonts.small->FontSize, at, level_color(app.trust_shown()), label.c_str());
        ImGui::Dummy(ImVec2(std::min(label_w, room), t.fonts.small->FontSize));
      }
      record_hit("meter:trust", std::to_string(trust_now), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      record_hit("trust:label", label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      if (!change_text.empty()) {
        const ImVec2 at(ImGui::GetItemRectMax().x + t.dp(8), ImGui::GetItemRectMin().y);
        dl->AddText(t.fonts.small, t.fonts.small->FontSize, at, change > 0 ? t.colors.good : t.colors.poor,
                    change_text.c_str());
        record_hit("trust:change", change_text, at, ImVec2(at.x + change_w - t.dp(8), at.y + t.fonts.small->FontSize));
      }
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height + t.dp(1)));
  return height;
}

}  // namespace rapport::ui
