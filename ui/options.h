// Start-up options of the app, read from the page's URL query (?scenario=, ?mode=, ?coach=0,
// ?embed=1, ?kiosk=1, ?idle=, ?origin=, ?seed=, ?order=authored, ?author=1, ?pace=off). Theme
// and text size are the learner's own, set in Settings.
#pragma once

#include <cstdint>

#include <optional>
#include <string>
#include <string_view>

namespace rapport::ui {

enum class ReplyMode { Choice, Text };

struct AppOptions {
  std::string scenario;           // deep link: open this scenario directly
  std::string drafts;             // ?drafts=a,b: the author's drafts in this browser join the library (kiosk links)
  std::optional<ReplyMode> mode;  // reply mode to start in
  bool coaching = true;           // coaching after each reply (off: assessment mode)
  bool embed = false;             // no library: the page embeds one scenario
  bool kiosk = false;             // walk-up kiosk: attract screen, big targets, nothing stored
  double idle_seconds = 90;       // kiosk: idle time before returning to the attract screen
  std::string parent_origin;      // embedding page's origin for postMessage; empty = none
  bool touch = false;             // set by the platform: the primary pointer is a finger
  bool lms_review = false;        // set by the platform: the LMS opened this launch in review mode
  std::uint32_t seed = 0;         // ?seed=N: every session shows this order (demos, tests); 0 = fresh
  bool authored_order = false;    // ?order=authored: the author's order, for authors checking content
  bool author = false;            // ?author=1 (or Settings): authors' tools such as loading a file
  bool pace = true;               // ?pace=off: no typing pause before client lines (kiosk speed mode)
  bool reduced_motion = false;    // set by the platform: the learner asked for reduced motion
};

/// Parses a URL query string ("?a=1&b=2" or "a=1&b=2"); unknown keys and bad values are ignored.
AppOptions parse_app_options(std::string_view query);

}  // namespace rapport::ui
