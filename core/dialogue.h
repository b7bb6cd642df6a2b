// The conversation engine: a step-by-step state machine over one scenario (prepare, converse,
// ended) with explicit state that serialises to JSON and restores exactly.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "scenario.h"

namespace rapport {

enum class Phase { Prepare, Conversation, Ended };

inline constexpr int kSessionFormatVersion = 1;

/// Discord sticks: a session with this many MI-inconsistent replies (persuade, confront) cannot
/// reach a breakthrough ending; the client settles for the scenario's first partial ending.
inline constexpr int kDiscordLimit = 2;

/// Trust that collapsed ends it: a session that reaches an ending short of a breakthrough with
/// trust at or below kCollapsedTrust, and at least kCollapsedDrop below where the conversation
/// started, ends in the scenario's rupture (a reviewer ended "Back on probation" at trust 11,
/// after confrontation and sarcasm, while another session ruptured at 31).
inline constexpr int kCollapsedTrust = 20;
inline constexpr int kCollapsedDrop = 10;

/// Trust that holds keeps the client in the room: a move that leads to a rupture with trust at or
/// above kHeldTrust afterwards ends in the scenario's first partial ending instead (a client at
/// trust 88 had walked out over one push at the close).
inline constexpr int kHeldTrust = 60;

/// One learner turn and what it did.
struct Turn {
  std::string node;         // node the reply answered
  std::string client_line;  // what the client had said
  std::string reply;        // what the learner said
  MiCode code = MiCode::Other;
  bool typed = false;  // typed (coded) rather than chosen
  int choice = -1;     // index into the node's offered replies when chosen
  std::string better;  // a stronger alternative (chosen replies marked weak by the author)
  std::string tip;
  std::string cue;          // typed replies: why the coder chose the code
  bool self_coded = false;  // typed replies: the learner said which code they meant
  std::map<std::string, int> state_after;
  /// The flags the reply set (Reply::sets_flags): a promise the scenario remembers, which may
  /// route a later reply (the debrief names the turn that set it).
  std::vector<std::string> flags_set;
  /// The reflection leading a typed question (lead_reflection(), read once: the live coach sums the
  /// transcript every frame it draws): a MiCode, kNoLead, or kLeadUnread.
  mutable int lead = kLeadUnread;
  static constexpr int kLeadUnread = -1, kNoLead = -2;
};

/// An ending decided by a state variable's upper bound: `var` was `value`, at most `limit`; above
/// it the same move leads to `instead` (an ending id, or a node id when the conversation goes on).
struct HeldBack {
  std::string var;
  int limit = 0;
  int value = 0;
  std::string instead;
};

class Dialogue {
 public:
  /// Starts a session; the scenario must outlive the dialogue. A non-zero `seed` shuffles the
  /// order in which preparation options and replies are offered (the same seed gives the same
  /// order); 0 keeps the authored order (authors, old saves, the playthrough plans).
  explicit Dialogue(const Scenario& scenario, std::uint32_t seed = 0);
  std::uint32_t seed() const { return seed_; }

  const Scenario& scenario() const { return *scenario_; }
  Phase phase() const { return phase_; }

  // --- Prepare phase ---
  /// The step being prepared, or nullptr outside the Prepare phase.
  const PrepStep* prep_step() const;
  size_t prep_index() const { return prep_choices_.size(); }
  /// The current step's options in the order shown: indices into prep_step()->options.
  std::vector<size_t> prep_order() const;
  /// Picks option `index` (authored index into prep_step()->options) of the current prep step;
  /// false when out of range or not preparing.
  bool choose_prep(size_t index);
  /// Option ids chosen so far, one per step.
  const std::vector<std::string>& prep_choices() const { return prep_choices_; }

  // --- Conversation phase ---
  /// What the client says now (after the last reply, including any immediate reaction).
  const std::string& client_line() const { return client_line_; }
  const Node* node() const;
  /// Replies offered now, in the order shown: indices into node()->replies whose required flags
  /// are set, shuffled by the session's seed.
  std::vector<size_t> offered() const;
  /// What a typed reply is matched against: the offered replies and the node's `typed_only` ones.
  std::vector<size_t> typed_candidates() const;
  /// Chooses offered reply number `index` (0-based position in offered()); false if invalid.
  bool choose(size_t index);
  /// Submits a typed reply already coded by the reply coder (`cue` says why); false outside the
  /// conversation.
  bool submit_typed(const std::string& text, MiCode code, const std::string& cue = {}, bool self_coded = false);

  // --- Ended ---
  const Ending* ending() const;

  // --- State ---
  const std::map<std::string, int>& state() const { return state_; }
  int value(const std::string& var) const;
  const std::set<std::string>& flags() const { return flags_; }
  const std::vector<Turn>& transcript() const { return turns_; }
  /// Discussion points and next steps established so far, in order.
  const std::vector<std::string>& points() const { return points_; }
  /// The talk tag of a client line as shown at `node` (a shown line may start with a reaction;
  /// the node's variant it ends with decides). Neutral when none matches.
  Talk talk_of(const std::string& node, const std::string& shown) const;
  /// The client line `shown` at `node` was (the node's variant it ends with, or a line answered in
  /// place); nullptr when none matches.
  const ClientLine* line_said(const std::string& node, const std::string& shown) const;
  /// Client lines after the learner's replies that were change talk and sustain talk.
  int change_talk_evoked() const;
  int sustain_talk_heard() const;
  /// Replies so far coded persuade or confront (chosen or typed).
  int mi_inconsistent_replies() const;
  /// True when the session reached the breakthrough's route but ended partial because discord
  /// stuck (kDiscordLimit); the results say why.
  bool discord_held_back() const { return discord_held_back_; }
  /// True when the session reached a lesser ending but trust had collapsed (kCollapsedTrust), so
  /// it ended in the rupture; the results say why.
  bool trust_collapsed() const { return trust_collapsed_; }
  /// True when a move led to the rupture but trust held (kHeldTrust), so it ended partial.
  bool trust_held() const { return trust_held_; }
  /// Set when the final move reached a lesser ending through a branch on an upper bound ("next_if":
  /// trust at most 60 -> partial), where the same move leads on above it; the results say so.
  const std::optional<HeldBack>& held_back() const { return held_back_; }
  /// Trust before the first reply and after each one.
  std::vector<int> trust_series() const;
  /// How much the last reply moved trust (0 before the first reply).
  int last_trust_change() const;

  /// Rewinds to just before learner turn `turn` (0-based), replaying the session's own inputs.
  bool retry_from(size_t turn);

  /// Whole state as JSON (format_version, scenario id, phase, inputs and derived state).
  nlohmann::json to_json() const;
  /// Restores a saved state; returns an error message, empty on success.
  std::string restore(const nlohmann::json& saved);

 private:
  /// `pushed`: the learner's reply pressed the client (persuade, confront, or a typed monologue),
  /// so the client's line is not change talk (see enter_node).
  void enter_node(const std::string& id, const std::string& say, bool pushed = false);
  void apply(const Effects& effects);
  /// submit_typed()'s move, before the points its words do not name are withdrawn.
  bool submit_typed_move(const std::string& text, MiCode code, const std::string& cue, bool self_coded);
  /// Adds discussion points not yet established.
  void establish(const std::vector<std::string>& points);
  /// Plays an authored reply's consequences (effects, flags, points, route) and records `turn`.
  /// `effects`: the ones the reply has for this turn, when not its own (a typed closed question's).
  void follow_reply(const Reply& reply, Turn turn, const std::vector<std::string>& also_settles = {},
                    const Effects* effects = nullptr);
  bool holds(const Condition& c) const;
  /// Of `lines`, the first whose condition holds, else the unconditioned ones in turn; or nullptr.
  const ClientLine* pick_line(const std::vector<ClientLine>& lines) const;
  /// After a typed reply heard as `heard`: the client's yes or no to an offer in it (client.offer).
  void answer_offer(const std::string& text, MiCode heard);
  /// Where `route` leads now; notes a branch on an upper bound that fired (held_back()).
  std::string resolve(const Route& route);
  void advance(const std::string& next, const std::string& say, bool pushed = false);
  /// Settles a move's points, then advances; next steps the client never agreed to are withdrawn.
  void settle_and_advance(const std::vector<std::string>& settles, const Route& route, const std::string& say,
                          bool pushed);
  void start_conversation();

  const Scenario* scenario_;
  std::uint32_t seed_ = 0;
  Phase phase_ = Phase::Prepare;
  std::vector<std::string> prep_choices_;
  std::map<std::string, int> state_;
  std::map<std::string, int> initial_after_prep_;
  std::set<std::string> flags_;
  std::string node_;
  std::string ending_;
  std::string client_line_;
  std::vector<Turn> turns_;
  std::vector<std::string> points_;
  bool discord_held_back_ = false;
  bool trust_collapsed_ = false;
  bool trust_held_ = false;
  std::optional<HeldBack> threshold_;  // noted by resolve(), taken by advance()
  std::optional<HeldBack> held_back_;
};

std::string phase_id(Phase phase);

/// `items` in the order a session with `seed` shows them at the place named `where` (a node or
/// preparation step id): a fixed permutation per (seed, where), the identity for seed 0.
std::vector<size_t> shuffled_order(std::vector<size_t> items, std::uint32_t seed, const std::string& where);

/// Checks that `saved` has the shape of a Dialogue::to_json() (every member of the right type, a
/// known phase and format_version) without a scenario to restore it into; "" when it has.
std::string check_saved_dialogue(const nlohmann::json& saved);

}  // namespace rapport
