#include "conversation_panel.h"

#include <algorithm>
#include <cfloat>
#include <string>

#include "coaching.h"
#include "imgui.h"
#include "live_coach.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

ImU32 band_color(const CoachFigure& f) {
  const Theme& t = theme();
  if (!f.banded) return t.colors.text_muted;
  return f.band == Band::Good ? t.colors.good : f.band == Band::Fair ? t.colors.fair : t.colors.poor;
}

/// A labelled paragraph: small muted heading, body text below; recorded as one hit.
void paragraph(const char* hit, const std::string& heading, const std::string& body, float x, float width) {
  const Theme& t = theme();
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  wrapped_text(t.fonts.small, t.colors.text_muted, heading, width);
  ImVec2 top = ImGui::GetItemRectMin();
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  wrapped_text(t.fonts.body, t.colors.text, body, width);
  record_hit(hit, heading + ": " + body, top, ImGui::GetItemRectMax());
}

}  // namespace

bool conversation_panel_fits(float width) { return width >= theme().dp(1380); }

float conversation_panel_width(float width) {
  const Theme& t = theme();
  return std::clamp(width * 0.26f, t.dp(360), t.dp(480));
}

void draw_conversation_panel(App& app, ImVec2 min, ImVec2 size) {
  const Theme& t = theme();
  const Dialogue* d = app.dialogue();
  const Scenario* s = app.current();
  if (!d || !s) return;
  ImDrawList* outer = ImGui::GetWindowDrawList();
  outer->AddRectFilled(min, ImVec2(min.x + size.x, min.y + size.y), t.colors.surface);
  outer->AddLine(min, ImVec2(min.x, min.y + size.y), t.colors.border, t.dp(1));
  ImGui::SetCursorScreenPos(min);
  ImGui::BeginChild("##panel", size, ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  const float pad = t.dp(24);
  const float x = min.x + pad;
  const float width = size.x - 2 * pad;
  ImGui::Dummy(ImVec2(0, t.dp(20)));

  // Who: an initials disc, the name, role and organisation.
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  ImVec2 top = ImGui::GetCursorScreenPos();
  float r = t.dp(22);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddCircleFilled(ImVec2(top.x + r, top.y + r), r, t.colors.tint);
  const std::string who = initials(s->client.name);
  ImVec2 ws = t.fonts.body->CalcTextSizeA(t.fonts.body->FontSize, FLT_MAX, 0, who.c_str());
  dl->AddText(t.fonts.body, t.fonts.body->FontSize, ImVec2(top.x + r - ws.x / 2, top.y + r - ws.y / 2), t.colors.accent,
              who.c_str());
  float text_x = top.x + 2 * r + t.dp(12);
  ImGui::SetCursorScreenPos(ImVec2(text_x, top.y));
  ImGui::BeginGroup();
  wrapped_text(t.fonts.heading, t.colors.text, s->client.name, width - (text_x - x));
  std::string role = s->client.role;
  if (!s->client.organisation.empty()) role += (role.empty() ? "" : ", ") + s->client.organisation;
  if (!role.empty()) wrapped_text(t.fonts.small, t.colors.text_muted, role, width - (text_x - x));
  ImGui::EndGroup();
  record_hit("panel:client", s->client.name + (role.empty() ? "" : ", " + role), top,
             ImVec2(x + width, std::max(ImGui::GetItemRectMax().y, top.y + 2 * r)));
  ImGui::SetCursorScreenPos(ImVec2(x, std::max(ImGui::GetItemRectMax().y, top.y + 2 * r) + t.dp(12)));
  if (app.coaching()) {
    ImGui::Dummy(ImVec2(0, t.dp(4)));
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    wrapped_text(t.fonts.heading, t.colors.text, "Coaching", width);

    // The newest reply: its code on a chip, the cue that decided it, one tip.
    if (!d->transcript().empty()) {
      const Turn& turn = d->transcript().back();
      ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
      ImVec2 note_top = ImGui::GetCursorScreenPos();
      const bool monologue = turn.typed && is_rambling(turn.reply);
      const bool advice = heard_as_advice(turn.typed, turn.code, turn.reply, turn.client_line);
      chip(code_chip_text(turn.code, turn.self_coded, monologue, advice, reflection_leads(turn)),
           code_chip_color(turn.code, monologue, advice));
      std::string note = turn.cue.empty() ? std::string() : "Heard: " + turn.cue;
      if (!turn.tip.empty()) note += (note.empty() ? "" : "\n") + turn.tip;
      if (!note.empty()) {
        ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
        wrapped_text(t.fonts.body, t.colors.text, note, width);
      }
      record_hit("coach:last", std::string(code_label(turn.code)) + (note.empty() ? "" : ": " + note), note_top,
                 ImVec2(x + width, ImGui::GetItemRectMax().y));
      ImGui::Dummy(ImVec2(0, t.dp(8)));
    }

    // The summary scores so far, each with its band's colour and the target.
    const LiveCoaching live = live_coaching(*d);
    for (size_t i = 0; i < live.figures.size(); ++i) {
      const CoachFigure& f = live.figures[i];
      ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
      ImVec2 p = ImGui::GetCursorScreenPos();
      float dot = t.dp(6);
      dl->AddCircleFilled(ImVec2(p.x + dot, p.y + t.fonts.body->FontSize * 0.55f), dot, band_color(f));
      ImGui::SetCursorScreenPos(ImVec2(p.x + 2 * dot + t.dp(10), p.y));
      ImGui::BeginGroup();
      const float inner = width - 2 * dot - t.dp(10);
      const std::string band = f.banded ? "  \xC2\xB7  " + std::string(band_label(f.band)) : std::string();
      wrapped_text(t.fonts.body, t.colors.text, f.label + ": " + f.value + band, inner);
      // The target, unless it is already reached.
      const std::string foot = f.banded && f.band == Band::Good ? std::string() : f.target;
      if (!foot.empty()) wrapped_text(t.fonts.small, t.colors.text_muted, foot, inner);
      ImGui::EndGroup();
      record_hit("coach:figure:" + std::to_string(i + 1),
                 f.label + ": " + f.value + band + (foot.empty() ? "" : " (" + foot + ")"), p, ImGui::GetItemRectMax());
    }
    ImGui::Dummy(ImVec2(0, t.dp(8)));
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    ImVec2 next_top = ImGui::GetCursorScreenPos();
    wrapped_text(t.fonts.small, t.colors.accent, "Try next", width);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    wrapped_text(t.fonts.body, t.colors.text, live.next, width);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    wrapped_text(t.fonts.small, t.colors.text_muted, live.why, width);
    record_hit("coach:next", live.next + " " + live.why, next_top, ImVec2(x + width, ImGui::GetItemRectMax().y));
    ImGui::Dummy(ImVec2(0, t.dp(12)));
    ImVec2 rule = ImGui::GetCursorScreenPos();
    dl->AddLine(ImVec2(x, rule.y), ImVec2(x + width, rule.y), t.colors.border, t.dp(1));
    ImGui::Dummy(ImVec2(0, t.dp(12)));
  }
  // The client, for reference: what they want, what they fear, the brief.
  if (!s->client.wants.empty()) paragraph("panel:wants", "What they want", s->client.wants, x, width);
  ImGui::Dummy(ImVec2(0, t.dp(4)));
  if (!s->client.fears.empty()) paragraph("panel:fears", "What they fear", s->client.fears, x, width);
  ImGui::Dummy(ImVec2(0, t.dp(4)));
  if (!s->briefing.empty()) paragraph("panel:brief", "The brief", s->briefing, x, width);

  ImGui::Dummy(ImVec2(0, t.dp(24)));
  ImGui::EndChild();
}

}  // namespace rapport::ui
