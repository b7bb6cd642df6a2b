// The roadmap after a session: the scenario drawn as a flowchart with the learner's path, and the
// stages of a difficult conversation (prepare to follow up) marked strong, to work on or not reached.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "app.h"
#include "imgui.h"
#include "roadmap_model.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

// Which box the learner last tapped or clicked (its line shows under the map).
std::string g_selected;

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

ImU32 kind_color(const std::string& kind) {
  const Theme& t = theme();
  return kind == "breakthrough" ? t.colors.good : kind == "partial" ? t.colors.fair : t.colors.poor;
}

ImU32 status_color(StepStatus s) {
  const Theme& t = theme();
  return s == StepStatus::Strong ? t.colors.good : s == StepStatus::ToWorkOn ? t.colors.fair : t.colors.text_muted;
}

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string box_text(const MapBox& b) {
  std::string text = b.ending ? b.label + ": " + b.detail : b.label + ", " + b.stage + " stage";
  if (b.path_step > 0) text += " (your path)";
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
    record_hit("map:tooltip", heading + " " + body, ImGui::GetWindowPos(),
               ImVec2(ImGui::GetWindowPos().x + ImGui::GetWindowSize().x, ImGui::GetWindowPos().y + ImGui::GetWindowSize().y));
    ImGui::EndTooltip();
  }
  ImGui::PopStyleVar(2);
}

struct Geometry {
  float box_w, box_h, col_gap, row_gap, pad;
  ImVec2 origin;  // top-left of the drawing inside the map region
  int rows;
  /// `row` is the box's centred row (box_rows).
  ImVec2 box_min(const MapBox& b, double row) const {
    return ImVec2(origin.x + pad + static_cast<float>(b.column) * (box_w + col_gap),
                  origin.y + pad + static_cast<float>(row) * (box_h + row_gap));
  }
};

/// Draws the flowchart inside the current (scrolling) window.
void draw_map(const App& app, const ConversationMap& map, const Geometry& g) {
  const Theme& t = theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Scenario& s = *app.current();
  const std::vector<double> rows = box_rows(map);  // columns with fewer boxes sit centred
  auto min_of = [&](size_t i) { return g.box_min(map.boxes[i], rows[i]); };

  // Spread the ends of the lines along each box's side, ordered by where the other end sits.
  std::vector<std::vector<size_t>> outgoing(map.boxes.size()), incoming(map.boxes.size());
  for (size_t e = 0; e < map.edges.size(); ++e) {
    outgoing[map.edges[e].from].push_back(e);
    incoming[map.edges[e].to].push_back(e);
  }
  auto anchor_y = [&](const std::vector<size_t>& list, size_t e, bool by_target) {
    std::vector<size_t> sorted = list;
    std::stable_sort(sorted.begin(), sorted.end(), [&](size_t a, size_t b) {
      size_t ea = by_target ? map.edges[a].to : map.edges[a].from, eb = by_target ? map.edges[b].to : map.edges[b].from;
      return min_of(ea).y < min_of(eb).y;
    });
    size_t k = static_cast<size_t>(std::find(sorted.begin(), sorted.end(), e) - sorted.begin());
    float n = static_cast<float>(sorted.size());
    float spacing = std::min(t.dp(10), g.box_h * 0.6f / std::max(1.0f, n));
    return (static_cast<float>(k) - (n - 1) / 2) * spacing;
  };

  for (int pass = 0; pass < 2; ++pass) {  // faint routes first, the learner's path on top
    for (size_t e = 0; e < map.edges.size(); ++e) {
      const MapEdge& edge = map.edges[e];
      if (edge.on_path != (pass == 1)) continue;
      ImU32 col = edge.on_path ? t.colors.accent : with_alpha(t.colors.text_muted, 0.45f);
      float thick = edge.on_path ? t.dp(3.5f) : t.dp(1.5f);
      float head = edge.on_path ? t.dp(10) : t.dp(7);
      ImVec2 a = min_of(edge.from), b = min_of(edge.to);
      const MapBox& from = map.boxes[edge.from];
      const MapBox& to = map.boxes[edge.to];
      float ya = a.y + g.box_h / 2 + anchor_y(outgoing[edge.from], e, true);
      float yb = b.y + g.box_h / 2 + anchor_y(incoming[edge.to], e, false);
      if (to.column > from.column) {
        ImVec2 p0(a.x + g.box_w, ya), p3(b.x - head * 0.6f, yb);
        float dx = std::max(t.dp(24), (p3.x - p0.x) * 0.5f);
        dl->AddBezierCubic(p0, ImVec2(p0.x + dx, p0.y), ImVec2(p3.x - dx, p3.y), p3, col, thick);
        arrowhead(dl, ImVec2(b.x, yb), ImVec2(1, 0), head, col);
      } else if (to.column < from.column) {
        // Back: leave from the left side and come into the earlier box from its right.
        ImVec2 p0(a.x, ya), p3(b.x + g.box_w + head * 0.6f, yb);
        float dx = std::max(t.dp(24), (p0.x - p3.x) * 0.5f);
        dl->AddBezierCubic(p0, ImVec2(p0.x - dx, p0.y), ImVec2(p3.x + dx, p3.y), p3, col, thick);
        arrowhead(dl, ImVec2(b.x + g.box_w, yb), ImVec2(-1, 0), head, col);
      } else {
        // Same column: loop out to the right and come back in.
        ImVec2 p0(a.x + g.box_w, ya), p3(b.x + g.box_w + head * 0.6f, yb);
        float out = g.col_gap * 0.7f;
        dl->AddBezierCubic(p0, ImVec2(p0.x + out, p0.y), ImVec2(p3.x + out, p3.y), p3, col, thick);
        arrowhead(dl, ImVec2(b.x + g.box_w, yb), ImVec2(-1, 0), head, col);
      }
    }
  }

  std::string hovered_id;
  for (size_t i = 0; i < map.boxes.size(); ++i) {
    const MapBox& box = map.boxes[i];
    ImVec2 p = min_of(i), q(p.x + g.box_w, p.y + g.box_h);
    ImGui::SetCursorScreenPos(p);
    ImGui::PushID(box.id.c_str());
    ImGui::PushID(box.ending ? "ending" : "node");
    bool pressed = ImGui::InvisibleButton("##box", ImVec2(g.box_w, g.box_h));
    bool hovered = ImGui::IsItemHovered();
    bool focused = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;
    ImGui::PopID();
    ImGui::PopID();
    if (pressed) g_selected = box.id;
    bool on_path = box.path_step > 0;
    float r = t.dp(10);
    ImU32 fill = on_path ? t.colors.tint : hovered ? t.colors.surface_hover : t.colors.surface;
    dl->AddRectFilled(p, q, fill, r);
    ImU32 edge_col = on_path || hovered ? t.colors.accent : box.ending ? kind_color(box.kind) : t.colors.border;
    dl->AddRect(p, q, edge_col, r, 0, on_path ? t.dp(2.5f) : t.dp(1.2f));
    if (g_selected == box.id)
      dl->AddRect(ImVec2(p.x - t.dp(4), p.y - t.dp(4)), ImVec2(q.x + t.dp(4), q.y + t.dp(4)), t.colors.accent, r + t.dp(4), 0,
                  t.dp(1.5f));
    float pad = t.dp(12);
    float inner = g.box_w - 2 * pad;
    if (box.ending) {
      // The kind as a word on a coloured chip, then the ending's title.
      ImVec2 ks = text_size(t.fonts.small, box.label);
      ImVec2 cp(p.x + pad, p.y + pad);
      ImVec2 cq(cp.x + ks.x + t.dp(16), cp.y + ks.y + t.dp(6));
      dl->AddRectFilled(cp, cq, kind_color(box.kind), t.dp(9));
      draw_text(dl, t.fonts.small, ImVec2(cp.x + t.dp(8), cp.y + t.dp(3)), t.colors.accent_text, box.label);
      draw_text(dl, t.fonts.small, ImVec2(p.x + pad, cq.y + t.dp(6)), t.colors.text,
                fit(t.fonts.small, box.detail, inner - (on_path ? t.dp(26) : 0)));
    } else {
      draw_text(dl, t.fonts.body, ImVec2(p.x + pad, p.y + pad), t.colors.text, fit(t.fonts.body, box.label, inner));
      draw_text(dl, t.fonts.small, ImVec2(p.x + pad, p.y + pad + t.fonts.body->FontSize + t.dp(6)), t.colors.text_muted,
                fit(t.fonts.small, capitalised(box.stage) + " stage", inner - (on_path ? t.dp(26) : 0)));
    }
    if (on_path) step_badge(dl, ImVec2(q.x - pad - t.dp(4), q.y - pad - t.dp(6)), box.path_step);
    if (focused)
      dl->AddRect(ImVec2(p.x - t.dp(3), p.y - t.dp(3)), ImVec2(q.x + t.dp(3), q.y + t.dp(3)), t.colors.focus, r + t.dp(3), 0,
                  t.dp(2.5f));
    record_hit(std::string(box.ending ? "map:ending:" : "map:node:") + box.id, box_text(box), p, q);
    if (hovered || focused) hovered_id = box.id;
  }

  for (const auto& box : map.boxes) {
    if (box.id != hovered_id) continue;
    std::string foot = box.path_step > 0 ? "Step " + std::to_string(box.path_step) + " of your path" : "A route you did not take";
    if (box.ending) tooltip("Outcome: " + box.label, box.detail, foot);
    else tooltip(s.client.name + " (" + box.stage + " stage):", box.detail, foot);
  }
}

/// The status marker: a ticked disc (strong), a disc with "!" (to work on), an empty ring.
void status_marker(ImDrawList* dl, ImVec2 c, float r, StepStatus status) {
  const Theme& t = theme();
  if (status == StepStatus::Strong) {
    dl->AddCircleFilled(c, r, t.colors.good);
    ImVec2 pts[3] = {ImVec2(c.x - r * 0.45f, c.y), ImVec2(c.x - r * 0.1f, c.y + r * 0.35f), ImVec2(c.x + r * 0.5f, c.y - r * 0.4f)};
    dl->AddPolyline(pts, 3, t.colors.accent_text, 0, t.dp(2.2f));
  } else if (status == StepStatus::ToWorkOn) {
    dl->AddCircleFilled(c, r, t.colors.fair);
    dl->AddLine(ImVec2(c.x, c.y - r * 0.5f), ImVec2(c.x, c.y + r * 0.12f), t.colors.accent_text, t.dp(2.4f));
    dl->AddCircleFilled(ImVec2(c.x, c.y + r * 0.45f), t.dp(1.6f), t.colors.accent_text);
  } else {
    dl->AddCircleFilled(c, r, t.colors.background);
    dl->AddCircle(c, r - t.dp(1), t.colors.text_muted, 0, t.dp(1.6f));
  }
}

/// "Where you were strong": the seven stages as a row of steps, or a column when narrow.
void draw_stages(const std::vector<RoadmapStep>& steps, float x, float width) {
  const Theme& t = theme();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float r = t.dp(14);
  size_t n = steps.size();
  if (n == 0) return;
  bool row = width >= t.dp(720);
  if (row) {
    float gap = t.dp(10);
    float step_w = (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
    ImVec2 top = ImGui::GetCursorScreenPos();
    top.x = x;
    float cy = top.y + r;
    dl->AddLine(ImVec2(x + r, cy), ImVec2(x + (step_w + gap) * static_cast<float>(n - 1) + r, cy), t.colors.track, t.dp(3));
    float bottom = top.y;
    for (size_t i = 0; i < n; ++i) {
      const RoadmapStep& st = steps[i];
      float sx = x + (step_w + gap) * static_cast<float>(i);
      status_marker(dl, ImVec2(sx + r, cy), r, st.status);
      ImGui::SetCursorScreenPos(ImVec2(sx, top.y + 2 * r + t.dp(10)));
      ImGui::PushID(st.id.c_str());
      ImGui::BeginGroup();
      wrapped_text(t.fonts.body, t.colors.text, st.label, step_w);
      ImVec2 head_max = ImGui::GetItemRectMax();
      wrapped_text(t.fonts.small, status_color(st.status), std::string(status_label(st.status)), step_w);
      ImVec2 status_max = ImGui::GetItemRectMax();
      wrapped_text(t.fonts.small, t.colors.text_muted, st.reason, step_w);
      ImGui::EndGroup();
      ImGui::PopID();
      record_hit("roadmap:" + st.id, st.label + ": " + std::string(status_label(st.status)), ImVec2(sx, top.y),
                 ImVec2(std::max(head_max.x, status_max.x), status_max.y));
      record_hit("roadmap:" + st.id + ":reason", st.reason, ImVec2(sx, status_max.y), ImGui::GetItemRectMax());
      bottom = std::max(bottom, ImGui::GetItemRectMax().y);
    }
    ImGui::SetCursorScreenPos(ImVec2(x, bottom));
    ImGui::Dummy(ImVec2(width, t.dp(4)));
    return;
  }
  // A column: markers on a vertical line, the words beside them.
  float text_x = x + 2 * r + t.dp(14);
  float text_w = width - (text_x - x);
  float first_cy = 0, last_cy = 0;
  ImDrawListSplitter split;
  split.Split(dl, 2);
  for (size_t i = 0; i < n; ++i) {
    const RoadmapStep& st = steps[i];
    ImVec2 p = ImGui::GetCursorScreenPos();
    float cy = p.y + r;
    if (i == 0) first_cy = cy;
    last_cy = cy;
    split.SetCurrentChannel(dl, 1);
    status_marker(dl, ImVec2(x + r, cy), r, st.status);
    ImGui::SetCursorScreenPos(ImVec2(text_x, p.y + r - t.fonts.body->FontSize * 0.6f));
    ImGui::PushID(st.id.c_str());
    ImGui::BeginGroup();
    std::string head = st.label + ": " + std::string(status_label(st.status));
    wrapped_text(t.fonts.body, t.colors.text, head, text_w);
    ImVec2 head_max = ImGui::GetItemRectMax();
    wrapped_text(t.fonts.small, t.colors.text_muted, st.reason, text_w);
    ImGui::EndGroup();
    ImGui::PopID();
    record_hit("roadmap:" + st.id, head, ImVec2(x, p.y), head_max);
    record_hit("roadmap:" + st.id + ":reason", st.reason, ImVec2(text_x, head_max.y), ImGui::GetItemRectMax());
    ImGui::SetCursorScreenPos(ImVec2(x, std::max(ImGui::GetItemRectMax().y, p.y + 2 * r) + t.dp(14)));
  }
  split.SetCurrentChannel(dl, 0);
  dl->AddLine(ImVec2(x + r, first_cy), ImVec2(x + r, last_cy), t.colors.track, t.dp(3));
  split.Merge(dl);
}

}  // namespace

void draw_roadmap(App& app) {
  const Theme& t = theme();
  if (!begin_screen("##roadmap")) {
    end_screen();
    return;
  }
  draw_top_bar(app, false);
  const Dialogue* d = app.dialogue();
  const Scenario* s = app.current();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImGui::BeginChild("##roadmap_scroll", avail, ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
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

  if (!d || !s || d->phase() == Phase::Prepare) {
    at_x();
    wrapped_text(t.fonts.body, t.colors.text_muted, "Finish a conversation to see it drawn as a map.", width);
  } else {
    // --- Your conversation as a map ---
    at_x();
    wrapped_text(t.fonts.heading, t.colors.text, "Your conversation as a map", width);
    at_x();
    wrapped_text(t.fonts.small, t.colors.text_muted,
                 "Each box is a moment in the conversation, from the first line on the left to the outcomes on the "
                 "right. Your route is numbered and drawn bold; the routes you did not take are faint. Hover, focus "
                 "or tap a box to read what " + s->client.name + " said there.",
                 width);
    ImGui::Dummy(ImVec2(0, t.dp(4)));

    ConversationMap map = build_conversation_map(*s, d);
    Geometry g{};
    g.box_w = t.dp(164);
    g.box_h = t.dp(74);
    g.col_gap = t.dp(40);
    g.row_gap = t.dp(20);
    g.pad = t.dp(16);
    g.rows = std::max(1, map.rows);
    float content_w = 2 * g.pad + static_cast<float>(map.columns) * g.box_w + static_cast<float>(std::max(0, map.columns - 1)) * g.col_gap;
    float content_h = 2 * g.pad + static_cast<float>(g.rows) * g.box_h + static_cast<float>(g.rows - 1) * g.row_gap;
    // The map may use the whole width of the screen, not just the text column.
    float map_x = ImGui::GetWindowPos().x + margin;
    float view_w = std::max(t.dp(120), avail.x - 2 * margin);
    bool scrolls = content_w > view_w;

    // Legend: the line styles in words, and a hint when the map scrolls sideways.
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
      if (scrolls) {
        at_x();
        wrapped_text(t.fonts.small, t.colors.text_muted, "The map is wider than the screen: scroll sideways to see all of it.",
                     width);
        record_hit("map:scroll-hint", "Scroll sideways to see the whole map", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      }
    }
    ImGui::Dummy(ImVec2(0, t.dp(4)));

    ImGui::SetCursorScreenPos(ImVec2(map_x, ImGui::GetCursorScreenPos().y));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, t.dp(12));
    float bar = scrolls ? t.dp(12) : 0;
    ImVec2 panel_min = ImGui::GetCursorScreenPos();
    ImVec2 panel_max(panel_min.x + view_w, panel_min.y + content_h + bar + t.dp(1));
    ImGui::GetWindowDrawList()->AddRect(panel_min, panel_max, t.colors.border, t.dp(12), 0, t.dp(1));
    ImGui::BeginChild("##map", ImVec2(view_w, content_h + bar + t.dp(1)), ImGuiChildFlags_None,
                      ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NavFlattened);
    ImVec2 start = ImGui::GetCursorScreenPos();  // already moved by the scroll
    ImVec2 origin = start;
    if (!scrolls) origin.x += (view_w - content_w) / 2;
    g.origin = origin;
    draw_map(app, map, g);
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(scrolls ? content_w : view_w, content_h));
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::Dummy(ImVec2(0, t.dp(8)));

    // The tapped box's line, for touch screens where there is no hover.
    if (!g_selected.empty()) {
      auto it = std::find_if(map.boxes.begin(), map.boxes.end(), [](const MapBox& b) { return b.id == g_selected; });
      if (it != map.boxes.end()) {
        at_x();
        std::string head = it->ending ? "Outcome: " + it->label : it->label + " (" + it->stage + " stage)";
        wrapped_text(t.fonts.small, t.colors.text_muted, head, width);
        ImVec2 top = ImGui::GetItemRectMin();
        at_x();
        wrapped_text(t.fonts.body, t.colors.text, it->ending ? it->detail : s->client.name + ": " + it->detail, width);
        record_hit("map:detail", head + ": " + it->detail, top, ImGui::GetItemRectMax());
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
    SessionScore fallback;
    const SessionScore& score = app.score() ? *app.score() : (fallback = score_session(*d));
    at_x();
    draw_stages(roadmap_steps(*s, *d, score), x, width);
  }
  ImGui::Dummy(ImVec2(0, t.dp(40)));
  ImGui::EndChild();
  end_screen();
  if (back) app.open_screen(Screen::End);
}

}  // namespace rapport::ui
