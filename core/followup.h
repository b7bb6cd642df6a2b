// The follow-up email after a conversation: a small Mustache-style template renderer, the skeleton
// the learner writes in, the example emails (one per ending), the data a template sees, and a
// completeness check of the learner's own draft.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "dialogue.h"

namespace rapport {

/// Deepest section nesting a template may use; deeper templates are refused with an error.
inline constexpr int kTemplateMaxNesting = 32;

/// Renders a template over `data`. Tags: `{{name}}`, `{{a.b.c}}` (looked up from the innermost
/// section outwards), `{{.}}` (the current element), `{{#name}}...{{/name}}` (once per array
/// element, once for another truthy value, skipped when false/empty/missing),
/// `{{^name}}...{{/name}}` (only when false/empty/missing) and `{{! comment}}`. Missing names
/// render empty. A line holding only a section or comment tag leaves no blank line behind.
/// On a malformed template (unbalanced or unterminated tag, nesting past kTemplateMaxNesting)
/// returns "" and, when `error` is given, a message naming the tag and its byte offset; the same
/// for a template whose sections over long lists would expand past 8 MB of output. `error` is
/// cleared on success.
std::string render_template(std::string_view tmpl, const nlohmann::json& data, std::string* error = nullptr);

/// The built-in example email for an ending kind, written to the client in the second person.
/// "rupture": a repair email (an apology for how it went, owning your part, an offer to talk
/// again with no pressure). "partial": a tentative recap that leaves the decision with the client.
/// Anything else ("breakthrough", ""): thanks, what was discussed, the agreed next steps with owner
/// and date, an invitation to reply or correct. Each signs off with the learner's name.
FollowUpTemplate default_followup_template(std::string_view ending = "breakthrough");

/// Reads a scenario's own template from the raw scenario JSON: `{"followup": {"subject": "...",
/// "body": "..."}}` (`subject` may be left out for the default subject). Returns nullopt with
/// `error` cleared when the scenario has none, and nullopt with a "/followup...: message" error
/// when it is malformed (wrong types, unknown keys, template tags that do not balance).
std::optional<FollowUpTemplate> parse_followup_template(const nlohmann::json& scenario_doc, std::string* error);

/// The scenario's own template when it has a valid one, else the default (`error` says why a
/// present template was refused).
FollowUpTemplate followup_template_for(const nlohmann::json& scenario_doc, std::string* error = nullptr);

/// What the email is signed with when the learner has set no name in Settings; left in a draft,
/// the check reminds the learner to replace it.
inline constexpr std::string_view kNamePlaceholder = "[your name]";

/// The name to sign with: `learner_name` as typed, or kNamePlaceholder when it is blank.
std::string signature_name(std::string_view learner_name);

/// What a template sees after a session, worded to the client in the second person:
///   client {name, first_name, role, organisation}, learner {name (the signature_name),
///   first_name}, scenario {id, title}, discussion [text...] (each point's `to_client` wording, or
///   its text with the client's name turned into "you"/"your"), next_steps [{id, text, action,
///   owner, owner_label ("I will" / "You said you would" / "We agreed to"), due}], ending
///   ("breakthrough", "partial", "rupture" or "" before the end), has_discussion, has_next_steps,
///   breakthrough, partial, rupture.
nlohmann::json followup_data(const Dialogue& d, std::string_view learner_name);

/// Subject line, a blank line, then the body. A template error leaves the result empty and is
/// reported through `error` when given.
std::string render_followup(const Dialogue& d, const FollowUpTemplate& t, std::string_view learner_name,
                            std::string* error = nullptr);

/// The draft the learner starts from: a subject, a greeting to the client by first name, a line
/// for what was discussed, one for what happens next, and a sign-off with the learner's name (or
/// kNamePlaceholder). It holds nothing that covers a checklist item: the learner writes that.
std::string followup_skeleton(const Dialogue& d, std::string_view learner_name);

/// Re-signs a draft after the learner changed their name in Settings (key by key as they type):
/// the last line that is exactly the old signature (signature_name(old_name), so the placeholder
/// when no name was set) becomes the new one. False when there was no such line or nothing changed.
bool sign_followup_draft(std::string& draft, std::string_view old_name, std::string_view new_name);

/// The example email shown on request: the scenario's own template when it renders, else the
/// default for the session's ending kind; `error` says why the scenario's template was not used.
struct FollowUpExample {
  std::string text;
  std::string error;
};
FollowUpExample followup_example(const Dialogue& d, std::string_view learner_name);

/// What each flag (blame, pressure, a promised outcome) takes off a draft's coverage.
inline constexpr double kFlagCost = 0.1;

/// How complete a follow-up draft is.
struct FollowUpCheck {
  struct Item {
    std::string id;     // summary, step:<point id>, own:<n>, timeline, repair (after a rupture), reply_invite
    std::string label;  // what the item asks for, for the learner
    bool covered = false;
    std::string hint;  // how to cover it; empty when covered
  };
  std::vector<Item> items;
  double coverage = 0;  // covered items / items, minus 0.1 per flag, clamped 0..1
  // Blame, pressure or promised outcomes, as the learner reads them: `Watch the tone: pressure:
  // "ASAP"`, `Promise only what you can deliver: "I guarantee"`.
  std::vector<std::string> flags;
  /// Things to fix that do not count against coverage (the name placeholder left in the draft).
  std::vector<std::string> reminders;
};

/// Checks a draft against the session: a recap of at least one discussion point (`summary`),
/// each agreed next step (`step:<id>`), a date or time (`timeline`) and an invitation to reply
/// (`reply_invite`); flags blame and pressure wording and promised outcomes. Words are compared case-insensitively on
/// ASCII letters and digits with light suffix stripping; other bytes only separate words.
/// Reminds the learner when kNamePlaceholder is still in the draft.
FollowUpCheck check_followup(const Dialogue& d, std::string_view draft);

/// A next step a typed reply names, and the day its sentence gives it as typed ("by Friday at
/// noon"); `day` is empty when the sentence gives none.
struct StepMention {
  std::string id;
  std::string day;
};

/// The scenario's next steps a typed reply names: a sentence sharing at least two content words
/// with a step, and the most of any step or half of the step's words. Each day or period phrase of
/// the sentence goes to the named step whose words stand nearest it; questions and "if" sentences
/// give no day. In the order the sentences name them.
std::vector<StepMention> steps_mentioned(const Scenario& scenario, std::string_view text);

/// The sentences of `draft` that offer terms the conversation never named (its replies, the
/// client's lines and the scenario's points): money ("at no extra cost", "10% off our fee", "a
/// discount", "waive", "a refund") or how often something happens ("every month", "weekly", "every
/// other Thursday", each by its period). One sentence a kind, one a sentence; the check flags each.
/// `sentences`, when given, gets each one's sentence number (split_words's).
std::vector<std::string> unagreed_terms(const Dialogue& d, std::string_view draft,
                                        std::vector<size_t>* sentences = nullptr);

/// "Check the figure: you wrote "two options", and the conversation counted 3": the first count of
/// options (routes, choices, scenarios, alternatives) the draft gives that the conversation and its
/// points never gave, when they gave one. "One option" is one of them. Empty otherwise.
std::vector<std::string> miscounted_choices(const Dialogue& d, std::string_view draft);

/// "Check the date: you wrote "October", and the conversation named September": the first month
/// the draft names that neither the conversation nor its agreed points named, when they named one
/// (reviewer T's "live in October" for September had passed). Empty otherwise.
std::vector<std::string> unnamed_months(const Dialogue& d, std::string_view draft);

/// A next step the learner promised in a typed reply that is none of the scenario's: "I'll ring
/// you Monday at 4pm about the driving rules". `action` is as typed, from after "I'll" (or "we
/// will", "let's") to the end of the commitment; it holds `day`, the first day phrase in it.
/// `owner` is "you" (the learner) or "both".
struct OwnPromise {
  std::string owner;
  std::string action;
  std::string day;
  std::string said;      // the promise as typed, from its "I" or "let's": "I'll ring you Monday at 4pm"
  bool offered = false;  // asked as an offer: "Shall I ring you on Monday at 4pm?"
};

/// The learner's own promises in a typed reply: a sentence that agrees something ("I'll", "we
/// will", "let's"; not a question or an "if") or offers it ("Shall I...?", "How about we...?",
/// "Would you like me to...?"), names none of the scenario's steps, gives a day,
/// and two content words besides it. With `agreed` (the session's points), a commitment that names
/// a step the session did not agree is the learner's own promise too: reviewer O's "...we'll
/// recheck your sugar in three months, and I'll ring you on Monday at 4pm to see how the packed
/// lunches are going" named two steps never agreed, and was in neither the checklist nor the example.
std::vector<OwnPromise> own_promises(const Scenario& scenario, std::string_view text,
                                     const std::vector<std::string>* agreed = nullptr);

/// At most this many of the learner's own promises go into the follow-up email and its checklist.
inline constexpr size_t kMaxOwnPromises = 3;

/// The learner's own promises over the session's typed replies, first said first, each once; after
/// a rupture only the learner's ("I'll", not an offer), since the client agreed nothing. They go into the example
/// email's next steps and the checklist, as said. The second form takes session_days(d), read
/// once by a caller that needs them too.
std::vector<OwnPromise> session_promises(const Dialogue& d);
std::vector<OwnPromise> session_promises(const Dialogue& d, const std::map<std::string, std::string>& days);

/// A promise's content words without its day's ("ring you next Wednesday at 2 to talk it through"
/// -> "ring", "talk", ...): what a draft must repeat, and what tells one promise from another.
std::vector<std::string> promise_words(const OwnPromise& p);

/// True when `text` holds a quarter of the point's content words, at least two: what the words
/// around a typed move must say for it to settle a discussion point.
bool names_point(std::string_view text, const Point& point);

/// The days the learner gave next steps in the session's typed replies, by step id: the last one
/// typed for each ("I'll email the proposal by Friday at noon" -> "by Friday at noon"). A reply
/// chosen later that settles or names the step puts back its own day, or else the scenario's.
std::map<std::string, std::string> session_days(const Dialogue& d);

/// When a next step is due in this session: the day the learner last gave it in a typed reply,
/// else the scenario's `due`. The second form looks it up in session_days(), read once for all steps.
std::string session_due(const Dialogue& d, const Point& step);
std::string session_due(const std::map<std::string, std::string>& days, const Point& step);

}  // namespace rapport
