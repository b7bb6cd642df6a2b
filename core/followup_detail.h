// Helpers shared by the follow-up emails (followup_email.cpp) and the completeness check
// (followup_check.cpp); not part of the public interface.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rapport::followup_detail {

/// ASCII letters and digits: the bytes that make up words in templates and drafts.
inline bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// "Dana Okafor" -> "Dana"; a name starting with a title ("Dr Patel") is kept whole.
std::string first_name(std::string_view name);
/// "you" -> "I will", "client" -> "You said you would", "both" -> "We agreed to".
std::string owner_label(std::string_view owner);
/// Text about the client reworded to the client: "Dana's" -> "your", "Dana" -> "you" (capitalised
/// at the start of a sentence). Other names and pronouns are left alone.
std::string to_second_person(std::string_view text, std::string_view client_first_name);
/// A next step's text ready to follow an owner label in an email to the client: in the second
/// person, first letter lowered (unless it starts an acronym), no closing full stop.
std::string step_action(std::string_view text, std::string_view client_first_name);
/// A step's day ready to follow its action with no comma: "by Tuesday" and "tonight" as they are,
/// a bare day ("Thursday, 8 to 10am", "12 March", "the 12th") after "on". A reviewer read "I will
/// send the revised plan and costs for the phased option, by Tuesday." as a machine's comma.
std::string step_due(std::string_view due);

/// Words about days and periods (followup_dates.cpp), as split_words() gives them: lowercase.
/// Whether `w` is one of `list`: short word lists as data (a std::set of each cost its own code).
bool in_list(std::string_view w, const std::string_view* list, size_t n);
template <size_t N>
bool in_list(std::string_view w, const std::string_view (&list)[N]) {
  return in_list(w, list, N);
}
bool is_number(std::string_view w);
bool is_weekday(std::string_view w);        // "monday" ... "sunday", "weekend"
bool is_month(std::string_view w);          // "january", "jan", ... (and "may")
bool is_period(std::string_view w);         // "day", "weeks", "fortnight", "month", "morning", ...
bool is_day_number(std::string_view w);     // 1 to 31, "1st" to "31st"
bool is_count(std::string_view w);          // a number, "a", "one" ... "ten", "few", "couple"
bool is_vague_time(std::string_view w);     // "soon", "shortly", "asap", "later", "sometime", "eventually"
std::string count_key(std::string_view w);  // "three" -> "3", "a" -> "1"; else empty
std::string unit_key(std::string_view w);   // "months" -> "month"; not a period: empty
std::string period_key(std::string_view count_word, std::string_view unit_word);  // "a fortnight" -> "2 week"

/// One word of a text: lowercase ASCII letters and digits. Every other byte (punctuation, emoji,
/// any non-ASCII or invalid UTF-8) separates words.
struct Word {
  std::string text;
  size_t begin = 0, end = 0;  // byte range in the source
  size_t sentence = 0;
};
/// Words with their sentence numbers; sentences end at a line break or at . ! ? ; followed by a
/// space or the end (followup_words.cpp).
std::vector<Word> split_words(std::string_view text);
/// What word `i` counts ("three budget scenarios" -> "3 budget", "3 scenario"), and the lengths
/// and counted things a text names (followup_dates.cpp).
std::vector<std::string> counted_at(const std::vector<Word>& w, size_t i);
std::vector<std::string> figures_in(std::string_view text);
bool is_stopword(std::string_view w);
/// Light suffix stripping so that "drafts", "drafted" and "drafting" meet at "draft".
std::string stem(std::string w);
/// Distinct content words (stemmed, stopwords and one- or two-letter words dropped), in order.
std::vector<std::string> content_words(std::string_view text);

/// A phrase as lowercase words; matched word by word, so punctuation between them is allowed.
struct Phrase {
  std::vector<std::string> words;
  const char* kind;  // flags: "blame", "pressure", "promise" or "agreement"
};
std::vector<Phrase> make_phrases(std::initializer_list<const char*> texts, const char* kind);
/// The draft's words, indexed for the checks below.
struct Draft {
  std::string_view text;
  std::vector<Word> words;
  std::vector<std::string> stems;  // per word; empty for stopwords and short words
  size_t sentences = 0;
};

Draft read_draft(std::string_view text);  // followup_words.cpp
/// A date or time: a weekday, "tomorrow", "next week", "12 March", "3pm", "within 5 days" (followup_dates.cpp).
bool has_timeline(const Draft& d);

/// Calls `found(phrase index, first word, last word)` for every occurrence of any phrase.
template <typename Found>
void find_phrases(const Draft& d, const std::vector<Phrase>& phrases, Found found) {
  std::unordered_map<std::string_view, std::vector<size_t>> by_first;
  for (size_t p = 0; p < phrases.size(); ++p) by_first[phrases[p].words.front()].push_back(p);
  for (size_t i = 0; i < d.words.size(); ++i) {
    auto f = by_first.find(d.words[i].text);
    if (f == by_first.end()) continue;
    for (size_t p : f->second) {
      const auto& pw = phrases[p].words;
      if (i + pw.size() > d.words.size()) continue;
      bool match = true;
      for (size_t k = 1; k < pw.size() && match; ++k) match = d.words[i + k].text == pw[k];
      if (match) found(p, i, i + pw.size() - 1);
    }
  }
}

/// The check's lists (followup_phrases.cpp). An apology or the writer owning what went wrong.
const std::vector<Phrase>& repair_phrases();
/// An invitation to reply or correct ("let me know", "tell me if").
const std::vector<Phrase>& reply_phrases();
/// Words that open a recap of the conversation ("we discussed", "what I heard", "you told me").
const std::vector<Phrase>& recap_phrases();
/// Phrases the check flags: blame, pressure and outcomes promised in writing.
const std::vector<Phrase>& flag_phrases();

}  // namespace rapport::followup_detail
