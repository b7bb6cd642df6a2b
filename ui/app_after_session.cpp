// App actions after a session: the follow-up email, the journal, exporting and importing
// progress, resetting it, and the suggested next scenario.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app.h"
#include "recommend.h"
#include "json_guard.h"

namespace rapport::ui {

void App::open_screen(Screen screen) {
  bool needs_session = screen == Screen::End || screen == Screen::FollowUp || screen == Screen::Roadmap;
  if (needs_session && (!session_ || !session_->score())) return;
  if (screen == Screen::End && screen_ == Screen::Conversation) {
    // Results open at the top, with the outcome and the score in view.
    next_.scroll = true;
    announce(session_->dialogue().ending()->title + ". Score " + std::to_string(session_->score()->total) +
             " out of 100.");
  }
  if (screen_ == Screen::FollowUp && screen != Screen::FollowUp) keep_followup();  // also outside a frame
  if (screen == Screen::End && screen != screen_) content_focus_ = true;
  if (screen == Screen::FollowUp && screen != screen_) next_.scroll = true;  // opens at its title
  screen_ = screen;
  animating_ = true;
}

void App::open_history(size_t index) {
  const auto& sessions = book_->record().sessions;
  if (index >= sessions.size()) return;
  const Scenario* scenario = nullptr;
  for (const Scenario& s : scenarios_)
    if (s.id == sessions[index].scenario) scenario = &s;
  history_review_ = review_session(sessions[index], scenario);
  history_id_ = sessions[index].id;
  next_.scroll = true;
  screen_ = Screen::History;
  animating_ = true;
}

void App::write_history_followup() {
  if (in_frame_) {
    next_.reopen = true;
    return;
  }
  const auto& sessions = book_->record().sessions;
  const auto rec =
      std::find_if(sessions.begin(), sessions.end(), [&](const SessionRecord& s) { return s.id == history_id_; });
  if (rec == sessions.end()) return;
  const auto it =
      std::find_if(scenarios_.begin(), scenarios_.end(), [&](const Scenario& s) { return s.id == rec->scenario; });
  if (it == scenarios_.end()) return;
  std::string err;
  std::unique_ptr<Session> reopened = Session::reopen(*it, *rec, session_context(), &err);
  if (!reopened) {
    notices_.push_back("This session's follow-up email cannot be written: " + err + ".");
    return;
  }
  if (session_ && !session_->finished()) save_unfinished();  // the library offers it to resume
  current_ = static_cast<int>(it - scenarios_.begin());
  playtest_.reset();
  journal_draft_ = rec->journal;
  journal_saved_ = true;
  set_session(std::move(reopened));
  followup_from_history_ = true;  // the email screen leads back to Progress, where the learner came from
  const Dialogue& d = session_->dialogue();
  trust_shown_ = static_cast<float>(d.value("trust"));
  bubbles_ = BubbleAnim{};
  bubbles_.shown = d.transcript().size() * 2 + 1;
  typing_left_ = 0;
  followup_example_shown_ = false;
  open_screen(Screen::FollowUp);
  announce("The follow-up email for " + it->client.name + ", from your session of " + history_review_.date + ".");
}

void App::followup_edited() {
  if (session_) session_->followup_edited();
}

void App::show_followup_example(bool shown) {
  followup_example_shown_ = shown;
  animating_ = true;
  if (shown) announce("An example email is shown below your draft. Your score counts only your own draft.");
}

void App::name_edited() {
  Settings s = settings_;
  s.learner_name = name_draft_;
  set_settings(s);
  if (settings_.learner_name != name_draft_) {  // something was dropped: show what is kept
    name_draft_ = settings_.learner_name;
    name_draft_revision_++;
  }
}

void App::count_followup() {
  if (!session_) return;
  session_->followup_sent();
  handle_session_events();
}

void App::keep_followup() {
  if (!session_) return;
  session_->followup_left();
  handle_session_events();
}

void App::copy_followup() {
  if (services_.copy_text) services_.copy_text(followup_draft());
  count_followup();
  announce("Follow-up email copied to the clipboard.");
}

void App::download_followup() {
  if (services_.download_text)
    services_.download_text("follow-up-" + (current() ? current()->id : std::string("email")) + ".txt",
                            followup_draft());
  count_followup();
}

namespace {

std::string percent_encode(std::string_view in) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : in) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
      out += static_cast<char>(c);
    else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

void App::mail_followup() {
  // The first line of the draft is its subject ("Subject: ..." or plain), the rest the body.
  std::string subject, body = followup_draft();
  size_t nl = followup_draft().find('\n');
  if (nl != std::string::npos) {
    subject = followup_draft().substr(0, nl);
    if (subject.rfind("Subject: ", 0) == 0) subject = subject.substr(9);
    body = followup_draft().substr(nl + 1);
    while (!body.empty() && body.front() == '\n') body.erase(body.begin());
  }
  if (services_.open_url)
    services_.open_url("mailto:?subject=" + percent_encode(subject) + "&body=" + percent_encode(body));
  count_followup();
}

void App::save_journal() {
  if (!session_ || !session_->record()) return;
  session_->set_journal(journal_draft_);
  journal_saved_ = options_.kiosk || book_->set_journal(session_->record()->id, journal_draft_);
  take_book_notices();
  announce(journal_saved_ ? "Journal entry saved." : "The journal entry could not be saved.");
}

void App::export_progress() {
  if (services_.download_text)
    services_.download_text("rapport-progress.json", safe_dump(progress_to_json(book_->record()), 2));
}

void App::import_progress_text(const std::string& file, const std::string& text) {
  std::string error;
  int added = book_->import_record(text, &error);
  if (added < 0)
    notices_.push_back(file + " could not be imported: " + (error.empty() ? "storage refused it" : error) + ".");
  else
    notices_.push_back("Imported " + std::to_string(added) + " new session" + (added == 1 ? "" : "s") + " from " +
                       file + ".");
  take_book_notices();
  announce(notices_.back());
}

void App::confirm_reset() {
  book_->clear();
  reset_asked_ = false;
  notices_.push_back("Your progress was reset.");
  announce(notices_.back());
}

namespace {
std::vector<const Scenario*> pointers(const std::deque<Scenario>& scenarios) {
  std::vector<const Scenario*> out;
  for (const Scenario& s : scenarios) out.push_back(&s);
  return out;
}
}  // namespace

const Scenario* App::suggested_next() const { return suggest_next(pointers(scenarios_), progress()).scenario; }

std::string App::suggestion_reason() const { return suggest_next(pointers(scenarios_), progress()).reason; }

}  // namespace rapport::ui
