// ScenarioDoc: edits on the draft's JSON and their undo steps (checks: scenario_doc_check.cpp).
#include "scenario_doc.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace rapport::authoring {
namespace {

using Pointer = Json::json_pointer;

template <class... F>
struct Overload : F... {
  using F::operator()...;
};
template <class... F>
Overload(F...) -> Overload<F...>;

/// Index of the node (or ending, point) with this id in an array of objects, or -1.
int index_of(const Json& list, std::string_view id) {
  if (!list.is_array()) return -1;
  for (size_t i = 0; i < list.size(); ++i)
    if (list[i].is_object() && list[i].contains("id") && list[i]["id"].is_string() &&
        list[i]["id"].get_ref<const std::string&>() == id)
      return static_cast<int>(i);
  return -1;
}

bool in_range(const Json& list, int index) {
  return list.is_array() && index >= 0 && static_cast<size_t>(index) < list.size();
}

/// Makes sure `doc[key]` is an array (a draft may lack one) and returns it.
Json& array_at(Json& doc, const char* key) {
  if (!doc.contains(key) || !doc[key].is_array()) doc[key] = Json::array();
  return doc[key];
}

bool taken(const Json& doc, std::string_view id) {
  return (doc.contains("nodes") && index_of(doc["nodes"], id) >= 0) ||
         (doc.contains("endings") && index_of(doc["endings"], id) >= 0);
}

/// `base`, or `base-2`, `base-3`... whichever no node or ending uses yet.
std::string free_id(const Json& doc, const std::string& base) {
  if (!taken(doc, base)) return base;
  for (int n = 2;; ++n) {
    std::string id = base + "-" + std::to_string(n);
    if (!taken(doc, id)) return id;
  }
}

/// A node as the studio adds it: one client line, no replies yet, and a reaction to any typed
/// reply whose destination the author still has to choose.
Json new_node(const std::string& id, const std::string& stage, const std::string& line) {
  return Json{{"id", id},
              {"stage", stage},
              {"client", Json::array({Json{{"text", line}}})},
              {"replies", Json::array()},
              {"typed", Json{{"default", Json{{"effects", Json::object()}, {"next", ""}}}}}};
}

/// Renames every link `from` -> `to` inside one route-bearing object (a reply or typed reaction).
void relink_route(Json& route, const std::string& from, const std::string& to) {
  if (!route.is_object()) return;
  if (route.contains("next") && route["next"] == from) route["next"] = to;
  if (route.contains("next_if") && route["next_if"].is_array())
    for (Json& b : route["next_if"])
      if (b.is_object() && b.contains("next") && b["next"] == from) b["next"] = to;
}

/// The edits themselves: each changes `doc` or returns an error and leaves it as it was.
struct Apply {
  Json& doc;
  std::string error;

  Json* node(const std::string& id) {
    int i = doc.contains("nodes") ? index_of(doc["nodes"], id) : -1;
    if (i < 0) {
      error = "no node '" + id + "'";
      return nullptr;
    }
    return &doc["nodes"][static_cast<size_t>(i)];
  }
  bool fail(std::string message) {
    error = std::move(message);
    return false;
  }
  bool new_id_ok(const std::string& id, const char* what) {
    if (id.empty()) return fail(std::string("a ") + what + " needs an id");
    if (taken(doc, id)) return fail("the id '" + id + "' is already used by a node or an ending");
    return true;
  }

  bool operator()(const edit::SetField& e) {
    Pointer ptr;
    try {
      ptr = Pointer(e.pointer);
    } catch (const Json::exception&) {
      return fail("'" + e.pointer + "' is not a JSON pointer");
    }
    if (ptr.empty()) return fail("the whole draft cannot be replaced by one field");
    const Pointer parent_ptr = ptr.parent_pointer();
    if (!doc.contains(parent_ptr)) return fail("'" + parent_ptr.to_string() + "' does not exist");
    Json& parent = doc[parent_ptr];
    const std::string key = ptr.back();
    if (parent_ptr.to_string().rfind("/nodes/", 0) == 0 && parent_ptr.to_string().find('/', 7) == std::string::npos &&
        key == "id")
      return fail("node ids change by renaming the node, which also moves its links");
    if (parent.is_object()) {
      if (e.value.is_null())
        parent.erase(key);
      else
        parent[key] = e.value;
      return true;
    }
    if (parent.is_array()) {
      size_t i = 0;
      try {
        i = static_cast<size_t>(std::stoul(key));
      } catch (const std::exception&) {
        return fail("'" + e.pointer + "' does not name an array item");
      }
      if (i >= parent.size() || std::to_string(i) != key) return fail("'" + e.pointer + "' is past the end");
      parent[i] = e.value;
      return true;
    }
    return fail("'" + parent_ptr.to_string() + "' holds no fields");
  }

  bool operator()(const edit::AddNode& e) {
    std::string id = e.id.empty() ? free_id(doc, "node-" + std::to_string(array_at(doc, "nodes").size() + 1)) : e.id;
    if (!new_id_ok(id, "node")) return false;
    array_at(doc, "nodes").push_back(new_node(id, e.stage, e.line));
    if (!doc.contains("start") || doc["start"] == "") doc["start"] = id;
    return true;
  }
  /// Removes the item with `id` from the array `key` ("nodes", "endings", "points").
  bool erase_by_id(const char* key, const std::string& id, const char* what) {
    const int i = doc.contains(key) ? index_of(doc[key], id) : -1;
    if (i < 0) return fail(std::string("no ") + what + " '" + id + "'");
    doc[key].erase(static_cast<size_t>(i));
    return true;
  }
  bool operator()(const edit::DeleteNode& e) { return erase_by_id("nodes", e.id, "node"); }
  bool operator()(const edit::DuplicateNode& e) {
    const Json* n = node(e.id);
    if (!n) return false;
    Json copy = *n;
    copy["id"] = free_id(doc, e.id + "-copy");
    Json& nodes = doc["nodes"];
    nodes.insert(nodes.begin() + index_of(nodes, e.id) + 1, std::move(copy));
    return true;
  }
  bool operator()(const edit::RenameNode& e) {
    if (!node(e.from)) return false;
    if (e.from == e.to) return true;
    if (!new_id_ok(e.to, "node")) return false;
    doc["nodes"][static_cast<size_t>(index_of(doc["nodes"], e.from))]["id"] = e.to;
    if (doc.contains("start") && doc["start"] == e.from) doc["start"] = e.to;
    for (Json& n : doc["nodes"]) {
      if (!n.is_object()) continue;
      if (n.contains("replies") && n["replies"].is_array())
        for (Json& r : n["replies"]) relink_route(r, e.from, e.to);
      if (n.contains("typed") && n["typed"].is_object())
        for (auto& [key, reaction] : n["typed"].items()) relink_route(reaction, e.from, e.to);
    }
    return true;
  }
  bool operator()(const edit::AddReply& e) {
    Json* n = node(e.node);
    if (!n) return false;
    Json reply{{"text", e.text}, {"code", std::string(code_id(e.code))}, {"effects", Json::object()}, {"next", e.next}};
    if (!n->contains("replies") || !(*n)["replies"].is_array()) (*n)["replies"] = Json::array();
    (*n)["replies"].push_back(std::move(reply));
    return true;
  }
  Json* replies(const std::string& id, int index) {
    Json* n = node(id);
    if (!n) return nullptr;
    if (!n->contains("replies") || !in_range((*n)["replies"], index)) {
      error = "node '" + id + "' has no reply " + std::to_string(index + 1);
      return nullptr;
    }
    return &(*n)["replies"];
  }
  bool operator()(const edit::DeleteReply& e) {
    Json* list = replies(e.node, e.index);
    if (!list) return false;
    list->erase(static_cast<size_t>(e.index));
    return true;
  }
  bool operator()(const edit::DuplicateReply& e) {
    Json* list = replies(e.node, e.index);
    if (!list) return false;
    Json copy = (*list)[static_cast<size_t>(e.index)];
    list->insert(list->begin() + e.index + 1, std::move(copy));
    return true;
  }
  bool operator()(const edit::MoveReply& e) {
    Json* list = replies(e.node, e.from);
    if (!list) return false;
    if (!in_range(*list, e.to)) return fail("node '" + e.node + "' has no place " + std::to_string(e.to + 1));
    Json moved = (*list)[static_cast<size_t>(e.from)];
    list->erase(static_cast<size_t>(e.from));
    list->insert(list->begin() + e.to, std::move(moved));
    return true;
  }
  bool operator()(const edit::Relink& e) {
    Json* list = replies(e.node, e.index);
    if (!list) return false;
    Json& reply = (*list)[static_cast<size_t>(e.index)];
    if (!reply.is_object()) return fail("reply " + std::to_string(e.index + 1) + " is not an object");
    reply["next"] = e.next;
    return true;
  }
  bool operator()(const edit::AddClientLine& e) {
    Json* n = node(e.node);
    if (!n) return false;
    if (!n->contains("client") || !(*n)["client"].is_array()) (*n)["client"] = Json::array();
    // The last line must have no condition (some line always applies): a new line goes first.
    Json& lines = (*n)["client"];
    lines.insert(lines.begin(), Json{{"text", e.text}});
    return true;
  }
  bool operator()(const edit::DeleteClientLine& e) {
    Json* n = node(e.node);
    if (!n) return false;
    if (!n->contains("client") || !in_range((*n)["client"], e.index))
      return fail("node '" + e.node + "' has no line " + std::to_string(e.index + 1));
    (*n)["client"].erase(static_cast<size_t>(e.index));
    return true;
  }
  bool operator()(const edit::AddEnding& e) {
    if (!new_id_ok(e.id, "ending")) return false;
    array_at(doc, "endings")
        .push_back(Json{{"id", e.id}, {"kind", e.kind}, {"title", e.title}, {"debrief", ""}, {"client_says", ""}});
    return true;
  }
  bool operator()(const edit::DeleteEnding& e) { return erase_by_id("endings", e.id, "ending"); }
  bool operator()(const edit::AddPrepStep& e) {
    if (e.id.empty()) return fail("a preparation step needs an id");
    Json& prep = array_at(doc, "prep");
    if (index_of(prep, e.id) >= 0) return fail("the preparation step '" + e.id + "' already exists");
    prep.push_back(Json{{"id", e.id}, {"topic", e.topic}, {"question", e.question}, {"options", Json::array()}});
    return true;
  }
  bool operator()(const edit::DeletePrepStep& e) {
    if (!doc.contains("prep") || !in_range(doc["prep"], e.index))
      return fail("there is no preparation step " + std::to_string(e.index + 1));
    doc["prep"].erase(static_cast<size_t>(e.index));
    return true;
  }
  Json* options(int step) {
    if (!doc.contains("prep") || !in_range(doc["prep"], step) || !doc["prep"][static_cast<size_t>(step)].is_object()) {
      error = "there is no preparation step " + std::to_string(step + 1);
      return nullptr;
    }
    Json& s = doc["prep"][static_cast<size_t>(step)];
    if (!s.contains("options") || !s["options"].is_array()) s["options"] = Json::array();
    return &s["options"];
  }
  bool operator()(const edit::AddPrepOption& e) {
    Json* list = options(e.step);
    if (!list) return false;
    if (e.id.empty()) return fail("a preparation option needs an id");
    if (index_of(*list, e.id) >= 0) return fail("the option '" + e.id + "' already exists in this step");
    list->push_back(Json{{"id", e.id}, {"text", e.text}, {"effects", Json::object()}, {"feedback", ""}});
    return true;
  }
  bool operator()(const edit::DeletePrepOption& e) {
    Json* list = options(e.step);
    if (!list) return false;
    if (!in_range(*list, e.index)) return fail("the step has no option " + std::to_string(e.index + 1));
    list->erase(static_cast<size_t>(e.index));
    return true;
  }
  bool operator()(const edit::SetStateVariable& e) {
    if (e.name.empty()) return fail("a state variable needs a name");
    if (e.initial < 0 || e.initial > 100) return fail("a starting value is between 0 and 100");
    if (!doc.contains("state") || !doc["state"].is_object()) doc["state"] = Json::object();
    doc["state"][e.name] = e.initial;
    return true;
  }
  bool operator()(const edit::RemoveStateVariable& e) {
    if (!doc.contains("state") || !doc["state"].is_object() || !doc["state"].contains(e.name))
      return fail("no state variable '" + e.name + "'");
    if (e.name == "trust") return fail("every scenario tracks 'trust'");
    doc["state"].erase(e.name);
    return true;
  }
  bool operator()(const edit::AddPoint& e) {
    if (e.id.empty()) return fail("a point needs an id");
    Json& points = array_at(doc, "points");
    if (index_of(points, e.id) >= 0) return fail("the point '" + e.id + "' already exists");
    Json p{{"id", e.id}, {"kind", e.kind}, {"text", e.text}};
    if (e.kind == "next_step") {
      p["owner"] = "you";
      p["due"] = "";
    }
    points.push_back(std::move(p));
    return true;
  }
  bool operator()(const edit::DeletePoint& e) { return erase_by_id("points", e.id, "point"); }
};

/// Where `a` and `b` differ: the deepest subtree holding every difference. Objects descend only
/// when their keys are the same in the same order, so that restoring the subtree restores order.
std::string changed_subtree(const Json& a, const Json& b) {
  Pointer at;
  const Json* x = &a;
  const Json* y = &b;
  for (;;) {
    if (x->type() != y->type()) break;
    std::optional<std::string> only;
    int differing = 0;
    if (x->is_object()) {
      if (x->size() != y->size()) break;
      auto i = x->begin();
      auto j = y->begin();
      bool same_keys = true;
      for (; i != x->end(); ++i, ++j) {
        if (i.key() != j.key()) {
          same_keys = false;
          break;
        }
        if (i.value() != j.value() && ++differing == 1) only = i.key();
      }
      if (!same_keys || differing != 1) break;
    } else if (x->is_array()) {
      if (x->size() != y->size()) break;
      for (size_t k = 0; k < x->size(); ++k)
        if ((*x)[k] != (*y)[k] && ++differing == 1) only = std::to_string(k);
      if (differing != 1) break;
    } else {
      break;
    }
    at /= *only;
    x = &a[at];
    y = &b[at];
  }
  return at.to_string();
}

}  // namespace

std::string edit_label(const Edit& e) {
  return std::visit(Overload{
                        [](const edit::SetField&) { return "Change a field"; },
                        [](const edit::AddNode&) { return "Add node"; },
                        [](const edit::DeleteNode&) { return "Delete node"; },
                        [](const edit::DuplicateNode&) { return "Duplicate node"; },
                        [](const edit::RenameNode&) { return "Rename node"; },
                        [](const edit::AddReply&) { return "Add reply"; },
                        [](const edit::DeleteReply&) { return "Delete reply"; },
                        [](const edit::DuplicateReply&) { return "Duplicate reply"; },
                        [](const edit::MoveReply&) { return "Move reply"; },
                        [](const edit::Relink&) { return "Re-link reply"; },
                        [](const edit::AddClientLine&) { return "Add client line"; },
                        [](const edit::DeleteClientLine&) { return "Delete client line"; },
                        [](const edit::AddEnding&) { return "Add ending"; },
                        [](const edit::DeleteEnding&) { return "Delete ending"; },
                        [](const edit::AddPrepStep&) { return "Add preparation step"; },
                        [](const edit::DeletePrepStep&) { return "Delete preparation step"; },
                        [](const edit::AddPrepOption&) { return "Add preparation option"; },
                        [](const edit::DeletePrepOption&) { return "Delete preparation option"; },
                        [](const edit::SetStateVariable&) { return "Set state variable"; },
                        [](const edit::RemoveStateVariable&) { return "Remove state variable"; },
                        [](const edit::AddPoint&) { return "Add point"; },
                        [](const edit::DeletePoint&) { return "Delete point"; },
                    },
                    e);
}

ScenarioDoc ScenarioDoc::blank(std::string_view id) {
  Json doc{{"format_version", 1},
           {"id", std::string(id)},
           {"title", ""},
           {"summary", ""},
           {"domain", ""},
           {"challenge", ""},
           {"difficulty", 2},
           {"minutes", 5},
           {"briefing", ""},
           {"client", Json{{"name", ""}, {"role", ""}, {"organisation", ""}, {"wants", ""}, {"fears", ""}}},
           {"state", Json{{"trust", 40}}},
           {"prep", Json::array()},
           {"start", "start"},
           {"nodes", Json::array({new_node("start", "open", "")})},
           {"points", Json::array()},
           {"endings", Json::array()}};
  return ScenarioDoc(std::move(doc));
}

std::optional<ScenarioDoc> ScenarioDoc::open(std::string_view text, std::string* error) {
  Json doc = Json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    if (error) *error = doc.is_discarded() ? "not valid JSON" : "a scenario is a JSON object";
    return std::nullopt;
  }
  return ScenarioDoc(std::move(doc));
}

std::string ScenarioDoc::text() const { return doc_.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

std::string ScenarioDoc::id() const {
  return doc_.contains("id") && doc_["id"].is_string() ? doc_["id"].get<std::string>() : std::string();
}

bool ScenarioDoc::apply(const Edit& e, std::string* error, bool continue_typing) {
  Json next = doc_;
  Apply apply{next, {}};
  if (!std::visit(apply, e)) {
    if (error) *error = apply.error;
    return false;
  }
  if (next == doc_) return true;
  std::string at = changed_subtree(doc_, next);
  const Pointer ptr(at);
  std::string label = edit_label(e);
  if (continue_typing && done_ > 0 && done_ == steps_.size() && steps_.back().pointer == at &&
      steps_.back().label == label) {
    steps_.back().after = next[ptr];
    doc_ = std::move(next);
    ++revision_;
    return true;
  }
  steps_.resize(done_);
  steps_.push_back(Step{std::move(label), at, doc_[ptr], next[ptr]});
  if (steps_.size() > kMaxSteps) steps_.erase(steps_.begin());
  done_ = steps_.size();
  doc_ = std::move(next);
  ++revision_;
  return true;
}

bool ScenarioDoc::undo() {
  if (!can_undo()) return false;
  const Step& s = steps_[--done_];
  doc_[Pointer(s.pointer)] = s.before;
  ++revision_;
  return true;
}

bool ScenarioDoc::redo() {
  if (!can_redo()) return false;
  const Step& s = steps_[done_++];
  doc_[Pointer(s.pointer)] = s.after;
  ++revision_;
  return true;
}

std::string ScenarioDoc::undo_label() const { return can_undo() ? steps_[done_ - 1].label : std::string(); }
std::string ScenarioDoc::redo_label() const { return can_redo() ? steps_[done_].label : std::string(); }

}  // namespace rapport::authoring
