// Follow-up email: words about days and periods, shared by the completeness check
// (followup_check.cpp). Declared in followup_detail.h.
#include "followup_detail.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace rapport::followup_detail {

bool is_number(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// "three" -> "3", "a" -> "1", "12" -> "12"; anything else empty.
std::string count_key(std::string_view w) {
  static const std::array<std::string_view, 13> names = {"a",     "one",   "two",  "three", "four",   "five",  "six",
                                                         "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  if (is_number(w) && w.size() <= 2) return std::string(w);
  for (size_t n = 0; n < names.size(); ++n)
    if (w == names[n]) return std::to_string(n == 0 ? 1 : n);
  return {};
}

/// "months" -> "month"; not a period: empty.
std::string unit_key(std::string_view w) {
  if (!is_period(w)) return {};
  return std::string(w.ends_with("s") ? w.substr(0, w.size() - 1) : w);
}

/// "three months" -> "3 month", "a fortnight" -> "2 week"; not a period: empty.
std::string period_key(std::string_view count_word, std::string_view unit_word) {
  const std::string count = count_key(count_word), unit = unit_key(unit_word);
  if (count.empty() || unit.empty()) return {};
  if (unit == "fortnight") return std::to_string(2 * std::stoi(count)) + " week";
  return count + " " + unit;
}

bool is_weekday(std::string_view w) {
  static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                               "friday", "saturday", "sunday",    "weekend"};
  return in_list(w, kDays);
}

bool is_month(std::string_view w) {
  static constexpr std::string_view kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                                 "july",    "august",   "september", "october", "november", "december",
                                                 "jan",     "feb",      "mar",       "apr",     "jun",      "jul",
                                                 "aug",     "sep",      "sept",      "oct",     "nov",      "dec"};
  return in_list(w, kMonths);
}

bool is_period(std::string_view w) {
  static constexpr std::string_view kPeriods[] = {"hour",  "hours",     "day",       "days",   "week",
                                                  "weeks", "fortnight", "month",     "months", "quarter",
                                                  "year",  "morning",   "afternoon", "evening"};
  return in_list(w, kPeriods);
}

bool is_day_number(std::string_view w) {
  if (w.size() == 1 || w.size() == 2)
    return is_number(w) && std::stoi(std::string(w)) >= 1 && std::stoi(std::string(w)) <= 31;
  if (w.size() == 3 || w.size() == 4) {  // 1st, 12th
    std::string_view digits = w.substr(0, w.size() - 2), suffix = w.substr(w.size() - 2);
    return is_number(digits) && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th");
  }
  return false;
}

bool is_count(std::string_view w) {
  static constexpr std::string_view kCounts[] = {"a",   "an",    "one", "two", "three", "four",  "five",
                                                 "six", "seven", "ten", "the", "few",   "couple"};
  return is_number(w) || in_list(w, kCounts);
}

bool is_vague_time(std::string_view w) {
  return w == "soon" || w == "shortly" || w == "asap" || w == "later" || w == "sometime" || w == "eventually";
}

/// The things word `i` counts, as "count stem" keys: "three budget scenarios" -> "3 budget", "3
/// scenario" (the next two content words of its sentence). Not "a" or "an", not a time ("at 10
/// tomorrow", "two weeks": periods are checked as periods), not a word of a day.
std::vector<std::string> counted_at(const std::vector<Word>& w, size_t i) {
  std::vector<std::string> out;
  const std::string count = w[i].text == "a" || w[i].text == "an" ? std::string() : count_key(w[i].text);
  if (count.empty() || (i > 0 && w[i - 1].text == "at")) return out;
  for (size_t j = i + 1; j < w.size() && j <= i + 2 && w[j].sentence == w[i].sentence; ++j) {
    const std::string_view t = w[j].text;
    if (is_period(t) || is_weekday(t) || is_month(t) || t == "tomorrow" || t == "today" || t == "tonight") break;
    if (t.size() < 3 || is_stopword(t) || is_number(t)) continue;
    out.push_back(count + " " + stem(std::string(t)));
  }
  return out;
}

/// The lengths `text` names, as period_key gives them ("90 days" -> "90 day"), and the things it
/// counts (counted_at: "three budget scenarios" -> "3 budget", "3 scenario"): a draft that gives
/// another count of the same thing does not cover the step (reviewer R's "two budget scenarios").
std::vector<std::string> figures_in(std::string_view text) {
  std::vector<std::string> out;
  std::vector<Word> words = split_words(text);
  for (size_t i = 0; i < words.size(); ++i) {
    if (std::string key = i + 1 < words.size() ? period_key(words[i].text, words[i + 1].text) : std::string();
        !key.empty() && std::isdigit(static_cast<unsigned char>(words[i].text[0])))
      out.push_back(std::move(key));
    for (std::string& key : counted_at(words, i)) out.push_back(std::move(key));
  }
  return out;
}

/// A date or time: a weekday, "tomorrow", "next week", "end of the month", "12 March",
/// "March 12th", "the 12th", "12/03", "2024-03-12", "3pm", "15:00", "within 5 days".
bool has_timeline(const Draft& d) {
  const auto& w = d.words;
  auto at = [&](size_t i) -> std::string_view {
    return i < w.size() ? std::string_view(w[i].text) : std::string_view();
  };
  auto joined_by = [&](size_t i, char sep) {  // word i and i+1 separated by exactly `sep`
    return i + 1 < w.size() && w[i + 1].begin == w[i].end + 1 && d.text[w[i].end] == sep;
  };
  for (size_t i = 0; i < w.size(); ++i) {
    std::string_view t = w[i].text;
    if (is_weekday(t) || t == "tomorrow" || t == "tonight" || t == "eod" || t == "eow") return true;
    if ((t == "next" || t == "this" || t == "coming") && (is_period(at(i + 1)) || is_weekday(at(i + 1)))) return true;
    if (t == "end" && at(i + 1) == "of" && (is_period(at(i + 2)) || is_period(at(i + 3)) || is_month(at(i + 2))))
      return true;
    if ((t == "within" || t == "in") && is_count(at(i + 1)) && (is_period(at(i + 2)) || is_period(at(i + 3))))
      return true;
    if (is_month(t) && (is_day_number(at(i + 1)) || (i > 0 && is_day_number(at(i - 1))))) return true;
    if (t.size() >= 3 && is_day_number(t) && !is_number(t) && i > 0 &&
        (at(i - 1) == "the" || at(i - 1) == "on" || at(i - 1) == "by"))
      return true;
    if (is_number(t) && t.size() <= 4) {
      if (joined_by(i, '/') && is_number(at(i + 1))) return true;              // 12/03
      if ((joined_by(i, '-') || joined_by(i, '.')) && is_number(at(i + 1)) &&  // 2024-03-12, 12.03.2024
          joined_by(i + 1, d.text[w[i].end]) && is_number(at(i + 2)))
        return true;
      if (joined_by(i, ':') && is_number(at(i + 1)) && at(i + 1).size() == 2) return true;  // 15:00
      if (at(i + 1) == "am" || at(i + 1) == "pm") return true;                              // 3 pm
    }
    if (t.size() >= 3 && (t.ends_with("am") || t.ends_with("pm")) && is_number(t.substr(0, t.size() - 2)))
      return true;  // 3pm
  }
  return false;
}

}  // namespace rapport::followup_detail
