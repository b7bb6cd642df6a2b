// Rapport's own line breaking (ui/text_wrap.h) with the app's real fonts: a line breaks at a
// blank, after a hyphen, dash or slash, or between CJK characters, never after ',' '.' or '"'
// inside a word, at every width from a phone's narrowest bubble to a wide column.
#include <string>
#include <vector>

#include "text_wrap.h"
#include "imgui_internal.h"
#include "ui_test.h"

namespace rapport::ui {
namespace {

struct Line {
  std::string text;   // as drawn, without the blanks at its end
  std::string after;  // what separated it from the next line: blanks, "\n" or nothing
};

std::vector<Line> lines_of(const ImFont* font, const std::string& text, float width) {
  std::vector<Line> out;
  const char* s = text.data();
  const char* end = s + text.size();
  while (s < end) {
    const char* e = wrap_line_end(font, font->FontSize, s, end, width);
    const char* shown = e;
    while (shown > s && shown[-1] == ' ') --shown;
    const char* next = next_line_start(e, end);
    out.push_back({std::string(s, shown), std::string(shown, next)});
    s = next;
  }
  return out;
}

bool is_word_break_char(char c) { return c == '-' || c == '/'; }

class TextWrap : public testing::UiTest {};

TEST_F(TextWrap, NumbersTimesAndQuotesStayWhole) {
  start(1280, 800, 1.0f);
  const ImFont* font = theme_.fonts.body;
  const std::vector<std::string> texts = {
      "We could settle on 9,000 by 9.30 on Friday, or 12,500.00 by the end of the quarter.",
      "She said \"that's just maths.\" and then \"fine.\" before she left, e.g. at 10.45.",
      "The follow-up call is booked for 14:30; the figure is \xC2\xA3"
      "4,250.75 (net), not 4,300!",
  };
  int checked = 0;
  for (const std::string& text : texts) {
    for (float width = 40; width <= 420; width += 1) {
      std::vector<Line> lines = lines_of(font, text, width);
      std::string joined;
      for (size_t i = 0; i < lines.size(); ++i) {
        joined += lines[i].text + lines[i].after;
        if (i + 1 == lines.size()) continue;
        ++checked;
        const std::string& a = lines[i].text;
        const std::string& b = lines[i + 1].text;
        ASSERT_FALSE(a.empty());
        if (!lines[i].after.empty() || is_word_break_char(a.back())) continue;
        // No blank between the lines: only a word too wide for a whole line may be cut.
        std::string word = a.substr(a.rfind(' ') == std::string::npos ? 0 : a.rfind(' ') + 1);
        word += b.substr(0, b.find(' '));
        EXPECT_GT(wrapped_size(font, word, 0).x, width)
            << "\"" << a << "\" | \"" << b << "\" broken inside a word at width " << width;
      }
      EXPECT_EQ(joined, text) << "width " << width;
    }
  }
  EXPECT_GT(checked, 3000);
}

TEST_F(TextWrap, LinesFitAndCjkBreaksBetweenCharacters) {
  start(1280, 800, 1.0f);
  const ImFont* font = theme_.fonts.body;
  const std::string text =
      "Ask first: \xE4\xBD\xA0\xE5\xA5\xBD\xE4\xBD\xA0\xE5\xA5\xBD\xE4\xBD\xA0\xE5\xA5\xBD "
      "then a long-winded follow-up/recap.";
  for (float width = 30; width <= 300; width += 7) {
    for (const Line& l : lines_of(font, text, width)) {
      if (wrapped_size(font, l.text, 0).x > width) {
        // Only a single character may overflow (a line narrower than one glyph).
        unsigned c = 0;
        EXPECT_EQ(ImTextCharFromUtf8(&c, l.text.data(), l.text.data() + l.text.size()), static_cast<int>(l.text.size()))
            << "\"" << l.text << "\" wider than " << width;
      }
    }
  }
  // The size is the widest line and a font size per line, as Dear ImGui measures it.
  const ImVec2 s = wrapped_size(font, "one\nthree", 0);
  EXPECT_FLOAT_EQ(s.y, 2 * font->FontSize);
  EXPECT_FLOAT_EQ(s.x, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, "three").x);
  EXPECT_FLOAT_EQ(wrapped_size(font, "", 100).y, font->FontSize);
}

}  // namespace
}  // namespace rapport::ui
