// Transcript debrief; see debrief.h.
#include "debrief.h"

#include <algorithm>

#include "coaching.h"
#include "dialogue.h"
#include "mi_codes.h"

namespace rapport {
namespace {

/// The earlier turn that set a flag which routed the last reply to the ending (a branch of a route
/// at the last reply's node, whose condition names the flag, leads to the ending), or -1.
int flag_turn(const Dialogue& d) {
  const auto& turns = d.transcript();
  const Node* node = turns.empty() || !d.ending() ? nullptr : d.scenario().find_node(turns.back().node);
  if (!node) return -1;
  std::vector<std::string> routing;
  const auto read = [&](const Route& route) {
    for (const Branch& b : route.branches)
      if (b.next == d.ending()->id) routing.insert(routing.end(), b.when.flags.begin(), b.when.flags.end());
  };
  for (const Reply& r : node->replies) read(r.route);
  for (const auto& [cls, reaction] : node->typed) read(reaction.route);
  for (size_t i = 0; i + 1 < turns.size(); ++i)
    for (const std::string& f : turns[i].flags_set)
      if (std::find(routing.begin(), routing.end(), f) != routing.end() && d.flags().count(f) > 0)
        return static_cast<int>(i);
  return -1;
}

std::string first_word(const std::string& name) {
  const size_t space = name.find(' ');
  return space == std::string::npos ? name : name.substr(0, space);
}

std::string quoted(const std::string& text) { return "\u201C" + text + "\u201D"; }

/// A client's line as the debrief quotes it: up to the end of the sentence that holds its sixth
/// word, or its first 18 words and "...". A reviewer met a 90-word quotation of a stitched line.
std::string opening_words(std::string_view line) {
  int words = 0;
  bool in_word = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const bool space = c == ' ' || c == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
    if ((c == '.' || c == '?' || c == '!') && words >= 6 && (i + 1 == line.size() || line[i + 1] == ' '))
      return std::string(line.substr(0, i + 1)) + (i + 1 == line.size() ? "" : " \u2026");
    if (space && words >= 18) return std::string(line.substr(0, i)) + "\u2026";
  }
  return std::string(line);
}

std::string signed_points(int delta) { return (delta > 0 ? "+" : "") + std::to_string(delta); }

}  // namespace

std::vector<DebriefLine> transcript_debrief(const Dialogue& d) {
  std::vector<DebriefLine> out;
  if (d.phase() != Phase::Ended) return out;
  const std::vector<Turn>& turns = d.transcript();
  const std::vector<int> trust = d.trust_series();
  const std::string client = first_word(d.scenario().client.name);
  int worst = -1, best = -1, worst_delta = 0, best_delta = 0;
  for (size_t i = 0; i < turns.size() && i + 1 < trust.size(); ++i) {
    const int delta = trust[i + 1] - trust[i];
    if (delta < worst_delta) {
      worst_delta = delta;
      worst = static_cast<int>(i);
    }
    if (delta > best_delta) {
      best_delta = delta;
      best = static_cast<int>(i);
    }
  }
  // A partial outcome or a rupture that no bound on the client's state explains (below) followed
  // the last reply: a reviewer reached "A polite maybe" with "None of your replies cost Dana's
  // trust", and could not find the reply that had "handed her your plan".
  const bool explained = d.held_back() || d.trust_collapsed() || d.trust_held() || d.discord_held_back();
  const bool last_decided = !explained && !turns.empty() && d.ending() && d.ending()->kind != "breakthrough";
  const int set_by = last_decided ? flag_turn(d) : -1;  // an earlier promise routed the last reply
  if (worst >= 0) {
    const Turn& t = turns[worst];
    // The quotation ends the sentence: a reply keeps its own full stop or question mark, and
    // "...it.”, cost" would put a comma after it.
    std::string text = "At turn " + std::to_string(worst + 1) + ", this reply cost the most trust (" +
                       signed_points(worst_delta) + "): " + quoted(t.reply);
    if (last_decided && set_by < 0 && worst + 1 == static_cast<int>(turns.size())) text += " This ending followed it.";
    if (!t.better.empty()) text += " A stronger reply there: " + quoted(t.better);
    out.push_back({"cost", std::move(text), t.reply});
  } else if (!turns.empty()) {
    // Trust that held is not a clean session: a reviewer's unasked advice ("Have you tried
    // plugging the router in...?") and a lecture were covered by "None of your replies cost
    // Graham's trust". Replies that push, argue or are heard as advice are named.
    int pushes = 0, first = -1;
    for (size_t i = 0; i < turns.size(); ++i) {
      const Turn& t = turns[i];
      if (!is_mi_non_adherent(t.code) && !heard_as_advice(t.typed, t.code, t.reply, t.client_line)) continue;
      if (pushes++ == 0) first = static_cast<int>(i);
    }
    // Trust at 0 before the first reply (the preparation used it up) cannot fall: reviewer Z's
    // rupture read "None of your replies cost Kerry-Ann's trust... Kerry-Ann let it pass this time"
    // beside a chart of 0, 0, 0. Nor does a client who walked out let anything pass.
    const bool at_floor = !trust.empty() && trust.front() <= 0;
    const bool ruptured = d.ending() && d.ending()->kind == "rupture";
    const std::string opening = at_floor ? client +
                                               "'s trust was at 0 before your first reply, after the preparation, "
                                               "so no reply could lower it"
                                         : "None of your replies cost " + client + "'s trust";
    if (pushes == 0) {
      out.push_back({"steady", opening + ".", ""});
    } else {
      const Turn& t = turns[first];
      const std::string count = pushes == 1 ? std::string("one") : std::to_string(pushes);
      const std::string where = std::string(pushes == 1 ? "" : "the first ") + "at turn " + std::to_string(first + 1);
      out.push_back(
          {"steady",
           opening + (at_floor ? "; " : ", but ") + count + " of them argued or steered without being asked (" + where +
               "). " +
               (at_floor || ruptured ? std::string("It was heard: ")
                                     : client + " let it pass this time; a client with less goodwill may not: ") +
               quoted(t.reply),
           t.reply});
    }
  }
  if (best >= 0)
    out.push_back({"best",
                   "At turn " + std::to_string(best + 1) + ", this reply built the most trust (" +
                       signed_points(best_delta) + "): " + quoted(turns[best].reply),
                   turns[best].reply});
  // What the client said for and against moving forward, in their own words: a reviewer read
  // "Graham voiced 0 reasons for change ... for staying as they are" as boilerplate, unsure what
  // "change" meant in a complaint call.
  const int change = d.change_talk_evoked(), sustain = d.sustain_talk_heard();
  if (change + sustain > 0) {
    std::string first_change, first_sustain;
    // The quotation is the tagged line itself, not the reaction said before it: reviewer O read
    // "argued for moving forward 3 times (first: 'Honestly? I don't know any more. ...')", a typed
    // reaction's words, with the change talk after them.
    for (size_t i = 1; i < turns.size(); ++i) {
      const ClientLine* line = d.line_said(turns[i].node, turns[i].client_line);
      if (!line || line->talk == Talk::Neutral) continue;
      std::string& first = line->talk == Talk::Change ? first_change : first_sustain;
      // Holding back that follows a "But" is quoted from there: reviewer Q's debrief quoted "If it
      // were only tenants, I'd phase it..." as holding back, the case for change before the "But".
      std::string_view text = line->text;
      // ...and without the "Okay." the client did not say after words of their own (reviewer R met
      // "first: 'Okay. I'm starting to see...'" after "So what if it's six hundred by launch...?").
      if (!std::string_view(turns[i].client_line).starts_with(text))
        for (std::string_view opener : {"Right. ", "Okay. ", "OK. ", "Well. "})
          if (text.size() > opener.size() && text.starts_with(opener)) text.remove_prefix(opener.size());
      if (const std::size_t but = text.find(" But "); line->talk == Talk::Sustain && but != std::string_view::npos)
        text.remove_prefix(but + 1);
      if (first.empty()) first = opening_words(text);
    }
    const auto times = [](int n) {
      return n == 1 ? std::string("once") : n == 2 ? "twice" : std::to_string(n) + " times";
    };
    // "never argued for...", not "argued never for..." (a reviewer); with more than one, the first
    // is quoted as the first.
    const auto side = [&](int n, const std::string& line, const char* what, bool verb) {
      return n == 0 ? std::string("never argued ") + what
                    : std::string(verb ? "argued " : "") + what + " " + times(n) +
                          (line.empty() ? "" : " (" + std::string(n > 1 ? "first: " : "") + quoted(line) + ")");
    };
    // A breakthrough ends on the client's own commitment: "never argued for moving forward" above
    // "For once I feel like I'm steering this. I'll brief both depot managers by Tuesday..." read as
    // a contradiction (reviewer S).
    const Ending* end = d.ending();
    const bool committed = change == 0 && end && end->kind == "breakthrough" && !end->client_says.empty();
    std::string said = "After your replies, " + client + " ";
    if (committed)
      said += side(sustain, first_sustain, "for holding back", true) + ", then ended by committing to a plan (" +
              quoted(opening_words(end->client_says)) +
              "). Reflecting what is behind each doubt is what gets a client there.";
    else
      said += side(change, first_change, "for moving forward", true) + ", and " +
              side(sustain, first_sustain, "for holding back", change == 0) + "." +
              (change > sustain ? " Your replies drew out " + client + "'s own case for moving forward."
                                : " Questions about what " + client +
                                      " wants, and reflections of it, draw out more reasons to move forward.");
    out.push_back({"talk", said, ""});
  }
  // Why the ending is this one, when a bound on the client's state decided it (a reviewer ended
  // "Back on probation" with a closing summary the debrief itself recommends).
  if (const auto& held = d.held_back()) {
    const Ending* above = d.scenario().find_ending(held->instead);
    out.push_back({"threshold",
                   // "...was 50 at your last reply. Above 50, ..." left a learner unsure which side 50 was on
                   // (reviewer R): the line says that it needed to be above.
                   client + "'s " + held->var + " was " + std::to_string(held->value) +
                       " at your last reply, and it needed to be above " + std::to_string(held->limit) +
                       ": then the same reply " +
                       (above ? "reaches " + quoted(above->title) + "." : "keeps the conversation going.") +
                       " It is what your earlier replies built that decides it: reflections of what " + client +
                       " said and questions about what they want raise it most, pushes and arguments cost it.",
                   ""});
  }
  if (d.trust_collapsed()) {
    const std::vector<int> trust = d.trust_series();
    out.push_back({"collapsed",
                   "Trust fell from " + std::to_string(trust.front()) + " to " + std::to_string(trust.back()) +
                       " over the conversation, and at that level " + client +
                       " ends it rather than settling for less. Reflections of what was said and questions about "
                       "what they want rebuild trust; pushes, arguments and blame cost it.",
                   ""});
  }
  if (d.trust_held())
    out.push_back({"held",
                   "Your last reply would have ended the conversation, but trust was " +
                       std::to_string(d.trust_series().back()) + " by then, and " + client +
                       " stayed in the room. What you built earlier bought that; the push still cost the best "
                       "outcome.",
                   ""});
  // Each push is quoted with its turn: a reviewer read "2 of your replies pushed or confronted
  // Marcus" under a quotation of one, and had to guess the other.
  if (d.discord_held_back()) {
    std::string which;
    int n = 0;
    const int pushes = d.mi_inconsistent_replies();
    for (size_t i = 0; i < turns.size(); ++i) {
      if (!is_mi_non_adherent(turns[i].code)) continue;
      ++n;
      which += std::string(n == 1        ? ""
                           : n == pushes ? " and "
                                         : "; ") +
               "turn " + std::to_string(i + 1) + ": " + quoted(opening_words(turns[i].reply));
    }
    // The steps agreed are named: reviewer O read the ending's "...or the plan has no owners and
    // dates" beside three agreed steps, and could not tell which cause was theirs.
    int steps = 0;
    for (const std::string& id : d.points())
      if (const Point* p = d.scenario().find_point(id); p && p->kind == "next_step") ++steps;
    const std::string agreed = steps == 0   ? ""
                               : steps == 1 ? ", with a next step agreed"
                                            : ", with " + std::to_string(steps) + " next steps agreed";
    out.push_back({"discord",
                   "The conversation was on course for a breakthrough" + agreed + ", but " + std::to_string(pushes) +
                       " of your replies pushed or confronted " + client + " (" + which + "), and " + client +
                       " remembered it and settled for less. One push can be repaired; two stick.",
                   ""});
  }
  // An earlier reply's promise decided it when the last reply's routes send a flag it set to this
  // ending: reviewer W's grant-rejected debrief blamed the closing summary for "A September you
  // can't promise", not the turn-6 "...we'll walk it in September".
  if (set_by >= 0) {
    const Turn& t = turns[static_cast<size_t>(set_by)];
    std::string text = "This ending was set at turn " + std::to_string(set_by + 1) + ", by a reply " + client +
                       " remembered to the end: " + quoted(t.reply) + " Your closing reply could not undo it.";
    if (!t.better.empty()) text += " A stronger reply there: " + quoted(t.better);
    out.push_back({"decided", std::move(text), t.reply});
  } else if (last_decided && worst + 1 != static_cast<int>(turns.size())) {
    const Turn& t = turns.back();
    std::string intent(code_intent(t.code));
    if (!intent.empty() && intent[0] >= 'A' && intent[0] <= 'Z') intent[0] = static_cast<char>(intent[0] - 'A' + 'a');
    std::string text = t.typed && is_rambling(t.reply)
                           ? "This ending followed your last reply, " + std::to_string(word_count(t.reply)) +
                                 " words long: " + client + " lost the thread before the close (" +
                                 quoted(opening_words(t.reply)) +
                                 "). Two or three sentences, a summary and the next step, keep them with you."
                           : "This ending followed your last reply, heard as " + intent + ": " + quoted(t.reply);
    if (!t.better.empty()) text += " A reply that keeps it open: " + quoted(t.better);
    out.push_back({"decided", std::move(text), t.reply});
  }
  return out;
}

}  // namespace rapport
