// One practice session from its first preparation step to its stored record: the controller the
// screens drive. It owns the Dialogue, says what happened as events (the screens draw them, the
// platform reports them to an LMS), keeps its inputs in the replay form that local storage, LMS
// suspend data and retry-from-turn share, and, once the client has spoken their last line, builds
// the SessionRecord, the score and the follow-up email work (draft, example, checklist).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "conversation_map.h"
#include "dialogue.h"
#include "followup.h"
#include "progress.h"
#include "scoring.h"

namespace rapport {

/// A reply typed and not sent is saved with the unfinished session (key "draft") once it has
/// stood changed this many seconds: a reload or a closed tab gives it back, and typing does not
/// write the whole progress record at every key.
inline constexpr double kReplyDraftSaveSeconds = 1.0;

enum class SessionEventKind {
  Started,     // the conversation began (preparation done): the client's first line shows
  PrepChosen,  // a preparation step was answered (the conversation has not begun yet)
  TurnPlayed,  // a reply was played; the transcript's last turn is it
  Rewound,     // the session went back to an earlier turn (retry from there)
  Finished,    // the conversation ended: score() and record() are set
  Rescored,    // the follow-up email was counted: record() changed (its score perhaps too)
};

struct SessionEvent {
  SessionEventKind kind;
  /// True for the events after which the inputs changed and an unfinished session should be
  /// saved (PrepChosen, Started, TurnPlayed and Rewound while the session runs).
  bool save = false;
  /// Rescored: the score before (compare with score()->total).
  int score_before = 0;
};

/// What a session needs from outside: the time (ISO-8601) for its record, a number that makes
/// the record's id unique within this run, and the name that signs the follow-up email.
struct SessionContext {
  std::function<std::string()> now;  // optional: "1970-01-01T00:00:00Z" without it
  std::function<int()> next_number;  // optional: every record is number 1 without it
  std::string learner_name;
};

class Session {
 public:
  /// Starts a session; `scenario` must outlive it. `seed` shuffles the offered order (0: authored).
  Session(const Scenario& scenario, std::uint32_t seed, SessionContext context = {});

  /// Rebuilds a saved unfinished session from its replay form (or an older full
  /// Dialogue::to_json()) by replaying the inputs, so that what is restored is a state the
  /// scenario can reach. nullptr, with `error` set, when the saved inputs no longer fit: nothing
  /// is half-restored. A session saved after the last line comes back finished.
  static std::unique_ptr<Session> resume(const Scenario& scenario, const nlohmann::json& saved, SessionContext context,
                                         std::string* error);

  /// A finished session from the history, played again from its record's start and transcript so
  /// that its follow-up email can be written or finished later. The record (id, time, score, the
  /// email as last written) stays the session's: followup_sent() raises its score as it would
  /// have at the time, and the Rescored event updates it in place. nullptr, with `error` saying why
  /// in plain words, when the record cannot be played again (an older record without its start, a
  /// transcript dropped to save space, a scenario changed since so that it ends otherwise).
  static std::unique_ptr<Session> reopen(const Scenario& scenario, const SessionRecord& record, SessionContext context,
                                         std::string* error);

  const Scenario& scenario() const { return dialogue_.scenario(); }
  const Dialogue& dialogue() const { return dialogue_; }
  bool finished() const { return dialogue_.phase() == Phase::Ended; }

  // --- inputs; each returns false (and changes nothing) when it does not apply now ---
  bool choose_prep(size_t option);
  /// Chooses offered reply number `offered_index` (position in dialogue().offered()).
  bool choose(size_t offered_index);
  /// Plays a typed reply already coded (`cue` says why; `self_coded` when the learner said which
  /// code they meant).
  bool submit_typed(const std::string& text, MiCode code, const std::string& cue, bool self_coded);
  /// Rewinds to just before learner turn `turn`; a finished session runs again (its record stays)
  /// and its next record is a retry (SessionRecord::retry_from).
  bool retry_from(size_t turn);

  /// The inputs so far in the replay form (core/suspend.h): what an unfinished session saves, with
  /// "retry_from" when it is a retry.
  nlohmann::json saved_inputs() const;

  /// The events since the last call, oldest first.
  std::vector<SessionEvent> take_events();

  // --- after the last line ---
  const std::optional<SessionScore>& score() const { return score_; }
  /// The stored form of the finished session (id, outcome, score, codes, transcript...).
  const std::optional<SessionRecord>& record() const { return record_; }
  /// "Where you were strong": each conversation stage rated (so far, while the session runs).
  std::vector<RoadmapStep> stage_ratings() const;

  /// The learner's own follow-up email: opens as the skeleton of the scenario's template.
  std::string& followup_draft() { return followup_draft_; }
  /// Changes when the draft was replaced by the session (not by the learner's typing).
  int followup_revision() const { return followup_revision_; }
  /// Re-checks the draft after the learner edited it.
  void followup_edited();
  const FollowUpCheck& followup_check() const { return followup_check_; }
  /// The model email for this ending, and why it could not be written ("" when it could).
  const std::string& followup_example() const { return followup_example_; }
  const std::string& followup_error() const { return followup_error_; }
  /// The email was sent (copied, downloaded, mailed): its checklist coverage now counts in the
  /// score and the record; a Rescored event follows when the record changed.
  void followup_sent();
  /// The learner left the email screen (or paused a second after a change): the draft counts as if
  /// sent, its text and its coverage, more or less than before (a Rescored event): the score
  /// describes the email as it stands, not a better version the learner rewrote.
  void followup_left();
  /// The learner changed the draft since the record last kept it: followup_left() would keep it.
  bool followup_unkept() const { return record_ && followup_written_ && record_->followup_email != followup_draft_; }
  /// The learner changed their name: the example and the draft's sign-off follow.
  void set_learner_name(const std::string& name);
  /// The learner's journal note on this session, kept in the record.
  void set_journal(const std::string& text);

 private:
  void after_input(SessionEventKind kind);
  void finish();

  Dialogue dialogue_;
  SessionContext context_;
  std::vector<SessionEvent> events_;
  std::optional<SessionScore> score_;
  std::optional<SessionRecord> record_;
  std::string followup_draft_;
  bool followup_written_ = false;  // the learner changed the draft (not only a new signature)
  int retry_from_ = 0;             // SessionRecord::retry_from of the record this run will make
  int followup_revision_ = 0;
  std::string followup_example_;
  std::string followup_error_;
  FollowUpCheck followup_check_;
};

/// Builds the stored record of a finished dialogue with `score`, finished at `when` (ISO-8601),
/// with the id "<when>-<scenario>-<number>".
SessionRecord make_session_record(const Dialogue& dialogue, const SessionScore& score, const std::string& when,
                                  int number);

}  // namespace rapport
