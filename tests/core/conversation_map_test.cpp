// The roadmap screen's model: stage ratings from a played session and the conversation map's
// layout and path, without ImGui.
#include "conversation_map.h"

#include <algorithm>
#include <iostream>
#include <stdexcept>

#include <gtest/gtest.h>

#include "test_support.h"

namespace rapport {
namespace {

/// Plays `choices` (0-based offered positions) after prep: recommended options, or the first
/// option that is not recommended.
Dialogue play_session(const Scenario& s, const std::vector<size_t>& choices, bool recommended_prep = true) {
  Dialogue d(s);
  while (d.phase() == Phase::Prepare) {
    const PrepStep* step = d.prep_step();
    size_t pick = 0;
    for (size_t i = 0; i < step->options.size(); ++i)
      if (step->options[i].recommended == recommended_prep) {
        pick = i;
        break;
      }
    EXPECT_TRUE(d.choose_prep(pick));
  }
  for (size_t c : choices) EXPECT_TRUE(d.choose(c)) << "at node " << (d.node() ? d.node()->id : "?");
  return d;
}

const RoadmapStep& step(const std::vector<RoadmapStep>& steps, const std::string& id) {
  auto it = std::find_if(steps.begin(), steps.end(), [&](const RoadmapStep& s) { return s.id == id; });
  if (it == steps.end()) throw std::runtime_error("no step " + id);
  return *it;
}

const MapBox& box(const ConversationMap& map, const std::string& id) {
  auto it = std::find_if(map.boxes.begin(), map.boxes.end(), [&](const MapBox& b) { return b.id == id; });
  if (it == map.boxes.end()) throw std::runtime_error("no box " + id);
  return *it;
}

const std::vector<size_t> kMapBreakthrough{0, 0, 0, 1, 0, 0, 0, 0};

TEST(RoadmapModel, BreakthroughIsStrongUntilTheFollowUp) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d = play_session(s, kMapBreakthrough);
  ASSERT_EQ(d.ending()->kind, "breakthrough");
  auto steps = roadmap_steps(s, d, score_session(d));
  std::vector<std::string> ids;
  for (const auto& st : steps) ids.push_back(st.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"prepare", "setting", "open", "listen", "empathise", "solve", "follow_up"}));
  for (const char* id : {"prepare", "setting", "open", "listen", "empathise", "solve"})
    EXPECT_EQ(step(steps, id).status, StepStatus::Strong) << id << ": " << step(steps, id).reason;
  EXPECT_EQ(step(steps, "follow_up").status, StepStatus::ToWorkOn);
  EXPECT_EQ(step(steps, "listen").label, "Listen");
  EXPECT_EQ(step(steps, "listen").reason, "Both replies here kept the client talking.");
  for (const auto& st : steps) EXPECT_FALSE(st.reason.empty()) << st.id;
}

TEST(RoadmapModel, FollowUpIsStrongOnceTheEmailCoversTheEssentials) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d = play_session(s, kMapBreakthrough);
  auto steps = roadmap_steps(s, d, score_session(d, 1.0));
  EXPECT_EQ(step(steps, "follow_up").status, StepStatus::Strong);
}

TEST(RoadmapModel, RuptureLeavesLaterStagesNotReached) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d = play_session(s, {2, 2});
  ASSERT_EQ(d.phase(), Phase::Ended);
  ASSERT_EQ(d.ending()->kind, "rupture");
  auto steps = roadmap_steps(s, d, score_session(d));
  EXPECT_EQ(step(steps, "prepare").status, StepStatus::Strong);
  EXPECT_EQ(step(steps, "open").status, StepStatus::ToWorkOn);
  EXPECT_NE(step(steps, "open").reason.find("0 of 1"), std::string::npos) << step(steps, "open").reason;
  EXPECT_NE(step(steps, "open").reason.find(std::string(code_label(MiCode::Persuade))), std::string::npos);
  EXPECT_EQ(step(steps, "listen").status, StepStatus::ToWorkOn);
  EXPECT_EQ(step(steps, "empathise").status, StepStatus::NotReached);
  EXPECT_EQ(step(steps, "solve").status, StepStatus::NotReached);
  EXPECT_EQ(step(steps, "follow_up").status, StepStatus::ToWorkOn);
}

TEST(RoadmapModel, WeakPreparationIsToWorkOn) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d = play_session(s, kMapBreakthrough, false);
  auto steps = roadmap_steps(s, d, score_session(d));
  EXPECT_EQ(step(steps, "prepare").status, StepStatus::ToWorkOn);
  EXPECT_EQ(step(steps, "setting").status, StepStatus::ToWorkOn);
}

TEST(RoadmapModel, UnfinishedSessionHasNotReachedStages) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue fresh(s);
  auto none = roadmap_steps(s, fresh, score_session(fresh));
  for (const auto& st : none) EXPECT_EQ(st.status, StepStatus::NotReached) << st.id;
  Dialogue d = play_session(s, {0});
  auto steps = roadmap_steps(s, d, score_session(d));
  EXPECT_EQ(step(steps, "open").status, StepStatus::Strong);
  EXPECT_EQ(step(steps, "listen").status, StepStatus::NotReached);
  EXPECT_EQ(step(steps, "follow_up").status, StepStatus::NotReached);
  EXPECT_EQ(status_label(StepStatus::ToWorkOn), "to work on");
}

TEST(RoadmapModel, MapLayersNodesByDepthWithEndingsLast) {
  Scenario s = testing::load_shipped("questioned-advice");
  ConversationMap map = build_conversation_map(s, nullptr);
  EXPECT_EQ(map.boxes.size(), s.nodes.size() + s.endings.size());
  EXPECT_EQ(box(map, "open").column, 0);
  EXPECT_EQ(box(map, "concern").column, 1);
  EXPECT_EQ(box(map, "defensive").column, 1);
  EXPECT_EQ(box(map, "history").column, 2);
  // A node is named by what the client says there, not by its id.
  EXPECT_EQ(box(map, "defensive_late").label, short_line(s.find_node("defensive_late")->client.front().text));
  EXPECT_NE(box(map, "defensive_late").label.find(' '), std::string::npos);
  EXPECT_EQ(box(map, "open").stage, "open");
  int last_node_column = 0;
  for (const auto& b : map.boxes)
    if (!b.ending) last_node_column = std::max(last_node_column, b.column);
  for (const char* id : {"breakthrough", "partial", "rupture"}) {
    const MapBox& e = box(map, id);
    EXPECT_TRUE(e.ending);
    EXPECT_EQ(e.column, last_node_column + 1);
    EXPECT_EQ(e.column, map.columns - 1);
    EXPECT_FALSE(e.detail.empty());
  }
  EXPECT_EQ(box(map, "rupture").kind, "rupture");
  EXPECT_EQ(box(map, "breakthrough").label, "Breakthrough");
  // Rows are distinct within a column and fit the reported row count.
  for (const auto& a : map.boxes)
    for (const auto& b : map.boxes)
      if (&a != &b && a.column == b.column) {
        EXPECT_NE(a.row, b.row) << a.id << " " << b.id;
      }
  for (const auto& b : map.boxes) EXPECT_LT(b.row, map.rows);
  // Every reply route appears as an edge; no path without a dialogue.
  const MapBox* from = &box(map, "defensive");
  size_t from_i = static_cast<size_t>(from - map.boxes.data());
  size_t to_i = static_cast<size_t>(&box(map, "rupture") - map.boxes.data());
  EXPECT_TRUE(std::any_of(map.edges.begin(), map.edges.end(),
                          [&](const MapEdge& e) { return e.from == from_i && e.to == to_i; }));
  for (const auto& e : map.edges) EXPECT_FALSE(e.on_path);
  for (const auto& b : map.boxes) EXPECT_EQ(b.path_step, 0);
}

TEST(RoadmapModel, MapMarksTheLearnersPath) {
  Scenario s = testing::load_shipped("questioned-advice");
  Dialogue d = play_session(s, kMapBreakthrough);
  ConversationMap map = build_conversation_map(s, &d);
  EXPECT_EQ(box(map, "open").path_step, 1);
  EXPECT_EQ(box(map, "open").detail, d.transcript()[0].client_line);
  EXPECT_EQ(box(map, "breakthrough").path_step, 9);
  EXPECT_EQ(box(map, "defensive").path_step, 0);
  EXPECT_EQ(box(map, "rupture").path_step, 0);
  long on_path = std::count_if(map.edges.begin(), map.edges.end(), [](const MapEdge& e) { return e.on_path; });
  EXPECT_EQ(on_path, 8);
  for (const auto& e : map.edges)
    if (e.on_path) {
      EXPECT_GT(map.boxes[e.from].path_step, 0);
      EXPECT_EQ(map.boxes[e.to].path_step, map.boxes[e.from].path_step + 1);
      // The arrow says what the learner said at its start, one of the replies that lead along it.
      const Turn& turn = d.transcript()[static_cast<size_t>(map.boxes[e.from].path_step - 1)];
      EXPECT_EQ(e.said, turn.reply);
      EXPECT_NE(std::find(e.replies.begin(), e.replies.end(), turn.reply), e.replies.end()) << turn.reply;
    } else {
      EXPECT_TRUE(e.said.empty());
    }
  // The open box's label is the line the client said on this path.
  EXPECT_EQ(box(map, "open").label, short_line(d.transcript()[0].client_line));
}

TEST(RoadmapModel, ShortLinesKeepWholeSentencesAndCharacters) {
  EXPECT_EQ(short_line("  Fine.  "), "Fine.");
  EXPECT_EQ(short_line("Look. I have been let down before, twice, by people who said exactly that.", 40), "Look.");
  EXPECT_EQ(short_line("Look. Again? I have been let down before, twice, by people like you.", 20), "Look. Again?");
  EXPECT_EQ(short_line("I have been let down before by people who said exactly that", 30),
            "I have been let down before\xE2\x80\xA6");
  // Cut inside "é" (two bytes): the character goes whole or not at all.
  std::string cut = short_line("Il a d\xC3\xA9j\xC3\xA0 dit cela tant de fois", 7);
  EXPECT_EQ(cut, "Il a\xE2\x80\xA6");
  std::string no_space = short_line("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 5);
  EXPECT_EQ(no_space, "\xC3\xA9\xC3\xA9\xE2\x80\xA6");
}

/// A node whose replies lead to `next`, one reply each.
Node node(const std::string& id, const std::vector<std::string>& next) {
  Node n;
  n.id = id;
  n.stage = "open";
  for (const auto& target : next) {
    Reply r;
    r.text = "to " + target;
    r.route.next = target;
    n.replies.push_back(r);
  }
  return n;
}

ConversationMap two_by_two(bool crossed) {
  ConversationMap map;
  map.columns = 2;
  map.rows = 2;
  for (int i = 0; i < 4; ++i) {
    MapBox b;
    b.id = std::string(1, static_cast<char>('a' + i));
    b.column = i / 2;
    b.row = i % 2;
    map.boxes.push_back(b);
  }
  map.edges.push_back({0, crossed ? 3u : 2u, false});
  map.edges.push_back({1, crossed ? 2u : 3u, false});
  return map;
}

TEST(RoadmapModel, CountsCrossingArrows) {
  EXPECT_EQ(count_crossings(two_by_two(true)), 1);
  EXPECT_EQ(count_crossings(two_by_two(false)), 0);
  ConversationMap fan = two_by_two(false);
  fan.edges.push_back({0, 3, false});  // a -> d shares a box with both others: never a crossing
  EXPECT_EQ(count_crossings(fan), 0);
  ConversationMap back = two_by_two(true);
  back.edges.push_back({3, 0, false});  // a backward arrow is drawn on the other side: not counted
  EXPECT_EQ(count_crossings(back), 1);
}

TEST(RoadmapModel, MapOrdersRowsSoThatArrowsDoNotCross) {
  // open -> first, second; first -> late ending, second -> early ending. In the order the
  // scenario lists them the two last arrows cross; swapping the endings uncrosses them.
  Scenario s;
  s.id = "crossing";
  s.start = "open";
  s.nodes = {node("open", {"first", "second"}), node("first", {"late"}), node("second", {"early"})};
  s.endings = {{"early", "partial", "Early", ""}, {"late", "breakthrough", "Late", ""}};
  ConversationMap map = build_conversation_map(s, nullptr);
  EXPECT_EQ(count_crossings(map), 0);
  EXPECT_LT(box(map, "first").row, box(map, "second").row);
  EXPECT_LT(box(map, "late").row, box(map, "early").row);
}

TEST(RoadmapModel, ShippedMapsAreLocallyUncrossed) {
  for (const char* id : {"questioned-advice", "price-objection", "budget-cut", "lead-target", "medication-change",
                         "late-again", "market-drop", "repeat-complaint", "scope-mixup"}) {
    Scenario s = testing::load_shipped(id);
    ConversationMap map = build_conversation_map(s, nullptr);
    const int crossings = count_crossings(map);
    // No swap of two neighbours in a column removes a crossing.
    for (size_t a = 0; a < map.boxes.size(); ++a)
      for (size_t b = 0; b < map.boxes.size(); ++b) {
        if (map.boxes[a].column != map.boxes[b].column || map.boxes[b].row != map.boxes[a].row + 1) continue;
        ConversationMap swapped = map;
        std::swap(swapped.boxes[a].row, swapped.boxes[b].row);
        EXPECT_GE(count_crossings(swapped), crossings)
            << id << ": swapping " << map.boxes[a].id << " and " << map.boxes[b].id;
      }
    std::cout << "     " << id << ": " << map.boxes.size() << " boxes, " << map.edges.size() << " arrows, " << crossings
              << " crossings\n";
  }
}

TEST(RoadmapModel, ArrowsCarryTheRepliesThatLeadAlongThem) {
  Scenario s;
  s.id = "replies";
  s.start = "open";
  s.nodes = {node("open", {"first", "second", "first"}), node("first", {"end"}), node("second", {"end"})};
  s.nodes[0].replies[2].text = "another way to first";
  TypedReaction typed;
  typed.route.next = "second";
  s.nodes[0].typed["reflection"] = typed;
  s.endings = {{"end", "breakthrough", "End", ""}};
  ConversationMap map = build_conversation_map(s, nullptr);
  auto edge = [&](const char* from, const char* to) {
    for (const auto& e : map.edges)
      if (map.boxes[e.from].id == from && map.boxes[e.to].id == to) return e;
    ADD_FAILURE() << from << " -> " << to;
    return MapEdge{};
  };
  EXPECT_EQ(edge("open", "first").replies, (std::vector<std::string>{"to first", "another way to first"}));
  EXPECT_EQ(edge("open", "second").replies, (std::vector<std::string>{"to second", "A typed reply (Reflection)"}));
  EXPECT_EQ(edge("first", "end").replies, (std::vector<std::string>{"to end"}));
}

TEST(RoadmapModel, ReadableIds) {
  EXPECT_EQ(readable_id("defensive_late"), "Defensive late");
  EXPECT_EQ(readable_id("wrap-up"), "Wrap up");
  EXPECT_EQ(readable_id(""), "");
}

}  // namespace
}  // namespace rapport
