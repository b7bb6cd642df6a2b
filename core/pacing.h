// Conversation pacing: how long the client "types" before a line appears, so a reply is not
// answered in an instant. The app shows it only when the learner's platform allows motion and
// the page did not ask for speed (?pace=off, for kiosks and demos).
#pragma once

#include <string_view>

namespace rapport {

inline constexpr float kTypingMinSeconds = 0.6f;
inline constexpr float kTypingMaxSeconds = 1.8f;

/// Seconds of "typing" before a client line: 0.6 s plus a second per 120 characters (code
/// points, so any script counts alike), at most 1.8 s; 0 for an empty line.
float typing_seconds(std::string_view line);

}  // namespace rapport
