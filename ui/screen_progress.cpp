// Progress: the suggested next scenario, charts of the skill figures over sessions, best per
// scenario, the history with journal entries, and export / import / reset.
#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "progress_summary.h"
#include "theme.h"
#include "utf8_text.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

/// A small line chart of one figure over sessions, with its latest value in words and its scale
/// (0 at the baseline, `top` at the top line). `texts`, when given, is how each value reads (the
/// reflection figure: "1 : 0" has no ratio).
void trend_chart(const char* label, const char* id, const std::vector<double>& values, double max_value,
                 const char* unit, const char* top, float w, float h, const std::vector<std::string>& texts = {}) {
  const Theme& t = theme();
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), t.colors.surface, t.dp(12));
  dl->AddRect(p, ImVec2(p.x + w, p.y + h), t.colors.border, t.dp(12));
  float pad = t.dp(14);
  dl->AddText(t.fonts.small, t.fonts.small->FontSize, ImVec2(p.x + pad, p.y + pad), t.colors.text_muted, label);
  char latest[48] = "no sessions yet";
  // Scores and percentages are whole numbers; the reflection ratio keeps one decimal.
  const char* fmt = std::string_view(unit) == ":1" ? "latest %.1f%s" : "latest %.0f%s";
  if (!values.empty()) std::snprintf(latest, sizeof latest, fmt, values.back(), unit);
  if (!texts.empty()) std::snprintf(latest, sizeof latest, "latest %s", texts.back().c_str());
  dl->AddText(t.fonts.body, t.fonts.body->FontSize, ImVec2(p.x + pad, p.y + pad + t.dp(18)), t.colors.text, latest);
  float left = p.x + pad, right = p.x + w - pad, top_y = p.y + pad + t.dp(48), bottom = p.y + h - pad;
  ImFont* scale = t.fonts.small;
  const float scale_h = scale->FontSize;
  const float scale_w =
      std::max(scale->CalcTextSizeA(scale_h, FLT_MAX, 0, top).x, scale->CalcTextSizeA(scale_h, FLT_MAX, 0, "0").x);
  dl->AddText(scale, scale_h, ImVec2(left, top_y - scale_h / 2), t.colors.text_muted, top);
  dl->AddText(scale, scale_h, ImVec2(left, bottom - scale_h / 2), t.colors.text_muted, "0");
  left += scale_w + t.dp(8);
  dl->AddLine(ImVec2(left, top_y), ImVec2(right, top_y), t.colors.border, t.dp(1));
  dl->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), t.colors.track, t.dp(1));
  std::string summary = std::string(label) + ":";
  if (values.size() >= 1) {
    std::vector<ImVec2> pts;
    for (size_t i = 0; i < values.size(); ++i) {
      float fx = values.size() == 1 ? 0.5f : static_cast<float>(i) / static_cast<float>(values.size() - 1);
      float fy = static_cast<float>(std::clamp(values[i] / max_value, 0.0, 1.0));
      pts.emplace_back(left + (right - left) * fx, bottom - (bottom - top_y) * fy);
      char v[24];
      std::snprintf(v, sizeof v, std::string_view(unit) == ":1" ? " %.1f" : " %.0f", values[i]);
      summary += i < texts.size() ? (i ? ", " : " ") + texts[i] : std::string(v);
    }
    if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), t.colors.accent, 0, t.dp(2));
    for (const auto& pt : pts) dl->AddCircleFilled(pt, t.dp(3.5f), t.colors.accent);
  }
  record_hit(id, summary, p, ImVec2(p.x + w, p.y + h));
  ImGui::Dummy(ImVec2(w, h));
}

}  // namespace

void draw_progress(App& app) {
  const Theme& t = theme();
  if (!begin_screen("##progress")) {
    end_screen();
    return;
  }
  draw_top_bar(app, false, "Your progress");
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##progress_scroll", avail, ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
  float margin = avail.x < t.dp(600) ? t.dp(16) : t.dp(32);
  float width = std::min(avail.x - 2 * margin, t.dp(1000));
  float x = ImGui::GetCursorScreenPos().x + (avail.x - width) / 2;
  auto at_x = [&] { ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y)); };
  const ProgressRecord& rec = app.progress();
  ImGui::Dummy(ImVec2(0, t.dp(16)));
  at_x();
  wrapped_text(t.fonts.title, t.colors.text, "Your progress", width);
  for (size_t i = 0; i < app.notices().size(); ++i) {
    at_x();
    wrapped_text(t.fonts.small, t.colors.fair, app.notices()[i], width);
    record_hit("notice:" + std::to_string(i + 1), app.notices()[i], ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }

  // Suggested next scenario.
  if (const Scenario* next = app.suggested_next()) {
    at_x();
    wrapped_text(t.fonts.heading, t.colors.text, "Suggested next", width);
    at_x();
    if (card_button("suggest:next", next->title, app.suggestion_reason(), width, "\xE2\x86\x92")) {
      for (size_t i = 0; i < app.scenarios().size(); ++i)
        if (&app.scenarios()[i] == next) app.start_scenario(i);
    }
  }

  // Skill figures over the runs.
  const SkillTrend trend = skill_trend(rec);
  at_x();
  wrapped_text(t.fonts.heading, t.colors.text, "Your skills over time", width);
  int cols = width < t.dp(640) ? 1 : 3;
  float gap = t.dp(12), cw = (width - gap * static_cast<float>(cols - 1)) / static_cast<float>(cols), ch = t.dp(150);
  at_x();
  trend_chart("Reflections per question", "trend:rq", trend.reflections_per_question, 3.0, ":1", "3 : 1", cw, ch,
              trend.reflection_texts);
  if (cols > 1)
    ImGui::SameLine(0, gap);
  else
    at_x();
  trend_chart("Complex reflections", "trend:complex", trend.percent_complex, 100.0, "%", "100%", cw, ch);
  if (cols > 1)
    ImGui::SameLine(0, gap);
  else
    at_x();
  trend_chart("Session score", "trend:score", trend.score, 100.0, "", "100", cw, ch);
  if (!trend.note.empty()) {
    at_x();
    wrapped_text(t.fonts.small, t.colors.text_muted, trend.note, width);
    record_hit("trend:note", trend.note, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }

  // Best per scenario.
  at_x();
  wrapped_text(t.fonts.heading, t.colors.text, "Best per scenario", width);
  for (const auto& s : app.scenarios()) {
    at_x();
    const bool played = rec.best_score(s.id).has_value();
    std::string line = s.title + "  \xE2\x80\x94  " + scenario_record_line(rec, s.id);
    wrapped_text(t.fonts.body, played ? t.colors.text : t.colors.text_muted, line, width);
    record_hit("best:" + s.id, line, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }

  // History, newest first.
  at_x();
  wrapped_text(t.fonts.heading, t.colors.text, "History", width);
  if (rec.sessions.empty()) {
    at_x();
    wrapped_text(t.fonts.body, t.colors.text_muted, "Finished sessions appear here.", width);
  }
  std::optional<size_t> open;
  for (size_t k = rec.sessions.size(); k-- > 0;) {
    const SessionRecord& s = rec.sessions[k];
    std::string title = s.scenario;
    for (const auto& sc : app.scenarios())
      if (sc.id == s.scenario) title = sc.title;
    std::string date(utf8_prefix(s.finished, 10));
    std::string line = date + "  \xC2\xB7  " + title;
    std::string detail = history_detail(s);
    at_x();
    const std::string label = "history:" + std::to_string(rec.sessions.size() - k);
    if (card_button(label.c_str(), line, detail, width, "\xE2\x86\x92", false, true)) open = k;
    ImGui::Dummy(ImVec2(0, t.dp(4)));
  }

  // Your data.
  at_x();
  wrapped_text(t.fonts.heading, t.colors.text, "Your data", width);
  at_x();
  wrapped_text(t.fonts.small, t.colors.text_muted,
               "Everything stays in this browser. Export it to keep a copy or move to another device.", width);
  at_x();
  if (pill_button("button:Export", "Export", false)) app.export_progress();
  ImGui::SameLine(0, t.dp(8));
  if (pill_button("button:Import", "Import", false)) app.request_progress_import();
  ImGui::SameLine(0, t.dp(8));
  if (!app.reset_asked()) {
    if (pill_button("button:Reset", "Reset progress", false)) app.ask_reset(true);
  } else {
    if (pill_button("button:Confirm reset", "Yes, delete my progress", true)) app.confirm_reset();
    ImGui::SameLine(0, t.dp(8));
    if (pill_button("button:Cancel reset", "Keep it", false)) app.ask_reset(false);
  }
  ImGui::Dummy(ImVec2(0, t.dp(40)));
  ImGui::EndChild();
  end_screen();
  if (open) app.open_history(*open);
}

}  // namespace rapport::ui
