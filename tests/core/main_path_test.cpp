// The shape of each scenario's main path (its breakthrough plan, tests/plans/<id>.plan): the
// client's objection comes back after early progress, the learner evokes change talk with a
// question, information is given the elicit-provide-elicit way, and the library does not follow
// one arc (issue 13, "Clients who push back and remember" and "More and more varied content").
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "dialogue.h"
#include "plan_format.h"
#include "test_support.h"

namespace rapport {
namespace {

using testing::load_shipped;
using testing::parse_plan;
using testing::read_text;
using testing::source_path;

/// One learner turn on the main path and the client line that answered it.
struct PathTurn {
  std::string stage;  // the roadmap stage of the node the reply answered
  MiCode code = MiCode::Other;
  bool asks = false;                // the reply's text asks something ("?")
  bool ask_give_ask = false;        // one reply that asks, says something, then asks again
  bool client_asked = false;        // the client's line before the reply asked the learner something
  bool tells = false;               // the reply has a sentence that is not a question
  bool asks_after_telling = false;  // ... and asks something after it
  Talk answer = Talk::Neutral;
  int trust_after = 0;
};

struct MainPath {
  std::string id;
  int trust_start = 0;
  std::vector<PathTurn> turns;
  std::string ending_kind;
};

/// Plays `<id>.plan` in the authored order (as the plans are written) and records each turn.
MainPath play_main_path(const std::string& id) {
  MainPath path;
  path.id = id;
  const std::string file = source_path("tests/plans/" + id + ".plan");
  testing::ParseResult parsed = parse_plan(read_text(file), file);
  if (!parsed.plan) {
    ADD_FAILURE() << parsed.error;
    return path;
  }
  static std::map<std::string, Scenario> loaded;  // the dialogue keeps a pointer to its scenario
  const Scenario& s = loaded.emplace(id, load_shipped(id)).first->second;
  Dialogue d(s);
  for (size_t step = 0; d.phase() == Phase::Prepare; ++step) {
    const PrepStep* ps = d.prep_step();
    size_t pick = 0;
    if (step < parsed.plan->prep.size())
      pick = static_cast<size_t>(parsed.plan->prep[step] - 1);
    else
      for (size_t o = 0; o < ps->options.size(); ++o)
        if (ps->options[o].recommended) pick = o;
    d.choose_prep(pick);
  }
  path.trust_start = d.value("trust");
  for (const auto& st : parsed.plan->steps) {
    if (st.kind != testing::PlanStep::Kind::Choose || d.phase() != Phase::Conversation) continue;
    const Node* at = d.node();
    PathTurn t;
    t.stage = at->stage;
    const Reply& r = at->replies[d.offered()[static_cast<size_t>(st.choice - 1)]];
    t.code = r.code;
    t.asks = r.text.find('?') != std::string::npos;
    const size_t first_q = r.text.find('?'), last_q = r.text.rfind('?');
    t.ask_give_ask = first_q != last_q && r.text.find_first_of(".;:", first_q) < last_q;
    t.client_asked = d.client_line().find('?') != std::string::npos;
    for (size_t b = 0, e; b < r.text.size() && !t.tells; b = e + 1) {
      e = r.text.find_first_of(".?!", b);
      if (e == std::string::npos) e = r.text.size();
      t.tells = e - b > 12 && (e == r.text.size() || r.text[e] != '?');
      if (t.tells) t.asks_after_telling = r.text.find('?', e) != std::string::npos;
    }
    d.choose(static_cast<size_t>(st.choice - 1));
    if (d.node()) t.answer = d.talk_of(d.node()->id, d.client_line());
    t.trust_after = d.value("trust");
    path.turns.push_back(t);
  }
  path.ending_kind = d.ending() ? d.ending()->kind : "";
  return path;
}

std::vector<MainPath> main_paths() {
  std::vector<MainPath> out;
  for (const auto& p : testing::scenario_paths())
    out.push_back(play_main_path(std::filesystem::path(p).stem().string()));
  return out;
}

/// The stages the path walks through, repeats folded ("open listen empathise solve close").
std::string arc_of(const MainPath& p) {
  std::string arc;
  std::string last;
  for (const auto& t : p.turns)
    if (t.stage != last) arc += (arc.empty() ? "" : " ") + t.stage, last = t.stage;
  return arc;
}

TEST(MainPath, SustainTalkComesBackAfterEarlyProgress) {
  for (const MainPath& p : main_paths()) {
    ASSERT_EQ(p.ending_kind, "breakthrough") << p.id;
    // Early progress: change talk heard, or trust risen above the start. Then a sustain-talk line
    // ("yes, but...") that the learner still has to answer (a turn follows it).
    bool progress = false, comes_back = false;
    for (size_t i = 0; i + 1 < p.turns.size(); ++i) {
      if (progress && p.turns[i].answer == Talk::Sustain) comes_back = true;
      progress = progress || p.turns[i].answer == Talk::Change || p.turns[i].trust_after > p.trust_start;
    }
    EXPECT_TRUE(comes_back) << p.id << ": on the main path the client never re-raises an objection "
                            << "(a sustain-talk line after early progress, answered by the learner)";
  }
}

TEST(MainPath, AQuestionEvokesChangeTalk) {
  for (const MainPath& p : main_paths()) {
    bool evoked = false;
    for (const auto& t : p.turns) evoked = evoked || (t.code == MiCode::OpenQuestion && t.answer == Talk::Change);
    EXPECT_TRUE(evoked) << p.id << ": no open question on the main path is answered with change talk";
  }
}

// Elicit-provide-elicit: information or advice is given only once the client asked for it or the
// learner asked what they know or want (a question, or asking leave), and then the learner asks
// what the client makes of it: in the same reply ("Can I walk you through...? ... Which could you
// live with?") or in the next one.
TEST(MainPath, InformationComesElicitProvideElicit) {
  // Seeking collaboration provides when it also tells ("I've got both emails here. Would you
  // read them...?"); a bare "Could we look at it together?" does not.
  auto provides = [](const PathTurn& t) {
    return t.code == MiCode::GivingInformation || t.code == MiCode::PersuadeWithPermission ||
           (t.code == MiCode::SeekCollaboration && t.tells);
  };
  for (const MainPath& p : main_paths()) {
    bool epe = false;
    for (size_t i = 0; i < p.turns.size(); ++i) {
      const auto& give = p.turns[i];
      if (!provides(give)) continue;
      if (give.ask_give_ask) epe = true;
      bool elicited =
          give.client_asked || (i > 0 && (p.turns[i - 1].asks || p.turns[i - 1].code == MiCode::SeekCollaboration));
      bool asks_after = give.asks_after_telling || (i + 1 < p.turns.size() && p.turns[i + 1].asks);
      epe = epe || (elicited && asks_after);
    }
    EXPECT_TRUE(epe) << p.id << ": no elicit-provide-elicit exchange on the main path";
  }
}

TEST(MainPath, TheLibraryHasAtLeastThreeArcs) {
  std::map<std::string, std::vector<std::string>> arcs;
  for (const MainPath& p : main_paths()) arcs[arc_of(p)].push_back(p.id);
  for (const auto& [arc, ids] : arcs) {
    std::string who;
    for (const auto& id : ids) who += " " + id;
    std::printf("arc: %-40s %zu scenario(s):%s\n", arc.c_str(), ids.size(), who.c_str());
  }
  EXPECT_GE(arcs.size(), 3u) << "every main path walks the same few stage sequences";
}

}  // namespace
}  // namespace rapport
