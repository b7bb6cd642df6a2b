// Similarity between a typed reply and authored replies (see reply_match.h).
#include "reply_match.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <set>
#include <string>

#include "reply_text.h"

namespace rapport {
namespace {

constexpr std::string_view kStop[] = {
    "a",    "an",    "the",    "and",  "or",   "but",   "so",    "to",   "of",     "in",     "on", "at",  "for",
    "with", "about", "as",     "by",   "from", "it",    "it's",  "this", "that",   "that's", "is", "are", "was",
    "were", "be",    "been",   "am",   "do",   "does",  "did",   "have", "has",    "had",    "i",  "i'm", "me",
    "my",   "you",   "you're", "your", "we",   "our",   "us",    "they", "them",   "their",  "he", "she", "his",
    "her",  "just",  "really", "very", "can",  "could", "would", "will", "should", "not",    "no", "yes", "okay",
    "ok",   "well",  "there",  "here", "then", "than",  "if",    "what", "how"};

bool stop_word(const std::string& w) { return std::find(std::begin(kStop), std::end(kStop), w) != std::end(kStop); }

bool ends_with(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// A light stem, the same for a word's common forms: "drying", "dried", "dries" -> "dry";
/// "resubmitting" -> "resubmit"; "taking", "takes" -> "tak"; "budgets" -> "budget"; "14th" -> "14".
void stem(std::string& w) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (w.size() > 2 && digit(w[0]) && digit(w[w.size() - 3]) &&
      (ends_with(w, "th") || ends_with(w, "st") || ends_with(w, "nd") || ends_with(w, "rd"))) {
    w.resize(w.size() - 2);
    return;
  }
  if (w.size() > 4 && (ends_with(w, "ied") || ends_with(w, "ies"))) {
    w.replace(w.size() - 3, 3, "y");
    return;
  }
  bool verb_ending = false;
  for (std::string_view suffix : {"ing", "ed", "es", "s", "ly"}) {
    // "-ing" and "-ed" leave a stem of three letters or more ("dry"); the others four ("bus" stays).
    const std::size_t keep = suffix == "ing" || suffix == "ed" ? 3 : 4;
    if (w.size() >= suffix.size() + keep && ends_with(w, suffix)) {
      w.resize(w.size() - suffix.size());
      verb_ending = suffix == "ing" || suffix == "ed";
      break;
    }
  }
  // "resubmitt(ing)" -> "resubmit", "stopp(ed)" -> "stop"; not "call(ed)" or "miss(ing)".
  if (verb_ending && w.size() > 3 && w[w.size() - 1] == w[w.size() - 2] &&
      std::string_view("bdgmnprt").find(w.back()) != std::string_view::npos)
    w.pop_back();
  // "take" and "tak(ing)", "close" and "clos(ed)" meet.
  if (w.size() > 3 && w.back() == 'e' && w[w.size() - 2] != 'e') w.pop_back();
}

/// Lower-cased ASCII words with a light stem (stem()).
std::vector<std::string> words(std::string_view raw) {
  std::string text;
  coder::clean_reply(raw.substr(0, 4096), text);
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (w.empty()) return;
    if (!stop_word(w)) stem(w);
    out.push_back(w);
    w.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '\'' || u >= 0x80)
      w += c;
    else if (u >= 'A' && u <= 'Z')
      w += static_cast<char>(u | 0x20);
    else
      flush();
  }
  flush();
  return out;
}

/// True when `text` says something cannot or will not happen ("I can't waive the fee", "that isn't
/// possible"): word overlap cannot tell it from the promise it refuses.
bool refuses(std::string_view raw) {
  constexpr std::string_view kRefusals[] = {"can't",  "cannot",   "can not",      "won't",        "will not",
                                            "isn't",  "is not",   "unable",       "not able",     "impossible",
                                            "no way", "couldn't", "not possible", "not something"};
  std::string text;
  coder::clean_reply(raw.substr(0, 4096), text);
  return !coder::find_phrase(coder::ascii_lower(text), kRefusals).empty();
}

std::set<std::string> features(std::string_view text) {
  const auto ws = words(text);
  std::set<std::string> out;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    if (!stop_word(ws[i])) out.insert(ws[i]);
    if (i + 1 < ws.size() && !(stop_word(ws[i]) && stop_word(ws[i + 1]))) out.insert(ws[i] + " " + ws[i + 1]);
  }
  return out;
}

/// Words that make a reply a plan rather than a remark: who commits, or when. Not "next": "What
/// are the next steps for the phased plan?" asks for a plan. Not "evening": its stem is "even".
constexpr std::string_view kPlanWords[] = {"i'll",      "we'll",     "you'll",  "let's",    "shall",    "agree",
                                           "agreed",    "today",     "tonight", "tomorrow", "monday",   "tuesday",
                                           "wednesday", "thursday",  "friday",  "saturday", "sunday",   "week",
                                           "weekend",   "fortnight", "month",   "morning",  "afternoon"};

/// Words as words() gives them (stemmed unless a stopword), for matching against its output.
template <class Range>
std::set<std::string> as_words(const Range& list) {
  std::set<std::string> out;
  for (std::string_view p : list) {
    std::string s(p);
    if (!stop_word(s)) stem(s);
    out.insert(std::move(s));
  }
  return out;
}

/// True when `w` (a word as words() gives it) says who commits or when: a plan word, or a time
/// of day ("10am", "4pm").
bool plan_word(const std::string& w) {
  static const std::set<std::string> stems = as_words(kPlanWords);
  return stems.count(w) > 0 ||
         (w.size() > 2 && w[0] >= '0' && w[0] <= '9' && (ends_with(w, "am") || ends_with(w, "pm")));
}

/// The words of `text` (words()) without its conditional sentences ("You decide whether we launch
/// on 3 April or hold it.", "If you want, I'll..."): they leave a step open rather than agree it.
std::vector<std::string> committed_words(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(".!?;\n", start);
    end = end == std::string_view::npos ? text.size() : end + 1;
    std::vector<std::string> sentence = words(text.substr(start, end - start));
    if (std::none_of(sentence.begin(), sentence.end(),
                     [](const std::string& w) { return w == "whether" || w == "if"; }))
      out.insert(out.end(), std::make_move_iterator(sentence.begin()), std::make_move_iterator(sentence.end()));
    start = end;
  }
  return out;
}

/// True when the words say who commits or when ("I'll", "I will", "going to", "by Tuesday").
bool says_when_or_who(const std::vector<std::string>& ws) {
  for (std::size_t i = 0; i < ws.size(); ++i) {
    if (plan_word(ws[i])) return true;
    if (i + 1 < ws.size() &&
        (((ws[i] == "i" || ws[i] == "we") && ws[i + 1] == "will") || (ws[i] == "going" && ws[i + 1] == "to")))
      return true;
  }
  return false;
}

}  // namespace

double reply_similarity(std::string_view a, std::string_view b) {
  const auto fa = features(a), fb = features(b);
  if (fa.empty() || fb.empty()) return 0.0;
  std::size_t shared = 0;
  for (const auto& f : fa) shared += fb.count(f);
  return 2.0 * static_cast<double>(shared) / static_cast<double>(fa.size() + fb.size());
}

std::optional<std::size_t> closest_reply(const Node& node, const std::vector<std::size_t>& offered,
                                         std::string_view text, MiCode code) {
  std::optional<std::size_t> best;
  double best_score = kReplyMatchThreshold;
  for (std::size_t i : offered) {
    if (i >= node.replies.size()) continue;
    const ReactionClass authored = reaction_class(node.replies[i].code);
    const bool playback = reaction_class(code) == ReactionClass::Information && authored == ReactionClass::Reflection;
    if (authored != reaction_class(code) && !playback) continue;
    // A typed-only question was written for one kind of question: reviewer W's open "What's riding
    // on the twelve hundred for you?" followed "Could you ask the board to lower the twelve
    // hundred?" on the two words they share, and the client refused a request never made.
    if (node.replies[i].typed_only && authored == ReactionClass::Question && node.replies[i].code != code) continue;
    // A reply that sets a flag (a promise the scenario remembers) is followed only by a typed
    // reply that says the same thing, not by its refusal: "I can't waive the exit fee" shares
    // every word of "I'll waive the exit fee for you".
    if (!node.replies[i].sets_flags.empty() && refuses(text) != refuses(node.replies[i].text)) continue;
    const double s = reply_similarity(text, node.replies[i].text);
    if (s >= (playback ? kPlaybackMatchThreshold : kReplyMatchThreshold) && s >= best_score) {
      best_score = s;
      best = i;
    }
  }
  return best;
}

bool lays_out_a_plan(std::string_view text) {
  const std::vector<std::string> ws = committed_words(text.substr(0, 4096));
  constexpr std::string_view kCommits[] = {"i'll", "we'll", "let's", "shall"};
  constexpr std::string_view kWho[] = {"you'll", "agree", "agreed"};  // plan words that say who, not when
  static const std::set<std::string> commits = as_words(kCommits), who = as_words(kWho);
  bool commit = false, when = false;
  for (std::size_t i = 0; i < ws.size(); ++i) {
    commit = commit || commits.count(ws[i]) > 0 ||
             (i + 1 < ws.size() && (ws[i] == "i" || ws[i] == "we") && ws[i + 1] == "will");
    when = when || (plan_word(ws[i]) && !commits.count(ws[i]) && !who.count(ws[i]));
  }
  return commit && when;
}

bool promises_without_a_day(std::string_view text) {
  text = text.substr(0, 4096);
  if (lays_out_a_plan(text)) return false;
  constexpr std::string_view kDoing[] = {"look",  "check",    "chase", "find",  "sort",        "send",   "email",
                                         "call",  "ring",     "phone", "get",   "follow",      "speak",  "talk",
                                         "raise", "escalate", "fix",   "write", "investigate", "dig",    "arrange",
                                         "book",  "update",   "come",  "put",   "contact",     "review", "flag"};
  constexpr std::string_view kFillers[] = {"just", "then", "personally", "also", "definitely", "make", "sure", "to"};
  static const std::set<std::string> doing = as_words(kDoing), fillers = as_words(kFillers);
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(".!?;\n", start);
    const bool question = end != std::string_view::npos && text[end] == '?';
    end = end == std::string_view::npos ? text.size() : end + 1;
    const std::vector<std::string> ws = words(text.substr(start, end - start));
    start = end;
    if (question || std::any_of(ws.begin(), ws.end(), [](const std::string& w) { return w == "whether" || w == "if"; }))
      continue;
    for (std::size_t i = 0; i < ws.size(); ++i) {
      std::size_t verb = SIZE_MAX;
      if (ws[i] == "i'll" || ws[i] == "we'll" || ws[i] == "ill") verb = i + 1;  // "ill look into it"
      if (i + 1 < ws.size() && (ws[i] == "i" || ws[i] == "we") && ws[i + 1] == "will") verb = i + 2;
      if (i + 1 < ws.size() && ws[i] == "let" && ws[i + 1] == "me") verb = i + 2;
      while (verb < ws.size() && fillers.count(ws[verb])) ++verb;
      if (verb < ws.size() && doing.count(ws[verb])) return true;
    }
  }
  return false;
}

std::vector<std::string> named_next_steps(const Scenario& scenario, std::string_view text) {
  std::vector<std::string> out;
  std::vector<std::string> ws = committed_words(text.substr(0, 4096));
  if (!says_when_or_who(ws)) return out;
  std::set<std::string> typed;
  for (std::string& w : ws)
    if (!stop_word(w)) typed.insert(std::move(w));
  for (const Point& p : scenario.points) {
    if (p.kind != "next_step") continue;
    std::set<std::string> step;
    for (std::string& w : words(p.text))
      if (!stop_word(w)) step.insert(std::move(w));
    std::size_t shared = 0;
    for (const auto& w : step) shared += typed.count(w);
    if (shared >= 2 && 2 * shared >= step.size()) out.push_back(p.id);
  }
  return out;
}

}  // namespace rapport
