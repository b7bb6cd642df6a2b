// The conversation map and the stage ratings of a session, as the results screens show them: the
// scenario's graph laid out in columns with the learner's path marked, and the generic
// conversation stages (prepare ... follow up) rated from the session.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dialogue.h"
#include "scenario.h"
#include "scoring.h"

namespace rapport {

// --- "Where you were strong": prepare, setting, open, listen, empathise, solve, follow up ---

enum class StepStatus { Strong, ToWorkOn, NotReached };

/// "strong", "to work on", "not reached".
std::string_view status_label(StepStatus status);

struct RoadmapStep {
  std::string id;     // prepare, setting, open, listen, empathise, solve, follow_up
  std::string label;  // "Prepare", "Setting", ..., "Follow up"
  StepStatus status = StepStatus::NotReached;
  std::string reason;  // one short sentence on why
};

/// Rates each stage of the session. Prepare and setting come from the score's "prepared" and
/// "setting" tactics, follow up from "followed_up"; open, listen, empathise and solve from the
/// learner's replies at nodes of that stage (a "close" node counts towards solve): strong when
/// more than half of them are MI-consistent, not reached when there were none.
std::vector<RoadmapStep> roadmap_steps(const Scenario& scenario, const Dialogue& dialogue, const SessionScore& score);

// --- "Your conversation as a map" ---

struct MapBox {
  std::string id;  // node or ending id
  bool ending = false;
  std::string label;   // nodes: the client's words there, shortened (short_line); endings: the kind
                       // made readable ("Breakthrough")
  std::string stage;   // nodes: the node's stage; endings: empty
  std::string kind;    // endings: breakthrough, partial, rupture
  std::string detail;  // nodes: the client's line; endings: the ending's title
  int column = 0;      // depth from the start (breadth-first); endings in the last column
  int row = 0;         // position within the column, ordered to keep arrows from crossing
  int path_step = 0;   // 1-based position on the learner's path, 0 when not on it
};

struct MapEdge {
  size_t from = 0, to = 0;  // indices into ConversationMap::boxes
  bool on_path = false;
  std::vector<std::string> replies;  // the authored replies that lead along it ("A typed ..." for typed reactions)
  std::string said;                  // on the path: what the learner said there (the latest time)
};

struct ConversationMap {
  std::vector<MapBox> boxes;
  std::vector<MapEdge> edges;
  int columns = 0;
  int rows = 0;  // rows in the fullest column
};

/// A box's label: `text` when it has at most `max_chars` bytes, else its whole sentences that fit,
/// else the text cut at the last space before the limit with an ellipsis (whole UTF-8 characters).
std::string short_line(std::string_view text, size_t max_chars = 60);

/// "defensive_late" -> "Defensive late".
std::string readable_id(std::string_view id);

/// Each box's vertical position in rows as the screen draws it, by index into `map.boxes`: each
/// column is centred on the fullest one (a column of two in a map of four rows starts at row 1).
std::vector<double> box_rows(const ConversationMap& map);

/// How many pairs of forward arrows (to a later column) cross, taking each arrow as a straight
/// line between its boxes' centres. Arrows sharing a box do not count.
int count_crossings(const ConversationMap& map);

/// Lays out the scenario's nodes and endings and marks the learner's path (the nodes of the
/// transcript in order, then the ending, or the current node while the session runs). Edges come
/// from the replies' routes and the typed reactions, one per pair of boxes. `dialogue` may be null.
ConversationMap build_conversation_map(const Scenario& scenario, const Dialogue* dialogue);

}  // namespace rapport
