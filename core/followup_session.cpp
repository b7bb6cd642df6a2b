// Follow-up email: the next steps as this session agreed them. A learner who types "I'll email the
// proposal by Friday at noon" has agreed Friday, whatever day the scenario's author wrote for the
// step; the example email and the check of the learner's draft go by the session's day.
#include "followup.h"
#include "followup_detail.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <set>

#include "coaching.h"
#include "dialogue.h"

namespace rapport {

using namespace followup_detail;

namespace {

/// Words that lead into a day and belong to its phrase ("by Friday", "next Wednesday").
bool leads_into_day(std::string_view w) {
  static constexpr std::string_view kLeads[] = {"by",   "on",    "before", "from", "until",
                                                "till", "after", "next",   "this", "coming"};
  return in_list(w, kLeads);
}

bool is_time(std::string_view w) {
  if (w == "noon" || w == "midday" || is_number(w)) return true;
  return w.size() >= 3 && (w.ends_with("am") || w.ends_with("pm")) && is_number(w.substr(0, w.size() - 2));
}

/// A day or period in words [first, last] of a sentence.
struct Span {
  size_t first = 0, last = 0;
};

/// The day and period phrases among words [b, e): "by Friday at noon", "next Wednesday at 2pm",
/// "on the 12th", "12 March", "tomorrow", "in three months", "in a fortnight", "next week".
std::vector<Span> day_phrases(const std::vector<Word>& w, size_t b, size_t e) {
  std::vector<Span> out;
  auto text = [&](size_t i) { return i < e ? std::string_view(w[i].text) : std::string_view(); };
  auto named_month = [&](size_t i) { return i < e && is_month(w[i].text) && w[i].text != "may"; };
  for (size_t i = b; i < e; ++i) {
    const std::string_view t = w[i].text;
    size_t first = i, last = i;
    bool found = true;
    if (is_weekday(t) || t == "today" || t == "tonight" || t == "tomorrow") {
    } else if (named_month(i) && is_day_number(text(i + 1))) {
      last = i + 1;
    } else if (is_day_number(t) && named_month(i + 1)) {
      last = i + 1;
    } else if (is_day_number(t) && !is_number(t)) {  // "the 12th"
    } else if ((t == "in" || t == "within") && !period_key(text(i + 1), text(i + 2)).empty()) {
      last = i + 2;
    } else if ((t == "next" || t == "this" || t == "coming") && is_period(text(i + 1))) {
      last = i + 1;
    } else {
      found = false;
    }
    if (!found) continue;
    if (first > b && w[first - 1].text == "the") --first;
    if (first > b && leads_into_day(w[first - 1].text)) --first;
    if (text(last + 1) == "at" && is_time(text(last + 2))) last += 2;
    if (text(last + 1) == "am" || text(last + 1) == "pm") ++last;
    out.push_back({first, last});
    i = last;
  }
  return out;
}

/// How a sentence ends: the first of . ! ? or a line break after byte `from`.
char sentence_end(std::string_view text, size_t from) {
  for (size_t i = from; i < text.size(); ++i)
    if (text[i] == '.' || text[i] == '!' || text[i] == '?' || text[i] == '\n') return text[i];
  return '.';
}

size_t distance(const Span& s, size_t i) { return i < s.first ? s.first - i : i > s.last ? i - s.last : 0; }

/// The words of sentence [b, e) that commit to doing something: "will", "shall", "let" and the
/// "ll" of "I'll", typed with a straight or a curly apostrophe (phone keyboards type ’).
std::vector<size_t> commit_words(std::string_view text, const std::vector<Word>& w, size_t b, size_t e) {
  std::vector<size_t> out;
  for (size_t i = b; i < e; ++i) {
    const std::string_view t = w[i].text;
    const std::string_view gap = i > b ? text.substr(w[i - 1].end, w[i].begin - w[i - 1].end) : "";
    if (t == "will" || t == "shall" || t == "let" || (t == "ll" && (gap == "'" || gap == "\xE2\x80\x99")))
      out.push_back(i);
  }
  return out;
}

/// Where each commitment of a sentence starts, given its commit words: the "I", "we" or "you"
/// before "will" or "'ll", or the "let" of "let's".
std::vector<size_t> commitment_starts(const std::vector<Word>& w, size_t b, const std::vector<size_t>& commits) {
  std::vector<size_t> out;
  for (size_t c : commits) out.push_back(w[c].text == "let" || c == b ? c : c - 1);
  return out;
}

/// When sentence [b, e) offers to do something ("Shall I send you the revised plan by Thursday?",
/// "How about we talk again on Monday?", "Would you like me to ring you at 4pm?"), the index of
/// its "I", "we", "me" or "us"; else SIZE_MAX. A reviewer's offer agreed neither day nor step.
size_t offer_subject(std::string_view text, const std::vector<Word>& w, size_t b, size_t e) {
  if (e <= b || sentence_end(text, w[e - 1].end) != '?') return SIZE_MAX;
  static constexpr std::string_view kFillers[] = {"so", "then", "and", "okay", "ok", "right", "well", "now"};
  while (b < e && in_list(w[b].text, kFillers)) ++b;
  const auto at = [&](size_t i) { return i < e ? std::string_view(w[i].text) : std::string_view(); };
  // Asking leave to tell ("Would it be alright if I told you what I can arrange today?") offers
  // nothing to confirm: reviewer V's checklist asked the email for that question as "Your own offer".
  static constexpr std::string_view kTelling[] = {"tell",      "told",    "share",     "shared",  "explain",
                                                  "explained", "suggest", "suggested", "say",     "said",
                                                  "mention",   "outline", "describe",  "propose", "ask"};
  const auto subject = [&](size_t i) {
    if (at(i) != "i" && at(i) != "we" && at(i) != "me" && at(i) != "us") return SIZE_MAX;
    const std::string_view verb = at(i + 1) == "to" ? at(i + 2) : at(i + 1);
    return in_list(verb, kTelling) ? SIZE_MAX : i;
  };
  static constexpr std::string_view kModals[] = {"shall", "should", "can", "could", "may"};
  if (in_list(at(b), kModals)) return subject(b + 1);
  if ((at(b) == "how" && at(b + 1) == "about") || (at(b) == "what" && at(b + 1) == "if")) return subject(b + 2);
  if (at(b) == "why" && at(b + 1) == "don" && at(b + 2) == "t") return subject(b + 3);  // "why don't I"
  // "Would you like me to...", "Do you want us to..."
  if ((at(b) == "would" || at(b) == "do") && at(b + 1) == "you" && (at(b + 2) == "like" || at(b + 2) == "want") &&
      at(b + 4) == "to")
    return subject(b + 3);
  // "Would it help if I...", "Is it okay if we..." (not "If I ring you on Monday, will that help?")
  for (size_t i = b + 1; i < e && i < b + 5; ++i)
    if (at(i) == "if") return subject(i + 1);
  return SIZE_MAX;
}

/// Whether sentence [b, e), with its commit words, agrees something: it commits, and is neither a
/// question nor an "if", or it offers to do something. "The courier link failed on Friday, and
/// your warehouse manager heard first" names a step's words and a day, and agrees nothing.
bool agrees(std::string_view text, const std::vector<Word>& w, size_t b, size_t e, const std::vector<size_t>& commits) {
  if (offer_subject(text, w, b, e) != SIZE_MAX) return true;
  for (size_t i = b; i < e; ++i)
    if (w[i].text == "if" || w[i].text == "whether" || w[i].text == "unless") return false;
  return !commits.empty() && sentence_end(text, w[e - 1].end) != '?';
}

}  // namespace

std::vector<StepMention> steps_mentioned(const Scenario& scenario, std::string_view text) {
  std::vector<StepMention> out;
  std::vector<const Point*> steps;
  std::vector<std::vector<std::string>> step_words;
  for (const Point& p : scenario.points) {
    if (p.kind != "next_step") continue;
    steps.push_back(&p);
    step_words.push_back(content_words(p.text));
  }
  const std::vector<Word> w = split_words(text.substr(0, 8192));
  for (size_t b = 0; b < w.size();) {
    size_t e = b;
    while (e < w.size() && w[e].sentence == w[b].sentence) ++e;
    // Where each step's words stand in the sentence, clause by clause (clauses end at commas):
    // "I'll send the proposal next Monday, and you'll take it to the partners' meeting on the 14th"
    // names two steps that share "proposal".
    std::vector<std::vector<size_t>> at(steps.size());
    std::vector<size_t> named;
    for (size_t c = b; c < e;) {
      size_t ce = c + 1;
      while (ce < e && text.substr(w[ce - 1].end, w[ce].begin - w[ce - 1].end).find(',') == std::string_view::npos)
        ++ce;
      std::vector<std::vector<size_t>> in(steps.size());
      std::vector<std::set<std::string>> counted(steps.size());  // each step word once per clause
      for (size_t i = c; i < ce; ++i) {
        const std::string_view t = w[i].text;
        if ((t.size() < 3 && !is_number(t)) || is_stopword(t)) continue;
        const std::string s = stem(w[i].text);
        for (size_t p = 0; p < steps.size(); ++p)
          if (std::find(step_words[p].begin(), step_words[p].end(), s) != step_words[p].end() &&
              counted[p].insert(s).second)
            in[p].push_back(i);
      }
      size_t most = 0;
      for (const auto& a : in) most = std::max(most, a.size());
      for (size_t p = 0; p < steps.size(); ++p) {
        // Two words of a long step are not enough on their own: reviewer P's "I'll send you the Leeds
        // dispatch figures by Friday" gave "Pilot the Brightwell account through Leeds for 90 days
        // with agreed dispatch targets..." (11 words) Friday, and the example email said so.
        if (in[p].size() < std::max<size_t>(2, (step_words[p].size() + 3) / 4) ||
            (in[p].size() < most && 2 * in[p].size() < step_words[p].size()))
          continue;
        if (std::find(named.begin(), named.end(), p) == named.end()) named.push_back(p);
        at[p].insert(at[p].end(), in[p].begin(), in[p].end());
      }
      c = ce;
    }
    // Each day belongs to the named step whose words stand nearest to it; a step takes the nearest
    // of its days. Only a sentence that agrees something gives a day.
    // A day and a step pair only within one commitment: in "I will send you the plan by
    // Thursday, you take it to your director, and I will ring you on Monday at 4pm" (a reviewer's),
    // Monday is the call's, not the director's.
    const std::vector<size_t> commits = commit_words(text, w, b, e);
    const std::vector<Span> days = agrees(text, w, b, e, commits) ? day_phrases(w, b, e) : std::vector<Span>{};
    const std::vector<size_t> starts = commitment_starts(w, b, commits);
    const auto commitment = [&](size_t i) {
      return std::max<size_t>(1, std::upper_bound(starts.begin(), starts.end(), i) - starts.begin());
    };
    std::vector<size_t> owner(days.size(), SIZE_MAX), gap(days.size(), SIZE_MAX);
    for (size_t d = 0; d < days.size(); ++d)
      for (size_t p : named)
        for (size_t i : at[p])
          if (commitment(i) == commitment(days[d].first) && distance(days[d], i) < gap[d])
            gap[d] = distance(days[d], i), owner[d] = p;
    for (size_t p : named) {
      size_t best = SIZE_MAX;
      for (size_t d = 0; d < days.size(); ++d)
        if (owner[d] == p && (best == SIZE_MAX || gap[d] < gap[best])) best = d;
      std::string day;
      if (best != SIZE_MAX)
        day = std::string(text.substr(w[days[best].first].begin, w[days[best].last].end - w[days[best].first].begin));
      out.push_back({steps[p]->id, std::move(day)});
    }
    b = e;
  }
  return out;
}

std::vector<OwnPromise> own_promises(const Scenario& scenario, std::string_view text,
                                     const std::vector<std::string>* agreed) {
  std::vector<OwnPromise> out;
  text = text.substr(0, 8192);
  const std::vector<Word> w = split_words(text);
  for (size_t b = 0; b < w.size();) {
    size_t e = b;
    while (e < w.size() && w[e].sentence == w[b].sentence) ++e;
    const std::vector<size_t> commits = commit_words(text, w, b, e);
    if (!agrees(text, w, b, e, commits)) {
      b = e;
      continue;
    }
    // An offer is one commitment, from the word after its "I" or "we" ("to" skipped) to the end.
    const size_t offered = offer_subject(text, w, b, e);
    const std::vector<size_t> starts = offered != SIZE_MAX ? std::vector<size_t>{b} : commitment_starts(w, b, commits);
    for (size_t k = 0; k < starts.size(); ++k) {
      // Who commits: "I'll", "I will" (the learner), "we'll", "let's" (both). "You'll" is the
      // client's to agree, not the learner's to promise.
      size_t i = offered != SIZE_MAX ? offered : commits[k], first = i + 1;
      std::string owner;
      if (offered != SIZE_MAX) {
        owner = w[i].text == "i" || w[i].text == "me" ? "you" : "both";
        if (first < e && w[first].text == "to") ++first;
      } else if (w[i].text == "let") {
        if (i + 1 < e && (w[i + 1].text == "s" || w[i + 1].text == "us")) owner = "both", first = i + 2;
      } else if (i > b && (w[i - 1].text == "i" || w[i - 1].text == "we")) {
        owner = w[i - 1].text == "i" ? "you" : "both";
      }
      // The promise runs to the sentence's end or to the next commitment's start, without a
      // joining "and" or "then".
      size_t last = k + 1 < starts.size() ? starts[k + 1] : e;
      while (last > first && (w[last - 1].text == "and" || w[last - 1].text == "then" || w[last - 1].text == "so"))
        --last;
      if (owner.empty() || first >= last) continue;
      // A commitment that names one of the scenario's steps is that step (steps_mentioned):
      // "I'll email you the proposal by Friday, and I'll ring you next Wednesday" promises one more.
      const std::string_view said = text.substr(w[first].begin, w[last - 1].end - w[first].begin);
      const std::vector<StepMention> steps = steps_mentioned(scenario, said);
      if (std::any_of(steps.begin(), steps.end(), [&](const StepMention& m) {
            return !agreed || std::find(agreed->begin(), agreed->end(), m.id) != agreed->end();
          }))
        continue;
      const std::vector<Span> days = day_phrases(w, first, last);
      if (days.empty()) continue;
      // Something to act on besides the day: "I'll ring you on Monday at 4pm" promises a call, "I'll
      // see you on Monday" nothing the email needs to confirm.
      size_t content = 0;
      for (size_t j = first; j < last; ++j) {
        const bool in_day = std::any_of(days.begin(), days.end(), [&](const Span& d) { return distance(d, j) == 0; });
        const std::string_view t = w[j].text;
        if (!in_day && t.size() >= 3 && !is_stopword(t) && t != "see" && t != "there" && t != "back") ++content;
      }
      if (content < 1) continue;
      OwnPromise promise;
      promise.owner = owner;
      promise.action = std::string(said);
      // An offer as asked, with its question mark: "Shall I ring you on Monday at 4pm?"
      const size_t said_end = offered != SIZE_MAX ? text.find('?', w[last - 1].end) + 1 : w[last - 1].end;
      promise.said = std::string(text.substr(w[starts[k]].begin, said_end - w[starts[k]].begin));
      promise.offered = offered != SIZE_MAX;
      promise.day = std::string(text.substr(w[days[0].first].begin, w[days[0].last].end - w[days[0].first].begin));
      out.push_back(std::move(promise));
    }
    b = e;
  }
  return out;
}

std::vector<std::string> promise_words(const OwnPromise& p) {
  std::string action = p.action;
  if (const size_t at = action.find(p.day); at != std::string::npos) action.erase(at, p.day.size());
  return content_words(action);
}

namespace {

/// True when the client's answer to an offer takes it up in its first words ("Yes please.", "Go on,
/// then.", "Thursday works."): reviewer O's offers that the client passed over ("Shall I book you in
/// on Thursday at 10...?" - "Start with the eating, I reckon. My way.") went into the example email
/// as agreed and were asked of the learner's email.
bool takes_up(std::string_view answer, std::string_view offer_day) {
  const OfferAnswer said = answer_to_offer(answer);
  if (said != OfferAnswer::Neither) return said == OfferAnswer::Yes;
  // "Thursday at 10, then." names the day back.
  const std::vector<Word> w = split_words(answer.substr(0, 400));
  const std::vector<std::string> day = content_words(offer_day);
  for (size_t i = 0; i < std::min<size_t>(w.size(), 12); ++i)
    if (!day.empty() && std::find(day.begin(), day.end(), stem(w[i].text)) != day.end()) return true;
  return false;
}

size_t shared(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return static_cast<size_t>(std::count_if(
      a.begin(), a.end(), [&](const std::string& w) { return std::find(b.begin(), b.end(), w) != b.end(); }));
}

}  // namespace

std::vector<OwnPromise> session_promises(const Dialogue& d) { return session_promises(d, session_days(d)); }

namespace {

/// A promise to send what this email already is ("I'll text you the plan we agreed by Thursday",
/// "I'll put it all in writing"): reviewer O's example email said "I will text you the plan we
/// agreed" inside the written plan, and the checklist asked for it.
bool sends_this_email(const OwnPromise& p) {
  std::string action = p.action;
  for (char& c : action) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  constexpr std::string_view kThis[] = {
      "plan we agreed",  "what we agreed", "what we discussed",     "what we talked about",
      "a summary",       "a recap",        "it in writing",         "this in writing",
      "that in writing", "all in writing", "everything in writing", "write it up",
      "write this up",   "write that up"};
  return std::any_of(std::begin(kThis), std::end(kThis),
                     [&](std::string_view w) { return action.find(w) != std::string::npos; });
}

}  // namespace

std::vector<OwnPromise> session_promises(const Dialogue& d, const std::map<std::string, std::string>& days) {
  std::vector<OwnPromise> out;
  std::vector<std::vector<std::string>> kept;
  // After a rupture only the learner's own promises stand: the client agreed nothing.
  const bool rupture = d.ending() && d.ending()->kind == "rupture";
  // A promise that shares a word and its day with a next step agreed in the session is that step
  // in other words: a reviewer's "ring you myself on Friday at 4pm to go through what he found" was
  // listed beside damp-flat's "Ring Kerry-Ann with the surveyor's findings", due Friday by 4pm.
  std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>> steps;  // words, day words
  for (const std::string& id : d.points())
    if (const Point* p = d.scenario().find_point(id); p && p->kind == "next_step")
      steps.emplace_back(content_words(p->text), content_words(session_due(days, *p)));
  const std::vector<Turn>& turns = d.transcript();
  for (size_t k = 0; k < turns.size(); ++k) {
    const Turn& t = turns[k];
    if (!t.typed) continue;
    // The client's answer: the line the next reply answered, or the last one.
    const std::string& answer = k + 1 < turns.size() ? turns[k + 1].client_line : d.client_line();
    for (OwnPromise& p : own_promises(d.scenario(), t.reply, &d.points())) {
      if (rupture && (p.owner != "you" || p.offered)) continue;
      if (p.offered && !takes_up(answer, p.day)) continue;
      if (sends_this_email(p)) continue;
      const std::vector<std::string> words = promise_words(p), day = content_words(p.day);
      // Said again in other words ("send you the stepped plan by Thursday", then "get the stepped
      // plan to you by Thursday"): half its words in an earlier promise.
      if (std::any_of(kept.begin(), kept.end(),
                      [&](const std::vector<std::string>& k) { return 2 * shared(words, k) >= words.size(); }))
        continue;
      if (std::any_of(steps.begin(), steps.end(),
                      [&](const auto& s) { return shared(words, s.first) >= 1 && shared(day, s.second) >= 1; }))
        continue;
      if (out.size() >= kMaxOwnPromises) break;
      kept.push_back(words);
      out.push_back(std::move(p));
    }
  }
  return out;
}

bool names_point(std::string_view text, const Point& point) {
  const std::vector<std::string> want = content_words(point.text);
  if (want.empty()) return true;
  const size_t need = std::min(want.size(), std::max<size_t>(2, (want.size() + 3) / 4));
  const std::vector<Word> w = split_words(text.substr(0, 16384));
  std::vector<std::string> seen;  // the point's words said
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string_view t = w[i].text;
    if ((t.size() < 3 && !is_number(t)) || is_stopword(t)) continue;
    std::string s = stem(w[i].text);
    if (std::find(want.begin(), want.end(), s) == want.end() || std::find(seen.begin(), seen.end(), s) != seen.end())
      continue;
    seen.push_back(std::move(s));
    if (seen.size() >= need) return true;
  }
  return false;
}

std::map<std::string, std::string> session_days(const Dialogue& d) {
  std::map<std::string, std::string> days;
  for (const Turn& t : d.transcript()) {
    if (t.typed) {
      for (StepMention& m : steps_mentioned(d.scenario(), t.reply))
        if (!m.day.empty()) days[m.id] = std::move(m.day);
      continue;
    }
    // A reply chosen later that agrees a step agrees it as written: its own day, or else the
    // scenario's. A reviewer typed "by Thursday" early on, then chose "Just to play it back: the
    // re-plan from me on Friday..."; the example email still said Thursday.
    const Node* node = d.scenario().find_node(t.node);
    if (!node || t.choice < 0 || static_cast<size_t>(t.choice) >= node->replies.size()) continue;
    const Reply& chosen = node->replies[static_cast<size_t>(t.choice)];
    for (const std::string& id : chosen.establishes) days.erase(id);
    for (StepMention& m : steps_mentioned(d.scenario(), chosen.text)) {
      days.erase(m.id);
      if (!m.day.empty()) days[m.id] = std::move(m.day);
    }
  }
  return days;
}

std::string session_due(const std::map<std::string, std::string>& days, const Point& step) {
  const auto it = days.find(step.id);
  return it != days.end() ? it->second : step.due;
}

std::string session_due(const Dialogue& d, const Point& step) { return session_due(session_days(d), step); }

}  // namespace rapport
