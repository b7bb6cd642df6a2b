// The roadmap's drawing parts shared between its files: the conversation stages ("where you were
// strong") as a row of steps, or a column when narrow.
#pragma once

#include <vector>

#include "conversation_map.h"

namespace rapport::ui {

/// Draws the steps at `x`, `width` wide, from the cursor down; advances the cursor.
void draw_stages(const std::vector<RoadmapStep>& steps, float x, float width);

}  // namespace rapport::ui
