// Follow-up email: the skeleton the learner writes in, the example emails (one per ending), and the
// data a template sees, worded to the client in the second person.
//
// [SECTION] Wording for the client
// [SECTION] Built-in templates
// [SECTION] Template data, skeleton and example
#include <algorithm>
#include <array>
#include <cctype>
#include <nlohmann/json.hpp>

#include "followup.h"
#include "followup_detail.h"

namespace rapport {

//-----------------------------------------------------------------------------
// [SECTION] Wording for the client
//-----------------------------------------------------------------------------

namespace followup_detail {

std::string first_word(std::string_view name) {
  size_t b = name.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = name.find_first_of(" \t", b);
  return std::string(name.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
}

std::string first_name(std::string_view name) {
  std::string word = first_word(name);
  std::string lower;
  for (char c : word)
    if (c != '.') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::array<const char*, 8> titles = {"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir"};
  for (const char* t : titles)
    if (lower == t) return std::string(name);
  return word;
}

std::string owner_label(std::string_view owner) {
  if (owner == "you") return "I will";
  if (owner == "client") return "You said you would";
  if (owner == "both") return "We agreed to";
  return {};
}

std::string to_second_person(std::string_view text, std::string_view client_first_name) {
  if (client_first_name.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    bool starts_word = i == 0 || !is_word_byte(static_cast<unsigned char>(text[i - 1]));
    if (!starts_word || text.compare(i, client_first_name.size(), client_first_name) != 0) {
      out += text[i++];
      continue;
    }
    size_t after = i + client_first_name.size();
    std::string word;
    if (text.compare(after, 2, "'s") == 0) {
      word = "your";
      after += 2;
    } else if (text.compare(after, 4, "\xE2\x80\x99s") == 0) {
      word = "your";
      after += 4;
    } else {
      word = "you";
    }
    if (after < text.size() && is_word_byte(static_cast<unsigned char>(text[after]))) {  // "Danaher"
      out += text[i++];
      continue;
    }
    size_t last = out.find_last_not_of(" \t");
    bool sentence_start = last == std::string::npos || out[last] == '.' || out[last] == '!' || out[last] == '?';
    if (sentence_start) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    out += word;
    i = after;
  }
  return out;
}

std::string step_action(std::string_view text, std::string_view client_first_name) {
  std::string out = to_second_person(text, client_first_name);
  while (!out.empty() && (out.back() == '.' || out.back() == ' ' || out.back() == '\t')) out.pop_back();
  bool lower_first = out.size() >= 2 && std::isupper(static_cast<unsigned char>(out[0])) &&
                     std::islower(static_cast<unsigned char>(out[1]));
  if (lower_first) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

std::string step_due(std::string_view due) {
  const unsigned char first = due.empty() ? 0 : static_cast<unsigned char>(due[0]);
  const bool bare_day = std::isupper(first) || std::isdigit(first) || due.starts_with("the ");
  return (bare_day ? "on " : "") + std::string(due);
}

}  // namespace followup_detail

using namespace followup_detail;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Built-in templates
//-----------------------------------------------------------------------------

// Marked as the subject: the skeleton is what the learner copies, and an unmarked first line
// read as the email's first sentence (a reviewer).
constexpr const char* kSkeletonSubject = "Subject: Following up on our conversation";
constexpr const char* kSkeletonDiscussion = "What I heard from you:";
constexpr const char* kSkeletonNextSteps = "What happens next:";
constexpr const char* kSignOff = "Best regards,";

constexpr const char* kAgreedSubject = "Thank you for today: what we discussed and our next steps";
constexpr const char* kAgreedBody = R"(Hi {{client.first_name}},

{{#has_opening}}
{{opening}}
{{/has_opening}}
{{^has_opening}}
Thank you for making the time to talk with me today. I valued hearing your concerns directly, and I want to be sure we both come away with the same picture.
{{/has_opening}}

{{#has_discussion}}
What I heard from you:
{{#discussion}}
- {{.}}
{{/discussion}}

{{/has_discussion}}
{{^has_discussion}}
{{^has_opening}}
We talked about where things stand today, and I would like to build on it with you.

{{/has_opening}}
{{/has_discussion}}
{{#has_next_steps}}
What we agreed to do next:
{{#next_steps}}
- {{owner_label}} {{action}}{{#due}} {{due}}{{/due}}.
{{/next_steps}}

{{/has_next_steps}}
{{^has_next_steps}}
We did not settle on next steps today. Could we find half an hour next week to pick this up again, at a time that suits you?

{{/has_next_steps}}
{{#has_next}}
{{next}}

{{/has_next}}
If I have missed or misread anything, please reply and correct me; I would much rather fix it now.{{^has_next}} And let me know if any questions come up in the meantime.{{/has_next}}

Best regards,
{{learner.name}}
)";

constexpr const char* kTentativeSubject = "Thank you for today, and where we left things";
constexpr const char* kTentativeBody = R"(Hi {{client.first_name}},

{{#has_opening}}
{{opening}}
{{/has_opening}}
{{^has_opening}}
Thank you for talking with me today. I know we have not settled everything, and that is fine: this is your decision, and it should be one you are comfortable with.
{{/has_opening}}

{{#has_discussion}}
Here is what I took from our conversation, so that you can tell me if I have it right:
{{#discussion}}
- {{.}}
{{/discussion}}

{{/has_discussion}}
{{^has_discussion}}
{{^has_opening}}
We talked about where things stand, and I know there is still a lot for you to weigh up.

{{/has_opening}}
{{/has_discussion}}
{{#has_next_steps}}
Where I think we left things, for now:
{{#next_steps}}
- {{owner_label}} {{action}}{{#due}} {{due}}{{/due}}.
{{/next_steps}}

{{/has_next_steps}}
{{#has_next}}
{{next}}
{{/has_next}}
{{^has_next}}
When you have had a chance to think it over, I would be glad to talk again, this week or early next week, whenever suits you.
{{/has_next}}

If I have misread anything, please reply and correct me.

Best regards,
{{learner.name}}
)";

constexpr const char* kRepairSubject = "I am sorry about how our conversation went";
constexpr const char* kRepairBody = R"(Hi {{client.first_name}},

{{#has_opening}}
{{opening}}
{{/has_opening}}
{{^has_opening}}
I am sorry about how our conversation went today. Looking back, I spent too much of it putting my own view and not enough listening to yours, and that part is mine to own.
{{/has_opening}}

{{#has_discussion}}
I did hear some of what matters to you, and I would like to check that I have it right:
{{#discussion}}
- {{.}}
{{/discussion}}

{{/has_discussion}}
{{^has_discussion}}
{{^has_opening}}
We talked about a lot in a short time, and I do not think I listened well enough to what matters most to you.

{{/has_opening}}
{{/has_discussion}}
{{#has_next_steps}}
What we did agree still stands on my side:
{{#next_steps}}
- {{owner_label}} {{action}}{{#due}} {{due}}{{/due}}.
{{/next_steps}}

{{/has_next_steps}}
{{#has_next}}
{{next}}
{{/has_next}}
{{^has_next}}
If you are willing, I would welcome the chance to talk again, this time starting from what you need; perhaps next week, or whenever suits you. If you would rather not, I understand, and there is no pressure either way.
{{/has_next}}

If I have misread anything here, please reply and tell me.

With best wishes,
{{learner.name}}
)";

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Template data, skeleton and example
//-----------------------------------------------------------------------------

FollowUpTemplate default_followup_template(std::string_view ending) {
  if (ending == "rupture") return {kRepairSubject, kRepairBody};
  if (ending == "partial") return {kTentativeSubject, kTentativeBody};
  return {kAgreedSubject, kAgreedBody};
}

std::string signature_name(std::string_view learner_name) {
  bool blank = learner_name.find_first_not_of(" \t\r\n") == std::string_view::npos;
  return blank ? std::string(kNamePlaceholder) : std::string(learner_name);
}

nlohmann::json followup_data(const Dialogue& d, std::string_view learner_name) {
  const Scenario& s = d.scenario();
  std::string client_first = first_name(s.client.name);
  nlohmann::json discussion = nlohmann::json::array();
  nlohmann::json steps = nlohmann::json::array();
  const std::map<std::string, std::string> days = session_days(d);
  for (const auto& id : d.points()) {
    const Point* p = s.find_point(id);
    if (!p) continue;
    const std::string& words = p->to_client.empty() ? p->text : p->to_client;
    if (p->kind == "discussion") {
      discussion.push_back(to_second_person(words, client_first));
    } else if (p->kind == "next_step") {
      steps.push_back({{"id", p->id},
                       {"text", p->text},
                       {"action", step_action(words, client_first)},
                       {"owner", p->owner},
                       {"owner_label", owner_label(p->owner)},
                       {"due", step_due(to_second_person(session_due(days, *p), client_first))}});
    }
  }
  // The learner's own promises, as typed ("I'll ring you Monday at 4pm about the driving rules"):
  // what the learner said they would do belongs in the email as much as the scenario's steps.
  // In the second person, as the checklist's hint words them.
  for (const OwnPromise& p : session_promises(d, days))
    steps.push_back({{"id", "own"},
                     {"text", p.action},
                     {"action", to_second_person(p.action, client_first)},
                     {"owner", p.owner},
                     {"owner_label", owner_label(p.owner)},
                     {"due", ""}});
  std::string ending = d.ending() ? d.ending()->kind : std::string();
  std::string signature = signature_name(learner_name);
  nlohmann::json data;
  data["client"] = {{"name", s.client.name},
                    {"first_name", client_first},
                    {"role", s.client.role},
                    {"organisation", s.client.organisation}};
  data["learner"] = {{"name", signature}, {"first_name", first_name(signature)}};
  data["scenario"] = {{"id", s.id}, {"title", s.title}};
  data["has_discussion"] = !discussion.empty();
  data["has_next_steps"] = !steps.empty();
  data["discussion"] = std::move(discussion);
  data["next_steps"] = std::move(steps);
  data["ending"] = ending;
  data["breakthrough"] = ending == "breakthrough";
  data["partial"] = ending == "partial";
  data["rupture"] = ending == "rupture";
  // The ending's own words for the opening and for what comes next (a reviewer: every example
  // opened "I valued hearing your concerns directly", even after bad news, and a team lead's told
  // his report a performance conversation was optional).
  const std::string opening = d.ending() ? d.ending()->email_opening : std::string();
  const std::string next = d.ending() ? d.ending()->email_next : std::string();
  data["has_opening"] = !opening.empty();
  data["opening"] = opening;
  data["has_next"] = !next.empty();
  data["next"] = next;
  return data;
}

std::string render_followup(const Dialogue& d, const FollowUpTemplate& t, std::string_view learner_name,
                            std::string* error) {
  nlohmann::json data = followup_data(d, learner_name);
  std::string message;
  std::string subject = render_template(t.subject, data, &message);
  if (!message.empty()) {
    if (error) *error = "subject: " + message;
    return {};
  }
  std::string body = render_template(t.body, data, &message);
  if (!message.empty()) {
    if (error) *error = "body: " + message;
    return {};
  }
  if (error) error->clear();
  // The subject is one line.
  std::replace(subject.begin(), subject.end(), '\n', ' ');
  std::replace(subject.begin(), subject.end(), '\r', ' ');
  size_t b = subject.find_first_not_of(' '), e = subject.find_last_not_of(' ');
  subject = b == std::string::npos ? std::string() : subject.substr(b, e - b + 1);
  // Marked as the skeleton's is (reviewer O: the example's first line had no "Subject:", the
  // draft's had), unless the template marks it itself.
  const bool marked = subject.rfind("Subject:", 0) == 0;
  return (marked ? "" : "Subject: ") + subject + "\n\n" + body;
}

std::string followup_skeleton(const Dialogue& d, std::string_view learner_name) {
  std::string greeting = "Hi " + first_name(d.scenario().client.name) + ",";
  return std::string(kSkeletonSubject) + "\n\n" + greeting + "\n\n" + kSkeletonDiscussion + "\n\n\n" +
         kSkeletonNextSteps + "\n\n\n" + kSignOff + "\n" + signature_name(learner_name) + "\n";
}

bool sign_followup_draft(std::string& draft, std::string_view old_name, std::string_view new_name) {
  std::string old_signature = signature_name(old_name), new_signature = signature_name(new_name);
  if (old_signature == new_signature) return false;
  for (size_t at = draft.rfind(old_signature); at != std::string::npos;
       at = at == 0 ? std::string::npos : draft.rfind(old_signature, at - 1)) {
    size_t end = at + old_signature.size();
    bool line_start = at == 0 || draft[at - 1] == '\n';
    bool line_end = end == draft.size() || draft[end] == '\n' || draft[end] == '\r';
    if (!line_start || !line_end) continue;
    draft.replace(at, old_signature.size(), new_signature);
    return true;
  }
  return false;
}

FollowUpExample followup_example(const Dialogue& d, std::string_view learner_name) {
  FollowUpExample out;
  if (d.scenario().followup) {
    out.text = render_followup(d, *d.scenario().followup, learner_name, &out.error);
    if (out.error.empty()) return out;
    out.error = "the scenario's follow-up template could not be used (" + out.error +
                "); the standard example is shown instead";
  }
  std::string error;
  std::string ending = d.ending() ? d.ending()->kind : std::string();
  out.text = render_followup(d, default_followup_template(ending), learner_name, &error);
  return out;
}

}  // namespace rapport
