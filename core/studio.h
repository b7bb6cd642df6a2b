// The authoring studio as one controller: the author's library (built-in scenarios, read-only,
// and the drafts on the shelf), the draft being edited, what is selected in it, and what the
// studio shows about it (problems pinned to nodes and replies, the graph, the live statistics).
// Every edit is saved to the shelf at once (autosave). The studio's screens draw this and call it;
// the rules live here.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "draft_shelf.h"
#include "scenario_doc.h"

namespace rapport::authoring {

/// A scenario that ships with the app: shown in the studio's library, opened only as a copy.
struct BuiltIn {
  std::string id;
  std::string title;
  std::string text;  // the scenario file's JSON text
};

/// What the form beside the graph shows.
struct Selection {
  enum class Kind { Scenario, Node, Ending, Prep, Points, Ship };
  Kind kind = Kind::Scenario;
  std::string id;  // the node or ending ("" for the others)
  int reply = -1;  // within a node: the reply shown open, -1 for none
  bool operator==(const Selection& o) const { return kind == o.kind && id == o.id && reply == o.reply; }
};

/// The draft's graph as the studio draws it: nodes in columns by distance from the start (nodes
/// nothing reaches in a column of their own before the endings), endings in the last column.
struct GraphBox {
  std::string id;
  bool ending = false;
  std::string label;  // nodes: the first client line, shortened; endings: the title or kind
  std::string kind;   // nodes: the stage; endings: breakthrough, partial, rupture
  int column = 0, row = 0;
  bool reachable = true;
  int problems = 0;  // problems pinned to it (and its replies)
};
struct GraphEdge {
  size_t from = 0, to = 0;  // indices into boxes
  int reply = -1;           // the reply (index in its node) the edge is; -1 for a typed reaction
};
struct StudioGraph {
  std::vector<GraphBox> boxes;
  std::vector<GraphEdge> edges;
  int columns = 0, rows = 0;
  /// The box of a node or ending id, or -1.
  int find(std::string_view id) const;
};
StudioGraph studio_graph(const Json& doc, const std::vector<Problem>& problems = {});

class Studio {
 public:
  Studio(ProgressStore& store, std::vector<BuiltIn> built_ins, std::function<std::string()> now = {});

  // --- the library ---
  const std::vector<BuiltIn>& built_ins() const { return built_ins_; }
  const std::vector<Draft>& drafts() const { return shelf_.drafts(); }
  /// Messages for the author (saved, set aside, refused, imported as ...); cleared when taken.
  std::vector<std::string> take_notices();
  /// Starts an empty draft (checks list what is left to write) and opens it.
  void new_draft();
  /// Copies a built-in scenario to a new draft under a free id and opens it.
  bool duplicate_built_in(std::string_view id);
  bool open_draft(std::string_view id);
  bool delete_draft(std::string_view id);
  /// Opens an exported scenario file as a new draft (a taken id gets a free one).
  bool import_file(std::string_view name, std::string_view text);
  /// Leaves the editor for the library (the draft is already saved).
  void close() { doc_.reset(); }
  bool editing() const { return doc_ != nullptr; }

  // --- the draft being edited ---
  const ScenarioDoc& doc() const { return *doc_; }
  /// Applies an edit and saves the draft; false with `error` when the edit does not apply. With
  /// `typing`, a run of edits to one field is one undo step and the form keeps its fields.
  bool apply(const Edit& e, std::string* error = nullptr, bool typing = false);
  bool undo();
  bool redo();
  const Selection& selection() const { return selection_; }
  void select(Selection s);
  /// Changes when the form's text fields must show the draft again (selection, undo, redo, an edit
  /// other than typing in a field), not while the author types.
  int form_revision() const { return form_revision_; }

  /// The draft's problems, each pinned to a node and reply when it belongs to one.
  const std::vector<Problem>& problems();
  /// Selects where problem `index` is fixed.
  void go_to_problem(size_t index);
  /// Library statistics of the draft as it stands; nullopt while it does not load.
  const std::optional<DraftStats>& stats();
  const StudioGraph& graph();

  /// The draft as a scenario file, and the name to save it under ("<id>.json").
  std::string export_text() const { return doc_->text(); }
  std::string export_name() const;
  /// What a SCORM package of the app carries besides the site, as the page's packager reads it:
  /// {"scorm": "1.2"|"2004", "file": "<id>-scorm2004.zip", "title": ..., "authored": {"scenarios":
  /// [the draft], "library": [the draft's id, then `built_ins` in order]}}. The learners of the
  /// package see that library only. Nullopt with `error` while the draft has errors (a package
  /// must not ship a scenario that does not load) or for an unknown version or built-in.
  std::optional<std::string> package_request(std::string_view scorm, const std::vector<std::string>& built_ins,
                                             std::string* error);
  /// Ids no new draft may take: built-ins and drafts.
  std::vector<std::string> taken_ids() const;

 private:
  /// Opens `doc` for editing; a new draft (not yet on the shelf) is saved at once.
  void opened(ScenarioDoc doc, bool is_new);
  void save();
  /// Keeps the selection on something that exists after an edit, undo or redo.
  void keep_selection_valid();

  DraftShelf shelf_;
  std::vector<BuiltIn> built_ins_;
  std::function<std::string()> now_;
  std::vector<std::string> notices_;
  std::unique_ptr<ScenarioDoc> doc_;
  Selection selection_;
  int form_revision_ = 0;
  int checked_ = -1;  // the revision problems_ and graph_ were computed for
  std::vector<Problem> problems_;
  StudioGraph graph_;
  int counted_ = -1;  // the revision stats_ was computed for
  std::optional<DraftStats> stats_;
};

}  // namespace rapport::authoring
