// Conversation: the chat column (client left, learner right with code chips) and the reply
// cards at the bottom; number keys 1-9 choose.
#include <algorithm>
#include <string>

#include "app.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

ImU32 chip_color(MiCode code) {
  const Theme& t = theme();
  if (is_mi_non_adherent(code)) return t.colors.poor;
  if (is_mi_consistent(code)) return t.colors.good;
  return t.colors.text_muted;
}

}  // namespace

void draw_conversation(App& app) {
  const Theme& t = theme();
  const Dialogue* d = app.dialogue();
  const Scenario* s = app.current();
  if (!begin_screen("##conversation")) {
    end_screen();
    return;
  }
  draw_top_bar(app, true);
  if (!d || !s || d->phase() != Phase::Conversation) {
    end_screen();
    return;
  }
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float margin = avail.x < t.dp(600) ? t.dp(12) : t.dp(24);
  float column = std::min(avail.x - 2 * margin, t.dp(720));
  float x0 = ImGui::GetCursorScreenPos().x + (avail.x - column) / 2;

  // Reply cards: measure first so the chat gets the rest of the height (at most 60% for replies).
  std::vector<size_t> offer = d->offered();
  float replies_h = t.dp(44);
  for (size_t i : offer) replies_h += card_height(d->node()->replies[i].text, {}, column, true) + t.dp(8);
  replies_h = std::min(replies_h, avail.y * 0.6f);

  // Chat column.
  std::string who = initials(s->client.name);
  size_t bubble_count = d->transcript().size() * 2 + 1;
  BubbleAnim& anim = app.bubbles();
  if (bubble_count != anim.shown) {
    anim.shown = bubble_count;
    anim.appear = 0.0f;
    app.request_animation();
  }
  ImGui::BeginChild("##chat", ImVec2(avail.x, avail.y - replies_h), ImGuiChildFlags_None);
  ImGui::Dummy(ImVec2(0, t.dp(16)));
  auto bubble = [&](size_t index, bool client, const std::string& text, std::string_view chip, ImU32 col) {
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
    float appear = index + 2 >= bubble_count ? anim.appear : 1.0f;
    chat_bubble(client, who, text, chip, col, column, appear);
  };
  size_t index = 0;
  for (const auto& turn : d->transcript()) {
    bubble(index++, true, turn.client_line, {}, 0);
    bubble(index++, false, turn.reply, code_label(turn.code), chip_color(turn.code));
  }
  bubble(index, true, d->client_line(), {}, 0);
  record_hit("client:last", d->client_line(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImGui::Dummy(ImVec2(0, t.dp(12)));
  if (app.take_scroll_request() || anim.appear < 1.0f) ImGui::SetScrollHereY(1.0f);
  ImGui::EndChild();

  // Replies.
  ImVec2 rp = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddLine(rp, ImVec2(rp.x + avail.x, rp.y), t.colors.border, t.dp(1));
  ImGui::BeginChild("##replies", ImVec2(avail.x, replies_h), ImGuiChildFlags_None);
  ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + t.dp(10)));
  wrapped_text(t.fonts.small, t.colors.text_muted, "Your reply  (press 1-" + std::to_string(offer.size()) + ")", column);
  for (size_t k = 0; k < offer.size(); ++k) {
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
    std::string label = "reply:" + std::to_string(k + 1);
    std::string badge = std::to_string(k + 1);
    if (card_button(label.c_str(), d->node()->replies[offer[k]].text, {}, column, badge)) {
      app.choose_reply(k);
      break;
    }
  }
  ImGui::EndChild();
  if (!ImGui::GetIO().WantTextInput)
    for (size_t k = 0; k < offer.size() && k < 9; ++k)
      if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_1 + static_cast<int>(k)), false)) {
        app.choose_reply(k);
        break;
      }
  end_screen();
}

}  // namespace rapport::ui
