// A stored session for the history view; see session_review.h.
#include "session_review.h"

#include <nlohmann/json.hpp>

#include "coaching.h"
#include "dialogue.h"
#include "progress_summary.h"
#include "scoring.h"
#include "utf8_text.h"

namespace rapport {
namespace {

std::string string_at(const nlohmann::json& o, const char* key) {
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

std::string replies_given(const SessionRecord& record) {
  if (record.mode != "text") return "chosen";
  const nlohmann::json& t = record.transcript;
  if (!t.is_array() || t.empty()) return "some typed";
  size_t typed = 0;
  for (const auto& turn : t)
    if (turn.is_object() && turn.contains("typed") && turn["typed"].is_boolean() && turn["typed"].get<bool>()) ++typed;
  if (typed == t.size()) return "typed";
  return std::to_string(typed) + " of " + std::to_string(t.size()) + " typed";
}

SessionReview review_session(const SessionRecord& record, const Scenario* scenario) {
  SessionReview r;
  r.title = scenario ? scenario->title : record.scenario;
  if (scenario) r.client = scenario->client.name;
  r.date = std::string(utf8_prefix(record.finished, 10));
  r.retry = retry_text(record);
  r.outcome = record.ending_title;
  r.kind = record.outcome;
  r.score = record.score;
  r.typed = record.mode == "text";
  const std::string given = replies_given(record);
  r.replies = given == "chosen" || given == "typed" ? given + " replies"
              : given == "some typed"               ? "some replies typed"
                                                    : given;
  r.last_words = record.last_words;
  r.journal = record.journal;
  r.followup_email = record.followup_email;
  if (scenario && record.prep && record.transcript->is_array() && !record.transcript->empty())
    r.followup_button = record.followup_email.empty() ? "Write the follow-up email" : "Edit the follow-up email";

  const nlohmann::json& t = record.transcript;
  if (t.is_null()) {
    r.note =
        "The transcript of this session is not kept (it was removed to save space, or the session is older "
        "than transcripts). Its score is.";
    return r;
  }
  if (!t.is_array()) {
    r.note = "The transcript of this session could not be read. Its score is kept.";
    return r;
  }
  int unreadable = 0;
  for (const auto& turn : t) {
    if (!turn.is_object() || !turn.contains("reply") || !turn["reply"].is_string()) {
      ++unreadable;
      continue;
    }
    ReviewTurn rt;
    rt.client = string_at(turn, "client");
    rt.reply = string_at(turn, "reply");
    rt.tip = string_at(turn, "tip");
    const std::string cue = string_at(turn, "cue");
    rt.coach_note = cue.empty() ? rt.tip : "Heard: " + cue + (rt.tip.empty() ? "" : "\n" + rt.tip);
    rt.typed = turn.contains("typed") && turn["typed"].is_boolean() && turn["typed"].get<bool>();
    if (auto code = parse_code(string_at(turn, "code"))) {
      const bool self_coded =
          turn.contains("self_coded") && turn["self_coded"].is_boolean() && turn["self_coded"].get<bool>();
      rt.monologue = rt.typed && is_rambling(rt.reply);
      rt.heard_as_advice = heard_as_advice(rt.typed, *code, rt.reply, rt.client);
      Turn stored;  // what reflection_leads reads, as the conversation's chip did
      stored.reply = rt.reply;
      stored.client_line = rt.client;
      stored.code = *code;
      stored.typed = rt.typed;
      stored.self_coded = self_coded;
      rt.code_label = code_chip_text(*code, self_coded, rt.monologue, rt.heard_as_advice, reflection_leads(stored));
      rt.consistent = is_mi_consistent(*code);
      rt.inconsistent = is_mi_non_adherent(*code);
    }
    r.turns.push_back(std::move(rt));
  }
  if (unreadable > 0)
    r.note =
        std::to_string(unreadable) + (unreadable == 1 ? " turn" : " turns") + " of this transcript could not be read.";
  return r;
}

}  // namespace rapport
