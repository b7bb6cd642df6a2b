// The author's own drafts, kept in the browser beside the learner's progress (one versioned JSON
// record under its own key, never sent anywhere), with export and import of single scenarios,
// and the scenario a play-test runs: the draft started at a chosen node with chosen state values.
// Like ProgressBook, reading never loses data: unreadable bytes are set aside and reported, and
// nothing is written over them until they are.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint.h"
#include "play_stats.h"
#include "progress.h"
#include "scenario.h"
#include "scenario_doc.h"

namespace rapport::authoring {

inline constexpr int kDraftsFormatVersion = 1;
inline constexpr std::string_view kDraftsKey = "rapport.drafts";
inline constexpr std::string_view kDraftsBackupKey = "rapport.drafts.backup";

struct Draft {
  std::string id;     // the scenario's id, unique on the shelf
  std::string saved;  // ISO-8601 time of the last save
  Json scenario;      // the draft's JSON as the editor holds it
};

class DraftShelf {
 public:
  explicit DraftShelf(ProgressStore& store) : store_(&store) {}

  /// Reads the stored drafts; unreadable data is copied to the backup key and a notice set.
  void load();
  const std::vector<Draft>& drafts() const { return drafts_; }
  const Draft* find(std::string_view id) const;
  /// Notices for the author (data set aside, a save refused); cleared by take_notices().
  std::vector<std::string> take_notices();

  /// Saves (adds or replaces by id) a draft at time `now`; false, with a notice, when the store
  /// refused it (full) or the original could not be set aside. The shelf in memory keeps it.
  bool save(const ScenarioDoc& doc, std::string_view now);
  bool remove(std::string_view id);
  /// A free id for a copy of `id` ("id-copy", "id-copy-2", ...), among drafts and `also_taken`
  /// (the built-in scenarios' ids).
  std::string free_id(std::string_view id, const std::vector<std::string>& also_taken = {}) const;

 private:
  bool write();

  ProgressStore* store_;
  std::vector<Draft> drafts_;
  std::vector<std::string> notices_;
  bool holding_original_ = false;  // unreadable bytes not yet set aside: never overwrite them
};

/// The scenario text of stored draft `id`, for a kiosk link (?drafts=) in the learners' app.
/// Read with the plain JSON type, so that app carries none of the editor's ordered JSON; nullopt
/// when the shelf or the draft is missing or unreadable (the studio reports and keeps such data).
std::optional<std::string> stored_draft_text(ProgressStore& store, std::string_view id);

/// Opens an exported scenario file as a draft; when its id is taken (by `taken`), the draft gets
/// a free id and `renamed` says so. Nullopt with `error` when it is not a scenario object.
std::optional<ScenarioDoc> import_draft(std::string_view text, const std::vector<std::string>& taken,
                                        std::string* error, std::string* renamed = nullptr);

/// What a play-test starts from: a node of the draft and the state values there.
struct PlayTestStart {
  std::string node;                  // "" = the scenario's start, with its preparation
  std::map<std::string, int> state;  // values to start with; the rest keep their initial value
};

/// The draft as a play-test runs it: from a chosen node (preparation skipped) with chosen state
/// values. Nullopt with `error` naming the problem when the node or a variable is unknown, a value
/// is outside 0..100, or the draft does not load (its first error).
std::optional<Scenario> playtest_scenario(const ScenarioDoc& doc, const PlayTestStart& start, std::string* error);

/// The library statistics of a draft as it stands, for the studio to show after each edit.
struct DraftStats {
  ScenarioStats shape;  // nodes, replies, endings, longest path, codes
  PlayRates play;       // first-choice and random breakthrough rates, turns, inconsistent wins
};
/// Nullopt while the draft does not load; `random_plays` trades precision for time per edit.
std::optional<DraftStats> draft_stats(const ScenarioDoc& doc, int random_plays = 300);

}  // namespace rapport::authoring
