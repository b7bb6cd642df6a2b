// The smallest Dear ImGui page on Rapport's web stack (html5.h input, a WebGL2 context, the
// OpenGL3 renderer, the same ImGui sources and link flags): the baseline ci/bench.sh compares
// Rapport with. Like most ImGui hellos it draws every animation frame. It publishes
// window.benchHello = {ready, frames, button: {x, y, w, h}} after each frame.
#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "imgui_impl_opengl3.h"

namespace {

constexpr const char* kCanvas = "#canvas";
int g_frames = 0;
int g_clicks = 0;

// clang-format off
EM_JS(void, publish, (int frames, float x, float y, float w, float h), {
  var b = window.benchHello || (window.benchHello = {});
  b.frames = frames;
  b.button = { x: x, y: y, w: w, h: h };
  b.ready = true;
});
// clang-format on

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP)
    io.AddMouseButtonEvent(e->button == 2 ? 1 : e->button == 1 ? 2 : 0, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
  return EM_TRUE;
}

void frame() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  int w = css_w > 1 ? static_cast<int>(css_w) : 1, h = css_h > 1 ? static_cast<int>(css_h) : 1;
  static int canvas_w = 0, canvas_h = 0;
  if (w != canvas_w || h != canvas_h) {  // resizing clears the canvas: only when the size changed
    emscripten_set_canvas_element_size(kCanvas, w, h);
    canvas_w = w;
    canvas_h = h;
  }
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
  io.DeltaTime = 1.0f / 60;

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  ImGui::SetNextWindowPos(ImVec2(40, 40), ImGuiCond_Once);
  ImGui::SetNextWindowSize(ImVec2(360, 160), ImGuiCond_Once);
  ImGui::Begin("Hello");
  ImGui::Text("Hello from Dear ImGui %s", IMGUI_VERSION);
  if (ImGui::Button("Click me")) g_clicks++;
  ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  ImGui::Text("Clicked %d times", g_clicks);
  ImGui::End();
  ImGui::Render();

  glViewport(0, 0, w, h);
  glClearColor(0.96f, 0.97f, 0.98f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  publish(++g_frames, min.x, min.y, max.x - min.x, max.y - min.y);
}

}  // namespace

int main() {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.alpha = false;
  attrs.antialias = false;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(kCanvas, &attrs);
  if (ctx <= 0) return 1;
  emscripten_webgl_make_context_current(ctx);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::StyleColorsLight();
  ImGui_ImplOpenGL3_Init("#version 300 es");

  emscripten_set_mousemove_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mousedown_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_mouse);
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
