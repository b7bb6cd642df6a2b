// The shipped library played without reading: the first offered reply cannot win more often than
// chance, discord sticks, and MI-consistent play ends with clearly more trust than inconsistent
// play (issue 13's measures, over every scenario in scenarios/).
#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>
#include <cstdio>
#include <filesystem>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialogue.h"
#include "play_stats.h"
#include "test_support.h"

namespace rapport {
namespace {

using testing::load_shipped;

std::vector<std::string> shipped_ids() {
  std::vector<std::string> ids;
  for (const auto& e : std::filesystem::directory_iterator(std::string(RAPPORT_SOURCE_DIR) + "/scenarios"))
    if (e.path().extension() == ".json" && e.path().stem() != "schema") ids.push_back(e.path().stem().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool consistent(MiCode c) {
  switch (c) {
    case MiCode::OpenQuestion:
    case MiCode::SimpleReflection:
    case MiCode::ComplexReflection:
    case MiCode::Affirm:
    case MiCode::EmphasizeAutonomy:
    case MiCode::SeekCollaboration:
    case MiCode::PersuadeWithPermission: return true;
    default: return false;
  }
}

struct RandomPlay {
  double consistent_share = 0;
  int inconsistent = 0;
  int final_trust = 0;
  std::string ending_kind;
};

std::vector<RandomPlay> random_plays(const Scenario& s, int n) {
  std::uint64_t x = 0x9E3779B97F4A7C15ull;
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  std::vector<RandomPlay> out;
  for (int p = 0; p < n; ++p) {
    Dialogue d(s, static_cast<std::uint32_t>(next() | 1u));
    while (d.phase() == Phase::Prepare) d.choose_prep(d.prep_order()[next() % d.prep_order().size()]);
    for (int t = 0; t < 200 && d.phase() == Phase::Conversation; ++t) d.choose(next() % d.offered().size());
    if (d.phase() != Phase::Ended) continue;
    RandomPlay r;
    int good = 0;
    for (const Turn& t : d.transcript()) good += consistent(t.code);
    r.consistent_share = d.transcript().empty() ? 0 : static_cast<double>(good) / d.transcript().size();
    r.inconsistent = d.mi_inconsistent_replies();
    r.final_trust = d.value("trust");
    r.ending_kind = d.ending()->kind;
    out.push_back(r);
  }
  return out;
}

TEST(Library, DiscordSticksInEveryScenario) {
  for (const std::string& id : shipped_ids()) {
    const Scenario s = load_shipped(id);
    int discordant = 0;
    for (const RandomPlay& r : random_plays(s, 200)) {
      if (r.inconsistent < kDiscordLimit) continue;
      ++discordant;
      EXPECT_NE(r.ending_kind, "breakthrough")
          << id << ": a breakthrough after " << r.inconsistent << " MI-inconsistent replies";
    }
    EXPECT_GT(discordant, 0) << id << ": random play never tried two MI-inconsistent replies";
  }
}

TEST(Library, ConsistentPlayEndsWithMoreTrust) {
  for (const std::string& id : shipped_ids()) {
    std::vector<RandomPlay> plays = random_plays(load_shipped(id), 200);
    ASSERT_GE(plays.size(), 100u) << id;
    std::sort(plays.begin(), plays.end(),
              [](const RandomPlay& a, const RandomPlay& b) { return a.consistent_share < b.consistent_share; });
    const size_t q = plays.size() / 4;
    double low = 0, high = 0;
    for (size_t i = 0; i < q; ++i) {
      low += plays[i].final_trust;
      high += plays[plays.size() - 1 - i].final_trust;
    }
    low /= q;
    high /= q;
    std::printf("%-20s mean final trust: most MI-consistent quarter %.1f, least %.1f (gap %.1f)\n", id.c_str(), high,
                low, high - low);
    EXPECT_GE(high - low, 30.0) << id;
  }
}

// Playing without reading: always the first reply shown, or never the longest (or the shortest)
// reply on offer, wins no more than 5 points over random play. Reviewer W: "the longest reply is
// usually the bad one" (never choosing it won medication-change 55% of the time against 15%).
TEST(Library, PlayingWithoutReadingWinsNoMoreThanChance) {
  int plays = 0;
  double wins = 0;
  for (const std::string& id : shipped_ids()) {
    const Scenario s = load_shipped(id);
    PlayRates r = play_rates(s);
    play_avoiding_length(s, r);
    std::printf("%-20s random %.3f, first offered %.2f, never the longest %.3f, never the shortest %.3f\n", id.c_str(),
                r.random_breakthrough, r.first_choice_breakthrough, r.not_longest_breakthrough,
                r.not_shortest_breakthrough);
    EXPECT_LE(r.first_choice_breakthrough, r.random_breakthrough + 0.05) << id;
    EXPECT_EQ(length_tell_warning(r), "") << id;
    EXPECT_EQ(difficulty_warning(s, r), "") << id;
    plays += r.first_choice_plays;
    wins += r.first_choice_breakthrough * r.first_choice_plays;
  }
  std::printf("library: first offered wins %.1f%% of %d plays\n", 100 * wins / plays, plays);
  EXPECT_LE(wins / plays, 0.20);
}

// An ending is reached by many paths, typed replies among them, so its debrief tells the outcome
// and the lesson and never what the learner did: no "You asked her which...", no quoted replies
// ("('that's just maths')") that a learner who typed their own never said. What they did say is
// quoted from the transcript beside it (core/debrief.h).
TEST(Library, EndingDebriefsClaimNothingTheLearnerMayNotHaveSaid) {
  const std::regex claim(
      "\\byou (asked|let|offered|said|told|kept|gave|pushed|promised|made|took|put|met|heard|brought|chose|named|"
      "listened|started|opened|stayed|handed|treated|defended|apologised|summarised|checked|tried|showed|reflected|"
      "acknowledged|explained|admitted|blamed|argued)\\b",
      std::regex::icase);
  // A quotation: an opening quote after a space or bracket, a word, and a closing quote before
  // punctuation or a space (apostrophes inside words do not open one).
  const std::regex quoted(
      "(^|[\\s(])(['\"]|\xE2\x80\x98|\xE2\x80\x9C)[A-Za-z][^'\"]{3,}?(['\"]|\xE2\x80\x99|"
      "\xE2\x80\x9D)([\\s,.;:)!?]|$)");
  // "What gets him here is never making him repeat the history or restart the router": a claim
  // about the learner's path, shown to a reviewer who had asked him to restart the router.
  const std::regex path_claim("\\bwhat (gets|got|brings|brought) (him|her|them|you|a \\w+) here\\b", std::regex::icase);
  // "Calls like this usually get here by never defending the price", read by a reviewer who had
  // defended it and reached the breakthrough all the same: a lesson, not a claim about the way in.
  const std::regex never_claim("\\bget(s)? here (by|through) never\\b", std::regex::icase);
  // "Meetings like this get here through a straight answer to his first question", read by a
  // reviewer who had deflected it: how such meetings go is said as what usually or often happens.
  const std::regex unhedged("\\b(this|conversations|meetings|calls|appointments) (get|end)s? here\\b",
                            std::regex::icase);
  int endings = 0;
  for (const std::string& id : shipped_ids())
    for (const Ending& e : load_shipped(id).endings) {
      ++endings;
      EXPECT_FALSE(std::regex_search(e.debrief, unhedged)) << id << "/" << e.id << ": " << e.debrief;
      EXPECT_FALSE(std::regex_search(e.debrief, path_claim)) << id << "/" << e.id << ": " << e.debrief;
      EXPECT_FALSE(std::regex_search(e.debrief, never_claim)) << id << "/" << e.id << ": " << e.debrief;
      EXPECT_FALSE(std::regex_search(e.debrief, claim)) << id << "/" << e.id << ": " << e.debrief;
      EXPECT_FALSE(std::regex_search(e.debrief, quoted)) << id << "/" << e.id << ": " << e.debrief;
    }
  EXPECT_GE(endings, 36);
}

// Length is no answer key: the shuffle hides position, not length, and a learner who never reads
// and always taps the longest card (or the shortest) must not reach a breakthrough. Across the
// library the best option is the longest in at most a third of the choices, so that "say more"
// is not what the app teaches (a reviewer won 4 of 5 runs this way before the rewrite).
TEST(Library, NeitherTheLongestNorTheShortestOptionWins) {
  int prep_steps = 0, prep_longest = 0, nodes = 0, nodes_longest = 0;
  for (const std::string& id : shipped_ids()) {
    const Scenario s = load_shipped(id);
    const PlayRates r = play_rates(s, 1, 0);
    std::printf("%-20s always longest: %s, always shortest: %s\n", id.c_str(), r.longest_ending.c_str(),
                r.shortest_ending.c_str());
    EXPECT_FALSE(r.longest_breakthrough) << id << " is won by always choosing the longest text";
    EXPECT_FALSE(r.shortest_breakthrough) << id << " is won by always choosing the shortest text";
    for (const PrepStep& step : s.prep) {
      size_t longest = 0;
      for (const PrepOption& o : step.options) longest = std::max(longest, o.text.size());
      for (const PrepOption& o : step.options) prep_longest += o.recommended && o.text.size() == longest;
      ++prep_steps;
    }
    for (const Node& n : s.nodes) {
      if (n.replies.size() < 2) continue;
      int best = n.replies.front().effects.count("trust") ? n.replies.front().effects.at("trust") : 0;
      size_t longest = 0;
      for (const Reply& reply : n.replies) {
        best = std::max(best, reply.effects.count("trust") ? reply.effects.at("trust") : 0);
        longest = std::max(longest, reply.text.size());
      }
      bool best_is_longest = false;
      for (const Reply& reply : n.replies)
        best_is_longest |=
            reply.text.size() == longest && (reply.effects.count("trust") ? reply.effects.at("trust") : 0) == best;
      nodes_longest += best_is_longest;
      ++nodes;
    }
  }
  std::printf(
      "library: the recommended preparation is the longest in %d of %d steps; a best-trust reply is the "
      "longest in %d of %d nodes\n",
      prep_longest, prep_steps, nodes_longest, nodes);
  EXPECT_LE(prep_longest * 3, prep_steps);
  EXPECT_LE(nodes_longest * 3, nodes);
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

TEST(Library, DifficultyBandsFollowTheRandomBreakthroughRate) {
  EXPECT_EQ(measured_difficulty(0.20), 1);
  EXPECT_EQ(measured_difficulty(0.1999), 2);
  EXPECT_EQ(measured_difficulty(0.08), 2);
  EXPECT_EQ(measured_difficulty(0.0799), 3);
  Scenario s;
  s.difficulty = 1;
  PlayRates r;
  r.random_plays = 1000;
  r.random_breakthrough = 0.145;
  const std::string w = difficulty_warning(s, r);
  EXPECT_NE(w.find("labelled gentle (1)"), std::string::npos) << w;
  EXPECT_NE(w.find("14.5%"), std::string::npos) << w;
  s.difficulty = 2;
  EXPECT_EQ(difficulty_warning(s, r), "");
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalpha(u) || c == '\'')
      w += static_cast<char>(std::tolower(u));
    else if (!w.empty())
      out.push_back(std::move(w)), w.clear();
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

TEST(Library, HouseRulesForReplies) {
  std::vector<size_t> lengths;
  std::map<std::string, std::set<std::string>> phrases;  // five-word phrase -> scenarios using it
  for (const std::string& id : shipped_ids()) {
    const Scenario s = load_shipped(id);
    int change = 0, sustain = 0;
    for (const Node& n : s.nodes) {
      for (const ClientLine& l : n.client) change += l.talk == Talk::Change, sustain += l.talk == Talk::Sustain;
      for (const Reply& r : n.replies) {
        size_t spoken = 0;
        for (size_t i = 0; i < r.text.size(); ++i)
          spoken += !std::isspace(static_cast<unsigned char>(r.text[i])) &&
                    (i == 0 || std::isspace(static_cast<unsigned char>(r.text[i - 1])));
        lengths.push_back(spoken);
        EXPECT_LE(spoken, 45u) << id << ": node " << n.id << ": " << r.text;
        const auto w = words_of(r.text);
        for (size_t i = 0; i + 5 <= w.size(); ++i)
          phrases[w[i] + " " + w[i + 1] + " " + w[i + 2] + " " + w[i + 3] + " " + w[i + 4]].insert(id);
      }
    }
    EXPECT_GE(change, 2) << id << ": change talk is tagged on the client's lines";
    EXPECT_GE(sustain, 1) << id << ": sustain talk is tagged on the client's lines";
    for (const Ending& e : s.endings)
      EXPECT_FALSE(e.client_says.empty()) << id << ": ending " << e.id << " has no last words";
  }
  std::sort(lengths.begin(), lengths.end());
  ASSERT_FALSE(lengths.empty());
  EXPECT_LE(lengths[lengths.size() / 2], 25u) << "median reply length in words";
  for (const auto& [phrase, ids] : phrases)
    EXPECT_LE(ids.size(), 2u) << "\"" << phrase << "\" appears in " << ids.size() << " scenarios";
}

}  // namespace
}  // namespace rapport

namespace rapport {
namespace {

// Over-promises, unasked discounts and going over the client's head are coded persuade or
// confront (docs/code-audit.md); none of them gains trust, so taking one back can never leave
// more trust than not making it.
// A client line is shown after every way into its node; a line that answers one question ("Badly.
// I spent two years...", "How do you think? It was cut...") read as a non sequitur after a
// reflection (reviewers, 5 December). Such an answer belongs in the `say` of the replies that asked
// it. A line may open with an answer only when every way in without a `say` asks a question.
TEST(Library, NoClientLineAnswersAQuestionNobodyAsked) {
  // Answers to a question, and answers to a question or a proposal (advice, an offer, a plan).
  static const std::regex to_question(
      R"(^(Badly|Mainly|Mostly|All of it|Honestly\?|How do you think|Because |What matters ).*|^[A-Za-z' -]+, mainly\b.*)");
  static const std::regex to_proposal(R"(^(Yes|No|Nope|Maybe|Fine|Exactly)[.,!?].*)");
  std::vector<std::string> found;
  for (const std::string& id : shipped_ids()) {
    Scenario s = load_shipped(id);
    // Per target, the ways in without a `say`: which asked a question, which proposed something.
    struct WayIn {
      std::string from;
      bool question = false, proposal = false;
    };
    std::map<std::string, std::vector<WayIn>> ways;
    auto add = [&](const Route& r, const std::string& say, WayIn w) {
      if (!say.empty()) return;  // the `say` answers; the node's line follows it
      ways[r.next].push_back(w);
      for (const auto& b : r.branches) ways[b.next].push_back(w);
    };
    for (const Node& n : s.nodes) {
      for (size_t i = 0; i < n.replies.size(); ++i) {
        const Reply& r = n.replies[i];
        const ReactionClass c = reaction_class(r.code);
        add(r.route, r.say,
            {n.id + " reply " + std::to_string(i + 1), c == ReactionClass::Question,
             c == ReactionClass::Information || c == ReactionClass::Pressure || r.code == MiCode::SeekCollaboration ||
                 r.code == MiCode::EmphasizeAutonomy});
      }
      for (const auto& [cls, t] : n.typed)
        add(t.route, t.say, {n.id + " typed " + cls, cls == "question", cls == "information" || cls == "pressure"});
    }
    auto check = [&](const std::string& target, const std::string& line) {
      const bool needs_question = std::regex_match(line, to_question);
      const bool needs_proposal = std::regex_match(line, to_proposal);
      if (!needs_question && !needs_proposal) return;
      for (const WayIn& w : ways[target])
        if (!(w.question || (needs_proposal && w.proposal))) {
          found.push_back(id + "/" + target + ": \"" + line.substr(0, 50) + "...\" after " + w.from);
          return;
        }
    };
    for (const Node& n : s.nodes)
      for (const ClientLine& c : n.client) check(n.id, c.text);
    for (const Ending& e : s.endings) check(e.id, e.client_says);
  }
  EXPECT_TRUE(found.empty()) << found.size() << " lines answer a question that may not have been asked:\n"
                             << ::testing::PrintToString(found);
}

TEST(Library, NoMiInconsistentReplyGainsTrust) {
  for (const std::string& id : shipped_ids()) {
    const Scenario s = load_shipped(id);
    for (const Node& n : s.nodes)
      for (const Reply& r : n.replies) {
        if (!is_mi_non_adherent(r.code)) continue;
        const auto it = r.effects.find("trust");
        EXPECT_LE(it == r.effects.end() ? 0 : it->second, 0) << id << ": node " << n.id << ": " << r.text;
      }
  }
}

// A typed push (advice without asking, or a confrontation: "You have to accept September is not
// happening") never gains trust either; a reviewer's confrontation was coded as such and trust
// still rose 73 -> 75, from a node's typed pressure reaction written with an overpromise in mind.
// And where a learner can arrive without having pushed, a typed push costs trust: four nodes'
// typed pushes once went to the over-promise's node (the client answering "You can do all of it
// for £90,000?" to "You need to cut the scope") and now take the ordinary road, at a price.
// Nodes reached only by pushes (the over-promise's own road) and pushes that end the talk are
// exempt.
TEST(Library, NoTypedPushGainsTrust) {
  const auto targets = [](const Route& r) {
    std::vector<std::string> out{r.next};
    for (const Branch& b : r.branches) out.push_back(b.next);
    return out;
  };
  for (const std::string& id : shipped_ids()) {
    const Scenario s = load_shipped(id);
    std::set<std::string> calm{s.start}, nodes;
    for (const Node& n : s.nodes) {
      nodes.insert(n.id);
      for (const Reply& r : n.replies)
        if (reaction_class(r.code) != ReactionClass::Pressure)
          for (const std::string& t : targets(r.route)) calm.insert(t);
      for (const auto& [cls, t] : n.typed)
        if (cls != "pressure")
          for (const std::string& to : targets(t.route)) calm.insert(to);
    }
    for (const Node& n : s.nodes)
      if (auto t = n.typed.find("pressure"); t != n.typed.end()) {
        const auto it = t->second.effects.find("trust");
        const int trust = it == t->second.effects.end() ? 0 : it->second;
        EXPECT_LE(trust, 0) << id << ": node " << n.id;
        if (calm.contains(n.id) && nodes.contains(t->second.route.next))
          EXPECT_LT(trust, 0) << id << ": a typed push at node " << n.id << " costs nothing";
      }
  }
}

// A breakthrough has agreed next steps. A reviewer typed his way to one and the results said
// "Breakthrough" beside "0 next steps agreed", while the client's last words fixed a date; in 9
// of 12 scenarios some way in settled none. Every way into a breakthrough now settles a next step,
// on the way or in the client's last words (an ending's `establishes`). Conditions are ignored
// (every branch counts), so this holds for any state.
TEST(Library, EveryWayIntoABreakthroughAgreesANextStep) {
  for (const std::string& id : shipped_ids()) {
    const Scenario s = load_shipped(id);
    const auto step = [&](const std::vector<std::string>& points) {
      return std::any_of(points.begin(), points.end(), [&](const std::string& p) {
        return std::any_of(s.points.begin(), s.points.end(),
                           [&](const Point& q) { return q.id == p && q.kind == "next_step"; });
      });
    };
    std::set<std::pair<std::string, bool>> seen{{s.start, false}};
    std::vector<std::pair<std::string, bool>> todo{{s.start, false}};
    while (!todo.empty()) {
      const auto [at, settled] = todo.back();
      todo.pop_back();
      const Node* n = s.find_node(at);
      if (!n) continue;
      const auto follow = [&](const Route& route, const std::vector<std::string>& establishes, const std::string& how) {
        std::vector<std::string> targets{route.next};
        for (const Branch& b : route.branches) targets.push_back(b.next);
        const bool now = settled || step(establishes);
        for (const std::string& t : targets) {
          if (const Ending* e = s.find_ending(t)) {
            if (e->kind == "breakthrough")
              EXPECT_TRUE(now || step(e->establishes))
                  << id << ": " << how << " at " << at << " reaches " << t << " with no next step agreed";
          } else if (seen.insert({t, now}).second) {
            todo.push_back({t, now});
          }
        }
      };
      for (const Reply& r : n->replies) follow(r.route, r.establishes, "'" + r.text.substr(0, 40) + "...'");
      for (const auto& [cls, t] : n->typed) follow(t.route, t.establishes, "typed " + cls);
    }
  }
}

// The client's first line fits the setting chosen: reviewer M told Ama "in passing" at the lunch
// club and heard "Half an hour, and not at the counter", and answered Dana by email to find her
// saying "Let's not waste time" in a meeting. Over every mix of the other preparation choices, no
// opening line is heard under two settings.
TEST(Library, TheOpeningLineFitsTheSettingChosen) {
  for (const char* id : {"grant-rejected", "questioned-advice"}) {
    const Scenario s = load_shipped(id);
    size_t setting = s.prep.size();
    for (size_t i = 0; i < s.prep.size(); ++i)
      if (s.prep[i].topic == "setting") setting = i;
    ASSERT_LT(setting, s.prep.size()) << id;
    std::map<std::string, std::set<std::string>> settings_of;  // opening line -> settings it is heard under
    size_t mixes = 1;
    for (const PrepStep& step : s.prep) mixes *= step.options.size();
    for (size_t mix = 0; mix < mixes; ++mix) {
      Dialogue d(s);
      std::string chosen;
      for (size_t i = 0, rest = mix; i < s.prep.size(); rest /= s.prep[i].options.size(), ++i) {
        const size_t k = rest % s.prep[i].options.size();
        if (i == setting) chosen = s.prep[i].options[k].id;
        ASSERT_TRUE(d.choose_prep(k));
      }
      settings_of[d.client_line()].insert(chosen);
    }
    for (const auto& [line, settings] : settings_of) EXPECT_EQ(settings.size(), 1u) << id << ": " << line;
  }
}

}  // namespace
}  // namespace rapport
