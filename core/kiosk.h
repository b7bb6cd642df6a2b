// A walk-up kiosk at a training event: it forgets each visitor after a spell without input, and
// says so first, so that a visitor reading the brief is not sent back to the start unwarned
// (reviewer W found the reset silent).
#pragma once

#include <string>
#include <vector>

namespace rapport {

/// The warning lasts the last kKioskWarnSeconds of the idle limit, or its last third when the
/// limit is shorter than three times that.
inline constexpr double kKioskWarnSeconds = 15;

struct KioskIdle {
  bool forget = false;   // the limit passed: back to the attract screen, the session gone
  int seconds_left = 0;  // > 0 while the warning shows: whole seconds until then
};

/// Where a kiosk stands after `idle_for` seconds without input, with `limit` the idle timeout.
KioskIdle kiosk_idle(double idle_for, double limit);

/// The warning's words: "Still there? In 12 seconds this conversation ends and Rapport starts
/// again for the next visitor."
std::string kiosk_warning(int seconds_left);

/// How long a conversation takes, from the library's estimates (Scenario::minutes): "About 7 to
/// 8 minutes."
std::string kiosk_duration(const std::vector<int>& minutes);

}  // namespace rapport
