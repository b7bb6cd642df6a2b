// The progress record squeezed into an LMS's resume field (SCORM 1.2 cmi.suspend_data holds
// 4,096 characters): a summary of finished sessions and the inputs of the unfinished one, which
// replay_session() turns back into a full Dialogue::to_json() once the scenario is known.
//
// Format "r3:" (ASCII only, no quotes, '<', '>', '&', '=', '#', '+', '\' or control characters):
//   r3:<generation>:<strings>|<sessions>|<unfinished>[|<settings>]
//   generation  how many times the learner reset their progress (base 36), so that a device's
//               older local copy does not bring reset sessions back
//   strings     texts separated by '~', each percent-escaped (scenario ids, outcomes, prep option
//               ids, node ids, typed replies); the other sections refer to them by index
//   sessions    newest first, separated by '~': scenario*score*outcome*finished*mode*id*title, numbers in
//               base 36 (finished = milliseconds since 1970, empty when unknown; mode 'c' or 't';
//               id = '.'n for the usual "<finished>-<scenario>-<n>", else a string index;
//               title = the ending's title, a string index, empty when none)
// r1 (the first release) had no generation and no ids, and finished in seconds.
//   unfinished  empty, or scenario*prep*turns*node[*seed]: prep = option-id indices separated
//               by ',', turns separated by ',' as c<offered index> or t<code id index>.<text index>
//               (the code by its id, a string index; r1 and r2 wrote t<code position><text index>),
//               seed = the session's shuffle in base 36 (absent: authored order)
//   settings    the record's settings JSON, percent-escaped (only when not empty)
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "dialogue.h"
#include "progress.h"
#include "scenario.h"

namespace rapport {

/// r2 added the reset generation and session ids, r3 stores typed replies' codes by id; r1 and r2
/// are still read.
inline constexpr int kSuspendFormatVersion = 3;
/// SCORM 1.2's CMIString4096, the smallest resume field an LMS offers.
inline constexpr size_t kSuspendDataLimit = 4096;

/// Encodes `record` in at most `limit` characters. Typed replies are shortened first, then the
/// oldest finished sessions are dropped, then the unfinished session; never fails.
std::string encode_suspend_data(const ProgressRecord& record, size_t limit = kSuspendDataLimit);

/// Decodes encode_suspend_data() output. Finished sessions come back oldest first with summary
/// fields only (no transcript, codes or journal). A non-null `unfinished` has the replay form
///   {"format_version":1, "scenario":id,
///    "replay":{"prep":[option ids], "turns":[{"choice":n} | {"typed":text, "code":code id}],
///              "node":node id or ""}}
/// which replay_session() rebuilds. On garbage or another version returns nullopt and sets `error`.
std::optional<ProgressRecord> decode_suspend_data(std::string_view data, std::string* error);

/// The inputs of `dialogue` in the replay form above (typed replies whole; a typed reply whose
/// code the learner chose carries "self":true), the one form every saved session uses.
nlohmann::json replay_form(const Dialogue& dialogue);

/// True when a saved unfinished session has the replay form above (rather than a full
/// Dialogue::to_json()).
bool is_replay_session(const nlohmann::json& unfinished);

/// "" when a replay-form session has well-typed inputs (a scenario id, prep ids, turns that are a
/// choice number or typed text with a known code); otherwise what is wrong.
std::string check_replay_session(const nlohmann::json& unfinished);

/// Rebuilds the full Dialogue::to_json() of a replay-form session by playing its inputs through a
/// fresh Dialogue over `scenario`. `replay` may be the whole unfinished object or its "replay"
/// member. Typed replies are re-coded only to recover the coder's cue; their stored code decides
/// the route. Returns nullopt (and sets `error`) when the inputs no longer fit the scenario.
std::optional<nlohmann::json> replay_session(const Scenario& scenario, const nlohmann::json& replay,
                                             std::string* error = nullptr);

}  // namespace rapport
