// The studio editor's form for the selected item and its problems list (ui/studio_forms.cpp).
#pragma once

#include <string>

#include "studio.h"

namespace rapport::ui {

class App;

/// The form of what is selected (scenario, node and its replies, ending, preparation, points).
void draw_studio_form(App& app, authoring::Studio& s, float x, float width);
/// The draft's problems, each a button that selects where it is fixed.
void draw_studio_problems(authoring::Studio& s, float x, float width);
/// "Breakthrough under random play 34% · first choices win · 6.2 turns · ..." or why there are none.
std::string studio_stats_line(authoring::Studio& s);

}  // namespace rapport::ui
