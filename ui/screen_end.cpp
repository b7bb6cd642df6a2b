// End of a session: outcome, the 0-100 score, MITI figures with bands, the tactic checklist and
// the annotated transcript with stronger alternatives.
#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "debrief.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

constexpr float kPi = 3.14159265f;

ImU32 band_color(Band b) {
  const Theme& t = theme();
  return b == Band::Good ? t.colors.good : b == Band::Fair ? t.colors.fair : t.colors.poor;
}

void figure_card(const char* label, const std::string& value, const std::string& note, Band band, float w) {
  const Theme& t = theme();
  ImVec2 p = ImGui::GetCursorScreenPos();
  const float pad = t.dp(16);
  // A note too long to sit beside the band chip (a phone at the largest text) goes under it, and the
  // card grows by its line: above the chip it ran into the figure.
  const ImVec2 ns = t.fonts.small->CalcTextSizeA(t.fonts.small->FontSize, FLT_MAX, 0, note.c_str());
  const std::string_view chip_text = band_label(band);
  const float chip_w =
      t.fonts.small
          ->CalcTextSizeA(t.fonts.small->FontSize, FLT_MAX, 0, chip_text.data(), chip_text.data() + chip_text.size())
          .x +
      t.dp(20);
  const bool beside = pad + chip_w + t.dp(8) + ns.x + pad <= w;
  const float below = beside ? 0.f : ns.y + t.dp(6);
  const float h = t.dp(120) + below;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), t.colors.surface, t.dp(12));
  dl->AddRect(p, ImVec2(p.x + w, p.y + h), t.colors.border, t.dp(12));
  dl->AddText(t.fonts.small, t.fonts.small->FontSize, ImVec2(p.x + pad, p.y + pad), t.colors.text_muted, label);
  dl->AddText(t.fonts.title, t.fonts.title->FontSize, ImVec2(p.x + pad, p.y + pad + t.dp(20)), t.colors.text,
              value.c_str());
  ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + h - below - pad - t.fonts.small->FontSize - t.dp(8)));
  chip(band_label(band), band_color(band));
  dl->AddText(t.fonts.small, t.fonts.small->FontSize,
              beside ? ImVec2(p.x + w - pad - ns.x, p.y + h - pad - ns.y) : ImVec2(p.x + pad, p.y + h - pad - ns.y),
              t.colors.text_muted, note.c_str());
  ImGui::SetCursorScreenPos(p);
  ImGui::Dummy(ImVec2(w, h));
  record_hit(std::string("figure:") + label, value, p, ImVec2(p.x + w, p.y + h));
}

/// A line chart of trust (0-100) over turns, with a dot per turn and a labelled axis.
void trust_chart(const std::vector<int>& series, float w, float h) {
  const Theme& t = theme();
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), t.colors.surface, t.dp(12));
  dl->AddRect(p, ImVec2(p.x + w, p.y + h), t.colors.border, t.dp(12));
  float left = p.x + t.dp(40), right = p.x + w - t.dp(16), top = p.y + t.dp(14), bottom = p.y + h - t.dp(26);
  for (int v : {0, 50, 100}) {
    float y = bottom - (bottom - top) * v / 100.0f;
    dl->AddLine(ImVec2(left, y), ImVec2(right, y), t.colors.track, t.dp(1));
    std::string l = std::to_string(v);
    dl->AddText(t.fonts.small, t.fonts.small->FontSize, ImVec2(p.x + t.dp(10), y - t.fonts.small->FontSize / 2),
                t.colors.text_muted, l.c_str());
  }
  std::string summary = "Trust";
  if (series.size() >= 2) {
    std::vector<ImVec2> pts;
    for (size_t i = 0; i < series.size(); ++i) {
      float x = left + (right - left) * static_cast<float>(i) / static_cast<float>(series.size() - 1);
      pts.emplace_back(x, bottom - (bottom - top) * std::clamp(series[i], 0, 100) / 100.0f);
    }
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), t.colors.accent, 0, t.dp(2.5f));
    for (size_t i = 0; i < pts.size(); ++i) {
      dl->AddCircleFilled(pts[i], t.dp(4), t.colors.accent);
      summary += (i == 0 ? ": " : ", ") + std::to_string(series[i]);
    }
    dl->AddText(t.fonts.small, t.fonts.small->FontSize, ImVec2(left, bottom + t.dp(6)), t.colors.text_muted, "start");
    const char* end_label = "last turn";
    float ew = t.fonts.small->CalcTextSizeA(t.fonts.small->FontSize, FLT_MAX, 0, end_label).x;
    dl->AddText(t.fonts.small, t.fonts.small->FontSize, ImVec2(right - ew, bottom + t.dp(6)), t.colors.text_muted,
                end_label);
  }
  record_hit("chart:trust", summary, p, ImVec2(p.x + w, p.y + h));
  ImGui::Dummy(ImVec2(w, h));
}

}  // namespace

void draw_end(App& app) {
  const Theme& t = theme();
  const Dialogue* d = app.dialogue();
  const Scenario* s = app.current();
  if (!begin_screen("##end")) {
    end_screen();
    return;
  }
  draw_top_bar(app, true, nullptr, false);
  if (!d || !s || !d->ending() || !app.score()) {
    end_screen();
    return;
  }
  const SessionScore& sc = *app.score();
  const Ending& e = *d->ending();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##end_scroll", avail, ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  if (app.requests().scroll) ImGui::SetScrollY(0.0f);  // a new results page opens at the top
  float margin = t.dp(16);
  float width = std::min(avail.x - 2 * margin, t.dp(860));
  float x = ImGui::GetCursorScreenPos().x + (avail.x - width) / 2;
  auto at_x = [&] { ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y)); };
  ImGui::Dummy(ImVec2(0, t.dp(24)));

  // Headline and score (text beside the score ring is narrower until it has passed it).
  float score_bottom = 0;
  ImU32 kind_col = e.kind == "breakthrough" ? t.colors.good : e.kind == "partial" ? t.colors.fair : t.colors.poor;
  std::string kind = e.kind == "breakthrough" ? "Breakthrough" : e.kind == "partial" ? "Partial outcome" : "Rupture";
  at_x();
  chip(kind, kind_col);
  const float chip_top = ImGui::GetItemRectMin().y;
  const float r = t.dp(46);
  auto score_ring = [&](ImVec2 c) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddCircle(c, r, t.colors.track, 48, t.dp(8));
    float frac = std::clamp(sc.total, 0, 100) / 100.0f;
    dl->PathArcTo(c, r, -kPi / 2, -kPi / 2 + frac * 2 * kPi, 48);
    dl->PathStroke(kind_col, 0, t.dp(8));
    std::string v = std::to_string(sc.total);
    ImVec2 vs = t.fonts.title->CalcTextSizeA(t.fonts.title->FontSize, FLT_MAX, 0, v.c_str());
    dl->AddText(t.fonts.title, t.fonts.title->FontSize, ImVec2(c.x - vs.x / 2, c.y - vs.y / 2), t.colors.text,
                v.c_str());
    record_hit("score", v, ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r));
    score_bottom = c.y + r + t.dp(8);
  };
  // Too narrow for the title beside the ring (a phone at the largest text left it a column of one
  // word per line): the ring goes beside the outcome chip and the title below it, full width.
  if (width - t.dp(140) < t.dp(260)) {
    score_ring(ImVec2(x + width - t.dp(56), chip_top + r));
    ImGui::SetCursorScreenPos(ImVec2(x, std::max(ImGui::GetCursorScreenPos().y, score_bottom)));
    wrapped_text(t.fonts.title, t.colors.text, e.title, width);
    record_hit("outcome", e.title, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  } else {
    at_x();
    wrapped_text(t.fonts.title, t.colors.text, e.title, width - t.dp(140));
    record_hit("outcome", e.title, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    score_ring(ImVec2(x + width - t.dp(56), ImGui::GetItemRectMin().y + t.dp(20)));
  }
  // On a narrow screen the debrief starts below the score ring and takes the full width.
  const bool narrow = width - t.dp(140) < t.dp(360);
  if (narrow) ImGui::SetCursorScreenPos(ImVec2(x, std::max(ImGui::GetCursorScreenPos().y, score_bottom)));
  at_x();
  wrapped_text(t.fonts.body, t.colors.text, e.debrief, narrow ? width : width - t.dp(140));
  // The actions come before the details, so that a keyboard's first focus, on "Write the follow-up
  // email", does not scroll the outcome out of view.
  ImGui::Dummy(ImVec2(0, t.dp(4)));
  ImGui::SetCursorScreenPos(ImVec2(x, std::max(ImGui::GetCursorScreenPos().y, score_bottom)));  // clear of the ring
  PillRow row(x, width);
  if (app.take_content_focus()) ImGui::SetKeyboardFocusHere();
  if (row.button("button:Follow-up", "Write the follow-up email", true)) app.open_screen(Screen::FollowUp);
  if (row.button("button:Roadmap", "See the map")) app.open_screen(Screen::Roadmap);
  bool try_again = row.button("button:Try again", "Try again");
  if (!app.options().embed && row.button("button:Back to library", "Library")) app.open_home();
  // The score moves when a follow-up email covers the essentials: say by how much, before and after.
  if (sc.followup_points > 0) {
    const std::string points = std::to_string(sc.followup_points) + (sc.followup_points == 1 ? " point" : " points");
    const std::string line = sc.followup_counted
                                 ? "Your follow-up email added " + points + " to this score."
                                 : "A follow-up email that covers the essentials adds " + points + " to this score.";
    at_x();
    wrapped_text(t.fonts.small, t.colors.text_muted, line, width);
    record_hit("end:followup-points", line, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
  // What this learner did, from the transcript (core/debrief.h), under its own heading: a reviewer
  // read the ending's text, which says how conversations usually reach it, as praise of replies
  // they had not given.
  const std::vector<DebriefLine> lines = transcript_debrief(*d);
  if (!lines.empty()) {
    ImGui::Dummy(ImVec2(0, t.dp(4)));
    at_x();
    wrapped_text(t.fonts.heading, t.colors.text, "In your conversation",
                 ImGui::GetCursorScreenPos().y > score_bottom ? width : width - t.dp(140));
    record_hit("debrief:heading", "In your conversation", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
  for (const DebriefLine& line : lines) {
    at_x();
    wrapped_text(t.fonts.body, t.colors.text, line.text,
                 ImGui::GetCursorScreenPos().y > score_bottom ? width : width - t.dp(140));
    record_hit("debrief:" + line.kind, line.text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
  ImGui::Dummy(ImVec2(0, t.dp(12)));

  // MITI figures.
  const MitiSummary& m = sc.miti;
  float gap = t.dp(12);
  int cols = width < t.dp(560) ? 1 : 3;
  float cw = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  char buf[64];
  // Without a question there is no ratio: "0.0 : 1" read as a score after a two-turn conversation.
  at_x();
  figure_card("Reflections per question", reflection_ratio_text(m.reflections, m.questions),
              m.questions > 0
                  ? "fair 1:1, good 2:1"
                  : (m.reflections > 0 ? "no questions yet to weigh them against" : "no reflections or questions"),
              m.rq_band, cw);
  if (cols > 1)
    ImGui::SameLine(0, gap);
  else
    at_x();
  // With no reflection at all there is no share to show ("0%" read as a score of zero).
  std::snprintf(buf, sizeof buf, "%.0f%%", m.percent_complex);
  figure_card("Complex reflections", m.reflections > 0 ? buf : "none",
              m.reflections > 0 ? "fair 40%, good 50%" : "no reflections", m.complex_band, cw);
  if (cols > 1)
    ImGui::SameLine(0, gap);
  else
    at_x();
  figure_card("MI-consistent replies", consistency_text(m), adherence_note(m), m.consistent_band, cw);
  ImGui::Dummy(ImVec2(0, t.dp(8)));

  // Tactics.
  at_x();
  wrapped_text(t.fonts.heading, t.colors.text, "What you did", width);
  for (const auto& tac : sc.tactics) {
    at_x();
    // A drawn mark (the words "done"/"not yet" go to the hit table for screen readers).
    ImVec2 p = ImGui::GetCursorScreenPos();
    float mark = status_mark(p, tac.done);
    ImGui::SetCursorScreenPos(ImVec2(x + mark, p.y));
    std::string line = tac.label + "  \xE2\x80\x94  " + tac.evidence;
    wrapped_text(t.fonts.body, tac.done ? t.colors.text : t.colors.text_muted, line, width - mark);
    record_hit("tactic:" + tac.id, (tac.done ? "done: " : "not yet: ") + line, p, ImGui::GetItemRectMax());
  }
  ImGui::Dummy(ImVec2(0, t.dp(8)));

  // Journal: what worked, what to try next time.
  if (!app.options().kiosk) {
    at_x();
    wrapped_text(t.fonts.heading, t.colors.text, "Your journal", width);
    at_x();
    wrapped_text(t.fonts.small, t.colors.text_muted,
                 "What worked in this conversation? What will you try next time? Saved with this session.", width);
    at_x();
    if (app.text_field("journal", {width, t.dp(110)}, app.journal_draft(), "What worked, and what to try next time",
                       app.followup_revision()))
      app.journal_edited();
    at_x();
    if (pill_button("button:Save journal", app.journal_saved() ? "Saved" : "Save journal entry", !app.journal_saved()))
      app.save_journal();
    ImGui::Dummy(ImVec2(0, t.dp(8)));
  }

  // Trust across the turns.
  at_x();
  wrapped_text(t.fonts.heading, t.colors.text, "Trust across the conversation", width);
  at_x();
  trust_chart(d->trust_series(), width, t.dp(150));
  ImGui::Dummy(ImVec2(0, t.dp(8)));

  // Annotated transcript, with the client's reaction and "retry from this turn".
  at_x();
  wrapped_text(t.fonts.heading, t.colors.text, "Your conversation, turn by turn", width);
  std::optional<size_t> retry;
  const auto& turns = d->transcript();
  for (size_t i = 0; i < turns.size(); ++i) {
    const Turn& turn = turns[i];
    ImGui::PushID(static_cast<int>(i));
    // The client's line once: each turn's answer is the next turn's prompt (a reviewer read every
    // line twice on a phone, as "Reaction:" and again above the next reply).
    if (i == 0) {
      at_x();
      wrapped_text(t.fonts.small, t.colors.text_muted, s->client.name + ": " + turn.client_line, width);
    }
    at_x();
    wrapped_text(t.fonts.body, t.colors.text, "You: " + turn.reply, width);
    at_x();
    // The chip the conversation showed: "closed question · heard as advice" stays so here.
    const bool monologue = turn.typed && is_rambling(turn.reply);
    const bool advice = heard_as_advice(turn.typed, turn.code, turn.reply, turn.client_line);
    chip(code_chip_text(turn.code, turn.self_coded, monologue, advice, reflection_leads(turn)),
         code_chip_color(turn.code, monologue, advice));
    if (!turn.cue.empty()) {
      // Beside the chip while a third of the column is left for it, else under it: a phone at the
      // largest text had cut "asks for a fact" off at the screen's edge.
      const float chip_w = ImGui::GetItemRectSize().x, gap = t.dp(10);
      if (width - chip_w - gap >= width / 3) {
        ImGui::SameLine(0, gap);
        wrapped_text(t.fonts.small, t.colors.text_muted, turn.cue, width - chip_w - gap);
      } else {
        at_x();
        wrapped_text(t.fonts.small, t.colors.text_muted, turn.cue, width);
      }
    }
    std::string reaction = i + 1 < turns.size() ? turns[i + 1].client_line : d->client_line();
    if (!reaction.empty()) {
      at_x();
      wrapped_text(t.fonts.small, t.colors.text_muted, s->client.name + ": " + reaction, width);
    }
    if (!turn.better.empty()) {
      at_x();
      wrapped_text(t.fonts.small, t.colors.accent, "A stronger reply here: " + turn.better, width);
    }
    at_x();
    std::string label = "retry:" + std::to_string(i + 1);
    if (pill_button(label.c_str(), "Retry from this turn", false)) retry = i;
    ImGui::Dummy(ImVec2(0, t.dp(10)));
    ImGui::PopID();
  }
  ImGui::Dummy(ImVec2(0, t.dp(40)));
  ImGui::EndChild();
  end_screen();
  if (retry) app.retry_from(*retry);
  if (try_again && app.playtesting()) {
    app.start_playtest(app.playtest_from());
  } else if (try_again) {
    auto it = std::find_if(app.scenarios().begin(), app.scenarios().end(),
                           [&](const Scenario& x2) { return x2.id == s->id; });
    app.start_scenario(static_cast<size_t>(it - app.scenarios().begin()));
  }
}

}  // namespace rapport::ui
