// Cleaning a typed or transcribed reply before the coder reads it: typographic marks folded to
// ASCII (curly quotes, dashes, ellipses, no-break spaces), transcription marks ("[laughs]"),
// spoken fillers ("um", "uh", a filler "you know" or "I mean"), stutters ("I- I", "to-to",
// "the the") and words cut off mid-word ("compli-") removed. The learner's text itself is never
// changed: the cleaned copy is only what the coder's features see.
#pragma once

#include <string>
#include <string_view>

namespace rapport::coder {

/// Writes the cleaned form of `text` into `out` (cleared first). A reply made only of fillers
/// ("Um. Mm-hmm.") is kept as it is, so the coder still sees a backchannel.
void clean_reply(std::string_view text, std::string& out);

}  // namespace rapport::coder
