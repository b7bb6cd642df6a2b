// Thin wrappers over the page's JavaScript: local storage, the live region, time, the test and
// accessibility hit table, and the loading overlay. Implemented with EM_JS in browser.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "progress.h"

namespace rapport::web {

/// ProgressStore over window.localStorage; never throws (private mode, quota, disabled storage).
class LocalStorageStore : public ProgressStore {
 public:
  std::optional<std::string> read(std::string_view key) override;
  bool write(std::string_view key, const std::string& value) override;
  void remove(std::string_view key) override;
};

/// Puts `text` into the page's visually hidden aria-live region.
void announce(const std::string& text);
/// Current time as ISO-8601 (UTC).
std::string now_iso();
/// Publishes the count of frames drawn (window.rapport.frames) and of those that reached the canvas
/// (window.rapport.presented). window.rapport.hitsJson, the labelled rectangles of the last frame
/// in CSS pixels, is made when it is read (the exported rapport_hits_json), not at every frame.
void publish_frame(int frames_drawn, int frames_presented);
/// Publishes the sizes, in CSS pixels, of the smallest and the body text the theme draws with
/// (window.rapport.textPx), for the layout test's 15 px floor.
void publish_text_px(float smallest, float body);
/// Hides the loading overlay once the first frame is on screen.
void first_frame_shown();
/// console.warn(text) and console.error(text).
void console_warn(const std::string& text);
void console_error(const std::string& text);

}  // namespace rapport::web
