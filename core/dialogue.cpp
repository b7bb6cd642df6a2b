// Conversation engine implementation; see dialogue.h.
#include "dialogue.h"
#include "reply_match.h"
#include "answer_in_place.h"

#include "coaching.h"
#include "followup.h"
#include "reply_coder.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace rapport {

using json = nlohmann::json;

std::string phase_id(Phase phase) {
  switch (phase) {
    case Phase::Prepare: return "prepare";
    case Phase::Conversation: return "conversation";
    case Phase::Ended: return "ended";
  }
  return "prepare";
}

namespace {

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

}  // namespace

std::vector<size_t> shuffled_order(std::vector<size_t> items, std::uint32_t seed, const std::string& where) {
  if (seed == 0 || items.size() < 2) return items;
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a of the place, so each node gets its own order
  for (unsigned char c : where) h = (h ^ c) * 1099511628211ull;
  std::uint64_t state = splitmix(h ^ (static_cast<std::uint64_t>(seed) << 17));
  // Fisher-Yates with a bounded draw from the 64-bit stream.
  for (size_t i = items.size() - 1; i > 0; --i) {
    state = splitmix(state);
    std::swap(items[i], items[static_cast<size_t>(state % (i + 1))]);
  }
  return items;
}

Dialogue::Dialogue(const Scenario& scenario, std::uint32_t seed)
    : scenario_(&scenario), seed_(seed), state_(scenario.initial_state) {
  if (scenario.prep.empty()) start_conversation();
}

const PrepStep* Dialogue::prep_step() const {
  if (phase_ != Phase::Prepare || prep_choices_.size() >= scenario_->prep.size()) return nullptr;
  return &scenario_->prep[prep_choices_.size()];
}

std::vector<size_t> Dialogue::prep_order() const {
  const PrepStep* step = prep_step();
  if (!step) return {};
  std::vector<size_t> order(step->options.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  return shuffled_order(std::move(order), seed_, "prep:" + step->id);
}

bool Dialogue::choose_prep(size_t index) {
  const PrepStep* step = prep_step();
  if (!step || index >= step->options.size()) return false;
  const PrepOption& opt = step->options[index];
  prep_choices_.push_back(opt.id);
  apply(opt.effects);
  for (const auto& f : opt.sets_flags) flags_.insert(f);
  if (prep_choices_.size() == scenario_->prep.size()) start_conversation();
  return true;
}

void Dialogue::start_conversation() {
  phase_ = Phase::Conversation;
  initial_after_prep_ = state_;
  enter_node(scenario_->start, "");
}

const Node* Dialogue::node() const { return phase_ == Phase::Conversation ? scenario_->find_node(node_) : nullptr; }

int Dialogue::value(const std::string& var) const {
  auto it = state_.find(var);
  return it == state_.end() ? 0 : it->second;
}

bool Dialogue::holds(const Condition& c) const {
  for (const auto& [var, lo] : c.min)
    if (value(var) < lo) return false;
  for (const auto& [var, hi] : c.max)
    if (value(var) > hi) return false;
  for (const auto& f : c.flags)
    if (!flags_.count(f)) return false;
  return true;
}

void Dialogue::apply(const Effects& effects) {
  for (const auto& [var, delta] : effects) {
    auto it = state_.find(var);
    if (it == state_.end()) continue;  // the loader rejects unknown variables
    it->second = std::clamp(it->second + delta, 0, 100);
  }
}

std::string Dialogue::resolve(const Route& route) {
  threshold_.reset();
  for (const auto& b : route.branches) {
    if (!holds(b.when)) continue;
    if (b.when.flags.empty() && b.when.min.empty() && !b.when.max.empty()) {
      const auto& [var, limit] = *b.when.max.begin();
      threshold_ = HeldBack{var, limit, value(var), route.next};
    }
    return b.next;
  }
  return route.next;
}

namespace {
/// A node's line without the "Right." / "Okay." / "Well." it opens with, when the client has just
/// said something else first (a reaction's `say`, an answer to an offer): reviewer P met "...and a
/// call the same day if anything slips. Right. Whether it's picking..." as one stitched turn.
std::string_view after_words_said(std::string_view line) {
  for (std::string_view w : {"Right. ", "Okay. ", "OK. ", "Well. "})
    if (line.size() > w.size() && line.starts_with(w)) return line.substr(w.size());
  return line;
}
}  // namespace

void Dialogue::enter_node(const std::string& id, const std::string& say, bool pushed) {
  node_ = id;
  const Node* n = scenario_->find_node(id);
  client_line_ = say;
  if (!n) return;
  // The first variant whose condition holds. Straight after being pushed, though, a client does
  // not talk themselves into change ("Okay, I can take that to him"): pressure draws sustain talk
  // or discord (codebook), so a change-talk variant gives way to the next variant that holds.
  // Nor, straight after the learner's advice, does the client ask for it ("So convince me, then.
  // What would you say if you were in my chair?" followed reviewer W's "Since you asked, one option
  // is...").
  const bool advised = !turns_.empty() &&
                       (turns_.back().code == MiCode::PersuadeWithPermission || turns_.back().code == MiCode::Persuade);
  const ClientLine* shown = nullptr;
  for (const auto& line : n->client) {
    if (!holds(line.when)) continue;
    if (!shown) shown = &line;
    if ((!pushed || line.talk != Talk::Change) && !(advised && asks_for_advice(line.text))) {
      shown = &line;
      break;
    }
  }
  if (!shown) return;
  if (client_line_.empty()) {
    client_line_ = shown->text;
  } else {
    client_line_ += " ";
    client_line_ += after_words_said(shown->text);
  }
}

const ClientLine* Dialogue::line_said(const std::string& node, const std::string& shown) const {
  const Node* n = scenario_->find_node(node);
  if (!n) return nullptr;
  // A line answered in place (answer_in_place.h) is the whole of what the client said.
  const Client& c = scenario_->client;
  for (const auto* lines : {&c.permission, &c.scale, &c.scale_why})
    for (const ClientLine& line : *lines)
      if (shown == line.text) return &line;
  for (const ClientLine& line : n->client)
    if (!line.text.empty() && (shown.ends_with(line.text) ||
                               (shown.size() > line.text.size() && shown.ends_with(after_words_said(line.text)))))
      return &line;
  return nullptr;
}

void Dialogue::advance(const std::string& next, const std::string& say, bool pushed) {
  const std::optional<HeldBack> threshold = std::exchange(threshold_, std::nullopt);
  if (const Ending* end = scenario_->find_ending(next)) {
    phase_ = Phase::Ended;
    ending_ = next;
    // Held back by a bound only when, above it, the move goes on or ends better; a push that ends
    // the conversation is its own reason (the debrief names the reply that cost the most).
    const auto rank = [](const std::string& kind) { return kind == "breakthrough" ? 2 : kind == "partial" ? 1 : 0; };
    const Ending* above = threshold ? scenario_->find_ending(threshold->instead) : nullptr;
    if (threshold && !pushed &&
        (above ? rank(above->kind) > rank(end->kind) : scenario_->find_node(threshold->instead) != nullptr))
      held_back_ = threshold;
    // The scenario's first ending of `kind` replaces the route's, noting why; false when it has none.
    const auto end_as = [&](std::string_view kind, bool& why) {
      for (const Ending& e : scenario_->endings)
        if (e.kind == kind) {
          ending_ = e.id;
          why = true;
          return true;
        }
      return false;
    };
    // Discord sticks: after repeated pushing the client will not commit to the best outcome.
    if (end->kind == "breakthrough" && mi_inconsistent_replies() >= kDiscordLimit)
      end_as("partial", discord_held_back_);
    // Nor after a monologue at the close: the client lost the thread (reviewer V's 93 words ended on
    // the breakthrough). The debrief says the ending followed it.
    bool lost_thread = false;
    if (end->kind == "breakthrough" && !turns_.empty() && turns_.back().typed && is_rambling(turns_.back().reply))
      end_as("partial", lost_thread);
    // Trust at the extremes decides over the route (kCollapsedTrust, kHeldTrust).
    const int trust = value("trust"), start = trust_series().front();
    const std::string kind = scenario_->find_ending(ending_)->kind;
    if ((kind == "partial" && trust <= kCollapsedTrust && trust <= start - kCollapsedDrop &&
         end_as("rupture", trust_collapsed_)) ||
        (kind == "rupture" && trust >= kHeldTrust && end_as("partial", trust_held_)))
      held_back_.reset();
    node_.clear();
    // A collapse or a hold ends it in the client's last words alone: the move's "Fine. I'll believe
    // it when I see it." does not go with "No. I'm done.", nor a walk-out line with staying.
    client_line_ = trust_collapsed_ || trust_held_ ? std::string() : say;
    if (const Ending* final = scenario_->find_ending(ending_)) {
      if (!final->client_says.empty()) client_line_ += (client_line_.empty() ? "" : " ") + final->client_says;
      establish(final->establishes);
      // A client who walks out keeps none of the next steps agreed on the way ("Cancel it" had
      // left "Agreed next steps: 2 agreed" ticked on the results).
      if (final->kind == "rupture")
        std::erase_if(points_, [&](const std::string& id) {
          const Point* p = scenario_->find_point(id);
          return p && p->kind == "next_step";
        });
    }
    return;
  }
  enter_node(next, say, pushed);
}

std::vector<size_t> Dialogue::offered() const {
  std::vector<size_t> out;
  const Node* n = node();
  if (!n) return out;
  for (size_t i : typed_candidates())
    if (!n->replies[i].typed_only) out.push_back(i);
  return shuffled_order(std::move(out), seed_, n->id);
}

std::vector<size_t> Dialogue::typed_candidates() const {
  std::vector<size_t> out;
  const Node* n = node();
  if (!n) return out;
  for (size_t i = 0; i < n->replies.size(); ++i) {
    bool ok = std::all_of(n->replies[i].requires_flags.begin(), n->replies[i].requires_flags.end(),
                          [&](const std::string& f) { return flags_.count(f) > 0; });
    if (ok) out.push_back(i);
  }
  return out;
}

bool Dialogue::choose(size_t index) {
  std::vector<size_t> offer = offered();
  if (index >= offer.size()) return false;
  flags_.erase(std::string(kToldPlanFlag));  // it answers the reply before this one only
  const Node* n = node();
  const Reply& reply = n->replies[offer[index]];
  Turn turn;
  turn.node = node_;
  turn.client_line = client_line_;
  turn.reply = reply.text;
  turn.code = reply.code;
  turn.choice = static_cast<int>(index);
  turn.better = reply.better;
  turn.tip = reply.tip;
  follow_reply(reply, std::move(turn));
  return true;
}

void Dialogue::establish(const std::vector<std::string>& points) {
  for (const auto& p : points)
    if (std::find(points_.begin(), points_.end(), p) == points_.end()) points_.push_back(p);
}

void Dialogue::follow_reply(const Reply& reply, Turn turn, const std::vector<std::string>& also_settles,
                            const Effects* effects) {
  apply(effects ? *effects : reply.effects);
  for (const auto& f : reply.sets_flags) flags_.insert(f);
  turn.flags_set = reply.sets_flags;
  turn.state_after = state_;
  turns_.push_back(std::move(turn));
  // A typed-only reply that costs trust is a push the coder cannot see as one ("Don't you think
  // it's worth a try?" is a question): no change talk straight after it either.
  const auto trust = reply.effects.find("trust");
  const bool pushed = reaction_class(reply.code) == ReactionClass::Pressure ||
                      (reply.typed_only && trust != reply.effects.end() && trust->second < 0);
  std::vector<std::string> settles = reply.establishes;
  settles.insert(settles.end(), also_settles.begin(), also_settles.end());
  settle_and_advance(settles, reply.route, reply.say, pushed);
}

void Dialogue::settle_and_advance(const std::vector<std::string>& settles, const Route& route, const std::string& say,
                                  bool pushed) {
  const size_t before = points_.size();
  const std::string next = resolve(route);
  establish(settles);
  advance(next, say, pushed);
  // The next steps a move names were the client's on its usual way on, a node where the client
  // states them (late-again: a typed question at `commit` goes on to `own_steps`, "Send me the
  // re-plan by Friday..."). When a condition sends it to an ending short of a breakthrough instead
  // ("Send me whatever you've got"), they were never agreed, unless the client said them on the move
  // (its `say`). A move whose usual way on is itself an ending (a playback at `wrap`) answers a line
  // that stated them already: those stand. The ending's own `establishes` stand too.
  const Ending* end = ending();
  if (!end || end->kind == "breakthrough" || !say.empty() || next == route.next || scenario_->find_ending(route.next))
    return;
  auto unagreed = [&](const std::string& id) {
    const Point* p = scenario_->find_point(id);
    return p && p->kind == "next_step" &&
           std::find(end->establishes.begin(), end->establishes.end(), id) == end->establishes.end();
  };
  points_.erase(std::remove_if(points_.begin() + static_cast<std::ptrdiff_t>(before), points_.end(), unagreed),
                points_.end());
}

bool Dialogue::submit_typed(const std::string& text, MiCode code, const std::string& cue, bool self_coded) {
  const std::vector<std::string> had = points_;
  const std::string answered = client_line_;
  if (!submit_typed_move(text, code, cue, self_coded)) return false;
  answer_offer(text, self_coded ? classify_reply(text, answered).code : code);
  // A typed move settles only the discussion points that the words around it name (the client's
  // line, the reply, the client's answer): a reviewer's example email recapped "the courier's new
  // label format", from the authored reply the typed one was matched to. So with next steps when
  // the learner lays out a plan (information): the plan is theirs, and another reviewer's checklist
  // asked for budget-cut's "twenty-minute budget check-in", from the authored plan the typed one
  // was matched to. A playback or a question keeps its steps: the client states them, often in
  // other words ("And the channel"). Steps the ending's last words settle stand.
  const std::string said = answered + "\n" + text + "\n" + client_line_;
  const bool own_plan = code_class(code) == MiClass::Information;
  const Ending* end = ending();
  std::erase_if(points_, [&](const std::string& id) {
    const Point* p = scenario_->find_point(id);
    if (!p || std::find(had.begin(), had.end(), id) != had.end() || names_point(said, *p)) return false;
    return p->kind == "discussion" ||
           (own_plan && p->kind == "next_step" &&
            !(end && std::find(end->establishes.begin(), end->establishes.end(), id) != end->establishes.end()));
  });
  return true;
}

// The client says yes or no to a typed offer of a next step before going on: reviewer O's
// "Shall I ring you on Thursday at 10...?" and "Could we meet at the flat on Tuesday at 3...?" were
// never answered, though the coach said to listen for the answer. Not after a push or a monologue,
// nor when the client answered in place, walked out, or already opens with a yes or a no.
void Dialogue::answer_offer(const std::string& text, MiCode heard) {
  const std::vector<ClientLine>& lines = scenario_->client.offer;
  if (lines.empty() || !offers_next_step(text) || is_rambling(text) || reaction_class(heard) == ReactionClass::Pressure)
    return;
  // Nor when the move ends short of a breakthrough: a yes ("Yes, that works for me") before "I'll
  // have a think, but VetDiary are still cheaper" and "Still comparing" (reviewer P) said both.
  if (const Ending* end = ending(); end ? end->kind != "breakthrough" : turns_.back().node == node_) return;
  if (answer_to_offer(client_line_) != OfferAnswer::Neither) return;
  if (const ClientLine* line = pick_line(lines))
    client_line_ = line->text + (client_line_.empty() ? "" : " ") + std::string(after_words_said(client_line_));
}

const ClientLine* Dialogue::pick_line(const std::vector<ClientLine>& lines) const {
  // The first line whose condition holds; lines without one take turns (by how many of them the
  // client has said so far), so a second request does not get the same words.
  std::vector<const ClientLine*> open;
  for (const ClientLine& line : lines) {
    if (line.when.empty())
      open.push_back(&line);
    else if (holds(line.when) && open.empty())
      return &line;
  }
  if (open.empty()) return nullptr;
  size_t said = 0;
  for (const Turn& t : turns_)
    for (const ClientLine* line : open) said += t.client_line.starts_with(line->text);
  return open[said % open.size()];
}

bool Dialogue::submit_typed_move(const std::string& text, MiCode code, const std::string& cue, bool self_coded) {
  const Node* n = node();
  if (!n) return false;
  // The code is the learner's when they said which they meant; the client still hears only the
  // words, and reacts as to what the coder reads in them. Otherwise the kinder of the two codes
  // offered bought trust: a promise self-coded as a reflection gained 7 points.
  const CodedReply read = self_coded ? classify_reply(text, client_line_) : CodedReply{};
  const MiCode words = self_coded ? read.code : code;
  // A monologue of more than kRamblingWords loses the client whatever it was coded: they react
  // as to a reply that gave them nothing to answer, and the coach says why.
  const bool rambling = is_rambling(text);
  const bool pushed = rambling || reaction_class(words) == ReactionClass::Pressure;
  // "Have you tried plugging it in with a cable?" is a question to the coder and advice to the
  // client: unless an authored reply is close to it, the client reacts as to information.
  // So is "Have you tried opening the windows? That usually helps." coded information: the coach
  // names the unasked advice rather than "a straight answer" (a reviewer met that note).
  const bool fix = !rambling && (code_class(words) == MiClass::Question || words == MiCode::GivingInformation) &&
                   suggests_a_fix(text, client_line_);
  const MiCode heard = rambling ? MiCode::Other : fix ? MiCode::GivingInformation : words;
  // A plan the learner just laid out ("I'll book the surveyor for 10am tomorrow"): the client's
  // next line may answer it rather than ask what happens now (kToldPlanFlag).
  const bool plan = lays_out_a_plan(text);
  flags_.erase(std::string(kToldPlanFlag));
  if (!pushed && plan) flags_.insert(std::string(kToldPlanFlag));
  const TypedReaction* reaction = scenario_->typed_reaction(*n, heard);
  // A typed closed question answered as an authored question of another kind (or by the node's
  // reaction to questions) earns half the trust and openness: it asks for a fact, not the client's
  // view (a reviewer's "Are the notebooks any good though?" gained 5, as an open question would).
  // A plan the client asked for ("So what happens tonight, then?") is not explanation that came too
  // early: the node's reaction to information charges it nothing (asks_for_the_plan).
  // So is one asked for a turn earlier, when the learner answered the question with a question
  // and the client insisted ("I'm asking you."), as reviewer O's was.
  const bool asked_plan =
      plan && words == MiCode::GivingInformation &&
      (asks_for_the_plan(client_line_) || (!turns_.empty() && code_class(turns_.back().code) == MiClass::Question &&
                                           asks_for_the_plan(turns_.back().client_line)));
  // Information the client asked for, or agreed to hear after a request for permission, is not
  // told to "ask first" (a reviewer met that note straight after "Go on, then."); nor does advice
  // given with that leave cost trust (reviewer W's "Since you asked, one option is..." after "Go on.
  // I'll hear it." lost 3 points and was named the session's worst reply).
  const bool granted = !turns_.empty() && turns_.back().node == node_ && turns_.back().tip == kPermissionTip;
  const bool with_leave =
      granted && (words == MiCode::PersuadeWithPermission || words == MiCode::GivingInformation) && !rambling;
  const auto heard_as = [&](const Effects& effects, MiCode authored) {
    Effects out = effects;
    if (asked_plan || with_leave)
      for (auto& [var, delta] : out)
        if ((var == "trust" && delta < 0) || (var == "tension" && delta > 0)) delta = 0;
    // A bare echo ("Your family, the move") answered as an authored reflection of more depth, or by
    // the node's reaction to reflections, earns two thirds of its trust and openness: reviewer O's
    // three-word echoes gained +8 and +9, more than their two-sentence complex reflections.
    const bool echo = heard == MiCode::SimpleReflection && authored != MiCode::SimpleReflection;
    if (!echo && (heard != MiCode::ClosedQuestion || authored == MiCode::ClosedQuestion)) return out;
    for (auto& [var, delta] : out)
      if ((var == "trust" || var == "openness") && delta > 0) delta = echo ? delta * 2 / 3 : delta / 2;
    return out;
  };
  Turn turn;
  turn.node = node_;
  turn.client_line = client_line_;
  turn.reply = text;
  turn.code = code;
  turn.typed = true;
  // A promise with no day, where solutions are on the table or the client asked what happens: not
  // "a straight answer" (reviewer S's "good question. I'll look into it and get back to you").
  const bool undated = code == MiCode::GivingInformation &&
                       (n->stage == "solve" || n->stage == "close" || ends_on_a_question(client_line_)) &&
                       promises_without_a_day(text);
  turn.cue = plan && code == MiCode::GivingInformation ? std::string(kPlanCue)
             : undated                                 ? std::string(kUndatedCue)
                                                       : cue;
  turn.self_coded = self_coded;
  // A plan fits where solutions are on the table; at the opening it comes before the client is heard.
  const bool solving = n->stage == "solve" || n->stage == "close";
  turn.tip = rambling ? std::string(kRamblingTip)
             : fix    ? std::string(kSuggestedFixTip)
             : code_class(code) == MiClass::Reflection && word_count(text) >= kLongReflectionWords
                 ? std::string(kLongReflectionTip)
             : code == MiCode::SimpleReflection && names_a_feeling(text, client_line_) ? std::string(kNamedFeelingTip)
             : (code == MiCode::GivingInformation || code == MiCode::Persuade) && !promise_in(text).empty()
                 ? std::string(kPromiseTip)
             : code == MiCode::GivingInformation && granted                           ? std::string(kAfterPermissionTip)
             : code == MiCode::GivingInformation && solving && plan                   ? std::string(plan_tip(text))
             : undated                                                                ? std::string(kUndatedPromiseTip)
             : code == MiCode::GivingInformation && asks_to_be_told(client_line_)     ? std::string(kAnsweredTip)
             : code == MiCode::OpenQuestion && asks_why(text)                         ? std::string(kWhyTip)
             : code == MiCode::OpenQuestion && reflects_then_asks(text, client_line_) ? std::string(kReflectThenAskTip)
             : code == MiCode::Persuade && warns(text)                                ? std::string(kWarningTip)
             : code == MiCode::ClosedQuestion && offers_next_step(text)               ? std::string(kOfferTip)
                                                                                      : std::string(coaching_tip(code));
  if (self_coded && !rambling && reaction_class(heard) != reaction_class(code))
    turn.tip = self_coded_tip(heard, self_code_counts(code, read, text));
  // At a closing node, the next steps the learner names with who or when are agreed as the
  // authored closing replies' are (a reviewer's summary with owners and dates left "0 next steps
  // agreed"); a push settles none, and neither does a move that ends short of a breakthrough
  // ("A truce, not an agreement" had listed four agreed steps).
  const std::vector<std::string> named =
      n->stage == "close" && !pushed ? named_next_steps(*scenario_, text) : std::vector<std::string>{};
  const std::vector<std::string> points_before = points_;
  // `authored`: what the move settles by itself (its reply's or reaction's `establishes`).
  const auto note_named = [&](const std::vector<std::string>& authored) {
    const Ending* end = ending();
    const auto in = [](const std::vector<std::string>& ids, const std::string& id) {
      return std::find(ids.begin(), ids.end(), id) != ids.end();
    };
    int agreed = 0;
    for (const auto& id : named) {
      const bool had = in(points_before, id);
      const bool kept = !end || end->kind == "breakthrough" || in(end->establishes, id) || in(authored, id);
      if (!kept) points_.erase(std::remove(points_.begin(), points_.end(), id), points_.end());
      agreed += kept && !had && in(points_, id);
    }
    if (agreed > 0 && !turns_.empty()) turns_.back().tip = std::string(kNamedStepsTip);
  };
  // A typed reply close in meaning to an authored reply of its class follows that reply, so the
  // client answers what was said; otherwise the node's reaction for the class applies.
  if (const auto near = rambling ? std::nullopt : closest_reply(*n, typed_candidates(), text, words)) {
    // A typed-only reply was written for what the learner typed: its coaching is the turn's.
    const Reply& reply = n->replies[*near];
    if (reply.typed_only) {
      if (!reply.tip.empty()) turn.tip = reply.tip;
      turn.better = reply.better;
    } else if (reaction_class(reply.code) != reaction_class(words)) {
      turn.tip = std::string(kPlaybackTip);
    }
    const Effects effects = heard_as(reply.effects, reply.code);
    follow_reply(reply, std::move(turn), named, &effects);
    note_named(reply.establishes);
    return true;
  }
  // A request for permission or a scale question is answered where the conversation stands
  // (answer_in_place.h): a reviewer's "Would it be okay if I shared an idea?" met a client who went
  // straight on to her priorities, and a scale question got no number.
  const bool again = !turns_.empty() && turns_.back().node == node_;
  const InPlaceAnswer in_place = rambling
                                     ? InPlaceAnswer{}
                                     : answer_in_place(*scenario_, text, client_line_, again ? turns_.back().reply : "",
                                                       again ? turns_.back().client_line : "");
  if (in_place.lines) {
    turn.tip = std::string(in_place.tip);
    // The answer is the client's as things stood when asked; then asking leave, or for a number,
    // moves them as the node's reaction to its class does (its route aside): reviewer V's typed
    // requests for permission gained nothing, the authored "Shall I go through them?" 8 points.
    const ClientLine* line = pick_line(*in_place.lines);
    if (reaction && !again) apply(heard_as(reaction->effects, heard));
    turn.state_after = state_;
    turns_.push_back(std::move(turn));
    if (line) {
      client_line_ = line->text;
      if (in_place.declines(*line)) turns_.back().tip = std::string(in_place.declined_tip);
    }
    return true;
  }
  if (reaction) {
    apply(heard_as(reaction->effects, MiCode::OpenQuestion));
  } else {
    // No authored reaction for typed replies: follow the first offered reply of the same code
    // class, else the first offered reply, so that typing never stalls the conversation.
    std::vector<size_t> offer = offered();
    const Reply* match = nullptr;
    for (size_t i : offer)
      if (reaction_class(n->replies[i].code) == reaction_class(heard)) {
        match = &n->replies[i];
        break;
      }
    if (!match && !offer.empty()) match = &n->replies[offer.front()];
    if (!match) return false;
    apply(heard_as(match->effects, match->code));
    turn.state_after = state_;
    turns_.push_back(std::move(turn));
    establish(named);
    advance(resolve(match->route), match->say, pushed);
    note_named({});
    return true;
  }
  turn.state_after = state_;
  turns_.push_back(std::move(turn));
  // The information reaction's words answer information ("I know what my contract says"), not a
  // suggested fix: after one, the client goes on without them, and settles nothing.
  const std::vector<std::string> authored = fix ? std::vector<std::string>{} : reaction->establishes;
  std::vector<std::string> settles = authored;
  settles.insert(settles.end(), named.begin(), named.end());
  settle_and_advance(settles, reaction->route, fix ? std::string() : reaction->say, pushed);
  note_named(authored);
  return true;
}

const Ending* Dialogue::ending() const { return phase_ == Phase::Ended ? scenario_->find_ending(ending_) : nullptr; }

std::vector<int> Dialogue::trust_series() const {
  std::vector<int> out;
  auto it = initial_after_prep_.find("trust");
  out.push_back(it == initial_after_prep_.end() ? value("trust") : it->second);
  for (const auto& t : turns_) {
    auto v = t.state_after.find("trust");
    out.push_back(v == t.state_after.end() ? 0 : v->second);
  }
  return out;
}

int Dialogue::last_trust_change() const {
  const std::vector<int> series = trust_series();
  return series.size() < 2 ? 0 : series.back() - series[series.size() - 2];
}

bool Dialogue::retry_from(size_t turn) {
  if (turn > turns_.size()) return false;
  std::vector<std::string> prep = prep_choices_;
  std::vector<Turn> old = turns_;
  Dialogue fresh(*scenario_, seed_);
  for (const auto& id : prep) {
    const PrepStep* step = fresh.prep_step();
    if (!step) return false;
    auto it = std::find_if(step->options.begin(), step->options.end(), [&](const PrepOption& o) { return o.id == id; });
    if (it == step->options.end() || !fresh.choose_prep(static_cast<size_t>(it - step->options.begin()))) return false;
  }
  for (size_t i = 0; i < turn; ++i) {
    const Turn& t = old[i];
    bool ok = t.typed ? fresh.submit_typed(t.reply, t.code, t.cue, t.self_coded)
                      : fresh.choose(static_cast<size_t>(t.choice));
    if (!ok) return false;
  }
  *this = std::move(fresh);
  return true;
}

}  // namespace rapport
