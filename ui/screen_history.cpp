// A past session opened from Progress: its outcome, score and transcript as stored with the coach's
// notes, the client's last words, the journal entry and the follow-up email. Read-only; core's review_session decided
// what is shown.
#include <algorithm>
#include <string>

#include "app.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {

void draw_history(App& app) {
  const Theme& t = theme();
  if (!begin_screen("##history")) {
    end_screen();
    return;
  }
  draw_top_bar(app, false, "Your progress");
  const SessionReview& r = app.history_review();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##history_scroll", avail, ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  if (app.requests().scroll) ImGui::SetScrollY(0.0f);
  float margin = avail.x < t.dp(600) ? t.dp(16) : t.dp(32);
  float width = std::min(avail.x - 2 * margin, t.dp(860));
  float x = ImGui::GetCursorScreenPos().x + (avail.x - width) / 2;
  auto at_x = [&] { ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y)); };
  ImGui::Dummy(ImVec2(0, t.dp(16)));
  at_x();
  if (pill_button("button:Back to progress", "\xE2\x86\x90 Progress", false)) app.open_screen(Screen::Progress);

  at_x();
  wrapped_text(t.fonts.title, t.colors.text, r.title, width);
  record_hit("history:title", r.title, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  const char* kind = r.kind == "breakthrough" ? "Breakthrough"
                     : r.kind == "partial"    ? "Partial outcome"
                     : r.kind == "rupture"    ? "Rupture"
                                              : "Finished";
  ImU32 kind_col = r.kind == "breakthrough" ? t.colors.good : r.kind == "partial" ? t.colors.fair : t.colors.poor;
  at_x();
  wrapped_text(t.fonts.heading, kind_col, std::string(kind) + (r.outcome.empty() ? "" : ": " + r.outcome), width);
  record_hit("history:outcome", r.outcome, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  const std::string facts = r.date + "  \xC2\xB7  score " + std::to_string(r.score) + " of 100  \xC2\xB7  " +
                            r.replies + (r.retry.empty() ? "" : "  \xC2\xB7  " + r.retry);
  at_x();
  wrapped_text(t.fonts.body, t.colors.text_muted, facts, width);
  record_hit("history:score", std::to_string(r.score), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  if (!r.followup_button.empty()) {
    ImGui::Dummy(ImVec2(0, t.dp(4)));
    at_x();
    const std::string id = "button:" + r.followup_button;
    if (pill_button(id.c_str(), r.followup_button, true)) app.write_history_followup();
  }
  ImGui::Dummy(ImVec2(0, t.dp(8)));

  at_x();
  wrapped_text(t.fonts.heading, t.colors.text, "The conversation", width);
  if (!r.note.empty()) {
    at_x();
    wrapped_text(t.fonts.body, t.colors.fair, r.note, width);
    record_hit("history:note", r.note, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
  const std::string client_initials = initials(r.client.empty() ? r.title : r.client);
  for (size_t i = 0; i < r.turns.size(); ++i) {
    const ReviewTurn& turn = r.turns[i];
    if (!turn.client.empty()) {
      at_x();
      chat_bubble(true, client_initials, turn.client, {}, 0, width, 1.0f);
    }
    at_x();
    ImU32 chip_col = turn.inconsistent                        ? t.colors.poor
                     : turn.monologue || turn.heard_as_advice ? t.colors.fair
                     : turn.consistent                        ? t.colors.good
                                                              : t.colors.text_muted;
    const DrawnRect said = chat_bubble(false, "", turn.reply, turn.code_label, chip_col, width, 1.0f,
                                       "history:code:" + std::to_string(i + 1));
    record_hit("history:reply:" + std::to_string(i + 1), turn.reply, said.min, said.max);
    // The coach's note under each reply, as the conversation showed it under the newest one.
    if (!turn.coach_note.empty()) {
      ImGui::SetCursorScreenPos(ImVec2(x + width * 0.18f, ImGui::GetCursorScreenPos().y));
      wrapped_text(t.fonts.small, t.colors.text_muted, turn.coach_note, width * 0.82f);
      record_hit("history:coach:" + std::to_string(i + 1), turn.coach_note, ImGui::GetItemRectMin(),
                 ImGui::GetItemRectMax());
      ImGui::Dummy(ImVec2(0, t.dp(4)));
    }
  }
  if (!r.last_words.empty()) {
    at_x();
    const DrawnRect last = chat_bubble(true, client_initials, r.last_words, {}, 0, width, 1.0f);
    record_hit("history:last", r.last_words, last.min, last.max);
  }
  // The learner's own writing, under a heading, when there is any.
  const auto written = [&](const char* heading, const std::string& text, const char* label) {
    if (text.empty()) return;
    ImGui::Dummy(ImVec2(0, t.dp(8)));
    at_x();
    wrapped_text(t.fonts.heading, t.colors.text, heading, width);
    at_x();
    wrapped_text(t.fonts.body, t.colors.text, text, width);
    record_hit(label, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  };
  written("Your journal", r.journal, "history:journal");
  written("Your follow-up email", r.followup_email, "history:followup");
  ImGui::Dummy(ImVec2(0, t.dp(40)));
  ImGui::EndChild();
  end_screen();
}

}  // namespace rapport::ui
