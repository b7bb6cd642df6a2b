// Follow-up email: words about days and periods, shared by the completeness check
// (followup_check.cpp). Declared in followup_detail.h.
#include "followup_detail.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

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
  static const std::unordered_set<std::string_view> days = {"monday", "tuesday",  "wednesday", "thursday",
                                                            "friday", "saturday", "sunday",    "weekend"};
  return days.count(w) > 0;
}

bool is_month(std::string_view w) {
  static const std::unordered_set<std::string_view> months = {
      "january",   "february", "march",    "april",    "may",  "june", "july", "august",
      "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
      "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};
  return months.count(w) > 0;
}

bool is_period(std::string_view w) {
  static const std::unordered_set<std::string_view> periods = {"hour",  "hours",     "day",       "days",   "week",
                                                               "weeks", "fortnight", "month",     "months", "quarter",
                                                               "year",  "morning",   "afternoon", "evening"};
  return periods.count(w) > 0;
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
  static const std::unordered_set<std::string_view> counts = {"a",   "an",    "one", "two", "three", "four",  "five",
                                                              "six", "seven", "ten", "the", "few",   "couple"};
  return is_number(w) || counts.count(w) > 0;
}

}  // namespace rapport::followup_detail
