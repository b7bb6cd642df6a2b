// A fingerprint of what a frame would put on the screen, so that the platform can leave the
// canvas alone when a frame draws exactly what the last one did (the app draws a few frames after
// each input; most of them look like the one before).
#pragma once

#include <cstdint>

struct ImDrawData;
struct ImVec4;

namespace rapport::ui {

/// A 64-bit hash of everything in `data` that decides the pixels (display rectangle and scale,
/// every vertex and index, every command's clip rectangle, texture, offsets, count and callback)
/// and of the colour the canvas is cleared to. Equal signatures: the same image, as long as the
/// textures are the same (the caller redraws after it rebuilds one).
std::uint64_t draw_signature(const ImDrawData& data, const ImVec4& clear);

}  // namespace rapport::ui
