// A JSON value held through a pointer, so that a header whose structs keep one (a session's
// transcript, the learner's settings) needs only <nlohmann/json_fwd.hpp>: the full header is
// compiled only by the files that read or build JSON (issue 15, build time).
#pragma once

#include <memory>

#include <nlohmann/json_fwd.hpp>

namespace rapport {

/// Behaves as a nlohmann::json value: copies are deep and it is never empty (JSON null by default).
class JsonBox {
 public:
  JsonBox();
  JsonBox(const nlohmann::json& value);  // NOLINT(google-explicit-constructor): a drop-in value
  JsonBox(nlohmann::json&& value);       // NOLINT(google-explicit-constructor)
  JsonBox(const JsonBox& other);
  JsonBox(JsonBox&& other);
  JsonBox& operator=(const JsonBox& other);
  JsonBox& operator=(JsonBox&& other);
  ~JsonBox();

  /// An empty JSON object.
  static JsonBox object();

  nlohmann::json& operator*() { return *value_; }
  const nlohmann::json& operator*() const { return *value_; }
  nlohmann::json* operator->() { return value_.get(); }
  const nlohmann::json* operator->() const { return value_.get(); }
  operator const nlohmann::json&() const { return *value_; }  // NOLINT(google-explicit-constructor)
  /// Equal JSON values.
  friend bool operator==(const JsonBox& a, const JsonBox& b);

 private:
  std::unique_ptr<nlohmann::json> value_;
};

}  // namespace rapport
