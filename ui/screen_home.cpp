// Home: the scenario library with a slim progress header and a "continue" card.
#include <algorithm>
#include <cstdio>
#include <string>

#include "app.h"
#include "imgui.h"
#include "progress_summary.h"
#include "text_wrap.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

const char* difficulty_label(int d) { return d <= 1 ? "Gentle" : d == 2 ? "Challenging" : "Hard"; }

/// The title and the progress line; `text_width` leaves room for the header actions beside it.
void progress_header(App& app, float x, float text_width) {
  const Theme& t = theme();
  const ProgressRecord& p = app.progress();
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  ImGui::PushFont(t.fonts.title);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.colors.text), "Rapport");
  ImGui::PopFont();
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y - t.dp(6)));
  const std::string summary = progress_headline(p);
  wrapped_text(t.fonts.body, t.colors.text_muted, summary, text_width);
  record_hit("progress", summary, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void banner(const std::string& label, const std::string& text, ImU32 color, float x, float width) {
  const Theme& t = theme();
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImFont* f = t.fonts.small;
  ImVec2 ts = wrapped_size(f, text, width - t.dp(32));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + ts.y + t.dp(24)), (color & 0x00FFFFFF) | 0x22000000, t.dp(10));
  dl->AddRectFilled(p, ImVec2(p.x + t.dp(4), p.y + ts.y + t.dp(24)), color, t.dp(2));
  draw_wrapped(dl, f, ImVec2(p.x + t.dp(16), p.y + t.dp(12)), t.colors.text, text, width - t.dp(32));
  ImGui::Dummy(ImVec2(width, ts.y + t.dp(24)));
  record_hit(label, text, p, ImGui::GetItemRectMax());
}

/// The card footer's left part: difficulty and minutes.
std::string card_footer(const Scenario& s) {
  char foot[96];
  std::snprintf(foot, sizeof foot, "%s  \xC2\xB7  about %d min", difficulty_label(s.difficulty), s.minutes);
  return foot;
}

/// The card footer's right part: the best score (beside its bar), "In progress" for the scenario
/// with a saved unfinished session, or "Not played yet".
std::string card_best(std::optional<int> best, int completed, bool in_progress) {
  if (!best) return in_progress ? "In progress" : "Not played yet";
  return "Best " + std::to_string(*best) +
         (in_progress     ? "  \xC2\xB7  in progress"
          : completed > 1 ? "  (" + std::to_string(completed) + " runs)"
                          : "");
}

/// Whether the footer's two parts cannot share one line at `inner` width: at the largest text on a
/// phone they ran into each other ("about 7 minNot played yet").
bool card_footer_wraps(const Scenario& s, std::optional<int> best, int completed, bool in_progress, float inner) {
  const Theme& t = theme();
  ImFont* f = t.fonts.small;
  auto w = [&](const std::string& text) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.c_str()).x; };
  const float bar = best ? t.dp(70) : 0.0f;
  return w(card_footer(s)) + t.dp(16) + bar + w(card_best(best, completed, in_progress)) > inner;
}

/// The height a scenario card's text needs at `width` (tag, title, client, summary, footer).
float scenario_card_height(const Scenario& s, std::optional<int> best, int completed, bool in_progress, float width) {
  const Theme& t = theme();
  float pad = t.dp(20), inner = width - 2 * pad;
  auto h = [&](ImFont* f, const std::string& text) { return wrapped_size(f, text, inner).y + t.dp(6); };
  std::string who =
      s.client.name + ", " + s.client.role + (s.client.organisation.empty() ? "" : " at " + s.client.organisation);
  return pad + t.fonts.small->FontSize + t.dp(14) + h(t.fonts.heading, s.title) + h(t.fonts.body, who) + t.dp(4) +
         h(t.fonts.small, s.summary) + t.dp(10) + t.fonts.small->FontSize + pad +
         (card_footer_wraps(s, best, completed, in_progress, inner) ? t.fonts.small->FontSize + t.dp(6) : 0.0f);
}

bool scenario_card(const Scenario& s, std::optional<int> best, int completed, bool in_progress, float width,
                   float height) {
  const Theme& t = theme();
  std::string label = "scenario:" + s.id;
  ImVec2 p = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(label.c_str(), ImVec2(width, height));
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 q(p.x + width, p.y + height);
  float r = t.dp(12);
  dl->AddRectFilled(p, q, hovered ? t.colors.surface_hover : t.colors.surface, r);
  dl->AddRect(p, q, hovered ? t.colors.accent : t.colors.border, r, 0, t.dp(1));
  if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible)
    dl->AddRect(ImVec2(p.x - t.dp(3), p.y - t.dp(3)), ImVec2(q.x + t.dp(3), q.y + t.dp(3)), t.colors.focus, r + t.dp(3),
                0, t.dp(2.5f));
  float pad = t.dp(20), inner = width - 2 * pad, y = p.y + pad;
  auto line = [&](ImFont* f, ImU32 col, const std::string& text) {
    ImVec2 s2 = wrapped_size(f, text, inner);
    draw_wrapped(dl, f, ImVec2(p.x + pad, y), col, text, inner);
    y += s2.y + t.dp(6);
  };
  std::string tag = challenge_label(s.challenge);
  ImVec2 tag_size = t.fonts.small->CalcTextSizeA(t.fonts.small->FontSize, FLT_MAX, 0, tag.c_str());
  dl->AddRectFilled(ImVec2(p.x + pad, y), ImVec2(p.x + pad + tag_size.x + t.dp(16), y + tag_size.y + t.dp(6)),
                    t.colors.tint, t.dp(8));
  dl->AddText(t.fonts.small, t.fonts.small->FontSize, ImVec2(p.x + pad + t.dp(8), y + t.dp(3)), t.colors.accent,
              tag.c_str());
  y += tag_size.y + t.dp(14);
  line(t.fonts.heading, t.colors.text, s.title);
  line(t.fonts.body, t.colors.text_muted,
       s.client.name + ", " + s.client.role + (s.client.organisation.empty() ? "" : " at " + s.client.organisation));
  y += t.dp(4);
  // The card's parts are in the hit table too, so the layout test sees text that collides.
  const std::string part = "card:" + s.id;
  const float summary_top = y;
  const float summary_w = wrapped_size(t.fonts.small, s.summary, inner).x;
  line(t.fonts.small, t.colors.text, s.summary);
  record_hit(part + ":summary", s.summary, ImVec2(p.x + pad, summary_top), ImVec2(p.x + pad + summary_w, y - t.dp(6)));
  // Footer: difficulty, minutes, best score bar.
  const std::string foot = card_footer(s);
  float fy = q.y - pad - t.fonts.small->FontSize;
  // Too narrow for both parts: difficulty and minutes on a line of their own above the score.
  const float foot_y =
      card_footer_wraps(s, best, completed, in_progress, inner) ? fy - t.fonts.small->FontSize - t.dp(6) : fy;
  const float foot_w = t.fonts.small->CalcTextSizeA(t.fonts.small->FontSize, FLT_MAX, 0, foot.c_str()).x;
  record_hit(part + ":footer", foot, ImVec2(p.x + pad, foot_y),
             ImVec2(p.x + pad + foot_w, foot_y + t.fonts.small->FontSize));
  dl->AddText(t.fonts.small, t.fonts.small->FontSize, ImVec2(p.x + pad, foot_y), t.colors.text_muted, foot.c_str());
  const std::string best_text = card_best(best, completed, in_progress);
  ImVec2 bs = t.fonts.small->CalcTextSizeA(t.fonts.small->FontSize, FLT_MAX, 0, best_text.c_str());
  dl->AddText(t.fonts.small, t.fonts.small->FontSize, ImVec2(q.x - pad - bs.x, fy),
              best || in_progress ? t.colors.text : t.colors.text_muted, best_text.c_str());
  const float best_left = q.x - pad - bs.x - (best ? t.dp(70) : 0.0f);  // with the score bar
  record_hit(part + ":best", best_text, ImVec2(best_left, fy), ImVec2(q.x - pad, fy + t.fonts.small->FontSize));
  if (best) {
    float bar_w = t.dp(60), bx = q.x - pad - bs.x - bar_w - t.dp(10), by = fy + t.fonts.small->FontSize / 2 - t.dp(3);
    dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bar_w, by + t.dp(6)), t.colors.track, t.dp(3));
    dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bar_w * std::clamp(*best, 0, 100) / 100.0f, by + t.dp(6)),
                      t.colors.good, t.dp(3));
  }
  record_hit(label, s.title, p, q);
  return pressed;
}

}  // namespace

void draw_home(App& app) {
  const Theme& t = theme();
  if (!begin_screen("##home")) {
    end_screen();
    return;
  }
  ImVec2 avail = ImGui::GetContentRegionAvail();
  float margin = avail.x < t.dp(600) ? t.dp(16) : t.dp(32);
  float width = std::min(avail.x - 2 * margin, t.dp(1120));
  float x = ImGui::GetCursorScreenPos().x + (avail.x - width) / 2;
  ImGui::BeginChild("##home_scroll", avail, ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y + t.dp(24)));
  float header_y = ImGui::GetCursorScreenPos().y;
  // Wide: the actions sit right of the title, and the progress line wraps before them.
  const bool actions_beside = !app.options().kiosk && width >= t.dp(640);
  const float actions_w = t.dp(120) + t.dp(130) + t.dp(124);
  progress_header(app, x, actions_beside ? width - actions_w - t.dp(16) : width);
  ImVec2 after_header = ImGui::GetCursorScreenPos();
  if (!app.options().kiosk) {
    if (actions_beside) {
      // Header actions, right-aligned beside the title: progress, reference, settings.
      ImGui::SetCursorScreenPos(ImVec2(x + width - actions_w, header_y));
      if (pill_button("button:Progress", "Progress", false)) app.open_screen(Screen::Progress);
      ImGui::SameLine(0, t.dp(8));
      if (pill_button("button:Reference", "Reference", false)) app.open_reference(true);
      ImGui::SameLine(0, t.dp(8));
      if (pill_button("button:Settings", "Settings", false)) app.open_settings(true);
    } else {
      // Narrow: a row of their own under the subtitle, wrapping when large text needs it.
      ImGui::SetCursorScreenPos(ImVec2(x, after_header.y + t.dp(4)));
      const struct {
        const char* label;
        const char* text;
      } actions[] = {
          {"button:Progress", "Progress"}, {"button:Reference", "Reference"}, {"button:Settings", "Settings"}};
      for (size_t i = 0; i < 3; ++i) {
        if (i > 0) {
          ImGui::SameLine(0, t.dp(8));
          if (ImGui::GetCursorScreenPos().x + pill_width(actions[i].text) > x + width)
            ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetItemRectMax().y + t.dp(8)));
        }
        if (pill_button(actions[i].label, actions[i].text, false)) {
          if (i == 0)
            app.open_screen(Screen::Progress);
          else if (i == 1)
            app.open_reference(true);
          else
            app.open_settings(true);
        }
      }
    }
    after_header = ImVec2(x, std::max(after_header.y, ImGui::GetItemRectMax().y + t.dp(4)));
  }
  ImGui::SetCursorScreenPos(after_header);
  ImGui::Dummy(ImVec2(0, t.dp(8)));

  for (size_t i = 0; i < app.notices().size(); ++i)
    banner("notice:" + std::to_string(i + 1), app.notices()[i], t.colors.fair, x, width);
  for (size_t i = 0; i < app.load_errors().size(); ++i)
    banner("error:" + std::to_string(i + 1), "A scenario could not be loaded: " + app.load_errors()[i], t.colors.poor,
           x, width);

  const std::string unfinished = app.progress().unfinished_scenario();
  if (const std::string& id = unfinished; !id.empty()) {
    auto it =
        std::find_if(app.scenarios().begin(), app.scenarios().end(), [&](const Scenario& s) { return s.id == id; });
    if (it != app.scenarios().end()) {
      ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
      if (card_button("button:Continue", "Continue where you left off: " + it->title,
                      "Your unfinished conversation with " + it->client.name + " is saved.", width, "\xE2\x86\x92"))
        app.resume_unfinished();
      ImGui::Dummy(ImVec2(0, t.dp(4)));
    }
  }

  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  ImGui::PushFont(t.fonts.heading);
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(t.colors.text), "Choose a conversation");
  ImGui::PopFont();

  float gap = t.dp(16);
  int columns = std::max(1, std::min(3, static_cast<int>((width + gap) / (t.dp(320) + gap))));
  float card_w = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const auto& list = app.scenarios();
  float card_h = 0;
  for (size_t i = 0; i < list.size(); ++i) {
    int col = static_cast<int>(i) % columns;
    if (col == 0) {
      // Each row as tall as its longest card needs (large text, long summaries), never less than
      // the calm default.
      card_h = t.dp(columns == 1 ? 230 : 260);
      for (size_t k = i; k < list.size() && k < i + static_cast<size_t>(columns); ++k)
        card_h = std::max(card_h,
                          scenario_card_height(list[k], app.progress().best_score(list[k].id),
                                               app.progress().completed(list[k].id), list[k].id == unfinished, card_w));
    }
    if (col == 0)
      ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    else
      ImGui::SameLine(0, gap);
    ImGui::PushID(static_cast<int>(i));
    if (scenario_card(list[i], app.progress().best_score(list[i].id), app.progress().completed(list[i].id),
                      list[i].id == unfinished, card_w, card_h))
      app.start_scenario(i);
    ImGui::PopID();
  }
  // Authors' tools stay off the learners' library: ?author=1 or Settings turns them on.
  if (app.can_pick_files() && !app.options().kiosk && app.options().author) {
    ImGui::Dummy(ImVec2(0, t.dp(8)));
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    if (pill_button("button:Load scenario", "Load a scenario file\xE2\x80\xA6", false)) app.request_file_picker();
    ImGui::SameLine(0, t.dp(12));
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + t.dp(14)));
    wrapped_text(t.fonts.small, t.colors.text_muted, "For authors: pick a .json file or drop it on the page.",
                 t.dp(360));
  }
  if (list.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    wrapped_text(t.fonts.body, t.colors.text_muted, "No scenarios are available.", width);
  }
  ImGui::Dummy(ImVec2(0, t.dp(32)));
  ImGui::EndChild();
  end_screen();
}

}  // namespace rapport::ui
