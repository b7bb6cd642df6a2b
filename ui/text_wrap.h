// Line breaking for every wrapped text Rapport draws. Dear ImGui's own wrapping may break after
// '.', ',', ';', '!', '?' or '"' inside a word, so "9,000" came out as "9," and "000" on two lines,
// "9.30" as "9." and "30", and a closing quote stood alone on a line. Here a line breaks only at a
// blank, after a hyphen or dash inside a word ("follow-|up"), after a slash, or between two CJK
// characters; a word wider than the whole line is cut between characters (never inside one).
#pragma once

#include <string_view>

#include "imgui.h"

namespace rapport::ui {

/// Where the line that starts at `text` ends when it may be `width` wide at `size` pixels: the
/// end of the last whole word that fits (blanks after it excluded), `end` when all fits, or a
/// '\n'. Always past `text` when there is text, so a caller's loop moves on.
const char* wrap_line_end(const ImFont* font, float size, const char* text, const char* end, float width);

/// Where the next line starts after a line that ended at `line_end`: past blanks and one '\n'.
const char* next_line_start(const char* line_end, const char* end);

/// The size of `text` wrapped at `width` (<= 0: no wrapping), as Dear ImGui's CalcTextSizeA gives
/// it: the widest line and a font size per line.
ImVec2 wrapped_size(const ImFont* font, float size, std::string_view text, float width);
inline ImVec2 wrapped_size(const ImFont* font, std::string_view text, float width) {
  return wrapped_size(font, font->FontSize, text, width);
}

/// Draws `text` wrapped at `width` (<= 0: no wrapping) with its top-left at `pos`.
void draw_wrapped(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 col, std::string_view text,
                  float width);
inline void draw_wrapped(ImDrawList* dl, const ImFont* font, ImVec2 pos, ImU32 col, std::string_view text,
                         float width) {
  draw_wrapped(dl, font, font->FontSize, pos, col, text, width);
}

}  // namespace rapport::ui
