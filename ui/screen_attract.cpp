// Kiosk attract screen: what a walk-up visitor sees first and after the idle timeout.
#include <algorithm>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "kiosk.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {

void draw_attract(App& app) {
  const Theme& t = theme();
  if (!begin_screen("##attract")) {
    end_screen();
    return;
  }
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float width = std::min(avail.x - t.dp(48), t.dp(720));
  float x = origin.x + (avail.x - width) / 2;
  ImGui::SetCursorScreenPos(ImVec2(x, origin.y + avail.y * 0.22f));
  wrapped_text(t.fonts.title, t.colors.accent, "Rapport", width);
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(8)));
  wrapped_text(t.fonts.title, t.colors.text, "Can you win back a client who has stopped trusting you?", width);
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(8)));
  // The length from the library's own estimates: "About five minutes" stood over cards that said
  // 7 and 8 (reviewer W).
  std::vector<int> minutes;
  for (const Scenario& s : app.scenarios()) minutes.push_back(s.minutes);
  wrapped_text(t.fonts.body, t.colors.text_muted,
               "Pick a client, choose what you would say, and see how an expert coach would rate your listening. " +
                   kiosk_duration(minutes) + " Nothing you do here is kept.",
               width);
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(24)));
  if (card_button("button:Start", "Tap to start", "Choose a conversation to practise", width, "\xE2\x86\x92"))
    app.open_home();
  end_screen();
}

}  // namespace rapport::ui
