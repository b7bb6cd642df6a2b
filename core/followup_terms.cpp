// Terms a follow-up email offers that the conversation never named: money ("at no extra cost",
// "10% off our fee", "a discount") and how often something happens ("every month", "weekly").
// Reviewer S's "We'll run it at no extra cost and take 10% off our fee" and "I'll send you a
// progress report every month" had passed the check, agreed nowhere.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "followup.h"
#include "followup_detail.h"

namespace rapport {

using namespace followup_detail;

namespace {

/// Money terms as split_words() gives them, and what each offers.
struct MoneyTerm {
  const char* words;
  const char* kind;
};
constexpr MoneyTerm kMoneyTerms[] = {{"no extra cost", "free"},
                                     {"no additional cost", "free"},
                                     {"no extra charge", "free"},
                                     {"no cost", "free"},
                                     {"no charge", "free"},
                                     {"free of charge", "free"},
                                     {"for free", "free"},
                                     {"complimentary", "free"},
                                     {"waive", "free"},
                                     {"waived", "free"},
                                     {"waiving", "free"},
                                     {"discount", "discount"},
                                     {"discounted", "discount"},
                                     {"half price", "discount"},
                                     {"reduced rate", "discount"},
                                     {"refund", "refund"},
                                     {"money back", "refund"}};

/// "weeks" -> "week" for the periods a recurrence names; else empty.
std::string unit_of(std::string_view word) {
  for (std::string_view u : {"day", "week", "fortnight", "month", "quarter", "year"})
    if (word == u || (word.size() == u.size() + 1 && word.starts_with(u) && word.back() == 's')) return std::string(u);
  return {};
}

/// What a term offers, by kind: "free", "discount", "refund"; "day", "week", "fortnight", "month",
/// "quarter", "year". Empty when word `i` starts no term.
std::string term_at(const std::vector<Word>& w, size_t i) {
  const auto at = [&](size_t k) -> std::string_view {
    return i + k < w.size() && w[i + k].sentence == w[i].sentence ? std::string_view(w[i + k].text) : "";
  };
  for (const MoneyTerm& t : kMoneyTerms) {
    std::string_view rest = t.words;
    size_t k = 0;
    for (; !rest.empty(); ++k) {
      const size_t space = rest.find(' ');
      if (at(k) != rest.substr(0, space)) break;
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
    if (rest.empty()) return t.kind;
  }
  // "10% off our fee": a count, then "off".
  if (!count_key(at(0)).empty() && at(0) != "a" && at(1) == "off") return "discount";
  // How often: "monthly", "every week", "once a month", "every other Thursday" (a fortnight).
  const std::string_view t = at(0);
  if (t == "daily") return "day";
  if (t == "annually") return "year";
  if (t == "weekly" || t == "fortnightly" || t == "monthly" || t == "quarterly" || t == "yearly")
    return std::string(t.substr(0, t.size() - 2));
  if (t == "every" && (at(1) == "other" || at(1) == "second" || at(1) == "two") &&
      (is_weekday(at(2)) || unit_of(at(2)) == "week"))
    return "fortnight";
  if ((t == "every" || t == "each") && !unit_of(at(1)).empty()) return unit_of(at(1));
  if (t == "every" && is_weekday(at(1))) return "week";
  if (t == "once" && (at(1) == "a" || at(1) == "per" || at(1) == "every")) return unit_of(at(2));
  return {};
}

/// Every term `text` names, by what it offers.
std::vector<std::string> terms_in(std::string_view text) {
  std::vector<std::string> out;
  const std::vector<Word> w = split_words(text);
  for (size_t i = 0; i < w.size(); ++i) {
    if (std::string t = term_at(w, i); !t.empty()) out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

namespace {

/// The full name of a month word ("sept" -> "september"); "may" only after "in", "by", "from",
/// "until", "of", "mid" or "end" ("you may want" is not a month); else empty.
std::string month_at(const std::vector<Word>& w, size_t i) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                                 "july",    "august",   "september", "october", "november", "december"};
  const std::string_view t = w[i].text;
  if (!is_month(t)) return {};
  if (t == "may") {
    const std::string_view before = i > 0 ? std::string_view(w[i - 1].text) : "";
    // ...and "for May", "since May", "last May": missed-deadlines' preparation offers "the pod's
    // breach league table for May", and reviewer W's "affected by May's breaches" was a wrong date.
    if (!(before == "in" || before == "by" || before == "from" || before == "until" || before == "of" ||
          before == "mid" || before == "end" || before == "for" || before == "since" || before == "last" ||
          before == "early" || before == "late" || before == "during"))
      return {};
  }
  for (std::string_view m : kMonths)
    if (m.starts_with(t.substr(0, 3))) return std::string(m);
  return {};
}

/// The months `text` names.
void months_in(std::string_view text, std::vector<std::string>& out) {
  const std::vector<Word> w = split_words(text.substr(0, 8192));
  for (size_t i = 0; i < w.size(); ++i)
    if (std::string m = month_at(w, i); !m.empty()) out.push_back(std::move(m));
}

}  // namespace

std::vector<std::string> unnamed_months(const Dialogue& d, std::string_view draft) {
  std::vector<std::string> said;
  for (const Turn& t : d.transcript()) {
    months_in(t.client_line, said);
    months_in(t.reply, said);
  }
  months_in(d.client_line(), said);
  for (const std::string& id : d.points())
    if (const Point* p = d.scenario().find_point(id)) {
      months_in(p->text, said);
      months_in(p->due, said);
    }
  // ...and what the learner was told before it began: the briefing's "launches on 3 April", the
  // prepared routes' "launch in January" (reviewer U's honest emails were flagged for both).
  months_in(d.scenario().briefing, said);
  for (const PrepStep& step : d.scenario().prep)
    for (const PrepOption& o : step.options) months_in(o.text, said);
  std::vector<std::string> out;
  if (said.empty()) return out;
  const std::vector<Word> w = split_words(draft);
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string m = month_at(w, i);
    if (m.empty() || std::find(said.begin(), said.end(), m) != said.end()) continue;
    std::string named;
    for (std::string s : said) {
      s[0] = static_cast<char>(s[0] - 'a' + 'A');  // "March", not "march"
      if (named.find(s) == std::string::npos) named += (named.empty() ? "" : " or ") + s;
    }
    out.push_back("Check the date: you wrote \"" + std::string(draft.substr(w[i].begin, w[i].end - w[i].begin)) +
                  "\", and the conversation named " + named);
    break;  // one flag for the draft's dates
  }
  return out;
}

std::vector<std::string> miscounted_choices(const Dialogue& d, std::string_view draft) {
  std::vector<std::string> said;  // "3 option"
  const auto add = [&](std::string_view text) {
    for (std::string& key : figures_in(text.substr(0, 8192)))
      if (key.ends_with(" option")) said.push_back(std::move(key));
  };
  for (const Turn& t : d.transcript()) {
    add(t.client_line);
    add(t.reply);
  }
  add(d.client_line());
  for (const std::string& id : d.points())
    if (const Point* p = d.scenario().find_point(id)) add(p->text);
  std::vector<std::string> out;
  if (said.empty()) return out;
  const std::vector<Word> w = split_words(draft);
  for (size_t i = 0; i < w.size() && out.empty(); ++i)
    for (const std::string& key : counted_at(w, i))
      // Not "one option is to phase it": one of them.
      if (key.ends_with(" option") && !key.starts_with("1 ") &&
          std::find(said.begin(), said.end(), key) == said.end()) {
        size_t last = i + 1;
        while (last < w.size() && last < i + 3 && stem(w[last].text) != "option") ++last;
        out.push_back("Check the figure: you wrote \"" +
                      std::string(draft.substr(w[i].begin, w[std::min(last, w.size() - 1)].end - w[i].begin)) +
                      "\", and the conversation counted " + said.front().substr(0, said.front().find(' ')));
        break;
      }
  return out;
}

std::vector<std::string> unagreed_terms(const Dialogue& d, std::string_view draft, std::vector<size_t>* sentences) {
  // What the conversation named: its replies and the client's lines, and the scenario's points.
  std::vector<std::string> said;
  const auto add = [&](std::string_view text) {
    for (std::string& t : terms_in(text.substr(0, 8192))) said.push_back(std::move(t));
  };
  for (const Turn& t : d.transcript()) {
    add(t.client_line);
    add(t.reply);
  }
  add(d.client_line());
  for (const Point& p : d.scenario().points) {
    add(p.text);
    add(p.due);
    add(p.to_client);
  }
  std::vector<std::string> out, flagged;
  size_t sentence = SIZE_MAX;  // one flag a sentence: "at no extra cost and 10% off" offers one deal
  const std::vector<Word> w = split_words(draft);
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string term = term_at(w, i);
    if (term.empty() || w[i].sentence == sentence || std::find(said.begin(), said.end(), term) != said.end() ||
        std::find(flagged.begin(), flagged.end(), term) != flagged.end())
      continue;
    flagged.push_back(term);
    sentence = w[i].sentence;
    size_t first = i, last = i;
    while (first > 0 && w[first - 1].sentence == w[i].sentence) --first;
    while (last + 1 < w.size() && w[last + 1].sentence == w[i].sentence) ++last;
    out.emplace_back(draft.substr(w[first].begin, w[last].end - w[first].begin));
    if (sentences) sentences->push_back(w[i].sentence);
  }
  return out;
}

}  // namespace rapport
