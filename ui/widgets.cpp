// Rapport's widgets; see widgets.h.
#include "widgets.h"

#include <algorithm>
#include <cmath>

#include "text_wrap.h"
#include "theme.h"
#include "utf8_text.h"

namespace rapport::ui {
namespace {

std::vector<HitItem> g_building, g_done;

ImVec2 text_size(ImFont* font, std::string_view text, float wrap) { return wrapped_size(font, text, wrap); }

void draw_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, std::string_view text, float wrap) {
  draw_wrapped(dl, font, pos, col, text, wrap);
}

void focus_ring(ImDrawList* dl, ImVec2 a, ImVec2 b, float rounding) {
  const Theme& t = theme();
  if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible)
    dl->AddRect(ImVec2(a.x - t.dp(3), a.y - t.dp(3)), ImVec2(b.x + t.dp(3), b.y + t.dp(3)), t.colors.focus,
                rounding + t.dp(3), 0, t.dp(2.5f));
}

}  // namespace

const std::vector<HitItem>& hit_items() { return g_done; }
void begin_hit_frame() { g_building.clear(); }
void end_hit_frame() { g_done.swap(g_building); }
void begin_hit_layer() { g_building.clear(); }

void record_hit(std::string label, std::string text, ImVec2 min, ImVec2 max) {
  // Only what is actually visible inside the current clip rectangle can be clicked.
  ImVec2 cmin = ImGui::GetWindowDrawList()->GetClipRectMin(), cmax = ImGui::GetWindowDrawList()->GetClipRectMax();
  const ImVec2 drawn_min = min, drawn_max = max;
  min = ImVec2(std::max(min.x, cmin.x), std::max(min.y, cmin.y));
  max = ImVec2(std::min(max.x, cmax.x), std::min(max.y, cmax.y));
  if (max.x <= min.x || max.y <= min.y) return;
  g_building.push_back({std::move(label), std::move(text), min, max, drawn_min, drawn_max});
}

size_t hit_count() { return g_building.size(); }

void clip_hits_below(size_t first, float y) {
  for (size_t i = first; i < g_building.size();) {
    HitItem& h = g_building[i];
    h.max.y = std::min(h.max.y, y);
    if (h.max.y <= h.min.y) {
      g_building.erase(g_building.begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
}

float card_height(std::string_view text, std::string_view detail, float width, bool has_badge) {
  const Theme& t = theme();
  float pad = t.dp(16);
  float inner = width - 2 * pad - (has_badge ? t.dp(36) : 0);
  float h = text_size(t.fonts.body, text, inner).y + 2 * pad;
  if (!detail.empty()) h += text_size(t.fonts.small, detail, inner).y + t.dp(6);
  return std::max(h, t.dp(52));
}

bool card_button(const char* label, std::string_view text, std::string_view detail, float width, std::string_view badge,
                 bool selected, bool hit_detail) {
  const Theme& t = theme();
  ImFont* f = t.fonts.body;
  float pad = t.dp(16);
  float badge_w = badge.empty() ? 0 : t.dp(36);
  float inner = width - 2 * pad - badge_w;
  ImVec2 ts = text_size(f, text, inner);
  float h = card_height(text, detail, width, !badge.empty());
  ImVec2 p = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(label, ImVec2(width, h));
  bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 q(p.x + width, p.y + h);
  float r = t.dp(12);
  ImU32 bg = selected ? t.colors.tint : hovered ? t.colors.surface_hover : t.colors.surface;
  if (active) bg = t.colors.tint;
  dl->AddRectFilled(p, q, bg, r);
  dl->AddRect(p, q, selected || hovered ? t.colors.accent : t.colors.border, r, 0, selected ? t.dp(2) : t.dp(1));
  float x = p.x + pad;
  if (!badge.empty()) {
    ImVec2 c(p.x + pad + t.dp(13), p.y + pad + f->FontSize * 0.5f);
    dl->AddCircleFilled(c, t.dp(13), selected ? t.colors.accent : t.colors.tint);
    ImVec2 bs = text_size(t.fonts.small, badge, 0);
    draw_text(dl, t.fonts.small, ImVec2(c.x - bs.x / 2, c.y - bs.y / 2),
              selected ? t.colors.accent_text : t.colors.accent, badge, 0);
    x += badge_w;
  }
  draw_text(dl, f, ImVec2(x, p.y + pad), t.colors.text, text, inner);
  if (!detail.empty())
    draw_text(dl, t.fonts.small, ImVec2(x, p.y + pad + ts.y + t.dp(6)), t.colors.text_muted, detail, inner);
  focus_ring(dl, p, q, r);
  record_hit(label, hit_detail && !detail.empty() ? std::string(text) + "\n" + std::string(detail) : std::string(text),
             p, q);
  return pressed;
}

float pill_width(std::string_view text) { return text_size(theme().fonts.body, text, 0).x + theme().dp(40); }

void PillRow::place(std::string_view text) {
  const Theme& t = theme();
  const float w = pill_width(text);
  if (used_ > 0 && used_ + t.dp(8) + w <= width_) {
    ImGui::SameLine(0, t.dp(8));
    used_ += t.dp(8) + w;
  } else {
    ImGui::SetCursorScreenPos(ImVec2(x_, ImGui::GetCursorScreenPos().y));
    used_ = w;
  }
}

bool pill_button(const char* label, std::string_view text, bool primary) {
  const Theme& t = theme();
  ImFont* f = t.fonts.body;
  ImVec2 ts = text_size(f, text, 0);
  ImVec2 size(ts.x + t.dp(40), std::max(ts.y + t.dp(20), t.dp(48)));
  ImVec2 p = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(label, size);
  bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 q(p.x + size.x, p.y + size.y);
  float r = size.y / 2;
  if (primary) {
    dl->AddRectFilled(p, q, hovered ? t.colors.accent_hover : t.colors.accent, r);
  } else {
    dl->AddRectFilled(p, q, hovered ? t.colors.surface_hover : t.colors.surface, r);
    dl->AddRect(p, q, t.colors.border, r, 0, t.dp(1));
  }
  draw_text(dl, f, ImVec2(p.x + (size.x - ts.x) / 2, p.y + (size.y - ts.y) / 2),
            primary ? t.colors.accent_text : t.colors.accent, text, 0);
  focus_ring(dl, p, q, r);
  record_hit(label, std::string(text), p, q);
  return pressed;
}

void wrapped_text(ImFont* font, ImU32 color, std::string_view text, float width) {
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImVec2 s = text_size(font, text, width);
  draw_text(ImGui::GetWindowDrawList(), font, p, color, text, width);
  ImGui::Dummy(ImVec2(std::max(s.x, 1.0f), s.y));  // the drawn extent, so hit rectangles are the text's own
}

DrawnRect chat_bubble(bool from_client, std::string_view initials_text, std::string_view text,
                      std::string_view chip_text, ImU32 chip_color, float column_width, float appear,
                      std::string_view chip_label) {
  const Theme& t = theme();
  ImFont* f = t.fonts.body;
  float avatar = t.dp(36);
  float pad = t.dp(14);
  float max_bubble = std::min(column_width * 0.82f, column_width - avatar - t.dp(12));
  ImVec2 ts = text_size(f, text, max_bubble - 2 * pad);
  ImVec2 size(ts.x + 2 * pad, ts.y + 2 * pad);
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float slide = (1.0f - appear) * t.dp(12);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float r = t.dp(14);
  ImU32 alpha_mask = static_cast<ImU32>(std::clamp(appear, 0.0f, 1.0f) * 255) << IM_COL32_A_SHIFT;
  auto fade = [&](ImU32 c) { return (c & ~IM_COL32_A_MASK) | alpha_mask; };
  if (from_client) {
    ImVec2 c(origin.x + avatar / 2, origin.y + slide + avatar / 2);
    dl->AddCircleFilled(c, avatar / 2, fade(t.colors.tint));
    ImVec2 is = text_size(t.fonts.small, initials_text, 0);
    draw_text(dl, t.fonts.small, ImVec2(c.x - is.x / 2, c.y - is.y / 2), fade(t.colors.text_muted), initials_text, 0);
    ImVec2 p(origin.x + avatar + t.dp(10), origin.y + slide);
    ImVec2 q(p.x + size.x, p.y + size.y);
    dl->AddRectFilled(p, q, fade(t.colors.client_bubble), r);
    dl->AddRect(p, q, fade(t.colors.border), r, 0, t.dp(1));
    draw_text(dl, f, ImVec2(p.x + pad, p.y + pad), fade(t.colors.text), text, max_bubble - 2 * pad);
    ImGui::Dummy(ImVec2(column_width, std::max(size.y, avatar)));
    return {p, q};
  }
  {
    ImVec2 p(origin.x + column_width - size.x, origin.y + slide);
    ImVec2 q(p.x + size.x, p.y + size.y);
    dl->AddRectFilled(p, q, fade(t.colors.learner_bubble), r);
    draw_text(dl, f, ImVec2(p.x + pad, p.y + pad), fade(t.colors.accent_text), text, max_bubble - 2 * pad);
    float h = size.y;
    if (!chip_text.empty()) {
      ImVec2 cs = text_size(t.fonts.small, chip_text, 0);
      ImVec2 cp(q.x - cs.x - t.dp(20), q.y + t.dp(6));
      dl->AddRectFilled(cp, ImVec2(q.x, cp.y + cs.y + t.dp(8)), fade(chip_color), t.dp(10));
      draw_text(dl, t.fonts.small, ImVec2(cp.x + t.dp(10), cp.y + t.dp(4)), fade(t.colors.accent_text), chip_text, 0);
      if (!chip_label.empty())
        record_hit(std::string(chip_label), std::string(chip_text), cp, ImVec2(q.x, cp.y + cs.y + t.dp(8)));
      h += cs.y + t.dp(14);
    }
    ImGui::Dummy(ImVec2(column_width, h));
    return {p, q};
  }
}

void meter(std::string_view label, float value, float width) {
  const Theme& t = theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImVec2 ls = text_size(t.fonts.small, label, 0);
  draw_text(dl, t.fonts.small, p, t.colors.text_muted, label, 0);
  float bar_x = p.x + ls.x + t.dp(10);
  float bar_w = std::max(t.dp(40), width - ls.x - t.dp(10));
  float y = p.y + ls.y / 2 - t.dp(4);
  dl->AddRectFilled(ImVec2(bar_x, y), ImVec2(bar_x + bar_w, y + t.dp(8)), t.colors.track, t.dp(4));
  float v = std::clamp(value, 0.0f, 100.0f) / 100.0f;
  if (v > 0) dl->AddRectFilled(ImVec2(bar_x, y), ImVec2(bar_x + bar_w * v, y + t.dp(8)), level_color(value), t.dp(4));
  ImGui::Dummy(ImVec2(width, ls.y));
}

ImU32 level_color(float value) {
  const Theme& t = theme();
  return value >= 60 ? t.colors.good : value >= 40 ? t.colors.fair : t.colors.poor;
}

ImU32 code_chip_color(MiCode code, bool monologue, bool advice) {
  const Theme& t = theme();
  if (is_mi_non_adherent(code)) return t.colors.poor;
  if (monologue || advice) return t.colors.fair;
  if (is_mi_consistent(code)) return t.colors.good;
  return t.colors.text_muted;
}

void chip(std::string_view text, ImU32 color) {
  const Theme& t = theme();
  ImVec2 ts = text_size(t.fonts.small, text, 0);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImVec2 size(ts.x + t.dp(20), ts.y + t.dp(8));
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), color, t.dp(10));
  draw_text(ImGui::GetWindowDrawList(), t.fonts.small, ImVec2(p.x + t.dp(10), p.y + t.dp(4)), t.colors.accent_text,
            text, 0);
  ImGui::Dummy(size);
}

float status_mark(ImVec2 p, bool done) {
  const Theme& t = theme();
  float r = t.dp(9), cy = p.y + t.fonts.body->FontSize * 0.55f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (done) {
    dl->AddCircleFilled(ImVec2(p.x + r, cy), r, t.colors.good);
    ImVec2 pts[3] = {ImVec2(p.x + r * 0.55f, cy), ImVec2(p.x + r * 0.9f, cy + r * 0.35f),
                     ImVec2(p.x + r * 1.5f, cy - r * 0.4f)};
    dl->AddPolyline(pts, 3, t.colors.accent_text, 0, t.dp(2));
  } else {
    dl->AddCircle(ImVec2(p.x + r, cy), r, t.colors.text_muted, 0, t.dp(1.5f));
  }
  return 2 * r + t.dp(10);
}

std::string initials(std::string_view name) { return utf8_initials(name); }

bool ease_toward(float& value, float target, float dt, float speed) {
  float diff = target - value;
  if (std::fabs(diff) < 0.05f) {
    value = target;
    return false;
  }
  value += diff * std::min(1.0f, dt * speed);
  return true;
}

}  // namespace rapport::ui
