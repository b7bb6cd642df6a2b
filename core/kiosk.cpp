// The kiosk's idle warning and reset; see kiosk.h.
#include "kiosk.h"

#include <algorithm>
#include <cmath>

namespace rapport {

KioskIdle kiosk_idle(double idle_for, double limit) {
  KioskIdle out;
  if (idle_for >= limit) {
    out.forget = true;
    return out;
  }
  const double warn = std::min(kKioskWarnSeconds, limit / 3);
  if (idle_for >= limit - warn) out.seconds_left = std::max(1, static_cast<int>(std::ceil(limit - idle_for)));
  return out;
}

std::string kiosk_warning(int seconds_left) {
  return "Still there? In " + std::to_string(seconds_left) + (seconds_left == 1 ? " second" : " seconds") +
         " this conversation ends and Rapport starts again for the next visitor.";
}

std::string kiosk_duration(const std::vector<int>& minutes) {
  int lo = 0, hi = 0;
  for (const int m : minutes) {
    if (m <= 0) continue;
    lo = lo ? std::min(lo, m) : m;
    hi = std::max(hi, m);
  }
  if (lo == 0) return "A few minutes.";
  if (lo == hi) return "About " + std::to_string(lo) + " minutes.";
  return "About " + std::to_string(lo) + " to " + std::to_string(hi) + " minutes.";
}

}  // namespace rapport
