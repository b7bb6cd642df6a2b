// Conversation: the chat column (client left, learner right with code chips) and the reply
// cards at the bottom; number keys 1-9 choose.
#include <algorithm>
#include <cfloat>
#include <string>

#include "app.h"
#include "coaching.h"
#include "conversation_panel.h"
#include "imgui.h"
#include "text_wrap.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

/// The fade and "N more replies below" over the replies panel's lower edge (inside its window).
void more_below(int below, float x0, float column, float edge, size_t first_card) {
  const Theme& t = theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImFont* font = t.fonts.small;
  // A solid band for the words, and a fade above it into the cards.
  const float band = font->FontSize + t.dp(14), fade = t.dp(28);
  const float left = ImGui::GetWindowPos().x, right = left + ImGui::GetWindowSize().x;
  const ImU32 clear = t.colors.background & ~IM_COL32_A_MASK;
  dl->AddRectFilledMultiColor(ImVec2(left, edge - band - fade), ImVec2(right, edge - band), clear, clear,
                              t.colors.background, t.colors.background);
  dl->AddRectFilled(ImVec2(left, edge - band), ImVec2(right, edge), t.colors.background);
  clip_hits_below(first_card, edge - band);
  const std::string text =
      "\xE2\x86\x93 " + std::to_string(below) + (below == 1 ? " more reply" : " more replies") + " below";
  const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str());
  const ImVec2 at(x0 + (column - size.x) / 2, edge - band + (band - size.y) / 2);
  dl->AddText(font, font->FontSize, at, t.colors.accent, text.c_str());
  record_hit("replies:more", text, at, ImVec2(at.x + size.x, at.y + size.y));
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
  if (!d || !s || d->phase() == Phase::Prepare) {
    end_screen();
    return;
  }
  // After the last reply the client has the last word; the results open when the learner asks.
  const bool ended = d->phase() == Phase::Ended;
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // Wide screens: the client's profile and live coaching in a panel on the right.
  const bool panel = conversation_panel_fits(avail.x);
  if (panel) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float panel_w = conversation_panel_width(avail.x);
    draw_conversation_panel(app, ImVec2(origin.x + avail.x - panel_w, origin.y), ImVec2(panel_w, avail.y));
    ImGui::SetCursorScreenPos(origin);
    avail.x -= panel_w;
  }
  float margin = avail.x < t.dp(600) ? t.dp(12) : t.dp(24);
  float column = std::min(avail.x - 2 * margin, t.dp(720));
  float x0 = ImGui::GetCursorScreenPos().x + (avail.x - column) / 2;

  // Reply area: measure first so the chat gets the rest of the height (at most 60% for replies).
  std::vector<size_t> offer = ended ? std::vector<size_t>{} : d->offered();
  bool typing = !ended && app.reply_mode() == ReplyMode::Text;
  // A typed reply waiting for "Which did you mean?" stays on screen in either mode: a reviewer who
  // switched to the offered replies thought it had gone.
  const bool asking = !ended && app.pending_typed().has_value();
  // The mode switch's row; a kiosk has only "Tap what you would say" there (reviewer W saw an empty
  // band above the cards, and the fourth card below the edge).
  float header_h = app.options().kiosk ? t.dp(20) + t.fonts.small->FontSize : t.dp(64);
  // A phone turned sideways (844x390) left the chat one bubble tall under a four-line reply box
  // (reviewer X): on a short screen the box is two lines high.
  const bool short_screen = avail.y < t.dp(420);
  const float box_h = short_screen ? t.dp(56) : t.dp(104);
  float replies_h = header_h;
  if (ended) {
    // A line of small text, the button and a margin below it.
    replies_h = t.dp(8) + t.fonts.small->FontSize + ImGui::GetStyle().ItemSpacing.y + t.dp(4) +
                std::max(t.fonts.body->FontSize + t.dp(20), t.dp(48)) + t.dp(20);
  } else if (asking) {
    // The learner's words, the question and a row (or, narrow, a column) of the answers and "Edit
    // my reply". Measured as drawn below: at the largest text on a phone "Edit my reply" fell off
    // the bottom.
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    const size_t buttons = app.pending_typed()->options.size() + 1;
    const bool narrow = column < t.dp(buttons > 3 ? 760 : 560);
    const ImVec2 quoted =
        wrapped_size(t.fonts.body, "\xE2\x80\x9C" + app.pending_typed()->text + "\xE2\x80\x9D", column);
    const float answer = t.dp(8) + std::max(t.fonts.body->FontSize + t.dp(20), t.dp(48)) + spacing;
    replies_h += quoted.y + spacing + t.dp(4) + t.fonts.small->FontSize + spacing +
                 (narrow ? static_cast<float>(buttons) * answer : answer) + t.dp(24);
  } else if (typing) {
    replies_h += box_h + t.dp(26);
  } else {
    // Each card is followed by the style's item spacing; a margin below the last one.
    for (size_t i : offer)
      replies_h += card_height(d->node()->replies[i].text, {}, column, true) + ImGui::GetStyle().ItemSpacing.y;
    replies_h += t.dp(16);
  }
  // At most 60% for replies; a which-did-you-mean prompt may take more, as the chat waits for it.
  replies_h = std::min(replies_h, avail.y * (asking ? 0.85f : 0.6f));

  // Chat column.
  std::string who = initials(s->client.name);
  size_t bubble_count = d->transcript().size() * 2 + 1;
  BubbleAnim& anim = app.bubbles();
  if (bubble_count != anim.shown) {
    anim.shown = bubble_count;
    anim.appear = 0.0f;
    app.request_animation();
  }
  ImGui::BeginChild("##chat", ImVec2(avail.x, avail.y - replies_h), ImGuiChildFlags_None,
                    ImGuiWindowFlags_NavFlattened);
  ImGui::Dummy(ImVec2(0, t.dp(16)));
  if (d->transcript().empty() && app.last_prep_feedback()) {
    // The last preparation choice's "why this matters", shown once it is confirmed, and named as the last
    // (reviewer Q read "Preparation: good call" after an earlier choice had cost trust).
    const auto& f = *app.last_prep_feedback();
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
    wrapped_text(
        t.fonts.small, f.recommended ? t.colors.good : t.colors.fair,
        (f.recommended ? "Last preparation choice: good call. " : "Last preparation choice: worth rethinking. ") +
            f.text,
        column);
    record_hit("feedback:prep", f.text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::Dummy(ImVec2(0, t.dp(8)));
  }
  if (d->transcript().empty()) {
    const auto start = s->initial_state.find("trust");
    const std::string line =
        start == s->initial_state.end() ? std::string() : prep_trust_summary(start->second, d->value("trust"));
    if (!line.empty()) {
      ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
      wrapped_text(t.fonts.small, t.colors.text_muted, line, column);
      record_hit("trust:start", line, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      ImGui::Dummy(ImVec2(0, t.dp(8)));
    }
  }
  auto bubble = [&](size_t index, bool client, const std::string& text, std::string_view chip, ImU32 col,
                    std::string_view chip_label = {}) {
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
    float appear = index + 2 >= bubble_count ? anim.appear : 1.0f;
    return chat_bubble(client, who, text, chip, col, column, appear, chip_label);
  };
  size_t index = 0;
  const auto& turns = d->transcript();
  for (size_t i = 0; i < turns.size(); ++i) {
    const Turn& turn = turns[i];
    bubble(index++, true, turn.client_line, {}, 0);
    // A code the learner chose when asked "which did you mean?" says so on its chip.
    const bool monologue = turn.typed && is_rambling(turn.reply);
    const bool advice = heard_as_advice(turn.typed, turn.code, turn.reply, turn.client_line);
    const std::string chip = app.coaching()
                                 ? code_chip_text(turn.code, turn.self_coded, monologue, advice, reflection_leads(turn))
                                 : std::string();
    const DrawnRect said = bubble(index++, false, turn.reply, chip, code_chip_color(turn.code, monologue, advice),
                                  i + 1 == turns.size() ? "code:last" : "");
    record_hit("learner:" + std::to_string(i + 1), turn.reply, said.min, said.max);
    // Coaching under each reply: the chip names the code, the note adds the cue that decided it
    // and one tip. Every reply keeps its note (reviewer O: the earlier ones vanished from the chat,
    // and were only in the debrief); on wide screens the panel shows the newest one.
    const bool newest = i + 1 == turns.size();
    if (app.coaching() && !(newest && panel)) {
      std::string note = turn.cue.empty() ? std::string() : "Heard: " + turn.cue;
      if (!turn.tip.empty()) note += (note.empty() ? "" : "\n") + turn.tip;
      ImGui::SetCursorScreenPos(ImVec2(x0 + column * 0.18f, ImGui::GetCursorScreenPos().y));
      wrapped_text(t.fonts.small, t.colors.text_muted, note, column * 0.82f);
      record_hit(newest ? std::string("coach:last") : "coach:turn:" + std::to_string(i + 1), note,
                 ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      ImGui::Dummy(ImVec2(0, t.dp(4)));
    }
  }
  const bool client_typing = app.client_typing();
  if (client_typing) {
    // The client is "typing" the next line: a bubble of three dots, then the line.
    const DrawnRect dots = bubble(index, true, "\xE2\x80\xA2 \xE2\x80\xA2 \xE2\x80\xA2", {}, 0);
    record_hit("client:typing", s->client.name + " is typing", dots.min, dots.max);
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && ImGui::IsMouseClicked(0)) app.skip_typing();
  } else if (!ended || !d->client_line().empty()) {
    const DrawnRect line = bubble(index, true, d->client_line(), {}, 0);
    record_hit(ended ? "client:final" : "client:last", d->client_line(), line.min, line.max);
    // The close, said before it comes: typed conversations ended after seven to nine replies with
    // no warning, and a learner's planned summary never got said (reviewer U).
    if (const Node* n = d->node(); !ended && n && s->last_exchange(*n)) {
      const std::string note = std::string("Last reply: the conversation closes after what you say next.") +
                               (app.coaching() ? " A short summary and a clear next step make a good close." : "");
      ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + t.dp(4)));
      wrapped_text(t.fonts.small, t.colors.text_muted, note, column);
      record_hit("notice:closing", note, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
  }
  ImGui::Dummy(ImVec2(0, t.dp(12)));
  // A chat read to its end stays at its end when the reply area grows under it (the which-did-
  // you-mean prompt hid the bottom of the client's last line).
  static float last_chat_h = 0;
  static bool was_at_bottom = true;
  const float chat_h = avail.y - replies_h;
  const bool at_bottom = ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - t.dp(2);
  const bool pin = app.requests().scroll || anim.appear < 1.0f || (chat_h != last_chat_h && was_at_bottom);
  if (pin) ImGui::SetScrollHereY(1.0f);
  was_at_bottom = at_bottom || pin;
  last_chat_h = chat_h;
  record_hit(
      "chat:view", "", ImGui::GetWindowPos(),
      ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
  ImGui::EndChild();

  // Reply area: header with the mode switch, then choices or the text box.
  ImVec2 rp = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddLine(rp, ImVec2(rp.x + avail.x, rp.y), t.colors.border, t.dp(1));
  ImGui::BeginChild("##replies", ImVec2(avail.x, replies_h), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + t.dp(8)));
  if (client_typing) {
    // Nothing to answer yet; a tap, Enter or Space shows the line at once.
    const std::string waiting = s->client.name + " is typing\xE2\x80\xA6";
    wrapped_text(t.fonts.small, t.colors.text_muted, waiting, column);
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + t.dp(4)));
    const bool show = pill_button("button:Show now", "Show now", false) ||
                      (!ImGui::GetIO().WantTextInput && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
                                                         ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false) ||
                                                         ImGui::IsKeyPressed(ImGuiKey_Space, false)));
    ImGui::EndChild();
    end_screen();
    if (show) app.skip_typing();
    return;
  }
  if (ended) {
    wrapped_text(t.fonts.small, t.colors.text_muted, "The conversation is over.", column);
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + t.dp(4)));
    if (app.take_content_focus()) ImGui::SetKeyboardFocusHere();
    const bool open = pill_button("button:Results", "See how it went") ||
                      (!ImGui::GetIO().WantTextInput && (ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
                                                         ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)));
    ImGui::EndChild();
    end_screen();
    if (open) app.open_screen(Screen::End);
    return;
  }
  float row_y = ImGui::GetCursorScreenPos().y;
  bool switched = false;
  if (app.options().kiosk) {
    // Walk-up kiosks have no keyboard: replies are chosen.
    wrapped_text(t.fonts.small, t.colors.text_muted, "Tap what you would say", column);
  } else {
    // A phone at the largest text has no room for both full labels on one row: shorter ones then.
    const bool short_labels = pill_width("Choose a reply") + t.dp(8) + pill_width("Type your own") > column;
    if (pill_button("mode:choice", short_labels ? "Choose" : "Choose a reply", !typing)) {
      app.set_reply_mode(ReplyMode::Choice);
      switched = true;
    }
    ImGui::SameLine(0, t.dp(8));
    if (pill_button("mode:text", short_labels ? "Type" : "Type your own", typing)) {
      app.set_reply_mode(ReplyMode::Text);
      switched = true;
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(x0, row_y + header_h - t.dp(8)));
  if (switched) {
    ImGui::Dummy(ImVec2(0, 0));  // the new mode is drawn next frame
  } else if (asking) {
    // The coder was unsure: the learner says which of the two likeliest codes they meant.
    const auto p = *app.pending_typed();
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
    wrapped_text(t.fonts.body, t.colors.text, "\xE2\x80\x9C" + p.text + "\xE2\x80\x9D", column);
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y + t.dp(4)));
    wrapped_text(t.fonts.small, t.colors.text_muted, "Which did you mean?", column);
    record_hit("which:prompt", "Which did you mean?", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    const int n = static_cast<int>(p.options.size());
    const bool narrow = column < t.dp(n > 2 ? 760 : 560);
    for (int k = 0; k <= n; ++k) {
      ImGui::SetCursorScreenPos(ImVec2(k == 0 || narrow ? x0 : ImGui::GetCursorScreenPos().x,
                                       ImGui::GetCursorScreenPos().y + (k == 0 || narrow ? t.dp(8) : 0)));
      if (k < n) {
        // On a narrow column each reading is a card of the column's width, its words wrapped: at the
        // largest text a pill ran to the phone's edge (reviewer Q).
        const std::string label = "which:" + std::to_string(k + 1);
        const std::string_view intent = code_intent(p.options[k]);
        // From the keyboard too: the first reading takes the focus, and its number answers (reviewer
        // X's focus landed on "Type your own", and the digits did nothing).
        if (k == 0 && app.take_content_focus()) ImGui::SetKeyboardFocusHere();
        const bool key =
            k < 9 && !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_1 + k), false);
        if ((narrow ? card_button(label.c_str(), intent, {}, column, {}) : pill_button(label.c_str(), intent)) || key)
          app.answer_which(p.options[k]);
      } else if (pill_button("which:edit", "Edit my reply", false)) {
        app.cancel_which();
        app.set_reply_mode(ReplyMode::Text);
      }
      if (!narrow && k < n) ImGui::SameLine(0, t.dp(8));
    }
  } else if (typing) {
    // A real text field over the canvas in the browser (any script, IMEs, paste, word wrap,
    // Enter sends and Shift+Enter starts a new line); ImGui's own box without a page.
    float send_w = t.dp(96);
    ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
    const bool focus = ImGui::IsWindowAppearing() || app.requests().focus_reply;
    app.text_field(
        "reply", {column - send_w - t.dp(12), box_h}, app.reply_draft(),
        app.options().touch ? "Type what you would say, then tap Send" : "Type what you would say, then press Enter",
        app.reply_draft_revision(), true, "input:reply", focus && !app.options().touch);
    ImGui::SameLine(0, t.dp(12));
    bool send = pill_button("button:Send", "Send");
    if (send || app.field_submitted("reply")) app.submit_text(app.reply_draft());
  } else {
    // Cards cut off by the panel's lower edge are counted, and a fade with the count sits on that
    // edge: a kiosk visitor at 1920x1080 saw three of four replies and no sign of the fourth
    // (reviewer W), and a phone at the largest text shows two (reviewer V).
    const float edge = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
    int below = 0;
    const size_t first_card = hit_count();
    for (size_t k = 0; k < offer.size(); ++k) {
      ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
      std::string label = "reply:" + std::to_string(k + 1);
      std::string badge = std::to_string(k + 1);
      if (k == 0 && app.take_content_focus()) ImGui::SetKeyboardFocusHere();
      if (card_button(label.c_str(), d->node()->replies[offer[k]].text, {}, column, badge)) {
        app.choose_reply(k);
        break;
      }
      if (ImGui::GetItemRectMax().y > edge + 1) ++below;
    }
    if (below > 0) more_below(below, x0, column, edge, first_card);
  }
  ImGui::EndChild();
  if (!typing && !ImGui::GetIO().WantTextInput)
    for (size_t k = 0; k < offer.size() && k < 9; ++k)
      if (ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_1 + static_cast<int>(k)), false)) {
        app.choose_reply(k);
        break;
      }
  end_screen();
}

}  // namespace rapport::ui
