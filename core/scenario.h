// The authored scenario format (format_version 1): data types and the loader that validates a
// scenario file's text and reports errors as "file: /json/pointer: what is wrong".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mi_codes.h"

namespace rapport {

inline constexpr int kScenarioFormatMin = 1;
inline constexpr int kScenarioFormatMax = 1;

/// A condition on the client's state and the flags set so far; every present part must hold.
struct Condition {
  std::map<std::string, int> min;  // variable -> lowest value allowed (inclusive)
  std::map<std::string, int> max;  // variable -> highest value allowed (inclusive)
  std::vector<std::string> flags;  // flags that must be set
  bool empty() const { return min.empty() && max.empty() && flags.empty(); }
};

/// Changes to state variables (added, then clamped to 0..100).
using Effects = std::map<std::string, int>;

struct Branch {
  Condition when;
  std::string next;
};

/// Where a reply leads: the first branch whose condition holds, else `next`.
struct Route {
  std::string next;              // node id or ending id
  std::vector<Branch> branches;  // evaluated in order before `next`
};

/// What a client line says about change (MI's change talk against sustain talk).
enum class Talk { Neutral, Change, Sustain };

struct ClientLine {
  std::string text;
  Condition when;             // variant chosen when this holds; the first matching variant wins
  Talk talk = Talk::Neutral;  // "talk": "change" | "sustain" | "neutral" (default)
};

struct Reply {
  std::string text;
  MiCode code = MiCode::Other;
  Effects effects;
  Route route;
  std::string say;                          // optional client reaction before the next node's line
  std::vector<std::string> requires_flags;  // offered only when these flags are set
  std::vector<std::string> establishes;     // ids of discussion points / next steps this settles
  std::vector<std::string> sets_flags;
  std::string better;  // a stronger alternative, shown in the debrief
  std::string tip;     // one-line coaching note on this reply
  /// Never offered as a choice: a reply learners are likely to type ("Have you tried restarting
  /// the router?"), so that a typed reply close to it gets this reply's reaction and branch.
  bool typed_only = false;
};

/// How the client reacts to a typed reply of a reaction class.
struct TypedReaction {
  Effects effects;
  Route route;
  std::string say;
  std::vector<std::string> establishes;
};

struct Node {
  std::string id;
  std::string stage;  // open, listen, empathise, solve, close (roadmap stage)
  std::vector<ClientLine> client;
  std::vector<Reply> replies;
  std::map<std::string, TypedReaction> typed;  // reaction class id or "default" -> reaction
};

struct PrepOption {
  std::string id;
  std::string text;
  Effects effects;
  std::vector<std::string> sets_flags;
  bool recommended = false;
  std::string feedback;
};

struct PrepStep {
  std::string id;
  std::string topic;  // data, perspective, solutions, setting
  std::string question;
  std::vector<PrepOption> options;
};

struct Point {
  std::string id;
  std::string kind;  // "discussion" or "next_step"
  std::string text;
  std::string owner;  // next steps: who does it ("you", "client", "both")
  std::string due;    // next steps: when, in words ("by Friday")
  /// The point in words addressed to the client, for the example follow-up email ("Your worries:
  /// keeping your licence ..."); empty = `text`, with the client's name turned into "you"/"your".
  std::string to_client;
};

struct Ending {
  std::string id;
  std::string kind;  // breakthrough, partial, rupture
  std::string title;
  std::string debrief;
  std::string client_says;  // the client's last words, shown before the results
  // The example follow-up email's opening paragraph and its paragraph on what comes next, in the
  // learner's voice, for this ending; empty: the standard wording.
  std::string email_opening, email_next;
  /// Points the client's last words settle ("You'll have our route on Monday"), however the
  /// conversation got here.
  std::vector<std::string> establishes;
};

struct Client {
  std::string name;
  std::string role;
  std::string organisation;
  std::string wants;
  std::string fears;
  /// How the client answers a typed request for permission ("Can I suggest something?"): the
  /// first line whose condition holds. Optional; without it such a request is a typed reply like any.
  std::vector<ClientLine> permission;
  /// How the client answers a typed scale question ("On a scale of 0 to 10, how important...?"):
  /// a number, the first line whose condition holds. Optional, as `permission` is.
  std::vector<ClientLine> scale;
  /// The client's own reasons, when the learner asks why their number is not lower ("Why a five and
  /// not a two?") straight after it: change talk, the point of a scale question. Optional.
  std::vector<ClientLine> scale_why;
  /// How the client answers a typed offer of a next step ("Shall I ring you on Thursday at 10?"),
  /// said before their next line: the first line whose condition holds, a yes or a no. Optional.
  std::vector<ClientLine> offer;
};

/// A follow-up email: subject and body are each a template over followup_data() (followup.h).
struct FollowUpTemplate {
  std::string subject;
  std::string body;
};

struct Scenario {
  int format_version = 1;
  std::string id;
  std::string title;
  std::string summary;
  std::string domain;
  std::string challenge;
  int difficulty = 1;  // 1 easy .. 3 hard
  int minutes = 5;
  std::string briefing;  // who the learner is and why this conversation happens
  Client client;
  std::map<std::string, int> initial_state;
  std::vector<PrepStep> prep;
  std::string start;
  std::vector<Node> nodes;
  std::vector<Point> points;
  std::vector<Ending> endings;
  /// The scenario's own follow-up email template (subject and body each validated on load);
  /// none = the default email.
  std::optional<FollowUpTemplate> followup;

  const Node* find_node(std::string_view id) const;
  const Ending* find_ending(std::string_view id) const;
  const Point* find_point(std::string_view id) const;
  /// Reaction to a typed reply: exact code id, then reaction class, then "default".
  const TypedReaction* typed_reaction(const Node& node, MiCode code) const;
  /// True when every route out of `node` (each reply's, each typed reaction's, their branches
  /// included) leads to an ending: the learner's next reply closes the conversation, unless it is
  /// answered where the talk stands (a request for permission, a scale question).
  bool last_exchange(const Node& node) const;
};

struct LoadResult {
  std::optional<Scenario> scenario;
  std::vector<std::string> errors;  // "file: /pointer: message"
  bool ok() const { return scenario.has_value() && errors.empty(); }
};

/// Parses and validates one scenario. `file` only names the source in messages.
LoadResult load_scenario(std::string_view text, std::string_view file);

/// Reads only what a library card shows (id, title, summary, domain, challenge, difficulty,
/// minutes, briefing and the client) and stops reading there, without validating the rest: the
/// web app draws its first frame from these and loads every file in full right after. Empty when
/// those fields are missing, of the wrong type or not valid JSON; `load_scenario` says why.
std::optional<Scenario> read_scenario_card(std::string_view text);

/// Known values of the enumerated string fields, shared with lint and the schema test.
const std::vector<std::string>& known_domains();
const std::vector<std::string>& known_challenges();
const std::vector<std::string>& known_stages();

/// Human label for a challenge id, e.g. "budget_constraints" -> "Budget constraints".
std::string challenge_label(std::string_view challenge);

}  // namespace rapport
