// Follow-up email: words of drafts and typed replies (tokens with sentence numbers, stopwords,
// stems), shared by the completeness check and the session's own steps. Declared in
// followup_detail.h.
#include "followup_detail.h"

#include <algorithm>
#include <cctype>

namespace rapport::followup_detail {

/// Words with their sentence numbers; sentences end at a line break or at . ! ? ; followed by a
/// space or the end.
std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> words;
  size_t sentence = 0;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (is_word_byte(c)) {
      size_t b = i;
      std::string w;
      while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i])))
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
      words.push_back({std::move(w), b, i, sentence});
      continue;
    }
    bool next_is_space =
        i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '\r' || text[i + 1] == '\t';
    if (c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ';') && next_is_space)) ++sentence;
    ++i;
  }
  return words;
}

bool is_stopword(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "the",     "and",   "for",   "with",   "from",    "into",  "onto",  "that",  "this",  "these", "those",
      "are",     "was",   "were",  "been",   "being",   "its",   "our",   "your",  "their", "his",   "her",
      "hers",    "ours",  "them",  "they",   "she",     "you",   "will",  "would", "can",   "could", "should",
      "must",    "may",   "might", "not",    "does",    "did",   "have",  "has",   "had",   "about", "before",
      "after",   "than",  "then",  "any",    "some",    "what",  "which", "who",   "whom",  "when",  "where",
      "how",     "one",   "make",  "just",   "also",    "out",   "over",  "more",  "most",  "only",  "own",
      "same",    "very",  "there", "here",   "each",    "other", "all",   "but",   "yet",   "nor",   "too",
      "through", "while", "both",  "either", "neither", "let",   "get",   "got",   "via",   "per",   "able"};
  return in_list(w, kStop);
}

bool in_list(std::string_view w, const std::string_view* list, size_t n) {
  return std::find(list, list + n, w) != list + n;
}

/// Light suffix stripping so that "drafts", "drafted" and "drafting" meet at "draft".
std::string stem(std::string w) {
  auto ends = [&](std::string_view s) {
    return w.size() >= s.size() + 3 && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  if (is_number(w)) return w;
  // A call is a call however it is said: a reviewer promised to "ring" and wrote "give you a call".
  static constexpr std::string_view kCalls[] = {"ring",    "rang",   "ringing", "rings",  "phone",   "phoned",
                                                "phoning", "phones", "call",    "called", "calling", "calls"};
  if (in_list(w, kCalls)) return "call";
  // So is a choice: "two options" counts the conversation's "three routes" (reviewer T's passed).
  static constexpr std::string_view kChoices[] = {"option",   "options",   "route",       "routes",
                                                  "choice",   "choices",   "alternative", "alternatives",
                                                  "scenario", "scenarios", "path",        "paths"};
  if (in_list(w, kChoices)) return "option";
  if (ends("ies")) return w.replace(w.size() - 3, 3, "y");
  if (ends("sses")) return w.erase(w.size() - 2);
  if (ends("ing")) return w.erase(w.size() - 3);
  if (ends("ed")) return w.erase(w.size() - 2);
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  if (w.size() > 3 && w.back() == 'e') w.pop_back();  // "agree", "agrees" and "agreed" meet at "agre"
  return w;
}

/// Distinct content words (stemmed, stopwords and one- or two-letter words dropped), in order.
std::vector<std::string> content_words(std::string_view text) {
  std::vector<std::string> out;
  for (Word& w : split_words(text)) {
    if ((w.text.size() < 3 && !is_number(w.text)) || is_stopword(w.text)) continue;
    std::string s = stem(std::move(w.text));
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

Draft read_draft(std::string_view text) {
  Draft d{text, split_words(text), {}, 0};
  d.stems.reserve(d.words.size());
  for (const Word& w : d.words) {
    bool content = !(w.text.size() < 3 && !is_number(w.text)) && !is_stopword(w.text);
    d.stems.push_back(content ? stem(w.text) : std::string());
  }
  d.sentences = d.words.empty() ? 0 : d.words.back().sentence + 1;
  return d;
}

}  // namespace rapport::followup_detail
