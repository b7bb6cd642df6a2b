// Typed replies the client answers where the conversation stands, before it moves on: a request
// for permission ("Would it be okay if I shared an idea?") and a scale question ("On a scale of 0
// to 10, how important is it to you?"). The scenario's client says yes or not yet, or gives a
// number (client.permission, client.scale); the learner's next reply then says what they had in
// mind, or asks why that number and not a lower one.
#pragma once

#include <string_view>
#include <vector>

#include "scenario.h"

namespace rapport {

/// True when the reply asks for a number on a scale ("on a scale of 1 to 10", "out of ten", "from
/// zero to ten") and is a question ('?' or a question word).
bool asks_for_a_scale(std::string_view text);

/// The client lines that answer a reply in place, and the coach's note for the reply.
struct InPlaceAnswer {
  const std::vector<ClientLine>* lines = nullptr;  // nullptr: not answered in place
  std::string_view tip;
  /// The note when the client declines (declines()): "not yet" to a request for permission, no
  /// number to a scale question.
  std::string_view declined_tip;
  bool permission = false, scale = false;  // what was asked
  /// True when `said` (one of `lines`) declines: for permission a line with a condition (the
  /// "not yet" lines, said at low trust or high tension), for a scale a line without a number.
  bool declines(const ClientLine& said) const;
};

/// True when a client's line names a number: digits or zero to ten in words ("A five.", "Call it a
/// three", "8, maybe").
bool names_a_number(std::string_view line);

/// How the client answers `text` in place, given the client's line it answers; no lines when the
/// reply is not such a request or the scenario's client has none for it. `previous_reply` and
/// `previous_line` are the learner's last turn at this node ("" if none): a request is answered in
/// place once, not twice running, and "why that number?" only straight after the number.
InPlaceAnswer answer_in_place(const Scenario& scenario, std::string_view text, std::string_view client_line,
                              std::string_view previous_reply, std::string_view previous_line);

}  // namespace rapport
