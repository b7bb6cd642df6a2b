// The session controller: inputs in, events and the finished record out.
#include "session.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "json_guard.h"
#include "suspend.h"

namespace rapport {

Session::Session(const Scenario& scenario, std::uint32_t seed, SessionContext context)
    : dialogue_(scenario, seed), context_(std::move(context)) {
  // A scenario without preparation starts talking at once.
  // Nothing to save yet: the first input saves.
  if (dialogue_.phase() == Phase::Conversation) events_.push_back({SessionEventKind::Started, false});
}

std::unique_ptr<Session> Session::resume(const Scenario& scenario, const nlohmann::json& saved, SessionContext context,
                                         std::string* error) {
  std::string err;
  nlohmann::json full;
  if (is_replay_session(saved)) {
    if (auto rebuilt = replay_session(scenario, saved, &err)) full = std::move(*rebuilt);
  } else {
    full = saved;  // an older save: the whole Dialogue::to_json()
  }
  auto session = std::make_unique<Session>(scenario, 0, std::move(context));
  if (err.empty()) err = session->dialogue_.restore(full);
  if (!err.empty()) {
    if (error) *error = err;
    return nullptr;
  }
  session->events_.clear();  // a resumed session has already started; nothing new happened
  if (const auto it = saved.find("retry_from"); saved.is_object() && it != saved.end())
    session->retry_from_ = json_int(*it, 1, 1000).value_or(0);
  if (session->finished()) session->finish();
  return session;
}

std::unique_ptr<Session> Session::reopen(const Scenario& scenario, const SessionRecord& record, SessionContext context,
                                         std::string* error) {
  const auto fail = [&](const std::string& why) -> std::unique_ptr<Session> {
    if (error) *error = why;
    return nullptr;
  };
  if (record.scenario != scenario.id) return fail("it is a session of another scenario");
  if (!record.prep) return fail("it was saved before Rapport kept how a session began");
  const nlohmann::json& turns = *record.transcript;
  if (!turns.is_array() || turns.empty()) return fail("its transcript is no longer stored");
  // The record's transcript is Dialogue::to_json()'s turns; the replay form takes its inputs.
  nlohmann::json inputs = nlohmann::json::array();
  for (const auto& t : turns) {
    if (!t.is_object()) return fail("its transcript cannot be read");
    const auto typed = t.find("typed");
    if (typed != t.end() && typed->is_boolean() && typed->get<bool>())
      inputs.push_back({{"typed", t.value("reply", nlohmann::json())},
                        {"code", t.value("code", nlohmann::json())},
                        {"self", t.value("self_coded", false)}});
    else
      inputs.push_back({{"choice", t.value("choice", nlohmann::json())}});
  }
  const nlohmann::json saved = {
      {"scenario", scenario.id},
      {"replay", {{"prep", *record.prep}, {"turns", std::move(inputs)}, {"node", ""}, {"seed", record.seed}}}};
  if (!check_replay_session(saved).empty()) return fail("its transcript cannot be read");
  std::string err;
  std::unique_ptr<Session> session = resume(scenario, saved, std::move(context), &err);
  if (!session) return fail("the scenario has changed since (" + err + ")");
  const Ending* end = session->dialogue_.ending();
  if (!session->finished() || !end || end->kind != record.outcome || end->title != record.ending_title)
    return fail("the scenario has changed since, and the conversation no longer ends as it did");
  // The stored record stays the session's: its id, time, score and the email as last written.
  session->events_.clear();
  session->record_ = record;
  session->score_ = score_session(session->dialogue_, record.followup_coverage);
  if (!record.followup_email.empty()) {
    session->followup_draft_ = record.followup_email;
    session->followup_written_ = true;
  }
  session->followup_revision_++;
  session->followup_check_ = check_followup(session->dialogue_, session->followup_draft_);
  return session;
}

bool Session::choose_prep(size_t option) {
  if (!dialogue_.choose_prep(option)) return false;
  after_input(dialogue_.phase() == Phase::Conversation ? SessionEventKind::Started : SessionEventKind::PrepChosen);
  return true;
}

bool Session::choose(size_t offered_index) {
  if (dialogue_.phase() != Phase::Conversation || !dialogue_.choose(offered_index)) return false;
  after_input(SessionEventKind::TurnPlayed);
  return true;
}

bool Session::submit_typed(const std::string& text, MiCode code, const std::string& cue, bool self_coded) {
  if (dialogue_.phase() != Phase::Conversation || !dialogue_.submit_typed(text, code, cue, self_coded)) return false;
  after_input(SessionEventKind::TurnPlayed);
  return true;
}

bool Session::retry_from(size_t turn) {
  if (!dialogue_.retry_from(turn)) return false;
  // The finished record stays in the history; the run from here is a new session when it ends,
  // kept as a retry from the learner's reply turn + 1.
  if (record_) retry_from_ = static_cast<int>(turn) + 1;
  score_.reset();
  record_.reset();
  after_input(SessionEventKind::Rewound);
  return true;
}

void Session::after_input(SessionEventKind kind) {
  const bool ended = finished();
  events_.push_back({kind, !ended});
  if (ended) finish();
}

nlohmann::json Session::saved_inputs() const {
  nlohmann::json saved = replay_form(dialogue_);
  if (retry_from_ > 0) saved["retry_from"] = retry_from_;
  return saved;
}

std::vector<SessionEvent> Session::take_events() {
  std::vector<SessionEvent> out;
  out.swap(events_);
  return out;
}

SessionRecord make_session_record(const Dialogue& dialogue, const SessionScore& score, const std::string& when,
                                  int number) {
  SessionRecord rec;
  rec.id = when + "-" + dialogue.scenario().id + "-" + std::to_string(number);
  rec.scenario = dialogue.scenario().id;
  rec.finished = when;
  const auto& turns = dialogue.transcript();
  rec.mode = std::any_of(turns.begin(), turns.end(), [](const Turn& t) { return t.typed; }) ? "text" : "choice";
  if (const Ending* e = dialogue.ending()) {
    rec.outcome = e->kind;
    rec.ending_title = e->title;
  }
  rec.score = score.total;
  rec.rq_ratio = score.miti.reflection_to_question;
  rec.percent_complex = score.miti.percent_complex;
  // The codes the results counted (scored codes, and reflections leading questions), so that the
  // progress trend reads the results' figures.
  for (MiCode c : all_mi_codes())
    if (const int n = score.miti.counts[static_cast<int>(c)]; n > 0) rec.codes[std::string(code_id(c))] = n;
  rec.transcript = dialogue.to_json()["turns"];
  rec.last_words = dialogue.client_line();
  rec.prep = dialogue.prep_choices();
  rec.seed = dialogue.seed();
  return rec;
}

void Session::finish() {
  score_ = score_session(dialogue_);
  const int number = context_.next_number ? context_.next_number() : 1;
  const std::string when = context_.now ? context_.now() : std::string("1970-01-01T00:00:00Z");
  record_ = make_session_record(dialogue_, *score_, when, number);
  record_->retry_from = retry_from_;
  // The learner writes the email from a skeleton; the example waits until they ask for it.
  followup_draft_ = followup_skeleton(dialogue_, context_.learner_name);
  FollowUpExample example = rapport::followup_example(dialogue_, context_.learner_name);
  followup_example_ = std::move(example.text);
  followup_error_ = std::move(example.error);
  followup_revision_++;
  followup_check_ = check_followup(dialogue_, followup_draft_);
  events_.push_back({SessionEventKind::Finished, false});
}

std::vector<RoadmapStep> Session::stage_ratings() const {
  return roadmap_steps(scenario(), dialogue_, score_ ? *score_ : score_session(dialogue_));
}

void Session::followup_edited() {
  if (!finished()) return;
  followup_check_ = check_followup(dialogue_, followup_draft_);
  followup_written_ = true;
}

void Session::followup_sent() {
  if (!score_ || !record_) return;
  const int before = score_->total;
  const bool new_text = followup_written_ && record_->followup_email != followup_draft_;
  if (record_->followup_coverage == followup_check_.coverage && record_->score == before && !new_text) return;
  score_ = score_session(dialogue_, followup_check_.coverage);
  record_->score = score_->total;
  record_->followup_coverage = followup_check_.coverage;
  if (new_text) record_->followup_email = followup_draft_;
  events_.push_back({SessionEventKind::Rescored, false, before});
}

void Session::followup_left() {
  if (!record_) return;
  // The record describes the email as it now stands, its text and its coverage: reviewers W and Z
  // replaced a complete email with a worse one and kept its points ("Counted from an earlier
  // version"), and the history then showed the worse text beside the better one's coverage.
  if (followup_check_.coverage > record_->followup_coverage ||
      (followup_written_ && record_->followup_email != followup_draft_))
    followup_sent();
}

void Session::set_learner_name(const std::string& name) {
  const std::string old_name = context_.learner_name;
  context_.learner_name = name;
  if (name == old_name || !score_) return;
  // The example signs with the new name, and so does the draft's sign-off line.
  followup_example_ = rapport::followup_example(dialogue_, name).text;
  if (sign_followup_draft(followup_draft_, old_name, name)) {
    followup_revision_++;
    followup_check_ = check_followup(dialogue_, followup_draft_);
  }
}

void Session::set_journal(const std::string& text) {
  if (record_) record_->journal = text;
}

}  // namespace rapport
