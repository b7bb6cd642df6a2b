// The studio's forms: every field is a real text field bound to a JSON pointer of the draft, and
// every change is an edit sent to core (typing in one field is one undo step). Choices (codes,
// links, stages, kinds) are combos; the problems list takes the author to where each is fixed.
#include "studio_forms.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app.h"
#include "imgui.h"
#include "mi_codes.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {

namespace {

using authoring::Json;
using authoring::Selection;
using authoring::Studio;
namespace edit = authoring::edit;

const Json* at(const Json& doc, const std::string& pointer) {
  const Json::json_pointer p(pointer);
  return doc.contains(p) ? &doc[p] : nullptr;
}

std::string text_at(const Json& doc, const std::string& pointer) {
  const Json* j = at(doc, pointer);
  return j && j->is_string() ? j->get<std::string>() : std::string();
}

int int_at(const Json& doc, const std::string& pointer, int fallback) {
  const Json* j = at(doc, pointer);
  return j && j->is_number_integer() ? j->get<int>() : fallback;
}

size_t size_at(const Json& doc, const std::string& pointer) {
  const Json* j = at(doc, pointer);
  return j && j->is_array() ? j->size() : 0;
}

struct Form {
  App& app;
  Studio& s;
  float x, width;

  void at_x() const { ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y)); }

  void heading(const std::string& text) const {
    const Theme& t = theme();
    ImGui::Dummy(ImVec2(0, t.dp(6)));
    at_x();
    wrapped_text(t.fonts.heading, t.colors.text, text, width);
  }

  void note(const std::string& text) const {
    at_x();
    wrapped_text(theme().fonts.small, theme().colors.text_muted, text, width);
  }

  /// A labelled text field for the string at `pointer`; `lines` sets its height.
  void field(const std::string& pointer, const char* label, int lines = 1) const {
    const Theme& t = theme();
    at_x();
    wrapped_text(t.fonts.small, t.colors.text_muted, label, width);
    std::string& buffer = app.studio_buffer(pointer, text_at(s.doc().json(), pointer));
    const std::string id = "studio:" + pointer;
    at_x();
    const float h = t.fonts.body->FontSize * (1.35f * static_cast<float>(lines)) + t.dp(20);
    if (app.text_field(id.c_str(), Size2{width, h}, buffer, "", app.studio_buffers_revision()))
      s.apply(edit::SetField{pointer, buffer}, nullptr, true);
    ImGui::Dummy(ImVec2(0, t.dp(2)));
  }

  /// A field holding JSON (conditions, flags, branches) for the value at `pointer`, which may be
  /// absent: emptied, the member goes; text that is not JSON yet is kept and not applied.
  void json_field(const std::string& pointer, const char* label, int lines = 2) const {
    const Theme& t = theme();
    at_x();
    wrapped_text(t.fonts.small, t.colors.text_muted, label, width);
    const Json* now = at(s.doc().json(), pointer);
    std::string& buffer = app.studio_buffer("json:" + pointer, now ? now->dump() : std::string());
    const std::string id = "studio:json:" + pointer;
    at_x();
    const float h = t.fonts.body->FontSize * (1.35f * static_cast<float>(lines)) + t.dp(20);
    if (app.text_field(id.c_str(), Size2{width, h}, buffer, "", app.studio_buffers_revision())) {
      if (buffer.find_first_not_of(" \t\r\n") == std::string::npos) {
        if (now) s.apply(edit::SetField{pointer, nullptr}, nullptr, true);
      } else if (Json v = Json::parse(buffer, nullptr, false); !v.is_discarded()) {
        s.apply(edit::SetField{pointer, std::move(v)}, nullptr, true);
      }
    }
    if (!buffer.empty() && Json::parse(buffer, nullptr, false).is_discarded()) note("Not JSON yet: not applied.");
    ImGui::Dummy(ImVec2(0, t.dp(2)));
  }

  /// A combo over `options` (value, shown text) for the string at `pointer`; `on_pick` applies it.
  template <typename OnPick>
  void combo(const std::string& hit, const char* label, const std::string& current,
             const std::vector<std::pair<std::string, std::string>>& options, OnPick on_pick) const {
    const Theme& t = theme();
    at_x();
    wrapped_text(t.fonts.small, t.colors.text_muted, label, width);
    at_x();
    std::string shown = current.empty() ? "(choose)" : current;
    for (const auto& [value, text] : options)
      if (value == current) shown = text;
    ImGui::SetNextItemWidth(width);
    // The list shows every option (up to ten) without scrolling.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float rows = static_cast<float>(std::min<size_t>(options.size(), 10));
    const float list_h = rows * ImGui::GetTextLineHeightWithSpacing() + style.WindowPadding.y * 2 + style.ItemSpacing.y;
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, list_h), ImVec2(width, list_h));
    const bool open = ImGui::BeginCombo(("##" + hit).c_str(), shown.c_str(), ImGuiComboFlags_HeightLarge);
    record_hit(hit, current, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (open) {
      for (const auto& [value, text] : options) {
        if (ImGui::Selectable(text.c_str(), value == current)) on_pick(value);
        record_hit("choice:" + value, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      }
      ImGui::EndCombo();
    }
  }

  bool button(const char* label, const std::string& text, bool primary = false) const {
    at_x();
    return pill_button(label, text, primary);
  }

  /// Places the next pill, showing `text`, beside the last item when it fits in the form's width,
  /// else at the start of a new line (a phone at the largest text size).
  void beside(std::string_view text) const {
    const float gap = theme().dp(8);
    if (ImGui::GetItemRectMax().x + gap + pill_width(text) <= x + width)
      ImGui::SameLine(0, gap);
    else
      at_x();
  }

  /// Node and ending ids, for the combos that link a reply: listed once per form drawn, not per combo.
  const std::vector<std::pair<std::string, std::string>>& targets() const {
    if (targets_listed) return targets_;
    targets_listed = true;
    std::vector<std::pair<std::string, std::string>>& out = targets_;
    const Json& doc = s.doc().json();
    for (const char* list : {"nodes", "endings"})
      if (const Json* a = at(doc, std::string("/") + list); a && a->is_array())
        for (const Json& item : *a)
          if (item.is_object() && item.contains("id") && item["id"].is_string()) {
            const std::string id = item["id"].get<std::string>();
            out.emplace_back(id, std::string(list[0] == 'n' ? "node " : "ending ") + id);
          }
    return out;
  }
  mutable std::vector<std::pair<std::string, std::string>> targets_;
  mutable bool targets_listed = false;
};

/// "open question" for "open_question"; an unknown id as it is.
std::string readable_code(const std::string& id) {
  const std::optional<MiCode> code = parse_code(id);
  return code ? std::string(code_label(*code)) : id;
}

bool has_ending(const Json& doc, const std::string& id) {
  if (const Json* endings = at(doc, "/endings"); endings && endings->is_array())
    for (const Json& e : *endings)
      if (e.is_object() && e.value("id", "") == id) return true;
  return false;
}

void scenario_form(const Form& f) {
  Studio& s = f.s;
  f.heading("Scenario");
  f.field("/title", "Title");
  f.field("/summary", "Summary (on the library card)", 2);
  f.field("/briefing", "Briefing (what the learner knows before the conversation)", 3);
  f.field("/domain", "Domain (consulting, sales, customer_service, ...)");
  f.field("/challenge", "Challenge (questioned_advice, budget_cut, project_delays, ...)");
  f.heading("Client");
  f.field("/client/name", "Name");
  f.field("/client/role", "Role");
  f.field("/client/organisation", "Organisation");
  f.field("/client/wants", "Wants", 2);
  f.field("/client/fears", "Fears", 2);
  f.heading("Follow-up email (optional template)");
  if (at(s.doc().json(), "/followup")) {
    f.field("/followup/subject", "Subject");
    f.field("/followup/body", "Body", 5);
  } else if (f.button("button:Add follow-up", "Add a follow-up email template")) {
    s.apply(edit::SetField{"/followup", Json{{"subject", ""}, {"body", ""}}});
  }
  f.heading("State at the start (0 to 100)");
  // A copy: an edit replaces the draft's state object while the sliders are drawn.
  std::vector<std::pair<std::string, int>> state;
  if (const Json* j = at(s.doc().json(), "/state"); j && j->is_object())
    for (const auto& [name, value] : j->items())
      state.emplace_back(name, value.is_number_integer() ? value.get<int>() : 50);
  for (auto& [name, v] : state) {
    f.at_x();
    ImGui::SetNextItemWidth(f.width * 0.6f);
    if (ImGui::SliderInt(name.c_str(), &v, 0, 100)) s.apply(edit::SetStateVariable{name, v}, nullptr, true);
    record_hit("state:" + name, std::to_string(v), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (name != "trust") {
      ImGui::SameLine(0, theme().dp(8));
      if (pill_button(("state-remove:" + name).c_str(), "Remove")) s.apply(edit::RemoveStateVariable{name});
    }
  }
  {
    f.note("Another variable (tension, openness, ...):");
    std::string& name = f.app.studio_buffer("state:new", "");
    f.at_x();
    f.app.text_field("studio:state:new", Size2{f.width * 0.6f, theme().fonts.body->FontSize * 1.35f + theme().dp(20)},
                     name, "", f.app.studio_buffers_revision());
    f.beside("Add variable");
    if (!name.empty() && pill_button("button:Add variable", "Add variable")) s.apply(edit::SetStateVariable{name, 50});
  }
  f.heading("Add to the draft");
  if (f.button("button:Add node", "Add node", true)) {
    s.apply(edit::AddNode{});
    const Json& nodes = s.doc().json()["nodes"];
    s.select(Selection{Selection::Kind::Node, nodes.back()["id"].get<std::string>(), -1});
  }
  f.beside("Add ending");
  if (pill_button("button:Add ending", "Add ending")) {
    std::string id = "ending-1";
    for (int n = 2; has_ending(s.doc().json(), id); ++n) id = "ending-" + std::to_string(n);
    s.apply(edit::AddEnding{id, "partial", ""});
    s.select(Selection{Selection::Kind::Ending, id, -1});
  }
  if (f.button("button:Preparation", "Preparation steps")) s.select(Selection{Selection::Kind::Prep, "", -1});
  f.beside("Points to cover");
  if (pill_button("button:Points", "Points to cover")) s.select(Selection{Selection::Kind::Points, "", -1});
}

int node_index(const Json& doc, const std::string& id) {
  const Json* nodes = at(doc, "/nodes");
  if (!nodes || !nodes->is_array()) return -1;
  for (size_t i = 0; i < nodes->size(); ++i)
    if ((*nodes)[i].is_object() && (*nodes)[i].value("id", "") == id) return static_cast<int>(i);
  return -1;
}

bool typed_only_at(const Json& doc, const std::string& reply) {
  const Json* v = at(doc, reply + "/typed_only");
  return v && v->is_boolean() && v->get<bool>();
}

void reply_form(const Form& f, const std::string& node, const std::string& base, int r) {
  Studio& s = f.s;
  const Json& doc = s.doc().json();
  const std::string rp = base + "/replies/" + std::to_string(r);
  f.field(rp + "/text", "What the learner says", 3);
  std::vector<std::pair<std::string, std::string>> codes;
  for (MiCode c : all_mi_codes()) codes.emplace_back(std::string(code_id(c)), std::string(code_label(c)));
  f.combo("reply:code", "Its code (what an MI coach would call it)", text_at(doc, rp + "/code"), codes,
          [&](const std::string& v) {
            s.apply(edit::SetField{rp + "/code", v});
          });
  // A typed-only reply is what learners are likely to type ("Have you tried restarting the
  // router?"): never shown as a choice, it gives a close typed reply its own reaction.
  const bool typed_only = typed_only_at(doc, rp);
  f.combo("reply:shown", "How the learner meets it", typed_only ? "typed" : "choice",
          {{"choice", "As a choice"}, {"typed", "Only when typed"}}, [&](const std::string& v) {
            if ((v == "typed") != typed_only)
              s.apply(edit::SetField{rp + "/typed_only", v == "typed" ? Json(true) : Json(nullptr)});
          });
  f.combo("reply:next", "Leads to", text_at(doc, rp + "/next"), f.targets(), [&](const std::string& v) {
    s.apply(edit::Relink{node, r, v});
  });
  // One slider per state variable: how this reply moves it.
  std::vector<std::string> vars;
  if (const Json* state = at(doc, "/state"); state && state->is_object())
    for (const auto& [name, value] : state->items()) vars.push_back(name);
  for (const std::string& var : vars) {
    int v = int_at(doc, rp + "/effects/" + var, 0);
    f.at_x();
    ImGui::SetNextItemWidth(f.width * 0.6f);
    if (ImGui::SliderInt(("Change in " + var).c_str(), &v, -20, 20)) {
      if (!at(doc, rp + "/effects")) s.apply(edit::SetField{rp + "/effects", Json::object()});
      s.apply(edit::SetField{rp + "/effects/" + var, v}, nullptr, true);
    }
    record_hit("reply:" + var, std::to_string(v), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  }
  f.field(rp + "/say", "What the client says back at once (optional)", 2);
  f.field(rp + "/tip", "Coach's tip", 2);
  f.field(rp + "/better", "A better reply (for replies that push)", 2);
  f.json_field(rp + "/requires", "Offered only after these flags (JSON list, optional)", 1);
  f.json_field(rp + "/sets_flags", "Sets these flags (JSON list, optional)", 1);
  f.json_field(rp + "/next_if", "Leads elsewhere when (JSON list of {\"when\", \"next\"}, optional)", 2);
  if (f.button("button:Delete reply", "Delete reply")) s.apply(edit::DeleteReply{node, r});
  f.beside("Duplicate reply");
  if (pill_button("button:Duplicate reply", "Duplicate reply")) s.apply(edit::DuplicateReply{node, r});
  if (r > 0) {
    f.beside("Move up");
    if (pill_button("button:Move reply up", "Move up")) {
      s.apply(edit::MoveReply{node, r, r - 1});
      s.select(Selection{Selection::Kind::Node, node, r - 1});
    }
  }
}

void node_form(const Form& f) {
  Studio& s = f.s;
  const Selection sel = s.selection();
  const Json& doc = s.doc().json();
  const int n = node_index(doc, sel.id);
  if (n < 0) return;
  const std::string base = "/nodes/" + std::to_string(n);
  f.heading("Node " + sel.id);
  record_hit("studio:selected", sel.id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  std::vector<std::pair<std::string, std::string>> stages;
  for (const std::string& st : known_stages()) stages.emplace_back(st, st);
  f.combo("node:stage", "Stage of the conversation", text_at(doc, base + "/stage"), stages, [&](const std::string& v) {
    s.apply(edit::SetField{base + "/stage", v});
  });
  const size_t lines = size_at(doc, base + "/client");
  for (size_t i = 0; i < lines; ++i) {
    const std::string lp = base + "/client/" + std::to_string(i);
    f.field(lp + "/text", lines > 1 ? "What the client says (a variant)" : "What the client says", 3);
    ImGui::PushID(static_cast<int>(i));
    f.combo("line:talk:" + std::to_string(i + 1), "Client talk", text_at(doc, lp + "/talk"),
            {{"", "Neither"}, {"change", "Change talk"}, {"sustain", "Sustain talk"}}, [&](const std::string& v) {
              s.apply(edit::SetField{lp + "/talk", v.empty() ? Json(nullptr) : Json(v)});
            });
    if (lines > 1) f.json_field(lp + "/when", "Said when (a condition, e.g. {\"max\": {\"tension\": 50}})", 1);
    ImGui::PopID();
  }
  if (f.button("button:Add client line", "Add a variant of the line")) s.apply(edit::AddClientLine{sel.id, ""});
  f.heading("Replies");
  const size_t replies = size_at(doc, base + "/replies");
  for (size_t r = 0; r < replies; ++r) {
    const std::string rp = base + "/replies/" + std::to_string(r);
    const std::string text = text_at(doc, rp + "/text");
    f.at_x();
    const bool open = sel.reply == static_cast<int>(r);
    if (card_button(("reply:" + std::to_string(r + 1)).c_str(), text.empty() ? "(no words yet)" : text,
                    readable_code(text_at(doc, rp + "/code")) + " \xE2\x86\x92 " + text_at(doc, rp + "/next") +
                        (typed_only_at(doc, rp) ? " (only when typed)" : ""),
                    f.width, std::to_string(r + 1), open, true))
      s.select(Selection{Selection::Kind::Node, sel.id, open ? -1 : static_cast<int>(r)});
    if (open) {
      // A reply just opened (or just added) scrolls into view.
      static Selection scrolled_to;
      if (!(scrolled_to == sel)) {
        ImGui::SetScrollHereY(0.15f);
        scrolled_to = sel;
      }
      reply_form(f, sel.id, base, static_cast<int>(r));
    }
  }
  if (f.button("button:Add reply", "Add reply", true)) {
    s.apply(edit::AddReply{sel.id, "", MiCode::OpenQuestion, ""});
    s.select(Selection{Selection::Kind::Node, sel.id, static_cast<int>(replies)});
  }
  f.combo("node:typed", "When the learner types a reply instead, go to", text_at(doc, base + "/typed/default/next"),
          f.targets(), [&](const std::string& v) {
            s.apply(edit::SetField{base + "/typed/default/next", v});
          });
  f.heading("This node");
  {
    const Theme& t = theme();
    f.note("Id (every link follows a rename)");
    std::string& id = f.app.studio_buffer("rename:" + base, sel.id);
    f.at_x();
    f.app.text_field(("studio:rename:" + base).c_str(), Size2{f.width, t.fonts.body->FontSize * 1.35f + t.dp(20)}, id,
                     "", f.app.studio_buffers_revision());
    if (id != sel.id && f.button("button:Rename", "Rename node", true)) {
      const std::string to = id;
      std::string error;
      if (s.apply(edit::RenameNode{sel.id, to}, &error))
        s.select(Selection{Selection::Kind::Node, to, -1});
      else
        f.app.add_notice("Rename: " + error);
    }
  }
  f.heading("Play-test from this node");
  f.note("Starts here, preparation skipped, with these values (drag to change):");
  if (const Json* state = at(doc, "/state"); state && state->is_object())
    for (const auto& [name, value] : state->items()) {
      auto [it, added] = f.app.playtest_state().try_emplace(name, value.is_number_integer() ? value.get<int>() : 50);
      f.at_x();
      ImGui::SetNextItemWidth(f.width * 0.6f);
      ImGui::SliderInt(("##play:" + name).c_str(), &it->second, 0, 100, (name + " %d").c_str());
      record_hit("play:" + name, std::to_string(it->second), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    }
  if (f.button("button:Play from this node", "Play from this node", true)) f.app.start_playtest(sel.id);
  f.heading("This node");
  if (f.button("button:Duplicate node", "Duplicate node")) s.apply(edit::DuplicateNode{sel.id});
  f.beside("Delete node");
  if (pill_button("button:Delete node", "Delete node")) s.apply(edit::DeleteNode{sel.id});
  if (f.button("button:Scenario", "\xE2\x86\x90 Scenario and client")) s.select(Selection{});
}

void ending_form(const Form& f) {
  Studio& s = f.s;
  const Selection sel = s.selection();
  const Json& doc = s.doc().json();
  const Json* endings = at(doc, "/endings");
  int e = -1;
  for (size_t i = 0; endings && endings->is_array() && i < endings->size(); ++i)
    if ((*endings)[i].is_object() && (*endings)[i].value("id", "") == sel.id) e = static_cast<int>(i);
  if (e < 0) return;
  const std::string base = "/endings/" + std::to_string(e);
  f.heading("Ending " + sel.id);
  f.combo("ending:kind", "Kind", text_at(doc, base + "/kind"),
          {{"breakthrough", "Breakthrough"}, {"partial", "Partial"}, {"rupture", "Rupture"}},
          [&](const std::string& v) {
            s.apply(edit::SetField{base + "/kind", v});
          });
  f.field(base + "/title", "Title");
  f.field(base + "/debrief", "Debrief (what happened and why)", 4);
  f.field(base + "/client_says", "The client's last words", 2);
  f.field(base + "/email_opening",
          "Example follow-up email after this ending: its first paragraph, in the learner's voice (empty: the "
          "standard one)",
          3);
  f.field(base + "/email_next", "Example follow-up email: what comes next (empty: the standard wording)", 2);
  if (f.button("button:Delete ending", "Delete ending")) s.apply(edit::DeleteEnding{sel.id});
  f.beside("\xE2\x86\x90 Scenario and client");
  if (pill_button("button:Scenario", "\xE2\x86\x90 Scenario and client")) s.select(Selection{});
}

void prep_form(const Form& f) {
  Studio& s = f.s;
  const Json& doc = s.doc().json();
  f.heading("Preparation steps");
  f.note("Optional: questions the learner answers before the conversation, one recommended option each.");
  const size_t steps = size_at(doc, "/prep");
  for (size_t i = 0; i < steps; ++i) {
    const std::string base = "/prep/" + std::to_string(i);
    f.field(base + "/question", ("Step " + std::to_string(i + 1) + ": the question").c_str(), 2);
    const size_t options = size_at(doc, base + "/options");
    ImGui::PushID(static_cast<int>(i));
    for (size_t o = 0; o < options; ++o) {
      const std::string op = base + "/options/" + std::to_string(o);
      f.field(op + "/text", ("Option " + std::to_string(o + 1)).c_str(), 2);
      f.field(op + "/feedback", "Why it matters (shown once chosen)", 2);
      const Json* rec = at(doc, op + "/recommended");
      const bool on = rec && rec->is_boolean() && rec->get<bool>();
      ImGui::PushID(static_cast<int>(o));
      if (f.button("prep:recommended", on ? "Recommended" : "Not recommended", on))
        s.apply(edit::SetField{op + "/recommended", !on});
      ImGui::PopID();
    }
    if (f.button("button:Add option", "Add option"))
      s.apply(edit::AddPrepOption{static_cast<int>(i), "option-" + std::to_string(options + 1), ""});
    f.beside("Delete step");
    if (pill_button("button:Delete step", "Delete step")) s.apply(edit::DeletePrepStep{static_cast<int>(i)});
    ImGui::PopID();
  }
  if (f.button("button:Add step", "Add preparation step", true))
    s.apply(edit::AddPrepStep{"step-" + std::to_string(steps + 1), "data", ""});
  if (f.button("button:Scenario", "\xE2\x86\x90 Scenario and client")) s.select(Selection{});
}

void points_form(const Form& f) {
  Studio& s = f.s;
  const Json& doc = s.doc().json();
  f.heading("Points to cover");
  f.note("What the follow-up email should mention: points discussed and agreed next steps.");
  const size_t points = size_at(doc, "/points");
  for (size_t i = 0; i < points; ++i)
    f.field("/points/" + std::to_string(i) + "/text", ("Point " + std::to_string(i + 1)).c_str(), 2);
  if (f.button("button:Add point", "Add point", true))
    s.apply(edit::AddPoint{"point-" + std::to_string(points + 1), "discussion", ""});
  if (f.button("button:Scenario", "\xE2\x86\x90 Scenario and client")) s.select(Selection{});
}

void ship_form(const Form& f) {
  Studio& s = f.s;
  App& app = f.app;
  const Theme& t = theme();
  f.heading("Ship it");
  f.note("The scenario file loads in any Rapport page: drop it on the page, or use Load scenario.");
  if (f.button("button:Export JSON", "Export the scenario file", true)) app.export_studio_draft();
  if (app.can_export_packages()) {
    f.heading("A package for your LMS (SCORM)");
    f.note(
        "The package holds the whole app. Its learners see this scenario and the built-in ones you tick "
        "here; their scores go to the LMS.");
    for (const authoring::BuiltIn& b : s.built_ins()) {
      const bool on = app.package_built_ins().count(b.id) > 0;
      f.at_x();
      if (card_button(("ship:" + b.id).c_str(), b.title, on ? "In the package" : "Not in the package", f.width, {}, on))
        on ? (void)app.package_built_ins().erase(b.id) : (void)app.package_built_ins().insert(b.id);
    }
    if (f.button("button:SCORM 2004", "SCORM 2004 zip", true)) app.export_studio_package("2004");
    f.beside("SCORM 1.2 zip");
    if (pill_button("button:SCORM 1.2", "SCORM 1.2 zip")) app.export_studio_package("1.2");
  }
  f.heading("A kiosk at an event");
  f.note(
      "Open this link in this browser on the kiosk: walk-up visitors play the draft, and nothing they do is "
      "kept.");
  const std::string link = app.studio_kiosk_link();
  f.at_x();
  app.text_view("studio:kiosk-link", Size2{f.width, t.fonts.body->FontSize * 1.35f * 2 + t.dp(20)}, link, "",
                f.app.studio_buffers_revision());
  if (f.button("button:Copy kiosk link", "Copy the kiosk link")) app.copy_text(link);
  if (f.button("button:Scenario", "\xE2\x86\x90 Scenario and client")) s.select(Selection{});
}

}  // namespace

void draw_studio_form(App& app, Studio& s, float x, float width) {
  const Form f{app, s, x, width};
  switch (s.selection().kind) {
    case Selection::Kind::Scenario: scenario_form(f); break;
    case Selection::Kind::Node: node_form(f); break;
    case Selection::Kind::Ending: ending_form(f); break;
    case Selection::Kind::Prep: prep_form(f); break;
    case Selection::Kind::Points: points_form(f); break;
    case Selection::Kind::Ship: ship_form(f); break;
  }
}

void draw_studio_problems(Studio& s, float x, float width) {
  const Theme& t = theme();
  const std::vector<authoring::Problem>& problems = s.problems();
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  if (problems.empty()) {
    wrapped_text(t.fonts.body, t.colors.good, "No problems: the draft loads, passes every check and the coder agrees.",
                 width);
    record_hit("studio:problems", "0", ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return;
  }
  size_t errors = 0;
  for (const authoring::Problem& p : problems) errors += p.kind == authoring::Problem::Kind::Error ? 1 : 0;
  const size_t readings = problems.size() - errors;
  std::string head = errors ? std::to_string(errors) + " to fix" : std::string();
  if (readings)
    head +=
        (errors ? ", " : "") + std::to_string(readings) + " coder reading" + (readings > 1 ? "s" : "") + " to review";
  wrapped_text(t.fonts.body, errors ? t.colors.poor : t.colors.fair, head + " (click one to go there)", width);
  record_hit("studio:problems", std::to_string(problems.size()), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
  const size_t shown = std::min<size_t>(problems.size(), 6);
  std::optional<size_t> go;
  for (size_t i = 0; i < shown; ++i) {
    const authoring::Problem& p = problems[i];
    std::string where = p.node.empty() ? p.pointer : "node " + p.node;
    if (p.reply >= 0) where += ", reply " + std::to_string(p.reply + 1);
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    const bool coder = p.kind == authoring::Problem::Kind::CoderDisagrees;
    if (card_button(("problem:" + std::to_string(i + 1)).c_str(), p.message,
                    (coder ? "The coder reads it differently \xC2\xB7 " : "") + where, width, {}, false, true))
      go = i;
  }
  if (problems.size() > shown) {
    ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
    wrapped_text(t.fonts.small, t.colors.text_muted, "and " + std::to_string(problems.size() - shown) + " more", width);
  }
  if (go) s.go_to_problem(*go);
}

std::string studio_stats_line(Studio& s) {
  const std::optional<authoring::DraftStats>& st = s.stats();
  if (!st) return "Statistics appear once the draft loads.";
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "%d nodes \xC2\xB7 %d replies \xC2\xB7 breakthrough under random play %.0f%% \xC2\xB7 first choices "
                "%.0f%% \xC2\xB7 %.1f turns \xC2\xB7 %d pushy wins in %d random plays",
                st->shape.nodes, st->shape.replies, st->play.random_breakthrough * 100,
                st->play.first_choice_breakthrough * 100, st->play.random_mean_turns, st->play.random_inconsistent_wins,
                st->play.random_plays);
  return buf;
}

}  // namespace rapport::ui
