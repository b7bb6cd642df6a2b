// Follow-up email: the template renderer and the scenario's own template.
//
// [SECTION] Template parsing
// [SECTION] Template rendering
// (the emails and their data are in followup_email.cpp, the completeness check in
// followup_check.cpp)
#include "followup.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <nlohmann/json.hpp>

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
  if (v->is_string())
    out += v->get_ref<const std::string&>();
  else if (v->is_boolean())
    out += v->get<bool>() ? "true" : "false";
  else if (v->is_number())
    out += v->dump();
}

/// Bounds the work of sections over long lists nested inside each other (n^depth otherwise).
constexpr size_t kMaxRenderSteps = size_t{1} << 24;   // tokens and list elements visited
constexpr size_t kMaxRenderOutput = size_t{1} << 23;  // bytes

struct RenderBudget {
  size_t steps_left = kMaxRenderSteps;
  bool exhausted = false;
  /// Charges one step; false (and exhausted) once the budget or the output size is spent.
  bool charge(const std::string& out) {
    if (steps_left == 0 || out.size() > kMaxRenderOutput)
      exhausted = true;
    else
      --steps_left;
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
  else
    t.body = body->get<std::string>();
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

}  // namespace rapport
