// The follow-up email after a conversation: a small Mustache-style template renderer, the default
// email template, the data a template sees, and a completeness check of a learner's own draft.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

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

/// The built-in email: greeting, thanks, what was discussed, agreed next steps with owner and
/// date, an invitation to reply or correct, sign-off.
FollowUpTemplate default_followup_template();

/// Reads a scenario's own template from the raw scenario JSON: `{"followup": {"subject": "...",
/// "body": "..."}}` (`subject` may be left out for the default subject). Returns nullopt with
/// `error` cleared when the scenario has none, and nullopt with a "/followup...: message" error
/// when it is malformed (wrong types, unknown keys, template tags that do not balance).
std::optional<FollowUpTemplate> parse_followup_template(const nlohmann::json& scenario_doc, std::string* error);

/// The scenario's own template when it has a valid one, else the default (`error` says why a
/// present template was refused).
FollowUpTemplate followup_template_for(const nlohmann::json& scenario_doc, std::string* error = nullptr);

/// What a template sees after a session:
///   client {name, first_name, role, organisation}, learner {name, first_name},
///   scenario {id, title}, discussion [text...], next_steps [{id, text, action, owner,
///   owner_label ("I will" / "You will" / "We will"), due}], ending ("breakthrough", "partial",
///   "rupture" or "" before the end), has_discussion, has_next_steps, breakthrough, partial, rupture.
nlohmann::json followup_data(const Dialogue& d, std::string_view learner_name);

/// Subject line, a blank line, then the body. A template error leaves the result empty and is
/// reported through `error` when given.
std::string render_followup(const Dialogue& d, const FollowUpTemplate& t, std::string_view learner_name,
                            std::string* error = nullptr);

/// The email drafted after a session: the scenario's own template when it renders, else the
/// default; `error` says why the scenario's template was not used (shown to the learner).
struct FollowUpDraft {
  std::string text;
  std::string error;
};
FollowUpDraft draft_followup(const Dialogue& d, std::string_view learner_name);

/// How complete a follow-up draft is.
struct FollowUpCheck {
  struct Item {
    std::string id;     // summary, step:<point id>, timeline, reply_invite
    std::string label;  // what the item asks for, for the learner
    bool covered = false;
    std::string hint;  // how to cover it; empty when covered
  };
  std::vector<Item> items;
  double coverage = 0;             // covered items / items, minus 0.1 per flag, clamped 0..1
  std::vector<std::string> flags;  // blame or pressure wording, e.g. `pressure: "ASAP"`
};

/// Checks a draft against the session: a recap of at least one discussion point (`summary`),
/// each agreed next step (`step:<id>`), a date or time (`timeline`) and an invitation to reply
/// (`reply_invite`); flags blame and pressure wording. Words are compared case-insensitively on
/// ASCII letters and digits with light suffix stripping; other bytes only separate words.
FollowUpCheck check_followup(const Dialogue& d, std::string_view draft);

}  // namespace rapport
