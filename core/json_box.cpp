// Implementation of json_box.h.
#include "json_box.h"

#include <nlohmann/json.hpp>

namespace rapport {

JsonBox::JsonBox() : value_(std::make_unique<nlohmann::json>()) {}
JsonBox::JsonBox(const nlohmann::json& value) : value_(std::make_unique<nlohmann::json>(value)) {}
JsonBox::JsonBox(nlohmann::json&& value) : value_(std::make_unique<nlohmann::json>(std::move(value))) {}
JsonBox::JsonBox(const JsonBox& other) : value_(std::make_unique<nlohmann::json>(*other.value_)) {}
// The moved-from box keeps a (moved-from, null) value of its own: never empty.
JsonBox::JsonBox(JsonBox&& other) : value_(std::make_unique<nlohmann::json>(std::move(*other.value_))) {}
JsonBox& JsonBox::operator=(const JsonBox& other) {
  if (this != &other) *value_ = *other.value_;
  return *this;
}
JsonBox& JsonBox::operator=(JsonBox&& other) {
  if (this != &other) *value_ = std::move(*other.value_);
  return *this;
}
JsonBox::~JsonBox() = default;

bool operator==(const JsonBox& a, const JsonBox& b) { return *a.value_ == *b.value_; }

JsonBox JsonBox::object() { return JsonBox(nlohmann::json::object()); }

}  // namespace rapport
