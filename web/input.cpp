// html5.h input callbacks feeding ImGui's event queue; see input.h.
#include "input.h"

#include <cmath>
#include <cstring>
#include <string_view>

#include <emscripten/html5.h>

#include "imgui.h"
#include "page.h"

namespace rapport::web {
namespace {

float g_scale = 1.0f;
void (*g_wake)() = nullptr;

void wake() {
  if (g_wake) g_wake();
}

ImGuiKey key_from_dom(const EmscriptenKeyboardEvent* e) {
  std::string_view code(e->code);
  std::string_view key(e->key);
  if (code.size() == 4 && code.substr(0, 3) == "Key") return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
  if (code.size() == 6 && code.substr(0, 5) == "Digit") return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
  if (code.size() == 7 && code.substr(0, 6) == "Numpad" && code[6] >= '0' && code[6] <= '9')
    return static_cast<ImGuiKey>(ImGuiKey_Keypad0 + (code[6] - '0'));
  struct Named {
    const char* name;
    ImGuiKey key;
  };
  static const Named named[] = {
      {"Tab", ImGuiKey_Tab},           {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
      {"ArrowUp", ImGuiKey_UpArrow},   {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
      {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home},           {"End", ImGuiKey_End},
      {"Insert", ImGuiKey_Insert},     {"Delete", ImGuiKey_Delete},       {"Backspace", ImGuiKey_Backspace},
      {" ", ImGuiKey_Space},           {"Enter", ImGuiKey_Enter},         {"Escape", ImGuiKey_Escape},
      {"Control", ImGuiKey_LeftCtrl},  {"Shift", ImGuiKey_LeftShift},     {"Alt", ImGuiKey_LeftAlt},
      {"Meta", ImGuiKey_LeftSuper},
  };
  for (const auto& n : named)
    if (key == n.name) return n.key;
  if (code == "NumpadEnter") return ImGuiKey_KeypadEnter;
  return ImGuiKey_None;
}

void update_modifiers(const EmscriptenKeyboardEvent* e) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
  io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
  io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
  io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
  wake();
  // Typing in one of the page's text fields belongs to that field, not to the canvas.
  if (text_field_focused()) return EM_FALSE;
  ImGuiIO& io = ImGui::GetIO();
  if (type == EMSCRIPTEN_EVENT_KEYPRESS) {
    if (e->charCode >= 32 && !e->ctrlKey && !e->metaKey) io.AddInputCharacter(e->charCode);
    return e->charCode >= 32 && io.WantTextInput;
  }
  update_modifiers(e);
  ImGuiKey k = key_from_dom(e);
  if (k != ImGuiKey_None) io.AddKeyEvent(k, type == EMSCRIPTEN_EVENT_KEYDOWN);
  // Keep Tab, arrows and Backspace in the app instead of moving focus or going back. Space must
  // not be prevented: that would suppress its keypress, and with it the typed space.
  // Ctrl/Meta shortcuts (copy, paste, reload) stay with the browser.
  if (e->ctrlKey || e->metaKey) return EM_FALSE;
  return k == ImGuiKey_Tab || k == ImGuiKey_Backspace || k == ImGuiKey_UpArrow || k == ImGuiKey_DownArrow ||
         k == ImGuiKey_LeftArrow || k == ImGuiKey_RightArrow;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  wake();
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(static_cast<float>(e->targetX) * g_scale, static_cast<float>(e->targetY) * g_scale);
  int button = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
  if (button >= 0 && type == EMSCRIPTEN_EVENT_MOUSEDOWN) io.AddMouseButtonEvent(button, true);
  if (button >= 0 && type == EMSCRIPTEN_EVENT_MOUSEUP) io.AddMouseButtonEvent(button, false);
  return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_FALSE : EM_TRUE;
}

EM_BOOL on_document_mouseup(int, const EmscriptenMouseEvent* e, void*) {
  // A release outside the canvas still ends a press that began on it.
  wake();
  int button = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
  if (button >= 0) ImGui::GetIO().AddMouseButtonEvent(button, false);
  return EM_FALSE;
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
  wake();
  ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
  wake();
  // deltaMode 0 is pixels (about 100 per notch), 1 lines, 2 pages.
  float unit = e->deltaMode == DOM_DELTA_PIXEL ? 1.0f / 100.0f : e->deltaMode == DOM_DELTA_LINE ? 1.0f / 3.0f : 1.0f;
  // A trackpad pinch arrives as a wheel with ctrlKey set and no key event: the map zooms on it.
  ImGui::GetIO().AddKeyEvent(ImGuiMod_Ctrl, e->mouse.ctrlKey);
  ImGui::GetIO().AddKeyEvent(ImGuiMod_Shift, e->mouse.shiftKey);
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX) * unit, static_cast<float>(-e->deltaY) * unit);
  return EM_TRUE;
}

// Touch: the first finger acts as the mouse; a drag scrolls the view under it along the axis it
// started on (up and down, or sideways for views that scroll sideways, such as the map).
long g_touch_id = -1;
float g_touch_start_x = 0, g_touch_start_y = 0, g_touch_last_x = 0, g_touch_last_y = 0, g_touch_travel = 0;
bool g_touch_pressed = false;
bool g_touch_sideways = false;

/// Wheel steps that move a view by `dy` CSS pixels: ImGui scrolls five lines of the default font
/// per step (when the view is taller than 1.5 steps), so the content follows the finger one to one.
float wheel_for(float dy) {
  const ImGuiIO& io = ImGui::GetIO();
  float line = io.FontDefault ? io.FontDefault->FontSize : 13.0f * g_scale;
  return dy * g_scale / (5.0f * line);
}

/// The same sideways: ImGui scrolls two lines per horizontal step.
float wheel_x_for(float dx) {
  const ImGuiIO& io = ImGui::GetIO();
  float line = io.FontDefault ? io.FontDefault->FontSize : 13.0f * g_scale;
  return dx * g_scale / (2.0f * line);
}

void scroll_by(float dx, float dy) {
  if (g_touch_sideways)
    ImGui::GetIO().AddMouseWheelEvent(wheel_x_for(dx), 0);
  else
    ImGui::GetIO().AddMouseWheelEvent(0, wheel_for(dy));
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
  wake();
  ImGuiIO& io = ImGui::GetIO();
  for (int i = 0; i < e->numTouches; ++i) {
    const EmscriptenTouchPoint& t = e->touches[i];
    if (!t.isChanged) continue;
    const float x = static_cast<float>(t.targetX), y = static_cast<float>(t.targetY);
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART && g_touch_id < 0) {
      g_touch_id = t.identifier;
      g_touch_start_x = g_touch_last_x = x;
      g_touch_start_y = g_touch_last_y = y;
      g_touch_travel = 0;
      io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
      io.AddMousePosEvent(x * g_scale, y * g_scale);
      io.AddMouseButtonEvent(0, true);
      g_touch_pressed = true;
    } else if (t.identifier == g_touch_id) {
      io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
      if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
        float dx = x - g_touch_last_x, dy = y - g_touch_last_y;
        g_touch_travel += std::fabs(dx) + std::fabs(dy);
        g_touch_last_x = x;
        g_touch_last_y = y;
        if (g_touch_pressed && g_touch_travel > 10.0f) {
          // The finger has travelled: a scroll, not a tap. Release away from the item (no
          // click), put the pointer back under the finger so that the wheel reaches the view
          // there, and catch up with the distance moved so far along the gesture's axis.
          io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
          io.AddMouseButtonEvent(0, false);
          g_touch_pressed = false;
          io.AddMousePosEvent(x * g_scale, y * g_scale);
          g_touch_sideways = std::fabs(x - g_touch_start_x) > std::fabs(y - g_touch_start_y);
          scroll_by(x - g_touch_start_x, y - g_touch_start_y);
        } else if (g_touch_pressed) {
          io.AddMousePosEvent(x * g_scale, y * g_scale);
        } else {
          // Scrolling sends wheel steps only: ImGui plays a position change and a wheel step on
          // separate frames, so moving the pointer too would let the queue (and the view) fall
          // further behind the finger with every move. Successive steps share one frame.
          scroll_by(dx, dy);
        }
      } else {
        if (g_touch_pressed) {
          io.AddMousePosEvent(x * g_scale, y * g_scale);
          io.AddMouseButtonEvent(0, false);
        }
        g_touch_pressed = false;
        g_touch_id = -1;
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // nothing stays hovered after a tap
      }
    }
  }
  return EM_TRUE;  // no emulated mouse events after touch
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
  wake();
  ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
  return EM_FALSE;
}

}  // namespace

void set_input_scale(float device_pixel_ratio) { g_scale = device_pixel_ratio; }

void install_input(const char* canvas, void (*wake_fn)()) {
  g_wake = wake_fn;
  emscripten_set_mousedown_callback(canvas, nullptr, true, on_mouse);
  emscripten_set_mousemove_callback(canvas, nullptr, true, on_mouse);
  emscripten_set_mouseup_callback(canvas, nullptr, true, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, on_document_mouseup);
  emscripten_set_mouseleave_callback(canvas, nullptr, true, on_mouse_leave);
  emscripten_set_wheel_callback(canvas, nullptr, true, on_wheel);
  emscripten_set_touchstart_callback(canvas, nullptr, true, on_touch);
  emscripten_set_touchmove_callback(canvas, nullptr, true, on_touch);
  emscripten_set_touchend_callback(canvas, nullptr, true, on_touch);
  emscripten_set_touchcancel_callback(canvas, nullptr, true, on_touch);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_key);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_key);
  emscripten_set_keypress_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_key);
  emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_focus);
  emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_focus);
}

}  // namespace rapport::web

/// A vertical swipe over a text field that has nothing more to scroll that way (shell.html's
/// fields): the view under the finger scrolls with it, as a swipe over the canvas does. A reviewer's
/// swipe on the follow-up email (half a phone's screen) moved nothing. `dy` 0 starts the swipe at
/// (x, y), in CSS pixels.
extern "C" EMSCRIPTEN_KEEPALIVE void rapport_field_swipe(float x, float y, float dy) {
  using namespace rapport::web;
  wake();
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  if (dy == 0) {
    io.AddMousePosEvent(x * g_scale, y * g_scale);
    return;
  }
  io.AddMouseWheelEvent(0, wheel_for(dy));
}
