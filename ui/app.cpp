// App state transitions: starting, preparing, replying, finishing and saving sessions.
#include "app.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <random>
#include <utility>
#include <nlohmann/json.hpp>

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
  next_.restyle = true;
  screen_ = options_.kiosk ? Screen::Attract : Screen::Home;
  if (options_.lms_review)
    notices_.push_back(
        "Review mode: your LMS is not recording this launch, so scores and progress from it are "
        "not kept there (practice still works here). To practise for the record, close this window "
        "and choose \"Start a new attempt\" in your course before entering.");
  if (!options_.drafts.empty()) add_drafts_to_library(options_.drafts);
  if (options_.author && !options_.kiosk && !options_.embed && options_.scenario.empty() && studio_linked())
    open_studio();
  if (!options_.scenario.empty() && !options_.kiosk) {
    auto it = std::find_if(scenarios_.begin(), scenarios_.end(),
                           [&](const Scenario& s) { return s.id == options_.scenario; });
    if (it != scenarios_.end())
      start_scenario(static_cast<size_t>(it - scenarios_.begin()));
    else
      notices_.push_back("The link asked for a scenario called '" + options_.scenario +
                         "', which this library does not have.");
  }
}

void App::take_book_notices() {
  for (auto& n : book_->take_notices()) notices_.push_back(std::move(n));
}

void App::note_input(double now) { last_input_ = now; }

void App::keep_reply_draft(double now) {
  if (!session_ || playtest_ || session_->finished() || reply_draft_ == saved_draft_) {
    draft_unsaved_since_ = 0;
    return;
  }
  if (draft_unsaved_since_ == 0) draft_unsaved_since_ = now;
  if (now - draft_unsaved_since_ >= kReplyDraftSaveSeconds) save_unfinished();
}

void App::keep_unsaved_now() {
  // The page is going away (reload, closed tab, another app on a phone): what waits for its
  // one-second pause is kept now. A reviewer's reply, reloaded within a second, was gone.
  if (session_ && !playtest_ && !session_->finished() && reply_draft_ != saved_draft_) save_unfinished();
  draft_unsaved_since_ = 0;
  if (session_ && !playtest_ && screen_ == Screen::FollowUp && session_->followup_unkept()) keep_followup();
  followup_unkept_since_ = 0;
}

void App::keep_followup_draft(double now) {
  // The email is kept as the learner writes it, not only when they leave the screen: a reviewer's
  // 100% draft was gone after a reload, its points never added.
  if (!session_ || playtest_ || screen_ != Screen::FollowUp || !session_->followup_unkept()) {
    followup_unkept_since_ = 0;
    return;
  }
  if (followup_unkept_since_ == 0) followup_unkept_since_ = now;
  if (now - followup_unkept_since_ < kReplyDraftSaveSeconds) return;
  followup_unkept_since_ = 0;
  keep_followup();
}

void App::set_settings(const Settings& settings) {
  const std::string old_name = settings_.learner_name;
  settings_ = settings;
  settings_.text_scale = std::clamp(settings_.text_scale, 0.9f, 1.5f);
  settings_.learner_name = clean_learner_name(settings_.learner_name);
  if (session_) session_->set_learner_name(settings_.learner_name);
  next_.restyle = true;
  if (options_.kiosk) return;  // kiosk visitors leave nothing behind
  nlohmann::json j = book_->record().settings;
  j["theme"] = settings_.theme;
  j["text_scale"] = settings_.text_scale;
  j["learner_name"] = settings_.learner_name;
  book_->set_settings(j);
  take_book_notices();
}

float App::ui_scale() const { return settings_.text_scale * (options_.kiosk ? 1.3f : 1.0f); }

void App::complete_library(std::vector<Scenario> scenarios, std::vector<std::string> load_errors) {
  if (session_) {
    set_session(nullptr);
    current_ = -1;
    pending_prep_.reset();
    screen_ = options_.kiosk ? Screen::Attract : Screen::Home;
  }
  scenarios_.assign(std::make_move_iterator(scenarios.begin()), std::make_move_iterator(scenarios.end()));
  load_errors_.insert(load_errors_.end(), std::make_move_iterator(load_errors.begin()),
                      std::make_move_iterator(load_errors.end()));
}

bool App::add_scenario_text(const std::string& file, const std::string& text) {
  // In the studio a picked or dropped file becomes a draft to edit.
  if (screen_ == Screen::Studio && studio_part_ && studio_) return studio_part_->import_file(*this, file, text);
  LoadResult r = load_scenario(text, file);
  // A scenario loaded at run time gets the same graph checks as `rapport lint`.
  if (r.ok())
    if (std::vector<std::string> lint = lint_scenario(*r.scenario, file); !lint.empty()) {
      r.errors = std::move(lint);
      r.scenario.reset();
    }
  if (!r.ok()) {
    load_errors_.insert(load_errors_.end(), r.errors.begin(), r.errors.end());
    announce("The scenario file " + file + " has " + std::to_string(r.errors.size()) +
             " problem(s): " + r.errors.front());
    return false;
  }
  std::string title = r.scenario->title;
  auto it =
      std::find_if(scenarios_.begin(), scenarios_.end(), [&](const Scenario& s) { return s.id == r.scenario->id; });
  if (it != scenarios_.end()) {
    if (current_ == static_cast<int>(it - scenarios_.begin())) {
      // The scenario being played is replaced: leave the session before its data changes.
      set_session(nullptr);
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

const App::StudioPart* App::studio_part_ = nullptr;

void App::open_studio() {
  if (studio_part_)
    studio_part_->open(*this);
  else if (services_.open_studio_page)
    services_.open_studio_page();
  else
    notices_.push_back("This build of Rapport has no authoring studio.");
}

void App::start_playtest(const std::string& node) {
  if (studio_part_) studio_part_->start_playtest(*this, node);
}

void App::back_to_studio() {
  // The screen being drawn still reads the play-test's session and scenario after its button.
  if (in_frame_) {
    next_.back_to_studio = true;
    return;
  }
  if (studio_part_) studio_part_->back(*this);
}

void App::open_home() {
  if (playtest_) {
    back_to_studio();
    return;
  }
  if (screen_ == Screen::FollowUp) keep_followup();  // before the session can be replaced
  if (options_.embed && session_) {
    // Embedded pages have no library: "home" starts the same scenario again.
    start_scenario(static_cast<size_t>(current_));
    return;
  }
  screen_ = Screen::Home;
  pending_prep_.reset();
  announce("Scenario library");
}

void App::set_session(std::unique_ptr<Session> session) {
  // The follow-up revision only ever grows, so the page's fields reload whatever the new session shows.
  revision_base_ = followup_revision() + 1;
  session_ = std::move(session);
  followup_from_history_ = false;
}

SessionContext App::session_context() {
  SessionContext c;
  c.now = services_.now;
  c.next_number = [this] { return ++session_counter_; };
  c.learner_name = settings_.learner_name;
  return c;
}

void App::start_scenario(size_t index) {
  if (index >= scenarios_.size()) return;
  if (in_frame_) {
    next_.start = index;
    return;
  }
  current_ = static_cast<int>(index);
  playtest_.reset();
  open_session(scenarios_[index], "Preparing: " + scenarios_[index].title);
}

void App::open_session(const Scenario& scenario, const std::string& announcement) {
  set_session(std::make_unique<Session>(scenario, session_seed(), session_context()));
  last_prep_.reset();
  pending_prep_.reset();
  bubbles_ = BubbleAnim{};
  typing_left_ = 0;
  trust_shown_ = static_cast<float>(session_->dialogue().value("trust"));
  screen_ = session_->dialogue().phase() == Phase::Prepare ? Screen::Prepare : Screen::Conversation;
  announce(announcement);
  handle_session_events();
}

void App::resume_unfinished() {
  if (in_frame_) {
    next_.resume = true;
    return;
  }
  const nlohmann::json& saved = progress().unfinished;
  const std::string id = progress().unfinished_scenario();
  if (id.empty()) return;
  const auto draft = saved.find("draft");
  const std::string typed = draft != saved.end() && draft->is_string() ? draft->get<std::string>() : std::string();
  const auto typing = saved.find("typing");
  const bool was_typing = !typed.empty() || (typing != saved.end() && typing->is_boolean() && typing->get<bool>());
  auto it = std::find_if(scenarios_.begin(), scenarios_.end(), [&](const Scenario& s) { return s.id == id; });
  if (it == scenarios_.end()) return;
  std::string err;
  std::unique_ptr<Session> resumed = Session::resume(*it, saved, session_context(), &err);
  start_scenario(static_cast<size_t>(it - scenarios_.begin()));
  if (!resumed) {
    // The fresh session start_scenario() began stays; the saved inputs are not half-restored.
    notices_.push_back("Your unfinished session could not be resumed: " + err);
    return;
  }
  set_session(std::move(resumed));
  const Dialogue& d = session_->dialogue();
  trust_shown_ = static_cast<float>(d.value("trust"));
  bubbles_.shown = d.transcript().size() * 2 + 1;
  screen_ = d.phase() == Phase::Prepare ? Screen::Prepare : Screen::Conversation;
  if (session_->finished()) {
    // Resumed after the last line was seen: the session is recorded, straight to the results.
    session_->take_events();
    record_finished_session();
    screen_ = Screen::End;
  } else {
    if (was_typing) {  // the reply they were typing when they left, in the box it was in
      reply_draft_ = typed;
      reply_draft_revision_++;
      set_reply_mode(ReplyMode::Text);
    }
    save_unfinished();
  }
  next_.scroll = true;
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
  const Dialogue* d = dialogue();
  if (!d || !d->prep_step() || option >= d->prep_step()->options.size()) return;
  pending_prep_ = option;
  next_.focus_continue = true;
  announce(d->prep_step()->options[option].text);
}

void App::confirm_prep() {
  if (!session_ || !pending_prep_) return;
  // "Why this matters" only once the learner has committed to a choice.
  if (const PrepStep* step = session_->dialogue().prep_step(); step && *pending_prep_ < step->options.size()) {
    const PrepOption& o = step->options[*pending_prep_];
    // The feedback says what the choice did to trust, which the learner otherwise saw only as a
    // different starting figure.
    const std::string note = prep_trust_note(o.effects, session_->scenario().client.name);
    const std::string text = o.feedback + (o.feedback.empty() || note.empty() ? "" : " ") + note;
    last_prep_ = text.empty() ? std::nullopt : std::optional<PrepFeedback>(PrepFeedback{text, o.recommended});
    if (last_prep_) announce((o.recommended ? "Good call. " : "Worth rethinking. ") + text);
  }
  session_->choose_prep(*pending_prep_);
  pending_prep_.reset();
  next_.scroll_top = true;
  handle_session_events();
}

void App::start_typing() {
  const bool pace = options_.pace && !options_.reduced_motion;
  typing_left_ = pace && session_ ? typing_seconds(session_->dialogue().client_line()) : 0.0f;
}

void App::skip_typing() {
  if (typing_left_ <= 0) return;
  typing_left_ = 0;
  next_.scroll = true;
  animating_ = true;
}

void App::choose_reply(size_t offered_index) {
  if (!session_ || !session_->choose(offered_index)) return;
  handle_session_events();
}

bool App::submit_text(const std::string& text) {
  const Dialogue* d = dialogue();
  if (!d || d->phase() != Phase::Conversation) return false;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return false;
  CodedReply coded = classify_reply(text, d->client_line());
  if (should_ask_which(coded, text, d->client_line(), coaching_)) {
    pending_typed_ = PendingTyped{text, which_options(coded.code, coded.runner_up, text, coded.reflection)};
    animating_ = true;
    content_focus_ = true;  // the first reading takes the keyboard focus
    std::string question = "Which did you mean? ";
    for (size_t k = 0; k < pending_typed_->options.size(); ++k)
      question += (k == 0                                    ? ""
                   : k + 1 == pending_typed_->options.size() ? ", or "
                                                             : ", ") +
                  std::string(code_intent(pending_typed_->options[k]));
    announce(question + "?");
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
  if (!session_ || !session_->submit_typed(text, code, cue, self_coded)) return false;
  reply_draft_.clear();
  reply_draft_revision_++;
  next_.focus_reply = true;
  if (coaching_) announce("Coded as " + std::string(code_label(code)) + (cue.empty() ? "" : ": " + cue));
  handle_session_events();
  return true;
}

void App::retry_from(size_t turn) {
  if (in_frame_) {
    next_.retry_from = turn;
    return;
  }
  if (!session_ || !session_->retry_from(turn)) return;
  screen_ = Screen::Conversation;
  bubbles_ = BubbleAnim{turn * 2 + 1, 1.0f};
  typing_left_ = 0;
  trust_shown_ = static_cast<float>(session_->dialogue().value("trust"));
  next_.scroll = true;
  handle_session_events();
  announce("Back to turn " + std::to_string(turn + 1) + ". " + current()->client.name + ": " +
           session_->dialogue().client_line());
}

void App::set_reply_mode(ReplyMode mode) {
  const bool changed = reply_mode_ != mode;
  reply_mode_ = mode;
  if (changed && session_ && !session_->finished() && screen_ == Screen::Conversation) save_unfinished();
  next_.focus_reply = mode == ReplyMode::Text;
  // The reply cards are taller than the text box: keep the client's last line in view above them.
  next_.scroll = true;
  animating_ = true;
}

void App::save_unfinished() {
  if (!session_ || playtest_) return;
  nlohmann::json saved = session_->saved_inputs();
  // A reply typed and not yet sent is the learner's text too: kept exactly, given back on resume,
  // in the text box (also when it is empty: a learner typing replies is not sent back to the cards).
  if (!reply_draft_.empty() && !session_->finished()) saved["draft"] = reply_draft_;
  if (reply_mode_ == ReplyMode::Text && !session_->finished()) saved["typing"] = true;
  saved_draft_ = session_->finished() ? std::string() : reply_draft_;
  book_->set_unfinished(saved);
  take_book_notices();
}

bool App::take_content_focus() {
  const bool keyboard = ImGui::GetIO().NavVisible;
  return std::exchange(content_focus_, false) && keyboard;
}

void App::handle_session_events() {
  if (!session_) return;
  const Dialogue& d = session_->dialogue();
  for (const SessionEvent& e : session_->take_events()) {
    switch (e.kind) {
      case SessionEventKind::PrepChosen:
      case SessionEventKind::Rewound: break;
      case SessionEventKind::Started:
        if (services_.session_started && !playtest_) services_.session_started(d);
        if (screen_ == Screen::Prepare) {
          screen_ = Screen::Conversation;
          trust_shown_ = static_cast<float>(d.value("trust"));
          bubbles_ = BubbleAnim{0, 0.0f};
          animating_ = true;
          content_focus_ = true;
          announce(current()->client.name + ": " + d.client_line());
        }
        break;
      case SessionEventKind::TurnPlayed:
        start_typing();
        content_focus_ = true;
        if (services_.turn_finished && !playtest_) services_.turn_finished(d, d.transcript().back());
        next_.scroll = true;
        animating_ = true;
        if (!session_->finished()) announce(current()->client.name + ": " + d.client_line());
        break;
      case SessionEventKind::Finished:
        record_finished_session();
        // The client's last words stay on the conversation screen until the learner opens the results.
        screen_ = Screen::Conversation;
        next_.scroll = true;
        announce((d.client_line().empty() ? std::string() : current()->client.name + ": " + d.client_line() + " ") +
                 "The conversation is over; your results are ready.");
        break;
      case SessionEventKind::Rescored:
        if (playtest_) break;
        book_->update_session(*session_->record());
        take_book_notices();
        if (session_->score()->total != e.score_before && services_.session_rescored)
          services_.session_rescored(d, *session_->score(), *session_->record());
        break;
    }
    if (e.save) save_unfinished();
  }
}

void App::record_finished_session() {
  if (playtest_) return;  // an author's play-test is not the learner's history
  const SessionRecord& rec = *session_->record();
  if (services_.session_finished) services_.session_finished(session_->dialogue(), *session_->score(), rec);
  book_->add_session(rec);
  if (!session_->followup_error().empty())
    notices_.push_back("The follow-up email: " + session_->followup_error() + ".");
  followup_example_shown_ = false;
  journal_draft_.clear();
  journal_saved_ = false;
  book_->set_unfinished(nullptr);
  take_book_notices();
}

namespace {

// Screens and sheets are called through function pointers, not by name. The wasm optimiser inlines
// a function that has one caller whatever its size, so named calls fold every screen into the
// frame function; and the browser compiles a wasm function whole when it is first called, so the
// first frame would compile ten screens to draw one (a 33 KB function before; 4 KB now).
using DrawFn = void (*)(App&);

DrawFn screen_drawer(Screen screen) {
  switch (screen) {
    case Screen::FollowUp: return draw_followup;
    case Screen::Roadmap: return draw_roadmap;
    case Screen::Progress: return draw_progress;
    case Screen::History: return draw_history;
    case Screen::Attract: return draw_attract;
    case Screen::Prepare: return draw_prepare;
    case Screen::Conversation: return draw_conversation;
    case Screen::End: return draw_end;
    case Screen::Home:
    case Screen::Studio: break;  // the studio is drawn by its part (App::frame)
  }
  return draw_home;
}

DrawFn sheet_drawer(bool settings) { return settings ? draw_settings : draw_reference; }

}  // namespace

void App::frame(float dt) {
  const Screen shown_before = screen_;
  animating_ = false;
  now_ = std::exchange(next_, FrameRequests{});
  in_frame_ = true;
  fields_.clear();
  field_values_.clear();
  if (studio_part_) studio_part_->refresh_buffers(*this);
  begin_hit_frame();
  if (ease_toward(trust_shown_, session_ ? static_cast<float>(session_->dialogue().value("trust")) : 0.0f, dt))
    animating_ = true;
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
    if (settings_open_)
      settings_open_ = false;
    else if (reference_open_) {
      // the reference sheet closes itself on Escape
    } else if (screen_ == Screen::FollowUp || screen_ == Screen::Roadmap)
      open_screen(Screen::End);
    else if (screen_ == Screen::History)
      open_screen(Screen::Progress);
    else if (screen_ != Screen::Home && screen_ != Screen::Attract)
      open_home();
  }
  if (screen_ == Screen::Studio) {
    if (studio_part_) studio_part_->draw(*this);
  } else {
    screen_drawer(screen_)(*this);
  }
  if (settings_open_ || reference_open_) {
    // A sheet is modal and covers the screen: the screen's page fields must not show through
    // it, and its widgets cannot be reached, so they leave the hit table.
    for (const auto& f : fields_) field_values_.erase(f.id);
    fields_.clear();
    begin_hit_layer();
  } else if (ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) {
    fields_.clear();  // an open list (a combo) is drawn on the canvas: page fields must not cover it
  }
  if (settings_open_ || reference_open_) sheet_drawer(settings_open_)(*this);
  if (idle_warning_ > 0) {
    // The kiosk's "Still there?" covers everything: a tap keeps the visitor and chooses nothing.
    for (const auto& f : fields_) field_values_.erase(f.id);
    fields_.clear();
    begin_hit_layer();
    draw_still_there(*this);
  }
  end_hit_frame();
  if (services_.text_fields) services_.text_fields(fields_);
  in_frame_ = false;
  // A draft the learner wrote and left counts as written: the checklist said how complete it was,
  // and the results should agree without a Copy press.
  if (shown_before == Screen::FollowUp && screen_ != Screen::FollowUp) keep_followup();
  // The actions that replace the session, now that the frame that asked for them is drawn.
  const std::optional<size_t> start = std::exchange(next_.start, std::nullopt);
  const std::optional<size_t> retry = std::exchange(next_.retry_from, std::nullopt);
  const bool resume = std::exchange(next_.resume, false);
  const bool reopen = std::exchange(next_.reopen, false);
  const std::optional<std::string> playtest = std::exchange(next_.playtest, std::nullopt);
  const bool back = std::exchange(next_.back_to_studio, false);
  if (back) back_to_studio();
  if (playtest) start_playtest(*playtest);
  if (start) start_scenario(*start);
  if (resume) resume_unfinished();
  if (retry) retry_from(*retry);
  if (reopen) write_history_followup();
  if (start || resume || retry || playtest || reopen || back) animating_ = true;
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
