// Rapport's look: colours, spacing in device pixels, fonts, and the ImGui style built from them.
#pragma once

#include <string>
#include <string_view>

#include "imgui.h"

namespace rapport::ui {

enum class ThemeKind { Light, Dark, HighContrast };

struct Palette {
  ImU32 background, surface, surface_hover, border, text, text_muted, accent, accent_hover, accent_text, client_bubble,
      learner_bubble, good, fair, poor, focus,
      tint,   // accent-tinted surface (selected cards, tags, avatars)
      track;  // neutral track behind meters and chart grid lines
};

struct Fonts {
  ImFont* body = nullptr;     // ~17 px at ratio 1
  ImFont* small = nullptr;    // ~14 px
  ImFont* heading = nullptr;  // ~24 px, semibold
  ImFont* title = nullptr;    // ~30 px, semibold
};

/// The theme for one devicePixelRatio: sizes are in device pixels (CSS px x ratio).
struct Theme {
  ThemeKind kind = ThemeKind::Light;
  float scale = 1.0f;  // devicePixelRatio x the learner's text-size setting
  Palette colors{};
  Fonts fonts;
  float dp(float css_px) const { return css_px * scale; }
};

/// Raw font file bytes, owned by the caller for the lifetime of the atlas.
struct FontFiles {
  std::string regular;
  std::string bold;
};

/// Which characters the atlas holds. `FirstFrame` is ASCII, the punctuation and arrows the
/// screens' own strings use, and every character of `first_frame_text` (the web build passes the
/// library cards' text): about a third of the glyphs to rasterise. The web build draws its first
/// frame with it and rebuilds with `Full` (everything learners may type) right after.
enum class GlyphSet { FirstFrame, Full };

/// Loads the fonts at `scale` into the current context's atlas (clearing it first) and applies
/// the style. The caller rebuilds its renderer's font texture afterwards.
void apply_theme(Theme& theme, const FontFiles& files, float scale, ThemeKind kind = ThemeKind::Light,
                 GlyphSet glyphs = GlyphSet::Full, std::string_view first_frame_text = {});

/// Touch screens: a thin, faint scroll indicator instead of a desktop scrollbar to grab (content is
/// scrolled with the finger). Call after apply_theme.
void use_touch_scrollbars(float scale);

/// U+25A1 WHITE SQUARE: drawn for any character the fonts lack (the text itself is kept).
constexpr ImWchar kMissingGlyphBox = 0x25A1;

/// The non-ASCII characters the screens' own strings draw (UTF-8), all in the FirstFrame set.
std::string_view ui_symbols();

std::string_view theme_id(ThemeKind kind);
ThemeKind parse_theme(std::string_view id);

const Theme& theme();

}  // namespace rapport::ui
