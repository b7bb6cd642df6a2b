// ISO-8601 (UTC) times <-> seconds and milliseconds since 1970; see iso_time.h.
#include "iso_time.h"

#include <cstdio>

namespace rapport {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

}  // namespace

/// "YYYY-MM-DDTHH:MM:SS" with anything after the seconds ignored (fraction, 'Z'); nullopt when
/// the text does not start that way or lies before 1970.
std::optional<std::uint64_t> parse_iso_seconds(std::string_view s) {
  if (s.size() < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
    return std::nullopt;
  auto num = [&](size_t at, size_t len) -> int {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), mo = num(5, 2), d = num(8, 2), h = num(11, 2), mi = num(14, 2), se = num(17, 2);
  if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60)
    return std::nullopt;
  std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  return static_cast<std::uint64_t>(days * 86400 + h * 3600 + mi * 60 + se);
}

/// Milliseconds since 1970 from "YYYY-MM-DDTHH:MM:SS[.fff...]Z" (fraction digits past three ignored).
std::optional<std::uint64_t> parse_iso_millis(std::string_view s) {
  auto seconds = parse_iso_seconds(s);
  if (!seconds) return std::nullopt;
  std::uint64_t ms = 0;
  if (s.size() > 20 && s[19] == '.') {
    int digits = 0;
    for (size_t i = 20; i < s.size() && digits < 3 && s[i] >= '0' && s[i] <= '9'; ++i, ++digits)
      ms = ms * 10 + static_cast<std::uint64_t>(s[i] - '0');
    while (digits++ < 3) ms *= 10;
  }
  return *seconds * 1000 + ms;
}

/// The form the web app's clock writes (JavaScript's toISOString): "2026-12-02T20:39:06.123Z".
std::string format_iso_millis(std::uint64_t ms) {
  std::string out = format_iso_seconds(ms / 1000);
  char frac[8];
  std::snprintf(frac, sizeof frac, ".%03uZ", static_cast<unsigned>(ms % 1000));
  return out.substr(0, 19) + frac;
}

std::string format_iso_seconds(std::uint64_t t) {
  std::int64_t y;
  unsigned m, d;
  civil_from_days(static_cast<std::int64_t>(t / 86400), y, m, d);
  unsigned rest = static_cast<unsigned>(t % 86400);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u:%02u:%02u.000Z", static_cast<long long>(y), m, d, rest / 3600,
                rest / 60 % 60, rest % 60);
  return buf;
}

}  // namespace rapport
