// Prepare: one step at a time (data, the client's view, options, timing and setting), each a set
// of large selectable cards with feedback before moving on.
#include <algorithm>
#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

const char* topic_title(const std::string& topic) {
  if (topic == "data") return "Gather what you need";
  if (topic == "perspective") return "See it from their side";
  if (topic == "solutions") return "Have options ready";
  if (topic == "setting") return "Choose the time and place";
  return "Prepare";
}

}  // namespace

void draw_prepare(App& app) {
  const Theme& t = theme();
  const Dialogue* d = app.dialogue();
  const Scenario* s = app.current();
  if (!begin_screen("##prepare")) {
    end_screen();
    return;
  }
  draw_top_bar(app, false);
  const PrepStep* step = d ? d->prep_step() : nullptr;
  if (!step || !s) {
    end_screen();
    return;
  }
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // A new step opens at the top. The brief above is read at step 1: later steps open at the
  // feedback on the last choice, so that the question and its options are in view in a short
  // frame (an LMS's, a phone held sideways); on a tall screen the page still shows from the top.
  const bool new_step = app.requests().scroll_top;
  if (new_step && d->prep_index() == 0) ImGui::SetNextWindowScroll(ImVec2(0, 0));
  ImGui::BeginChild("##prep_scroll", avail, ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  float margin = t.dp(16);
  float width = std::min(avail.x - 2 * margin, t.dp(760));
  float x = ImGui::GetCursorScreenPos().x + (avail.x - width) / 2;
  auto at_x = [&] { ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y)); };
  ImGui::Dummy(ImVec2(0, t.dp(12)));
  {
    // The brief stays in view through every preparation step.
    at_x();
    wrapped_text(t.fonts.body, t.colors.text, s->briefing, width);
    record_hit("brief", s->briefing, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    // Who the client is, then what they want and fear, each on its own line of one block (a
    // reviewer read the two run together, and never learnt who Dana was); one block keeps the
    // brief and the first option within a 650x520 frame.
    std::string about = s->client.name;
    if (!s->client.role.empty()) about += ", " + s->client.role;
    if (!s->client.organisation.empty()) about += ", " + s->client.organisation;
    if (!s->client.wants.empty()) about += "\nWants: " + s->client.wants;
    if (!s->client.fears.empty()) about += "\nFears: " + s->client.fears;
    at_x();
    wrapped_text(t.fonts.small, t.colors.text_muted, about, width);
    record_hit("client", about, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::Dummy(ImVec2(0, t.dp(4)));
  }
  if (new_step && d->prep_index() > 0) ImGui::SetScrollHereY(0.0f);
  if (d->prep_index() > 0 && app.last_prep_feedback()) {
    // Why the choice just confirmed matters: only after the learner has committed to it.
    const auto& f = *app.last_prep_feedback();
    at_x();
    wrapped_text(t.fonts.body, f.recommended ? t.colors.good : t.colors.fair,
                 (f.recommended ? "Good call. " : "Worth rethinking. ") + f.text, width);
    record_hit("feedback:prep", f.text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::Dummy(ImVec2(0, t.dp(8)));
  }
  at_x();
  std::string step_label = "Step " + std::to_string(d->prep_index() + 1) + " of " + std::to_string(s->prep.size()) +
                           "  \xC2\xB7  " + topic_title(step->topic);
  wrapped_text(t.fonts.small, t.colors.accent, step_label, width);
  at_x();
  wrapped_text(t.fonts.heading, t.colors.text, step->question, width);
  ImGui::Dummy(ImVec2(0, t.dp(4)));
  std::optional<size_t> pending = app.pending_prep_choice();
  // Options in this session's order: numbers and keys 1-9 follow what is shown, as in the conversation.
  const std::vector<size_t> order = d->prep_order();
  for (size_t k = 0; k < order.size(); ++k) {
    at_x();
    std::string label = "prep:" + std::to_string(k + 1);
    char badge[2] = {static_cast<char>('1' + k), 0};
    if (card_button(label.c_str(), step->options[order[k]].text, {}, width, badge, pending == order[k]))
      app.choose_prep(order[k]);
  }
  if (pending) {
    at_x();
    bool last = d->prep_index() + 1 == s->prep.size();
    // After a choice, "Continue" takes keyboard focus and scrolls into view (small screens).
    bool focus = app.requests().focus_continue;
    if (focus) ImGui::SetKeyboardFocusHere();
    if (pill_button("button:Continue", last ? "Start the conversation" : "Continue")) app.confirm_prep();
    if (focus) {
      ImGui::SetScrollHereY(0.85f);
      app.request_animation();
    }
  }
  // Number keys choose options, Enter confirms.
  if (!ImGui::GetIO().WantTextInput) {
    for (size_t k = 0; k < order.size() && k < 9; ++k)
      if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_1 + static_cast<int>(k)), false) ||
          ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_Keypad1 + static_cast<int>(k)), false))
        app.choose_prep(order[k]);
  }
  ImGui::Dummy(ImVec2(0, t.dp(32)));
  ImGui::EndChild();
  end_screen();
}

}  // namespace rapport::ui
