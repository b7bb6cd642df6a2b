// The recovery screen; see screen_recovery.h.
#include "screen_recovery.h"

#include <algorithm>

#include "app.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {

RecoveryRequest draw_recovery(const RecoveryScreen& screen) {
  RecoveryRequest request;
  const Theme& t = theme();
  if (!begin_screen("##recovery")) {
    end_screen();
    return request;
  }
  float width = std::min(ImGui::GetContentRegionAvail().x - t.dp(32), t.dp(640));
  float x = ImGui::GetCursorScreenPos().x + (ImGui::GetContentRegionAvail().x - width) / 2;
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(32)));
  const std::string title = "Something went wrong";
  wrapped_text(t.fonts.heading, t.colors.text, title, width);
  record_hit("recovery:title", title, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(8)));
  const std::string body =
      "Rapport stopped what it was doing so that nothing is lost. Your saved progress has not been changed. "
      "Export your data to keep a copy, or start fresh: the current record is kept aside in this browser "
      "first.";
  wrapped_text(t.fonts.body, t.colors.text, body, width);
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(8)));
  wrapped_text(t.fonts.small, t.colors.text_muted, "Error: " + screen.error, width);
  record_hit("recovery:error", screen.error, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(16)));
  request.export_data = pill_button("recovery:export", "Export your data", true);
  ImGui::SameLine(0, t.dp(12));
  request.start_fresh = pill_button("recovery:fresh", "Start fresh", false);
  if (!screen.status.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(12)));
    wrapped_text(t.fonts.body, t.colors.text, screen.status, width);
    record_hit("recovery:status", screen.status, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
  end_screen();
  return request;
}

}  // namespace rapport::ui
