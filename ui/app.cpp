// App state transitions: starting, preparing, replying, finishing and saving sessions.
#include "app.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <random>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "coaching.h"
#include "lint.h"
#include "pacing.h"
#include "reply_coder.h"
#include "suspend.h"
#include "theme.h"
#include "widgets.h"

namespace rapport::ui {

void App::init(AppServices services, std::vector<Scenario> scenarios, std::vector<std::string> load_errors,
               AppOptions options) {
  services_ = std::move(services);
  options_ = std::move(options);
  coaching_ = options_.coaching;
  if (options_.mode && !options_.kiosk) reply_mode_ = *options_.mode;
  scenarios_.assign(std::make_move_iterator(scenarios.begin()), std::make_move_iterator(scenarios.end()));
  load_errors_ = std::move(load_errors);
  book_ = std::make_unique<ProgressBook>(*services_.store);
  book_->load();
  take_book_notices();
  LearnerSettings saved = read_learner_settings(book_->record().settings);
  settings_.theme = saved.theme;
  settings_.text_scale = static_cast<float>(saved.text_scale);
  settings_.learner_name = saved.name;
  name_draft_ = saved.name;
  name_draft_revision_++;
  style_request_ = true;
  screen_ = options_.kiosk ? Screen::Attract : Screen::Home;
  if (options_.lms_review)
    notices_.push_back("Review mode: your LMS is not recording this launch, so scores and progress from it are "
                       "not kept there (practice still works here). To practise for the record, close this window "
                       "and choose \"Start a new attempt\" in your course before entering.");
  if (!options_.scenario.empty() && !options_.kiosk) {
    auto it = std::find_if(scenarios_.begin(), scenarios_.end(), [&](const Scenario& s) { return s.id == options_.scenario; });
    if (it != scenarios_.end()) start_scenario(static_cast<size_t>(it - scenarios_.begin()));
    else notices_.push_back("The link asked for a scenario called '" + options_.scenario + "', which this library does not have.");
  }
}

void App::take_book_notices() {
  for (auto& n : book_->take_notices()) notices_.push_back(std::move(n));
}

void App::note_input(double now) { last_input_ = now; }

bool App::tick(double now) {
  if (!options_.kiosk || screen_ == Screen::Attract) return false;
  if (last_input_ == 0) last_input_ = now;
  if (now - last_input_ < options_.idle_seconds) return false;
  forget_visitor();
  return true;
}

void App::forget_visitor() {
  dialogue_.reset();
  current_ = -1;
  score_.reset();
  pending_prep_.reset();
  notices_.clear();
  reply_draft_.clear();
  reply_draft_revision_++;
  book_->clear();
  reply_mode_ = ReplyMode::Choice;
  settings_open_ = false;
  screen_ = Screen::Attract;
  announce("Welcome to Rapport. Tap to start.");
}

void App::set_settings(const Settings& settings) {
  const std::string old_name = settings_.learner_name;
  settings_ = settings;
  settings_.text_scale = std::clamp(settings_.text_scale, 0.9f, 1.5f);
  settings_.learner_name = clean_learner_name(settings_.learner_name);
  if (settings_.learner_name != old_name && dialogue_ && score_) {
    // The example signs with the new name, and so does the draft's sign-off line.
    followup_example_ = rapport::followup_example(*dialogue_, settings_.learner_name).text;
    if (sign_followup_draft(followup_draft_, old_name, settings_.learner_name)) {
      followup_revision_++;
      followup_check_ = check_followup(*dialogue_, followup_draft_);
    }
  }
  style_request_ = true;
  if (options_.kiosk) return;  // kiosk visitors leave nothing behind
  nlohmann::json j = book_->record().settings;
  j["theme"] = settings_.theme;
  j["text_scale"] = settings_.text_scale;
  j["learner_name"] = settings_.learner_name;
  book_->set_settings(j);
  take_book_notices();
}

bool App::take_style_request() {
  bool r = style_request_;
  style_request_ = false;
  return r;
}

float App::ui_scale() const { return settings_.text_scale * (options_.kiosk ? 1.3f : 1.0f); }

void App::complete_library(std::vector<Scenario> scenarios, std::vector<std::string> load_errors) {
  if (dialogue_) {
    dialogue_.reset();
    current_ = -1;
    score_.reset();
    pending_prep_.reset();
    screen_ = options_.kiosk ? Screen::Attract : Screen::Home;
  }
  scenarios_.assign(std::make_move_iterator(scenarios.begin()), std::make_move_iterator(scenarios.end()));
  load_errors_.insert(load_errors_.end(), std::make_move_iterator(load_errors.begin()),
                      std::make_move_iterator(load_errors.end()));
}

bool App::add_scenario_text(const std::string& file, const std::string& text) {
  LoadResult r = load_scenario(text, file);
  // A scenario loaded at run time gets the same graph checks as `rapport lint`.
  if (r.ok())
    if (std::vector<std::string> lint = lint_scenario(*r.scenario, file); !lint.empty()) {
      r.errors = std::move(lint);
      r.scenario.reset();
    }
  if (!r.ok()) {
    load_errors_.insert(load_errors_.end(), r.errors.begin(), r.errors.end());
    announce("The scenario file " + file + " has " + std::to_string(r.errors.size()) + " problem(s): " + r.errors.front());
    return false;
  }
  std::string title = r.scenario->title;
  auto it = std::find_if(scenarios_.begin(), scenarios_.end(), [&](const Scenario& s) { return s.id == r.scenario->id; });
  if (it != scenarios_.end()) {
    if (current_ == static_cast<int>(it - scenarios_.begin())) {
      // The scenario being played is replaced: leave the session before its data changes.
      dialogue_.reset();
      current_ = -1;
      screen_ = Screen::Home;
    }
    *it = std::move(*r.scenario);
  } else {
    scenarios_.push_back(std::move(*r.scenario));
  }
  notices_.push_back("Loaded \"" + title + "\" from " + file + ".");
  announce(notices_.back());
  return true;
}

void App::announce(const std::string& text) {
  if (services_.announce) services_.announce(text);
}

bool App::take_scroll_request() {
  bool r = scroll_request_;
  scroll_request_ = false;
  return r;
}

void App::open_home() {
  if (options_.embed && dialogue_) {
    // Embedded pages have no library: "home" starts the same scenario again.
    start_scenario(static_cast<size_t>(current_));
    return;
  }
  screen_ = Screen::Home;
  pending_prep_.reset();
  announce("Scenario library");
}

void App::start_scenario(size_t index) {
  if (index >= scenarios_.size()) return;
  if (in_frame_) {
    deferred_.push_back([this, index] { start_scenario(index); });
    return;
  }
  current_ = static_cast<int>(index);
  dialogue_ = std::make_unique<Dialogue>(scenarios_[index], session_seed());
  last_prep_.reset();
  score_.reset();
  pending_prep_.reset();
  bubbles_ = BubbleAnim{};
  typing_left_ = 0;
  trust_shown_ = static_cast<float>(dialogue_->value("trust"));
  screen_ = dialogue_->phase() == Phase::Prepare ? Screen::Prepare : Screen::Conversation;
  if (screen_ == Screen::Conversation && services_.session_started) services_.session_started(*dialogue_);
  announce("Preparing: " + scenarios_[index].title);
}

void App::resume_unfinished() {
  if (in_frame_) {
    deferred_.push_back([this] { resume_unfinished(); });
    return;
  }
  nlohmann::json saved = progress().unfinished;
  if (!saved.is_object()) return;
  std::string id = saved.value("scenario", "");
  auto it = std::find_if(scenarios_.begin(), scenarios_.end(), [&](const Scenario& s) { return s.id == id; });
  if (it == scenarios_.end()) return;
  start_scenario(static_cast<size_t>(it - scenarios_.begin()));
  std::string err;
  if (is_replay_session(saved)) {
    // From an LMS's compact suspend data: rebuild the full state by replaying the inputs.
    if (auto full = replay_session(*it, saved, &err)) saved = std::move(*full);
  }
  if (err.empty()) err = dialogue_->restore(saved);
  if (!err.empty()) {
    notices_.push_back("Your unfinished session could not be resumed: " + err);
    dialogue_ = std::make_unique<Dialogue>(*it);
  }
  trust_shown_ = static_cast<float>(dialogue_->value("trust"));
  bubbles_.shown = dialogue_->transcript().size() * 2 + 1;
  screen_ = dialogue_->phase() == Phase::Prepare ? Screen::Prepare
            : dialogue_->phase() == Phase::Ended ? Screen::End : Screen::Conversation;
  if (dialogue_->phase() == Phase::Ended) {
    finish_session();
    screen_ = Screen::End;  // resumed after the last line was seen: straight to the results
  } else if (err.empty()) {
    save_unfinished();
  }
  scroll_request_ = true;
}

std::uint32_t App::session_seed() const {
  // A fresh order every session, so that no position is always the right answer.
  if (options_.authored_order) return 0;
  if (options_.seed) return options_.seed;
  std::random_device entropy;
  const std::uint32_t seed = entropy();
  return seed ? seed : 1;
}

void App::choose_prep(size_t option) {
  if (!dialogue_ || !dialogue_->prep_step() || option >= dialogue_->prep_step()->options.size()) return;
  pending_prep_ = option;
  focus_continue_ = true;
  announce(dialogue_->prep_step()->options[option].text);
}

void App::confirm_prep() {
  if (!dialogue_ || !pending_prep_) return;
  // "Why this matters" only once the learner has committed to a choice.
  if (const PrepStep* step = dialogue_->prep_step(); step && *pending_prep_ < step->options.size()) {
    const PrepOption& o = step->options[*pending_prep_];
    last_prep_ = o.feedback.empty() ? std::nullopt : std::optional<PrepFeedback>(PrepFeedback{o.feedback, o.recommended});
    if (last_prep_) announce((o.recommended ? "Good call. " : "Worth rethinking. ") + o.feedback);
  }
  dialogue_->choose_prep(*pending_prep_);
  pending_prep_.reset();
  scroll_top_ = true;
  if (dialogue_->phase() == Phase::Conversation) {
    if (services_.session_started) services_.session_started(*dialogue_);
    screen_ = Screen::Conversation;
    trust_shown_ = static_cast<float>(dialogue_->value("trust"));
    bubbles_ = BubbleAnim{0, 0.0f};
    animating_ = true;
    announce(current()->client.name + ": " + dialogue_->client_line());
  }
  save_unfinished();
}

void App::start_typing() {
  const bool pace = options_.pace && !options_.reduced_motion;
  typing_left_ = pace && dialogue_ ? typing_seconds(dialogue_->client_line()) : 0.0f;
}

void App::skip_typing() {
  if (typing_left_ <= 0) return;
  typing_left_ = 0;
  scroll_request_ = true;
  animating_ = true;
}

void App::choose_reply(size_t offered_index) {
  if (!dialogue_ || dialogue_->phase() != Phase::Conversation) return;
  if (!dialogue_->choose(offered_index)) return;
  start_typing();
  if (services_.turn_finished) services_.turn_finished(*dialogue_, dialogue_->transcript().back());
  scroll_request_ = true;
  animating_ = true;
  if (dialogue_->phase() == Phase::Ended) {
    finish_session();
  } else {
    announce(current()->client.name + ": " + dialogue_->client_line());
    save_unfinished();
  }
}

bool App::submit_text(const std::string& text) {
  if (!dialogue_ || dialogue_->phase() != Phase::Conversation) return false;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return false;
  CodedReply coded = classify_reply(text, dialogue_->client_line());
  if (should_ask_which(coded.code, coded.confidence, coded.runner_up, coaching_)) {
    pending_typed_ = PendingTyped{text, coded.code, coded.runner_up};
    animating_ = true;
    announce("Which did you mean? " + std::string(code_intent(coded.code)) + ", or " +
             std::string(code_intent(coded.runner_up)) + "?");
    return true;
  }
  std::string cue = coded.cues.empty() ? std::string() : coded.cues.front();
  return send_typed(text, coded.code, cue, false);
}

void App::answer_which(MiCode code) {
  if (!pending_typed_) return;
  const PendingTyped p = *pending_typed_;
  pending_typed_.reset();
  send_typed(p.text, code, "you said you meant: " + std::string(code_intent(code)), true);
}

bool App::send_typed(const std::string& text, MiCode code, const std::string& cue, bool self_coded) {
  if (!dialogue_->submit_typed(text, code, cue, self_coded)) return false;
  start_typing();
  if (services_.turn_finished) services_.turn_finished(*dialogue_, dialogue_->transcript().back());
  reply_draft_.clear();
  reply_draft_revision_++;
  focus_reply_ = true;
  scroll_request_ = true;
  animating_ = true;
  if (coaching_) announce("Coded as " + std::string(code_label(code)) + (cue.empty() ? "" : ": " + cue));
  if (dialogue_->phase() == Phase::Ended) {
    finish_session();
  } else {
    announce(current()->client.name + ": " + dialogue_->client_line());
    save_unfinished();
  }
  return true;
}

void App::retry_from(size_t turn) {
  if (in_frame_) {
    deferred_.push_back([this, turn] { retry_from(turn); });
    return;
  }
  if (!dialogue_ || !dialogue_->retry_from(turn)) return;
  score_.reset();
  screen_ = Screen::Conversation;
  bubbles_ = BubbleAnim{turn * 2 + 1, 1.0f};
  typing_left_ = 0;
  trust_shown_ = static_cast<float>(dialogue_->value("trust"));
  scroll_request_ = true;
  save_unfinished();
  announce("Back to turn " + std::to_string(turn + 1) + ". " + current()->client.name + ": " + dialogue_->client_line());
}

void App::set_reply_mode(ReplyMode mode) {
  reply_mode_ = mode;
  focus_reply_ = mode == ReplyMode::Text;
  animating_ = true;
}

void App::save_unfinished() {
  if (!dialogue_) return;
  book_->set_unfinished(dialogue_->to_json());
  take_book_notices();
}

void App::finish_session() {
  score_ = score_session(*dialogue_);
  SessionRecord rec;
  std::string when = services_.now ? services_.now() : std::string("1970-01-01T00:00:00Z");
  rec.id = when + "-" + current()->id + "-" + std::to_string(++session_counter_);
  rec.scenario = current()->id;
  rec.finished = when;
  bool typed = std::any_of(dialogue_->transcript().begin(), dialogue_->transcript().end(),
                           [](const Turn& t) { return t.typed; });
  rec.mode = typed ? "text" : "choice";
  rec.outcome = dialogue_->ending()->kind;
  rec.ending_title = dialogue_->ending()->title;
  rec.score = score_->total;
  rec.rq_ratio = score_->miti.reflection_to_question;
  rec.percent_complex = score_->miti.percent_complex;
  for (const auto& t : dialogue_->transcript()) rec.codes[std::string(code_id(t.code))]++;
  rec.transcript = dialogue_->to_json()["turns"];
  rec.last_words = dialogue_->client_line();
  if (services_.session_finished) services_.session_finished(*dialogue_, *score_, rec);
  last_session_ = rec;
  book_->add_session(std::move(rec));
  // The learner writes the email from a skeleton; the example waits until they ask for it.
  followup_draft_ = followup_skeleton(*dialogue_, settings_.learner_name);
  FollowUpExample example = rapport::followup_example(*dialogue_, settings_.learner_name);
  followup_example_ = std::move(example.text);
  followup_example_shown_ = false;
  if (!example.error.empty()) notices_.push_back("The follow-up email: " + example.error + ".");
  followup_revision_++;
  followup_check_ = check_followup(*dialogue_, followup_draft_);
  journal_draft_.clear();
  journal_saved_ = false;
  book_->set_unfinished(nullptr);
  take_book_notices();
  // The client's last words stay on the conversation screen until the learner opens the results.
  screen_ = Screen::Conversation;
  scroll_request_ = true;
  announce((dialogue_->client_line().empty() ? std::string() : current()->client.name + ": " + dialogue_->client_line() + " ") +
           "The conversation is over; your results are ready.");
}

bool App::text_field(const char* id, ImVec2 size, std::string& value, const char* placeholder, int revision,
                     bool enter_submits, const char* hit_label, bool take_focus) {
  const Theme& t = theme();
  bool edited = field_edited_.erase(id) > 0;
  const std::string label = hit_label ? std::string(hit_label) : std::string("field:") + id;
  if (!services_.text_fields) {
    // Without a page (native tests, tools): ImGui's own box, bound to the same std::string.
    if (take_focus) ImGui::SetKeyboardFocusHere();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(t.dp(12), t.dp(10)));
    const ImGuiInputTextFlags flags =
        enter_submits ? ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CtrlEnterForNewLine : 0;
    const bool entered = ImGui::InputTextMultiline((std::string("##") + id).c_str(), &value, size, flags);
    if (enter_submits && entered) field_submitted_.insert(id);
    else edited |= entered;
    edited |= ImGui::IsItemDeactivatedAfterEdit();
    ImGui::PopStyleVar();
    record_hit(label, value, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return edited;
  }
  if (take_focus) ++field_focus_[id];
  TextFieldSpec spec{id, {}, {}, value, revision, placeholder, enter_submits, field_focus_[id]};
  place_field(std::move(spec), size, &value, label);
  return edited;
}

void App::text_view(const char* id, ImVec2 size, const std::string& text, const char* placeholder, int revision) {
  const Theme& t = theme();
  const std::string label = std::string("field:") + id;
  if (!services_.text_fields) {
    std::string& copy = view_buffers_[id];
    copy = text;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(t.dp(12), t.dp(10)));
    ImGui::InputTextMultiline((std::string("##") + id).c_str(), &copy, size, ImGuiInputTextFlags_ReadOnly);
    ImGui::PopStyleVar();
    record_hit(label, text, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return;
  }
  TextFieldSpec spec{id, {}, {}, text, revision, placeholder};
  spec.read_only = true;
  place_field(std::move(spec), size, nullptr, label);
}

void App::place_field(TextFieldSpec spec, ImVec2 size, std::string* bound, const std::string& hit_label) {
  const Theme& t = theme();
  ImVec2 p = ImGui::GetCursorScreenPos();
  ImVec2 q(p.x + size.x, p.y + size.y);
  ImGui::Dummy(size);
  ImGui::GetWindowDrawList()->AddRect(p, q, t.colors.border, t.dp(10), 0, t.dp(1));
  // Only the visible part of the field is handed to the page.
  ImVec2 cmin = ImGui::GetWindowDrawList()->GetClipRectMin(), cmax = ImGui::GetWindowDrawList()->GetClipRectMax();
  if (q.y > cmin.y && p.y < cmax.y) {
    if (bound) field_values_[spec.id] = bound;
    spec.min = ImVec2(p.x, std::max(p.y, cmin.y));
    spec.max = ImVec2(q.x, std::min(q.y, cmax.y));
    record_hit(hit_label, spec.value, p, q);
    fields_.push_back(std::move(spec));
  }
}

void App::text_field_input(const std::string& id, const std::string& text) {
  auto it = field_values_.find(id);
  if (it == field_values_.end()) return;
  *it->second = text;
  field_edited_.insert(id);
  animating_ = true;
}

void App::frame(float dt) {
  animating_ = false;
  in_frame_ = true;
  fields_.clear();
  field_values_.clear();
  begin_hit_frame();
  if (ease_toward(trust_shown_, dialogue_ ? static_cast<float>(dialogue_->value("trust")) : 0.0f, dt)) animating_ = true;
  if (typing_left_ > 0) {
    typing_left_ -= dt;
    animating_ = true;
    if (typing_left_ <= 0) {
      typing_left_ = 1e-6f;  // skip_typing() shows the line and scrolls to it
      skip_typing();
    }
  }
  if (bubbles_.appear < 1.0f) {
    bubbles_.appear = std::min(1.0f, bubbles_.appear + dt / 0.18f);
    animating_ = true;
  }
  // Escape closes the settings sheet, else leaves a session for the library.
  if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
    if (settings_open_) settings_open_ = false;
    else if (reference_open_) {
      // the reference sheet closes itself on Escape
    } else if (screen_ == Screen::FollowUp || screen_ == Screen::Roadmap) open_screen(Screen::End);
    else if (screen_ == Screen::History) open_screen(Screen::Progress);
    else if (screen_ != Screen::Home && screen_ != Screen::Attract) open_home();
  }
  switch (screen_) {
    case Screen::FollowUp: draw_followup(*this); break;
    case Screen::Roadmap: draw_roadmap(*this); break;
    case Screen::Progress: draw_progress(*this); break;
    case Screen::History: draw_history(*this); break;
    case Screen::Attract: draw_attract(*this); break;
    case Screen::Home: draw_home(*this); break;
    case Screen::Prepare: draw_prepare(*this); break;
    case Screen::Conversation: draw_conversation(*this); break;
    case Screen::End: draw_end(*this); break;
  }
  if (settings_open_ || reference_open_) {
    // A sheet is modal and covers the screen: the screen's page fields must not show through
    // it, and its widgets cannot be reached, so they leave the hit table.
    for (const auto& f : fields_) field_values_.erase(f.id);
    fields_.clear();
    begin_hit_layer();
  }
  if (settings_open_) draw_settings(*this);
  else if (reference_open_) draw_reference(*this);
  end_hit_frame();
  if (services_.text_fields) services_.text_fields(fields_);
  in_frame_ = false;
  std::vector<std::function<void()>> actions;
  actions.swap(deferred_);
  for (auto& a : actions) a();
  if (!actions.empty()) animating_ = true;
}

bool begin_screen(const char* id) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  // Keyboard navigation needs a focused window: give it to the screen when nothing has it.
  if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_AnyWindow) && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId))
    ImGui::SetNextWindowFocus();
  constexpr ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                     ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
  return ImGui::Begin(id, nullptr, flags);
}

void end_screen() { ImGui::End(); }

}  // namespace rapport::ui
