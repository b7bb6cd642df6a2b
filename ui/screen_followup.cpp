// Follow-up email: the learner's own draft (opened as core's skeleton) beside a completeness
// checklist that ticks as the draft covers the discussion, every agreed next step, a timeline and
// an open line for reply; an example email on request; copy, download and open in the mail program.
#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <string>

#include "app.h"
#include "imgui.h"
#include "text_wrap.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

struct Action {
  const char* label;
  const char* text;
  bool primary;
};

/// A row of pill buttons that wraps onto the next line when it runs out of `width`; returns the
/// index pressed, or -1.
int button_row(const Action* actions, size_t count, float x, float width) {
  const Theme& t = theme();
  int pressed = -1;
  float line_x = 0;
  for (size_t i = 0; i < count; ++i) {
    float w = pill_width(actions[i].text);
    if (i > 0 && line_x + t.dp(8) + w <= width) {
      ImGui::SameLine(0, t.dp(8));
      line_x += t.dp(8) + w;
    } else {
      if (i > 0) ImGui::Dummy(ImVec2(0, t.dp(4)));
      ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
      line_x = w;
    }
    if (pill_button(actions[i].label, actions[i].text, actions[i].primary)) pressed = static_cast<int>(i);
  }
  return pressed;
}

/// The example email under its heading, at (x, y) and `width` wide; returns the y below it.
/// `reveal` scrolls it into view (the frame the learner asked for it).
float draw_example(App& app, float x, float y, float width, bool reveal) {
  const Theme& t = theme();
  ImGui::SetCursorScreenPos(ImVec2(x, y));
  if (reveal) ImGui::SetScrollHereY(0.25f);
  wrapped_text(t.fonts.heading, t.colors.text, "An example email", width);
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  wrapped_text(t.fonts.small, t.colors.text_muted,
               "One way to write it for this conversation. Copy any part you like into your draft above; "
               "your score counts only what is in your draft.",
               width);
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(4)));
  // Tall enough to show the whole email without scrolling inside the field: the page's field has
  // a line height of 1.4 and 10 px of padding; two lines spare for different word wrapping.
  const std::string& text = app.followup_example();
  ImFont* font = t.fonts.body;
  ImVec2 size = wrapped_size(font, text, width - t.dp(40));
  float lines = size.y / font->FontSize + 2;
  float height = lines * font->FontSize * 1.4f + t.dp(24);
  app.text_view("followup-example", {width, height}, text, "An example email", app.followup_revision());
  return ImGui::GetCursorScreenPos().y;
}

}  // namespace

void draw_followup(App& app) {
  const Theme& t = theme();
  if (!begin_screen("##followup")) {
    end_screen();
    return;
  }
  draw_top_bar(app, false);
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##followup_scroll", avail, ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  if (app.requests().scroll) ImGui::SetScrollY(0.0f);  // opens at its title and instructions
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
  // On a narrow screen the checklist is under the email and out of sight: say where it is.
  wrapped_text(t.fonts.body, t.colors.text_muted,
               two_columns ? "Write to your client in your own words: what you heard from them and what happens "
                             "next. The checklist beside it ticks as your email covers each point."
                           : "Write to your client in your own words: what you heard from them and what happens "
                             "next. The checklist below the email ticks as it covers each point.",
               width);
  ImGui::Dummy(ImVec2(0, t.dp(8)));

  float top = ImGui::GetCursorScreenPos().y;
  ImGui::SetCursorScreenPos(ImVec2(x, top));
  float editor_h = std::max(t.dp(320), std::min(avail.y * 0.62f, t.dp(560)));
  if (app.text_field("followup", {editor_w, editor_h}, app.followup_draft(), "Write your email here",
                     app.followup_revision()))
    app.followup_edited();
  float bottom_left = ImGui::GetCursorScreenPos().y;

  // Actions under the editor, then the example's switch.
  ImGui::SetCursorScreenPos(ImVec2(x, bottom_left + t.dp(8)));
  const Action actions[] = {{"button:Copy email", "Copy", true},
                            {"button:Download email", "Download .txt", false},
                            {"button:Open in mail", "Open in mail", false}};
  switch (button_row(actions, 3, x, editor_w)) {
    case 0: app.copy_followup(); break;
    case 1: app.download_followup(); break;
    case 2: app.mail_followup(); break;
    default: break;
  }
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(4)));
  bool shown = app.followup_example_shown();
  bool reveal = false;
  if (pill_button(shown ? "button:Hide the example" : "button:Show an example",
                  shown ? "Hide the example" : "Show an example", false)) {
    app.show_followup_example(!shown);
    reveal = !shown;
  }
  float after_actions = ImGui::GetCursorScreenPos().y;
  if (two_columns && app.followup_example_shown())
    after_actions = draw_example(app, x, after_actions + t.dp(16), editor_w, reveal);

  // Checklist.
  const FollowUpCheck& check = app.followup_check();
  float sx = two_columns ? x + editor_w + gap : x;
  float sy = two_columns ? top : after_actions + t.dp(16);
  ImGui::SetCursorScreenPos(ImVec2(sx, sy));
  char head[64];
  std::snprintf(head, sizeof head, "Your email covers %.0f%%", check.coverage * 100.0);
  wrapped_text(t.fonts.heading, t.colors.text, head, side_w);
  record_hit("followup:coverage", head, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  if (const auto& score = app.score(); score && score->followup_points > 0) {
    // What the email does to the score, so that the results' change is never a surprise.
    const std::string line = followup_points_line(score->followup_points, score->followup_counted, check.coverage);
    ImGui::SetCursorScreenPos(ImVec2(sx, ImGui::GetCursorScreenPos().y));
    wrapped_text(t.fonts.small, t.colors.text_muted, line, side_w);
    record_hit("followup:points", line, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
  // Reminders first: the name placeholder is the one thing to fix before sending.
  for (size_t i = 0; i < check.reminders.size(); ++i) {
    ImGui::SetCursorScreenPos(ImVec2(sx, ImGui::GetCursorScreenPos().y + t.dp(4)));
    wrapped_text(t.fonts.body, t.colors.text, check.reminders[i], side_w);
    record_hit("reminder:" + std::to_string(i + 1), check.reminders[i], ImGui::GetItemRectMin(),
               ImGui::GetItemRectMax());
  }
  if (!check.reminders.empty() && !app.options().kiosk) {
    ImGui::SetCursorScreenPos(ImVec2(sx, ImGui::GetCursorScreenPos().y + t.dp(4)));
    if (pill_button("button:Set your name", "Set your name", false)) app.open_settings(true);
  }
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
    record_hit("check:" + item.id, (item.covered ? "covered: " : "missing: ") + item.label, p,
               ImVec2(sx + side_w, ImGui::GetCursorScreenPos().y));
  }
  for (size_t i = 0; i < check.flags.size(); ++i) {
    ImGui::SetCursorScreenPos(ImVec2(sx, ImGui::GetCursorScreenPos().y + t.dp(8)));
    wrapped_text(t.fonts.body, t.colors.poor, check.flags[i], side_w);
    record_hit("flag:" + std::to_string(i + 1), check.flags[i], ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
  ImGui::SetCursorScreenPos(ImVec2(sx, ImGui::GetCursorScreenPos().y + t.dp(16)));
  // Back where the learner came from: this session's results, or Progress for a past session's email.
  if (app.followup_from_history()) {
    if (pill_button("button:Back to progress", "Back to progress", false)) app.open_screen(Screen::Progress);
  } else if (pill_button("button:Back to results", "Back to results", false)) {
    app.open_screen(Screen::End);
  }
  float bottom = std::max(ImGui::GetCursorScreenPos().y, after_actions);
  if (!two_columns && app.followup_example_shown()) bottom = draw_example(app, x, bottom + t.dp(24), width, reveal);
  ImGui::SetCursorScreenPos(ImVec2(x, bottom + t.dp(32)));
  ImGui::Dummy(ImVec2(0, 0));
  ImGui::EndChild();
  end_screen();
}

}  // namespace rapport::ui
