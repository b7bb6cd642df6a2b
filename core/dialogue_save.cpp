// Saving and restoring a Dialogue (to_json, restore, check_saved_dialogue); see dialogue.h.
#include "dialogue.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "json_guard.h"

namespace rapport {

using json = nlohmann::json;

json Dialogue::to_json() const {
  json turns = json::array();
  for (const auto& t : turns_) {
    turns.push_back({{"node", t.node},
                     {"client", t.client_line},
                     {"reply", t.reply},
                     {"code", std::string(code_id(t.code))},
                     {"typed", t.typed},
                     {"self_coded", t.self_coded},
                     {"choice", t.choice},
                     {"better", t.better},
                     {"tip", t.tip},
                     {"cue", t.cue},
                     {"state", t.state_after}});
  }
  json out = {{"format_version", kSessionFormatVersion},
              {"scenario", scenario_->id},
              {"seed", seed_},
              {"phase", phase_id(phase_)},
              {"prep", prep_choices_},
              {"state", state_},
              {"start_state", initial_after_prep_},
              {"flags", flags_},
              {"node", node_},
              {"ending", ending_},
              {"client", client_line_},
              {"points", points_},
              {"turns", turns}};
  if (discord_held_back_) out["discord_held_back"] = true;
  if (trust_collapsed_) out["trust_collapsed"] = true;
  if (trust_held_) out["trust_held"] = true;
  if (held_back_)
    out["held_back"] = {{"var", held_back_->var},
                        {"limit", held_back_->limit},
                        {"value", held_back_->value},
                        {"instead", held_back_->instead}};
  return out;
}

namespace {

/// A saved dialogue read with every member's type checked, before it meets a scenario.
struct SavedDialogue {
  std::uint32_t seed = 0;  // 0 (authored order) for saves from before the shuffle
  std::string scenario, phase, node, ending, client;
  std::vector<std::string> prep, flags, points;
  std::map<std::string, int> state, start_state;
  std::vector<Turn> turns;
  bool discord_held_back = false, trust_collapsed = false, trust_held = false;
  std::optional<HeldBack> held_back;
};

std::string parse_saved(const json& saved, SavedDialogue& out) {
  try {
    if (!saved.is_object()) return "saved session is not an object";
    auto read_state = [](const json& m, std::map<std::string, int>& into) {
      if (!m.is_object()) return false;
      for (const auto& [var, v] : m.items()) {
        auto value = json_int(v, 0, 100);
        if (!value) return false;
        into[var] = *value;
      }
      return true;
    };
    int version = json_int(saved.at("format_version"), 0, 1000000).value_or(0);
    if (version < 1 || version > kSessionFormatVersion)
      return "saved session has format_version " + std::to_string(version) + "; this build reads 1 to " +
             std::to_string(kSessionFormatVersion);
    out.scenario = saved.at("scenario").get<std::string>();
    if (saved.contains("seed")) {
      auto seed = json_safe_integer(saved.at("seed"));
      if (!seed || *seed < 0 || *seed > 0xFFFFFFFFll)
        return "saved session has a seed that is not a whole number from 0 to 4294967295";
      out.seed = static_cast<std::uint32_t>(*seed);
    }
    out.phase = saved.at("phase").get<std::string>();
    if (out.phase != "prepare" && out.phase != "conversation" && out.phase != "ended")
      return "saved session has an unknown phase '" + out.phase + "'";
    out.prep = saved.at("prep").get<std::vector<std::string>>();
    if (!read_state(saved.at("state"), out.state) || !read_state(saved.at("start_state"), out.start_state))
      return "saved session has a state value outside 0 to 100";
    out.flags = saved.at("flags").get<std::vector<std::string>>();
    out.node = saved.at("node").get<std::string>();
    out.ending = saved.at("ending").get<std::string>();
    out.client = saved.at("client").get<std::string>();
    out.points = saved.at("points").get<std::vector<std::string>>();
    if (saved.contains("discord_held_back")) out.discord_held_back = saved.at("discord_held_back").get<bool>();
    if (saved.contains("trust_collapsed")) out.trust_collapsed = saved.at("trust_collapsed").get<bool>();
    if (saved.contains("trust_held")) out.trust_held = saved.at("trust_held").get<bool>();
    if (saved.contains("held_back")) {
      const json& h = saved.at("held_back");
      auto limit = json_int(h.at("limit"), 0, 100), value = json_int(h.at("value"), 0, 100);
      if (!limit || !value) return "saved session has a held_back bound outside 0 to 100";
      out.held_back = HeldBack{h.at("var").get<std::string>(), *limit, *value, h.at("instead").get<std::string>()};
    }
    for (const auto& t : saved.at("turns")) {
      Turn turn;
      turn.node = t.at("node").get<std::string>();
      turn.client_line = t.at("client").get<std::string>();
      turn.reply = t.at("reply").get<std::string>();
      auto code = parse_code(t.at("code").get<std::string>());
      if (!code) return "saved session has an unknown code";
      turn.code = *code;
      turn.typed = t.at("typed").get<bool>();
      turn.choice = json_int(t.at("choice"), -1, 1000).value_or(-2);
      if (turn.choice == -2) return "saved session has a choice out of range";
      turn.better = t.value("better", "");
      turn.tip = t.value("tip", "");
      turn.cue = t.value("cue", "");
      turn.self_coded = t.contains("self_coded") && t["self_coded"].is_boolean() && t["self_coded"].get<bool>();
      if (!read_state(t.at("state"), turn.state_after)) return "saved session has a state value outside 0 to 100";
      out.turns.push_back(std::move(turn));
    }
    return {};
  } catch (const json::exception& e) {
    return std::string("saved session is damaged: ") + e.what();
  }
}

}  // namespace

std::string check_saved_dialogue(const json& saved) {
  SavedDialogue parsed;
  return parse_saved(saved, parsed);
}

std::string Dialogue::restore(const json& saved) {
  SavedDialogue p;
  if (std::string error = parse_saved(saved, p); !error.empty()) return error;
  if (p.scenario != scenario_->id) return "saved session is for another scenario";
  Dialogue d(*scenario_, p.seed);
  d.phase_ = p.phase == "ended" ? Phase::Ended : p.phase == "conversation" ? Phase::Conversation : Phase::Prepare;
  if (p.prep.size() > scenario_->prep.size()) return "saved session has more prep choices than the scenario";
  for (size_t i = 0; i < p.prep.size(); ++i) {
    const auto& options = scenario_->prep[i].options;
    if (std::none_of(options.begin(), options.end(), [&](const PrepOption& o) { return o.id == p.prep[i]; }))
      return "saved session chose preparation option '" + p.prep[i] + "', which step " + std::to_string(i + 1) +
             " of the scenario does not have";
  }
  if (d.phase_ == Phase::Prepare && p.prep.size() >= scenario_->prep.size())
    return "saved session is still preparing after the scenario's last preparation step";
  if (d.phase_ != Phase::Prepare && p.prep.size() != scenario_->prep.size())
    return "saved session left preparation after " + std::to_string(p.prep.size()) + " of " +
           std::to_string(scenario_->prep.size()) + " steps";
  if (d.phase_ == Phase::Prepare && !p.turns.empty()) return "saved session has replies before the conversation began";
  if (d.phase_ == Phase::Conversation && !scenario_->find_node(p.node))
    return "saved session points at node '" + p.node + "', which the scenario no longer has";
  if (d.phase_ == Phase::Ended && !scenario_->find_ending(p.ending))
    return "saved session ended at '" + p.ending + "', which the scenario no longer has";
  for (const auto& [var, v] : p.state)
    if (!scenario_->initial_state.count(var)) return "saved session has unknown state variable '" + var + "'";
  for (size_t i = 0; i < p.turns.size(); ++i) {
    const Turn& t = p.turns[i];
    const Node* n = scenario_->find_node(t.node);
    if (!n)
      return "saved session's reply " + std::to_string(i + 1) + " answered node '" + t.node +
             "', which the scenario no longer has";
    if (!t.typed && (t.choice < 0 || static_cast<size_t>(t.choice) >= n->replies.size()))
      return "saved session's reply " + std::to_string(i + 1) + " chose a reply that node '" + t.node +
             "' does not have";
  }
  d.prep_choices_ = std::move(p.prep);
  d.state_ = std::move(p.state);
  d.initial_after_prep_ = std::move(p.start_state);
  d.flags_ = std::set<std::string>(p.flags.begin(), p.flags.end());
  d.node_ = std::move(p.node);
  d.ending_ = std::move(p.ending);
  d.client_line_ = std::move(p.client);
  d.points_ = std::move(p.points);
  d.turns_ = std::move(p.turns);
  d.discord_held_back_ = p.discord_held_back && d.phase_ == Phase::Ended;
  d.trust_collapsed_ = p.trust_collapsed && d.phase_ == Phase::Ended;
  d.trust_held_ = p.trust_held && d.phase_ == Phase::Ended;
  if (d.phase_ == Phase::Ended) d.held_back_ = std::move(p.held_back);
  *this = std::move(d);
  return {};
}

}  // namespace rapport
