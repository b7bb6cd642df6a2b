// The authoring studio's controller: library actions, editing with autosave, the selection, and
// the problems, graph and statistics of the draft, computed once per revision.
#include "studio.h"

#include <algorithm>
#include <map>
#include <queue>
#include <nlohmann/json.hpp>

#include "conversation_map.h"

namespace rapport::authoring {

namespace {

std::string str(const Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

const Json& array_of(const Json& j, const char* key) {
  static const Json empty = Json::array();
  return j.is_object() && j.contains(key) && j[key].is_array() ? j[key] : empty;
}

/// Every link out of a route (a reply or a typed reaction): its next and its conditional nexts.
void route_targets(const Json& route, std::vector<std::string>& out) {
  if (!route.is_object()) return;
  if (std::string n = str(route, "next"); !n.empty()) out.push_back(n);
  for (const Json& b : array_of(route, "next_if"))
    if (std::string n = str(b, "next"); !n.empty()) out.push_back(n);
}

}  // namespace

int StudioGraph::find(std::string_view id) const {
  for (size_t i = 0; i < boxes.size(); ++i)
    if (boxes[i].id == id) return static_cast<int>(i);
  return -1;
}

StudioGraph studio_graph(const Json& doc, const std::vector<Problem>& problems) {
  StudioGraph g;
  std::map<std::string, size_t> index;
  for (const Json& n : array_of(doc, "nodes")) {
    const std::string id = str(n, "id");
    if (id.empty() || index.count(id)) continue;
    GraphBox b;
    b.id = id;
    b.kind = str(n, "stage");
    const Json& lines = array_of(n, "client");
    b.label = lines.empty() ? std::string() : short_line(str(lines[0], "text"), 48);
    index[id] = g.boxes.size();
    g.boxes.push_back(std::move(b));
  }
  const size_t node_count = g.boxes.size();
  for (const Json& e : array_of(doc, "endings")) {
    const std::string id = str(e, "id");
    if (id.empty() || index.count(id)) continue;
    GraphBox b;
    b.id = id;
    b.ending = true;
    b.kind = str(e, "kind");
    b.label = str(e, "title").empty() ? readable_id(b.kind) : short_line(str(e, "title"), 48);
    index[id] = g.boxes.size();
    g.boxes.push_back(std::move(b));
  }
  // Edges: one per reply link, one per typed reaction link.
  std::vector<std::vector<size_t>> out(g.boxes.size());
  for (const Json& n : array_of(doc, "nodes")) {
    auto from = index.find(str(n, "id"));
    if (from == index.end() || from->second >= node_count) continue;
    const Json& replies = array_of(n, "replies");
    for (size_t r = 0; r < replies.size(); ++r) {
      std::vector<std::string> targets;
      route_targets(replies[r], targets);
      for (const std::string& t : targets)
        if (auto to = index.find(t); to != index.end()) {
          g.edges.push_back(GraphEdge{from->second, to->second, static_cast<int>(r)});
          out[from->second].push_back(to->second);
        }
    }
    if (n.contains("typed") && n["typed"].is_object())
      for (const auto& [key, reaction] : n["typed"].items()) {
        std::vector<std::string> targets;
        route_targets(reaction, targets);
        for (const std::string& t : targets)
          if (auto to = index.find(t); to != index.end()) {
            g.edges.push_back(GraphEdge{from->second, to->second, -1});
            out[from->second].push_back(to->second);
          }
      }
  }
  // Columns: breadth-first distance from the start.
  std::vector<int> depth(g.boxes.size(), -1);
  if (auto s = index.find(str(doc, "start")); s != index.end() && s->second < node_count) {
    std::queue<size_t> q;
    depth[s->second] = 0;
    q.push(s->second);
    while (!q.empty()) {
      const size_t at = q.front();
      q.pop();
      if (g.boxes[at].ending) continue;
      for (size_t to : out[at])
        if (depth[to] < 0) {
          depth[to] = depth[at] + 1;
          q.push(to);
        }
    }
  }
  int deepest = 0;
  bool unreached = false;
  for (size_t i = 0; i < node_count; ++i) {
    g.boxes[i].reachable = depth[i] >= 0;
    if (depth[i] >= 0)
      deepest = std::max(deepest, depth[i]);
    else
      unreached = true;
  }
  const int stray_column = deepest + 1;
  const int ending_column = stray_column + (unreached ? 1 : 0);
  std::vector<int> rows(static_cast<size_t>(ending_column) + 1, 0);
  for (size_t i = 0; i < g.boxes.size(); ++i) {
    GraphBox& b = g.boxes[i];
    b.column = b.ending ? ending_column : (depth[i] >= 0 ? depth[i] : stray_column);
    if (b.ending) b.reachable = depth[i] >= 0;
    b.row = rows[static_cast<size_t>(b.column)]++;
  }
  g.columns = ending_column + 1;
  g.rows = rows.empty() ? 0 : *std::max_element(rows.begin(), rows.end());
  for (const Problem& p : problems) {
    int at = p.node.empty() ? -1 : g.find(p.node);
    if (at < 0 && p.pointer.rfind("/endings/", 0) == 0) {
      const size_t i = std::strtoul(p.pointer.c_str() + 9, nullptr, 10);
      const Json& endings = array_of(doc, "endings");
      if (i < endings.size()) at = g.find(str(endings[i], "id"));
    }
    if (at >= 0) ++g.boxes[static_cast<size_t>(at)].problems;
  }
  return g;
}

Studio::Studio(ProgressStore& store, std::vector<BuiltIn> built_ins, std::function<std::string()> now)
    : shelf_(store), built_ins_(std::move(built_ins)), now_(std::move(now)) {
  shelf_.load();
}

std::vector<std::string> Studio::take_notices() {
  std::vector<std::string> out = std::move(notices_);
  notices_.clear();
  for (std::string& n : shelf_.take_notices()) out.push_back(std::move(n));
  return out;
}

std::vector<std::string> Studio::taken_ids() const {
  std::vector<std::string> ids;
  for (const BuiltIn& b : built_ins_) ids.push_back(b.id);
  for (const Draft& d : shelf_.drafts()) ids.push_back(d.id);
  return ids;
}

void Studio::opened(ScenarioDoc doc, bool is_new) {
  // A draft opens with no history: an import's id change is not the author's edit to undo.
  std::optional<ScenarioDoc> fresh = ScenarioDoc::open(doc.json().dump(), nullptr);
  doc_ = std::make_unique<ScenarioDoc>(fresh ? std::move(*fresh) : std::move(doc));
  selection_ = Selection{};
  checked_ = counted_ = -1;
  ++form_revision_;
  if (is_new) save();
}

void Studio::new_draft() {
  const std::vector<std::string> taken = taken_ids();
  std::string id = "my-scenario";
  for (int n = 2; std::find(taken.begin(), taken.end(), id) != taken.end(); ++n)
    id = "my-scenario-" + std::to_string(n);
  opened(ScenarioDoc::blank(id), true);
}

bool Studio::duplicate_built_in(std::string_view id) {
  auto it = std::find_if(built_ins_.begin(), built_ins_.end(), [&](const BuiltIn& b) { return b.id == id; });
  if (it == built_ins_.end()) return false;
  std::string error, renamed;
  std::optional<ScenarioDoc> doc = import_draft(it->text, taken_ids(), &error, &renamed);
  if (!doc) {
    notices_.push_back("Could not copy '" + std::string(id) + "': " + error);
    return false;
  }
  opened(std::move(*doc), true);
  notices_.push_back("A copy of \"" + it->title + "\" to edit, saved as '" + doc_->id() + "'.");
  return true;
}

bool Studio::open_draft(std::string_view id) {
  const Draft* d = shelf_.find(id);
  if (!d) return false;
  std::string error;
  std::optional<ScenarioDoc> doc = ScenarioDoc::open(d->scenario.dump(), &error);
  if (!doc) return false;
  opened(std::move(*doc), false);
  return true;
}

bool Studio::delete_draft(std::string_view id) {
  if (doc_ && doc_->id() == id) doc_.reset();
  return shelf_.remove(id);
}

bool Studio::import_file(std::string_view name, std::string_view text) {
  std::string error, renamed;
  std::optional<ScenarioDoc> doc = import_draft(text, taken_ids(), &error, &renamed);
  if (!doc) {
    notices_.push_back(std::string(name) + ": " + error);
    return false;
  }
  opened(std::move(*doc), true);
  notices_.push_back("Imported " + std::string(name) + (renamed.empty() ? "" : " (" + renamed + ")") + ".");
  return true;
}

std::string Studio::export_name() const { return (doc_->id().empty() ? "scenario" : doc_->id()) + ".json"; }

void Studio::save() {
  if (doc_) shelf_.save(*doc_, now_ ? now_() : std::string());
}

bool Studio::apply(const Edit& e, std::string* error, bool typing) {
  if (!doc_) return false;
  const int before = doc_->revision();
  if (!doc_->apply(e, error, typing)) return false;
  if (doc_->revision() == before) return true;
  if (!typing) ++form_revision_;
  keep_selection_valid();
  save();
  return true;
}

bool Studio::undo() {
  if (!doc_ || !doc_->undo()) return false;
  ++form_revision_;
  keep_selection_valid();
  save();
  return true;
}

bool Studio::redo() {
  if (!doc_ || !doc_->redo()) return false;
  ++form_revision_;
  keep_selection_valid();
  save();
  return true;
}

void Studio::select(Selection s) {
  if (s == selection_) return;
  selection_ = std::move(s);
  ++form_revision_;
}

void Studio::keep_selection_valid() {
  if (selection_.kind != Selection::Kind::Node && selection_.kind != Selection::Kind::Ending) return;
  const Json& list = array_of(doc_->json(), selection_.kind == Selection::Kind::Node ? "nodes" : "endings");
  for (const Json& item : list)
    if (str(item, "id") == selection_.id) {
      if (selection_.reply >= static_cast<int>(array_of(item, "replies").size())) selection_.reply = -1;
      return;
    }
  selection_ = Selection{};
  ++form_revision_;
}

const std::vector<Problem>& Studio::problems() {
  if (doc_ && checked_ != doc_->revision()) {
    problems_ = doc_->problems();
    graph_ = studio_graph(doc_->json(), problems_);
    checked_ = doc_->revision();
  }
  return problems_;
}

const StudioGraph& Studio::graph() {
  problems();
  return graph_;
}

void Studio::go_to_problem(size_t index) {
  const std::vector<Problem>& all = problems();
  if (index >= all.size()) return;
  const Problem& p = all[index];
  if (!p.node.empty()) {
    select(Selection{Selection::Kind::Node, p.node, p.reply});
    return;
  }
  const std::string& ptr = p.pointer;
  if (ptr.rfind("/endings/", 0) == 0) {
    const size_t i = std::strtoul(ptr.c_str() + 9, nullptr, 10);
    const Json& endings = array_of(doc_->json(), "endings");
    if (i < endings.size()) {
      select(Selection{Selection::Kind::Ending, str(endings[i], "id"), -1});
      return;
    }
  }
  if (ptr.rfind("/prep", 0) == 0)
    select(Selection{Selection::Kind::Prep, "", -1});
  else if (ptr.rfind("/points", 0) == 0)
    select(Selection{Selection::Kind::Points, "", -1});
  else
    select(Selection{});
}

const std::optional<DraftStats>& Studio::stats() {
  if (doc_ && counted_ != doc_->revision()) {
    stats_ = draft_stats(*doc_, 200);
    counted_ = doc_->revision();
  }
  return stats_;
}

std::optional<std::string> Studio::package_request(std::string_view scorm, const std::vector<std::string>& built_ins,
                                                   std::string* error) {
  auto fail = [&](std::string why) -> std::optional<std::string> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  if (!doc_) return fail("no draft is open");
  if (scorm != "1.2" && scorm != "2004") return fail("unknown SCORM version '" + std::string(scorm) + "'");
  size_t errors = 0;
  for (const Problem& p : problems())
    if (p.kind == Problem::Kind::Error) ++errors;
  if (errors > 0)
    return fail("the draft has " + std::to_string(errors) + " problem(s) to fix first; the list shows where");
  Json library = Json::array({doc_->id()});
  for (const std::string& id : built_ins) {
    if (std::none_of(built_ins_.begin(), built_ins_.end(), [&](const BuiltIn& b) { return b.id == id; }))
      return fail("no built-in scenario '" + id + "'");
    if (id != doc_->id()) library.push_back(id);
  }
  const std::string version = scorm == "1.2" ? "12" : "2004";
  Json request{{"scorm", std::string(scorm)},
               {"file", doc_->id() + "-scorm" + version + ".zip"},
               {"title", str(doc_->json(), "title")},
               {"authored", Json{{"scenarios", Json::array({doc_->json()})}, {"library", std::move(library)}}}};
  return request.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace rapport::authoring
