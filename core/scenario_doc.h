// The authoring studio's editing model: a scenario held as its JSON document (key order kept, so
// an exported file reads like the authored ones), changed only through edits that can be undone
// and redone, and checked after every edit by the loader, the linter and the reply coder. The
// studio's screens draw this model and send it edits; nothing here knows about them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "mi_codes.h"

namespace rapport::authoring {

using Json = nlohmann::ordered_json;

/// The edits an author can make. Node and ending ids name their targets; indexes count from 0.
namespace edit {
/// Sets a field (a JSON pointer to an existing value, or to a new member of an existing object);
/// null removes an object member. Node ids change only through RenameNode.
struct SetField {
  std::string pointer;
  Json value;
};
/// Appends a node with one client line and no replies; an empty id takes the next free "node-N".
struct AddNode {
  std::string id;
  std::string stage = "listen";
  std::string line;
};
/// Removes a node; replies that led to it keep their link, which the checks then report.
struct DeleteNode {
  std::string id;
};
/// Copies a node (lines and replies) under a new free id, right after it.
struct DuplicateNode {
  std::string id;
};
/// Renames a node and every link to it (start, replies, branches, typed reactions).
struct RenameNode {
  std::string from;
  std::string to;
};
struct AddReply {
  std::string node;
  std::string text;
  MiCode code = MiCode::OpenQuestion;
  std::string next;
};
struct DeleteReply {
  std::string node;
  int index = 0;
};
struct DuplicateReply {
  std::string node;
  int index = 0;
};
/// Moves a reply within its node (the order the learner sees before shuffling).
struct MoveReply {
  std::string node;
  int from = 0;
  int to = 0;
};
/// Points a reply at another node or ending (a drag on the graph).
struct Relink {
  std::string node;
  int index = 0;
  std::string next;
};
struct AddClientLine {
  std::string node;
  std::string text;
};
struct DeleteClientLine {
  std::string node;
  int index = 0;
};
struct AddEnding {
  std::string id;
  std::string kind = "partial";  // breakthrough, partial, rupture
  std::string title;
};
struct DeleteEnding {
  std::string id;
};
struct AddPrepStep {
  std::string id;
  std::string topic = "data";  // data, perspective, solutions, setting
  std::string question;
};
struct DeletePrepStep {
  int index = 0;
};
struct AddPrepOption {
  int step = 0;
  std::string id;
  std::string text;
};
struct DeletePrepOption {
  int step = 0;
  int index = 0;
};
/// Adds a state variable or changes its starting value (0..100).
struct SetStateVariable {
  std::string name;
  int initial = 50;
};
struct RemoveStateVariable {
  std::string name;
};
struct AddPoint {
  std::string id;
  std::string kind = "discussion";  // discussion, next_step
  std::string text;
};
struct DeletePoint {
  std::string id;
};
}  // namespace edit

using Edit = std::variant<edit::SetField, edit::AddNode, edit::DeleteNode, edit::DuplicateNode, edit::RenameNode,
                          edit::AddReply, edit::DeleteReply, edit::DuplicateReply, edit::MoveReply, edit::Relink,
                          edit::AddClientLine, edit::DeleteClientLine, edit::AddEnding, edit::DeleteEnding,
                          edit::AddPrepStep, edit::DeletePrepStep, edit::AddPrepOption, edit::DeletePrepOption,
                          edit::SetStateVariable, edit::RemoveStateVariable, edit::AddPoint, edit::DeletePoint>;

/// What an edit is called on the Undo and Redo buttons ("Add node").
std::string edit_label(const Edit& e);

/// Something wrong with the draft, pinned to where the author fixes it.
struct Problem {
  enum class Kind { Error, CoderDisagrees };
  Kind kind = Kind::Error;
  std::string pointer;  // JSON pointer into the draft ("" = the whole scenario)
  std::string message;
  std::string node;  // the node it belongs to, "" when none
  int reply = -1;    // the reply within that node, -1 when none
};

class ScenarioDoc {
 public:
  /// A new draft: the required fields present but empty, one node "start" and no endings, so
  /// the checks list what is left to write.
  static ScenarioDoc blank(std::string_view id);
  /// Opens a scenario's JSON text. Nullopt with `error` when it is not a JSON object; a file with
  /// other problems opens and lists them.
  static std::optional<ScenarioDoc> open(std::string_view text, std::string* error);

  const Json& json() const { return doc_; }
  /// The draft as a scenario file: two-space indents, keys in their order, a final newline.
  std::string text() const;
  /// The draft's id ("" when missing).
  std::string id() const;

  /// Applies an edit; false with `error` (and nothing changed) when it does not apply. An edit
  /// that changes nothing is accepted and leaves no undo step.
  /// With `continue_typing`, an edit of the same field as the last undo step (and nothing undone
  /// since) joins that step, so one Undo takes back a whole run of typing in a field.
  bool apply(const Edit& e, std::string* error = nullptr, bool continue_typing = false);
  bool can_undo() const { return done_ > 0; }
  bool can_redo() const { return done_ < steps_.size(); }
  bool undo();
  bool redo();
  /// The label of the edit Undo (Redo) would reverse (repeat); "" when none.
  std::string undo_label() const;
  std::string redo_label() const;
  /// Changes on every successful apply, undo and redo: autosave and redraw key on it.
  int revision() const { return revision_; }

  /// Every problem of the current draft: loader errors, then lint (when it loads), then replies
  /// whose text the reply coder reads as another kind of reply than the author's code.
  std::vector<Problem> problems() const;

 private:
  /// One undo step: the smallest subtree the edit changed, before and after.
  struct Step {
    std::string label;
    std::string pointer;
    Json before;
    Json after;
  };
  static constexpr size_t kMaxSteps = 500;

  explicit ScenarioDoc(Json doc) : doc_(std::move(doc)) {}

  Json doc_;
  std::vector<Step> steps_;
  size_t done_ = 0;
  int revision_ = 0;
};

/// Whether the coder reading `coded` where the author wrote `authored` is worth the author's time:
/// one side MI-consistent and the other non-adherent (persuade, confront), or a reflection read as
/// a question or a question as a reflection. Not flagged: readings between a function code
/// (affirm, autonomy, collaboration, permission) and a grammatical form, between open and closed
/// questions, and between reflections and information, which the coder tells apart poorly
/// (core/README-coder.md); flagging those on well-written scenarios taught authors to ignore flags.
bool disagreement_matters(MiCode authored, MiCode coded);

/// The reply coder's reading of one authored reply when it disagrees with the author's code in a
/// way that matters (disagreement_matters), read with at least `min_confidence`, with its cues.
/// Nullopt when they agree.
std::optional<std::string> coder_disagreement(std::string_view text, std::string_view context, MiCode authored,
                                              float min_confidence = 0.5f);

}  // namespace rapport::authoring
