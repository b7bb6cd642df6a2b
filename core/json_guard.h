// Guards for reading untrusted JSON (stored progress, saved sessions, authored scenarios):
// bounded nesting before parsing, integers read without undefined behaviour, and dumping that
// survives invalid UTF-8.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace rapport {

/// Deepest nesting accepted in stored or authored JSON (ours never goes past about 8).
inline constexpr int kMaxJsonDepth = 128;

/// True when arrays/objects in `text` nest deeper than `limit` (strings are skipped).
bool json_too_deep(std::string_view text, int limit = kMaxJsonDepth);

/// Largest integer a JSON number holds exactly in every reader (JavaScript's
/// Number.MAX_SAFE_INTEGER, 2^53 - 1).
inline constexpr long long kMaxSafeJsonInteger = 9007199254740991LL;

/// The value when it is an integer (or a whole float) within +-kMaxSafeJsonInteger; nullopt for
/// anything else, including 18446744073709551615, which a plain get<long long>() wraps to -1.
std::optional<long long> json_safe_integer(const nlohmann::json& value);

/// The value as an int when it is an integer (or a whole float) within [lo, hi]; else nullopt.
std::optional<int> json_int(const nlohmann::json& value, int lo, int hi);

/// Serialises, replacing invalid UTF-8 instead of throwing.
std::string safe_dump(const nlohmann::json& value, int indent = -1);

}  // namespace rapport
