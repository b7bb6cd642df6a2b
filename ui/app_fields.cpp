// The app's text fields: ImGui's own box natively (tests; link_imgui_text_box), the page's HTML
// field over the canvas in the browser (AppServices::text_fields), bound to the app's strings
// either way.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <utility>
#include <nlohmann/json.hpp>

#include "app.h"
#include "imgui.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {

bool App::text_field(const char* id, Size2 size_px, std::string& value, const char* placeholder, int revision,
                     bool enter_submits, const char* hit_label, bool take_focus) {
  const Theme& t = theme();
  const ImVec2 size(size_px.x, size_px.y);
  bool edited = field_edited_.erase(id) > 0;
  const std::string label = hit_label ? std::string(hit_label) : std::string("field:") + id;
  if (!services_.text_fields) {
    // Without a page (native tests, tools): ImGui's own box, bound to the same std::string.
    if (take_focus) ImGui::SetKeyboardFocusHere();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(t.dp(12), t.dp(10)));
    const bool entered = imgui_box(id, &value, size_px, enter_submits, false);
    if (enter_submits && entered)
      now_.submitted.insert(id);  // this frame's screen sends it
    else
      edited |= entered;
    edited |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::PopStyleVar();
    record_hit(label, value, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return edited;
  }
  if (take_focus) ++field_focus_[id];
  TextFieldSpec spec{id, {}, {}, value, revision, placeholder, enter_submits, field_focus_[id]};
  place_field(std::move(spec), size_px, &value, label);
  return edited;
}

void App::text_view(const char* id, Size2 size_px, const std::string& text, const char* placeholder, int revision) {
  const Theme& t = theme();
  const ImVec2 size(size_px.x, size_px.y);
  const std::string label = std::string("field:") + id;
  if (!services_.text_fields) {
    std::string& copy = view_buffers_[id];
    copy = text;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(t.dp(12), t.dp(10)));
    imgui_box(id, &copy, size_px, false, true);
    ImGui::PopStyleVar();
    record_hit(label, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return;
  }
  TextFieldSpec spec{id, {}, {}, text, revision, placeholder};
  spec.read_only = true;
  place_field(std::move(spec), size_px, nullptr, label);
}

App::ImGuiBox App::imgui_box_ = nullptr;

bool App::imgui_box(const char* id, std::string* value, Size2 size, bool enter_submits, bool read_only) {
  if (imgui_box_) return imgui_box_(id, value, size, enter_submits, read_only);
  ImGui::Dummy(ImVec2(size.x, size.y));  // a build with a page and no ImGui box: nothing to edit here
  return false;
}

void App::place_field(TextFieldSpec spec, Size2 size_px, std::string* bound, const std::string& hit_label) {
  const Theme& t = theme();
  const ImVec2 size(size_px.x, size_px.y);
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImVec2 q(p.x + size.x, p.y + size.y);
  // A stop for keyboard navigation where the page's field lies: Tab reaches it in its place, and
  // the page's field takes the focus (the page hands Tab and Shift+Tab back to the canvas).
  ImGui::InvisibleButton((std::string("##place:") + spec.id).c_str(), size);
  const bool tabbed_to = ImGui::IsItemFocused() && ImGui::GetIO().NavVisible;
  if (tabbed_to && !std::exchange(place_focused_[spec.id], true)) spec.focus = ++field_focus_[spec.id];
  if (!tabbed_to) place_focused_[spec.id] = false;
  ImGui::GetWindowDrawList()->AddRect(p, q, t.colors.border, t.dp(10), 0, t.dp(1));
  // Only the visible part of the field is handed to the page.
  ImVec2 cmin = ImGui::GetWindowDrawList()->GetClipRectMin(), cmax = ImGui::GetWindowDrawList()->GetClipRectMax();
  if (q.y > cmin.y && p.y < cmax.y) {
    if (bound) field_values_[spec.id] = bound;
    spec.min = Size2{p.x, std::max(p.y, cmin.y)};
    spec.max = Size2{q.x, std::min(q.y, cmax.y)};
    record_hit(hit_label, spec.value, p, q);
    fields_.push_back(std::move(spec));
  }
}

void App::text_field_input(const std::string& id, const std::string& text) {
  auto it = field_values_.find(id);
  if (it == field_values_.end()) return;
  *it->second = text;
  field_edited_.insert(id);
  animating_ = true;
}

}  // namespace rapport::ui
