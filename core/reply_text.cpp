// Cleaning a reply for the coder: typographic folding, then word-level removal of transcription
// marks, fillers, stutters and cut-off words (see reply_text.h).
#include "reply_text.h"

#include <vector>

namespace rapport::coder {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '-' ||
         c >= 0x80;
}

/// Folds typographic marks to ASCII and drops bracketed transcription marks.
void fold(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char c = s[i];
    if (c == '[') {  // "[laughs]", "[inaudible 00:12]": a transcriber's note, not speech
      const std::size_t close = in.find(']', i);
      if (close != std::string_view::npos && close - i <= 40) {
        out += ' ';
        i = close;
        continue;
      }
    }
    if (c == '(') {  // "(laughs)", "(pause)": one or two words in parentheses
      const std::size_t close = in.find(')', i);
      if (close != std::string_view::npos && close - i <= 24) {
        int spaces = 0;
        bool letters = true;
        for (std::size_t k = i + 1; k < close; ++k) {
          spaces += s[k] == ' ';
          letters = letters && (s[k] == ' ' || ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'));
        }
        if (letters && spaces <= 1 && close > i + 1) {
          out += ' ';
          i = close;
          continue;
        }
      }
    }
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80) {
      const unsigned char k = s[i + 2];
      if (k == 0x98 || k == 0x99 || k == 0xB2) {
        out += '\'';
        i += 2;
        continue;
      }  // ' ' and prime
      if (k == 0x9C || k == 0x9D || k == 0xB3) {
        out += '"';
        i += 2;
        continue;
      }  // " "
      if (k >= 0x90 && k <= 0x95) {
        out += " - ";
        i += 2;
        continue;
      }  // dashes
      if (k == 0xA6) {
        out += "...";
        i += 2;
        continue;
      }  // ellipsis
      if (k == 0xAF || (k >= 0x80 && k <= 0x8A)) {
        out += ' ';
        i += 2;
        continue;
      }  // spaces
      if (k == 0x8B || k == 0x8C || k == 0x8D) {
        i += 2;
        continue;
      }  // zero-width
    }
    if (c == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) {
      out += ' ';
      ++i;
      continue;
    }                                                  // no-break space
    if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBC) {  // full-width
      const unsigned char k = s[i + 2];
      if (k == 0x9F) {
        out += '?';
        i += 2;
        continue;
      }
      if (k == 0x81) {
        out += '!';
        i += 2;
        continue;
      }
      if (k == 0x8C) {
        out += ',';
        i += 2;
        continue;
      }
      if (k == 0x8E) {
        out += '.';
        i += 2;
        continue;
      }
    }
    if (c == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x82) {
      out += '.';
      i += 2;
      continue;
    }
    if (c == '\t' || c == '\r') {
      out += ' ';
      continue;
    }
    if (c == '-' && i + 1 < n && s[i + 1] == '-') {  // "--": a pause or a break
      out += " - ";
      while (i + 1 < n && s[i + 1] == '-') ++i;
      continue;
    }
    out += static_cast<char>(c);
  }
}

struct Item {
  std::string_view word;  // as written (may end with '-' when cut off)
  std::string_view sep;   // what follows it up to the next word
  bool keep = true;
  bool dash = false;  // a free-standing dash: a break in the sentence
};

bool one_of(std::string_view w, std::initializer_list<std::string_view> set) {
  for (std::string_view x : set)
    if (w == x) return true;
  return false;
}

int strength(std::string_view sep) {
  int s = 0;
  for (char c : sep) {
    if (c == '?') return 4;
    if (c == '.' || c == '!' || c == '\n' || c == ';')
      s = std::max(s, 3);
    else if (c == ',' || c == ':')
      s = std::max(s, 2);
    else if (c == '-')
      s = std::max(s, 1);
  }
  return s;
}

/// Appends a separator without doubling spaces.
void append_sep(std::string& out, std::string_view sep) {
  for (char c : sep) {
    if (c == ' ' && !out.empty() && out.back() == ' ') continue;
    out += c;
  }
}

bool is_filler(std::string_view w) {
  return one_of(w, {"um", "umm", "ummm", "uh", "uhh", "uhm", "er", "err", "erm", "ehm", "hm", "hmm", "ah"});
}

/// Contractions typed without their apostrophe ("dont", "youre", "thats": phones that do not
/// correct them, quick typists) and where the apostrophe goes, so that the coder's words and
/// phrases ("don't say nobody warned you") read them as written with it. Only forms that are not
/// words of their own: not "its", "ill", "well", "were", "lets", "hes", "shes", "id", "wed".
struct Contraction {
  std::string_view bare;
  std::size_t at;
};
constexpr Contraction kContractions[] = {
    {"dont", 3},    {"doesnt", 5}, {"didnt", 4},  {"isnt", 3},   {"arent", 4},   {"wasnt", 4},    {"werent", 5},
    {"havent", 5},  {"hasnt", 4},  {"hadnt", 4},  {"cant", 3},   {"couldnt", 6}, {"shouldnt", 7}, {"wouldnt", 6},
    {"wont", 3},    {"mustnt", 5}, {"neednt", 5}, {"youre", 3},  {"youve", 3},   {"youll", 3},    {"youd", 3},
    {"theyre", 4},  {"theyve", 4}, {"theyll", 4}, {"weve", 2},   {"ive", 1},     {"im", 1},       {"thats", 4},
    {"theres", 5},  {"whats", 4},  {"heres", 4},  {"wheres", 5}, {"hows", 3},    {"whos", 3},     {"shouldve", 6},
    {"wouldve", 5}, {"couldve", 5}};

/// Text-speak a phone or a quick typist writes, and what it stands for, so that the coder's words
/// and phrases read it: "sounds like a lot on ur plate rn" was "other", with "your" and "right now"
/// a reflection. "ur" is "you're" before a state or an -ing word ("ur fed up", "ur right").
struct Shorthand {
  std::string_view typed, meant;
};
constexpr Shorthand kShorthand[] = {{"u", "you"},
                                    {"yr", "your"},
                                    {"rn", "right now"},
                                    {"tmrw", "tomorrow"},
                                    {"tmr", "tomorrow"},
                                    {"pls", "please"},
                                    {"plz", "please"},
                                    {"thx", "thanks"},
                                    {"ty", "thank you"},
                                    {"cos", "because"},
                                    {"cuz", "because"},
                                    {"coz", "because"},
                                    {"bc", "because"},
                                    {"ppl", "people"},
                                    {"abt", "about"},
                                    {"tbh", "to be honest"},
                                    {"idk", "i don't know"},
                                    {"imo", "in my opinion"},
                                    {"thru", "through"},
                                    {"b4", "before"},
                                    {"msg", "message"},
                                    // Reviewer X's "what wud make the eating easier" (0.48).
                                    {"wud", "would"},
                                    {"cud", "could"},
                                    {"shud", "should"},
                                    {"wat", "what"},
                                    {"wot", "what"}};

std::string_view shorthand(std::string_view lower, std::string_view next) {
  if (lower == "ur") {
    const bool state =
        (next.size() > 4 && (next.ends_with("ing") || next.ends_with("ed"))) ||
        one_of(next, {"a",   "an",    "the",   "not",     "so",       "really",  "very", "too",   "right", "wrong",
                      "fed", "still", "just",  "already", "probably", "clearly", "sure", "upset", "angry", "in",
                      "on",  "at",    "under", "up",      "stuck",    "all",     "both", "going"});
    return state ? "you're" : "your";
  }
  // "ok lets do that, can we check in next tuesday" (reviewer X's was advice without permission,
  // -12): "lets" before a verb is "let's"; "it lets you use it" is the verb.
  if (lower == "lets")
    return next.empty() || one_of(next, {"you", "him", "her", "them", "us", "me", "it", "people", "the", "a", "an",
                                         "your", "his", "their", "our", "my", "anyone", "everyone", "staff"})
               ? ""
               : "let's";
  // "how r u managing" (reviewer X's was a closed question): "r" before a person or a state.
  if (lower == "r")
    return one_of(next, {"u", "you", "we", "they", "ur", "your", "the", "those", "these", "things", "not", "going",
                         "so", "still", "really", "very", "all", "ok", "okay"})
               ? "are"
               : "";
  // "i understand your frustrated": "your" for "you're" before a feeling or a state, which no noun
  // follows in English ("your frustrated" cannot mean a thing of theirs); not "your right", "your
  // feeling" or an -ed word before a noun ("your revised plan").
  if (lower == "your")
    return one_of(next,
                  {"frustrated", "worried",       "angry",      "upset",       "scared",   "annoyed",   "disappointed",
                   "stressed",   "exhausted",     "fed",        "sick",        "not",      "so",        "really",
                   "very",       "still",         "just",       "going",       "saying",   "telling",   "asking",
                   "doing",      "trying",        "struggling", "overwhelmed", "confused", "concerned", "nervous",
                   "anxious",    "afraid",        "frightened", "furious",     "gutted",   "fuming",    "terrified",
                   "unhappy",    "uncomfortable", "unsure",     "torn",        "stuck",    "tired",     "hurt"})
               ? "you're"
               : "";
  for (const Shorthand& s : kShorthand)
    if (lower == s.typed) return s.meant;
  return {};
}

/// Walks the words of `text` (runs of bytes for which `letter` holds) and replaces each word
/// [from, to) for which `edit(from, to)` returns a non-empty string by that string. The text is
/// left untouched when nothing was replaced. put_back_apostrophes and expand_shorthand share it.
template <typename Letter, typename Edit>
void splice_words(std::string& text, Letter letter, Edit edit) {
  std::string out;
  std::size_t i = 0, copied = 0;
  while (i < text.size()) {
    if (!letter(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && letter(j)) ++j;
    if (const std::string with = edit(i, j); !with.empty()) {
      out.append(text, copied, i - copied);
      out += with;
      copied = j;
    }
    i = j;
  }
  if (copied == 0) return;  // nothing replaced (a replaced word ends after byte 0)
  out.append(text, copied, std::string::npos);
  text.swap(out);
}

/// The next word after `from` (spaces skipped), lower-cased.
template <typename Letter>
std::string next_word(const std::string& text, std::size_t from, Letter letter) {
  while (from < text.size() && text[from] == ' ') ++from;
  std::size_t e = from;
  while (e < text.size() && letter(e)) ++e;
  return ascii_lower(std::string_view(text).substr(from, e - from));
}

}  // namespace

void clean_reply(std::string_view text, std::string& out) {
  // Per-thread scratch, reused: the coder cleans every reply and its context.
  thread_local std::string folded, folded_lower;
  thread_local std::vector<Item> items;
  fold(text, folded);
  folded_lower.assign(folded);
  for (char& c : folded_lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c | 0x20);
  // A word (a view into `folded`) in lower case: the same bytes of folded_lower.
  const auto low = [&](std::string_view word) {
    return std::string_view(folded_lower).substr(static_cast<std::size_t>(word.data() - folded.data()), word.size());
  };
  // Split into words and the separators after them.
  items.clear();
  std::string_view lead;
  const std::string_view f = folded;
  std::size_t i = 0;
  while (i < f.size() && !is_word_byte(static_cast<unsigned char>(f[i]))) ++i;
  lead = f.substr(0, i);
  while (i < f.size()) {
    std::size_t j = i;
    while (j < f.size() && is_word_byte(static_cast<unsigned char>(f[j]))) ++j;
    std::size_t k = j;
    while (k < f.size() && !is_word_byte(static_cast<unsigned char>(f[k]))) ++k;
    // A leading '-' or '\'' belongs to the separator ("- I think", "'cause").
    std::string_view word = f.substr(i, j - i);
    items.push_back({word, f.substr(j, k - j)});
    i = k;
  }
  const auto lw = [&](std::size_t idx) { return idx < items.size() ? low(items[idx].word) : std::string_view(); };
  bool any_content = false;
  for (std::size_t a = 0; a < items.size(); ++a) {
    Item& it = items[a];
    std::string_view w = low(it.word);
    while (!w.empty() && w.front() == '-') w.remove_prefix(1);
    if (w.empty()) {
      it.keep = false;
      it.dash = true;
      continue;
    }
    // A word cut off mid-way ("compli-", "wh- what").
    if (w.back() == '-' && (it.sep.empty() || it.sep[0] == ' ')) {
      it.keep = false;
      continue;
    }
    // "to-to", "s-sorry": a stutter joined by a hyphen.
    const std::size_t dash = w.find('-');
    if (dash != std::string_view::npos && dash > 0) {
      const std::string_view head = w.substr(0, dash), tail = w.substr(dash + 1);
      if (tail.compare(0, head.size(), head) == 0 && head.size() <= 4 && tail.find('-') == std::string_view::npos)
        it.word = it.word.substr(dash + 1);
    }
    if (is_filler(w)) {
      it.keep = false;
      continue;
    }
    const std::string_view next = lw(a + 1);
    const int before = a == 0 ? 3 : strength(items[a - 1].sep);
    // "you know" and "I mean" as fillers: set off by punctuation, not the verb they can be.
    if ((w == "you" && next == "know") || (w == "i" && next == "mean")) {
      const int after = strength(items[a + 1].sep);
      const std::string_view then = lw(a + 2);
      const bool object =
          one_of(then, {"what", "that",     "how",     "why",   "when",  "where", "if",   "it",   "your",
                        "you",  "i",        "the",     "about", "him",   "her",   "them", "this", "more",
                        "best", "yourself", "whether", "who",   "which", "my",    "a",    "we",   "they"});
      if (after >= 2 || a + 2 >= items.size() || (before >= 2 && !object)) {
        it.keep = false;
        items[a + 1].keep = false;
        ++a;
        continue;
      }
    }
    if (w == "like" && strength(it.sep) == 2 && before >= 2) {
      it.keep = false;
      continue;
    }
    // "I- I", "the the", "I, I think": a repeated word.
    if (!next.empty() && next == w && strength(it.sep) <= 2 && w.size() <= 8) {
      it.keep = false;
      continue;
    }
    any_content = true;
  }
  if (!any_content) {  // only fillers: keep what was said, it is a backchannel
    out.assign(folded);
    return;
  }
  // Join the kept words; a removed word's separator merges with its neighbour's (the stronger wins).
  out.clear();
  std::string_view pending = lead;
  bool first = true;
  for (const Item& it : items) {
    if (!it.keep) {
      if (it.dash && strength(pending) < 1) pending = " - ";
      if (strength(it.sep) > strength(pending)) pending = it.sep;
      continue;
    }
    if (first) {
      for (char c : pending)
        if (c == '"' || c == '(' || c == '\'') out += c;  // an opening quote stays
    } else {
      if (strength(pending) == 1 && pending.find_first_not_of(" -") == std::string_view::npos)
        append_sep(out, " - ");
      else
        append_sep(out, pending);
    }
    std::string_view w = it.word;
    while (!w.empty() && w.front() == '-') w.remove_prefix(1);
    out.append(w.data(), w.size());
    pending = it.sep;
    first = false;
  }
  append_sep(out, pending);
}

void put_back_apostrophes(std::string& text) {
  const auto letter = [&](std::size_t k) {
    const char c = static_cast<char>(text[k] | 0x20);
    return c >= 'a' && c <= 'z';
  };
  splice_words(text, letter, [&](std::size_t i, std::size_t j) -> std::string {
    // A whole word: not inside "don't" (the letters after the apostrophe) nor "x-dont".
    const bool whole = (i == 0 || (text[i - 1] != '\'' && text[i - 1] != '-' && !is_word_byte(text[i - 1]))) &&
                       (j == text.size() || (text[j] != '\'' && !is_word_byte(text[j])));
    if (!whole || j - i > 8) return {};
    const std::string_view word(text.data() + i, j - i);
    const auto with_apostrophe = [&](std::size_t at) {
      return std::string(word.substr(0, at)) + '\'' + std::string(word.substr(at));
    };
    for (const Contraction& c : kContractions)
      if (word.size() == c.bare.size() &&
          std::equal(c.bare.begin(), c.bare.end(), word.begin(), [](char a, char b) { return a == (b | 0x20); }))
        return with_apostrophe(c.at);
    // "ill" is a word of its own ("I'm ill"); "ill ring you at 6.30" is "I'll": before a verb of
    // doing, and not after "am", "was", "feel"... ("I was ill last week").
    if (ascii_lower(word) != "ill") return {};
    std::size_t b = i;
    while (b > 0 && text[b - 1] == ' ') --b;
    std::size_t a = b;
    while (a > 0 && letter(a - 1)) --a;
    const std::string before = ascii_lower(std::string_view(text).substr(a, b - a));
    static constexpr std::string_view kDoing[] = {
        "look",  "check", "get",    "send",   "call",    "ring", "sort",  "be",    "do",    "have", "make", "try",
        "talk",  "speak", "ask",    "let",    "see",     "find", "chase", "book",  "email", "come", "put",  "take",
        "give",  "write", "follow", "fix",    "pass",    "keep", "just",  "need",  "go",    "tell", "pop",  "bring",
        "leave", "stop",  "start",  "update", "arrange", "text", "phone", "raise", "flag",  "note", "add",  "pull"};
    static constexpr std::string_view kIllAfter[] = {"am",    "m",         "was",      "is",         "be",
                                                     "been",  "feel",      "felt",     "very",       "too",
                                                     "being", "seriously", "mentally", "critically", "fell"};
    const std::string after = next_word(text, j, letter);
    if (std::find(std::begin(kDoing), std::end(kDoing), after) != std::end(kDoing) &&
        std::find(std::begin(kIllAfter), std::end(kIllAfter), before) == std::end(kIllAfter))
      return with_apostrophe(1);
    return {};
  });
}

void expand_shorthand(std::string& text) {
  const auto letter = [&](std::size_t k) {
    const char c = static_cast<char>(text[k] | 0x20);
    return (c >= 'a' && c <= 'z') || (text[k] >= '0' && text[k] <= '9');
  };
  splice_words(text, letter, [&](std::size_t i, std::size_t j) -> std::string {
    // A whole word, and not a letter of an abbreviation ("the U.K.") or part of "u-turn".
    const bool whole =
        (i == 0 || (text[i - 1] != '\'' && text[i - 1] != '-' && text[i - 1] != '.' &&
                    !is_word_byte(static_cast<unsigned char>(text[i - 1])))) &&
        (j == text.size() || (text[j] != '\'' && text[j] != '-' && !is_word_byte(static_cast<unsigned char>(text[j])) &&
                              !(text[j] == '.' && j + 1 < text.size() && letter(j + 1))));
    if (!whole || j - i > 4) return {};
    return std::string(shorthand(ascii_lower(std::string_view(text).substr(i, j - i)), next_word(text, j, letter)));
  });
}

std::string ascii_lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return lower;
}

}  // namespace rapport::coder
