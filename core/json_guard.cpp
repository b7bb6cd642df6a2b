// Implementation of json_guard.h.
#include "json_guard.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace rapport {

bool json_too_deep(std::string_view text, int limit) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if (c == ']' || c == '}') {
      if (depth > 0) --depth;
    }
  }
  return false;
}

std::optional<long long> json_safe_integer(const nlohmann::json& value) {
  if (value.is_number_unsigned()) {
    auto v = value.get<unsigned long long>();
    if (v > static_cast<unsigned long long>(kMaxSafeJsonInteger)) return std::nullopt;
    return static_cast<long long>(v);
  }
  if (value.is_number_integer()) {
    auto v = value.get<long long>();
    if (v > kMaxSafeJsonInteger || v < -kMaxSafeJsonInteger) return std::nullopt;
    return v;
  }
  if (value.is_number_float()) {
    double d = value.get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) > static_cast<double>(kMaxSafeJsonInteger))
      return std::nullopt;
    return static_cast<long long>(d);
  }
  return std::nullopt;
}

std::optional<int> json_int(const nlohmann::json& value, int lo, int hi) {
  auto v = json_safe_integer(value);
  if (!v || *v < lo || *v > hi) return std::nullopt;
  return static_cast<int>(*v);
}

std::string safe_dump(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace rapport
