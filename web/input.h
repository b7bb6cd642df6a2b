// Browser input for Dear ImGui through Emscripten's html5.h callbacks: mouse, wheel, touch and
// keyboard feed ImGui's input queue in device pixels. Any input asks for a few frames.
#pragma once

namespace rapport::web {

/// Installs the callbacks on `canvas_selector` (and the window for keys). `wake` is called on
/// every event so the main loop draws the next frames.
void install_input(const char* canvas_selector, void (*wake)());

/// The current devicePixelRatio used to convert CSS to device pixels.
void set_input_scale(float device_pixel_ratio);

}  // namespace rapport::web
