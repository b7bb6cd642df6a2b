// Scenario graph checks and statistics; see lint.h.
#include "lint.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "dialogue.h"
#include "followup.h"
#include "reply_coder.h"
#include "reply_match.h"
#include "reply_text.h"

namespace rapport {
namespace {

/// All targets a node can lead to, through chosen replies and typed reactions.
std::vector<std::string> successors(const Node& n) {
  std::vector<std::string> out;
  auto add_route = [&](const Route& r) {
    out.push_back(r.next);
    for (const auto& b : r.branches) out.push_back(b.next);
  };
  for (const auto& r : n.replies) add_route(r.route);
  for (const auto& [k, t] : n.typed) add_route(t.route);
  return out;
}

std::string node_ptr(const Scenario& s, const Node& n) { return "/nodes/" + std::to_string(&n - s.nodes.data()); }

/// A `better` that tells the learner what to do ("Reflect how she is feeling.", "Ask what the number
/// is for..."), not words to say: it opens with one of the coaching verbs the library's hints use.
bool coaching_hint(std::string_view better) {
  static constexpr std::string_view kHintVerbs[] = {
      "acknowledge", "agree",   "answer", "apologise", "ask",   "be",   "check",     "explain", "find",
      "give",        "hear",    "invite", "leave",     "let",   "make", "name",      "offer",   "own",
      "play",        "reflect", "say",    "show",      "state", "sum",  "summarise", "tell",    "try"};
  const std::size_t end = better.find_first_of(" ,:;.");
  const std::string first = coder::ascii_lower(better.substr(0, end));
  return std::find(std::begin(kHintVerbs), std::end(kHintVerbs), first) != std::end(kHintVerbs);
}

}  // namespace

std::vector<std::string> model_replies_heard_as_pushing(const Scenario& s, std::string_view file) {
  std::vector<std::string> out;
  const auto check = [&](const Node& n, const std::string& ptr, const std::string& said, const char* what) {
    for (const ClientLine& line : n.client) {
      const CodedReply coded = classify_reply(said, line.text);
      if (coded.code != MiCode::Persuade && coded.code != MiCode::Confront) continue;
      out.push_back(std::string(file) + ": " + ptr + ": " + what + " is heard as " +
                    std::string(code_label(coded.code)) + " when typed after \"" + line.text + "\"");
      return;
    }
  };
  for (const Node& n : s.nodes)
    for (std::size_t k = 0; k < n.replies.size(); ++k) {
      const Reply& r = n.replies[k];
      const std::string p = node_ptr(s, n) + "/replies/" + std::to_string(k);
      if (is_mi_consistent(r.code)) check(n, p + "/text", r.text, "this MI-consistent reply");
      if (!r.better.empty() && !coaching_hint(r.better)) check(n, p + "/better", r.better, "this better reply");
    }
  return out;
}

std::vector<std::string> lint_scenario(const Scenario& s, std::string_view file) {
  std::vector<std::string> errors;
  auto err = [&](const std::string& ptr, const std::string& msg) {
    errors.push_back(std::string(file) + ": " + ptr + ": " + msg);
  };

  // Reachability from the start node.
  std::set<std::string> reached;
  std::vector<std::string> todo{s.start};
  while (!todo.empty()) {
    std::string id = todo.back();
    todo.pop_back();
    if (!reached.insert(id).second) continue;
    if (const Node* n = s.find_node(id))
      for (const auto& next : successors(*n)) todo.push_back(next);
  }
  for (const auto& n : s.nodes)
    if (!reached.count(n.id)) err(node_ptr(s, n), "node '" + n.id + "' cannot be reached from the start");
  for (size_t i = 0; i < s.endings.size(); ++i)
    if (!reached.count(s.endings[i].id))
      err("/endings/" + std::to_string(i), "ending '" + s.endings[i].id + "' cannot be reached");

  // Every path ends: from each node some ending must be reachable, and a node must not be left
  // without a reply (dead end).
  std::map<std::string, bool> can_end;
  std::function<bool(const std::string&, std::set<std::string>&)> ends = [&](const std::string& id,
                                                                             std::set<std::string>& seen) {
    if (s.find_ending(id)) return true;
    if (auto it = can_end.find(id); it != can_end.end()) return it->second;
    if (!seen.insert(id).second) return false;
    const Node* n = s.find_node(id);
    bool ok = false;
    if (n)
      for (const auto& next : successors(*n))
        if (ends(next, seen)) {
          ok = true;
          break;
        }
    if (ok) can_end[id] = true;
    return ok;
  };
  for (const auto& n : s.nodes) {
    std::string p = node_ptr(s, n);
    if (n.replies.empty()) err(p + "/replies", "dead end: node '" + n.id + "' offers no replies");
    std::set<std::string> seen;
    if (!n.replies.empty() && !ends(n.id, seen)) err(p, "no ending can be reached from node '" + n.id + "'");
    const auto choices =
        std::count_if(n.replies.begin(), n.replies.end(), [](const Reply& r) { return !r.typed_only; });
    if (choices < 3)
      err(p + "/replies", "offers " + std::to_string(choices) + " replies to choose from; at least 3 are needed");

    // Replies that need flags may be hidden; the unconditional ones must still give a choice.
    int consistent = 0, inconsistent = 0, unconditional = 0;
    for (const auto& r : n.replies) {
      if (r.requires_flags.empty()) unconditional++;
      if (is_mi_consistent(r.code))
        consistent++;
      else
        inconsistent++;
    }
    if (consistent == 0) err(p + "/replies", "needs at least one MI-consistent reply");
    if (inconsistent == 0) err(p + "/replies", "needs at least one MI-inconsistent reply");
    if (unconditional < 2) err(p + "/replies", "needs at least two replies offered without conditions");
    for (size_t k = 0; k < n.replies.size(); ++k)
      if (!is_mi_consistent(n.replies[k].code) && n.replies[k].code != MiCode::ClosedQuestion &&
          n.replies[k].code != MiCode::GivingInformation && n.replies[k].better.empty())
        err(p + "/replies/" + std::to_string(k) + "/better",
            "an MI-inconsistent reply needs a better alternative for the debrief");

    // Typed replies: every reaction class must be answered, explicitly or through "default".
    if (!n.typed.count("default")) {
      for (int c = 0; c < kReactionClassCount; ++c) {
        std::string cls(reaction_class_id(static_cast<ReactionClass>(c)));
        if (!n.typed.count(cls))
          err(p + "/typed", "no reaction to a typed reply of class '" + cls + "' (or 'default')");
      }
    }
  }
  // A flag that a reply or line waits for must be set somewhere, or what waits for it never shows.
  std::set<std::string> set_flags;
  for (const auto& step : s.prep)
    for (const auto& o : step.options) set_flags.insert(o.sets_flags.begin(), o.sets_flags.end());
  for (const auto& n : s.nodes)
    for (const auto& r : n.replies) set_flags.insert(r.sets_flags.begin(), r.sets_flags.end());
  set_flags.insert(std::string(kToldPlanFlag));  // set by the engine after a typed plan (reply_match.h)
  auto check_flags = [&](const std::vector<std::string>& flags, const std::string& ptr) {
    for (size_t k = 0; k < flags.size(); ++k)
      if (!set_flags.count(flags[k]))
        err(ptr + "/" + std::to_string(k), "flag '" + flags[k] + "' is never set by a prep option or reply");
  };
  for (const auto& n : s.nodes) {
    std::string p = node_ptr(s, n);
    for (size_t k = 0; k < n.replies.size(); ++k) {
      check_flags(n.replies[k].requires_flags, p + "/replies/" + std::to_string(k) + "/requires");
      for (size_t b = 0; b < n.replies[k].route.branches.size(); ++b)
        check_flags(n.replies[k].route.branches[b].when.flags,
                    p + "/replies/" + std::to_string(k) + "/next_if/" + std::to_string(b) + "/when/flags");
    }
    for (size_t l = 0; l < n.client.size(); ++l)
      check_flags(n.client[l].when.flags, p + "/client/" + std::to_string(l) + "/when/flags");
  }

  std::set<std::string> kinds;
  for (const auto& e : s.endings) kinds.insert(e.kind);
  for (const char* k : {"breakthrough", "partial", "rupture"})
    if (!kinds.count(k)) err("/endings", std::string("needs an ending of kind '") + k + "'");
  // The scenario's own follow-up template must render (an expansion past the budget only shows
  // when rendering), over what a template sees with every discussion point established.
  if (s.followup) {
    Dialogue d(s);
    nlohmann::json data = followup_data(d, "Learner");
    for (const auto& p : s.points)
      if (p.kind == "discussion") data["discussion"].push_back(p.text);
    data["has_discussion"] = !data["discussion"].empty();
    std::string error;
    for (const auto& [part, text] :
         {std::pair{"subject", &s.followup->subject}, std::pair{"body", &s.followup->body}}) {
      (void)render_template(*text, data, &error);
      if (!error.empty()) err("/followup", std::string("the template does not render (") + part + "): " + error);
    }
  }
  return errors;
}

ScenarioStats scenario_stats(const Scenario& s) {
  ScenarioStats st;
  st.id = s.id;
  st.nodes = static_cast<int>(s.nodes.size());
  st.endings = static_cast<int>(s.endings.size());
  for (const auto& n : s.nodes) {
    st.replies += static_cast<int>(n.replies.size());
    for (const auto& r : n.replies) st.codes[std::string(code_id(r.code))]++;
  }
  // Longest simple path in learner turns (each node visited is one turn); graphs are small.
  std::function<int(const std::string&, std::set<std::string>&)> longest = [&](const std::string& id,
                                                                               std::set<std::string>& on_path) {
    const Node* n = s.find_node(id);
    if (!n || on_path.count(id)) return 0;
    on_path.insert(id);
    int best = 0;
    std::set<std::string> tried;
    for (const auto& next : successors(*n))
      if (tried.insert(next).second) best = std::max(best, longest(next, on_path));
    on_path.erase(id);
    return best + 1;
  };
  std::set<std::string> path;
  st.longest_path_turns = longest(s.start, path);
  return st;
}

nlohmann::json stats_to_json(const ScenarioStats& st) {
  return {{"id", st.id},
          {"nodes", st.nodes},
          {"replies", st.replies},
          {"endings", st.endings},
          {"longest_path_turns", st.longest_path_turns},
          {"codes", st.codes}};
}

}  // namespace rapport
