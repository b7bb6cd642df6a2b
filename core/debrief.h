// Sentences about what this learner did, drawn from the session's own transcript, shown after
// the author's ending text: no fixed debrief can contradict the path the learner took.
#pragma once

#include <string>
#include <vector>

namespace rapport {

class Dialogue;

/// One generated debrief sentence; `quote` is the learner's reply it names (empty if none).
struct DebriefLine {
  std::string kind;  // "cost", "best", "talk", "threshold", "collapsed", "held", "discord", "steady"
  std::string text;
  std::string quote;
};

/// For an ended session: the reply that cost the most trust (with the author's stronger
/// alternative when there is one), the reply that gained the most, the client's change and
/// sustain talk, the bound on the client's state that decided the ending, and why discord held the
/// ending back. Empty before the session ends.
std::vector<DebriefLine> transcript_debrief(const Dialogue& d);

}  // namespace rapport
