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

/// `text` with ASCII letters in lower case (the cleaned reply's phrase checks).
std::string ascii_lower(std::string_view text);

/// The first of `phrases` (lower case) found in `lower` as whole words ("one" is not in
/// "someone", "0-10" not in "20-100"), or empty.
template <class Phrases>
std::string_view find_phrase(std::string_view lower, const Phrases& phrases) {
  const auto word_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\''; };
  for (std::string_view p : phrases) {
    for (size_t at = lower.find(p); at != std::string_view::npos; at = lower.find(p, at + 1)) {
      const bool start = at == 0 || !word_char(lower[at - 1]);
      const bool end = at + p.size() >= lower.size() || !word_char(lower[at + p.size()]);
      if (start && end) return p;
    }
  }
  return {};
}

}  // namespace rapport::coder
