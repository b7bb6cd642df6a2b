// Cleaning a typed or transcribed reply before the coder reads it: typographic marks folded to
// ASCII (curly quotes, dashes, ellipses, no-break spaces), transcription marks ("[laughs]"),
// spoken fillers ("um", "uh", a filler "you know" or "I mean"), stutters ("I- I", "to-to",
// "the the") and words cut off mid-word ("compli-") removed. The learner's text itself is never
// changed: the cleaned copy is only what the coder's features see.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rapport::coder {

/// Writes the cleaned form of `text` into `out` (cleared first). A reply made only of fillers
/// ("Um. Mm-hmm.") is kept as it is, so the coder still sees a backchannel.
void clean_reply(std::string_view text, std::string& out);

/// Puts back the apostrophe of a contraction typed without it ("dont" -> "don't", "Youre" ->
/// "You're", "thats" -> "that's"; not "its", "well", "were", "lets", words of their own, and "ill"
/// only before a verb of doing and not after "am", "was", "feel"...: "ill ring you at 6.30"),
/// so that the coder's phrases read quick typing as they read careful typing. The rules' copy of
/// the reply only: the features read the cleaned words as they are.
void put_back_apostrophes(std::string& text);

/// Text-speak as the words it stands for ("ur" -> "your" or "you're", "u", "rn" -> "right now",
/// "tmrw", "pls", "thx", "tbh", "idk"...): for the coder's reading of a learner's reply, after
/// clean_reply(). Training reads its data as written (a few dozen labelled lines use such words).
void expand_shorthand(std::string& text);

/// `text` with ASCII letters in lower case (the cleaned reply's phrase checks).
std::string ascii_lower(std::string_view text);

/// A lower-cased text prepared for many phrase searches (find_phrase): the places a whole-word
/// match may start (the start, and after any byte that is not a letter, digit or '\''), grouped
/// by the letter that stands there (one group for anything else), so that a phrase is compared
/// only where its first letter stands.
class PhraseText {
 public:
  explicit PhraseText(std::string_view lower) { prepare(lower); }
  PhraseText() = default;
  void prepare(std::string_view lower) {
    lower_ = lower;
    from_.fill(0);
    for (std::size_t at = 0; at < lower.size(); ++at)
      if (at == 0 || !word_char(lower[at - 1])) ++from_[group(lower[at]) + 1];
    for (std::size_t g = 1; g < from_.size(); ++g) from_[g] += from_[g - 1];
    starts_.resize(from_.back());
    std::array<std::uint32_t, kGroups> fill;
    std::copy(from_.begin(), from_.end() - 1, fill.begin());
    for (std::size_t at = 0; at < lower.size(); ++at)
      if (at == 0 || !word_char(lower[at - 1])) starts_[fill[group(lower[at])]++] = static_cast<std::uint32_t>(at);
  }
  std::string_view text() const { return lower_; }

  /// The first of `phrases` (lower case) found as whole words ("one" is not in "someone", "0-10"
  /// not in "20-100"), or empty.
  template <class Phrases>
  std::string_view find(const Phrases& phrases) const {
    for (std::string_view p : phrases) {
      if (p.empty()) continue;
      const std::size_t g = group(p[0]);
      for (std::uint32_t i = from_[g]; i < from_[g + 1]; ++i) {
        const std::size_t at = starts_[i];
        if (lower_[at] != p[0] || lower_.size() - at < p.size() || lower_.compare(at, p.size(), p) != 0) continue;
        if (at + p.size() >= lower_.size() || !word_char(lower_[at + p.size()])) return p;
      }
    }
    return {};
  }

  static bool word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\''; }

 private:
  static constexpr std::size_t kGroups = 27;  // a to z, then everything else
  static std::size_t group(char c) { return c >= 'a' && c <= 'z' ? static_cast<std::size_t>(c - 'a') : 26; }

  std::string_view lower_;
  std::vector<std::uint32_t> starts_;              // match starts, grouped by their first letter
  std::array<std::uint32_t, kGroups + 1> from_{};  // starts_[from_[g], from_[g + 1]) are group g's
};

/// The first of `phrases` (lower case) found in `lower` as whole words ("one" is not in
/// "someone", "0-10" not in "20-100"), or empty.
template <class Phrases>
std::string_view find_phrase(std::string_view lower, const Phrases& phrases) {
  return PhraseText(lower).find(phrases);
}

}  // namespace rapport::coder
