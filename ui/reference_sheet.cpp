// The reference sheet, reachable from every screen: common client challenges with an approach
// for each, and cards for the listening skills (OARS, autonomy, asking before advising).
#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "text_wrap.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

struct ChallengeRow {
  const char* id;  // a known_challenges() id
  const char* approach;
};

// In the order a learner meets them: the everyday four, then the ones our scenarios practise.
const ChallengeRow kChallenges[] = {
    {"unrealistic_expectations",
     "Be plain about what the work can and cannot deliver, then agree goals you can both stand behind."},
    {"budget_constraints",
     "Put the trade-offs on the table together: a smaller scope, a longer timeline or a phased plan that fits the "
     "money."},
    {"project_delays",
     "Tell them early what slipped and why, give a date you can keep, and check in before they have to chase you."},
    {"miscommunication",
     "Play back what you heard, keep one shared written record, and agree who tells whom what, and when."},
    {"questioned_advice",
     "Ask what does not sit right before defending the advice, then offer evidence they can test, such as a small "
     "pilot."},
    {"complaint",
     "Let them tell the whole story, reflect what it cost them, own your part, then fix it with a named owner and a "
     "date."},
    {"price_objection",
     "Find out what the price is being weighed against, then talk about value and options rather than reaching for a "
     "discount."},
    {"reluctant_change",
     "Explore their reasons for staying put as well as for changing, and leave the decision with them."},
    {"bad_news",
     "Give a moment's warning, say it early and in plain words, then pause and listen before moving on to what happens "
     "next."},
};

struct Example {
  const char* tag;  // e.g. "Simple"; may be empty
  const char* text;
};

struct SkillCard {
  const char* id;
  const char* title;
  const char* what;
  std::vector<Example> examples;
};

const std::vector<SkillCard>& skill_cards() {
  static const std::vector<SkillCard> cards{
      {"open_questions",
       "Open questions",
       "Invite the client to explore in their own words; many answers are possible.",
       {{"", "What worries you most about this?"},
        {"", "How would you like this to go?"},
        {"", "Talk me through what happened from your side."}}},
      {"reflections",
       "Reflections",
       "Say back what you heard. A simple reflection restates it; a complex one adds the feeling or meaning "
       "underneath.",
       {{"Simple", "So the delay has left you exposed with your board."},
        {"Complex", "It sounds like you have been carrying this on your own."},
        {"Two-sided", "Part of you wants to go ahead, and part of you worries about the people it affects."}}},
      {"affirmations",
       "Affirmations",
       "Recognise a real strength or effort of the client's, not a generic \xE2\x80\x9Cgreat\xE2\x80\x9D.",
       {{"", "You have clearly thought hard about your team in all this."},
        {"", "Raising this with me directly took some courage."},
        {"", "You came with the figures, which makes this much easier."}}},
      {"summaries",
       "Summaries",
       "Pull together what you have heard so far, then check you have it right.",
       {{"",
         "Let me see if I have this: the cost worries you, the timing worries you more, and you want a way to test it "
         "first. "
         "Did I miss anything?"},
        {"", "So far we have agreed two things. What else should go on the list?"}}},
      {"autonomy",
       "Autonomy",
       "Leave the choice, and the control, with the client.",
       {{"", "It is your call, and I will back whichever way you go."},
        {"", "You know your business better than anyone in this room."},
        {"", "Take the options away and see which one fits."}}},
  };
  return cards;
}

constexpr const char* kPermission =
    "Ask before you advise. \xE2\x80\x9CWould it help if I shared what other clients in your position have "
    "done?\xE2\x80\x9D "
    "When they say yes, your advice arrives as an offer rather than a push; when they say no, keep listening.";

float text_height(ImFont* font, std::string_view text, float wrap) { return wrapped_size(font, text, wrap).y; }

void draw_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, std::string_view text, float wrap) {
  draw_wrapped(dl, font, pos, col, text, wrap);
}

/// A focusable, inert item over a rectangle so keyboard users can step through (and scroll to)
/// read-only content; returns whether it has the visible keyboard focus.
bool focus_stop(const char* id, ImVec2 size) {
  ImGui::InvisibleButton(id, size);
  return ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;
}

void focus_ring(ImVec2 a, ImVec2 b, float rounding) {
  const Theme& t = theme();
  ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - t.dp(3), a.y - t.dp(3)), ImVec2(b.x + t.dp(3), b.y + t.dp(3)),
                                      t.colors.focus, rounding + t.dp(3), 0, t.dp(2.5f));
}

/// Lays out (and with `draw`, draws) one skill card at `p`; returns its height.
float skill_card(const SkillCard& card, ImVec2 p, float w, float height, bool draw) {
  const Theme& t = theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float pad = t.dp(16);
  float inner = w - 2 * pad;
  float bar = t.dp(3), indent = t.dp(12);
  if (draw) {
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + height), t.colors.background, t.dp(12));
    dl->AddRect(p, ImVec2(p.x + w, p.y + height), t.colors.border, t.dp(12), 0, t.dp(1));
  }
  float y = p.y + pad;
  if (draw) draw_text(dl, t.fonts.body, ImVec2(p.x + pad, y), t.colors.accent, card.title, inner);
  y += text_height(t.fonts.body, card.title, inner) + t.dp(4);
  if (draw) draw_text(dl, t.fonts.small, ImVec2(p.x + pad, y), t.colors.text_muted, card.what, inner);
  y += text_height(t.fonts.small, card.what, inner) + t.dp(10);
  for (const auto& ex : card.examples) {
    float top = y;
    if (*ex.tag) {
      if (draw)
        draw_text(dl, t.fonts.small, ImVec2(p.x + pad + indent, y), t.colors.text_muted, ex.tag, inner - indent);
      y += text_height(t.fonts.small, ex.tag, inner - indent) + t.dp(2);
    }
    std::string quoted = std::string("\xE2\x80\x9C") + ex.text + "\xE2\x80\x9D";
    if (draw) draw_text(dl, t.fonts.body, ImVec2(p.x + pad + indent, y), t.colors.text, quoted, inner - indent);
    y += text_height(t.fonts.body, quoted, inner - indent);
    if (draw) dl->AddRectFilled(ImVec2(p.x + pad, top), ImVec2(p.x + pad + bar, y), t.colors.accent, bar / 2);
    y += t.dp(10);
  }
  return y - p.y + pad - t.dp(10);
}

std::string card_text(const SkillCard& card) {
  std::string out = std::string(card.title) + ": " + card.what + " Examples:";
  for (const auto& ex : card.examples) out += std::string(" \"") + ex.text + "\"";
  return out;
}

void draw_challenges(const App& app, float x, float width) {
  const Theme& t = theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  bool two_columns = width >= t.dp(600);
  float pad = t.dp(12);
  float name_w = two_columns ? std::min(t.dp(230), width * 0.3f) : width - 2 * pad;
  float approach_x = two_columns ? pad + name_w + t.dp(16) : pad;
  float approach_w = width - approach_x - pad;
  const Scenario* current = app.current();
  if (two_columns) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    draw_text(dl, t.fonts.small, ImVec2(x + pad, p.y), t.colors.text_muted, "Challenge", 0);
    draw_text(dl, t.fonts.small, ImVec2(x + approach_x, p.y), t.colors.text_muted, "An approach that helps", 0);
    ImGui::Dummy(ImVec2(width, t.fonts.small->FontSize + t.dp(4)));
  }
  for (const auto& row : kChallenges) {
    std::string name = challenge_label(row.id);
    bool here = current && current->challenge == row.id;
    std::string shown = here ? name + " (this scenario)" : name;
    float name_h = text_height(t.fonts.body, shown, name_w);
    float approach_h = text_height(t.fonts.body, row.approach, approach_w);
    float h = two_columns ? std::max(name_h, approach_h) + 2 * pad : name_h + t.dp(4) + approach_h + 2 * pad;
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImVec2 q(p.x + width, p.y + h);
    std::string id = std::string("reference:challenge:") + row.id;
    bool focused = focus_stop(id.c_str(), ImVec2(width, h));
    if (here) dl->AddRectFilled(p, q, t.colors.tint, t.dp(8));
    dl->AddLine(ImVec2(p.x, p.y), ImVec2(q.x, p.y), t.colors.border, t.dp(1));
    draw_text(dl, t.fonts.body, ImVec2(p.x + pad, p.y + pad), t.colors.accent, shown, name_w);
    float ay = two_columns ? p.y + pad : p.y + pad + name_h + t.dp(4);
    draw_text(dl, t.fonts.body, ImVec2(p.x + approach_x, ay), t.colors.text, row.approach, approach_w);
    if (focused) focus_ring(p, q, t.dp(8));
    record_hit(id, shown + ": " + row.approach, p, q);
  }
  ImVec2 p = ImGui::GetCursorScreenPos();
  dl->AddLine(ImVec2(x, p.y), ImVec2(x + width, p.y), t.colors.border, t.dp(1));
}

void draw_cards(float x, float width) {
  const Theme& t = theme();
  const auto& cards = skill_cards();
  float gap = t.dp(12);
  int cols = width >= t.dp(620) ? 2 : 1;
  float w = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  for (size_t i = 0; i < cards.size(); i += static_cast<size_t>(cols)) {
    size_t end = std::min(cards.size(), i + static_cast<size_t>(cols));
    ImVec2 row = ImVec2(x, ImGui::GetCursorScreenPos().y);
    float h = 0;
    for (size_t k = i; k < end; ++k) h = std::max(h, skill_card(cards[k], row, w, 0, false));
    for (size_t k = i; k < end; ++k) {
      ImVec2 p(row.x + static_cast<float>(k - i) * (w + gap), row.y);
      ImGui::SetCursorScreenPos(p);
      std::string id = std::string("reference:card:") + cards[k].id;
      bool focused = focus_stop(id.c_str(), ImVec2(w, h));
      skill_card(cards[k], p, w, h, true);
      if (focused) focus_ring(p, ImVec2(p.x + w, p.y + h), t.dp(12));
      record_hit(id, card_text(cards[k]), p, ImVec2(p.x + w, p.y + h));
    }
    ImGui::SetCursorScreenPos(ImVec2(x, row.y + h + gap));
    ImGui::Dummy(ImVec2(width, 0));
  }
  // Asking permission: one line, set apart in an accent-tinted band.
  float pad = t.dp(16);
  float th = text_height(t.fonts.body, kPermission, width - 2 * pad - t.dp(6));
  ImVec2 p(x, ImGui::GetCursorScreenPos().y);
  ImVec2 q(p.x + width, p.y + th + 2 * pad);
  ImGui::SetCursorScreenPos(p);
  bool focused = focus_stop("reference:card:permission", ImVec2(width, q.y - p.y));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, q, t.colors.tint, t.dp(12));
  dl->AddRectFilled(p, ImVec2(p.x + t.dp(6), q.y), t.colors.accent, t.dp(12), ImDrawFlags_RoundCornersLeft);
  draw_text(dl, t.fonts.body, ImVec2(p.x + pad + t.dp(6), p.y + pad), t.colors.text, kPermission,
            width - 2 * pad - t.dp(6));
  if (focused) focus_ring(p, q, t.dp(12));
  record_hit("reference:card:permission", kPermission, p, q);
}

}  // namespace

void draw_reference(App& app) {
  const Theme& t = theme();
  constexpr const char* kPopup = "##reference";
  if (!ImGui::IsPopupOpen(kPopup)) ImGui::OpenPopup(kPopup);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImVec2 size(std::min(t.dp(900), vp->WorkSize.x * 0.92f), vp->WorkSize.y * 0.85f);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2),
                          ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(size, ImGuiCond_Always);
  bool narrow = size.x < t.dp(520);
  float pad = narrow ? t.dp(16) : t.dp(24);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, t.dp(14));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, t.dp(1));  // the sheet's edge, visible in high contrast
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar |
                                     ImGuiWindowFlags_NoScrollWithMouse;
  if (ImGui::BeginPopupModal(kPopup, nullptr, flags)) {
    bool close = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    float inner = ImGui::GetContentRegionAvail().x;
    ImVec2 top = ImGui::GetCursorScreenPos();

    // Header: title on the left, Close on the right.
    const char* close_text = "Close";
    float close_w = t.fonts.body->CalcTextSizeA(t.fonts.body->FontSize, FLT_MAX, 0, close_text).x + t.dp(40);
    ImGui::SetCursorScreenPos(ImVec2(top.x + inner - close_w, top.y));
    if (pill_button("button:Close reference", close_text, false)) close = true;
    float header_h = ImGui::GetItemRectSize().y;
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + (header_h - t.fonts.heading->FontSize) / 2 - t.dp(2)));
    wrapped_text(t.fonts.heading, t.colors.text, "Quick reference", inner - close_w - t.dp(12));
    record_hit("heading:reference", "Quick reference", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y + header_h + t.dp(12)));

    ImGui::BeginChild("##reference_scroll", ImGui::GetContentRegionAvail(), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NavFlattened);
    float x = ImGui::GetCursorScreenPos().x;
    float width = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ScrollbarSize - t.dp(4);
    wrapped_text(t.fonts.heading, t.colors.text, "Common challenges", width);
    wrapped_text(t.fonts.small, t.colors.text_muted,
                 "What tends to make a client conversation hard, and a first move that usually helps.", width);
    ImGui::Dummy(ImVec2(0, t.dp(4)));
    draw_challenges(app, x, width);
    ImGui::Dummy(ImVec2(0, t.dp(20)));
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    wrapped_text(t.fonts.heading, t.colors.text, "Skills that keep the client talking", width);
    wrapped_text(t.fonts.small, t.colors.text_muted,
                 "Open questions, affirmations, reflections and summaries, with the client's autonomy respected "
                 "throughout. A few phrases to borrow and make your own.",
                 width);
    ImGui::Dummy(ImVec2(0, t.dp(4)));
    draw_cards(x, width);
    ImGui::Dummy(ImVec2(0, t.dp(16)));
    ImGui::EndChild();

    if (close || !app.reference_open()) {
      app.open_reference(false);
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar(3);
}

}  // namespace rapport::ui
