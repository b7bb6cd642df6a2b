// Line breaking for wrapped text; see text_wrap.h.
#include "text_wrap.h"

#include <algorithm>

#include "imgui_internal.h"  // ImTextCharFromUtf8, ImCharIsBlankW

namespace rapport::ui {
namespace {

bool is_blank(unsigned c) { return c == ' ' || c == '\t' || c == 0x3000; }

/// Han, kana, Hangul and full-width forms: a line may break before or after any of them.
bool is_cjk(unsigned c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/// A line may break after these when they follow another character of the word.
bool breaks_after(unsigned c) { return c == '-' || c == '/' || c == 0x2010 || c == 0x2013 || c == 0x2014; }

const char* next_char(const char* s, const char* end, unsigned* c) {
  *c = static_cast<unsigned char>(*s);
  if (*c < 0x80) return s + 1;
  return s + ImTextCharFromUtf8(c, s, end);
}

float advance(const ImFont* font, unsigned c) {
  return static_cast<int>(c) < font->IndexAdvanceX.Size ? font->IndexAdvanceX.Data[c] : font->FallbackAdvanceX;
}

/// `line_end` without the blanks before it.
const char* trim_blanks(const char* begin, const char* line_end) {
  while (line_end > begin && (line_end[-1] == ' ' || line_end[-1] == '\t')) --line_end;
  return line_end;
}

}  // namespace

const char* wrap_line_end(const ImFont* font, float size, const char* text, const char* end, float width) {
  if (width <= 0) return std::find(text, end, '\n');
  const float limit = width * font->FontSize / size;  // advances are at the font's own size
  float line = 0, blanks = 0;
  const char* brk = nullptr;  // the last place the line may end
  bool in_word = false;       // the previous character was part of a word
  unsigned prev = 0;
  for (const char* s = text; s < end;) {
    unsigned c;
    const char* next = next_char(s, end, &c);
    if (c == '\n') return s;
    if (c == '\r') {
      s = next;
      continue;
    }
    if (is_blank(c)) {
      if (in_word) brk = s;
      blanks += advance(font, c);
      in_word = false;
    } else {
      if (in_word && (breaks_after(prev) || is_cjk(prev) || is_cjk(c))) brk = s;
      line += blanks + advance(font, c);
      blanks = 0;
      if (line > limit) {
        if (brk && brk > text) return brk;
        return s > text ? s : next;  // a word wider than the line: cut it between characters
      }
      in_word = true;
    }
    prev = c;
    s = next;
  }
  return end;
}

const char* next_line_start(const char* line_end, const char* end) {
  if (line_end < end && *line_end == '\n') return line_end + 1;
  const char* s = line_end;
  while (s < end) {
    unsigned c;
    const char* next = next_char(s, end, &c);
    if (!is_blank(c)) break;
    s = next;
  }
  return s;
}

ImVec2 wrapped_size(const ImFont* font, float size, std::string_view text, float width) {
  const char* s = text.data();
  const char* end = s + text.size();
  float widest = 0;
  int lines = 0;
  while (s < end) {
    const char* e = wrap_line_end(font, size, s, end, width);
    const char* shown = trim_blanks(s, e);
    widest = std::max(widest, font->CalcTextSizeA(size, FLT_MAX, 0, s, shown).x);
    ++lines;
    s = next_line_start(e, end);
  }
  return ImVec2(widest, size * static_cast<float>(std::max(lines, 1)));
}

void draw_wrapped(ImDrawList* dl, const ImFont* font, float size, ImVec2 pos, ImU32 col, std::string_view text,
                  float width) {
  const char* s = text.data();
  const char* end = s + text.size();
  while (s < end) {
    const char* e = wrap_line_end(font, size, s, end, width);
    const char* shown = trim_blanks(s, e);
    if (shown > s) dl->AddText(font, size, pos, col, s, shown);
    pos.y += size;
    s = next_line_start(e, end);
  }
}

}  // namespace rapport::ui
