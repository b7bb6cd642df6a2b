// ISO-8601 times in UTC as the app writes them (JavaScript's toISOString) and as compact numbers
// since 1970, for the LMS's resume data (suspend.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rapport {

/// "YYYY-MM-DDTHH:MM:SS" with anything after the seconds ignored (fraction, 'Z'); nullopt when
/// the text does not start that way or lies before 1970.
std::optional<std::uint64_t> parse_iso_seconds(std::string_view s);
/// Milliseconds since 1970 from "YYYY-MM-DDTHH:MM:SS[.fff...]Z" (fraction digits past three ignored).
std::optional<std::uint64_t> parse_iso_millis(std::string_view s);
/// "2026-12-02T20:39:06.000Z".
std::string format_iso_seconds(std::uint64_t seconds);
/// "2026-12-02T20:39:06.123Z".
std::string format_iso_millis(std::uint64_t ms);

}  // namespace rapport
