// The roadmap screen's model; see roadmap_model.h.
#include "conversation_map.h"
#include "small_sort.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <utility>

namespace rapport {
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

RoadmapStep from_tactic(const SessionScore& score, const char* id, const char* label, const char* tactic, bool reached,
                        const char* not_reached) {
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
    if (is_mi_consistent(turn.code))
      consistent++;
    else if (weak.empty())
      weak = code_label(turn.code);
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
    if (scenario.prep[i].topic == "setting")
      setting_chosen = true;
    else
      prepared_any = true;
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
  if (follow.status == StepStatus::ToWorkOn)
    follow.reason = "No complete follow-up email yet: summarise what you agreed.";
  out.push_back(std::move(follow));
  return out;
}

std::string readable_id(std::string_view id) {
  std::string out;
  for (char c : id) out += (c == '_' || c == '-') ? ' ' : c;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string short_line(std::string_view text, size_t max_chars) {
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  if (text.size() <= max_chars) return std::string(text);
  // Whole sentences while they fit (up to ". ", "? " or "! ", the mark kept).
  size_t sentences = 0;
  for (size_t i = 0; i + 1 < text.size() && i < max_chars; ++i)
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && space(text[i + 1])) sentences = i + 1;
  if (sentences > 0) return std::string(text.substr(0, sentences));
  size_t cut = max_chars;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  size_t last_space = text.substr(0, cut).find_last_of(' ');
  if (last_space != std::string_view::npos && last_space > max_chars / 2) cut = last_space;
  std::string out(text.substr(0, cut));
  while (!out.empty() && (space(out.back()) || out.back() == ',' || out.back() == ';' || out.back() == ':'))
    out.pop_back();
  return out + "\xE2\x80\xA6";
}

namespace {

/// Boxes per column, in row order.
using Columns = std::vector<std::vector<size_t>>;

Columns columns_of(const ConversationMap& map) {
  Columns columns(static_cast<size_t>(std::max(0, map.columns)));
  for (size_t i = 0; i < map.boxes.size(); ++i) columns[static_cast<size_t>(map.boxes[i].column)].push_back(i);
  for (auto& col : columns)
    small_stable_sort(col.begin(), col.end(), [&](size_t a, size_t b) { return map.boxes[a].row < map.boxes[b].row; });
  return columns;
}

void assign_rows(ConversationMap& map, const Columns& columns) {
  map.rows = 0;
  for (const auto& col : columns) {
    for (size_t pos = 0; pos < col.size(); ++pos) map.boxes[col[pos]].row = static_cast<int>(pos);
    map.rows = std::max(map.rows, static_cast<int>(col.size()));
  }
}

/// Mean centred row (`ys`, from box_rows) of a box's neighbours in the columns before
/// (`from_left`) or after it; its own row when it has none there.
double barycenter(const ConversationMap& map, const std::vector<double>& ys, size_t box, bool from_left) {
  double sum = 0;
  int count = 0;
  const int column = map.boxes[box].column;
  for (const auto& e : map.edges) {
    size_t other = from_left ? e.from : e.to;
    if ((from_left ? e.to : e.from) != box) continue;
    int c = map.boxes[other].column;
    if (from_left ? c < column : c > column) {
      sum += ys[other];
      count++;
    }
  }
  return count ? sum / count : ys[box];
}

/// One sweep of the barycentre method: each column (left to right, or right to left) sorted by
/// the mean position of its neighbours on the side already placed; ties keep their order.
void sweep(ConversationMap& map, Columns& columns, bool left_to_right) {
  const int n = static_cast<int>(columns.size());
  for (int i = 0; i < n; ++i) {
    auto& col = columns[static_cast<size_t>(left_to_right ? i : n - 1 - i)];
    const std::vector<double> ys = box_rows(map);
    std::map<size_t, double> weight;
    for (size_t b : col) weight[b] = barycenter(map, ys, b, left_to_right);
    small_stable_sort(col.begin(), col.end(), [&](size_t a, size_t b) { return weight[a] < weight[b]; });
    assign_rows(map, columns);
  }
}

/// Orders the boxes within their columns to keep arrows from crossing: barycentre sweeps in
/// both directions (keeping the best layout seen), then swaps of neighbours in a column while a
/// swap removes crossings. Maps have a few dozen boxes, so counting every time is cheap.
void order_rows(ConversationMap& map) {
  Columns columns = columns_of(map);  // discovery order
  assign_rows(map, columns);
  Columns best = columns;
  int best_crossings = count_crossings(map);
  for (int round = 0; round < 4 && best_crossings > 0; ++round)
    for (bool left_to_right : {true, false}) {
      sweep(map, columns, left_to_right);
      int crossings = count_crossings(map);
      if (crossings < best_crossings) {
        best_crossings = crossings;
        best = columns;
      }
    }
  columns = best;
  assign_rows(map, columns);
  for (bool improved = best_crossings > 0; improved;) {
    improved = false;
    for (auto& col : columns)
      for (size_t pos = 0; pos + 1 < col.size(); ++pos) {
        std::swap(col[pos], col[pos + 1]);
        assign_rows(map, columns);
        int crossings = count_crossings(map);
        if (crossings < best_crossings) {
          best_crossings = crossings;
          improved = true;
        } else {
          std::swap(col[pos], col[pos + 1]);
          assign_rows(map, columns);
        }
      }
  }
}

}  // namespace

std::vector<double> box_rows(const ConversationMap& map) {
  std::vector<int> in_column(static_cast<size_t>(std::max(0, map.columns)), 0);
  for (const auto& b : map.boxes) in_column[static_cast<size_t>(b.column)]++;
  std::vector<double> ys;
  ys.reserve(map.boxes.size());
  for (const auto& b : map.boxes) ys.push_back(b.row + (map.rows - in_column[static_cast<size_t>(b.column)]) / 2.0);
  return ys;
}

int count_crossings(const ConversationMap& map) {
  struct Segment {
    double x0, y0, x1, y1;
  };
  const std::vector<double> ys = box_rows(map);
  std::vector<Segment> forward;
  for (const auto& e : map.edges) {
    const MapBox& a = map.boxes[e.from];
    const MapBox& b = map.boxes[e.to];
    if (b.column > a.column) forward.push_back({double(a.column), ys[e.from], double(b.column), ys[e.to]});
  }
  auto y_at = [](const Segment& s, double x) { return s.y0 + (s.y1 - s.y0) * (x - s.x0) / (s.x1 - s.x0); };
  int crossings = 0;
  for (size_t i = 0; i < forward.size(); ++i)
    for (size_t j = i + 1; j < forward.size(); ++j) {
      const Segment& p = forward[i];
      const Segment& q = forward[j];
      double lo = std::max(p.x0, q.x0), hi = std::min(p.x1, q.x1);
      if (lo >= hi) continue;
      double d0 = y_at(p, lo) - y_at(q, lo), d1 = y_at(p, hi) - y_at(q, hi);
      if (d0 * d1 < 0) crossings++;
    }
  return crossings;
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

  // Edges, one per ordered pair, with the replies that lead along each.
  std::map<std::pair<size_t, size_t>, size_t> edge_of;
  auto add_edge = [&](size_t from, size_t to) -> MapEdge& {
    auto [it, added] = edge_of.try_emplace({from, to}, map.edges.size());
    if (added) map.edges.push_back({from, to, false, {}, {}});
    return map.edges[it->second];
  };
  auto add_reply = [](MapEdge& edge, const std::string& text) {
    if (std::find(edge.replies.begin(), edge.replies.end(), text) == edge.replies.end()) edge.replies.push_back(text);
  };
  for (const auto& n : scenario.nodes) {
    auto lead = [&](const Route& route, const std::string& text) {
      std::vector<std::string> nexts;
      for (const auto& b : route.branches) nexts.push_back(b.next);
      nexts.push_back(route.next);
      for (const auto& next : nexts) {
        auto it = index.find(next);
        if (it != index.end()) add_reply(add_edge(index[n.id], it->second), text);
      }
    };
    for (const auto& r : n.replies) lead(r.route, r.text);
    for (const auto& [cls, reaction] : n.typed)
      lead(reaction.route, cls == "default" ? "A typed reply" : "A typed reply (" + readable_id(cls) + ")");
  }

  // The learner's path: transcript nodes in order, then the ending (or the node still open).
  if (dialogue) {
    std::vector<std::string> path;
    for (const Turn& t : dialogue->transcript()) path.push_back(t.node);
    if (const Ending* e = dialogue->ending())
      path.push_back(e->id);
    else if (const Node* n = dialogue->node(); n && dialogue->phase() == Phase::Conversation)
      path.push_back(n->id);
    int step = 0;
    for (size_t i = 0; i < path.size(); ++i) {
      auto it = index.find(path[i]);
      if (it == index.end()) continue;
      MapBox& box = map.boxes[it->second];
      ++step;
      if (box.path_step == 0) {
        box.path_step = step;
        if (!box.ending && i < dialogue->transcript().size())
          box.detail = dialogue->transcript()[i].client_line;
        else if (!box.ending)
          box.detail = dialogue->client_line();
      }
      if (i == 0) continue;
      auto prev = index.find(path[i - 1]);
      if (prev == index.end()) continue;
      MapEdge& edge = add_edge(prev->second, it->second);
      edge.on_path = true;
      if (i - 1 < dialogue->transcript().size()) edge.said = dialogue->transcript()[i - 1].reply;
    }
  }
  for (auto& box : map.boxes)
    if (!box.ending) box.label = short_line(box.detail);

  order_rows(map);
  return map;
}

}  // namespace rapport
