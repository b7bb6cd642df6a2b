// "Where you were strong": the stages of a difficult conversation, each marked strong, to work on
// or not reached, as a row of steps on wide screens and a column on narrow ones.
#include <string>
#include <vector>

#include "imgui.h"
#include "roadmap_stages.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {
namespace {

ImU32 status_color(StepStatus s) {
  const Theme& t = theme();
  return s == StepStatus::Strong ? t.colors.good : s == StepStatus::ToWorkOn ? t.colors.fair : t.colors.text_muted;
}

/// The status marker: a ticked disc (strong), a disc with "!" (to work on), an empty ring.
void status_marker(ImDrawList* dl, ImVec2 c, float r, StepStatus status) {
  const Theme& t = theme();
  if (status == StepStatus::Strong) {
    dl->AddCircleFilled(c, r, t.colors.good);
    ImVec2 pts[3] = {ImVec2(c.x - r * 0.45f, c.y), ImVec2(c.x - r * 0.1f, c.y + r * 0.35f),
                     ImVec2(c.x + r * 0.5f, c.y - r * 0.4f)};
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

}  // namespace

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
    dl->AddLine(ImVec2(x + r, cy), ImVec2(x + (step_w + gap) * static_cast<float>(n - 1) + r, cy), t.colors.track,
                t.dp(3));
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

}  // namespace rapport::ui
