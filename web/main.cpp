// The browser main loop: WebGL2 context, ImGui with its OpenGL3 renderer, the app, and frames
// drawn only when input, an animation or a resize asks for them.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <nlohmann/json.hpp>

#include "app.h"
#include "browser.h"
#include "draw_signature.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // InputEventsQueue: keep drawing until queued input is consumed
#include "input.h"
#include "library.h"
#include "page.h"
#include "lms.h"
#include "theme.h"
#include "screen_recovery.h"
#include "widgets.h"

namespace {

constexpr const char* kCanvas = "#canvas";

struct WebState {
  rapport::web::LocalStorageStore store;
  rapport::web::JsResumeField lms_field;
  std::unique_ptr<rapport::ProgressStorage> storage;  // chooses local, LMS-merged or kiosk memory
  std::string lms_problem;                            // last one written to the console
  // Set when something escaped start-up, a frame or an entry point: only the recovery screen is
  // drawn from then on (nothing throws across a frame).
  bool recovering = false;
  std::string throw_in_frame;  // rapport_simulate_frame_error: the next frame throws this, half drawn
  rapport::ui::RecoveryScreen recovery;
  rapport::ui::AppOptions options;
  rapport::ui::App app;
  rapport::ui::Theme theme;
  rapport::ui::FontFiles fonts;
  float dpr = 0;
  int width = 0, height = 0;  // framebuffer (device) pixels
  int frames_wanted = 3;
  // Frames the app may still draw after an input while each differs from the one before (a scroll
  // clamped to shorter content, a height measured as drawn): the screen settles before the next
  // click, not under it.
  int settle_left = 8;
  std::uint64_t last_signature = 0;
  int frames_drawn = 0;      // ImGui frames (what tests and the hit table count)
  int frames_presented = 0;  // of those, the ones that drew on the canvas
  // What the canvas shows (ui::draw_signature), and whether it must be drawn whatever the next
  // frame's signature (a new canvas size or font texture, the first frame).
  std::uint64_t presented = 0;
  bool must_present = true;
  double last_time = 0;
  bool first_frame = true;
  int styled_before_frame = -1;  // frames_drawn when the theme and fonts were last applied
  // The first frame rasterises only ASCII, the screens' symbols and the characters of the cards
  // it shows (GlyphSet::FirstFrame, card_text); the third rebuilds the atlas with every range
  // learners may type.
  rapport::ui::GlyphSet glyphs = rapport::ui::GlyphSet::FirstFrame;
  std::string card_text;
  // The first frame's library holds cards only (read_scenario_card, from /cards) until
  // complete_library(), which needs the scenarios the page writes into /scenarios once
  // rapport-scenarios.bin is here (rapport_scenarios_arrived). Input waits for them; so do
  // scenario files an author opens before then.
  bool cards_only = false;
  bool scenarios_in = false;
  std::vector<std::pair<std::string, std::string>> held_files;
};

WebState* g = nullptr;

void wake() {
  g->frames_wanted = std::max(g->frames_wanted, 3);
  g->settle_left = 8;
  if (!g->recovering) g->app.note_input(emscripten_get_now() / 1000.0);
}

/// Every text a library card may draw, for the first frame's glyphs.
std::string card_text(const std::vector<rapport::Scenario>& scenarios) {
  std::string out;
  for (const auto& s : scenarios)
    for (const std::string* t : {&s.title, &s.summary, &s.briefing, &s.domain, &s.challenge, &s.client.name,
                                 &s.client.role, &s.client.organisation, &s.client.wants, &s.client.fears})
      out += *t;
  return out;
}

EM_JS(void, js_publish_library_complete, (), { (window.rapport || (window.rapport = {})).libraryComplete = true; });

/// Replaces the first frame's library cards with the fully loaded scenarios, once they are in.
void complete_library() {
  if (!g->cards_only || !g->scenarios_in) return;
  g->cards_only = false;
  rapport::Library lib = rapport::load_library("/scenarios");
  g->app.complete_library(std::move(lib.scenarios), std::move(lib.errors));
  for (auto& [name, text] : g->held_files) g->app.add_scenario_text(name, text);
  g->held_files.clear();
  js_publish_library_complete();
}

/// Matches the canvas backing store to its CSS size x devicePixelRatio; rebuilds fonts when the
/// ratio changes (browser zoom changes it too).
void sync_size() {
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
  float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
  int w = std::max(1, static_cast<int>(css_w * dpr + 0.5)), h = std::max(1, static_cast<int>(css_h * dpr + 0.5));
  if (w != g->width || h != g->height) {
    emscripten_set_canvas_element_size(kCanvas, w, h);
    g->width = w;
    g->height = h;
    g->must_present = true;  // a resized canvas is cleared
    g->frames_wanted = std::max(g->frames_wanted, 3);
  }
  // A restyle request lasts until the app draws its next frame: applied once, not at every call
  // before it (main() and the first frame both come here).
  bool restyle = g->app.next_requests().restyle && g->styled_before_frame != g->frames_drawn;
  // The full atlas comes a frame after the full library (frame 2 loads the scenarios, frame 3
  // rasterises the rest of the glyphs), so that neither holds up input for long.
  if (g->frames_drawn >= 2 && g->glyphs != rapport::ui::GlyphSet::Full) {
    g->glyphs = rapport::ui::GlyphSet::Full;
    restyle = true;
  }
  if (dpr != g->dpr || restyle) {
    g->dpr = dpr;
    g->styled_before_frame = g->frames_drawn;
    rapport::web::set_input_scale(dpr);
    rapport::ui::apply_theme(g->theme, g->fonts, dpr * g->app.ui_scale(),
                             rapport::ui::parse_theme(g->app.settings().theme), g->glyphs, g->card_text);
    if (g->app.options().touch) rapport::ui::use_touch_scrollbars(dpr * g->app.ui_scale());
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    g->must_present = true;  // a new texture may draw differently from the same vertices
    const auto& f = g->theme.fonts;
    float smallest = f.body->FontSize;
    for (const ImFont* font : {f.small, f.heading, f.title}) smallest = std::min(smallest, font->FontSize);
    rapport::web::publish_text_px(smallest / dpr, f.body->FontSize / dpr);
    g->frames_wanted = std::max(g->frames_wanted, 3);
  }
}

std::string hits_json() {
  nlohmann::json hits = nlohmann::json::array();
  for (const auto& h : rapport::ui::hit_items())
    hits.push_back({{"label", h.label},
                    {"text", h.text},
                    {"x", h.min.x / g->dpr},
                    {"y", h.min.y / g->dpr},
                    {"w", (h.max.x - h.min.x) / g->dpr},
                    {"h", (h.max.y - h.min.y) / g->dpr},
                    // The whole widget's height, clipped or not: a test finds a line cut off by a panel.
                    {"dy", h.drawn_min.y / g->dpr},
                    {"dh", (h.drawn_max.y - h.drawn_min.y) / g->dpr}});
  return hits.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);  // a label may hold cut text
}

// clang-format off
EM_JS(void, js_reload, (), { window.location.reload(); });
// clang-format on

void enter_recovery(const char* where, const std::string& what) {
  rapport::web::console_error(std::string("Rapport: ") + where + " failed: " + what);
  if (g->recovering) return;
  g->recovering = true;
  g->recovery.error = what;
  g->frames_wanted = std::max(g->frames_wanted, 3);
}

/// Runs `f`, turning anything it throws into the recovery screen.
template <class F>
void guarded(const char* where, F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    enter_recovery(where, e.what());
  } catch (...) {
    enter_recovery(where, "an unknown error");
  }
}

/// "Export your data": the stored record's bytes exactly as they are, readable or not.
void export_raw_progress() {
  std::optional<std::string> raw = g->store.read(rapport::kProgressKey);
  if (!raw) {
    g->recovery.status = "There is no saved progress in this browser to export.";
    return;
  }
  rapport::web::download_text("rapport-progress-recovered.json", *raw);
  g->recovery.status = "Your saved progress was downloaded as rapport-progress-recovered.json.";
}

/// "Start fresh": the stored record is kept aside under the backup key first, then removed, and
/// the page reloads. Nothing is removed when the copy cannot be written.
void start_fresh() {
  std::optional<std::string> raw = g->store.read(rapport::kProgressKey);
  if (raw) {
    std::optional<std::string> backup = g->store.read(rapport::kProgressBackupKey);
    if ((!backup || *backup != *raw) && !g->store.write(rapport::kProgressBackupKey, *raw)) {
      g->recovery.status = "The browser refused to keep a copy aside, so nothing was removed. Export your data first.";
      return;
    }
    g->store.remove(rapport::kProgressKey);
  }
  js_reload();
}

/// Draws the rendered frame on the canvas, unless it is the very image the canvas already shows:
/// the app draws a few frames after every input and most look like the one before, and leaving
/// the canvas alone then spares the GPU (SwiftShader or a phone's) a whole frame.
void present() {
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  ImDrawData* data = ImGui::GetDrawData();
  const std::uint64_t signature = rapport::ui::draw_signature(*data, bg);
  // Still moving: one more frame, until two frames agree (at most settle_left more).
  if (signature != g->last_signature && g->settle_left > 0) {
    g->frames_wanted = std::max(g->frames_wanted, 1);
    g->settle_left--;
  }
  g->last_signature = signature;
  if (!g->must_present && signature == g->presented) return;
  glViewport(0, 0, g->width, g->height);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(data);
  g->presented = signature;
  g->must_present = false;
  g->frames_presented++;
}

void recovery_frame() {
  sync_size();
  double now = emscripten_get_now() / 1000.0;
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = g->last_time > 0 ? static_cast<float>(std::clamp(now - g->last_time, 1.0 / 240, 0.25)) : 1.0f / 60;
  g->last_time = now;
  io.DisplaySize = ImVec2(static_cast<float>(g->width), static_cast<float>(g->height));
  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  rapport::ui::begin_hit_frame();
  rapport::ui::RecoveryRequest request = rapport::ui::draw_recovery(g->recovery);
  rapport::ui::end_hit_frame();
  ImGui::Render();
  present();
  g->frames_drawn++;
  rapport::web::publish_frame(g->frames_drawn, g->frames_presented);
  if (g->first_frame) {
    g->first_frame = false;
    rapport::web::first_frame_shown();
  }
  if (request.export_data) export_raw_progress();
  if (request.start_fresh) start_fresh();
}

void app_frame();

/// Closes what a frame that threw left open, innermost first, down to the window ImGui opens for
/// every frame: the groups, disabled blocks, IDs, style colours and variables, item flags, fonts and
/// focus scopes pushed since each window began, then the window. ImGui's ErrorCheckEndFrameRecover
/// also ends tables and tab bars, which the app never opens: calling it brought ImGui's table code
/// into the wasm (11.8 KB of its gzip).
void close_what_the_frame_left_open() {
  ImGuiContext& c = *ImGui::GetCurrentContext();
  for (;;) {
    ImGuiWindow* window = c.CurrentWindow;
    const ImGuiStackSizes& begun = c.CurrentWindowStack.back().StackSizesOnBegin;
    while (c.GroupStack.Size > begun.SizeOfGroupStack) ImGui::EndGroup();
    while (c.DisabledStackSize > begun.SizeOfDisabledStack) ImGui::EndDisabled();
    while (window->IDStack.Size > begun.SizeOfIDStack) ImGui::PopID();
    while (c.ColorStack.Size > begun.SizeOfColorStack) ImGui::PopStyleColor();
    while (c.StyleVarStack.Size > begun.SizeOfStyleVarStack) ImGui::PopStyleVar();
    while (c.ItemFlagsStack.Size > begun.SizeOfItemFlagsStack) ImGui::PopItemFlag();
    while (c.FontStack.Size > begun.SizeOfFontStack) ImGui::PopFont();
    while (c.FocusScopeStack.Size > begun.SizeOfFocusScopeStack) ImGui::PopFocusScope();
    if (c.CurrentWindowStack.Size <= 1) return;
    if (window->Flags & ImGuiWindowFlags_ChildWindow)
      ImGui::EndChild();
    else
      ImGui::End();
  }
}

void frame() {
  if (!g->recovering) {
    try {
      app_frame();
      return;
    } catch (const std::exception& e) {
      enter_recovery("a frame", e.what());
    } catch (...) {
      enter_recovery("a frame", "an unknown error");
    }
    // ImGui may be half-way through the frame that threw: close what it left open. A colour, style
    // variable or font still pushed would stay so in every frame after (ImGui clears the window,
    // group and item-flag stacks at each new frame, not these): the console says so.
    if (ImGui::GetCurrentContext()->WithinFrameScope) {
      close_what_the_frame_left_open();
      ImGui::EndFrame();
      const ImGuiContext& c = *ImGui::GetCurrentContext();
      if (c.ColorStack.Size + c.StyleVarStack.Size + c.FontStack.Size > 0)
        rapport::web::console_error("Rapport: the frame that failed left " + std::to_string(c.ColorStack.Size) +
                                    " colour(s), " + std::to_string(c.StyleVarStack.Size) + " style variable(s) and " +
                                    std::to_string(c.FontStack.Size) + " font(s) pushed");
    }
  }
  try {
    recovery_frame();
  } catch (const std::exception& e) {
    rapport::web::console_error(std::string("Rapport: the recovery screen failed: ") + e.what());
    if (ImGui::GetCurrentContext()->WithinFrameScope) {
      close_what_the_frame_left_open();
      ImGui::EndFrame();
    }
  }
}

void app_frame() {
  // Input already waiting may start a scenario: never let it meet a card-only library. Until the
  // scenarios are in, it waits in the queue (rapport_scenarios_arrived wakes the loop).
  const bool input_waiting = !ImGui::GetCurrentContext()->InputEventsQueue.empty();
  if (!g->first_frame || input_waiting) complete_library();
  if (g->cards_only && input_waiting && !g->first_frame) return;
  if (g->app.tick(emscripten_get_now() / 1000.0)) g->frames_wanted = std::max(g->frames_wanted, 3);
  sync_size();
  if (g->frames_wanted <= 0) return;  // idle: the canvas keeps its last frame
  g->frames_wanted--;
  double now = emscripten_get_now() / 1000.0;
  ImGuiIO& io = ImGui::GetIO();
  io.DeltaTime = g->last_time > 0 ? static_cast<float>(std::clamp(now - g->last_time, 1.0 / 240, 0.25)) : 1.0f / 60;
  g->last_time = now;
  io.DisplaySize = ImVec2(static_cast<float>(g->width), static_cast<float>(g->height));
  io.DisplayFramebufferScale = ImVec2(1, 1);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui::NewFrame();
  if (!g->throw_in_frame.empty()) {
    // Half a frame: a window, a child, a colour, a style variable, an ID and a group left open.
    const std::string what = std::exchange(g->throw_in_frame, std::string());
    ImGui::Begin("##half-drawn");
    ImGui::BeginChild("##half-drawn-child", ImVec2(100, 100));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(200, 0, 0, 255));
    ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.5f);
    ImGui::PushID("half");
    ImGui::BeginGroup();
    throw std::runtime_error(what);
  }
  g->app.frame(io.DeltaTime);
  ImGui::Render();
  present();
  g->frames_drawn++;
  if (g->app.animating()) g->frames_wanted = std::max(g->frames_wanted, 2);
  // ImGui trickles fast input over several frames (a key down and up in one frame would be lost
  // otherwise), so keep drawing while any event is still queued.
  if (!ImGui::GetCurrentContext()->InputEventsQueue.empty()) g->frames_wanted = std::max(g->frames_wanted, 1);
  rapport::web::publish_frame(g->frames_drawn, g->frames_presented);
  if (auto* lms = g->storage->lms_store(); lms && lms->lms_problem() != g->lms_problem) {
    g->lms_problem = lms->lms_problem();
    rapport::web::console_warn("Rapport LMS: " + g->lms_problem);
  }
  if (g->first_frame) {
    g->first_frame = false;
    rapport::web::first_frame_shown();
  }
}

// clang-format off
EM_JS(int, js_coarse_pointer, (), {
  return window.matchMedia && window.matchMedia('(pointer: coarse)').matches ? 1 : 0;
});
// clang-format on

// clang-format off
EM_JS(int, js_reduced_motion, (), {
  return window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 1 : 0;
});
// clang-format on

// clang-format off
EM_JS(char*, js_query, (), {
  var s = window.location.search || "";
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
// clang-format on

// postMessage to the embedding page, only to the origin the page was configured with.
// clang-format off
EM_JS(void, js_post_to_parent, (const char* origin, const char* json), {
  try {
    if (window.parent && window.parent !== window) window.parent.postMessage(JSON.parse(UTF8ToString(json)), UTF8ToString(origin));
  } catch (e) {}
});
// clang-format on

// clang-format off
EM_JS(void, js_pick_file, (), {
  var input = document.getElementById('scenario-file');
  if (input) input.click();
});
// clang-format on

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  wake();
  return EM_FALSE;
}

}  // namespace

/// Called by the page when an author picks or drops a scenario file.
/// window.rapport.hitsJson (web/browser.cpp): the widgets of the last frame drawn, serialised when
/// a test or tool reads them rather than at every frame.
extern "C" EMSCRIPTEN_KEEPALIVE const char* rapport_hits_json() {
  static std::string json;
  json = hits_json();
  return json.c_str();
}

extern "C" EMSCRIPTEN_KEEPALIVE void rapport_add_scenario(const char* file_name, const char* text) {
  if (!g || g->recovering) return;
  guarded("rapport_add_scenario", [&] {
    complete_library();  // an author's file must not be replaced by the packaged ones afterwards
    if (g->cards_only)
      g->held_files.emplace_back(file_name, text);  // added once the packaged scenarios are in
    else
      g->app.add_scenario_text(file_name, text);
  });
  wake();
}

/// Called by the page once it has written rapport-scenarios.bin's scenarios into /scenarios.
extern "C" EMSCRIPTEN_KEEPALIVE void rapport_scenarios_arrived() {
  if (!g || g->recovering) return;
  g->scenarios_in = true;
  g->frames_wanted = std::max(g->frames_wanted, 3);
}

/// Called by the page with a message for the author (the studio's package export).
extern "C" EMSCRIPTEN_KEEPALIVE void rapport_notice(const char* text) {
  if (!g || g->recovering) return;
  guarded("rapport_notice", [&] { g->app.add_notice(text); });
  wake();
}

/// Called by the page when the learner types in one of its text fields.
extern "C" EMSCRIPTEN_KEEPALIVE void rapport_field_input(const char* id, const char* text) {
  if (!g || g->recovering) return;
  guarded("rapport_field_input", [&] { g->app.text_field_input(id, text); });
  wake();
}

/// Called by the page when it is hidden or unloaded (pagehide, visibilitychange).
extern "C" EMSCRIPTEN_KEEPALIVE void rapport_page_hidden() {
  if (!g || g->recovering) return;
  guarded("rapport_page_hidden", [&] { g->app.keep_unsaved_now(); });
}

/// Called by the page when Enter is pressed in a field that submits on Enter.
extern "C" EMSCRIPTEN_KEEPALIVE void rapport_field_submit(const char* id) {
  if (!g || g->recovering) return;
  guarded("rapport_field_submit", [&] { g->app.text_field_submit(id); });
  wake();
}

/// Called by the page with a progress export the learner picked.
extern "C" EMSCRIPTEN_KEEPALIVE void rapport_import_progress(const char* file_name, const char* text) {
  if (!g || g->recovering) return;
  guarded("rapport_import_progress", [&] { g->app.import_progress_text(file_name, text); });
  wake();
}

/// For the browser tests of the recovery screen: behaves as an entry point whose work threw.
extern "C" EMSCRIPTEN_KEEPALIVE void rapport_simulate_error(const char* what) {
  if (!g) return;
  guarded("rapport_simulate_error", [&] { throw std::runtime_error(what); });
  wake();
}

/// For the browser tests of the recovery screen: the next frame throws `what` half drawn.
extern "C" EMSCRIPTEN_KEEPALIVE void rapport_simulate_frame_error(const char* what) {
  if (!g) return;
  g->throw_in_frame = what;
  wake();
}

int main() {
  g = new WebState();
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2;
  attrs.minorVersion = 0;
  // shell.html has already made this canvas's context with the same attributes (while the page
  // waited for the downloads): this returns it.
  attrs.alpha = false;
  attrs.depth = false;
  attrs.stencil = false;
  attrs.antialias = false;
  attrs.premultipliedAlpha = false;
  // ImGui's renderer uses only core WebGL2. Emscripten would otherwise enable each of the
  // browser's ~30 extensions one by one: 70-100 ms of round trips to the GPU process before the
  // first frame (measured in headless Chromium with SwiftShader).
  attrs.enableExtensionsByDefault = false;
  EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx = emscripten_webgl_create_context(kCanvas, &attrs);
  if (ctx <= 0) {
    // clang-format off
    EM_ASM({ if (window.rapportShell) window.rapportShell.fail('WebGL2 could not be started in this browser.'); });
    // clang-format on
    return 1;
  }
  emscripten_webgl_make_context_current(ctx);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigInputTextCursorBlink = false;
  io.BackendPlatformName = "rapport_web_html5";
  ImGui_ImplOpenGL3_Init("#version 300 es");

  g->fonts.regular = rapport::read_whole_file("/fonts/regular.ttf");
  g->fonts.bold = rapport::read_whole_file("/fonts/bold.ttf");

  char* query = js_query();
  g->options = rapport::ui::parse_app_options(query);
  free(query);
  // A link straight into one scenario needs it whole at once; the library needs only its cards.
  // So do a studio package's authored scenarios and a kiosk link's drafts, which join the whole library.
  const bool authored = std::filesystem::exists("/authored.json");
  // (The page has written /scenarios before the app starts for those.)
  g->cards_only = g->options.scenario.empty() && g->options.drafts.empty() && !authored;
  g->scenarios_in = std::filesystem::exists("/scenarios");
  rapport::Library lib = rapport::load_library(g->cards_only ? "/cards" : "/scenarios", g->cards_only);
  g->card_text = card_text(lib.scenarios);
  if (!g->cards_only) g->glyphs = rapport::ui::GlyphSet::Full;  // a scenario's own text: any glyph
  g->options.touch = js_coarse_pointer() != 0;
  g->options.reduced_motion = js_reduced_motion() != 0;
  g->options.lms_review = rapport::web::lms_connected() && rapport::web::lms_review_mode();
  rapport::ui::AppServices services;
  g->storage = std::make_unique<rapport::ProgressStorage>(
      rapport::ProgressStorageDesc{.local = &g->store,
                                   .lms = rapport::web::lms_connected() ? &g->lms_field : nullptr,
                                   .lms_review = rapport::web::lms_review_mode(),
                                   .kiosk = g->options.kiosk});
  services.store = &g->storage->store();
  services.drafts_store = &g->store;
  if (!g->options.parent_origin.empty()) {
    services.session_finished = [](const rapport::Dialogue& d, const rapport::SessionScore& score,
                                   const rapport::SessionRecord&) {
      nlohmann::json msg = {{"type", "rapport:complete"},
                            {"scenario", d.scenario().id},
                            {"outcome", d.ending() ? d.ending()->kind : ""},
                            {"score", score.total}};
      js_post_to_parent(g->options.parent_origin.c_str(), msg.dump().c_str());
    };
    services.session_rescored = [](const rapport::Dialogue& d, const rapport::SessionScore& score,
                                   const rapport::SessionRecord&) {
      nlohmann::json msg = {{"type", "rapport:score"}, {"scenario", d.scenario().id}, {"score", score.total}};
      js_post_to_parent(g->options.parent_origin.c_str(), msg.dump().c_str());
    };
  }
  // [LMS] begin: the LMS bridge (web/lms.*) hooks in here.
  rapport::web::install_lms(services);
  // [LMS] end
  services.now = rapport::web::now_iso;
  services.announce = rapport::web::announce;
  services.pick_file = [] { js_pick_file(); };
  services.pick_progress_file = rapport::web::pick_progress_file;
  services.copy_text = rapport::web::copy_to_clipboard;
  services.download_text = rapport::web::download_text;
  services.built_in_text = [](const std::string& id) {
    // The packaged scenario files, named by their ids (the studio copies one to edit). Read with
    // stdio: an ifstream here linked iostreams' locale machinery, 60 KB of wasm.
    return rapport::read_whole_file("/scenarios/" + id + ".json");
  };
  services.open_url = rapport::web::open_url;
  services.export_package = rapport::web::export_package;
  services.page_url = rapport::web::page_url;
  // A SCORM package carries only the learners' app: no studio page to open inside an LMS.
  if (!rapport::web::lms_connected()) services.open_studio_page = rapport::web::open_studio_page;
#ifdef RAPPORT_STUDIO
  rapport::ui::link_studio();  // rapport-studio.wasm; learners' rapport.wasm leaves the studio out
#endif
  services.text_fields = [](const std::vector<rapport::ui::TextFieldSpec>& fields) {
    rapport::web::sync_text_fields(fields, g->dpr, g->theme);
  };
  guarded("start-up", [&] { g->app.init(services, std::move(lib.scenarios), std::move(lib.errors), g->options); });
  if (authored)
    guarded("authored scenarios",
            [&] { g->app.use_authored_library("authored.json", rapport::read_whole_file("/authored.json")); });
  if (!g->options.parent_origin.empty())
    js_post_to_parent(g->options.parent_origin.c_str(), R"({"type":"rapport:ready"})");

  rapport::web::install_input(kCanvas, wake);
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, true, on_resize);
  sync_size();
  emscripten_set_main_loop(frame, 0, false);
  // The first frame is drawn now, not at the next animation frame: the browser would otherwise sit
  // idle until then (a vsync, or longer while it finishes the page's own work), and the GPU
  // process starts on the shaders, the font texture and the first draw that much earlier.
  frame();
  return 0;
}
