// Scenario loader: reads format_version 1 with nlohmann/json and checks types, codes, ids and
// references, naming the JSON pointer of every problem.
#include "scenario.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "followup.h"
#include "json_guard.h"

namespace rapport {
namespace {

using json = nlohmann::json;

const char* type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned: return "an integer";
    case json::value_t::number_float: return "a number";
    default: return "a value";
  }
}

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  for (char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

/// Collects errors while walking the document; every check names the pointer it is at.
class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  void error(const std::string& pointer, const std::string& message) {
    errors_.push_back(file_ + ": " + (pointer.empty() ? "/" : pointer) + ": " + message);
  }
  std::vector<std::string> take_errors() { return std::move(errors_); }
  bool failed() const { return !errors_.empty(); }

  static std::string at(const std::string& pointer, std::string_view key) {
    return pointer + "/" + escape_pointer_token(key);
  }
  static std::string at(const std::string& pointer, size_t index) { return pointer + "/" + std::to_string(index); }

  // Reads obj[key] as a string; required keys report when missing.
  std::string string(const json& obj, const std::string& ptr, std::string_view key, bool required) {
    auto it = obj.find(std::string(key));
    if (it == obj.end()) {
      if (required) error(at(ptr, key), "missing required string");
      return {};
    }
    if (!it->is_string()) {
      error(at(ptr, key), std::string("expected a string, found ") + type_name(*it));
      return {};
    }
    std::string s = it->get<std::string>();
    if (required && s.empty()) error(at(ptr, key), "must not be empty");
    return s;
  }

  int integer(const json& obj, const std::string& ptr, std::string_view key, bool required, int fallback, int lo,
              int hi) {
    auto it = obj.find(std::string(key));
    if (it == obj.end()) {
      if (required) error(at(ptr, key), "missing required integer");
      return fallback;
    }
    if (!it->is_number_integer()) {
      error(at(ptr, key), std::string("expected an integer, found ") + type_name(*it));
      return fallback;
    }
    auto v = json_safe_integer(*it);  // never get<long long>(): 18446744073709551615 wraps to -1
    if (!v || *v < lo || *v > hi) {
      error(at(ptr, key), "must be between " + std::to_string(lo) + " and " + std::to_string(hi));
      return fallback;
    }
    return static_cast<int>(*v);
  }

  bool boolean(const json& obj, const std::string& ptr, std::string_view key) {
    auto it = obj.find(std::string(key));
    if (it == obj.end()) return false;
    if (!it->is_boolean()) {
      error(at(ptr, key), std::string("expected true or false, found ") + type_name(*it));
      return false;
    }
    return it->get<bool>();
  }

  // Returns the member if present and of the wanted kind; reports otherwise.
  const json* object(const json& obj, const std::string& ptr, std::string_view key, bool required) {
    return member(obj, ptr, key, required, json::value_t::object, "an object");
  }
  const json* array(const json& obj, const std::string& ptr, std::string_view key, bool required) {
    return member(obj, ptr, key, required, json::value_t::array, "an array");
  }

  std::vector<std::string> strings(const json& obj, const std::string& ptr, std::string_view key) {
    std::vector<std::string> out;
    const json* arr = array(obj, ptr, key, false);
    if (!arr) return out;
    for (size_t i = 0; i < arr->size(); ++i) {
      const json& v = (*arr)[i];
      if (!v.is_string() || v.get<std::string>().empty()) {
        error(at(at(ptr, key), i), "expected a non-empty string");
        continue;
      }
      out.push_back(v.get<std::string>());
    }
    return out;
  }

  std::map<std::string, int> int_map(const json& obj, const std::string& ptr, std::string_view key, int lo, int hi) {
    std::map<std::string, int> out;
    const json* m = object(obj, ptr, key, false);
    if (!m) return out;
    for (const auto& [k, v] : m->items()) {
      auto n = v.is_number_integer() ? json_safe_integer(v) : std::nullopt;
      if (!n || *n < lo || *n > hi) {
        error(at(at(ptr, key), k), "expected an integer between " + std::to_string(lo) + " and " + std::to_string(hi));
        continue;
      }
      out[k] = static_cast<int>(*n);
    }
    return out;
  }

  // Reports keys that the format does not know, which are usually typos.
  void known_keys(const json& obj, const std::string& ptr, std::initializer_list<std::string_view> keys) {
    for (const auto& [k, v] : obj.items()) {
      if (k.rfind("$", 0) == 0 || k.rfind("_", 0) == 0) continue;  // "$schema", "_comment"
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) error(at(ptr, k), "unknown field");
    }
  }

 private:
  const json* member(const json& obj, const std::string& ptr, std::string_view key, bool required, json::value_t kind,
                     const char* what) {
    auto it = obj.find(std::string(key));
    if (it == obj.end()) {
      if (required) error(at(ptr, key), std::string("missing required ") + (what + 3));
      return nullptr;
    }
    if (it->type() != kind) {
      error(at(ptr, key), std::string("expected ") + what + ", found " + type_name(*it));
      return nullptr;
    }
    return &*it;
  }

  std::string file_;
  std::vector<std::string> errors_;
};

bool in_list(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

Condition read_condition(Reader& r, const json& obj, const std::string& ptr) {
  Condition c;
  if (!obj.is_object()) {
    r.error(ptr, std::string("expected an object, found ") + type_name(obj));
    return c;
  }
  r.known_keys(obj, ptr, {"min", "max", "flags"});
  c.min = r.int_map(obj, ptr, "min", 0, 100);
  c.max = r.int_map(obj, ptr, "max", 0, 100);
  c.flags = r.strings(obj, ptr, "flags");
  return c;
}

Route read_route(Reader& r, const json& obj, const std::string& ptr) {
  Route route;
  route.next = r.string(obj, ptr, "next", true);
  if (const json* arr = r.array(obj, ptr, "next_if", false)) {
    for (size_t i = 0; i < arr->size(); ++i) {
      std::string bp = Reader::at(Reader::at(ptr, "next_if"), i);
      const json& b = (*arr)[i];
      if (!b.is_object()) {
        r.error(bp, std::string("expected an object, found ") + type_name(b));
        continue;
      }
      r.known_keys(b, bp, {"when", "next"});
      Branch branch;
      if (const json* w = r.object(b, bp, "when", true)) branch.when = read_condition(r, *w, Reader::at(bp, "when"));
      branch.next = r.string(b, bp, "next", true);
      route.branches.push_back(std::move(branch));
    }
  }
  return route;
}

std::optional<MiCode> read_code(Reader& r, const json& obj, const std::string& ptr) {
  std::string id = r.string(obj, ptr, "code", true);
  if (id.empty()) return std::nullopt;
  auto code = parse_code(id);
  if (!code) r.error(Reader::at(ptr, "code"), "unknown MI code '" + id + "'");
  return code;
}

Reply read_reply(Reader& r, const json& obj, const std::string& ptr) {
  Reply reply;
  r.known_keys(obj, ptr,
               {"text", "code", "effects", "next", "next_if", "say", "requires", "establishes", "sets_flags", "better",
                "tip", "typed_only"});
  reply.text = r.string(obj, ptr, "text", true);
  if (auto code = read_code(r, obj, ptr)) reply.code = *code;
  reply.effects = r.int_map(obj, ptr, "effects", -100, 100);
  reply.route = read_route(r, obj, ptr);
  reply.say = r.string(obj, ptr, "say", false);
  reply.requires_flags = r.strings(obj, ptr, "requires");
  reply.establishes = r.strings(obj, ptr, "establishes");
  reply.sets_flags = r.strings(obj, ptr, "sets_flags");
  reply.better = r.string(obj, ptr, "better", false);
  reply.tip = r.string(obj, ptr, "tip", false);
  reply.typed_only = r.boolean(obj, ptr, "typed_only");
  return reply;
}

/// A list of client lines (a node's "client", the client's "permission"): at least one, the last
/// without a condition, so some line always applies.
std::vector<ClientLine> read_client_lines(Reader& r, const json& lines, const std::string& ptr) {
  std::vector<ClientLine> out;
  if (lines.empty()) r.error(ptr, "needs at least one line");
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string lp = Reader::at(ptr, i);
    const json& l = lines[i];
    if (!l.is_object()) {
      r.error(lp, std::string("expected an object, found ") + type_name(l));
      continue;
    }
    r.known_keys(l, lp, {"text", "when", "talk"});
    ClientLine line;
    line.text = r.string(l, lp, "text", true);
    const std::string talk = r.string(l, lp, "talk", false);
    if (talk == "change")
      line.talk = Talk::Change;
    else if (talk == "sustain")
      line.talk = Talk::Sustain;
    else if (!talk.empty() && talk != "neutral")
      r.error(Reader::at(lp, "talk"), "expected 'change', 'sustain' or 'neutral', found '" + talk + "'");
    if (auto it = l.find("when"); it != l.end()) line.when = read_condition(r, *it, Reader::at(lp, "when"));
    out.push_back(std::move(line));
  }
  if (!out.empty() && !out.back().when.empty())
    r.error(ptr, "the last line must have no 'when', so some line always applies");
  return out;
}

Node read_node(Reader& r, const json& obj, const std::string& ptr) {
  Node node;
  r.known_keys(obj, ptr, {"id", "stage", "client", "replies", "typed"});
  node.id = r.string(obj, ptr, "id", true);
  node.stage = r.string(obj, ptr, "stage", true);
  if (!node.stage.empty() && !in_list(known_stages(), node.stage))
    r.error(Reader::at(ptr, "stage"), "unknown stage '" + node.stage + "'");
  if (const json* lines = r.array(obj, ptr, "client", true))
    node.client = read_client_lines(r, *lines, Reader::at(ptr, "client"));
  if (const json* replies = r.array(obj, ptr, "replies", true)) {
    for (size_t i = 0; i < replies->size(); ++i) {
      std::string rp = Reader::at(Reader::at(ptr, "replies"), i);
      const json& rj = (*replies)[i];
      if (!rj.is_object()) {
        r.error(rp, std::string("expected an object, found ") + type_name(rj));
        continue;
      }
      node.replies.push_back(read_reply(r, rj, rp));
    }
  }
  if (const json* typed = r.object(obj, ptr, "typed", false)) {
    for (const auto& [key, v] : typed->items()) {
      std::string tp = Reader::at(Reader::at(ptr, "typed"), key);
      if (key != "default" && !parse_reaction_class(key) && !parse_code(key)) {
        r.error(tp, "unknown reaction class '" + key +
                        "' (use question, reflection, support, information, pressure, other, default or an MI code)");
        continue;
      }
      if (!v.is_object()) {
        r.error(tp, std::string("expected an object, found ") + type_name(v));
        continue;
      }
      r.known_keys(v, tp, {"effects", "next", "next_if", "say", "establishes"});
      TypedReaction reaction;
      reaction.effects = r.int_map(v, tp, "effects", -100, 100);
      reaction.route = read_route(r, v, tp);
      reaction.say = r.string(v, tp, "say", false);
      reaction.establishes = r.strings(v, tp, "establishes");
      node.typed[key] = std::move(reaction);
    }
  }
  return node;
}

PrepStep read_prep_step(Reader& r, const json& obj, const std::string& ptr) {
  PrepStep step;
  r.known_keys(obj, ptr, {"id", "topic", "question", "options"});
  step.id = r.string(obj, ptr, "id", true);
  step.topic = r.string(obj, ptr, "topic", true);
  static const std::vector<std::string> topics{"data", "perspective", "solutions", "setting"};
  if (!step.topic.empty() && !in_list(topics, step.topic))
    r.error(Reader::at(ptr, "topic"), "unknown topic '" + step.topic + "' (data, perspective, solutions, setting)");
  step.question = r.string(obj, ptr, "question", true);
  if (const json* opts = r.array(obj, ptr, "options", true)) {
    if (opts->size() < 2) r.error(Reader::at(ptr, "options"), "needs at least two options");
    for (size_t i = 0; i < opts->size(); ++i) {
      std::string op = Reader::at(Reader::at(ptr, "options"), i);
      const json& o = (*opts)[i];
      if (!o.is_object()) {
        r.error(op, std::string("expected an object, found ") + type_name(o));
        continue;
      }
      r.known_keys(o, op, {"id", "text", "effects", "sets_flags", "recommended", "feedback"});
      PrepOption opt;
      opt.id = r.string(o, op, "id", true);
      opt.text = r.string(o, op, "text", true);
      opt.effects = r.int_map(o, op, "effects", -100, 100);
      opt.sets_flags = r.strings(o, op, "sets_flags");
      opt.recommended = r.boolean(o, op, "recommended");
      opt.feedback = r.string(o, op, "feedback", false);
      step.options.push_back(std::move(opt));
    }
  }
  return step;
}

// Cross-reference checks once everything is read.
void check_references(Reader& r, const Scenario& s) {
  std::set<std::string> ids;
  auto claim = [&](const std::string& id, const std::string& ptr) {
    if (id.empty()) return;
    if (!ids.insert(id).second) r.error(ptr, "duplicate id '" + id + "'");
  };
  for (size_t i = 0; i < s.nodes.size(); ++i) claim(s.nodes[i].id, "/nodes/" + std::to_string(i) + "/id");
  for (size_t i = 0; i < s.endings.size(); ++i) claim(s.endings[i].id, "/endings/" + std::to_string(i) + "/id");
  std::set<std::string> point_ids;
  for (size_t i = 0; i < s.points.size(); ++i)
    if (!point_ids.insert(s.points[i].id).second)
      r.error("/points/" + std::to_string(i) + "/id", "duplicate id '" + s.points[i].id + "'");
  std::set<std::string> prep_ids;
  for (size_t i = 0; i < s.prep.size(); ++i) {
    if (!prep_ids.insert(s.prep[i].id).second)
      r.error("/prep/" + std::to_string(i) + "/id", "duplicate id '" + s.prep[i].id + "'");
    std::set<std::string> option_ids;
    for (size_t j = 0; j < s.prep[i].options.size(); ++j)
      if (!option_ids.insert(s.prep[i].options[j].id).second)
        r.error("/prep/" + std::to_string(i) + "/options/" + std::to_string(j) + "/id",
                "duplicate id '" + s.prep[i].options[j].id + "'");
  }

  auto target_exists = [&](const std::string& next) { return s.find_node(next) || s.find_ending(next); };
  auto check_route = [&](const Route& route, const std::string& ptr) {
    if (!route.next.empty() && !target_exists(route.next))
      r.error(ptr + "/next", "no node or ending with id '" + route.next + "'");
    for (size_t b = 0; b < route.branches.size(); ++b)
      if (!route.branches[b].next.empty() && !target_exists(route.branches[b].next))
        r.error(ptr + "/next_if/" + std::to_string(b) + "/next",
                "no node or ending with id '" + route.branches[b].next + "'");
  };
  auto check_vars = [&](const std::map<std::string, int>& m, const std::string& ptr) {
    for (const auto& [k, v] : m)
      if (!s.initial_state.count(k)) r.error(ptr + "/" + escape_pointer_token(k), "unknown state variable '" + k + "'");
  };
  auto check_points = [&](const std::vector<std::string>& list, const std::string& ptr) {
    for (size_t k = 0; k < list.size(); ++k)
      if (!s.find_point(list[k]))
        r.error(ptr + "/" + std::to_string(k), "no discussion point or next step with id '" + list[k] + "'");
  };
  auto check_condition = [&](const Condition& c, const std::string& ptr) {
    check_vars(c.min, ptr + "/min");
    check_vars(c.max, ptr + "/max");
  };

  if (!s.start.empty() && !s.find_node(s.start)) r.error("/start", "no node with id '" + s.start + "'");
  for (size_t i = 0; i < s.prep.size(); ++i)
    for (size_t j = 0; j < s.prep[i].options.size(); ++j)
      check_vars(s.prep[i].options[j].effects,
                 "/prep/" + std::to_string(i) + "/options/" + std::to_string(j) + "/effects");
  for (size_t i = 0; i < s.nodes.size(); ++i) {
    const Node& n = s.nodes[i];
    std::string np = "/nodes/" + std::to_string(i);
    for (size_t l = 0; l < n.client.size(); ++l)
      check_condition(n.client[l].when, np + "/client/" + std::to_string(l) + "/when");
    for (size_t k = 0; k < n.replies.size(); ++k) {
      std::string rp = np + "/replies/" + std::to_string(k);
      check_route(n.replies[k].route, rp);
      check_vars(n.replies[k].effects, rp + "/effects");
      check_points(n.replies[k].establishes, rp + "/establishes");
      for (size_t b = 0; b < n.replies[k].route.branches.size(); ++b)
        check_condition(n.replies[k].route.branches[b].when, rp + "/next_if/" + std::to_string(b) + "/when");
    }
    for (const auto& [key, t] : n.typed) {
      std::string tp = np + "/typed/" + key;
      check_route(t.route, tp);
      check_vars(t.effects, tp + "/effects");
      check_points(t.establishes, tp + "/establishes");
    }
  }
  for (size_t i = 0; i < s.endings.size(); ++i)
    check_points(s.endings[i].establishes, "/endings/" + std::to_string(i) + "/establishes");
}

}  // namespace

LoadResult load_scenario(std::string_view text, std::string_view file) {
  Reader r(file);
  LoadResult result;
  if (json_too_deep(text)) {
    r.error("", "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
    result.errors = r.take_errors();
    return result;
  }
  json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // Re-parse with exceptions only to learn where it broke.
    try {
      [[maybe_unused]] const json again = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
      r.error("", std::string("not valid JSON (byte ") + std::to_string(e.byte) + ")");
    } catch (const json::exception& e) {
      // e.g. a number too large for a double (406): still "not valid JSON" to an author.
      r.error("", std::string("not valid JSON (") + e.what() + ")");
    }
    if (!r.failed()) r.error("", "not valid JSON");
    result.errors = r.take_errors();
    return result;
  }
  if (!doc.is_object()) {
    r.error("", std::string("expected an object, found ") + type_name(doc));
    result.errors = r.take_errors();
    return result;
  }
  // The version decides how the rest is read, so check it first and stop when unsupported.
  auto version = doc.find("format_version");
  if (version == doc.end() || !version->is_number_integer()) {
    r.error("/format_version", "missing or not an integer (this build reads versions " +
                                   std::to_string(kScenarioFormatMin) + " to " + std::to_string(kScenarioFormatMax) +
                                   ")");
    result.errors = r.take_errors();
    return result;
  }
  auto version_number = json_safe_integer(*version);
  if (!version_number || *version_number < kScenarioFormatMin || *version_number > kScenarioFormatMax) {
    r.error("/format_version", "unsupported version " + version->dump() + " (this build reads versions " +
                                   std::to_string(kScenarioFormatMin) + " to " + std::to_string(kScenarioFormatMax) +
                                   ")");
    result.errors = r.take_errors();
    return result;
  }

  Scenario s;
  const std::string root;
  r.known_keys(doc, root,
               {"format_version", "id", "title", "summary", "domain", "challenge", "difficulty", "minutes", "briefing",
                "client", "state", "prep", "start", "nodes", "points", "endings", "followup"});
  s.format_version = static_cast<int>(*version_number);
  s.id = r.string(doc, root, "id", true);
  s.title = r.string(doc, root, "title", true);
  s.summary = r.string(doc, root, "summary", true);
  s.domain = r.string(doc, root, "domain", true);
  if (!s.domain.empty() && !in_list(known_domains(), s.domain)) r.error("/domain", "unknown domain '" + s.domain + "'");
  s.challenge = r.string(doc, root, "challenge", true);
  if (!s.challenge.empty() && !in_list(known_challenges(), s.challenge))
    r.error("/challenge", "unknown challenge '" + s.challenge + "'");
  s.difficulty = r.integer(doc, root, "difficulty", true, 1, 1, 3);
  s.minutes = r.integer(doc, root, "minutes", true, 5, 1, 120);
  s.briefing = r.string(doc, root, "briefing", true);
  if (const json* c = r.object(doc, root, "client", true)) {
    r.known_keys(*c, "/client",
                 {"name", "role", "organisation", "wants", "fears", "permission", "scale", "scale_why", "offer"});
    s.client.name = r.string(*c, "/client", "name", true);
    s.client.role = r.string(*c, "/client", "role", true);
    s.client.organisation = r.string(*c, "/client", "organisation", false);
    s.client.wants = r.string(*c, "/client", "wants", true);
    s.client.fears = r.string(*c, "/client", "fears", true);
    if (const json* lines = r.array(*c, "/client", "permission", false))
      s.client.permission = read_client_lines(r, *lines, "/client/permission");
    if (const json* lines = r.array(*c, "/client", "scale", false))
      s.client.scale = read_client_lines(r, *lines, "/client/scale");
    if (const json* lines = r.array(*c, "/client", "scale_why", false))
      s.client.scale_why = read_client_lines(r, *lines, "/client/scale_why");
    if (const json* lines = r.array(*c, "/client", "offer", false))
      s.client.offer = read_client_lines(r, *lines, "/client/offer");
  }
  s.initial_state = r.int_map(doc, root, "state", 0, 100);
  if (!doc.contains("state")) {
    r.error("/state", "missing required object");
  } else if (doc["state"].is_object()) {
    if (!doc["state"].contains("trust")) r.error("/state/trust", "every scenario tracks 'trust'");
    // A variable with a bad starting value was reported above; keep its name known so that the
    // effects using it do not each report it again.
    for (const auto& [k, v] : doc["state"].items())
      if (!s.initial_state.count(k)) s.initial_state[k] = 0;
  }
  if (const json* prep = r.array(doc, root, "prep", false)) {
    for (size_t i = 0; i < prep->size(); ++i) {
      std::string pp = Reader::at("/prep", i);
      if (!(*prep)[i].is_object()) {
        r.error(pp, std::string("expected an object, found ") + type_name((*prep)[i]));
        continue;
      }
      s.prep.push_back(read_prep_step(r, (*prep)[i], pp));
    }
  }
  s.start = r.string(doc, root, "start", true);
  if (const json* nodes = r.array(doc, root, "nodes", true)) {
    if (nodes->empty()) r.error("/nodes", "needs at least one node");
    for (size_t i = 0; i < nodes->size(); ++i) {
      std::string np = Reader::at("/nodes", i);
      if (!(*nodes)[i].is_object()) {
        r.error(np, std::string("expected an object, found ") + type_name((*nodes)[i]));
        continue;
      }
      s.nodes.push_back(read_node(r, (*nodes)[i], np));
    }
  }
  if (const json* points = r.array(doc, root, "points", false)) {
    for (size_t i = 0; i < points->size(); ++i) {
      std::string pp = Reader::at("/points", i);
      const json& p = (*points)[i];
      if (!p.is_object()) {
        r.error(pp, std::string("expected an object, found ") + type_name(p));
        continue;
      }
      r.known_keys(p, pp, {"id", "kind", "text", "owner", "due", "to_client"});
      Point point;
      point.id = r.string(p, pp, "id", true);
      point.kind = r.string(p, pp, "kind", true);
      if (!point.kind.empty() && point.kind != "discussion" && point.kind != "next_step")
        r.error(Reader::at(pp, "kind"), "expected 'discussion' or 'next_step'");
      point.text = r.string(p, pp, "text", true);
      point.owner = r.string(p, pp, "owner", point.kind == "next_step");
      point.due = r.string(p, pp, "due", point.kind == "next_step");
      point.to_client = r.string(p, pp, "to_client", false);
      s.points.push_back(std::move(point));
    }
  }
  if (const json* endings = r.array(doc, root, "endings", true)) {
    for (size_t i = 0; i < endings->size(); ++i) {
      std::string ep = Reader::at("/endings", i);
      const json& e = (*endings)[i];
      if (!e.is_object()) {
        r.error(ep, std::string("expected an object, found ") + type_name(e));
        continue;
      }
      r.known_keys(e, ep,
                   {"id", "kind", "title", "debrief", "client_says", "establishes", "email_opening", "email_next"});
      Ending ending;
      ending.id = r.string(e, ep, "id", true);
      ending.kind = r.string(e, ep, "kind", true);
      if (!ending.kind.empty() && ending.kind != "breakthrough" && ending.kind != "partial" && ending.kind != "rupture")
        r.error(Reader::at(ep, "kind"), "expected 'breakthrough', 'partial' or 'rupture'");
      ending.title = r.string(e, ep, "title", true);
      ending.debrief = r.string(e, ep, "debrief", true);
      ending.client_says = r.string(e, ep, "client_says", false);
      ending.email_opening = r.string(e, ep, "email_opening", false);
      ending.email_next = r.string(e, ep, "email_next", false);
      ending.establishes = r.strings(e, ep, "establishes");
      s.endings.push_back(std::move(ending));
    }
  }
  // One parser for the template (parse_followup_template): subject and body each validated.
  if (doc.contains("followup")) {
    std::string error;
    s.followup = parse_followup_template(doc, &error);
    if (!error.empty()) {
      size_t colon = error.find(": ");
      if (colon == std::string::npos)
        r.error("/followup", error);
      else
        r.error(error.substr(0, colon), error.substr(colon + 2));
    }
  }
  check_references(r, s);
  result.errors = r.take_errors();
  if (result.errors.empty()) result.scenario = std::move(s);
  return result;
}

}  // namespace rapport
