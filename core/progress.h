// The learner's progress: one versioned JSON record kept by a ProgressStore (browser local
// storage on the web, memory in tests). Loading never loses data: unreadable bytes are set aside
// under a backup key and reported.
#pragma once

#include <map>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "json_box.h"

namespace rapport {

/// Version 1: the first release. Version 2 adds each session's follow-up email coverage.
inline constexpr int kProgressFormatVersion = 2;
inline constexpr std::string_view kProgressKey = "rapport.progress";
inline constexpr std::string_view kProgressBackupKey = "rapport.progress.backup";

/// Key-value storage behind the progress record.
class ProgressStore {
 public:
  virtual ~ProgressStore() = default;
  virtual std::optional<std::string> read(std::string_view key) = 0;
  /// False when the value could not be stored (for example a full quota).
  virtual bool write(std::string_view key, const std::string& value) = 0;
  virtual void remove(std::string_view key) = 0;
};

/// In-memory store for tests and kiosk mode; `capacity` bytes (0 = unlimited) simulates a quota.
class MemoryProgressStore : public ProgressStore {
 public:
  explicit MemoryProgressStore(size_t capacity = 0) : capacity_(capacity) {}
  std::optional<std::string> read(std::string_view key) override;
  bool write(std::string_view key, const std::string& value) override;
  void remove(std::string_view key) override;
  const std::map<std::string, std::string, std::less<>>& items() const { return items_; }

 private:
  size_t capacity_;
  std::map<std::string, std::string, std::less<>> items_;
};

/// One finished session as kept in the history.
struct SessionRecord {
  std::string id;  // unique per session (time + scenario + counter)
  std::string scenario;
  std::string finished;  // ISO-8601 time
  std::string mode;      // "choice" or "text"
  std::string outcome;   // ending kind
  std::string ending_title;
  int score = 0;
  double rq_ratio = 0;
  double percent_complex = 0;
  std::map<std::string, int> codes;  // code id -> count
  std::string journal;
  double followup_coverage = 0;  // 0..1, how complete the follow-up email was
  /// The learner's follow-up email as last sent or left, exactly as written; "" when they never
  /// changed the skeleton. Optional in the stored record (older records have none).
  std::string followup_email;
  JsonBox transcript;      // compact transcript; dropped first when storage is full
  std::string last_words;  // the client's final line, shown after the last reply
  /// How the session began (the preparation options chosen, by id, and the replies' shuffle), so
  /// that with its transcript it can be played again to write its follow-up email later
  /// (Session::reopen). Absent in records from before 6 December 2026.
  std::optional<std::vector<std::string>> prep;
  std::uint32_t seed = 0;
  /// 0 for a run from the start; n when the learner went back to their reply n of a finished
  /// session ("Retry from this turn") and played on from there. A retry is kept in the history
  /// but is not a run: it knew how the first run went (counts_as_run()).
  int retry_from = 0;

  bool counts_as_run() const { return retry_from == 0; }
};

struct ProgressRecord {
  std::vector<SessionRecord> sessions;  // oldest first
  JsonBox unfinished;                   // a saved Dialogue::to_json(), or null
  JsonBox settings = JsonBox::object();
  /// Resets of the LMS copy this record has seen (core/lms_store.h); 0 outside an LMS.
  int reset_generation = 0;

  /// The runs from the start (retries are not counted; see SessionRecord::retry_from).
  int sessions_completed() const;
  /// The retries kept in the history, of every scenario or of one.
  int retries(std::string_view scenario = {}) const;
  /// The scores of runs from the start; a history holding only retries (its runs dropped to fit
  /// an LMS's limit) gives theirs.
  std::optional<int> last_score() const;
  std::optional<int> best_score() const;
  std::optional<int> best_score(std::string_view scenario) const;
  /// The best score of a scenario's retries.
  std::optional<int> best_retry_score(std::string_view scenario) const;
  /// The runs from the start of `scenario`.
  int completed(std::string_view scenario) const;
  /// The sessions that count as runs: the runs from the start, or every session when the history
  /// holds no run from the start.
  std::vector<const SessionRecord*> runs() const;
  /// The scenario of the saved unfinished session; "" when there is none.
  std::string unfinished_scenario() const;
};

/// The learner's settings as the app uses them; read from a record's settings that
/// progress_from_json_text has validated (a wrong type never reaches here, and never throws).
struct LearnerSettings {
  std::string theme = "light";  // light, dark, high-contrast
  double text_scale = 1.0;      // 0.9 .. 1.5
  std::string name;             // signs the follow-up email; "" = not set (learner_name in JSON)
};
LearnerSettings read_learner_settings(const nlohmann::json& settings);

/// Longest learner name kept, in bytes (cut between whole characters).
inline constexpr size_t kMaxLearnerNameBytes = 120;
/// The learner's name as typed, in any script, made safe to keep: invalid UTF-8 bytes and control
/// characters (line breaks, tabs) are dropped and it is cut to kMaxLearnerNameBytes between whole
/// characters. Everything else, spaces included, is kept exactly.
std::string clean_learner_name(std::string_view typed);

nlohmann::json progress_to_json(const ProgressRecord& record);
/// Brings an older stored record up to kProgressFormatVersion in place (one step per version).
void migrate_progress(nlohmann::json& doc);
/// Parses a stored record (migrating older versions); on failure returns nullopt and sets `error`.
/// Every field is checked for its type. A wrong-typed `settings` or `unfinished` does not lose the
/// history: that field falls back to its default and `problems` (when given) gets a sentence
/// naming the field and what was wrong, so that the caller keeps the original bytes aside.
std::optional<ProgressRecord> progress_from_json_text(std::string_view text, std::string* error,
                                                      std::vector<std::string>* problems = nullptr);

/// Copies unreadable bytes to `backup_key` before anything is saved over them; true when the copy
/// is there (an identical copy already stored counts), false when the store refused it.
bool keep_aside(ProgressStore& store, std::string_view backup_key, const std::string& raw);

/// Loads, updates and saves the record through a store, keeping the promises above.
class ProgressBook {
 public:
  explicit ProgressBook(ProgressStore& store) : store_(&store) {}

  /// Reads the stored record. Unreadable data (or a record with a field set aside) is copied to
  /// the backup key first and a notice is set; the book then starts from what could be read,
  /// without overwriting anything until the next save. When the backup cannot be written, the
  /// original is never overwritten: saves are refused (and the learner told so) until the copy
  /// succeeds.
  void load();
  /// True while the stored original could not be backed up and saving would overwrite it.
  bool holding_original() const { return original_not_backed_up_.has_value(); }
  const ProgressRecord& record() const { return record_; }
  /// Notices for the learner (data set aside, history trimmed); cleared by take_notices().
  std::vector<std::string> take_notices();

  /// Adds a finished session and saves. Re-reads the store first so that sessions written by
  /// another tab in the meantime are kept.
  bool add_session(SessionRecord session);
  /// Sets (or clears with null) the unfinished session and saves.
  bool set_unfinished(const nlohmann::json& saved);
  bool set_journal(std::string_view session_id, const std::string& journal);
  /// Replaces the stored session with the same id (score after the follow-up email, journal).
  bool update_session(const SessionRecord& session);
  /// Merges sessions from an exported record (by id, no duplicates); returns how many were new,
  /// or -1 with `error` set when the text is not a progress record.
  int import_record(std::string_view text, std::string* error);
  bool set_settings(const nlohmann::json& settings);
  /// Forgets everything: removes the stored record (the backup of unreadable data stays).
  void clear();

 private:
  void merge_from_store();
  bool save();
  bool back_up(const std::string& raw);

  ProgressStore* store_;
  ProgressRecord record_;
  std::vector<std::string> notices_;
  bool stored_is_unreadable_ = false;
  std::optional<std::string> original_not_backed_up_;  // the bytes a save would overwrite
};

}  // namespace rapport
