// Follow-up email: template renderer, default template, template data and the completeness check.
//
// [SECTION] Template parsing
// [SECTION] Template rendering
// [SECTION] Templates and their data
// [SECTION] Words: tokens, stems, phrases
// [SECTION] Completeness check
#include "followup.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

namespace rapport {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Template parsing
//-----------------------------------------------------------------------------

enum class TokenKind { Text, Variable, Section, Inverted, Close, Comment };

struct TemplateToken {
  TokenKind kind;
  size_t begin = 0, end = 0;  // Text: the bytes to copy. Tags: the name (trimmed).
  size_t offset = 0;          // tags: byte offset of the opening "{{"
  size_t match = 0;           // Section/Inverted: index of the matching Close token
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string tag_text(std::string_view tmpl, const TemplateToken& t) {
  const char* sigil = t.kind == TokenKind::Section    ? "#"
                      : t.kind == TokenKind::Inverted ? "^"
                      : t.kind == TokenKind::Close    ? "/"
                                                      : "";
  return "'{{" + std::string(sigil) + std::string(tmpl.substr(t.begin, t.end - t.begin)) + "}}'";
}

/// Splits a template into tokens and pairs sections with their closing tags. Linear in the
/// template's length; returns an error message, empty on success.
std::string parse_template(std::string_view tmpl, std::vector<TemplateToken>& out) {
  std::vector<size_t> open;  // indices of unclosed Section/Inverted tokens
  size_t pos = 0;
  while (pos < tmpl.size()) {
    size_t tag = tmpl.find("{{", pos);
    size_t text_end = tag == std::string_view::npos ? tmpl.size() : tag;
    if (tag == std::string_view::npos) {
      out.push_back({TokenKind::Text, pos, text_end});
      break;
    }
    size_t close = tmpl.find("}}", tag + 2);
    if (close == std::string_view::npos)
      return "unterminated tag at byte " + std::to_string(tag) + ": '{{' without a closing '}}'";
    size_t nb = tag + 2, ne = close;
    TokenKind kind = TokenKind::Variable;
    if (nb < ne) {
      switch (tmpl[nb]) {
        case '#':
          kind = TokenKind::Section;
          ++nb;
          break;
        case '^':
          kind = TokenKind::Inverted;
          ++nb;
          break;
        case '/':
          kind = TokenKind::Close;
          ++nb;
          break;
        case '!':
          kind = TokenKind::Comment;
          ++nb;
          break;
        case '&': ++nb; break;
        default: break;
      }
    }
    while (nb < ne && is_blank(tmpl[nb])) ++nb;
    while (ne > nb && is_blank(tmpl[ne - 1])) --ne;
    size_t after = close + 2;
    TemplateToken token{kind, nb, ne, tag};
    if (kind != TokenKind::Comment && nb == ne)
      return "empty tag '" + std::string(tmpl.substr(tag, after - tag)) + "' at byte " + std::to_string(tag);

    // A section or comment tag alone on its line takes its indentation and line break with it.
    if (kind != TokenKind::Variable) {
      size_t line_start = tag;
      while (line_start > pos && is_blank(tmpl[line_start - 1])) --line_start;
      bool at_line_start = line_start == 0 || tmpl[line_start - 1] == '\n';
      size_t line_end = after;
      while (line_end < tmpl.size() && is_blank(tmpl[line_end])) ++line_end;
      bool at_line_end = line_end == tmpl.size() || tmpl[line_end] == '\n' ||
                         (tmpl[line_end] == '\r' && line_end + 1 < tmpl.size() && tmpl[line_end + 1] == '\n');
      if (at_line_start && at_line_end) {
        text_end = line_start;
        after = line_end == tmpl.size() ? line_end : line_end + (tmpl[line_end] == '\r' ? 2 : 1);
      }
    }
    if (text_end > pos) out.push_back({TokenKind::Text, pos, text_end});

    if (kind == TokenKind::Section || kind == TokenKind::Inverted) {
      if (open.size() >= static_cast<size_t>(kTemplateMaxNesting))
        return "section " + tag_text(tmpl, token) + " at byte " + std::to_string(tag) + " is nested deeper than " +
               std::to_string(kTemplateMaxNesting) + " levels";
      open.push_back(out.size());
    } else if (kind == TokenKind::Close) {
      if (open.empty())
        return "closing tag " + tag_text(tmpl, token) + " at byte " + std::to_string(tag) + " has no open section";
      TemplateToken& opener = out[open.back()];
      std::string_view open_name = tmpl.substr(opener.begin, opener.end - opener.begin);
      if (open_name != tmpl.substr(nb, ne - nb))
        return "closing tag " + tag_text(tmpl, token) + " at byte " + std::to_string(tag) + " does not match " +
               tag_text(tmpl, opener) + " opened at byte " + std::to_string(opener.offset);
      opener.match = out.size();
      open.pop_back();
    }
    out.push_back(token);
    pos = after;
  }
  if (!open.empty()) {
    const TemplateToken& opener = out[open.back()];
    return "section " + tag_text(tmpl, opener) + " opened at byte " + std::to_string(opener.offset) +
           " is never closed";
  }
  return {};
}

//-----------------------------------------------------------------------------
// [SECTION] Template rendering
//-----------------------------------------------------------------------------

using ContextStack = std::vector<const nlohmann::json*>;

/// `.` is the current element; `a.b.c` finds `a` in the innermost context that has it, then
/// descends. Anything missing is nullptr.
const nlohmann::json* lookup(std::string_view name, const ContextStack& stack) {
  if (name == ".") return stack.back();
  size_t dot = name.find('.');
  std::string first(name.substr(0, dot));
  const nlohmann::json* value = nullptr;
  for (auto it = stack.rbegin(); it != stack.rend() && !value; ++it)
    if ((*it)->is_object())
      if (auto f = (*it)->find(first); f != (*it)->end()) value = &*f;
  while (value && dot != std::string_view::npos) {
    size_t next = name.find('.', dot + 1);
    std::string part(name.substr(dot + 1, next == std::string_view::npos ? std::string_view::npos : next - dot - 1));
    if (!value->is_object()) return nullptr;
    auto f = value->find(part);
    value = f == value->end() ? nullptr : &*f;
    dot = next;
  }
  return value;
}

bool truthy(const nlohmann::json* v) {
  if (!v || v->is_null()) return false;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string()) return !v->get_ref<const std::string&>().empty();
  if (v->is_array() || v->is_object()) return !v->empty();
  return true;
}

void append_value(const nlohmann::json* v, std::string& out) {
  if (!v) return;
  if (v->is_string()) out += v->get_ref<const std::string&>();
  else if (v->is_boolean()) out += v->get<bool>() ? "true" : "false";
  else if (v->is_number()) out += v->dump();
}

/// Bounds the work of sections over long lists nested inside each other (n^depth otherwise).
constexpr size_t kMaxRenderSteps = size_t{1} << 24;   // tokens and list elements visited
constexpr size_t kMaxRenderOutput = size_t{1} << 23;  // bytes

struct RenderBudget {
  size_t steps_left = kMaxRenderSteps;
  bool exhausted = false;
  /// Charges one step; false (and exhausted) once the budget or the output size is spent.
  bool charge(const std::string& out) {
    if (steps_left == 0 || out.size() > kMaxRenderOutput) exhausted = true;
    else --steps_left;
    return !exhausted;
  }
};

/// Renders tokens [first, last); recursion depth is bounded by kTemplateMaxNesting.
void render_tokens(std::string_view tmpl, const std::vector<TemplateToken>& tokens, size_t first, size_t last,
                   ContextStack& stack, std::string& out, RenderBudget& budget) {
  for (size_t i = first; i < last && budget.charge(out); ++i) {
    const TemplateToken& t = tokens[i];
    std::string_view name = tmpl.substr(t.begin, t.end - t.begin);
    switch (t.kind) {
      case TokenKind::Text: out.append(name); break;
      case TokenKind::Variable: append_value(lookup(name, stack), out); break;
      case TokenKind::Comment:
      case TokenKind::Close: break;
      case TokenKind::Inverted:
        if (!truthy(lookup(name, stack))) render_tokens(tmpl, tokens, i + 1, t.match, stack, out, budget);
        i = t.match;
        break;
      case TokenKind::Section: {
        const nlohmann::json* v = lookup(name, stack);
        if (v && v->is_array()) {
          for (const auto& element : *v) {
            if (!budget.charge(out)) break;
            stack.push_back(&element);
            render_tokens(tmpl, tokens, i + 1, t.match, stack, out, budget);
            stack.pop_back();
          }
        } else if (truthy(v)) {
          stack.push_back(v);
          render_tokens(tmpl, tokens, i + 1, t.match, stack, out, budget);
          stack.pop_back();
        }
        i = t.match;
        break;
      }
    }
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Templates and their data
//-----------------------------------------------------------------------------

constexpr const char* kDefaultSubject = "Thank you for today: what we discussed and our next steps";

constexpr const char* kDefaultBody = R"(Hi {{client.first_name}},

Thank you for making the time to talk with me today. I valued hearing your concerns directly, and I want to be sure we both come away with the same picture.

{{#has_discussion}}
What we talked about:
{{#discussion}}
- {{.}}
{{/discussion}}

{{/has_discussion}}
{{#has_next_steps}}
What we agreed to do next:
{{#next_steps}}
- {{owner_label}} {{action}}{{#due}}, {{due}}{{/due}}.
{{/next_steps}}

{{/has_next_steps}}
{{^has_next_steps}}
We did not settle on next steps today. Could we find half an hour next week to pick this up again, at a time that suits you?

{{/has_next_steps}}
If I have missed or misread anything, please reply and correct me; I would much rather fix it now. And let me know if any questions come up in the meantime.

Best regards,
{{learner.name}}
)";

std::string first_word(std::string_view name) {
  size_t b = name.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  size_t e = name.find_first_of(" \t", b);
  return std::string(name.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
}

/// "Dana Okafor" -> "Dana"; a name starting with a title ("Dr Patel") is kept whole.
std::string first_name(std::string_view name) {
  std::string word = first_word(name);
  std::string lower;
  for (char c : word)
    if (c != '.') lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::array<const char*, 8> titles = {"dr", "mr", "mrs", "ms", "mx", "miss", "prof", "sir"};
  for (const char* t : titles)
    if (lower == t) return std::string(name);
  return word;
}

std::string owner_label(std::string_view owner) {
  if (owner == "you") return "I will";
  if (owner == "client") return "You will";
  if (owner == "both") return "We will";
  return {};
}

/// A next step's text ready to follow "I will" in an email to the client: first letter lowered
/// (unless it starts a name or an acronym), "Dana's" turned into "your", no closing full stop.
std::string step_action(std::string_view text, std::string_view client_first_name) {
  std::string out(text);
  while (!out.empty() && (out.back() == '.' || is_blank(out.back()))) out.pop_back();
  if (!client_first_name.empty()) {
    for (const char* apostrophe : {"'s ", "\xE2\x80\x99s "}) {
      std::string possessive = std::string(client_first_name) + apostrophe;
      for (size_t at = out.find(possessive); at != std::string::npos; at = out.find(possessive, at + 5))
        if (at == 0 || !is_word_byte(static_cast<unsigned char>(out[at - 1])))
          out.replace(at, possessive.size(), "your ");
    }
  }
  bool lower_first = out.size() >= 2 && std::isupper(static_cast<unsigned char>(out[0])) &&
                     std::islower(static_cast<unsigned char>(out[1])) && first_word(out) != client_first_name;
  if (lower_first) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

std::string validate_template_text(std::string_view text) {
  std::vector<TemplateToken> tokens;
  return parse_template(text, tokens);
}

}  // namespace

std::string render_template(std::string_view tmpl, const nlohmann::json& data, std::string* error) {
  std::vector<TemplateToken> tokens;
  std::string message = parse_template(tmpl, tokens);
  if (error) *error = message;
  if (!message.empty()) return {};
  std::string out;
  out.reserve(tmpl.size());
  ContextStack stack{&data};
  RenderBudget budget;
  render_tokens(tmpl, tokens, 0, tokens.size(), stack, out, budget);
  if (budget.exhausted) {
    if (error)
      *error = "the template expands past " + std::to_string(kMaxRenderOutput >> 20) + " MB or " +
               std::to_string(kMaxRenderSteps >> 20) + "M steps (sections over long lists nested too deeply)";
    return {};
  }
  return out;
}

FollowUpTemplate default_followup_template() { return {kDefaultSubject, kDefaultBody}; }

std::optional<FollowUpTemplate> parse_followup_template(const nlohmann::json& scenario_doc, std::string* error) {
  auto fail = [&](std::string message) -> std::optional<FollowUpTemplate> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  if (error) error->clear();
  if (!scenario_doc.is_object()) return std::nullopt;
  auto found = scenario_doc.find("followup");
  if (found == scenario_doc.end()) return std::nullopt;
  const nlohmann::json& f = *found;
  if (!f.is_object()) return fail("/followup: must be an object with \"subject\" and \"body\"");
  for (const auto& [key, value] : f.items())
    if (key != "subject" && key != "body") return fail("/followup: unknown key '" + key + "'");
  FollowUpTemplate t = default_followup_template();
  if (auto body = f.find("body"); body == f.end() || !body->is_string())
    return fail("/followup/body: missing or not a string");
  else t.body = body->get<std::string>();
  if (auto subject = f.find("subject"); subject != f.end()) {
    if (!subject->is_string()) return fail("/followup/subject: not a string");
    t.subject = subject->get<std::string>();
  }
  if (std::string e = validate_template_text(t.subject); !e.empty()) return fail("/followup/subject: " + e);
  if (std::string e = validate_template_text(t.body); !e.empty()) return fail("/followup/body: " + e);
  return t;
}

FollowUpTemplate followup_template_for(const nlohmann::json& scenario_doc, std::string* error) {
  std::optional<FollowUpTemplate> own = parse_followup_template(scenario_doc, error);
  return own ? *own : default_followup_template();
}

FollowUpDraft draft_followup(const Dialogue& d, std::string_view learner_name) {
  FollowUpDraft out;
  if (d.scenario().followup) {
    out.text = render_followup(d, *d.scenario().followup, learner_name, &out.error);
    if (out.error.empty()) return out;
    out.error = "the scenario's follow-up template could not be used (" + out.error + "); the standard email was drafted instead";
  }
  std::string error;
  out.text = render_followup(d, default_followup_template(), learner_name, &error);
  return out;
}

nlohmann::json followup_data(const Dialogue& d, std::string_view learner_name) {
  const Scenario& s = d.scenario();
  std::string client_first = first_name(s.client.name);
  nlohmann::json discussion = nlohmann::json::array();
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& id : d.points()) {
    const Point* p = s.find_point(id);
    if (!p) continue;
    if (p->kind == "discussion") {
      discussion.push_back(p->text);
    } else if (p->kind == "next_step") {
      steps.push_back({{"id", p->id},
                       {"text", p->text},
                       {"action", step_action(p->text, client_first)},
                       {"owner", p->owner},
                       {"owner_label", owner_label(p->owner)},
                       {"due", p->due}});
    }
  }
  std::string ending = d.ending() ? d.ending()->kind : std::string();
  nlohmann::json data;
  data["client"] = {{"name", s.client.name},
                    {"first_name", client_first},
                    {"role", s.client.role},
                    {"organisation", s.client.organisation}};
  data["learner"] = {{"name", std::string(learner_name)}, {"first_name", first_name(learner_name)}};
  data["scenario"] = {{"id", s.id}, {"title", s.title}};
  data["has_discussion"] = !discussion.empty();
  data["has_next_steps"] = !steps.empty();
  data["discussion"] = std::move(discussion);
  data["next_steps"] = std::move(steps);
  data["ending"] = ending;
  data["breakthrough"] = ending == "breakthrough";
  data["partial"] = ending == "partial";
  data["rupture"] = ending == "rupture";
  return data;
}

std::string render_followup(const Dialogue& d, const FollowUpTemplate& t, std::string_view learner_name,
                            std::string* error) {
  nlohmann::json data = followup_data(d, learner_name);
  std::string message;
  std::string subject = render_template(t.subject, data, &message);
  if (!message.empty()) {
    if (error) *error = "subject: " + message;
    return {};
  }
  std::string body = render_template(t.body, data, &message);
  if (!message.empty()) {
    if (error) *error = "body: " + message;
    return {};
  }
  if (error) error->clear();
  // The subject is one line.
  std::replace(subject.begin(), subject.end(), '\n', ' ');
  std::replace(subject.begin(), subject.end(), '\r', ' ');
  size_t b = subject.find_first_not_of(' '), e = subject.find_last_not_of(' ');
  subject = b == std::string::npos ? std::string() : subject.substr(b, e - b + 1);
  return subject + "\n\n" + body;
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] Words: tokens, stems, phrases
//-----------------------------------------------------------------------------

/// One word of a text: lowercase ASCII letters and digits. Every other byte (punctuation, emoji,
/// any non-ASCII or invalid UTF-8) separates words.
struct Word {
  std::string text;
  size_t begin = 0, end = 0;  // byte range in the source
  size_t sentence = 0;
};

/// Words with their sentence numbers; sentences end at a line break or at . ! ? ; followed by a
/// space or the end.
std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> words;
  size_t sentence = 0;
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (is_word_byte(c)) {
      size_t b = i;
      std::string w;
      while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i])))
        w += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
      words.push_back({std::move(w), b, i, sentence});
      continue;
    }
    bool next_is_space =
        i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '\r' || text[i + 1] == '\t';
    if (c == '\n' || ((c == '.' || c == '!' || c == '?' || c == ';') && next_is_space)) ++sentence;
    ++i;
  }
  return words;
}

bool is_number(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_stopword(std::string_view w) {
  static const std::unordered_set<std::string_view> stop = {
      "the",     "and",   "for",   "with",   "from",    "into",  "onto",  "that",  "this",  "these", "those",
      "are",     "was",   "were",  "been",   "being",   "its",   "our",   "your",  "their", "his",   "her",
      "hers",    "ours",  "them",  "they",   "she",     "you",   "will",  "would", "can",   "could", "should",
      "must",    "may",   "might", "not",    "does",    "did",   "have",  "has",   "had",   "about", "before",
      "after",   "than",  "then",  "any",    "some",    "what",  "which", "who",   "whom",  "when",  "where",
      "how",     "one",   "make",  "just",   "also",    "out",   "over",  "more",  "most",  "only",  "own",
      "same",    "very",  "there", "here",   "each",    "other", "all",   "but",   "yet",   "nor",   "too",
      "through", "while", "both",  "either", "neither", "let",   "get",   "got",   "via",   "per",   "able"};
  return stop.count(w) > 0;
}

/// Light suffix stripping so that "drafts", "drafted" and "drafting" meet at "draft".
std::string stem(std::string w) {
  auto ends = [&](std::string_view s) {
    return w.size() >= s.size() + 3 && w.compare(w.size() - s.size(), s.size(), s) == 0;
  };
  if (is_number(w)) return w;
  if (ends("ies")) return w.replace(w.size() - 3, 3, "y");
  if (ends("sses")) return w.erase(w.size() - 2);
  if (ends("ing")) return w.erase(w.size() - 3);
  if (ends("ed")) return w.erase(w.size() - 2);
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's') w.pop_back();
  if (w.size() > 3 && w.back() == 'e') w.pop_back();  // "agree", "agrees" and "agreed" meet at "agre"
  return w;
}

/// Distinct content words (stemmed, stopwords and one- or two-letter words dropped), in order.
std::vector<std::string> content_words(std::string_view text) {
  std::vector<std::string> out;
  for (Word& w : split_words(text)) {
    if ((w.text.size() < 3 && !is_number(w.text)) || is_stopword(w.text)) continue;
    std::string s = stem(std::move(w.text));
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

/// The draft's words, indexed for the checks below.
struct Draft {
  std::string_view text;
  std::vector<Word> words;
  std::vector<std::string> stems;  // per word; empty for stopwords and short words
  size_t sentences = 0;
};

Draft read_draft(std::string_view text) {
  Draft d{text, split_words(text), {}, 0};
  d.stems.reserve(d.words.size());
  for (const Word& w : d.words) {
    bool content = !(w.text.size() < 3 && !is_number(w.text)) && !is_stopword(w.text);
    d.stems.push_back(content ? stem(w.text) : std::string());
  }
  d.sentences = d.words.empty() ? 0 : d.words.back().sentence + 1;
  return d;
}

/// A discussion point or next step as the check sees it: its content words and how many of them
/// one sentence must hold.
struct PointWords {
  std::vector<std::string> words;
  size_t need = 0;
  bool step = false;
};

/// Which points the draft covers. A point is covered by one sentence holding `need` of its words;
/// for a next step that sentence must not read more like a discussion point (by the share of
/// words matched), so a recap of the discussion does not tick a step by sharing its nouns.
std::vector<bool> covered_points(const Draft& d, const std::vector<PointWords>& points) {
  std::unordered_map<std::string_view, std::vector<std::pair<size_t, size_t>>> where;  // stem -> (point, word)
  std::vector<std::vector<size_t>> seen(points.size());  // sentence in which each point's word was last counted
  for (size_t p = 0; p < points.size(); ++p) {
    seen[p].assign(points[p].words.size(), SIZE_MAX);
    for (size_t k = 0; k < points[p].words.size(); ++k) where[points[p].words[k]].emplace_back(p, k);
  }
  std::vector<size_t> count(points.size(), 0), touched;
  std::vector<bool> covered(points.size(), false);
  auto share = [&](size_t p) { return double(count[p]) / double(points[p].words.size()); };
  auto close_sentence = [&] {
    double best_discussion = 0;
    for (size_t p : touched)
      if (!points[p].step) best_discussion = std::max(best_discussion, share(p));
    for (size_t p : touched)
      if (count[p] >= points[p].need && (!points[p].step || share(p) >= best_discussion)) covered[p] = true;
    for (size_t p : touched) count[p] = 0;
    touched.clear();
  };
  size_t current = SIZE_MAX;
  for (size_t i = 0; i < d.words.size(); ++i) {
    if (d.words[i].sentence != current) {
      close_sentence();
      current = d.words[i].sentence;
    }
    if (d.stems[i].empty()) continue;
    auto f = where.find(d.stems[i]);
    if (f == where.end()) continue;
    for (auto [p, k] : f->second) {
      if (seen[p][k] == current) continue;
      seen[p][k] = current;
      if (count[p]++ == 0) touched.push_back(p);
    }
  }
  close_sentence();
  return covered;
}

/// A phrase as lowercase words; matched word by word, so punctuation between them is allowed.
struct Phrase {
  std::vector<std::string> words;
  const char* kind;  // flags: "blame" or "pressure"
};

std::vector<Phrase> make_phrases(std::initializer_list<const char*> texts, const char* kind) {
  std::vector<Phrase> out;
  for (const char* t : texts) {
    Phrase p{{}, kind};
    for (Word& w : split_words(t)) p.words.push_back(std::move(w.text));
    out.push_back(std::move(p));
  }
  return out;
}

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

//-----------------------------------------------------------------------------
// [SECTION] Completeness check
//-----------------------------------------------------------------------------

const std::vector<Phrase>& reply_phrases() {
  static const std::vector<Phrase> phrases = make_phrases(
      {"let me know", "reply", "get back to me", "any questions", "anything i missed", "anything i have missed",
       "anything i ve missed", "if i missed", "if i have missed", "if i ve missed", "missed anything", "correct me",
       "happy to discuss", "get in touch", "feel free", "drop me a line", "your thoughts", "tell me if"},
      "");
  return phrases;
}

const std::vector<Phrase>& flag_phrases() {
  static const std::vector<Phrase> phrases = [] {
    std::vector<Phrase> all = make_phrases(
        {"as i told you", "as i said before", "as i already said", "as i already told you", "as we already said",
         "as we already discussed", "as previously stated", "as stated before", "you failed", "you did not listen",
         "your fault", "your mistake", "your failure", "you should have", "you ignored", "per my last email",
         "as per my last email", "obviously", "clearly you"},
        "blame");
    std::vector<Phrase> pressure = make_phrases(
        {"you need to", "you must", "you have to", "final chance", "last chance", "final warning", "asap",
         "immediately", "no choice", "no other choice", "non negotiable", "or else", "without delay", "urgently"},
        "pressure");
    all.insert(all.end(), pressure.begin(), pressure.end());
    return all;
  }();
  return phrases;
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
  for (const Point* p : discussion) {
    PointWords w{content_words(p->text)};
    w.need = w.words.empty() ? SIZE_MAX : std::min(w.words.size(), std::max<size_t>(2, (w.words.size() + 2) / 3));
    wanted.push_back(std::move(w));
  }
  for (const Point* p : steps) {
    PointWords w{content_words(p->text)};
    w.need = w.words.empty() ? SIZE_MAX : w.words.size() / 2 + 1;
    w.step = true;
    wanted.push_back(std::move(w));
  }
  std::vector<bool> covered_point = covered_points(words, wanted);

  bool recapped =
      std::any_of(covered_point.begin(), covered_point.begin() + discussion.size(), [](bool c) { return c; });
  if (discussion.empty()) {  // nothing was settled: an explicit recap counts
    find_phrases(words,
                 make_phrases({"we discussed", "we talked about", "to recap", "to summarise", "to summarize",
                               "in summary", "we covered"},
                              ""),
                 [&](size_t, size_t, size_t) { recapped = true; });
  }
  check.items.push_back({"summary", "Sums up what you discussed", recapped,
                         recapped             ? ""
                         : discussion.empty() ? "Recap the conversation in a sentence or two (\"We discussed ...\")."
                                              : "Recap what you discussed, e.g. " + quote(discussion.front()->text)});

  for (size_t i = 0; i < steps.size(); ++i) {
    const Point* p = steps[i];
    bool covered = covered_point[discussion.size() + i];
    std::string example = owner_label(p->owner);
    example += (example.empty() ? "" : " ") + step_action(p->text, client_first);
    if (!p->due.empty()) example += ", " + p->due;
    check.items.push_back({"step:" + p->id, "Next step: " + p->text, covered,
                           covered ? "" : "Say who does this and when, e.g. " + quote(example + ".")});
  }

  bool timeline = has_timeline(words);
  check.items.push_back({"timeline", "Says when things will happen", timeline,
                         timeline ? "" : "Add when each step happens (\"by Friday\", \"next week\", \"12 March\")."});

  bool invite = false;
  find_phrases(words, reply_phrases(), [&](size_t, size_t, size_t) { invite = true; });
  check.items.push_back({"reply_invite", "Invites a reply or correction", invite,
                         invite ? "" : "Invite them to reply or correct you (\"Let me know if I missed anything.\")."});

  // Flags: each blame or pressure phrase once, quoting the draft's own words.
  std::vector<bool> flagged(flag_phrases().size(), false);
  find_phrases(words, flag_phrases(), [&](size_t p, size_t first, size_t last) {
    if (flagged[p]) return;
    flagged[p] = true;
    std::string_view found = draft.substr(words.words[first].begin, words.words[last].end - words.words[first].begin);
    check.flags.push_back(std::string(flag_phrases()[p].kind) + ": " + quote(found));
  });

  size_t covered = std::count_if(check.items.begin(), check.items.end(), [](const auto& i) { return i.covered; });
  double coverage = check.items.empty() ? 0.0 : double(covered) / double(check.items.size());
  coverage -= 0.1 * double(check.flags.size());
  check.coverage = std::clamp(coverage, 0.0, 1.0);
  return check;
}

}  // namespace rapport
