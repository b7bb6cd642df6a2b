// The roadmap screen's model; see roadmap_model.h.
#include "roadmap_model.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <utility>

namespace rapport::ui {
namespace {

const Tactic* find_tactic(const SessionScore& score, std::string_view id) {
  for (const auto& t : score.tactics)
    if (t.id == id) return &t;
  return nullptr;
}

std::string sentence(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

RoadmapStep from_tactic(const SessionScore& score, const char* id, const char* label, const char* tactic,
                        bool reached, const char* not_reached) {
  RoadmapStep step{id, label, StepStatus::NotReached, not_reached};
  if (!reached) return step;
  const Tactic* t = find_tactic(score, tactic);
  step.status = t && t->done ? StepStatus::Strong : StepStatus::ToWorkOn;
  if (t && !t->evidence.empty()) step.reason = sentence(t->evidence);
  return step;
}

/// The roadmap stage a node's authored stage counts towards.
std::string_view roadmap_stage(std::string_view node_stage) { return node_stage == "close" ? "solve" : node_stage; }

RoadmapStep from_replies(const Scenario& scenario, const Dialogue& dialogue, const char* id, const char* label) {
  RoadmapStep step{id, label, StepStatus::NotReached, {}};
  int replies = 0, consistent = 0;
  std::string weak;
  for (const Turn& turn : dialogue.transcript()) {
    const Node* node = scenario.find_node(turn.node);
    if (!node || roadmap_stage(node->stage) != id) continue;
    replies++;
    if (is_mi_consistent(turn.code)) consistent++;
    else if (weak.empty()) weak = code_label(turn.code);
  }
  if (replies == 0) {
    bool exists = std::any_of(scenario.nodes.begin(), scenario.nodes.end(),
                              [&](const Node& n) { return roadmap_stage(n.stage) == id; });
    step.reason = exists ? "The conversation did not get this far." : "This scenario skips this stage.";
    return step;
  }
  step.status = consistent * 2 > replies ? StepStatus::Strong : StepStatus::ToWorkOn;
  if (consistent == replies)
    step.reason = replies == 1   ? "Your reply here kept the client talking."
                  : replies == 2 ? "Both replies here kept the client talking."
                                 : "All " + std::to_string(replies) + " replies here kept the client talking.";
  else
    step.reason = std::to_string(consistent) + " of " + std::to_string(replies) +
                  " replies here kept the client talking; watch for " + weak + ".";
  return step;
}

}  // namespace

std::string_view status_label(StepStatus status) {
  switch (status) {
    case StepStatus::Strong: return "strong";
    case StepStatus::ToWorkOn: return "to work on";
    case StepStatus::NotReached: return "not reached";
  }
  return "not reached";
}

std::vector<RoadmapStep> roadmap_steps(const Scenario& scenario, const Dialogue& dialogue, const SessionScore& score) {
  bool prepared_any = false, setting_chosen = false;
  for (size_t i = 0; i < dialogue.prep_choices().size() && i < scenario.prep.size(); ++i) {
    if (scenario.prep[i].topic == "setting") setting_chosen = true;
    else prepared_any = true;
  }
  std::vector<RoadmapStep> out;
  out.push_back(from_tactic(score, "prepare", "Prepare", "prepared", prepared_any, "No preparation was made."));
  out.push_back(from_tactic(score, "setting", "Setting", "setting", setting_chosen, "No time or place was chosen."));
  out.push_back(from_replies(scenario, dialogue, "open", "Open"));
  out.push_back(from_replies(scenario, dialogue, "listen", "Listen"));
  out.push_back(from_replies(scenario, dialogue, "empathise", "Empathise"));
  out.push_back(from_replies(scenario, dialogue, "solve", "Solve"));
  RoadmapStep follow = from_tactic(score, "follow_up", "Follow up", "followed_up", dialogue.phase() == Phase::Ended,
                                   "Finish the conversation, then follow up in writing.");
  if (follow.status == StepStatus::ToWorkOn) follow.reason = "No complete follow-up email yet: summarise what you agreed.";
  out.push_back(std::move(follow));
  return out;
}

std::string readable_id(std::string_view id) {
  std::string out;
  for (char c : id) out += (c == '_' || c == '-') ? ' ' : c;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

ConversationMap build_conversation_map(const Scenario& scenario, const Dialogue* dialogue) {
  ConversationMap map;
  std::map<std::string, size_t> index;  // box id -> index into map.boxes

  // Targets of every node: reply routes (default and branches), then typed reactions.
  auto targets = [](const Node& n) {
    std::vector<std::string> out;
    auto add = [&](const Route& r) {
      for (const auto& b : r.branches) out.push_back(b.next);
      out.push_back(r.next);
    };
    for (const auto& r : n.replies) add(r.route);
    for (const auto& [cls, reaction] : n.typed) add(reaction.route);
    return out;
  };

  // Breadth-first layering from the start; nodes never reached go one column after the deepest.
  std::map<std::string, int> depth;
  std::vector<std::string> order;
  std::deque<std::string> queue;
  if (scenario.find_node(scenario.start)) {
    depth[scenario.start] = 0;
    queue.push_back(scenario.start);
  }
  while (!queue.empty()) {
    std::string id = queue.front();
    queue.pop_front();
    order.push_back(id);
    for (const auto& next : targets(*scenario.find_node(id)))
      if (scenario.find_node(next) && !depth.count(next)) {
        depth[next] = depth[id] + 1;
        queue.push_back(next);
      }
  }
  int deepest = 0;
  for (const auto& [id, d] : depth) deepest = std::max(deepest, d);
  bool orphans = false;
  for (const auto& n : scenario.nodes)
    if (!depth.count(n.id)) {
      depth[n.id] = deepest + 1;
      order.push_back(n.id);
      orphans = true;
    }
  int ending_column = scenario.nodes.empty() ? 0 : deepest + (orphans ? 2 : 1);

  for (const auto& id : order) {
    const Node& n = *scenario.find_node(id);
    MapBox box;
    box.id = n.id;
    box.label = readable_id(n.id);
    box.stage = n.stage;
    box.detail = n.client.empty() ? std::string() : n.client.front().text;
    box.column = depth[n.id];
    index[n.id] = map.boxes.size();
    map.boxes.push_back(std::move(box));
  }
  for (const auto& e : scenario.endings) {
    if (index.count(e.id)) continue;  // an ending sharing a node's id: the loader forbids it
    MapBox box;
    box.id = e.id;
    box.ending = true;
    box.label = readable_id(e.kind);
    box.kind = e.kind;
    box.detail = e.title;
    box.column = ending_column;
    index[e.id] = map.boxes.size();
    map.boxes.push_back(std::move(box));
  }
  map.columns = map.boxes.empty() ? 0 : ending_column + 1;

  // Edges, one per ordered pair.
  std::set<std::pair<size_t, size_t>> seen;
  for (const auto& n : scenario.nodes)
    for (const auto& next : targets(n)) {
      auto it = index.find(next);
      if (it == index.end()) continue;
      std::pair<size_t, size_t> e{index[n.id], it->second};
      if (seen.insert(e).second) map.edges.push_back({e.first, e.second, false});
    }

  // The learner's path: transcript nodes in order, then the ending (or the node still open).
  if (dialogue) {
    std::vector<std::string> path;
    for (const Turn& t : dialogue->transcript()) path.push_back(t.node);
    if (const Ending* e = dialogue->ending()) path.push_back(e->id);
    else if (const Node* n = dialogue->node(); n && dialogue->phase() == Phase::Conversation) path.push_back(n->id);
    int step = 0;
    for (size_t i = 0; i < path.size(); ++i) {
      auto it = index.find(path[i]);
      if (it == index.end()) continue;
      MapBox& box = map.boxes[it->second];
      ++step;
      if (box.path_step == 0) {
        box.path_step = step;
        if (!box.ending && i < dialogue->transcript().size()) box.detail = dialogue->transcript()[i].client_line;
        else if (!box.ending) box.detail = dialogue->client_line();
      }
      if (i == 0) continue;
      auto prev = index.find(path[i - 1]);
      if (prev == index.end()) continue;
      std::pair<size_t, size_t> e{prev->second, it->second};
      auto edge = std::find_if(map.edges.begin(), map.edges.end(),
                               [&](const MapEdge& x) { return x.from == e.first && x.to == e.second; });
      if (edge == map.edges.end()) map.edges.push_back({e.first, e.second, true});
      else edge->on_path = true;
    }
  }

  // Rows: within each column, order by the mean row of the boxes leading in (one sweep, left to
  // right), keeping discovery order for ties; this keeps most lines from crossing.
  std::vector<std::vector<size_t>> columns(static_cast<size_t>(map.columns));
  for (size_t i = 0; i < map.boxes.size(); ++i) columns[static_cast<size_t>(map.boxes[i].column)].push_back(i);
  for (size_t c = 0; c < columns.size(); ++c) {
    auto& col = columns[c];
    if (col.empty()) continue;
    std::map<size_t, double> weight;
    for (size_t pos = 0; pos < col.size(); ++pos) {
      size_t b = col[pos];
      double sum = 0;
      int count = 0;
      for (const auto& e : map.edges)
        if (e.to == b && map.boxes[e.from].column < static_cast<int>(c)) {
          sum += map.boxes[e.from].row;
          count++;
        }
      weight[b] = count ? sum / count : static_cast<double>(pos);
    }
    if (!map.boxes[col.front()].ending)
      std::stable_sort(col.begin(), col.end(), [&](size_t a, size_t b) { return weight[a] < weight[b]; });
    for (size_t pos = 0; pos < col.size(); ++pos) map.boxes[col[pos]].row = static_cast<int>(pos);
    map.rows = std::max(map.rows, static_cast<int>(col.size()));
  }
  return map;
}

}  // namespace rapport::ui
