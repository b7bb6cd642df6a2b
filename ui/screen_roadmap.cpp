// The roadmap after a session: the scenario drawn as a flowchart with the learner's path, and the
// stages of a difficult conversation (prepare to follow up) marked strong, to work on or not reached.
// The map pans by dragging (mouse) or swiping (touch: web/input.cpp turns a sideways swipe into a
// sideways wheel), zooms with its buttons or Ctrl+wheel (a trackpad pinch), and fits the screen.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "conversation_map.h"
#include "small_sort.h"
#include "roadmap_stages.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

// What the learner last tapped or clicked: a box's id, or "edge:<from>><to>" for an arrow.
std::string g_selected;
// Zoom: 0 fits the map to the screen; otherwise the scale of the boxes (kMinZoom..kMaxZoom).
constexpr float kMinZoom = 0.6f, kMaxZoom = 1.6f;
float g_zoom = 0;
std::string g_zoom_for;      // the scenario the zoom belongs to: another scenario opens fitted
bool g_panning = false;      // a mouse drag that started on the map's empty space
bool g_map_hovered = false;  // last frame: Ctrl+wheel over the map zooms instead of scrolling

ImU32 with_alpha(ImU32 color, float alpha) {
  ImU32 a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * static_cast<float>((color >> IM_COL32_A_SHIFT) & 0xFF));
  return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

ImVec2 text_size(ImFont* font, std::string_view text) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size());
}

void draw_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, std::string_view text) {
  dl->AddText(font, font->FontSize, pos, col, text.data(), text.data() + text.size());
}

/// Shortens `text` to fit `width`, ending it with an ellipsis when cut (whole UTF-8 characters).
std::string fit(ImFont* font, const std::string& text, float width) {
  if (text_size(font, text).x <= width) return text;
  const std::string ellipsis = "\xE2\x80\xA6";
  std::string out = text;
  while (!out.empty() && text_size(font, out + ellipsis).x > width) {
    out.pop_back();
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + ellipsis;
}

/// `text` wrapped to `width` in at most `max_lines` lines, the last one shortened when more is left.
std::vector<std::string> wrap_lines(ImFont* font, const std::string& text, float width, int max_lines) {
  std::vector<std::string> lines;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  while (p < end && static_cast<int>(lines.size()) < max_lines) {
    const char* cut = font->CalcWordWrapPositionA(1.0f, p, end, width);
    if (cut == p) cut = p + 1;
    // A closing quotation mark stays with the word before it.
    if (end - cut >= 3 && std::string_view(cut, 3) == "\xE2\x80\x9D") cut += 3;
    if (static_cast<int>(lines.size()) + 1 == max_lines && cut < end) {
      lines.push_back(fit(font, std::string(p, end), width));
      return lines;
    }
    std::string line(p, cut);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    lines.push_back(line);
    p = cut;
    while (p < end && *p == ' ') ++p;
  }
  return lines;
}

ImU32 kind_color(const std::string& kind) {
  const Theme& t = theme();
  return kind == "breakthrough" ? t.colors.good : kind == "partial" ? t.colors.fair : t.colors.poor;
}

std::string quoted(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }

std::string box_text(const MapBox& b) {
  std::string text = b.ending ? b.label + ": " + b.detail : quoted(b.label) + ", " + b.stage + " stage";
  if (b.path_step > 0) text += " (your path)";
  return text;
}

std::string edge_key(const ConversationMap& map, const MapEdge& e) {
  return "edge:" + map.boxes[e.from].id + ">" + map.boxes[e.to].id;
}

/// What an arrow says: the learner's reply on the path, else the replies that lead along it.
std::string edge_text(const MapEdge& e) {
  if (!e.said.empty()) return "You said: " + quoted(e.said);
  std::string text = e.replies.size() == 1 ? "The reply that leads here:" : "Replies that lead here:";
  size_t shown = std::min<size_t>(e.replies.size(), 3);
  for (size_t i = 0; i < shown; ++i) text += "\n\xE2\x80\xA2 " + e.replies[i];
  if (e.replies.size() > shown) text += "\nand " + std::to_string(e.replies.size() - shown) + " more";
  return text;
}

void arrowhead(ImDrawList* dl, ImVec2 tip, ImVec2 dir, float size, ImU32 col) {
  float len = std::sqrt(dir.x * dir.x + dir.y * dir.y);
  if (len <= 0) return;
  ImVec2 d(dir.x / len, dir.y / len), n(-d.y, d.x);
  ImVec2 base(tip.x - d.x * size, tip.y - d.y * size);
  dl->AddTriangleFilled(tip, ImVec2(base.x + n.x * size * 0.55f, base.y + n.y * size * 0.55f),
                        ImVec2(base.x - n.x * size * 0.55f, base.y - n.y * size * 0.55f), col);
}

/// A small circled number (the step on the learner's path).
void step_badge(ImDrawList* dl, ImVec2 centre, int step) {
  const Theme& t = theme();
  float r = t.dp(11);
  dl->AddCircleFilled(centre, r, t.colors.accent);
  std::string n = std::to_string(step);
  ImVec2 s = text_size(t.fonts.small, n);
  draw_text(dl, t.fonts.small, ImVec2(centre.x - s.x / 2, centre.y - s.y / 2), t.colors.accent_text, n);
}

void tooltip(const std::string& heading, const std::string& body, const std::string& foot) {
  const Theme& t = theme();
  float w = std::min(t.dp(340), ImGui::GetIO().DisplaySize.x * 0.8f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(t.dp(14), t.dp(12)));
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(t.dp(6), t.dp(6)));
  if (ImGui::BeginTooltip()) {
    wrapped_text(t.fonts.small, t.colors.text_muted, heading, w);
    wrapped_text(t.fonts.body, t.colors.text, body, w);
    if (!foot.empty()) wrapped_text(t.fonts.small, t.colors.text_muted, foot, w);
    record_hit(
        "map:tooltip", heading + " " + body, ImGui::GetWindowPos(),
        ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    ImGui::EndTooltip();
  }
  ImGui::PopStyleVar(2);
}

struct Geometry {
  float zoom, box_w, box_h, col_gap, row_gap, pad;
  ImVec2 origin;  // top-left of the drawing inside the map region
  int rows;
  /// `row` is the box's centred row (box_rows).
  ImVec2 box_min(const MapBox& b, double row) const {
    return ImVec2(origin.x + pad + static_cast<float>(b.column) * (box_w + col_gap),
                  origin.y + pad + static_cast<float>(row) * (box_h + row_gap));
  }
  float content_w(int columns) const {
    return 2 * pad + static_cast<float>(columns) * box_w + static_cast<float>(std::max(0, columns - 1)) * col_gap;
  }
  float content_h() const {
    return 2 * pad + static_cast<float>(rows) * box_h + static_cast<float>(rows - 1) * row_gap;
  }
};

Geometry geometry_at(float zoom, int rows) {
  const Theme& t = theme();
  Geometry g{};
  g.zoom = zoom;
  g.box_w = t.dp(180) * zoom;
  g.box_h = t.dp(88) * zoom;
  g.col_gap = t.dp(52) * zoom;
  g.row_gap = t.dp(22) * zoom;
  g.pad = t.dp(16);
  g.rows = std::max(1, rows);
  return g;
}

/// One arrow as a cubic curve, with the point and direction of its head.
struct Curve {
  ImVec2 p0, c1, c2, p3, tip, dir;
  ImVec2 at(float u) const {
    float v = 1 - u;
    float a = v * v * v, b = 3 * v * v * u, c = 3 * v * u * u, d = u * u * u;
    return ImVec2(a * p0.x + b * c1.x + c * c2.x + d * p3.x, a * p0.y + b * c1.y + c * c2.y + d * p3.y);
  }
  float distance(ImVec2 m) const {
    float best = FLT_MAX;
    ImVec2 prev = p0;
    for (int i = 1; i <= 24; ++i) {
      ImVec2 q = at(static_cast<float>(i) / 24);
      ImVec2 d(q.x - prev.x, q.y - prev.y);
      float len2 = d.x * d.x + d.y * d.y;
      float u = len2 > 0 ? std::clamp(((m.x - prev.x) * d.x + (m.y - prev.y) * d.y) / len2, 0.0f, 1.0f) : 0;
      float dx = prev.x + d.x * u - m.x, dy = prev.y + d.y * u - m.y;
      best = std::min(best, std::sqrt(dx * dx + dy * dy));
      prev = q;
    }
    return best;
  }
};

bool overlaps(ImVec2 a0, ImVec2 a1, ImVec2 b0, ImVec2 b1) {
  return a0.x < b1.x && b0.x < a1.x && a0.y < b1.y && b0.y < a1.y;
}

/// Draws the flowchart inside the current (scrolling) window.
void draw_map(const App& app, const ConversationMap& map, const Geometry& g) {
  const Theme& t = theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Scenario& s = *app.current();
  const std::vector<double> rows = box_rows(map);  // columns with fewer boxes sit centred
  auto min_of = [&](size_t i) { return g.box_min(map.boxes[i], rows[i]); };
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool map_hovered = ImGui::IsWindowHovered();

  // Spread the ends of the lines along each box's side, ordered by where the other end sits.
  std::vector<std::vector<size_t>> outgoing(map.boxes.size()), incoming(map.boxes.size());
  for (size_t e = 0; e < map.edges.size(); ++e) {
    outgoing[map.edges[e].from].push_back(e);
    incoming[map.edges[e].to].push_back(e);
  }
  auto anchor_y = [&](const std::vector<size_t>& list, size_t e, bool by_target) {
    std::vector<size_t> sorted = list;
    small_stable_sort(sorted.begin(), sorted.end(), [&](size_t a, size_t b) {
      size_t ea = by_target ? map.edges[a].to : map.edges[a].from, eb = by_target ? map.edges[b].to : map.edges[b].from;
      return min_of(ea).y < min_of(eb).y;
    });
    size_t k = static_cast<size_t>(std::find(sorted.begin(), sorted.end(), e) - sorted.begin());
    float n = static_cast<float>(sorted.size());
    float spacing = std::min(t.dp(10) * g.zoom, g.box_h * 0.6f / std::max(1.0f, n));
    return (static_cast<float>(k) - (n - 1) / 2) * spacing;
  };
  std::vector<Curve> curves(map.edges.size());
  for (size_t e = 0; e < map.edges.size(); ++e) {
    const MapEdge& edge = map.edges[e];
    float head = edge.on_path ? t.dp(10) : t.dp(7);
    ImVec2 a = min_of(edge.from), b = min_of(edge.to);
    const MapBox& from = map.boxes[edge.from];
    const MapBox& to = map.boxes[edge.to];
    float ya = a.y + g.box_h / 2 + anchor_y(outgoing[edge.from], e, true);
    float yb = b.y + g.box_h / 2 + anchor_y(incoming[edge.to], e, false);
    Curve& c = curves[e];
    if (to.column > from.column) {
      c.p0 = ImVec2(a.x + g.box_w, ya);
      c.p3 = ImVec2(b.x - head * 0.6f, yb);
      float dx = std::max(t.dp(24) * g.zoom, (c.p3.x - c.p0.x) * 0.5f);
      c.c1 = ImVec2(c.p0.x + dx, c.p0.y);
      c.c2 = ImVec2(c.p3.x - dx, c.p3.y);
      c.tip = ImVec2(b.x, yb);
      c.dir = ImVec2(1, 0);
    } else if (to.column < from.column) {
      // Back: leave from the left side and come into the earlier box from its right.
      c.p0 = ImVec2(a.x, ya);
      c.p3 = ImVec2(b.x + g.box_w + head * 0.6f, yb);
      float dx = std::max(t.dp(24) * g.zoom, (c.p0.x - c.p3.x) * 0.5f);
      c.c1 = ImVec2(c.p0.x - dx, c.p0.y);
      c.c2 = ImVec2(c.p3.x + dx, c.p3.y);
      c.tip = ImVec2(b.x + g.box_w, yb);
      c.dir = ImVec2(-1, 0);
    } else {
      // Same column: loop out to the right and come back in.
      c.p0 = ImVec2(a.x + g.box_w, ya);
      c.p3 = ImVec2(b.x + g.box_w + head * 0.6f, yb);
      float out = g.col_gap * 0.7f;
      c.c1 = ImVec2(c.p0.x + out, c.p0.y);
      c.c2 = ImVec2(c.p3.x + out, c.p3.y);
      c.tip = ImVec2(b.x + g.box_w, yb);
      c.dir = ImVec2(-1, 0);
    }
  }

  // Boxes first as buttons (so that an arrow under the pointer yields to a box), drawn later.
  std::string hovered_box, hovered_edge;
  std::vector<char> box_hovered(map.boxes.size()), box_focused(map.boxes.size());
  for (size_t i = 0; i < map.boxes.size(); ++i) {
    const MapBox& box = map.boxes[i];
    ImGui::SetCursorScreenPos(min_of(i));
    ImGui::PushID(box.id.c_str());
    ImGui::PushID(box.ending ? "ending" : "node");
    if (ImGui::InvisibleButton("##box", ImVec2(g.box_w, g.box_h))) g_selected = box.id;
    box_hovered[i] = ImGui::IsItemHovered();
    box_focused[i] = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;
    ImGui::PopID();
    ImGui::PopID();
    if (box_hovered[i] || box_focused[i]) hovered_box = box.id;
  }
  // The learner's replies as handles on their arrows: focusable and tappable. A handle that would
  // sit on a box or on another handle is left out (the arrow still answers to hover).
  float hs = std::min(t.dp(26), g.col_gap * 0.8f);
  std::vector<std::pair<ImVec2, ImVec2>> taken;
  for (size_t i = 0; i < map.boxes.size(); ++i) {
    ImVec2 p = min_of(i);
    taken.push_back({p, ImVec2(p.x + g.box_w, p.y + g.box_h)});
  }
  std::vector<int> handle_state(map.edges.size(), 0);  // 1 drawn, 2 hovered or focused
  for (size_t e = 0; e < map.edges.size(); ++e) {
    if (!map.edges[e].on_path) continue;
    ImVec2 mid = curves[e].at(0.5f);
    ImVec2 h0(mid.x - hs / 2, mid.y - hs / 2), h1(mid.x + hs / 2, mid.y + hs / 2);
    if (std::any_of(taken.begin(), taken.end(), [&](const auto& r) { return overlaps(h0, h1, r.first, r.second); }))
      continue;
    taken.push_back({h0, h1});
    ImGui::SetCursorScreenPos(h0);
    ImGui::PushID(static_cast<int>(e));
    const std::string key = edge_key(map, map.edges[e]);
    if (ImGui::InvisibleButton("##reply", ImVec2(hs, hs))) g_selected = key;
    bool active = ImGui::IsItemHovered() || (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible);
    ImGui::PopID();
    handle_state[e] = active ? 2 : 1;
    if (active) hovered_edge = key;
    record_hit("map:reply:" + map.boxes[map.edges[e].from].id + ">" + map.boxes[map.edges[e].to].id,
               edge_text(map.edges[e]), h0, h1);
  }
  // An arrow under the pointer (and not under a box) shows its replies too.
  if (hovered_box.empty() && hovered_edge.empty() && map_hovered) {
    float best = t.dp(8);
    for (size_t e = 0; e < map.edges.size(); ++e) {
      float d = curves[e].distance(mouse);
      if (d < best) {
        best = d;
        hovered_edge = edge_key(map, map.edges[e]);
      }
    }
  }

  for (int pass = 0; pass < 2; ++pass) {  // faint routes first, the learner's path on top
    for (size_t e = 0; e < map.edges.size(); ++e) {
      const MapEdge& edge = map.edges[e];
      if (edge.on_path != (pass == 1)) continue;
      const std::string key = edge_key(map, edge);
      bool lit = key == hovered_edge || key == g_selected;
      ImU32 col = edge.on_path || lit ? t.colors.accent : with_alpha(t.colors.text_muted, 0.45f);
      float thick = (edge.on_path ? t.dp(3.5f) : t.dp(1.5f)) + (lit ? t.dp(1.5f) : 0);
      const Curve& c = curves[e];
      dl->AddBezierCubic(c.p0, c.c1, c.c2, c.p3, col, thick);
      arrowhead(dl, c.tip, c.dir, edge.on_path ? t.dp(10) : t.dp(7), col);
      if (handle_state[e] > 0) {
        ImVec2 mid = c.at(0.5f);
        float r = hs * (handle_state[e] == 2 || lit ? 0.42f : 0.32f);
        dl->AddCircleFilled(mid, r, t.colors.background);
        dl->AddCircle(mid, r, t.colors.accent, 0, t.dp(2.5f));
        dl->AddCircleFilled(mid, r * 0.4f, t.colors.accent);
      }
    }
  }

  for (size_t i = 0; i < map.boxes.size(); ++i) {
    const MapBox& box = map.boxes[i];
    ImVec2 p = min_of(i), q(p.x + g.box_w, p.y + g.box_h);
    bool on_path = box.path_step > 0;
    bool hovered = box_hovered[i];
    float r = t.dp(10) * std::min(1.0f, g.zoom);
    ImU32 fill = on_path ? t.colors.tint : hovered ? t.colors.surface_hover : t.colors.surface;
    dl->AddRectFilled(p, q, fill, r);
    ImU32 edge_col = on_path || hovered ? t.colors.accent : box.ending ? kind_color(box.kind) : t.colors.border;
    dl->AddRect(p, q, edge_col, r, 0, on_path ? t.dp(2.5f) : t.dp(1.2f));
    if (g_selected == box.id)
      dl->AddRect(ImVec2(p.x - t.dp(4), p.y - t.dp(4)), ImVec2(q.x + t.dp(4), q.y + t.dp(4)), t.colors.accent,
                  r + t.dp(4), 0, t.dp(1.5f));
    float pad = t.dp(10) * std::min(1.0f, g.zoom);
    float inner = g.box_w - 2 * pad;
    ImGui::PushClipRect(p, q, true);
    if (box.ending) {
      // The kind as a word on a coloured chip, then the ending's title.
      ImVec2 ks = text_size(t.fonts.small, box.label);
      ImVec2 cp(p.x + pad, p.y + pad);
      ImVec2 cq(cp.x + std::min(ks.x + t.dp(16), inner), cp.y + ks.y + t.dp(4));
      dl->AddRectFilled(cp, cq, kind_color(box.kind), t.dp(9));
      draw_text(dl, t.fonts.small, ImVec2(cp.x + t.dp(8), cp.y + t.dp(2)), t.colors.accent_text,
                fit(t.fonts.small, box.label, inner - t.dp(16)));
      int lines = std::max(1, static_cast<int>((q.y - pad - cq.y - t.dp(4)) / t.fonts.small->FontSize));
      float y = cq.y + t.dp(4);
      for (const auto& line : wrap_lines(t.fonts.small, box.detail, inner, lines)) {
        draw_text(dl, t.fonts.small, ImVec2(p.x + pad, y), t.colors.text, line);
        y += t.fonts.small->FontSize;
      }
    } else {
      // The client's words there, in as many lines as the box holds at this zoom.
      ImFont* font = g.zoom >= 0.9f ? t.fonts.body : t.fonts.small;
      int lines = std::max(1, static_cast<int>((g.box_h - 2 * pad) / font->FontSize));
      float y = p.y + pad;
      for (const auto& line : wrap_lines(font, quoted(box.label), inner, lines)) {
        draw_text(dl, font, ImVec2(p.x + pad, y), t.colors.text, line);
        y += font->FontSize;
      }
    }
    ImGui::PopClipRect();
    if (on_path) step_badge(dl, ImVec2(q.x - t.dp(6), p.y + t.dp(2)), box.path_step);
    if (box_focused[i])
      dl->AddRect(ImVec2(p.x - t.dp(3), p.y - t.dp(3)), ImVec2(q.x + t.dp(3), q.y + t.dp(3)), t.colors.focus,
                  r + t.dp(3), 0, t.dp(2.5f));
    record_hit(std::string(box.ending ? "map:ending:" : "map:node:") + box.id, box_text(box), p, q);
  }

  for (const auto& box : map.boxes) {
    if (box.id != hovered_box) continue;
    std::string foot =
        box.path_step > 0 ? "Step " + std::to_string(box.path_step) + " of your path" : "A route you did not take";
    if (box.ending)
      tooltip("Outcome: " + box.label, box.detail, foot);
    else
      tooltip(s.client.name + " (" + box.stage + " stage):", box.detail, foot);
  }
  for (const auto& edge : map.edges) {
    if (edge_key(map, edge) != hovered_edge) continue;
    const std::string route = "From " + quoted(map.boxes[edge.from].label) + " to " +
                              (map.boxes[edge.to].ending ? map.boxes[edge.to].label : quoted(map.boxes[edge.to].label));
    tooltip(edge.on_path ? "Your reply" : "A route you did not take", edge_text(edge), route);
  }
}

}  // namespace

void draw_roadmap(App& app) {
  const Theme& t = theme();
  const ImGuiIO& io = ImGui::GetIO();
  if (!begin_screen("##roadmap")) {
    end_screen();
    return;
  }
  draw_top_bar(app, false);
  const Dialogue* d = app.dialogue();
  const Scenario* s = app.current();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  // Ctrl+wheel over the map zooms it; neither the map nor the page scrolls then.
  const bool zoom_wheel = g_map_hovered && io.KeyCtrl;
  ImGui::BeginChild("##roadmap_scroll", avail, ImGuiChildFlags_None,
                    ImGuiWindowFlags_NavFlattened | (zoom_wheel ? ImGuiWindowFlags_NoScrollWithMouse : 0));
  float margin = t.dp(16);
  float width = std::min(avail.x - 2 * margin, t.dp(960));
  float x = ImGui::GetCursorScreenPos().x + (avail.x - width) / 2;
  auto at_x = [&] { ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y)); };
  ImGui::Dummy(ImVec2(0, t.dp(24)));

  at_x();
  wrapped_text(t.fonts.title, t.colors.text, "Your roadmap", width);
  record_hit("heading:roadmap", "Your roadmap", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  if (s) {
    at_x();
    wrapped_text(t.fonts.small, t.colors.text_muted, s->title + "  \xC2\xB7  " + s->client.name, width);
  }
  ImGui::Dummy(ImVec2(0, t.dp(4)));
  at_x();
  bool back = pill_button("button:Back to results", "\xE2\x86\x90 Back to results", false);
  ImGui::Dummy(ImVec2(0, t.dp(12)));
  float pan_y = 0;  // a mouse drag's vertical part scrolls the page

  if (!d || !s || d->phase() == Phase::Prepare) {
    at_x();
    wrapped_text(t.fonts.body, t.colors.text_muted, "Finish a conversation to see it drawn as a map.", width);
  } else {
    // --- Your conversation as a map ---
    at_x();
    wrapped_text(t.fonts.heading, t.colors.text, "Your conversation as a map", width);
    at_x();
    wrapped_text(t.fonts.small, t.colors.text_muted,
                 "Each box is a moment in the conversation with what " + s->client.name +
                     " says there, from the first line on the left to the outcomes on the right. Your route is "
                     "numbered and drawn bold; the routes you did not take are faint. Hover, focus or tap a box or a "
                     "dot on your route to read it in full.",
                 width);
    ImGui::Dummy(ImVec2(0, t.dp(4)));

    ConversationMap map = build_conversation_map(*s, d);
    if (g_zoom_for != s->id) {
      g_zoom_for = s->id;
      g_zoom = 0;
      g_selected.clear();
    }
    // The map may use the whole width of the screen, not just the text column.
    float map_x = ImGui::GetWindowPos().x + margin;
    float view_w = std::max(t.dp(120), avail.x - 2 * margin);
    const float full_w = geometry_at(1.0f, map.rows).content_w(map.columns);
    const float fit_zoom = std::clamp((view_w - 2 * t.dp(16)) / (full_w - 2 * t.dp(16)), kMinZoom, 1.0f);
    const float zoom = g_zoom > 0 ? g_zoom : fit_zoom;
    Geometry g = geometry_at(zoom, map.rows);
    float content_w = g.content_w(map.columns);
    float content_h = g.content_h();
    bool scrolls = content_w > view_w + 0.5f;

    // Legend (the line styles in words), then the zoom controls; they wrap on narrow screens.
    float new_zoom = zoom;
    {
      ImDrawList* dl = ImGui::GetWindowDrawList();
      at_x();
      ImVec2 p = ImGui::GetCursorScreenPos();
      float cy = p.y + t.fonts.small->FontSize * 0.6f;
      dl->AddLine(ImVec2(p.x, cy), ImVec2(p.x + t.dp(28), cy), t.colors.accent, t.dp(3.5f));
      std::string path_word = "Your path";
      draw_text(dl, t.fonts.small, ImVec2(p.x + t.dp(36), p.y), t.colors.text, path_word);
      float lx = p.x + t.dp(36) + text_size(t.fonts.small, path_word).x + t.dp(24);
      dl->AddLine(ImVec2(lx, cy), ImVec2(lx + t.dp(28), cy), with_alpha(t.colors.text_muted, 0.45f), t.dp(1.5f));
      draw_text(dl, t.fonts.small, ImVec2(lx + t.dp(36), p.y), t.colors.text, "Not taken");
      ImGui::Dummy(ImVec2(width, t.fonts.small->FontSize * 1.3f));
      ImGui::Dummy(ImVec2(0, t.dp(4)));
      at_x();
      const char* labels[3] = {"button:Zoom out", "button:Fit map", "button:Zoom in"};
      const char* texts[3] = {"\xE2\x80\x93 Smaller", "Fit to screen", "+ Larger"};
      const bool one_row = pill_width(texts[0]) + pill_width(texts[1]) + pill_width(texts[2]) + 2 * t.dp(8) <= width;
      for (int k = 0; k < 3; ++k) {
        if (k > 0 && one_row)
          ImGui::SameLine(0, t.dp(8));
        else
          at_x();
        if (pill_button(labels[k], texts[k], false)) new_zoom = k == 0 ? zoom / 1.25f : k == 2 ? zoom * 1.25f : 0;
      }
      if (scrolls) {
        at_x();
        wrapped_text(t.fonts.small, t.colors.text_muted,
                     app.options().touch
                         ? "The map is wider than the screen: swipe it sideways to see all of it."
                         : "The map is wider than the screen: drag it, or scroll sideways, to see all of it.",
                     width);
        record_hit("map:scroll-hint", "Drag or swipe to see the whole map", ImGui::GetItemRectMin(),
                   ImGui::GetItemRectMax());
      }
    }
    ImGui::Dummy(ImVec2(0, t.dp(4)));

    ImGui::SetCursorScreenPos(ImVec2(map_x, ImGui::GetCursorScreenPos().y));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, app.options().touch ? t.dp(4) : t.dp(12));
    float bar = scrolls ? (app.options().touch ? t.dp(4) : t.dp(12)) : 0;
    ImVec2 panel_min = ImGui::GetCursorScreenPos();
    ImVec2 panel_max(panel_min.x + view_w, panel_min.y + content_h + bar + t.dp(1));
    ImGui::GetWindowDrawList()->AddRect(panel_min, panel_max, t.colors.border, t.dp(12), 0, t.dp(1));
    ImGui::BeginChild("##map", ImVec2(view_w, content_h + bar + t.dp(1)), ImGuiChildFlags_None,
                      ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NavFlattened |
                          (zoom_wheel ? ImGuiWindowFlags_NoScrollWithMouse : 0));
    ImVec2 start = ImGui::GetCursorScreenPos();  // already moved by the scroll
    ImVec2 origin = start;
    if (!scrolls) origin.x += (view_w - content_w) / 2;
    g.origin = origin;
    draw_map(app, map, g);
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(scrolls ? content_w : view_w, content_h));
    g_map_hovered = ImGui::IsWindowHovered();
    // Panning with the mouse: a drag that starts on the map's empty space moves it.
    if (g_map_hovered && ImGui::IsMouseClicked(0) && !ImGui::IsAnyItemHovered() &&
        io.MouseSource == ImGuiMouseSource_Mouse)
      g_panning = true;
    if (!ImGui::IsMouseDown(0)) g_panning = false;
    if (g_panning) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeAll);
      if (io.MouseDelta.x != 0) ImGui::SetScrollX(ImGui::GetScrollX() - io.MouseDelta.x);
      pan_y = io.MouseDelta.y;
    }
    if (zoom_wheel && io.MouseWheel != 0) new_zoom = zoom * std::pow(1.1f, io.MouseWheel);
    if (new_zoom != zoom) {
      // Zoom about the view's centre (the pointer's place for the wheel would drift on touchpads).
      float keep = (ImGui::GetScrollX() + view_w / 2) / std::max(1.0f, content_w);
      g_zoom = new_zoom == 0 ? 0 : std::clamp(new_zoom, kMinZoom, kMaxZoom);
      float next_w = geometry_at(g_zoom > 0 ? g_zoom : fit_zoom, map.rows).content_w(map.columns);
      // "Fit" shows the map from its start; the zoom buttons and the wheel keep the middle in view.
      ImGui::SetScrollX(g_zoom == 0 ? 0.0f : std::max(0.0f, keep * next_w - view_w / 2));
      app.request_animation();
    }
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::Dummy(ImVec2(0, t.dp(8)));

    // The tapped box's or reply's words, for touch screens where there is no hover.
    if (!g_selected.empty()) {
      std::string head, body;
      for (const auto& b : map.boxes)
        if (b.id == g_selected) {
          head = b.ending ? "Outcome: " + b.label : s->client.name + " (" + b.stage + " stage)";
          body = b.ending ? b.detail : quoted(b.detail);
        }
      for (const auto& e : map.edges)
        if (edge_key(map, e) == g_selected) {
          head = e.on_path ? "Your reply" : "A route you did not take";
          body = edge_text(e);
        }
      if (!head.empty()) {
        at_x();
        wrapped_text(t.fonts.small, t.colors.text_muted, head, width);
        ImVec2 top = ImGui::GetItemRectMin();
        at_x();
        wrapped_text(t.fonts.body, t.colors.text, body, width);
        record_hit("map:detail", head + ": " + body, top, ImGui::GetItemRectMax());
        ImGui::Dummy(ImVec2(0, t.dp(8)));
      }
    }

    // --- Where you were strong ---
    ImGui::Dummy(ImVec2(0, t.dp(8)));
    at_x();
    wrapped_text(t.fonts.heading, t.colors.text, "Where you were strong", width);
    at_x();
    wrapped_text(t.fonts.small, t.colors.text_muted,
                 "The steps of a difficult conversation, from preparing to following up, and how this session went at "
                 "each.",
                 width);
    ImGui::Dummy(ImVec2(0, t.dp(8)));
    at_x();
    draw_stages(app.session()->stage_ratings(), x, width);
  }
  ImGui::Dummy(ImVec2(0, t.dp(40)));
  if (pan_y != 0) ImGui::SetScrollY(ImGui::GetScrollY() - pan_y);
  ImGui::EndChild();
  end_screen();
  if (back) app.open_screen(Screen::End);
}

}  // namespace rapport::ui
