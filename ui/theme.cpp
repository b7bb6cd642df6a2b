// Rapport's theme: a calm light palette with one accent, Inter at readable sizes, rounded shapes.
#include "theme.h"

#include <algorithm>
#include <vector>

#include "imgui_internal.h"  // ImTextCharFromUtf8

namespace rapport::ui {
namespace {

Theme g_theme;

constexpr ImU32 rgb(unsigned hex, unsigned alpha = 255) {
  return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, alpha);
}

// Latin (with Extended-A for names), Greek, Cyrillic, general punctuation (curly quotes, dashes),
// currency and arrows: what learners may type into body text; and the white square that stands in
// for any character outside them (see use_box_fallback).
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100,           0x017F,           0x0370, 0x03FF, 0x0400,
                                0x04FF, 0x2010, 0x205E,           0x20AC,           0x20AC, 0x2190, 0x2193,
                                0x2212, 0x2212, kMissingGlyphBox, kMissingGlyphBox, 0};

// Headings only ever show our own Latin text (the bold file keeps just these: CMakeLists.txt).
const ImWchar kHeadingRanges[] = {0x0020, 0x017F, 0x2010, 0x205E, 0x20AC, 0x20AC, 0x2190, 0x2193, 0};

// The first frame's base set for every font (GlyphSet::FirstFrame): ASCII, then ui_symbols().
const ImWchar kAsciiRanges[] = {0x0020, 0x007E, 0};
// Middle dot, dashes, quotes, ellipsis, bullet, pound, euro and arrows. tests/ui/theme_test.cpp
// checks that every non-ASCII character in the screens' string literals is here.
constexpr std::string_view kUiSymbols =
    "\xC2\xB7\xE2\x80\x93\xE2\x80\x94\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\xA6\xE2\x80\xA2"
    "\xC2\xA3\xE2\x82\xAC\xE2\x86\x90\xE2\x86\x92\xE2\x86\x93\xE2\x96\xA1";

// Kept for the atlas's lifetime: ImFontConfig points at its ranges.
std::vector<ImWchar> g_first_frame_ranges;

/// ASCII, the screens' symbols and the characters of `text`, as ImGui's zero-ended range pairs.
/// Built from the sorted code points themselves: ImFontGlyphRangesBuilder would scan all 1.1
/// million code points of its bit set (IMGUI_USE_WCHAR32), 10 ms before the first frame.
const ImWchar* first_frame_ranges(std::string_view text) {
  std::vector<ImWchar> chars;
  chars.reserve(256);
  for (ImWchar c = kAsciiRanges[0]; c <= kAsciiRanges[1]; ++c) chars.push_back(c);
  for (std::string_view part : {kUiSymbols, text}) {
    const char* p = part.data();
    const char* end = p + part.size();
    while (p < end) {
      unsigned int c = 0;
      const int n = ImTextCharFromUtf8(&c, p, end);
      if (n <= 0) break;
      p += n;
      if (c >= 0x20) chars.push_back(static_cast<ImWchar>(c));
    }
  }
  std::sort(chars.begin(), chars.end());
  chars.erase(std::unique(chars.begin(), chars.end()), chars.end());
  g_first_frame_ranges.clear();
  for (size_t i = 0; i < chars.size();) {
    size_t j = i;
    while (j + 1 < chars.size() && chars[j + 1] == chars[j] + 1) ++j;
    g_first_frame_ranges.push_back(chars[i]);
    g_first_frame_ranges.push_back(chars[j]);
    i = j + 1;
  }
  g_first_frame_ranges.push_back(0);
  return g_first_frame_ranges.data();
}

/// Glyphs are drawn at whole device pixels (PixelSnapH), where horizontal oversampling would add
/// nothing but twice the rasterising before the first frame.
ImFont* add_font(const std::string& bytes, float size, const ImWchar* ranges) {
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = true;
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<char*>(bytes.data()), static_cast<int>(bytes.size()),
                                                    size, &cfg, ranges);
}

/// Characters the font lacks (Chinese, emoji, Arabic... typed by a learner) are drawn as a visible
/// white square instead of ImGui's "?", so a reader sees that something is there; the text itself
/// is stored unchanged. ImGui picks U+FFFD or '?' when it builds the font; Inter has neither
/// U+FFFD nor a reason to show "?", so the box replaces it after the build.
void use_box_fallback(ImFont* font) {
  if (!font) return;
  const ImFontGlyph* box = font->FindGlyphNoFallback(kMissingGlyphBox);
  if (!box) return;
  font->FallbackGlyph = box;
  font->FallbackChar = kMissingGlyphBox;
  font->FallbackAdvanceX = box->AdvanceX;
  for (int i = 0; i < font->IndexLookup.Size && i < font->IndexAdvanceX.Size; ++i)
    if (font->IndexLookup[i] == static_cast<ImWchar>(-1)) font->IndexAdvanceX[i] = box->AdvanceX;
}

}  // namespace

const Theme& theme() { return g_theme; }

std::string_view ui_symbols() { return kUiSymbols; }

std::string_view theme_id(ThemeKind kind) {
  switch (kind) {
    case ThemeKind::Light: return "light";
    case ThemeKind::Dark: return "dark";
    case ThemeKind::HighContrast: return "high-contrast";
  }
  return "light";
}

ThemeKind parse_theme(std::string_view id) {
  if (id == "dark") return ThemeKind::Dark;
  if (id == "high-contrast") return ThemeKind::HighContrast;
  return ThemeKind::Light;
}

namespace {

// Text colours meet 4.5:1 on their backgrounds (light and dark) and 7:1 in high contrast.
Palette palette(ThemeKind kind) {
  switch (kind) {
    case ThemeKind::Dark:
      return Palette{rgb(0x14171F), rgb(0x1E2230), rgb(0x272C3D), rgb(0x3A4157), rgb(0xE8EBF3), rgb(0xA9B1C4),
                     rgb(0x7C9CF5), rgb(0x95AFF7), rgb(0x0E1220), rgb(0x1E2230), rgb(0x7C9CF5), rgb(0x5FD39A),
                     rgb(0xE7B75A), rgb(0xFF8A80), rgb(0xFFD54F), rgb(0x2A3352), rgb(0x30364A)};
    case ThemeKind::HighContrast:
      return Palette{rgb(0x000000), rgb(0x000000), rgb(0x1A1A1A), rgb(0xFFFFFF), rgb(0xFFFFFF), rgb(0xF0F0F0),
                     rgb(0xFFE600), rgb(0xFFF27A), rgb(0x000000), rgb(0x000000), rgb(0xFFE600), rgb(0x7CFF9B),
                     rgb(0xFFD166), rgb(0xFF8C8C), rgb(0x00E5FF), rgb(0x333300), rgb(0x666666)};
    case ThemeKind::Light: break;
  }
  return Palette{
      rgb(0xF6F7FB),  // background
      rgb(0xFFFFFF),  // surface
      rgb(0xEEF1FA),  // surface_hover
      rgb(0xD9DEEA),  // border
      rgb(0x1E2433),  // text (14:1 on background)
      rgb(0x566074),  // text_muted (6:1)
      rgb(0x2F5BD3),  // accent
      rgb(0x2349B0),  // accent_hover
      rgb(0xFFFFFF),  // accent_text
      rgb(0xFFFFFF),  // client bubble
      rgb(0x2F5BD3),  // learner bubble
      rgb(0x1D7A4F),  // good
      rgb(0x9A6200),  // fair
      rgb(0xB3261E),  // poor
      rgb(0xF2A900),  // focus ring
      rgb(0xE3EAFB),  // tint
      rgb(0xE3E7F0),  // track
  };
}

}  // namespace

void apply_theme(Theme& t, const FontFiles& files, float scale, ThemeKind kind, GlyphSet glyphs,
                 std::string_view first_frame_text) {
  t.scale = scale;
  t.kind = kind;
  t.colors = palette(kind);

  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  if (!files.regular.empty()) {
    const bool full = glyphs == GlyphSet::Full;
    const ImWchar* first = full ? nullptr : first_frame_ranges(first_frame_text);
    const ImWchar* body = full ? kGlyphRanges : first;
    const ImWchar* heading = full ? kHeadingRanges : first;
    t.fonts.body = add_font(files.regular, 17.0f * scale, body);
    t.fonts.small = add_font(files.regular, 15.0f * scale, body);
    const std::string& bold = files.bold.empty() ? files.regular : files.bold;
    t.fonts.heading = add_font(bold, 24.0f * scale, heading);
    t.fonts.title = add_font(bold, 30.0f * scale, heading);
  } else {
    ImFontConfig cfg;
    cfg.SizePixels = 13.0f * scale;
    t.fonts.body = t.fonts.small = t.fonts.heading = t.fonts.title = io.Fonts->AddFontDefault(&cfg);
  }
  io.Fonts->Build();
  for (ImFont* f : {t.fonts.body, t.fonts.small}) use_box_fallback(f);
  io.FontDefault = t.fonts.body;

  ImGuiStyle style;
  if (kind == ThemeKind::Light)
    ImGui::StyleColorsLight(&style);
  else
    ImGui::StyleColorsDark(&style);
  style.WindowPadding = ImVec2(0, 0);
  style.WindowBorderSize = 0;
  style.WindowRounding = 0;
  style.FramePadding = ImVec2(12, 10);
  style.FrameRounding = 10;
  style.ItemSpacing = ImVec2(12, 12);
  style.ItemInnerSpacing = ImVec2(8, 8);
  style.ScrollbarSize = 10;
  style.ScrollbarRounding = 8;
  style.ChildRounding = 12;
  style.PopupRounding = 12;
  style.GrabRounding = 8;
  style.FrameBorderSize = 1;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(t.colors.background);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(t.colors.text);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(t.colors.text_muted);
  c[ImGuiCol_Border] = ImGui::ColorConvertU32ToFloat4(t.colors.border);
  c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(t.colors.surface);
  c[ImGuiCol_FrameBgHovered] = ImGui::ColorConvertU32ToFloat4(t.colors.surface_hover);
  c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(t.colors.accent);
  c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(t.colors.accent_hover);
  c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(t.colors.accent_hover);
  c[ImGuiCol_NavHighlight] = ImGui::ColorConvertU32ToFloat4(t.colors.focus);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_TextSelectedBg] = ImVec4(0.18f, 0.36f, 0.83f, 0.35f);
  c[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(t.colors.surface);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.45f);
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
  g_theme = t;
}

void use_touch_scrollbars(float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style.ScrollbarSize = 4 * scale;
  style.ScrollbarRounding = 2 * scale;
  ImVec4 grab = ImGui::ColorConvertU32ToFloat4(g_theme.colors.text_muted);
  grab.w = 0.45f;
  style.Colors[ImGuiCol_ScrollbarGrab] = style.Colors[ImGuiCol_ScrollbarGrabHovered] =
      style.Colors[ImGuiCol_ScrollbarGrabActive] = grab;
}

}  // namespace rapport::ui
