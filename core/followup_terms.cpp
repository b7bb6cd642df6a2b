// Terms a follow-up email offers that the conversation never named: money ("at no extra cost",
// "10% off our fee", "a discount") and how often something happens ("every month", "weekly").
// Reviewer S's "We'll run it at no extra cost and take 10% off our fee" and "I'll send you a
// progress report every month" had passed the check, agreed nowhere.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "followup.h"
#include "followup_detail.h"

namespace rapport {

using namespace followup_detail;

namespace {

/// What a term offers, by kind: "free", "discount", "refund"; "day", "week", "fortnight", "month",
/// "quarter", "year". Empty when word `i` starts no term; `length` gets its words.
std::string term_at(const std::vector<Word>& w, size_t i, size_t* length) {
  const auto at = [&](size_t k) -> std::string_view {
    return i + k < w.size() && w[i + k].sentence == w[i].sentence ? std::string_view(w[i + k].text) : "";
  };
  const auto is = [&](std::initializer_list<std::string_view> words) {
    size_t k = 0;
    for (std::string_view word : words)
      if (at(k++) != word) return false;
    *length = words.size();
    return true;
  };
  // Money.
  if (is({"no", "extra", "cost"}) || is({"no", "additional", "cost"}) || is({"no", "extra", "charge"}) ||
      is({"no", "cost"}) || is({"no", "charge"}) || is({"free", "of", "charge"}) || is({"for", "free"}) ||
      is({"complimentary"}) || is({"waive"}) || is({"waived"}) || is({"waiving"}))
    return "free";
  if (is({"discount"}) || is({"discounted"}) || is({"half", "price"}) || is({"reduced", "rate"}) ||
      (!count_key(at(0)).empty() && at(0) != "a" && at(1) == "off" && (*length = 2)))
    return "discount";
  if (is({"refund"}) || is({"money", "back"})) return "refund";
  // How often.
  static const std::array<std::string_view, 6> kUnits = {"day", "week", "fortnight", "month", "quarter", "year"};
  const auto unit_of = [&](std::string_view word) -> std::string {
    for (std::string_view u : kUnits)
      if (word == u || (word.size() == u.size() + 1 && word.substr(0, u.size()) == u && word.back() == 's'))
        return std::string(u);
    return {};
  };
  if (at(0) == "daily" || at(0) == "weekly" || at(0) == "fortnightly" || at(0) == "monthly" || at(0) == "quarterly" ||
      at(0) == "yearly" || at(0) == "annually") {
    *length = 1;
    const std::string_view t = at(0);
    return t == "daily"         ? "day"
           : t == "annually"    ? "year"
           : t == "fortnightly" ? "fortnight"
                                : std::string(t.substr(0, t.size() - 2));
  }
  if ((at(0) == "every" || at(0) == "each") && !unit_of(at(1)).empty()) {
    *length = 2;
    return unit_of(at(1));
  }
  // "every other Thursday", "every two weeks": a fortnight when the gap is two weeks.
  if (at(0) == "every" && (at(1) == "other" || at(1) == "second" || at(1) == "two") &&
      (is_weekday(at(2)) || unit_of(at(2)) == "week")) {
    *length = 3;
    return "fortnight";
  }
  if (at(0) == "once" && (at(1) == "a" || at(1) == "per" || at(1) == "every") && !unit_of(at(2)).empty()) {
    *length = 3;
    return unit_of(at(2));
  }
  if (at(0) == "every" && is_weekday(at(1))) {
    *length = 2;
    return "week";
  }
  return {};
}

/// Every term `text` names, by what it offers.
std::vector<std::string> terms_in(std::string_view text) {
  std::vector<std::string> out;
  const std::vector<Word> w = split_words(text);
  for (size_t i = 0; i < w.size(); ++i) {
    size_t length = 0;
    if (std::string t = term_at(w, i, &length); !t.empty()) out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

std::vector<std::string> unagreed_terms(const Dialogue& d, std::string_view draft) {
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
    size_t length = 0;
    const std::string term = term_at(w, i, &length);
    if (term.empty() || w[i].sentence == sentence || std::find(said.begin(), said.end(), term) != said.end() ||
        std::find(flagged.begin(), flagged.end(), term) != flagged.end())
      continue;
    flagged.push_back(term);
    sentence = w[i].sentence;
    size_t first = i, last = i;
    while (first > 0 && w[first - 1].sentence == w[i].sentence) --first;
    while (last + 1 < w.size() && w[last + 1].sentence == w[i].sentence) ++last;
    out.emplace_back(draft.substr(w[first].begin, w[last].end - w[first].begin));
  }
  return out;
}

}  // namespace rapport
