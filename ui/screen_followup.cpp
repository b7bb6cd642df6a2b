// Follow-up email: the editable draft beside a completeness checklist that ticks as the draft
// covers the discussion, every agreed next step, a timeline and an open line for reply; copy,
// download and open in the mail program.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {

void draw_followup(App& app) {
  const Theme& t = theme();
  if (!begin_screen("##followup")) {
    end_screen();
    return;
  }
  draw_top_bar(app, false);
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##followup_scroll", avail, ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  float margin = t.dp(16);
  float width = std::min(avail.x - 2 * margin, t.dp(1100));
  float x = ImGui::GetCursorScreenPos().x + (avail.x - width) / 2;
  bool two_columns = width >= t.dp(820);
  float gap = t.dp(24);
  float editor_w = two_columns ? width * 0.62f : width;
  float side_w = two_columns ? width - editor_w - gap : width;
  ImGui::Dummy(ImVec2(0, t.dp(20)));
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  wrapped_text(t.fonts.heading, t.colors.text, "Write the follow-up email", width);
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  wrapped_text(t.fonts.body, t.colors.text_muted,
               "Sum up what you discussed and what happens next, in your own words. The draft below is a start; "
               "the checklist ticks as your email covers each point.",
               width);
  ImGui::Dummy(ImVec2(0, t.dp(8)));

  float top = ImGui::GetCursorScreenPos().y;
  ImGui::SetCursorScreenPos(ImVec2(x, top));
  float editor_h = std::max(t.dp(320), std::min(avail.y * 0.62f, t.dp(560)));
  if (app.text_field("followup", ImVec2(editor_w, editor_h), app.followup_draft(), "Write your email here",
                     app.followup_revision()))
    app.followup_edited();
  float bottom_left = ImGui::GetCursorScreenPos().y;

  // Actions under the editor.
  ImGui::SetCursorScreenPos(ImVec2(x, bottom_left + t.dp(8)));
  if (pill_button("button:Copy email", "Copy")) app.copy_followup();
  ImGui::SameLine(0, t.dp(8));
  if (pill_button("button:Download email", "Download .txt", false)) app.download_followup();
  ImGui::SameLine(0, t.dp(8));
  if (pill_button("button:Open in mail", "Open in mail", false)) app.mail_followup();
  float after_actions = ImGui::GetCursorScreenPos().y;

  // Checklist.
  const FollowUpCheck& check = app.followup_check();
  float sx = two_columns ? x + editor_w + gap : x;
  float sy = two_columns ? top : after_actions + t.dp(16);
  ImGui::SetCursorScreenPos(ImVec2(sx, sy));
  char head[64];
  std::snprintf(head, sizeof head, "Your email covers %.0f%%", check.coverage * 100.0);
  wrapped_text(t.fonts.heading, t.colors.text, head, side_w);
  record_hit("followup:coverage", head, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  for (const auto& item : check.items) {
    ImGui::SetCursorScreenPos(ImVec2(sx, ImGui::GetCursorScreenPos().y + t.dp(6)));
    ImVec2 p = ImGui::GetCursorScreenPos();
    float mark = status_mark(p, item.covered);
    ImGui::SetCursorScreenPos(ImVec2(sx + mark, p.y));
    float tw = side_w - mark;
    wrapped_text(t.fonts.body, item.covered ? t.colors.text : t.colors.text_muted, item.label, tw);
    if (!item.covered && !item.hint.empty()) {
      ImGui::SetCursorScreenPos(ImVec2(sx + mark, ImGui::GetCursorScreenPos().y));
      wrapped_text(t.fonts.small, t.colors.text_muted, item.hint, tw);
    }
    record_hit("check:" + item.id, (item.covered ? "covered: " : "missing: ") + item.label, p, ImVec2(sx + side_w, ImGui::GetCursorScreenPos().y));
  }
  for (size_t i = 0; i < check.flags.size(); ++i) {
    ImGui::SetCursorScreenPos(ImVec2(sx, ImGui::GetCursorScreenPos().y + t.dp(8)));
    std::string text = "Watch the tone: " + check.flags[i];
    wrapped_text(t.fonts.body, t.colors.poor, text, side_w);
    record_hit("flag:" + std::to_string(i + 1), text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
  ImGui::SetCursorScreenPos(ImVec2(sx, ImGui::GetCursorScreenPos().y + t.dp(16)));
  if (pill_button("button:Back to results", "Back to results", false)) app.open_screen(Screen::End);
  ImGui::SetCursorScreenPos(ImVec2(x, std::max(ImGui::GetCursorScreenPos().y, after_actions) + t.dp(32)));
  ImGui::Dummy(ImVec2(0, 0));
  ImGui::EndChild();
  end_screen();
}

}  // namespace rapport::ui
