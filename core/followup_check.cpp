// Follow-up email: the completeness check of the learner's draft (which discussion points and
// next steps it covers, phrases that over-promise, a timeline).
//
// [SECTION] Words: tokens, stems, phrases
// [SECTION] Completeness check
#include "followup.h"
#include "followup_detail.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "dialogue.h"

namespace rapport {

using namespace followup_detail;

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Words: tokens, stems, phrases
//-----------------------------------------------------------------------------

std::vector<std::string> date_words(std::string_view due);

/// Which kind of day word i names, with a key to compare it by: 0 a weekday ("monday"), 1 a month
/// ("feb" for "February"), 2 a day of the month ("28" for "28th", or "24" beside a month); -1 none.
/// Not "may" (a verb as often as a month) and not "weekend".
int day_kind(const std::vector<Word>& w, size_t i, std::string* key) {
  std::string_view t = w[i].text;
  if (is_weekday(t) && t != "weekend") return *key = std::string(t), 0;
  if (is_month(t) && t != "may") return *key = std::string(t.substr(0, 3)), 1;
  if (!is_day_number(t)) return -1;
  auto month_at = [&](size_t k) { return k < w.size() && is_month(w[k].text) && w[k].text != "may"; };
  bool ordinal = !is_number(t);
  if (!ordinal && !month_at(i + 1) && !(i > 0 && month_at(i - 1)) &&
      !(i + 2 < w.size() && w[i + 1].text == "of" && month_at(i + 2)))
    return -1;
  *key = std::string(t.substr(0, ordinal ? t.size() - 2 : t.size()));
  return 2;
}

/// A discussion point or next step as the check sees it: its content words and how many of them
/// one sentence must hold.
struct PointWords {
  std::vector<std::string> words;
  size_t need = 0;
  bool step = false;
  // A next step's day ("on Wednesday", "on the 28th"): a sentence that names it needs only
  // `need_dated` of the words ("You'll take it to your director on Wednesday").
  std::vector<std::string> dates;
  size_t need_dated = SIZE_MAX;
  // The same day by kind (day_kind): a sentence that names only other days of a kind the step's
  // due names ("on Monday" for a step due next Wednesday) does not cover it.
  std::array<std::vector<std::string>, 3> days;
  // Due periods ("in three months" -> "3 month"): a sentence naming one names the step's day.
  std::vector<std::string> periods;
  // The learner's own promise, kept by one of its words on its day: that sentence must speak in
  // the first person ("I'll give you a call on Monday") or open with the word ("Call on Monday at
  // 4"), so "Thanks for your call on Monday" does not keep it.
  bool own = false;
  // Lengths the step's own words give ("for 90 days" -> "90 day"): a sentence that names another of
  // the same unit ("a 60-day trial") does not cover it (reviewer P's had ticked the 90-day pilot).
  std::vector<std::string> figures;
  // A step the client said they would do: a sentence that gives it to the writer alone ("I'll tell
  // Kwame myself", no "you" in it) does not cover it (reviewer P's took Ama's own step over).
  bool theirs = false;
  // ...and the learner's own step, handed to the client ("You'll send me the revised plan").
  bool mine = false;
};

/// "I" (of "I'll" too: words split at the apostrophe), "we", "me", "us", "my", "our": a sentence in
/// the learner's own voice.
bool first_person(std::string_view w) {
  return w == "i" || w == "we" || w == "me" || w == "us" || w == "my" || w == "our";
}

/// A next step's day and period from a `due`; called for each day the step goes by.
void read_due(std::string_view due, PointWords& w) {
  for (std::string& date : date_words(due)) w.dates.push_back(std::move(date));
  std::vector<Word> words = split_words(due);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string key;
    if (int kind = day_kind(words, i, &key); kind >= 0) w.days[kind].push_back(key);
    if ((words[i].text == "in" || words[i].text == "within") && i + 2 < words.size()) {
      if (std::string period = period_key(words[i + 1].text, words[i + 2].text); !period.empty())
        w.periods.push_back(period);
    }
  }
}

struct Coverage {
  std::vector<bool> covered;
  std::vector<size_t> wrong_day;     // per point: the draft's word naming another day, or SIZE_MAX
  std::vector<size_t> wrong_figure;  // per point: the draft's number giving another length, or SIZE_MAX
  std::vector<size_t> wrong_owner;   // per point: the first word of a sentence giving the step to the other side
  std::vector<size_t> wrong_period;  // per point: the draft's count naming another period than the due's, or
                                     // its "soon" where a day was agreed
  std::vector<bool> names_point;     // per sentence: it holds enough of some point's words
  std::vector<bool> names_own_step;  // per sentence: ...of a next step not the client's alone
};

/// Which points the draft covers. A point is covered by one sentence holding `need` of its words;
/// for a next step that sentence must not read more like a discussion point (by the share of
/// words matched), so a recap of the discussion does not tick a step by sharing its nouns, and must
/// not name only another day than the step's.
Coverage covered_points(const Draft& d, const std::vector<PointWords>& points, std::string_view client) {
  std::unordered_map<std::string_view, std::vector<std::pair<size_t, size_t>>> where;  // stem -> (point, word)
  std::vector<std::vector<size_t>> seen(points.size());  // sentence in which each point's word was last counted
  for (size_t p = 0; p < points.size(); ++p) {
    seen[p].assign(points[p].words.size(), SIZE_MAX);
    for (size_t k = 0; k < points[p].words.size(); ++k) where[points[p].words[k]].emplace_back(p, k);
  }
  std::unordered_map<std::string_view, std::vector<size_t>> dated;  // date word, period or its unit -> points
  for (size_t p = 0; p < points.size(); ++p) {
    for (const std::string& w : points[p].dates) dated[w].push_back(p);
    for (const std::string& period : points[p].periods) {
      dated[period].push_back(p);
      dated[std::string_view(period).substr(period.find(' '))].push_back(p);  // " month": another count of it
    }
  }
  std::vector<size_t> count(points.size(), 0), touched;
  std::vector<bool> named_date(points.size(), false), opened(points.size(), false);
  bool own_voice = false;                          // the sentence speaks in the first person
  bool writer_acts = false, client_named = false;  // "I'll" or "myself"; "you" or the client's name
  bool client_acts = false, writer_named = false;  // "you'll send"; "I'll", "we'll", "from me"
  size_t sentence_start = 0, current = SIZE_MAX;
  Coverage out{std::vector<bool>(points.size(), false),      std::vector<size_t>(points.size(), SIZE_MAX),
               std::vector<size_t>(points.size(), SIZE_MAX), std::vector<size_t>(points.size(), SIZE_MAX),
               std::vector<size_t>(points.size(), SIZE_MAX), std::vector<bool>(d.sentences, false),
               std::vector<bool>(d.sentences, false)};
  std::vector<std::pair<std::string, size_t>> lengths;  // the sentence's lengths ("60 day"), with word index
  size_t vague = SIZE_MAX;  // the sentence's first "soon", "shortly", "asap", "later", "sometime", "eventually"
  std::vector<std::pair<std::string, size_t>> periods;  // ...and every period it names ("9 month", "nine months")
  // A length of a unit the step's figures (or its due's periods) name, none of them the step's: the
  // draft's number.
  auto other_figure = [&](const std::vector<std::string>& wants, const auto& named) {
    size_t other = SIZE_MAX;
    for (const std::string& want : wants) {
      const std::string_view unit = std::string_view(want).substr(want.find(' '));
      for (const auto& [key, at] : named) {
        if (key == want) return SIZE_MAX;
        if (other == SIZE_MAX && std::string_view(key).substr(key.find(' ')) == unit) other = at;
      }
    }
    return other;
  };
  std::array<std::vector<std::pair<std::string, size_t>>, 3> said;  // the sentence's days by kind, with word index
  auto share = [&](size_t p) { return double(count[p]) / double(points[p].words.size()); };
  // A word of the sentence naming another day of a kind the step's due names, and not the day of
  // another step the sentence names ("I'll draft it by Friday and you'll review it with the managers").
  auto other_day = [&](size_t p) {
    const auto owned = [&](size_t k, const std::string& key) {
      return std::any_of(touched.begin(), touched.end(), [&](size_t q) {
        return q != p && std::find(points[q].days[k].begin(), points[q].days[k].end(), key) != points[q].days[k].end();
      });
    };
    for (size_t k = 0; k < 3; ++k) {
      const auto& want = points[p].days[k];
      if (want.empty()) continue;
      size_t other = SIZE_MAX;
      for (const auto& [key, at] : said[k]) {
        if (std::find(want.begin(), want.end(), key) != want.end()) return SIZE_MAX;
        if (other == SIZE_MAX && !owned(k, key)) other = at;
      }
      if (other != SIZE_MAX) return other;
    }
    return SIZE_MAX;
  };
  auto close_sentence = [&] {
    double best_discussion = 0;
    for (size_t p : touched)
      if (!points[p].step) best_discussion = std::max(best_discussion, share(p));
    for (size_t p : touched) {
      size_t need = named_date[p] ? std::min(points[p].need, points[p].need_dated) : points[p].need;
      if (count[p] < need || !(!points[p].step || named_date[p] || share(p) >= best_discussion)) continue;
      if (points[p].own && count[p] < 2 && !own_voice && !opened[p]) continue;
      out.names_point[current] = true;
      if (points[p].step && !points[p].theirs) out.names_own_step[current] = true;
      if ((points[p].theirs && writer_acts && !client_named) || (points[p].mine && client_acts && !writer_named)) {
        if (out.wrong_owner[p] == SIZE_MAX) out.wrong_owner[p] = sentence_start;
        continue;
      }
      if (size_t wrong = points[p].step ? other_day(p) : SIZE_MAX; wrong != SIZE_MAX) {
        if (out.wrong_day[p] == SIZE_MAX) out.wrong_day[p] = wrong;
        continue;
      }
      if (size_t wrong = points[p].step ? other_figure(points[p].figures, lengths) : SIZE_MAX; wrong != SIZE_MAX) {
        if (out.wrong_figure[p] == SIZE_MAX) out.wrong_figure[p] = wrong;
        continue;
      }
      if (size_t wrong = points[p].step ? other_figure(points[p].periods, periods) : SIZE_MAX; wrong != SIZE_MAX) {
        if (out.wrong_period[p] == SIZE_MAX) out.wrong_period[p] = wrong;
        continue;
      }
      // "I'll send the re-plan with the three routes soon" for a step agreed for Friday: the day is
      // what the client will hold the writer to (reviewer T's passed).
      if (points[p].step && !named_date[p] && vague != SIZE_MAX &&
          (!points[p].dates.empty() || !points[p].periods.empty())) {
        if (out.wrong_period[p] == SIZE_MAX) out.wrong_period[p] = vague;
        continue;
      }
      out.covered[p] = true;
    }
    for (size_t p : touched) count[p] = 0;
    touched.clear();
    std::fill(named_date.begin(), named_date.end(), false);
    std::fill(opened.begin(), opened.end(), false);
    own_voice = writer_acts = client_named = client_acts = writer_named = false;
    for (auto& s : said) s.clear();
    lengths.clear();
    periods.clear();
    vague = SIZE_MAX;
  };
  for (size_t i = 0; i < d.words.size(); ++i) {
    if (d.words[i].sentence != current) {
      close_sentence();
      current = d.words[i].sentence;
      sentence_start = i;
    }
    const std::string& w = d.words[i].text;
    own_voice = own_voice || first_person(w);
    const std::string_view next = i + 1 < d.words.size() ? std::string_view(d.words[i + 1].text) : "";
    const std::string_view after = i + 2 < d.words.size() ? std::string_view(d.words[i + 2].text) : "";
    writer_acts = writer_acts || w == "myself" ||
                  (w == "i" && (next == "ll" || next == "will" || next == "shall" ||
                                ((next == "m" || next == "am") && after == "going")));
    client_named = client_named || w == "you" || w == "yourself" || w == client;
    writer_named = writer_named || writer_acts || (w == "we" && (next == "ll" || next == "will")) ||
                   (w == "from" && (next == "me" || next == "us"));
    if (w == "you" && (next == "ll" || next == "will"))
      client_acts = client_acts || !(after == "have" || after == "get" || after == "receive" || after == "see" ||
                                     after == "hear" || after == "find" || after == "be" || after == "know");
    if (auto day = dated.find(d.words[i].text); day != dated.end())
      for (size_t p : day->second) named_date[p] = true;
    std::string key;
    if (int kind = day_kind(d.words, i, &key); kind >= 0) said[kind].emplace_back(key, i);
    for (std::string& thing : counted_at(d.words, i)) lengths.emplace_back(std::move(thing), i);
    if (vague == SIZE_MAX && is_vague_time(w)) vague = i;
    if (i + 1 < d.words.size() && d.words[i + 1].sentence == current) {
      if (const std::string period = period_key(d.words[i].text, d.words[i + 1].text); !period.empty()) {
        if (auto named = dated.find(std::string_view(period).substr(period.find(' '))); named != dated.end())
          for (size_t p : named->second) named_date[p] = true;
        if (std::isdigit(static_cast<unsigned char>(d.words[i].text[0]))) lengths.emplace_back(period, i);
        periods.emplace_back(period, i);
      }
    }
    if (d.stems[i].empty()) continue;
    auto f = where.find(d.stems[i]);
    if (f == where.end()) continue;
    for (auto [p, k] : f->second) {
      if (seen[p][k] == current) continue;
      seen[p][k] = current;
      if (i == sentence_start) opened[p] = true;
      if (count[p]++ == 0) touched.push_back(p);
    }
  }
  close_sentence();
  return out;
}

//-----------------------------------------------------------------------------
// [SECTION] Completeness check
//-----------------------------------------------------------------------------

/// How many words after a recap phrase may name what was discussed (a header line and its list).
constexpr size_t kRecapWindow = 40;
/// Content words after a recap phrase that make a recap of their own when nothing was settled.
constexpr size_t kOwnRecapWords = 4;
/// Stems that name nothing that was said ("a lot in a short time"): they count for no recap.
constexpr std::string_view kVague[] = {"lot", "time", "short", "long", "bit", "thing", "stuff", "way", "today"};

/// Word `i` begins a line that ends with ':' (a heading such as the skeleton's "What happens next:").
bool starts_heading(const Draft& d, size_t i) {
  const size_t at = d.words[i].begin;
  const size_t line_start = d.text.rfind('\n', at == 0 ? 0 : at - 1);
  if (at != 0 && (line_start == std::string_view::npos || d.text.find_first_not_of(" \t-*", line_start + 1) != at))
    return false;
  size_t line_end = d.text.find('\n', at);
  std::string_view line =
      d.text.substr(at, line_end == std::string_view::npos ? std::string_view::npos : line_end - at);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
  return !line.empty() && line.back() == ':';
}

/// The words of a step's `due` that name a day: a weekday, a month, a day of the month, "today",
/// "tonight", "tomorrow" ("on Wednesday" -> wednesday; "on the 28th" -> 28th). Periods ("in two
/// weeks", "this month") name no day and give none.
std::vector<std::string> date_words(std::string_view due) {
  std::vector<std::string> out;
  for (Word& w : split_words(due))
    // Not "may": a draft's "you may want to..." would name a step due "by 12 May".
    if (is_weekday(w.text) || (is_month(w.text) && w.text != "may") || is_day_number(w.text) || w.text == "today" ||
        w.text == "tonight" || w.text == "tomorrow")
      out.push_back(std::move(w.text));
  return out;
}

std::string quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

FollowUpCheck check_followup(const Dialogue& d, std::string_view draft) {
  const Scenario& s = d.scenario();
  Draft words = read_draft(draft);
  FollowUpCheck check;
  std::string client_first = first_name(s.client.name);

  // Summary: one sentence recalls enough of a discussion point (a third of its words, at least
  // two). Each next step: one sentence holds more than half of its words.
  std::vector<const Point*> discussion, steps;
  for (const auto& id : d.points())
    if (const Point* p = s.find_point(id)) (p->kind == "discussion" ? discussion : steps).push_back(p);
  std::vector<PointWords> wanted;
  std::vector<std::string> due;  // per step: when it is due in this session
  const std::map<std::string, std::string> days = session_days(d);
  for (const Point* p : discussion) {
    PointWords w;
    w.words = content_words(p->text);
    w.need = w.words.empty() ? SIZE_MAX : std::min(w.words.size(), std::max<size_t>(2, (w.words.size() + 2) / 3));
    wanted.push_back(std::move(w));
  }
  // A next step: more than half its words in one sentence, or a quarter with its day.
  const auto step_words = [](std::vector<std::string> words, std::initializer_list<std::string_view> dues) {
    PointWords w;
    w.words = std::move(words);
    w.need = w.words.empty() ? SIZE_MAX : w.words.size() / 2 + 1;
    w.step = true;
    for (std::string_view d : dues) read_due(d, w);
    if (!w.dates.empty() || !w.periods.empty()) w.need_dated = std::max<size_t>(2, (w.words.size() + 3) / 4);
    return w;
  };
  for (const Point* p : steps) {
    // The day the learner gave it in the session, and the scenario's: a client who asked for
    // Wednesday after the learner said Friday made both days part of the conversation.
    due.push_back(session_due(days, *p));
    wanted.push_back(due.back() != p->due ? step_words(content_words(p->text), {due.back(), p->due})
                                          : step_words(content_words(p->text), {due.back()}));
    wanted.back().figures = figures_in(p->text);
    wanted.back().theirs = p->owner == "client";
    wanted.back().mine = p->owner == "you";
  }
  // The learner's own promises, checked as steps are, on the day they gave.
  const std::vector<OwnPromise> promises = session_promises(d, days);
  // One of a promise's words with its day is enough: a reviewer's "I'll ring you on Monday at 4pm to
  // see how it went" kept "I'll ring you on Monday at 4pm to talk it through", and was missing.
  for (const OwnPromise& own : promises) {
    wanted.push_back(step_words(promise_words(own), {own.day}));
    if (wanted.back().need_dated != SIZE_MAX && !wanted.back().words.empty()) wanted.back().need_dated = 1;
    wanted.back().own = true;
  }
  std::string client_word = client_first;
  for (char& c : client_word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  Coverage coverage_of = covered_points(words, wanted, client_word);
  const std::vector<bool>& covered_point = coverage_of.covered;

  bool recapped =
      std::any_of(covered_point.begin(), covered_point.begin() + discussion.size(), [](bool c) { return c; });
  // A recap in the learner's own words: a recap phrase followed, within kRecapWindow words, by two
  // words of the discussion points ("You told me Leeds is already stretched...").
  // The client's own words count too: a reviewer's "What I heard from you: the black mould is
  // back behind Jayden's cot..." recalled what Kerry-Ann said, in no discussion point's words.
  std::vector<std::vector<std::string>> heard;
  for (const auto& t : d.transcript()) heard.push_back(content_words(t.client_line));
  heard.push_back(content_words(d.client_line()));
  std::vector<std::string_view> discussed;  // sorted
  for (size_t p = 0; p < discussion.size(); ++p)
    for (const std::string& w : wanted[p].words) discussed.push_back(w);
  for (const auto& line : heard)
    for (const std::string& w : line) discussed.push_back(w);
  std::sort(discussed.begin(), discussed.end());
  // The recap is the rest of the phrase's sentence, or the lines under it when it heads them ("What
  // I heard from you:"): reviewer O's "We talked about a lot in a short time. I'm sorry. Tonight I
  // will do nothing." had ticked it by the phrase alone, and by the words of the sentences after.
  find_phrases(words, recap_phrases(), [&](size_t, size_t, size_t last) {
    std::vector<std::string_view> named, said;  // distinct stems
    const auto note = [](std::vector<std::string_view>& set, std::string_view w) {
      if (std::find(set.begin(), set.end(), w) == set.end()) set.push_back(w);
    };
    size_t end = last;  // the last word of the phrase's sentence: a heading when a ':' follows it
    while (end + 1 < words.words.size() && words.words[end + 1].sentence == words.words[last].sentence) ++end;
    const bool heads = words.text.substr(words.words[end].end, 1) == ":";
    for (size_t i = last + 1; i < words.words.size() && i <= last + kRecapWindow; ++i) {
      if (!heads && words.words[i].sentence != words.words[last].sentence) break;
      if (starts_heading(words, i)) break;  // "What happens next:" is not part of the recap
      if (words.stems[i].empty() || std::find(std::begin(kVague), std::end(kVague), words.stems[i]) != std::end(kVague))
        continue;
      note(said, words.stems[i]);
      if (std::binary_search(discussed.begin(), discussed.end(), std::string_view(words.stems[i])))
        note(named, words.stems[i]);
    }
    // With nothing settled (a call that ended after two replies), a recap phrase followed by a
    // sentence of the learner's own counts: a reviewer's "What I heard from you: the partners need
    // to be convinced the extra cost is worth it." had been missing.
    if (named.size() >= 2 || (discussion.empty() && said.size() >= kOwnRecapWords)) recapped = true;
  });
  check.items.push_back({"summary", "Sums up what you discussed", recapped,
                         recapped             ? ""
                         : discussion.empty() ? "Recap the conversation in a sentence or two (\"We discussed ...\")."
                                              : "Recap what you discussed, e.g. " + quote(discussion.front()->text)});

  // The draft's words from `word`, quoted: the word naming another day, or the number and unit of
  // another length ("60-day", two words).
  const auto sentence_length = [&](size_t word) {
    size_t end = word;
    while (end < words.words.size() && words.words[end].sentence == words.words[word].sentence) ++end;
    return end - word;
  };
  // A count and what it counts: "two budget scenarios", "60-day"; two words, three when the third
  // is a content word of the same sentence.
  const auto counted_length = [&](size_t word) {
    return word + 2 < words.words.size() && words.words[word + 2].sentence == words.words[word].sentence &&
                   !words.stems[word + 2].empty()
               ? size_t{3}
               : size_t{2};
  };
  const auto wrote = [&](size_t word, size_t count = 1) {
    const size_t last = std::min(word + count, words.words.size()) - 1;
    return quote(draft.substr(words.words[word].begin, words.words[last].end - words.words[word].begin));
  };
  for (size_t i = 0; i < steps.size(); ++i) {
    const Point* p = steps[i];
    bool covered = covered_point[discussion.size() + i];
    // The line the example email writes for it (followup_data): its second-person wording.
    std::string example = owner_label(p->owner);
    example += (example.empty() ? "" : " ") + step_action(p->to_client.empty() ? p->text : p->to_client, client_first);
    if (!due[i].empty()) example += " " + step_due(to_second_person(due[i], client_first));
    std::string hint = "Say who does this and when, e.g. " + quote(example + ".");
    if (size_t wrong = coverage_of.wrong_day[discussion.size() + i]; !covered && wrong != SIZE_MAX)
      hint = "Check the day: you wrote " + wrote(wrong) + ", and this was agreed for " + quote(due[i]) + ".";
    else if (size_t figure = coverage_of.wrong_figure[discussion.size() + i]; !covered && figure != SIZE_MAX)
      hint = "Check the figure: you wrote " + wrote(figure, counted_length(figure)) + ", and the step is " +
             quote(p->text) + ".";
    else if (size_t taken = coverage_of.wrong_owner[discussion.size() + i]; !covered && taken != SIZE_MAX)
      hint = "Check who does this: you wrote " + wrote(taken, sentence_length(taken)) + ", and the step is " +
             (p->owner == "you" ? std::string("yours") : client_first + "'s") + ": " + quote(example + ".");
    else if (size_t when = coverage_of.wrong_period[discussion.size() + i]; !covered && when != SIZE_MAX)
      hint = "Check when: you wrote " + wrote(when, is_vague_time(words.words[when].text) ? 1 : 2) +
             ", and this was agreed for " + quote(due[i]) + ".";
    check.items.push_back({"step:" + p->id, "Next step: " + p->text, covered, covered ? "" : hint});
  }

  const size_t first_own = discussion.size() + steps.size();
  for (size_t i = 0; i < promises.size(); ++i) {
    const OwnPromise& own = promises[i];
    const bool covered = covered_point[first_own + i];
    const std::string line = owner_label(own.owner) + " " + to_second_person(own.action, client_first);
    std::string hint = "You said this in the conversation; put it in the email, e.g. " + quote(line + ".");
    if (size_t wrong = coverage_of.wrong_day[first_own + i]; !covered && wrong != SIZE_MAX)
      hint = "Check the day: you wrote " + wrote(wrong) + ", and you said " + quote(own.day) + " in the conversation.";
    check.items.push_back(
        {"own:" + std::to_string(i),
         (own.offered ? "Your own offer: \xE2\x80\x9C" : "Your own promise: \xE2\x80\x9C") + own.said + "\xE2\x80\x9D",
         covered, covered ? "" : hint});
  }

  // A day in the draft counts only when no step is given another day than the one agreed: a
  // reviewer's draft with Friday for a step agreed for Wednesday had ticked this.
  bool wrong_day = false;
  for (size_t p = 0; p < wanted.size(); ++p)
    wrong_day = wrong_day || (!covered_point[p] && coverage_of.wrong_day[p] != SIZE_MAX);
  const bool timeline = has_timeline(words) && !wrong_day;
  check.items.push_back({"timeline", "Says when things will happen", timeline,
                         timeline ? ""
                         : wrong_day
                             ? "A day in your draft is not the one agreed: see the step marked \"Check the day\"."
                             : "Add when each step happens (\"by Friday\", \"next week\", \"12 March\")."});

  // After a rupture the email's first job is repair: an apology, or owning what went wrong (the
  // checklist had asked only for a recap, steps and a reply, none of which mends anything).
  if (d.ending() && d.ending()->kind == "rupture") {
    bool owned = false;
    find_phrases(words, repair_phrases(), [&](size_t, size_t, size_t) { owned = true; });
    check.items.push_back({"repair", "Owns what went wrong", owned,
                           owned ? ""
                                 : "Say what you would do differently, and apologise for your part (\"I'm sorry: I "
                                   "should have asked what you needed first.\")."});
  }

  bool invite = false;
  find_phrases(words, reply_phrases(), [&](size_t, size_t, size_t) { invite = true; });
  check.items.push_back({"reply_invite", "Invites a reply or correction", invite,
                         invite ? "" : "Invite them to reply or correct you (\"Let me know if I missed anything.\")."});

  // Flags: each blame, pressure or promise phrase once, quoting the draft's own words, and what it costs.
  const std::string cost = " (\xE2\x88\x92" + std::to_string(static_cast<int>(kFlagCost * 100 + 0.5)) + "%)";
  std::vector<bool> flagged(flag_phrases().size(), false);
  bool claimed = false;           // one agreement flag however many phrases claim it ("as we agreed" holds "we agreed")
  bool acted = false;             // one flag for actions taken on the client's behalf
  size_t promised_to = SIZE_MAX;  // the last word of the last promise flagged: "I guarantee it" is one
  std::vector<size_t> claims;     // the sentences an agreement flag holds: their terms are not flagged again
  find_phrases(words, flag_phrases(), [&](size_t p, size_t first, size_t last) {
    if (flagged[p]) return;
    const std::string_view kind = flag_phrases()[p].kind;
    if (kind == "agreement" && claimed) return;
    if (kind == "promise" && promised_to != SIZE_MAX && first <= promised_to) return;
    // Where steps were agreed, a claim is held to them: its sentence must name a point of the
    // conversation (reviewer P's "as agreed, you'll sign the full contract" had passed). A heading
    // ("As we agreed, the next steps:") claims the lines under it, which the steps check reads.
    size_t sentence_first = first;
    while (sentence_first > 0 && words.words[sentence_first - 1].sentence == words.words[first].sentence)
      --sentence_first;
    size_t sentence_end = last;
    while (sentence_end + 1 < words.words.size() &&
           words.words[sentence_end + 1].sentence == words.words[last].sentence)
      ++sentence_end;
    // Nor is a subject line a claim: it names the email's topic (reviewer S's
    // "Subject: The Leeds trial - what we agreed" had cost 10%).
    if (kind == "acted") {
      // "...if what I've told you actually happens", "I know I've let you down": said to the client.
      const std::string_view after = last + 1 < words.words.size() ? std::string_view(words.words[last + 1].text) : "";
      if (acted || after == "you" || coverage_of.names_own_step[words.words[first].sentence]) return;
      acted = true;
      check.flags.push_back("Check you were asked to: " + wrote(sentence_first, sentence_end + 1 - sentence_first) +
                            " tells them you acted for them, and the conversation agreed no such step of yours" + cost);
      return;
    }
    const bool invented = kind == "agreement" && !steps.empty();
    if (invented &&
        (coverage_of.names_point[words.words[first].sentence] ||
         words.text.substr(words.words[sentence_end].end, 1) == ":" || words.words[sentence_first].text == "subject"))
      return;
    // "You should have heard it from me, not your warehouse manager. I'm sorry." is an apology, and
    // "above all you need to hear any bad news from me first" a reviewer's recap of the client's
    // need: "you should have", "you need to" or "you have to" followed, in its sentence, by "from
    // me" or "from us" is about the writer.
    if (flag_phrases()[p].words.front() == "you")
      for (size_t k = last + 1; k + 1 < words.words.size() && words.words[k].sentence == words.words[last].sentence;
           ++k)
        if (words.words[k].text == "from" && (words.words[k + 1].text == "me" || words.words[k + 1].text == "us"))
          return;
    // "...and you need to see it work on your own bookings first" recaps the client's need (reviewer
    // M's draft was flagged pressure), as "you need to know", "feel", "be sure" do.
    if (const auto next = [&](size_t k) { return last + k < words.words.size() ? words.words[last + k].text : ""; };
        flag_phrases()[p].words == std::vector<std::string>{"you", "need", "to"} &&
        (next(1) == "know" || next(1) == "feel" || next(1) == "trust" || next(1) == "believe" ||
         (next(1) == "be" &&
          (next(2) == "sure" || next(2) == "certain" || next(2) == "confident" || next(2) == "able")) ||
         (next(1) == "see" && (next(2) == "it" || next(2) == "that" || next(2) == "how" || next(2) == "what" ||
                               next(2) == "proof" || next(2) == "evidence" || next(2) == "results"))))
      return;
    // "It's not your fault" reassures: a negation up to four words before "your fault".
    if (flag_phrases()[p].words.front() == "your")
      for (size_t k = first, back = 0; k > 0 && back < 4 && words.words[k - 1].sentence == words.words[first].sentence;
           --k, ++back)
        if (const std::string& t = words.words[k - 1].text; t == "not" || t == "t" || t == "none" || t == "no") return;
    flagged[p] = true;
    std::string_view found = draft.substr(words.words[first].begin, words.words[last].end - words.words[first].begin);
    claimed = claimed || kind == "agreement";
    if (kind == "agreement") claims.push_back(words.words[first].sentence);
    if (kind == "promise") promised_to = last;
    if (invented) {
      check.flags.push_back("Check this was agreed: " + wrote(sentence_first, sentence_end + 1 - sentence_first) +
                            cost);
      return;
    }
    // Each flag takes kFlagCost off the coverage, and says so: a reviewer with every item ticked
    // saw 90% and nothing to explain it.
    check.flags.push_back((kind == "promise"     ? "Promise only what you can deliver: " + quote(found)
                           : kind == "agreement" ? "Nothing was agreed in the conversation: " + quote(found)
                                                 : "Watch the tone: " + std::string(kind) + ": " + quote(found)) +
                          cost);
  });

  for (const auto& found : {miscounted_choices(d, draft), unnamed_months(d, draft)})
    for (const std::string& flag : found) check.flags.push_back(flag + cost);
  // One flag a sentence: reviewer U's "As agreed, we will waive the March invoice..." cost 20%, as a
  // claim and as its terms.
  std::vector<size_t> offered_in;
  const std::vector<std::string> offered = unagreed_terms(d, draft, &offered_in);
  for (size_t k = 0; k < offered.size(); ++k)
    if (std::find(claims.begin(), claims.end(), offered_in[k]) == claims.end())
      check.flags.push_back("Check this was agreed: " + quote(offered[k]) + cost);

  if (draft.find(kNamePlaceholder) != std::string_view::npos)
    check.reminders.push_back("Sign with your name: replace " + std::string(kNamePlaceholder) +
                              " at the end, or set your name once in Settings.");

  size_t covered = std::count_if(check.items.begin(), check.items.end(), [](const auto& i) { return i.covered; });
  double coverage = check.items.empty() ? 0.0 : double(covered) / double(check.items.size());
  coverage -= kFlagCost * double(check.flags.size());
  check.coverage = std::clamp(coverage, 0.0, 1.0);
  return check;
}

}  // namespace rapport
