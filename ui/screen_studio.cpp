// The authoring studio: the author's library (drafts, and the built-in scenarios to copy), and the
// editor: tools, live statistics, the draft's graph (pan, zoom, drag to link) beside the form of
// what is selected, and the problems list. core/studio.h decides; this file only draws.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "studio.h"
#include "app.h"
#include "imgui.h"
#include "studio_forms.h"
#include "text_wrap.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {

namespace {

using authoring::Selection;
using authoring::Studio;

/// The graph's view: where it is panned to and how far zoomed, kept across frames.
struct GraphView {
  ImVec2 pan{0, 0};
  float zoom = 1.0f;
  int dragging_from = -1;  // a box a link is being dragged from
};
GraphView graph_view;
Selection shown_item;  // the item the form last showed (another item opens the form at its top)

void draw_library(App& app, Studio& s, float x, float width) {
  const Theme& t = theme();
  auto at_x = [&] { ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y)); };
  at_x();
  wrapped_text(t.fonts.title, t.colors.text, "Authoring studio", width);
  at_x();
  wrapped_text(t.fonts.body, t.colors.text_muted,
               "Write your own conversations. Drafts are kept in this browser only and never sent anywhere; "
               "export a draft to share it or to keep a copy.",
               width);
  ImGui::Dummy(ImVec2(0, t.dp(8)));
  PillRow row(x, width);
  if (row.button("button:New scenario", "New scenario", true)) s.new_draft();
  if (app.can_pick_files() && row.button("button:Import scenario", "Import a file")) app.request_file_picker();
  ImGui::Dummy(ImVec2(0, t.dp(12)));
  at_x();
  wrapped_text(t.fonts.heading, t.colors.text, "Your drafts", width);
  if (s.drafts().empty()) {
    at_x();
    wrapped_text(t.fonts.body, t.colors.text_muted, "None yet: start a new one or copy a built-in scenario.", width);
  }
  std::string open, remove;
  for (const authoring::Draft& d : s.drafts()) {
    const std::string title = d.scenario.contains("title") && d.scenario["title"].is_string() &&
                                      !d.scenario["title"].get<std::string>().empty()
                                  ? d.scenario["title"].get<std::string>()
                                  : "(untitled)";
    at_x();
    if (card_button(("draft:" + d.id).c_str(), title, d.id + (d.saved.empty() ? "" : "  \xC2\xB7  saved " + d.saved),
                    width))
      open = d.id;
    PillRow r(x, width);
    if (r.button(("delete:" + d.id).c_str(), "Delete draft")) remove = d.id;
  }
  if (!open.empty()) s.open_draft(open);
  if (!remove.empty()) s.delete_draft(remove);
  ImGui::Dummy(ImVec2(0, t.dp(12)));
  at_x();
  wrapped_text(t.fonts.heading, t.colors.text, "Built-in scenarios (read-only)", width);
  std::string copy;
  for (const authoring::BuiltIn& b : s.built_ins()) {
    at_x();
    if (card_button(("duplicate:" + b.id).c_str(), b.title, "Duplicate to edit", width)) copy = b.id;
  }
  if (!copy.empty()) s.duplicate_built_in(copy);
}

ImU32 ending_color(const std::string& kind) {
  const Theme& t = theme();
  return kind == "breakthrough" ? t.colors.good : kind == "rupture" ? t.colors.poor : t.colors.fair;
}

/// The draft's graph in a child window: click a box to select it, drag the background to pan, the
/// wheel or the buttons to zoom, drag from a node to another box to link them.
void draw_graph(Studio& s, ImVec2 size) {
  const Theme& t = theme();
  GraphView& v = graph_view;
  const authoring::StudioGraph& g = s.graph();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::BeginChild("##studio_graph", size, ImGuiChildFlags_Border,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float z = v.zoom;
  const float box_w = t.dp(170) * z, box_h = t.dp(64) * z, gap_x = t.dp(56) * z, gap_y = t.dp(18) * z;
  auto box_min = [&](const authoring::GraphBox& b) {
    return ImVec2(origin.x + t.dp(12) + v.pan.x + b.column * (box_w + gap_x),
                  origin.y + t.dp(12) + v.pan.y + b.row * (box_h + gap_y));
  };
  for (const authoring::GraphEdge& e : g.edges) {
    const ImVec2 a = box_min(g.boxes[e.from]), b = box_min(g.boxes[e.to]);
    const ImVec2 p0(a.x + box_w, a.y + box_h / 2), p3(b.x, b.y + box_h / 2);
    const float bend = std::max(t.dp(30) * z, std::fabs(p3.x - p0.x) / 2);
    const bool chosen = s.selection().kind == Selection::Kind::Node && s.selection().id == g.boxes[e.from].id &&
                        s.selection().reply == e.reply && e.reply >= 0;
    dl->AddBezierCubic(p0, ImVec2(p0.x + bend, p0.y), ImVec2(p3.x - bend, p3.y), p3,
                       chosen ? t.colors.accent : t.colors.border, chosen ? t.dp(3) : t.dp(1.5f));
  }
  int pressed = -1, released_on = -1;
  for (size_t i = 0; i < g.boxes.size(); ++i) {
    const authoring::GraphBox& b = g.boxes[i];
    const ImVec2 p = box_min(b), q(p.x + box_w, p.y + box_h);
    ImGui::SetCursorScreenPos(p);
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::InvisibleButton("##box", ImVec2(box_w, box_h))) pressed = static_cast<int>(i);
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6.0f) && !b.ending)
      v.dragging_from = static_cast<int>(i);
    if (v.dragging_from >= 0 && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
        ImGui::IsMouseHoveringRect(p, q, false))
      released_on = static_cast<int>(i);
    ImGui::PopID();
    const bool selected =
        (s.selection().kind == Selection::Kind::Node || s.selection().kind == Selection::Kind::Ending) &&
        s.selection().id == b.id;
    dl->AddRectFilled(p, q, selected ? t.colors.tint : t.colors.surface, t.dp(8) * z);
    dl->AddRect(p, q,
                b.ending   ? ending_color(b.kind)
                : selected ? t.colors.accent
                           : t.colors.border,
                t.dp(8) * z, 0, selected ? t.dp(2.5f) : t.dp(1.2f));
    if (!b.reachable) dl->AddRect(p, q, t.colors.poor, t.dp(8) * z, 0, t.dp(1));
    dl->PushClipRect(p, q, true);  // labels stay inside their box at any zoom
    ImFont* f = t.fonts.small;
    const float fs = f->FontSize * std::clamp(z, 0.6f, 1.2f);
    dl->AddText(f, fs, ImVec2(p.x + t.dp(8) * z, p.y + t.dp(6) * z), t.colors.text_muted,
                (b.ending ? "End: " + b.id : b.id + (b.reachable ? "" : " (unreached)")).c_str());
    draw_wrapped(dl, f, fs, ImVec2(p.x + t.dp(8) * z, p.y + t.dp(6) * z + fs * 1.2f), t.colors.text, b.label,
                 box_w - t.dp(16) * z);
    if (b.problems > 0) {
      const ImVec2 c(q.x - t.dp(10) * z, p.y + t.dp(10) * z);
      dl->AddCircleFilled(c, t.dp(8) * z, t.colors.poor);
      const std::string n = std::to_string(b.problems);
      const ImVec2 ts = f->CalcTextSizeA(fs, 1e9f, 0, n.c_str());
      dl->AddText(f, fs, ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), t.colors.accent_text, n.c_str());
    }
    dl->PopClipRect();
    record_hit((b.ending ? "graph:ending:" : "graph:node:") + b.id, b.label, p, q);
  }
  if (v.dragging_from >= 0) {
    const ImVec2 a = box_min(g.boxes[static_cast<size_t>(v.dragging_from)]);
    dl->AddLine(ImVec2(a.x + box_w, a.y + box_h / 2), ImGui::GetIO().MousePos, t.colors.accent, t.dp(2));
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
      if (released_on >= 0 && released_on != v.dragging_from) {
        const std::string from = g.boxes[static_cast<size_t>(v.dragging_from)].id;
        const std::string to = g.boxes[static_cast<size_t>(released_on)].id;
        const Selection& sel = s.selection();
        // The open reply of the node dragged from is re-linked; otherwise a new reply links them.
        if (sel.kind == Selection::Kind::Node && sel.id == from && sel.reply >= 0)
          s.apply(authoring::edit::Relink{from, sel.reply, to});
        else
          s.apply(authoring::edit::AddReply{from, "", MiCode::OpenQuestion, to});
      }
      v.dragging_from = -1;
      pressed = -1;
    }
  } else if (pressed >= 0) {
    const authoring::GraphBox& b = g.boxes[static_cast<size_t>(pressed)];
    s.select(Selection{b.ending ? Selection::Kind::Ending : Selection::Kind::Node, b.id, -1});
  }
  // The background, submitted after the boxes so that they take the pointer first, takes drags
  // (pan) and the wheel (zoom).
  ImGui::SetCursorScreenPos(origin);
  ImGui::SetNextItemAllowOverlap();
  ImGui::InvisibleButton("##graph_bg", size);
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f)) {
    v.pan.x += ImGui::GetIO().MouseDelta.x;
    v.pan.y += ImGui::GetIO().MouseDelta.y;
  }
  if (ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) && ImGui::GetIO().MouseWheel != 0)
    v.zoom = std::clamp(v.zoom * (ImGui::GetIO().MouseWheel > 0 ? 1.15f : 1 / 1.15f), 0.4f, 2.0f);
  // Zoom and fit buttons for touch screens.
  ImGui::SetCursorScreenPos(ImVec2(origin.x + t.dp(8), origin.y + size.y - t.dp(52)));
  if (pill_button("graph:zoom-in", "+", false)) v.zoom = std::min(2.0f, v.zoom * 1.25f);
  ImGui::SameLine(0, t.dp(6));
  if (pill_button("graph:zoom-out", "-", false)) v.zoom = std::max(0.4f, v.zoom / 1.25f);
  ImGui::SameLine(0, t.dp(6));
  if (pill_button("graph:fit", "Fit", false)) {
    v.pan = ImVec2(0, 0);
    const float need_w = g.columns * (t.dp(170) + t.dp(56)), need_h = std::max(1, g.rows) * (t.dp(64) + t.dp(18));
    v.zoom = std::clamp(std::min((size.x - t.dp(24)) / need_w, (size.y - t.dp(70)) / need_h), 0.4f, 1.0f);
  }
  ImGui::EndChild();
}

void draw_editor(App& app, Studio& s, float x, float width, float height) {
  const Theme& t = theme();
  auto at_x = [&] { ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y)); };
  PillRow row(x, width);
  if (row.button("button:Drafts", "\xE2\x86\x90 Drafts")) s.close();
  const std::string undo = s.doc().undo_label(), redo = s.doc().redo_label();
  if (row.button("button:Undo", undo.empty() ? "Undo" : "Undo: " + undo) && !undo.empty()) s.undo();
  if (row.button("button:Redo", redo.empty() ? "Redo" : "Redo: " + redo) && !redo.empty()) s.redo();
  if (row.button("button:Play-test", "Play-test", true)) app.start_playtest("");
  if (s.selection().kind == Selection::Kind::Node && row.button("button:Play from here", "Play from this node"))
    app.start_playtest(s.selection().id);
  if (row.button("button:Ship", "Ship it")) s.select(Selection{Selection::Kind::Ship, "", -1});
  if (!s.editing()) return;
  at_x();
  std::string stats = studio_stats_line(s);
  wrapped_text(t.fonts.small, t.colors.text_muted, stats, width);
  record_hit("studio:stats", std::move(stats), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  ImGui::Dummy(ImVec2(0, t.dp(4)));
  const bool wide = width >= t.dp(900);
  const float graph_w = wide ? std::floor(width * 0.52f) : width;
  const float graph_h =
      wide ? std::max(t.dp(320), height - (ImGui::GetCursorScreenPos().y - ImGui::GetWindowPos().y) - t.dp(16))
           : t.dp(300);
  at_x();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  if (wide) {
    // Left: the graph over the problems list; right: the form. Each part scrolls on its own.
    const float graph_part = std::floor(graph_h * 0.62f);
    draw_graph(s, ImVec2(graph_w, graph_part));
    ImGui::SetCursorScreenPos(ImVec2(x, top.y + graph_part + t.dp(8)));
    ImGui::BeginChild("##studio_problems", ImVec2(graph_w, graph_h - graph_part - t.dp(8)), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NavFlattened);
    draw_studio_problems(s, ImGui::GetCursorScreenPos().x, ImGui::GetContentRegionAvail().x - t.dp(8));
    ImGui::EndChild();
    ImGui::SetCursorScreenPos(ImVec2(x + graph_w + t.dp(16), top.y));
    ImGui::BeginChild("##studio_form", ImVec2(width - graph_w - t.dp(16), graph_h), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NavFlattened);
    if (s.selection().kind != shown_item.kind || s.selection().id != shown_item.id) ImGui::SetScrollY(0.0f);
    shown_item = s.selection();
    const float fx = ImGui::GetCursorScreenPos().x, fw = ImGui::GetContentRegionAvail().x - t.dp(8);
    draw_studio_form(app, s, fx, fw);
    ImGui::EndChild();
  } else {
    draw_graph(s, ImVec2(graph_w, graph_h));
    ImGui::Dummy(ImVec2(0, t.dp(8)));
    draw_studio_problems(s, x, width);
    draw_studio_form(app, s, x, width);
  }
}

}  // namespace

void draw_studio(App& app) {
  const Theme& t = theme();
  if (!begin_screen("##studio")) {
    end_screen();
    return;
  }
  draw_top_bar(app, false, "Authoring studio");
  Studio* s = app.studio();
  for (std::string& n : s ? s->take_notices() : std::vector<std::string>{}) app.add_notice(std::move(n));
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const bool editing = s && s->editing();
  // The library scrolls as a page; the wide editor keeps the graph in view and scrolls the form.
  const float margin = avail.x < t.dp(600) ? t.dp(12) : t.dp(24);
  const bool fixed = editing && avail.x - 2 * margin >= t.dp(900);
  static bool was_editing = false;
  ImGui::BeginChild("##studio_scroll", avail, ImGuiChildFlags_None,
                    ImGuiWindowFlags_NavFlattened | (fixed ? ImGuiWindowFlags_NoScrollWithMouse : 0));
  if (app.requests().scroll_top || fixed || editing != was_editing) ImGui::SetScrollY(0.0f);
  was_editing = editing;
  const float width = editing ? avail.x - 2 * margin : std::min(avail.x - 2 * margin, t.dp(860));
  const float x = ImGui::GetCursorScreenPos().x + (avail.x - width) / 2;
  ImGui::Dummy(ImVec2(0, t.dp(12)));
  for (size_t i = 0; i < app.notices().size(); ++i) {
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    wrapped_text(t.fonts.body, t.colors.fair, app.notices()[i], width);
    record_hit("notice:" + std::to_string(i + 1), app.notices()[i], ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
  if (!app.notices().empty()) {
    PillRow r(x, width);
    if (r.button("button:Dismiss", "Dismiss")) app.dismiss_notices();
  }
  if (!s)
    wrapped_text(t.fonts.body, t.colors.text, "The studio is not open.", width);
  else if (editing)
    draw_editor(app, *s, x, width, avail.y);
  else
    draw_library(app, *s, x, width);
  ImGui::Dummy(ImVec2(0, t.dp(24)));
  ImGui::EndChild();
  end_screen();
}

}  // namespace rapport::ui
