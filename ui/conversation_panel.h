// The side panel beside the conversation on wide screens: who the client is, live coaching (the
// last reply's code, cue and tip; the summary scores so far; one thing to try next), then the
// client's wants, fears and the brief for reference.
#pragma once

#include "app.h"
#include "imgui.h"

namespace rapport::ui {

/// True when the window is wide enough for the panel beside a full chat column.
bool conversation_panel_fits(float width);

/// Panel width for a window `width` wide.
float conversation_panel_width(float width);

/// Draws the panel in a scrolling child at `min`, `size` large.
void draw_conversation_panel(App& app, ImVec2 min, ImVec2 size);

}  // namespace rapport::ui
