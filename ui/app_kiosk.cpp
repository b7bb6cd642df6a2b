// The kiosk's idle timer: a "Still there?" warning counting down over any screen, then the
// visitor forgotten and the attract screen back (core's kiosk_idle decides when).
#include <algorithm>
#include <cfloat>

#include "app.h"
#include "imgui.h"
#include "kiosk.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {

bool App::tick(double now) {
  keep_reply_draft(now);
  keep_followup_draft(now);
  last_tick_ = now;
  if (!options_.kiosk || screen_ == Screen::Attract) return false;
  if (last_input_ == 0) last_input_ = now;
  // Once the warning shows, only an answer to it keeps the visitor (keep_visitor): the touch
  // that answers it reaches the warning, not the reply card under it.
  const KioskIdle idle = kiosk_idle(now - (idle_warning_ > 0 ? warned_after_ : last_input_), options_.idle_seconds);
  if (idle.forget) {
    forget_visitor();
    return true;
  }
  if (idle.seconds_left == idle_warning_) return false;
  if (idle_warning_ == 0) {
    warned_after_ = last_input_;
    announce(kiosk_warning(idle.seconds_left));
  }
  idle_warning_ = idle.seconds_left;
  return true;
}

void App::keep_visitor() {
  last_input_ = std::max(last_input_, last_tick_);
  idle_warning_ = 0;
}

void App::forget_visitor() {
  set_session(nullptr);
  current_ = -1;
  pending_prep_.reset();
  notices_.clear();
  reply_draft_.clear();
  reply_draft_revision_++;
  book_->clear();
  reply_mode_ = ReplyMode::Choice;
  settings_open_ = false;
  idle_warning_ = 0;
  screen_ = Screen::Attract;
  announce("Welcome to Rapport. Tap to start.");
}

void draw_still_there(App& app) {
  const Theme& t = theme();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, (t.colors.background & ~IM_COL32_A_MASK) | (0xE8u << IM_COL32_A_SHIFT));
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar;
  const bool open = ImGui::Begin("##still_there", nullptr, flags);
  ImGui::PopStyleColor();
  if (open) {
    const float width = std::min(vp->WorkSize.x - t.dp(48), t.dp(640));
    const float x = vp->WorkPos.x + (vp->WorkSize.x - width) / 2;
    const std::string text = kiosk_warning(app.idle_warning());
    ImGui::SetCursorScreenPos(ImVec2(x, vp->WorkPos.y + vp->WorkSize.y * 0.3f));
    wrapped_text(t.fonts.heading, t.colors.text, text, width);
    record_hit("kiosk:still-there", text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(24)));
    // The button for the keyboard and screen readers; a touch anywhere on the warning answers it.
    if (card_button("button:Still here", "I'm still here", "Touch anywhere to carry on where you were", width,
                    "\xE2\x86\x92") ||
        (ImGui::IsWindowHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Left)))
      app.keep_visitor();
  }
  ImGui::End();
}

}  // namespace rapport::ui
