// The packaged fonts after cmake/prepare_font.py: subsetting must keep every range the theme asks
// ImGui for, and the outlines must be TrueType (what makes the first atlas fast).
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "imgui.h"
#include "imgui_internal.h"  // ImTextCharFromUtf8
#include "theme.h"
#include "ui_test.h"

namespace rapport::ui {
namespace {

class Fonts : public ::testing::Test {
 protected:
  void SetUp() override {
    // Its own context, made current: CreateContext() leaves another test's context current.
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    files_.regular = testing::read_text(RAPPORT_FONT_REGULAR);
    files_.bold = testing::read_text(RAPPORT_FONT_BOLD);
    ASSERT_FALSE(files_.regular.empty());
    ASSERT_FALSE(files_.bold.empty());
  }
  void TearDown() override { ImGui::DestroyContext(context_); }

  static bool has(const ImFont* font, ImWchar c) { return font->FindGlyphNoFallback(c) != nullptr; }

  ImGuiContext* context_ = nullptr;
  FontFiles files_;
  Theme theme_;
};

TEST_F(Fonts, PreparedFilesCarryTrueTypeOutlines) {
  for (const std::string* bytes : {&files_.regular, &files_.bold}) {
    ASSERT_GE(bytes->size(), 4u);
    EXPECT_EQ(bytes->substr(0, 4), std::string("\0\1\0\0", 4)) << "expected a TrueType sfnt, not CFF ('OTTO')";
  }
}

TEST_F(Fonts, FullSetKeepsEveryRangeLearnersMayType) {
  apply_theme(theme_, files_, 1.0f, ThemeKind::Light, GlyphSet::Full);
  // One letter from each range of the body font: Latin-1, Latin Extended-A, Greek, Cyrillic,
  // punctuation, the euro, arrows and the minus sign.
  for (ImWchar c : {0x00E9, 0x0142, 0x03A9, 0x0416, 0x2014, 0x2019, 0x20AC, 0x2192, 0x2212}) {
    EXPECT_TRUE(has(theme_.fonts.body, c)) << "body font lacks U+" << std::hex << c;
    EXPECT_TRUE(has(theme_.fonts.small, c)) << "small font lacks U+" << std::hex << c;
  }
  for (ImWchar c : {0x00E9, 0x0142, 0x2014, 0x2019, 0x20AC, 0x2192})
    EXPECT_TRUE(has(theme_.fonts.heading, c)) << "heading font lacks U+" << std::hex << c;
}

// A learner's Chinese or emoji is drawn as a visible box of its own width, never as "?".
TEST_F(Fonts, MissingCharactersShowAsABoxNotAQuestionMark) {
  for (GlyphSet set : {GlyphSet::FirstFrame, GlyphSet::Full}) {
    apply_theme(theme_, files_, 1.0f, ThemeKind::Light, set);
    for (ImFont* font : {theme_.fonts.body, theme_.fonts.small}) {
      const ImFontGlyph* box = font->FindGlyphNoFallback(kMissingGlyphBox);
      ASSERT_NE(box, nullptr);
      for (ImWchar c : {0x4F60, 0x1F60A, 0x05D0, 0x0627}) {  // 你, 😊, Hebrew alef, Arabic alef
        EXPECT_EQ(font->FindGlyph(c), box) << "U+" << std::hex << c;
        EXPECT_FLOAT_EQ(font->GetCharAdvance(c), box->AdvanceX) << "U+" << std::hex << c;
      }
      EXPECT_NE(font->FindGlyph('?'), box);
    }
  }
}

TEST_F(Fonts, FirstFrameSetHoldsAsciiSymbolsAndTheGivenTextOnly) {
  apply_theme(theme_, files_, 1.0f, ThemeKind::Light, GlyphSet::FirstFrame,
              "Ren\xC3\xA9"
              "e \xD0\x96");
  for (const ImFont* font : {theme_.fonts.body, theme_.fonts.small, theme_.fonts.heading, theme_.fonts.title}) {
    EXPECT_TRUE(has(font, 'A'));
    EXPECT_TRUE(has(font, '~'));
    EXPECT_TRUE(has(font, 0x2019));   // from the symbols
    EXPECT_TRUE(has(font, 0x00E9));   // from the text
    EXPECT_FALSE(has(font, 0x00E8));  // in neither
  }
  // The body fonts carry the text's Cyrillic; the headings' bold file has Latin only (as in the
  // full set, kHeadingRanges).
  EXPECT_TRUE(has(theme_.fonts.body, 0x0416));
  EXPECT_TRUE(has(theme_.fonts.small, 0x0416));
  apply_theme(theme_, files_, 1.0f, ThemeKind::Light, GlyphSet::Full);
  EXPECT_TRUE(has(theme_.fonts.body, 0x00E8));
}

/// Decodes one UTF-8 sequence at `p`; advances `p`.
ImWchar decode(const char*& p, const char* end) {
  unsigned int c = 0;
  p += ImTextCharFromUtf8(&c, p, end);
  return static_cast<ImWchar>(c);
}

// The screens' strings spell non-ASCII characters as \xNN escapes: every one of them must be in the
// first frame's glyphs, or a screen shows '?' until the full atlas arrives.
TEST_F(Fonts, FirstFrameSetCoversEveryCharacterInTheScreensStrings) {
  apply_theme(theme_, files_, 1.0f, ThemeKind::Light, GlyphSet::FirstFrame);
  std::set<ImWchar> seen;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(RAPPORT_SOURCE_DIR) + "/ui")) {
    if (entry.path().extension() != ".cpp") continue;
    const std::string source = testing::read_text(entry.path().string());
    static const std::regex escapes(R"((?:\\x[0-9A-Fa-f]{2}){2,4})");
    for (auto m = std::sregex_iterator(source.begin(), source.end(), escapes); m != std::sregex_iterator(); ++m) {
      std::string bytes;
      const std::string run = m->str();
      for (size_t i = 0; i + 4 <= run.size(); i += 4)
        bytes += static_cast<char>(std::stoi(run.substr(i + 2, 2), nullptr, 16));
      for (const char* p = bytes.data(); p < bytes.data() + bytes.size();) {
        ImWchar c = decode(p, bytes.data() + bytes.size());
        if (c < 0x80 || c == IM_UNICODE_CODEPOINT_INVALID) continue;
        seen.insert(c);
        EXPECT_TRUE(has(theme_.fonts.body, c)) << entry.path().filename() << " uses U+" << std::hex << c;
      }
    }
  }
  EXPECT_GE(seen.size(), 5u) << "the scan found the screens' symbols";
  const std::string_view symbols = ui_symbols();
  for (const char* p = symbols.data(); p < symbols.data() + symbols.size();)
    EXPECT_TRUE(has(theme_.fonts.title, decode(p, symbols.data() + symbols.size())));
}

}  // namespace
}  // namespace rapport::ui
