// Rapport's own widgets drawn with ImGui draw lists: cards, bubbles, chips, meters. Every
// interactive widget records its label and rectangle in the hit table (for the accessibility
// mirror and for tests that click by label).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "mi_codes.h"

namespace rapport::ui {

struct HitItem {
  std::string label;            // stable test/accessibility label, e.g. "reply:1", "button:Start"
  std::string text;             // what the widget shows
  ImVec2 min, max;              // in framebuffer (device) pixels, the part inside the clip rectangle
  ImVec2 drawn_min, drawn_max;  // the whole widget, clipped or not (layout checks)
};

/// Items drawn in the last finished frame.
const std::vector<HitItem>& hit_items();
/// Called by the app at the start and end of each frame.
void begin_hit_frame();
void end_hit_frame();
void record_hit(std::string label, std::string text, ImVec2 min, ImVec2 max);
/// The hits recorded so far this frame (an index for clip_hits_below).
size_t hit_count();
/// Cuts the hits recorded since `first` at `y`: something drawn over them below it (the replies'
/// "more below" band) leaves only the part above to click. A hit wholly below leaves the table.
void clip_hits_below(size_t first, float y);
/// A modal layer (a sheet over the screen) starts: what was recorded under it cannot be reached.
void begin_hit_layer();

/// A full-width (or given width) rounded card that acts as a button. `badge` is a small prefix
/// such as "1". Returns true when pressed (click, tap, Enter/Space when focused).
/// The hit table holds `text`, and the detail after a newline when `hit_detail` is set.
bool card_button(const char* label, std::string_view text, std::string_view detail, float width,
                 std::string_view badge = {}, bool selected = false, bool hit_detail = false);

/// Height card_button() will take for the same arguments.
float card_height(std::string_view text, std::string_view detail, float width, bool has_badge);

/// A pill-shaped primary (accent) or secondary button.
/// The width pill_button() gives `text`, for laying out rows that wrap.
float pill_width(std::string_view text);
bool pill_button(const char* label, std::string_view text, bool primary = true);

/// Pill buttons laid left to right from `x`, wrapping to a new line when the next does not fit in
/// `width` (narrow phones, the largest text size), so every action stays on screen.
class PillRow {
 public:
  PillRow(float x, float width) : x_(x), width_(width) {}
  /// Places the cursor for the next pill, showing `text`.
  void place(std::string_view text);
  bool button(const char* label, std::string_view text, bool primary = false) {
    place(text);
    return pill_button(label, text, primary);
  }

 private:
  float x_, width_, used_ = 0;
};

/// Wrapped text with the given font and colour, advancing the cursor.
void wrapped_text(ImFont* font, ImU32 color, std::string_view text, float width);

/// A chat bubble: client on the left with an initials avatar, learner on the right.
/// `chip` (may be empty) is drawn under learner bubbles. `appear` 0..1 animates entry.
/// Returns the bubble's own rectangle (not the row's, nor the chip's).
struct DrawnRect {
  ImVec2 min, max;
};
DrawnRect chat_bubble(bool from_client, std::string_view initials, std::string_view text, std::string_view chip,
                      ImU32 chip_color, float column_width, float appear, std::string_view chip_label = {});

/// A horizontal meter with label and value (0..100).
void meter(std::string_view label, float value, float width);
/// The meter's colour for a value (0..100): good from 60, fair from 40, poor below.
ImU32 level_color(float value);

/// A reply's code chip: its colour (harmful red for MI-inconsistent codes, helpful green for
/// MI-consistent ones, grey otherwise) and its words ("open question", "... (your choice)" when
/// the learner said which code they meant).
/// A reply's chip: its code (code_chip_text, core/coaching.h), in the colour of what it did. A typed monologue
/// (is_rambling) lost the client whatever it was coded: its chip says "too long" first, in the fair colour, never the
/// good one beside a note saying the client lost the thread.
ImU32 code_chip_color(MiCode code, bool monologue = false, bool advice = false);

/// A small rounded label (code chip, band label).
void chip(std::string_view text, ImU32 color);

/// A status mark at `pos` for a line of body text: a filled circle with a tick when done, an
/// empty ring when not. Returns the horizontal space it takes, gap included.
float status_mark(ImVec2 pos, bool done);

/// Initials of a name ("Dana Okafor" -> "DO").
std::string initials(std::string_view name);

/// Moves toward `target` by a time-based ease; returns true while still moving.
bool ease_toward(float& value, float target, float dt, float speed = 8.0f);

}  // namespace rapport::ui
