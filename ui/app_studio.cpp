// The authoring studio's side of the app: opening it, the form's text buffers, and play-tests of a
// draft in the real conversation screen that store and report nothing.
#include "app.h"

#include "draft_shelf.h"

namespace rapport::ui {

void App::open_studio() {
  if (!studio_) {
    std::vector<authoring::BuiltIn> built_ins;
    if (services_.built_in_text)
      for (const Scenario& s : scenarios_)
        if (std::string text = services_.built_in_text(s.id); !text.empty())
          built_ins.push_back(authoring::BuiltIn{s.id, s.title, std::move(text)});
    studio_ = std::make_unique<authoring::Studio>(*services_.store, std::move(built_ins), services_.now);
  }
  screen_ = Screen::Studio;
  next_.scroll_top = true;
  animating_ = true;
  announce("Authoring studio");
}

std::string& App::studio_buffer(const std::string& pointer, const std::string& value) {
  if (studio_ && studio_buffers_revision_ != studio_->form_revision()) {
    studio_buffers_.clear();
    studio_buffers_revision_ = studio_->form_revision();
  }
  auto [it, added] = studio_buffers_.try_emplace(pointer, value);
  return it->second;
}

void App::start_playtest(const std::string& node) {
  if (!studio_ || !studio_->editing()) return;
  if (in_frame_) {
    next_.playtest = node;
    return;
  }
  std::string error;
  std::optional<Scenario> s = authoring::playtest_scenario(studio_->doc(), authoring::PlayTestStart{node, {}}, &error);
  if (!s) {
    notices_.push_back("The draft cannot be played yet: " + error);
    return;
  }
  playtest_ = std::make_unique<Scenario>(std::move(*s));
  playtest_from_ = node;
  current_ = -1;
  set_session(std::make_unique<Session>(*playtest_, session_seed(), session_context()));
  last_prep_.reset();
  pending_prep_.reset();
  bubbles_ = BubbleAnim{};
  typing_left_ = 0;
  trust_shown_ = static_cast<float>(session_->dialogue().value("trust"));
  screen_ = session_->dialogue().phase() == Phase::Prepare ? Screen::Prepare : Screen::Conversation;
  announce("Play-test: " + playtest_->title);
  handle_session_events();
}

void App::export_studio_draft() {
  if (!studio_ || !studio_->editing()) return;
  if (services_.download_text) services_.download_text(studio_->export_name(), studio_->export_text());
  notices_.push_back("Exported " + studio_->export_name() + ": it loads in any Rapport page (drop it on the page).");
}

void App::back_to_studio() {
  std::string at;
  if (session_ && session_->dialogue().node()) at = session_->dialogue().node()->id;
  set_session(nullptr);
  playtest_.reset();
  pending_prep_.reset();
  if (studio_ && studio_->editing() && !at.empty())
    studio_->select(authoring::Selection{authoring::Selection::Kind::Node, at, -1});
  open_studio();
}

}  // namespace rapport::ui
