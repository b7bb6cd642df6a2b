// The authoring studio's editing model (core/scenario_doc.h): every edit and its undo round-trip
// to identical JSON, a scenario written through edits alone passes the loader and lint, and the
// coder's second opinion flags a mislabelled reply.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "draft_shelf.h"
#include "scenario.h"
#include "scenario_doc.h"
#include "test_support.h"

namespace rapport::authoring {
namespace {

ScenarioDoc open_builtin() { return testing::open_shipped_draft("questioned-advice"); }

/// One edit of every kind, each valid on questioned-advice.json after the ones before it.
std::vector<Edit> one_of_each() {
  using namespace edit;
  return {
      SetField{"/title", "Why should I trust your advice? (draft)"},
      SetField{"/nodes/0/replies/0/tip", nullptr},
      SetField{"/nodes/0/replies/1/say", "Go on."},
      AddNode{"", "solve", "So what would you do in my place?"},
      DuplicateNode{"open"},
      RenameNode{"concern", "her-concern"},
      AddReply{"open", "What would make this worth it for you?", MiCode::OpenQuestion, "her-concern"},
      DuplicateReply{"open", 0},
      MoveReply{"open", 0, 2},
      Relink{"open", 1, "defensive"},
      DeleteReply{"open", 3},
      AddClientLine{"open", "I've had consultants before."},
      DeleteClientLine{"open", 0},
      AddEnding{"walked-out", "rupture", "She ends the meeting"},
      DeleteEnding{"walked-out"},
      AddPrepStep{"tone", "setting", "Where do you meet?"},
      AddPrepOption{0, "quiet-room", "A quiet room with the model on screen."},
      DeletePrepOption{0, 0},
      DeletePrepStep{0},
      SetStateVariable{"openness", 55},
      SetStateVariable{"patience", 30},
      RemoveStateVariable{"patience"},
      AddPoint{"pilot-date", "next_step", "Agree the pilot's start date."},
      DeletePoint{"pilot-date"},
      DeleteNode{"defensive"},
  };
}

TEST(ScenarioDoc, EveryEditAndItsUndoRoundTripToIdenticalJson) {
  ScenarioDoc doc = open_builtin();
  const std::string original = doc.text();
  std::vector<std::string> after;
  const std::vector<Edit> edits = one_of_each();
  ASSERT_EQ(edits.size(), std::variant_size_v<Edit> + 3) << "one edit of each kind (a few twice)";
  for (const Edit& e : edits) {
    const std::string before = doc.text();
    std::string error;
    ASSERT_TRUE(doc.apply(e, &error)) << edit_label(e) << ": " << error;
    const std::string changed = doc.text();
    EXPECT_NE(changed, before) << edit_label(e) << " changed nothing";
    EXPECT_EQ(doc.undo_label(), edit_label(e));
    ASSERT_TRUE(doc.undo());
    EXPECT_EQ(doc.text(), before) << "undo of " << edit_label(e) << " is not the same JSON";
    ASSERT_TRUE(doc.redo());
    EXPECT_EQ(doc.text(), changed) << "redo of " << edit_label(e) << " is not the same JSON";
    after.push_back(changed);
  }
  // All the way back and forward again.
  for (size_t i = edits.size(); i-- > 0;) {
    EXPECT_EQ(doc.text(), after[i]);
    ASSERT_TRUE(doc.undo());
  }
  EXPECT_FALSE(doc.can_undo());
  EXPECT_EQ(doc.text(), original) << "every undo together gives back the file";
  for (size_t i = 0; i < edits.size(); ++i) {
    ASSERT_TRUE(doc.redo());
    EXPECT_EQ(doc.text(), after[i]);
  }
  EXPECT_FALSE(doc.can_redo());
  // A new edit after an undo drops what could be redone.
  ASSERT_TRUE(doc.undo());
  ASSERT_TRUE(doc.apply(edit::SetField{"/summary", "A new summary."}));
  EXPECT_FALSE(doc.can_redo());
}

TEST(ScenarioDoc, RenamingANodeMovesEveryLinkToIt) {
  ScenarioDoc doc = open_builtin();
  const std::string before = doc.text();
  ASSERT_TRUE(doc.apply(edit::RenameNode{"concern", "her-concern"}));
  const std::string text = doc.text();
  EXPECT_EQ(text.find("\"concern\""), std::string::npos) << "a link still names the old id";
  auto loaded = load_scenario(text, "renamed.json");
  EXPECT_TRUE(loaded.ok()) << (loaded.errors.empty() ? "" : loaded.errors.front());
  EXPECT_TRUE(loaded.scenario->find_node("her-concern"));
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.text(), before);
}

TEST(ScenarioDoc, EditsThatDoNotApplySayWhyAndChangeNothing) {
  ScenarioDoc doc = open_builtin();
  const std::string before = doc.text();
  const int revision = doc.revision();
  std::string error;
  EXPECT_FALSE(doc.apply(edit::DeleteNode{"nowhere"}, &error));
  EXPECT_EQ(error, "no node 'nowhere'");
  EXPECT_FALSE(doc.apply(edit::AddNode{"open"}, &error));
  EXPECT_NE(error.find("already used"), std::string::npos) << error;
  EXPECT_FALSE(doc.apply(edit::RenameNode{"open", "breakthrough"}, &error)) << "an ending's id";
  EXPECT_FALSE(doc.apply(edit::SetField{"/nodes/0/id", "x"}, &error));
  EXPECT_NE(error.find("renaming"), std::string::npos) << error;
  EXPECT_FALSE(doc.apply(edit::SetField{"/nodes/99/text", "x"}, &error));
  EXPECT_FALSE(doc.apply(edit::SetField{"no-slash", "x"}, &error));
  EXPECT_FALSE(doc.apply(edit::DeleteReply{"open", 40}, &error));
  EXPECT_FALSE(doc.apply(edit::RemoveStateVariable{"trust"}, &error));
  EXPECT_FALSE(doc.apply(edit::SetStateVariable{"trust", 101}, &error));
  EXPECT_EQ(doc.text(), before);
  EXPECT_EQ(doc.revision(), revision);
  EXPECT_FALSE(doc.can_undo());
}

/// Writes a whole six-node scenario into a blank draft, through edits only.
void write_six_nodes(ScenarioDoc& doc) {
  using namespace edit;
  auto set = [&](const std::string& ptr, Json value) {
    std::string error;
    ASSERT_TRUE(doc.apply(SetField{ptr, std::move(value)}, &error)) << ptr << ": " << error;
  };
  auto apply = [&](const Edit& e) {
    std::string error;
    ASSERT_TRUE(doc.apply(e, &error)) << edit_label(e) << ": " << error;
  };
  set("/title", "The late delivery");
  set("/summary", "A client whose order is late for the third time wants to cancel.");
  set("/domain", "customer_service");
  set("/challenge", "project_delays");
  set("/briefing", "You manage the account. Priya's order is two weeks late and she has asked to talk.");
  set("/client/name", "Priya Shah");
  set("/client/role", "Purchasing lead");
  set("/client/wants", "Stock on her shelves before the sale starts.");
  set("/client/fears", "Being blamed by her director for choosing your firm.");
  set("/nodes/0/client/0/text", "This is the third time. Why should I keep ordering from you?");
  apply(SetStateVariable{"tension", 60});
  const char* ids[] = {"start", "worry", "options", "plan", "pushback", "close"};
  for (int i = 1; i < 6; ++i) apply(AddNode{ids[i], i == 4 ? "listen" : "solve", ""});
  const char* lines[] = {nullptr,
                         "My director asked me this morning why we still use you.",
                         "What can you actually do before the sale?",
                         "If the van leaves Friday, I can work with that.",
                         "Don't lecture me about supply chains.",
                         "Fine. Send me that in writing."};
  for (int i = 1; i < 6; ++i) set("/nodes/" + std::to_string(i) + "/client/0/text", lines[i]);
  apply(AddEnding{"kept", "breakthrough", "Priya stays"});
  apply(AddEnding{"maybe", "partial", "Priya will think about it"});
  apply(AddEnding{"lost", "rupture", "Priya cancels"});
  for (int e = 0; e < 3; ++e) set("/endings/" + std::to_string(e) + "/debrief", "What happened and why it mattered.");
  // Each node: an open question, a reflection and an MI-inconsistent reply with a better one.
  const char* next_good[] = {"worry", "options", "plan", "close", "options", "kept"};
  const char* next_bad[] = {"pushback", "pushback", "pushback", "maybe", "lost", "maybe"};
  for (int i = 0; i < 6; ++i) {
    apply(AddReply{ids[i], "What would help you most right now?", MiCode::OpenQuestion, next_good[i]});
    apply(AddReply{ids[i], "You're worried this will come back on you with your director.", MiCode::ComplexReflection,
                   next_good[i]});
    apply(AddReply{ids[i], "You need to understand that delays happen to everyone.", MiCode::Persuade, next_bad[i]});
    set("/nodes/" + std::to_string(i) + "/replies/2/better", "Ask what the delay has cost her this week.");
    set("/nodes/" + std::to_string(i) + "/typed/default/next", next_good[i]);
  }
}

TEST(ScenarioDoc, AScenarioWrittenThroughEditsAlonePassesTheLoaderAndLint) {
  ScenarioDoc doc = ScenarioDoc::blank("late-delivery");
  // A blank draft lists what is left to write, pinned where it goes.
  auto first = doc.problems();
  ASSERT_FALSE(first.empty());
  bool pinned = false;
  for (const Problem& p : first) pinned |= p.pointer == "/nodes/0/client/0/text" && p.node == "start";
  EXPECT_TRUE(pinned) << "the empty first line is pinned to the start node";

  write_six_nodes(doc);
  if (HasFatalFailure()) return;
  std::vector<Problem> problems = doc.problems();
  for (const Problem& p : problems) ADD_FAILURE() << p.pointer << ": " << p.message;
  auto loaded = load_scenario(doc.text(), "late-delivery.json");
  ASSERT_TRUE(loaded.ok()) << loaded.errors.front();
  EXPECT_EQ(loaded.scenario->nodes.size(), 6u);
}

TEST(ScenarioDoc, ALintErrorIsPinnedToItsNodeAndClearsWhenFixed) {
  ScenarioDoc doc = ScenarioDoc::blank("late-delivery");
  write_six_nodes(doc);
  if (HasFatalFailure()) return;
  ASSERT_TRUE(doc.apply(edit::Relink{"worry", 1, "nowhere"}));
  bool found = false;
  for (const Problem& p : doc.problems())
    if (p.node == "worry" && p.reply == 1 && p.message.find("nowhere") != std::string::npos) found = true;
  EXPECT_TRUE(found) << "a link to nowhere is pinned to node 'worry', reply 2";
  ASSERT_TRUE(doc.undo());
  EXPECT_TRUE(doc.problems().empty());
}

TEST(ScenarioDoc, TheCoderFlagsAMislabelledReplyWithItsCues) {
  ScenarioDoc doc = ScenarioDoc::blank("late-delivery");
  write_six_nodes(doc);
  if (HasFatalFailure()) return;
  // Advice labelled as a complex reflection.
  ASSERT_TRUE(doc.apply(
      edit::AddReply{"plan", "You should just sign the new contract today.", MiCode::ComplexReflection, "close"}));
  std::vector<Problem> flags;
  for (const Problem& p : doc.problems())
    if (p.kind == Problem::Kind::CoderDisagrees) flags.push_back(p);
  ASSERT_EQ(flags.size(), 1u) << "only the mislabelled reply is flagged";
  EXPECT_EQ(flags[0].node, "plan");
  EXPECT_EQ(flags[0].reply, 3);
  EXPECT_EQ(flags[0].pointer, "/nodes/3/replies/3/code");
  EXPECT_NE(flags[0].message.find("you labelled this complex reflection; it reads as "), std::string::npos)
      << flags[0].message;
  EXPECT_EQ(flags[0].message.find("reads as complex reflection"), std::string::npos);
  // Relabelled as what it is, the flag goes.
  ASSERT_TRUE(doc.apply(edit::SetField{"/nodes/3/replies/3/code", "persuade"}));
  ASSERT_TRUE(doc.apply(edit::SetField{"/nodes/3/replies/3/better", "Ask what would make signing easier."}));
  for (const Problem& p : doc.problems()) ADD_FAILURE() << p.pointer << ": " << p.message;
}

// A better reply is words a learner may copy: heard as pushing, the studio flags it (reviewer Y).
TEST(ScenarioDoc, ABetterReplyHeardAsPushingIsFlagged) {
  ScenarioDoc doc = ScenarioDoc::blank("late-delivery");
  write_six_nodes(doc);
  if (HasFatalFailure()) return;
  ASSERT_TRUE(doc.apply(edit::SetField{"/nodes/2/replies/2/better", "You should just sign the new contract today."}));
  std::vector<Problem> flags;
  for (const Problem& p : doc.problems())
    if (p.kind == Problem::Kind::CoderDisagrees) flags.push_back(p);
  ASSERT_EQ(flags.size(), 1u);
  EXPECT_EQ(flags[0].pointer, "/nodes/2/replies/2/better");
  EXPECT_EQ(flags[0].reply, 2);
  EXPECT_NE(flags[0].message.find("this better reply is heard as advice without permission"), std::string::npos)
      << flags[0].message;
  ASSERT_TRUE(doc.apply(edit::SetField{"/nodes/2/replies/2/better", "Ask what the delay has cost her this week."}));
  for (const Problem& p : doc.problems()) ADD_FAILURE() << p.pointer << ": " << p.message;
}

TEST(ScenarioDoc, OnlyReadingsThatChangeTheSpiritOrTheFormAreFlagged) {
  // Flagged: MI-consistent against non-adherent either way, reflections against questions.
  EXPECT_TRUE(disagreement_matters(MiCode::ComplexReflection, MiCode::Persuade));
  EXPECT_TRUE(disagreement_matters(MiCode::OpenQuestion, MiCode::Confront));
  EXPECT_TRUE(disagreement_matters(MiCode::Confront, MiCode::ComplexReflection));
  EXPECT_TRUE(disagreement_matters(MiCode::Persuade, MiCode::EmphasizeAutonomy));
  EXPECT_TRUE(disagreement_matters(MiCode::ComplexReflection, MiCode::OpenQuestion));
  EXPECT_TRUE(disagreement_matters(MiCode::ClosedQuestion, MiCode::SimpleReflection));
  // Not flagged: function codes in any form, open against closed, reflection against information,
  // and neutral readings of a pushy reply.
  EXPECT_FALSE(disagreement_matters(MiCode::SeekCollaboration, MiCode::OpenQuestion));
  EXPECT_FALSE(disagreement_matters(MiCode::SeekCollaboration, MiCode::ClosedQuestion));
  EXPECT_FALSE(disagreement_matters(MiCode::EmphasizeAutonomy, MiCode::GivingInformation));
  EXPECT_FALSE(disagreement_matters(MiCode::OpenQuestion, MiCode::ClosedQuestion));
  EXPECT_FALSE(disagreement_matters(MiCode::SimpleReflection, MiCode::GivingInformation));
  EXPECT_FALSE(disagreement_matters(MiCode::Confront, MiCode::GivingInformation));
  EXPECT_FALSE(disagreement_matters(MiCode::PersuadeWithPermission, MiCode::GivingInformation));
}

TEST(ScenarioDoc, TheStatisticsFollowTheDraftAndCountWinsAfterAPushyReply) {
  ScenarioDoc doc = ScenarioDoc::blank("late-delivery");
  EXPECT_FALSE(draft_stats(doc)) << "no statistics while the draft does not load";
  write_six_nodes(doc);
  if (HasFatalFailure()) return;
  auto stats = draft_stats(doc);
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->shape.nodes, 6);
  EXPECT_EQ(stats->shape.replies, 18);
  EXPECT_EQ(stats->play.random_plays, 300);
  EXPECT_GT(stats->play.random_breakthrough, 0.0);
  EXPECT_GT(stats->play.random_mean_turns, 3.0);
  // A persuading reply leads to 'pushback', from where the conversation can still be won.
  EXPECT_GT(stats->play.random_inconsistent_wins, 0);
  // Send every persuading reply to the rupture: no win passes through one any more.
  for (const char* node : {"start", "worry", "options", "plan", "pushback", "close"})
    ASSERT_TRUE(doc.apply(edit::Relink{node, 2, "lost"}));
  stats = draft_stats(doc);
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->play.random_inconsistent_wins, 0);
}

}  // namespace
}  // namespace rapport::authoring
