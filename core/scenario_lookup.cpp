// The enumerations a scenario's fields may take and the lookups over a loaded scenario.
#include <algorithm>

#include "scenario.h"

namespace rapport {

const std::vector<std::string>& known_domains() {
  static const std::vector<std::string> v{
      "consulting",         "sales",    "customer_service",  "financial_advice", "health",
      "project_management", "coaching", "people_management", "housing"};
  return v;
}

const std::vector<std::string>& known_challenges() {
  static const std::vector<std::string> v{
      "questioned_advice", "unrealistic_expectations", "budget_constraints", "project_delays", "miscommunication",
      "complaint",         "price_objection",          "reluctant_change",   "bad_news",       "performance_concerns"};
  return v;
}

const std::vector<std::string>& known_stages() {
  static const std::vector<std::string> v{"open", "listen", "empathise", "solve", "close"};
  return v;
}

std::string challenge_label(std::string_view challenge) {
  std::string out(challenge);
  std::replace(out.begin(), out.end(), '_', ' ');
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

const Node* Scenario::find_node(std::string_view id) const {
  for (const auto& n : nodes)
    if (n.id == id) return &n;
  return nullptr;
}

const Ending* Scenario::find_ending(std::string_view id) const {
  for (const auto& e : endings)
    if (e.id == id) return &e;
  return nullptr;
}

const Point* Scenario::find_point(std::string_view id) const {
  for (const auto& p : points)
    if (p.id == id) return &p;
  return nullptr;
}

const TypedReaction* Scenario::typed_reaction(const Node& node, MiCode code) const {
  if (auto it = node.typed.find(std::string(code_id(code))); it != node.typed.end()) return &it->second;
  if (auto it = node.typed.find(std::string(reaction_class_id(reaction_class(code)))); it != node.typed.end())
    return &it->second;
  if (auto it = node.typed.find("default"); it != node.typed.end()) return &it->second;
  return nullptr;
}

bool Scenario::last_exchange(const Node& node) const {
  bool any = false;
  const auto ends = [&](const Route& route) {
    any = true;
    return find_ending(route.next) != nullptr &&
           std::all_of(route.branches.begin(), route.branches.end(),
                       [&](const Branch& b) { return find_ending(b.next) != nullptr; });
  };
  return std::all_of(node.replies.begin(), node.replies.end(), [&](const Reply& r) { return ends(r.route); }) &&
         std::all_of(node.typed.begin(), node.typed.end(), [&](const auto& t) { return ends(t.second.route); }) && any;
}

}  // namespace rapport
